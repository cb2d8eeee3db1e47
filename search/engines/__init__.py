"""Search engines behind one interface: the database (the default) and Elasticsearch/OpenSearch.
The interface's types live here; which engine answers is ``search.engines.configured``.

Each takes a validated ``SearchQuery`` and a ``TextPlan`` and returns ``SearchResults``: the
requested page of documents, the total, and facet counts (or, from ``count``, the total alone).
Everything else (fallback, "did you mean", logging) lives in ``search.runner`` so the engines
stay interchangeable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..query import SearchQuery
from ..text_query import TextPlan


class EngineUnavailable(Exception):
    """The engine could not answer (down, timed out, refused); use another."""


@dataclass(frozen=True)
class Hit:
    document: dict[str, Any]
    # Miles to the nearest location when it is within the radius; None otherwise.
    distance_miles: float | None = None
    # Miles to the nearest location whatever the radius (the sort key), or None.
    nearest_miles: float | None = None


@dataclass
class SearchResults:
    hits: list[Hit]
    count: int
    # {facet: {value: count}}, each facet ignoring its own choices.
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    engine: str = ""
    # Milliseconds the engine spent: Elasticsearch's own "took"; for the database engine, the
    # wall time of its queries and counting.
    took_ms: float = 0.0


@dataclass(frozen=True)
class Suggestion:
    label: str
    url: str
    kind: str  # "need" or "service"


class Engine(Protocol):
    name: str

    def search(self, query: SearchQuery, plan: TextPlan) -> SearchResults: ...

    # The number of results alone (no hits, no facet counts), counted as ``search`` counts.
    def count(self, query: SearchQuery, plan: TextPlan) -> SearchResults: ...

    def suggest_services(self, prefix: str, limit: int) -> list[Suggestion]: ...


def page_bounds(query: SearchQuery) -> tuple[int, int]:
    """(offset, limit) of the requested page."""
    return (query.page - 1) * query.per_page, query.per_page
