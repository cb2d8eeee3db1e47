"""The filters a search can be narrowed by, counted as facets on both engines.

Each facet is a GET parameter, a field of the search document holding a list of string values,
and a ``SearchQuery`` attribute holding the chosen values. Within a facet the choices are
alternatives (any of them); across facets all must hold. A facet's counts ignore its own
choices, so ticking "Targeted" still shows how many "Specialist" services there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from directory.models import (
    ACCESS_ROUTES,
    DELIVERY_MODES,
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
)
from directory.models.services import LANGUAGES, WEEKDAYS

from .query import SearchQuery

# The value a yes/no facet holds when it is yes.
YES = "true"


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    # SearchQuery attribute with the chosen values (a tuple, or True/None for yes/no facets).
    attribute: str
    yes_no: bool = False

    def chosen(self, query: SearchQuery) -> tuple[str, ...]:
        value = getattr(query, self.attribute)
        if self.yes_no:
            return (YES,) if value else ()
        return tuple(value)


FACETS: tuple[Facet, ...] = (
    Facet("need", "Need", "needs"),
    Facet("level", "Level of need", "levels"),
    Facet("age_band", "Age", "age_bands"),
    Facet("circumstance", "Especially for", "circumstances"),
    Facet("access", "How to get it", "access"),
    Facet("delivery", "How it is delivered", "delivery"),
    Facet("day", "Open on", "days"),
    Facet("language", "Language", "languages"),
    Facet("free", "Cost", "free", yes_no=True),
    Facet("commissioned", "Commissioned", "commissioned", yes_no=True),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    # 1 for a need under a category, so the page can indent it.
    depth: int = 0


@dataclass(frozen=True)
class FacetResult:
    name: str
    label: str
    values: tuple[FacetValue, ...]


def chosen_filters(query: SearchQuery) -> dict[str, tuple[str, ...]]:
    """{facet name: chosen values} for the facets that have a choice."""
    return {facet.name: facet.chosen(query) for facet in FACETS if facet.chosen(query)}


def matches(facets: Mapping[str, Sequence[str]], filters: Mapping[str, Iterable[str]]) -> bool:
    """Whether a document's facet values satisfy every filter (any value within a facet)."""
    for name, wanted in filters.items():
        values = facets.get(name, ())
        if not any(value in values for value in wanted):
            return False
    return True


def labelled(query: SearchQuery, counts: Mapping[str, Mapping[str, int]]) -> list[FacetResult]:
    """Facet results in vocabulary order, with labels; zero counts only when chosen."""
    results = []
    for facet in FACETS:
        chosen = set(facet.chosen(query))
        facet_counts = counts.get(facet.name, {})
        values = [
            FacetValue(value, label, facet_counts.get(value, 0), value in chosen, depth)
            for value, label, depth in _vocabulary(facet.name)
            if facet_counts.get(value, 0) or value in chosen
        ]
        results.append(FacetResult(facet.name, facet.label, tuple(values)))
    return results


def _vocabulary(name: str) -> list[tuple[str, str, int]]:
    """(value, label, depth) for every value the facet can take, in the order people read."""
    if name == "need":
        needs = list(Need.objects.select_related("parent").order_by("sort_order", "name"))
        categories = [need for need in needs if need.parent_id is None]
        ordered = []
        for category in categories:
            ordered.append((category.slug, category.name, 0))
            ordered.extend(
                (need.slug, need.name, 1) for need in needs if need.parent_id == category.pk
            )
        return ordered
    if name == "level":
        return [(slug, label, 0) for slug, label in LevelOfNeed.objects.values_list("slug", "name")]
    if name == "age_band":
        return [(slug, label, 0) for slug, label in AgeBand.objects.values_list("slug", "name")]
    if name == "circumstance":
        return [
            (slug, label, 0) for slug, label in Circumstance.objects.values_list("slug", "name")
        ]
    if name == "access":
        return [(slug, label, 0) for slug, (_, label) in ACCESS_ROUTES.items()]
    if name == "delivery":
        return [(slug, label, 0) for slug, (_, label) in DELIVERY_MODES.items()]
    if name == "day":
        return [(code, label, 0) for code, label in WEEKDAYS]
    if name == "language":
        return [(code, label, 0) for code, label in LANGUAGES]
    if name == "free":
        return [(YES, "Free", 0)]
    if name == "commissioned":
        return [(YES, "Commissioned by the council", 0)]
    raise ValueError(f"unknown facet {name!r}")
