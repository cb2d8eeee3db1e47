"""Our models as Open Referral UK v3 objects: one function per object.

Optional fields that are empty are left out rather than sent as "" or null: the standard types
them as strings with formats (uri, email) that an empty value would break. Objects we keep
inside another row (a location's address and accessibility, a contact's phone, a service's
cost and its taxonomy links) get ids derived from their owner's id, so they never change.
"""

from __future__ import annotations

import html
import re
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags

from ..models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    ServiceAgeBand,
    ServiceCircumstance,
    ServiceExternalTerm,
    ServiceLocation,
    ServiceNeed,
    ServicePage,
)
from .taxonomies import Term, TermIndex, derived_id

JSON = dict[str, Any]

COUNTRY = "GB"
# Open Referral wants a state or province on every address; England's councils have none, so
# the field carries the country part, as other UK publishers do.
STATE_PROVINCE = "England"

# Our status choices are the standard's enum values already; this keeps it that way.
STATUS = {choice: choice for choice in ServicePage.Status.values}

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|ul|ol|div)>|<br\s*/?>", re.IGNORECASE)


def _present(**fields: Any) -> JSON:
    """The fields that have a value (0 and False count as values)."""
    return {name: value for name, value in fields.items() if value not in ("", None, [])}


def plain_text(rich_text: str) -> str:
    """Rich text as plain text: one line per paragraph or list item, entities decoded."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", rich_text or "")))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


# -- querysets ------------------------------------------------------------------------------


def with_related(services: QuerySet[ServicePage]) -> QuerySet[ServicePage]:
    """Everything service_full needs, in a fixed number of queries whatever the page size."""
    return services.select_related("organisation").prefetch_related(
        "locations",
        "contacts",
        "schedules",
        "service_areas",
        "languages",
        "external_terms",
        Prefetch("tagged_needs", ServiceNeed.objects.only("id", "tag_id", "content_object_id")),
        Prefetch(
            "tagged_circumstances",
            ServiceCircumstance.objects.only("id", "tag_id", "content_object_id"),
        ),
        Prefetch(
            "tagged_age_bands", ServiceAgeBand.objects.only("id", "tag_id", "content_object_id")
        ),
        Prefetch("levels", LevelOfNeed.objects.only("id")),
    )


# -- objects --------------------------------------------------------------------------------


def organization(org: Organisation) -> JSON:
    return {
        "id": org.oruk_id,
        "name": org.name,
        "description": org.description,
        **_present(email=org.email, website=org.website, phone=org.phone),
    }


def organization_full(org: Organisation) -> JSON:
    identifiers = []
    for scheme, kind, value in (
        ("GB-CHC", "Charity number", org.charity_number),
        ("GB-COH", "Company number", org.company_number),
    ):
        if value:
            identifiers.append(
                {
                    "id": derived_id("organization_identifier", org.oruk_id, scheme),
                    "organization_id": org.oruk_id,
                    "identifier_scheme": scheme,
                    "identifier_type": kind,
                    "identifier": value,
                }
            )
    body = organization(org)
    if identifiers:
        body["organization_identifiers"] = identifiers
    return body


def cost_options(service: ServicePage) -> list[JSON]:
    """Free: one option with amount 0 in GBP. Charged: one option describing the fees in words
    (we hold no amount, so none is invented)."""
    option = {"id": derived_id("cost_option", service.oruk_id), "service_id": service.oruk_id}
    if service.is_free:
        option |= {"option": "Free", "amount": 0, "currency": "GBP"}
        option |= _present(amount_description=service.fees_description)
    else:
        option |= _present(option="Fee", amount_description=service.fees_description)
    return [option]


def location(place: ServiceLocation) -> JSON:
    located = place.latitude is not None and place.longitude is not None
    body = {
        "id": place.oruk_id,
        "location_type": "physical",
        "name": place.name,
        **({"latitude": place.latitude, "longitude": place.longitude} if located else {}),
    }
    if place.address_1 or place.postcode:
        body["addresses"] = [
            {
                "id": derived_id("address", place.oruk_id),
                "location_id": place.oruk_id,
                "address_1": ", ".join(line for line in (place.address_1, place.address_2) if line)
                or place.name,
                "city": place.city,
                "state_province": STATE_PROVINCE,
                "postal_code": place.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]
    if place.accessibility:
        body["accessibility"] = [
            {
                "id": derived_id("accessibility", place.oruk_id),
                "location_id": place.oruk_id,
                "description": place.accessibility,
            }
        ]
    return body


def location_summary(place: ServiceLocation) -> JSON:
    """The location's one-to-one fields, for service_at_location listings."""
    return {
        key: value
        for key, value in location(place).items()
        if key not in ("addresses", "accessibility")
    }


