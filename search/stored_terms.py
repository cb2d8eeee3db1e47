"""The vocabularies kept in tables (needs, levels of need, age bands, circumstances) as one
search sees them: which slugs exist, what a need category takes in, and each facet's labels
in order.

Every search checks the slugs it was given and labels its facets, so the four small tables
are read as one UNION, once per generation of the index, and kept in each process's memory.
Every save or delete of a term moves the generation (search.signals), whichever process made
it, so a process reads them again exactly when they change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import CharField, F, IntegerField, QuerySet, Value

from .filters import FACETS, Kind, SearchFilter
from .models import IndexGeneration

# The facets whose values live in the database, in the order of the union.
STORED: tuple[SearchFilter, ...] = tuple(
    facet for facet in FACETS if facet.kind in (Kind.NEED, Kind.TERMS)
)


@dataclass(frozen=True)
class StoredTerms:
    # {facet name: [(slug, label, depth)]} in the vocabulary's own order; a need under a
    # category follows it with depth 1, so the page can indent it.
    ordered: dict[str, list[tuple[str, str, int]]]
    # {facet name: {slug: primary key}}
    keys: dict[str, dict[str, int]]
    # {need slug: the need's key and, for a category, the keys of the needs under it}
    need_expansion: dict[str, frozenset[int]]

    def known(self, facet_name: str, slugs: list[str]) -> set[str]:
        """Those of ``slugs`` that are terms of the facet's vocabulary."""
        keys = self.keys.get(facet_name, {})
        return {slug for slug in slugs if slug in keys}


def stored_terms() -> StoredTerms:
    """The terms now; inside ``IndexGeneration.pinned()`` (every search) this asks nothing
    once the generation has been seen."""
    return _stored_terms_of(*IndexGeneration.current())


@lru_cache(maxsize=2)
def _stored_terms_of(generation: int, token: str) -> StoredTerms:
    sql, params = _union_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    terms: dict[str, list[tuple[int, str, str, int | None]]] = {f.name: [] for f in STORED}
    for index, _position, _tiebreak, pk, slug, label, parent_id in rows:
        terms[STORED[index].name].append((pk, slug, label, parent_id))

    ordered, keys = {}, {}
    need_expansion: dict[str, frozenset[int]] = {}
    for facet in STORED:
        rows_of = terms[facet.name]
        keys[facet.name] = {slug: pk for pk, slug, _, _ in rows_of}
        if facet.kind is Kind.NEED:
            # Each category, then the needs under it.
            under: dict[int, list[tuple[int, str, str]]] = {}
            for pk, slug, label, parent_id in rows_of:
                if parent_id is not None:
                    under.setdefault(parent_id, []).append((pk, slug, label))
            facet_order = []
            for pk, slug, label, parent_id in rows_of:
                children = under.get(pk, [])
                need_expansion[slug] = frozenset({pk, *(child for child, _, _ in children)})
                if parent_id is None:
                    facet_order.append((slug, label, 0))
                    facet_order.extend((s, name, 1) for _, s, name in children)
            ordered[facet.name] = facet_order
        else:
            ordered[facet.name] = [(slug, label, 0) for _, slug, label, _ in rows_of]
    return StoredTerms(ordered, keys, need_expansion)


@lru_cache(maxsize=1)
def _union_sql() -> tuple[str, tuple[Any, ...]]:
    """The UNION's SQL, written by the ORM once per process: compiling a four-part union took
    longer than running it. Each table keeps its own order (``SearchFilter.order``), then pk."""
    no_parent = Value(None, output_field=IntegerField())
    no_tiebreak = Value("", output_field=CharField())
    parts = [
        _terms(
            facet,
            F(facet.order[1]) if facet.order[1] else no_tiebreak,
            F("parent_id") if facet.kind is Kind.NEED else no_parent,
        )
        for facet in STORED
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
