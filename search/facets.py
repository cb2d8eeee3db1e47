"""The filters a search can be narrowed by, counted as facets on both engines.

Each facet is a GET parameter, a field of the search document holding a list of string values,
and a ``SearchQuery`` attribute holding the chosen values. Within a facet the choices are
alternatives (any of them); across facets all must hold. A facet's counts ignore its own
choices, so ticking "Targeted" still shows how many "Specialist" services there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import CharField, F, IntegerField, Model, QuerySet, Value

from directory.choices import LANGUAGES, WEEKDAYS
from directory.models import (
    ACCESS_ROUTES,
    DELIVERY_MODES,
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
)
from directory.opening_hours import OPEN_CHOICES

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
    # Values that depend on when the search runs ("open now"): each engine works them out from
    # the service's opening minutes at the search's moment (directory.opening_hours.open_when);
    # never stored in the index.
    timed: bool = False

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
    Facet("open", "When", "open", timed=True),
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
    stored = _stored_vocabularies()
    results = []
    for facet in FACETS:
        chosen = set(facet.chosen(query))
        facet_counts = counts.get(facet.name, {})
        vocabulary = stored[facet.name] if facet.name in stored else _fixed_vocabulary(facet.name)
        values = [
            FacetValue(value, label, facet_counts.get(value, 0), value in chosen, depth)
            for value, label, depth in vocabulary
            if facet_counts.get(value, 0) or value in chosen
        ]
        results.append(FacetResult(facet.name, facet.label, tuple(values)))
    return results


# The facets whose values live in the database, in the order of ``_stored_vocabularies``' union.
_STORED = ("need", "level", "age_band", "circumstance")


def _stored_vocabularies() -> dict[str, list[tuple[str, str, int]]]:
    """(value, label, depth) for the vocabularies kept in tables, read in one query.

    Every search labels its facets, so the four small tables are read as one UNION rather than
    a query each. Each table keeps its own order: needs, age bands and circumstances by
    (sort_order, name), levels by (rank, pk).
    """
    sql, params = _vocabularies_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    terms: dict[str, list[tuple[int, str, str, int | None]]] = {name: [] for name in _STORED}
    for index, _position, _tiebreak, pk, slug, label, parent_id in rows:
        terms[_STORED[index]].append((pk, slug, label, parent_id))

    stored = {name: [(slug, label, 0) for _, slug, label, _ in terms[name]] for name in _STORED}
    # Needs: each category, then the needs under it (indented).
    needs = terms["need"]
    ordered = []
    for category_pk, slug, label, parent_id in needs:
        if parent_id is not None:
            continue
        ordered.append((slug, label, 0))
        ordered.extend((s, name, 1) for _, s, name, parent in needs if parent == category_pk)
    stored["need"] = ordered
    return stored


@lru_cache(maxsize=1)
def _vocabularies_sql() -> tuple[str, tuple[Any, ...]]:
    """The UNION's SQL, written by the ORM once per process: compiling a four-part union took
    longer than running it (about 3 ms of every search)."""
    no_parent = Value(None, output_field=IntegerField())
    no_tiebreak = Value("", output_field=CharField())
    parts = [
        _terms(Need, "sort_order", F("name"), F("parent_id")),
        _terms(LevelOfNeed, "rank", no_tiebreak, no_parent),
        _terms(AgeBand, "sort_order", F("name"), no_parent),
        _terms(Circumstance, "sort_order", F("name"), no_parent),
    ]
    # Numbered, not named: a number needs no text type for the databases to agree on.
    columns = ("facet", "position", "tiebreak", "pk", "slug", "name", "parent_ref")
    first, *others = (
        part.annotate(facet=Value(index)).values_list(*columns) for index, part in enumerate(parts)
    )
    union = first.union(*others, all=True).order_by("facet", "position", "tiebreak", "pk")
    return union.query.sql_with_params()


def _terms(model: type[Model], position: str, tiebreak: Any, parent: Any) -> QuerySet:
    return model.objects.order_by().annotate(
        position=F(position), tiebreak=tiebreak, parent_ref=parent
    )


def _fixed_vocabulary(name: str) -> list[tuple[str, str, int]]:
    """(value, label, depth) for the facets whose values are fixed in code."""
    if name == "access":
        return [(slug, label, 0) for slug, (_, label) in ACCESS_ROUTES.items()]
    if name == "delivery":
        return [(slug, label, 0) for slug, (_, label) in DELIVERY_MODES.items()]
    if name == "day":
        return [(code, label, 0) for code, label in WEEKDAYS]
    if name == "open":
        return [(value, label, 0) for value, label in OPEN_CHOICES.items()]
    if name == "language":
        return [(code, label, 0) for code, label in LANGUAGES]
    if name == "free":
        return [(YES, "Free", 0)]
    if name == "commissioned":
        return [(YES, "Commissioned by the council", 0)]
    raise ValueError(f"unknown facet {name!r}")
