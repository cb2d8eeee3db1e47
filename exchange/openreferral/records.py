"""The rows Open Referral objects are made of, read in bulk for a page of services.

A page is read with one query per table (the services, their organisations, each kind of child
row, each kind of tag) as named tuples, never model instances: building tens of thousands of
model objects through Django's prefetching cost more than everything else a page of 1,000 full
services takes. Each row has the model's field names, so the serialisers read a row as they
would read a model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet

from directory.models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    ServiceAgeBand,
    ServiceArea,
    ServiceCircumstance,
    ServiceContact,
    ServiceExternalTerm,
    ServiceLanguage,
    ServiceLocation,
    ServiceNeed,
    ServicePage,
    ServiceSchedule,
)

from .taxonomies import Term, TermIndex

Row = Any  # a named tuple from values_list(named=True): fields by the model's names

SERVICE_FIELDS = (
    "pk",
    "oruk_id",
    "title",
    "status",
    "summary",
    "description",
    "website",
    "email",
    "is_free",
    "fees_description",
    "minimum_age",
    "maximum_age",
    "last_reviewed",
    "alert",
    "last_published_at",
    "schedule_notes",
    "organisation_id",
    "online",
)
ORGANISATION_FIELDS = (
    "pk",
    "oruk_id",
    "name",
    "description",
    "email",
    "website",
    "phone",
    "charity_number",
    "company_number",
)
LOCATION_FIELDS = (
    "pk",
    "page_id",
    "oruk_id",
    "name",
    "address_1",
    "address_2",
    "city",
    "postcode",
    "latitude",
    "longitude",
    "accessibility",
)
_CHILDREN: dict[str, tuple[type[Model], tuple[str, ...]]] = {
    "locations": (ServiceLocation, LOCATION_FIELDS),
    "contacts": (
        ServiceContact,
        ("page_id", "oruk_id", "name", "title", "phone", "phone_description", "email"),
    ),
    "schedules": (
        ServiceSchedule,
        ("page_id", "oruk_id", "weekday", "opens_at", "closes_at", "description"),
    ),
    "languages": (ServiceLanguage, ("page_id", "oruk_id", "code", "note")),
    "service_areas": (ServiceArea, ("page_id", "oruk_id", "name", "description")),
    "external_terms": (
        ServiceExternalTerm,
        (
            "page_id",
            "taxonomy",
            "taxonomy_id",
            "term",
            "term_id",
            "code",
            "description",
            "term_uri",
        ),
    ),
}
# Tag tables: (through model, its service column, its term column, the vocabulary).
_TAGS = (
    (ServicePage.levels.through, "servicepage_id", "levelofneed_id", LevelOfNeed),
    (ServiceNeed, "content_object_id", "tag_id", Need),
    (ServiceAgeBand, "content_object_id", "tag_id", AgeBand),
    (ServiceCircumstance, "content_object_id", "tag_id", Circumstance),
)


@dataclass
class ServiceRecord:
    """One service and the rows its Open Referral objects are made of."""

    service: Row
    organisation: Row | None
    locations: list[Row] = field(default_factory=list)
    contacts: list[Row] = field(default_factory=list)
    schedules: list[Row] = field(default_factory=list)
    languages: list[Row] = field(default_factory=list)
    service_areas: list[Row] = field(default_factory=list)
    external_terms: list[Row] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)


def service_rows(services: QuerySet[ServicePage]) -> QuerySet:
    """The services' own columns, in the queryset's order; slice it, then ``records``."""
    return services.values_list(*SERVICE_FIELDS, named=True)


def organisation_rows(organisations: QuerySet[Organisation]) -> QuerySet:
    return organisations.values_list(*ORGANISATION_FIELDS, named=True)


def records(
    rows: Sequence[Row], terms: TermIndex | None = None, *, nested: bool = True
) -> list[ServiceRecord]:
    """A record per service row, in the rows' order. With ``nested`` (and ``terms``), every
    child row and term too; without, only the service and its organisation."""
    organisations = {
        org.pk: org
        for org in organisation_rows(
            Organisation.objects.filter(pk__in={row.organisation_id for row in rows})
        )
    }
    found = [ServiceRecord(row, organisations.get(row.organisation_id)) for row in rows]
    if not nested or not rows:
        return found
    by_pk = {record.service.pk: record for record in found}
    pks = list(by_pk)
    for relation, (model, fields) in _CHILDREN.items():
        ordered = model._default_manager.filter(page_id__in=pks).order_by("sort_order", "pk")
        for child in ordered.values_list(*fields, named=True):
            getattr(by_pk[child.page_id], relation).append(child)
    if terms is not None:
        for record, found_terms in _terms_of(pks, terms).items():
            by_pk[record].terms = sorted(found_terms, key=lambda term: term.position)
    return found


def _terms_of(pks: list[int], terms: TermIndex) -> dict[int, list[Term]]:
    found: dict[int, list[Term]] = defaultdict(list)
    for through, service_column, term_column, vocabulary in _TAGS:
        pairs = through.objects.filter(**{f"{service_column}__in": pks}).values_list(
            service_column, term_column
        )
        for service_pk, term_pk in pairs:
            term = terms.term_for(vocabulary, term_pk)
            if term is not None:
                found[service_pk].append(term)
    return found
