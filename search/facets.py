"""The filters a search can be narrowed by, counted as facets on both engines.

Each facet is a filter of ``search.filters.FILTERS`` with a label: a GET parameter, a field
of the search document holding a list of string values, and the values the query chose.
Within a facet the choices are alternatives (any of them); across facets all must hold. A
facet's counts ignore its own choices, so ticking "Targeted" still shows how many
"Specialist" services there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .filters import FACETS
from .query import SearchQuery
from .stored_terms import stored_terms


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
    return {
        facet.name: facet_values for facet in FACETS if (facet_values := query.chosen(facet.name))
    }


def matches(facets: Mapping[str, Sequence[str]], filters: Mapping[str, Iterable[str]]) -> bool:
    """Whether a document's facet values satisfy every filter (any value within a facet)."""
    for name, wanted in filters.items():
        values = facets.get(name, ())
        if not any(value in values for value in wanted):
            return False
    return True


def labelled(query: SearchQuery, counts: Mapping[str, Mapping[str, int]]) -> list[FacetResult]:
    """Facet results in vocabulary order, with labels; zero counts only when chosen."""
    stored = stored_terms().ordered
    results = []
    for facet in FACETS:
        chosen = set(query.chosen(facet.name))
        facet_counts = counts.get(facet.name, {})
        vocabulary = (
            stored[facet.name]
            if facet.name in stored
            else [(value, label, 0) for value, label in facet.allowed()]
        )
        values = [
            FacetValue(value, label, facet_counts.get(value, 0), value in chosen, depth)
            for value, label, depth in vocabulary
            if facet_counts.get(value, 0) or value in chosen
        ]
        results.append(FacetResult(facet.name, facet.label, tuple(values)))
    return results
