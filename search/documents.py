"""The search document: one live service as both engines index it.

``build_document`` is the single place that decides what a service looks like to search:
the words searched, the facet values filtered and counted, where it is, and what a result
shows. The database engine stores it in ``SearchEntry``; the Elasticsearch engine sends it as
a ``ServiceDocument``. Results are rendered from it, so a page of results needs no further
queries whichever engine answered.
"""

from __future__ import annotations

import datetime
import html
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags

from directory.models import (
    DELIVERY_MODES,
    LevelOfNeed,
    ServiceAgeBand,
    ServiceCircumstance,
    ServiceLocation,
    ServiceNeed,
    ServicePage,
)
from directory.opening_hours import week_minutes

from .analysis import analysed_fields, words
from .filters import document_facets

# The fields whose words are searched, in the order a person reads a result.
SEARCHED_FIELDS = (
    "name",
    "summary",
    "description",
    "need_names",
    "circumstance_names",
    "organisation",
)


def indexable_services() -> QuerySet[ServicePage]:
    """Listed services with everything ``build_document`` reads, in a fixed number of
    queries whatever their number."""
    return (
        ServicePage.objects.listed()
        .select_related("organisation")
        .prefetch_related(
            Prefetch("levels", queryset=LevelOfNeed.objects.order_by("rank", "pk")),
            Prefetch(
                "tagged_needs",
                queryset=ServiceNeed.objects.select_related("tag__parent").order_by(
                    "tag__sort_order", "tag__name"
                ),
            ),
            Prefetch(
                "tagged_circumstances",
                queryset=ServiceCircumstance.objects.select_related("tag").order_by(
                    "tag__sort_order", "tag__name"
                ),
            ),
            Prefetch(
                "tagged_age_bands",
                queryset=ServiceAgeBand.objects.select_related("tag").order_by(
                    "tag__sort_order", "tag__name"
                ),
            ),
            Prefetch("locations", queryset=ServiceLocation.objects.order_by("sort_order", "pk")),
            "schedules",
            "languages",
        )
    )


def _terms(rows: Any) -> list[dict[str, str]]:
    return [{"value": row.tag.slug, "label": row.tag.name} for row in rows]


def build_document(page: ServicePage) -> dict[str, Any]:
    """The search document of a service fetched through ``indexable_services``."""
    need_rows = list(page.tagged_needs.all())
    circumstance_rows = list(page.tagged_circumstances.all())
    levels = list(page.levels.all())
    facets = document_facets(page)
    locations = [
        {
            "name": location.name,
            "postcode": location.postcode,
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
        for location in page.locations.all()
        if location.has_coordinates
    ]
    review_due = page.review_due
    schedules = list(page.schedules.all())
    return {
        "id": page.pk,
        "oruk_id": str(page.oruk_id),
        "name": page.title,
        "url": page.get_url(),
        "summary": page.summary,
        "description": " ".join(html.unescape(strip_tags(page.description)).split()),
        # Fetched with the page (indexable_services), so reading it costs no query.
        "organisation": organisation.name if (organisation := page.organisation) else "",
        "need_names": [row.tag.name for row in need_rows],
        "circumstance_names": [row.tag.name for row in circumstance_rows],
        "facets": facets,
        "minimum_age": page.minimum_age,
        "maximum_age": page.maximum_age,
        # The age range is the child's; a service for parents and carers also serves the parents
        # of younger children (search.query.SearchQuery.age).
        "parents_and_carers": page.for_parents_and_carers,
        "area_wide": page.is_area_wide,
        # The week as [start, end) minutes from Monday midnight, for "Open now" and "Open today"
        # (judged when a search runs); none while the service is not running.
        "opening": [list(span) for span in week_minutes(schedules)]
        if page.status == ServicePage.Status.ACTIVE
        else [],
        "term_time_only": page.term_time_only,
        "locations": locations,
        # What a result shows.
        "levels": [{"value": level.slug, "label": level.name} for level in levels],
        "needs": _terms(need_rows),
        "age_bands": _terms(page.tagged_age_bands.all()),
        "delivery": [
            {"value": slug, "label": DELIVERY_MODES[slug][1]} for slug in facets["delivery"]
        ],
        "free": page.is_free,
        "status": page.status,
        "schedules": [
            {
                "weekday": schedule.weekday,
                "opens_at": schedule.opens_at.isoformat("minutes"),
                "closes_at": schedule.closes_at.isoformat("minutes"),
                "description": schedule.description,
            }
            for schedule in schedules
        ],
        "alert": page.alert,
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
        "review_due": review_due.isoformat() if review_due else None,
    }


def searched_values(document: dict[str, Any]) -> list[str]:
    """Every searched field value, one string each: phrases never run across two of them."""
    values: list[str] = []
    for field in SEARCHED_FIELDS:
        value = document[field]
        values.extend(value if isinstance(value, list) else [value])
    return [value for value in values if value]


def entry_fields(document: dict[str, Any]) -> dict[str, Any]:
    """The columns of the database engine's SearchEntry for a document."""
    values = searched_values(document)
    return {
        "document": document,
        "facets": document["facets"],
        "text": analysed_fields(values),
        "name_text": analysed_fields([document["name"]]),
        "words": " ".join(sorted({word for value in values for word in words(value)})),
        "sort_name": document["name"].lower()[:255],
        "area_wide": document["area_wide"],
        "minimum_age": document["minimum_age"],
        "maximum_age": document["maximum_age"],
        "parents_and_carers": document["parents_and_carers"],
        "opening": document["opening"],
        "term_time_only": document["term_time_only"],
        "review_due": _date(document["review_due"]),
    }


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None
