"""Turning search outcomes into what the page and the API show.

Both read the same search documents, so the HTML list, the map and the JSON agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from directory.opening_hours import OpeningToday, opening_today

from .engines import Hit
from .facets import FacetResult
from .filters import FILTERS_BY_NAME
from .query import SearchQuery


def _miles(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def result_json(hit: Hit, origin: str) -> dict[str, Any]:
    """One result in the /api/search contract (DESIGN.md section 4); ``origin`` is the site's
    scheme and host, which a page's path is put after."""
    document = hit.document
    url = document["url"]
    return {
        "id": document["oruk_id"],
        "name": document["name"],
        # Joined here, not by request.build_absolute_uri for each result: that was a twentieth
        # of a search's CPU.
        "url": origin + url if url.startswith("/") else url,
        "summary": document["summary"],
        "distance_miles": _miles(hit.distance_miles),
        "available_across_area": document["area_wide"] and hit.distance_miles is None,
        "organisation": document["organisation"],
        "needs": document["needs"],
        "levels": document["levels"],
        "age_bands": document["age_bands"],
        "minimum_age": document["minimum_age"],
        "maximum_age": document["maximum_age"],
        "free": document["free"],
        "delivery": document["delivery"],
        "locations": document["locations"],
    }


def facets_json(facets: list[FacetResult]) -> dict[str, list[dict[str, Any]]]:
    return {
        facet.name: [
            {
                "value": value.value,
                "label": value.label,
                "count": value.count,
                "selected": value.selected,
            }
            for value in facet.values
        ]
        for facet in facets
    }


@dataclass(frozen=True)
class ResultItem:
    """A result as the HTML list and the map show it."""

    id: int
    name: str
    url: str
    organisation: str
    summary: str
    levels: list[dict[str, str]]
    distance_miles: float | None
    area_wide: bool
    has_location: bool
    overdue: bool
    alert: str
    closed: bool
    free: bool
    locations: list[dict[str, Any]]
    # "Open today 9:30am to 11:30am", "Closed today – next open Tuesday at 9am", worked out
    # when the page is shown; None for a service not running or without weekly hours.
    opening: OpeningToday | None = None
    term_time_only: bool = False


@dataclass(frozen=True)
class _Schedule:
    """A weekly session as the search document holds it, in the shape opening_hours reads."""

    weekday: str
    opens_at: datetime.time
    closes_at: datetime.time
    description: str


def opening_of(document: dict[str, Any]) -> OpeningToday | None:
    if document["status"] != "active":
        return None
    schedules = [
        _Schedule(
            row["weekday"],
            datetime.time.fromisoformat(row["opens_at"]),
            datetime.time.fromisoformat(row["closes_at"]),
            row["description"],
        )
        # Documents indexed before opening times were kept have none: said nothing about.
        for row in document.get("schedules", ())
    ]
    return opening_today(schedules, term_time_only=document.get("term_time_only", False))


def result_item(hit: Hit, today: datetime.date | None = None) -> ResultItem:
    document = hit.document
    today = today or timezone.localdate()
    due = document.get("review_due")
    return ResultItem(
        id=document["id"],
        name=document["name"],
        url=document["url"],
        organisation=document["organisation"],
        summary=document["summary"],
        levels=document["levels"],
        distance_miles=round(hit.distance_miles, 1) if hit.distance_miles is not None else None,
        area_wide=document["area_wide"],
        has_location=bool(document["locations"]),
        overdue=due is None or datetime.date.fromisoformat(due) < today,
        alert=document["alert"],
        closed=document["status"] != "active",
        free=document["free"],
        locations=document["locations"],
        opening=opening_of(document),
        term_time_only=document.get("term_time_only", False),
    )


def map_results(items: list[ResultItem]) -> list[dict[str, Any]]:
    """The data the progressive map reads (search/_results_map.html)."""
    return [
        {
            "name": item.name,
            "url": item.url,
            "distance_miles": item.distance_miles,
            "area_wide": item.area_wide,
            "locations": item.locations,
        }
        for item in items
        if item.locations
    ]


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_querystring: str


def search_in_words(query: SearchQuery) -> str:
    """The search in one line, for the folded form: "‘play’ within 3 miles of SE13, for age 4"."""
    parts = [f"‘{query.q}’" if query.q else "Services"]
    if query.has_location:
        miles = f"{query.radius:g} mile{'' if query.radius == 1 else 's'}"
        parts.append(f"within {miles} of {query.postcode or 'your location'}")
    if query.age is not None:
        parts.append(f"for age {query.age}")
    return " ".join(parts[:2]) + "".join(f", {part}" for part in parts[2:])


def active_filters(query: SearchQuery, facets: list[FacetResult]) -> list[ActiveFilter]:
    """Every choice in the search, each with a link that removes just that one."""
    chosen: list[ActiveFilter] = []

    def add(label: str, name: str, value: str | None = None) -> None:
        chosen.append(ActiveFilter(label, query.without(name, value).to_querystring()))

    if query.q:
        add(f"Words: {query.q}", "q")
    if query.postcode:
        add(f"Near {query.postcode} (within {query.radius:g} miles)", "postcode")
    elif query.has_location:
        add(f"Near your location (within {query.radius:g} miles)", "location")
    if query.age is not None:
        add(f"Age {query.age}", "age")
    for facet in facets:
        search_filter = FILTERS_BY_NAME[facet.name]
        for value in facet.values:
            if value.selected:
                label = (
                    value.label if search_filter.names_itself else (f"{facet.label}: {value.label}")
                )
                add(label, facet.name, value.value if search_filter.repeatable else None)
    return chosen
