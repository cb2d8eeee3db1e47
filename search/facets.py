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
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import CharField, F, IntegerField, QuerySet, Value

from .filters import FACETS, Kind, SearchFilter
from .query import SearchQuery


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
    stored = _stored_vocabularies()
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


# The facets whose values live in the database, in the order of ``_stored_vocabularies``' union.
_STORED: tuple[SearchFilter, ...] = tuple(
    facet for facet in FACETS if facet.kind in (Kind.NEED, Kind.TERMS)
)


def _stored_vocabularies() -> dict[str, list[tuple[str, str, int]]]:
    """(value, label, depth) for the vocabularies kept in tables, read in one query.

    Every search labels its facets, so the small tables are read as one UNION rather than
    a query each. Each table keeps its own order (``SearchFilter.order``), then pk.
    """
    sql, params = _vocabularies_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    terms: dict[str, list[tuple[int, str, str, int | None]]] = {f.name: [] for f in _STORED}
    for index, _position, _tiebreak, pk, slug, label, parent_id in rows:
        terms[_STORED[index].name].append((pk, slug, label, parent_id))

    stored = {}
    for facet in _STORED:
        rows_of = terms[facet.name]
        if facet.kind is Kind.NEED:
            # Each category, then the needs under it (indented).
            ordered = []
            for category_pk, slug, label, parent_id in rows_of:
                if parent_id is not None:
                    continue
                ordered.append((slug, label, 0))
                ordered.extend(
                    (s, name, 1) for _, s, name, parent in rows_of if parent == category_pk
                )
            stored[facet.name] = ordered
        else:
            stored[facet.name] = [(slug, label, 0) for _, slug, label, _ in rows_of]
    return stored


@lru_cache(maxsize=1)
def _vocabularies_sql() -> tuple[str, tuple[Any, ...]]:
    """The UNION's SQL, written by the ORM once per process: compiling a four-part union took
    longer than running it (about 3 ms of every search)."""
    no_parent = Value(None, output_field=IntegerField())
    no_tiebreak = Value("", output_field=CharField())
    parts = [
        _terms(
            facet,
            F(facet.order[1]) if facet.order[1] else no_tiebreak,
            F("parent_id") if facet.kind is Kind.NEED else no_parent,
        )
        for facet in _STORED
    ]
    # Numbered, not named: a number needs no text type for the databases to agree on.
    columns = ("facet", "position", "tiebreak", "pk", "slug", "name", "parent_ref")
    first, *others = (
        part.annotate(facet=Value(index)).values_list(*columns) for index, part in enumerate(parts)
    )
    union = first.union(*others, all=True).order_by("facet", "position", "tiebreak", "pk")
    return union.query.sql_with_params()


def _terms(facet: SearchFilter, tiebreak: Any, parent: Any) -> QuerySet:
    assert facet.vocabulary is not None
    return facet.vocabulary._default_manager.order_by().annotate(
        position=F(facet.order[0]), tiebreak=tiebreak, parent_ref=parent
    )