def service_at_location_id(place: ServiceLocation) -> str:
    return derived_id("service_at_location", place.oruk_id)


def service_at_location(service: ServicePage, place: ServiceLocation) -> JSON:
    return {
        "id": service_at_location_id(place),
        "service_id": service.oruk_id,
        "location_id": place.oruk_id,
        "location": location(place),
    }


def service_summary(service: ServicePage) -> JSON:
    """The service's one-to-one fields and its organisation (service_list)."""
    description = "\n\n".join(
        part for part in (service.summary, plain_text(service.description)) if part
    )
    fees = "Free" if service.is_free else service.fees_description
    body = {
        "id": service.oruk_id,
        "name": service.title,
        "status": STATUS.get(service.status, "active"),
        **_present(
            organization_id=service.organisation.oruk_id if service.organisation else None,
            description=description,
            url=service.website,
            email=service.email,
            fees=fees,
            minimum_age=service.minimum_age,
            maximum_age=service.maximum_age,
            assured_date=service.last_reviewed.isoformat() if service.last_reviewed else None,
            alert=service.alert,
            last_modified=(
                service.last_published_at.isoformat() if service.last_published_at else None
            ),
        ),
    }
    if service.organisation:
        body["organization"] = organization(service.organisation)
    return body


def service_terms(service: ServicePage, terms: TermIndex) -> list[Term]:
    """The service's terms from its prefetched tag rows: levels, needs, age bands, circumstances."""
    found = [terms.term_for(LevelOfNeed, level.pk) for level in service.levels.all()]
    for relation, model in (
        ("tagged_needs", Need),
        ("tagged_age_bands", AgeBand),
        ("tagged_circumstances", Circumstance),
    ):
        found.extend(terms.term_for(model, row.tag_id) for row in getattr(service, relation).all())
    return sorted((term for term in found if term is not None), key=lambda term: term.position)


def attribute(service: ServicePage, term: Term) -> JSON:
    return {
        "id": derived_id("attribute", service.oruk_id, term.id),
        "link_id": service.oruk_id,
        "link_type": "service",
        "taxonomy_term_id": term.id,
        "taxonomy_term": term.as_oruk(),
    }


def external_attribute(service: ServicePage, term: ServiceExternalTerm) -> JSON:
    """A term of another publisher's taxonomy that an import kept, published back as it came."""
    return {
        "id": derived_id("attribute", service.oruk_id, term.term_id),
        "link_id": service.oruk_id,
        "link_type": "service",
        "taxonomy_term_id": term.term_id,
        "taxonomy_term": {
            "id": term.term_id,
            "name": term.term,
            "description": term.description,
            "taxonomy": term.taxonomy,
            "term": term.term,
            **_present(taxonomy_id=term.taxonomy_id, code=term.code, term_uri=term.term_uri),
        },
    }


def service_full(service: ServicePage, terms: TermIndex) -> JSON:
    """The fully nested service. Expects a service from ``with_related``."""
    body = service_summary(service)
    if service.organisation:
        body["organization"] = organization_full(service.organisation)
    body["service_at_locations"] = [
        service_at_location(service, place) for place in service.locations.all()
    ]
    body["contacts"] = [
        {
            "id": contact.oruk_id,
            "service_id": service.oruk_id,
            **_present(name=contact.name, title=contact.title, email=contact.email),
            "phones": (
                [
                    {
                        "id": derived_id("phone", contact.oruk_id),
                        "contact_id": contact.oruk_id,
                        "number": contact.phone,
                        **_present(description=contact.phone_description),
                    }
                ]
                if contact.phone
                else []
            ),
        }
        for contact in service.contacts.all()
    ]
    body["schedules"] = [
        {
            "id": schedule.oruk_id,
            "service_id": service.oruk_id,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": schedule.weekday.upper(),
            "opens_at": schedule.opens_at.isoformat(),
            "closes_at": schedule.closes_at.isoformat(),
            **_present(description=schedule.description, notes=service.schedule_notes),
        }
        for schedule in service.schedules.all()
    ]
    body["cost_options"] = cost_options(service)
    body["languages"] = [
        {
            "id": language.oruk_id,
            "service_id": service.oruk_id,
            "name": language.name,
            "code": language.code,
            **_present(note=language.note),
        }
        for language in service.languages.all()
    ]
    body["service_areas"] = [
        {
            "id": area.oruk_id,
            "service_id": service.oruk_id,
            "name": area.name,
            "service_area": area.name,
            **_present(description=area.description),
        }
        for area in service.service_areas.all()
    ]
    body["attributes"] = [attribute(service, term) for term in service_terms(service, terms)] + [
        external_attribute(service, term) for term in service.external_terms.all()
    ]
    return body
