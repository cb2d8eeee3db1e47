"""The database engine: the embedded default, and the fallback when Elasticsearch is down.

It searches ``SearchEntry`` rows (the same documents Elasticsearch holds) in three steps:

1. SQL narrows to candidates: the words' analysed terms with ``LIKE`` (search.text_query),
   the age range, and for a place a latitude/longitude bounding box on indexed columns (or
   delivery across the whole area).
2. Python computes exact great-circle distances (``search.distance``) and counts facets from each
   candidate's small facet map (kept decoded in memory: ``entry_facts``), each facet ignoring
   its own choices.
3. SQL fetches the documents of the one page shown.

So a search costs five queries whatever the number of results (one checks the in-memory facts
are current).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from itertools import chain
from operator import and_, or_
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from directory.opening_hours import WeekMoment, open_when

from ..distance import bounding_box, distance_decay, miles_from
from ..facets import chosen_filters
from ..filters import FACETS
from ..lexicon import CIRCUMSTANCE, NEED
from ..models import SearchEntry, SearchEntryLocation
from ..query import SearchQuery
from ..ranking import open_level_slugs
from ..text_query import TextPlan
from . import Hit, SearchResults, Suggestion, page_bounds
from .entry_facts import (
    AREA_WIDE,
    OPENING,
    PAIRS,
    REVIEW_DUE,
    SORT_NAME,
    TERM_TIME_ONLY,
    EntryFacts,
    entry_facts,
)
from .entry_facts import FACETS as FACT_FACETS

# Facets whose values each search works out at its own moment ("open now"), not stored:
# each one's values for an entry's facts at the moment.
TIMED: dict[str, Callable[[EntryFacts, WeekMoment], tuple[str, ...]]] = {
    "open": lambda facts, moment: open_when(facts[OPENING], facts[TERM_TIME_ONLY], moment),
}


@dataclass(slots=True)
class _Candidate:
    pk: int
    facts: EntryFacts
    score: int
    # Overdue for review on the day of the search: ranked after current listings.
    overdue: bool
    nearest: float | None = None
    # How strongly the services' needs and circumstances were named by the words (0: not).
    tier: float = 0.0
    # Serves the ages the words spoke of (or they spoke of none).
    serves_ages: bool = True
    # Offered at a level families can go to directly (search.ranking).
    open_level: bool = True
    # The timed facets' values at the search's moment: {"open": ("now", "today")}.
    timed: dict[str, tuple[str, ...]] | None = None

    @property
    def sort_name(self) -> str:
        return self.facts[SORT_NAME]

    def values(self, facet: str) -> tuple[str, ...]:
        if facet in TIMED:
            return self.timed.get(facet, ()) if self.timed else ()
        return self.facts[FACT_FACETS].get(facet, ())

    def matches(self, filters: dict[str, tuple[str, ...]]) -> bool:
        """Every filter holds (any of its values), as search.facets.matches on stored values."""
        return all(
            any(value in self.values(name) for value in wanted) for name, wanted in filters.items()
        )


class DatabaseEngine:
    name = "database"

    def search(self, query: SearchQuery, plan: TextPlan) -> SearchResults:
        started = time.perf_counter()
        # Named needs select entries by their facts, so read those first; otherwise after the
        # match, so an entry written meanwhile waits for the next search either way.
        facts = entry_facts.current() if plan.evidence else None
        entries = self._narrowed(query, plan, facts)
        matched = list(entries.values_list("pk", "score", "minimum_age", "maximum_age"))
        facts = facts if facts is not None else entry_facts.current()
        today = timezone.localdate()
        candidates = [
            _Candidate(
                pk,
                fact,
                score or 0,
                fact[REVIEW_DUE] is None or fact[REVIEW_DUE] < today,
                serves_ages=plan.serves_ages(minimum_age, maximum_age),
            )
            for pk, score, minimum_age, maximum_age in matched
            # An entry written after the match was read is left for the next search.
            if (fact := facts.get(pk)) is not None
        ]
        if query.origin is not None:
            candidates = self._within_radius(query, candidates, entries)
        if plan.evidence:
            for candidate in candidates:
                candidate.tier = plan.tier(candidate.facts[FACT_FACETS], candidate.serves_ages)
        if plan and query.sort == "relevance":
            open_levels = open_level_slugs()
            for candidate in candidates:
                levels = candidate.facts[FACT_FACETS].get("level", ())
                candidate.open_level = not levels or not open_levels.isdisjoint(levels)

        moment = query.opening_moment
        for candidate in candidates:
            timed = {
                name: values
                for name, judge in TIMED.items()
                if (values := judge(candidate.facts, moment))
            }
            if timed:
                candidate.timed = timed

        filters = chosen_filters(query)
        results = [c for c in candidates if c.matches(filters)]
        facet_counts: dict[str, dict[str, int]] = {facet.name: {} for facet in FACETS}
        for (name, value), count in Counter(
            chain.from_iterable(
                chain(c.facts[PAIRS], _timed_pairs(c.timed)) if c.timed else c.facts[PAIRS]
                for c in results
            )
        ).items():
            facet_counts[name][value] = count
        for name in filters:
            # A facet with a choice is counted as if only the other facets were chosen.
            others = {other: values for other, values in filters.items() if other != name}
            pool = (c for c in candidates if c.matches(others))
            facet_counts[name] = dict(Counter(chain.from_iterable(c.values(name) for c in pool)))

        results.sort(key=_sort_key(query))
        offset, limit = page_bounds(query)
        shown = results[offset : offset + limit]
        documents = dict(
            SearchEntry.objects.filter(pk__in=[c.pk for c in shown]).values_list("pk", "document")
        )
        hits = [
            Hit(
                documents[c.pk],
                distance_miles=c.nearest
                if c.nearest is not None and c.nearest <= query.radius
                else None,
                nearest_miles=c.nearest,
            )
            for c in shown
            if c.pk in documents
        ]
        took_ms = (time.perf_counter() - started) * 1000
        return SearchResults(hits, len(results), facet_counts, self.name, took_ms=took_ms)

    def _narrowed(
        self, query: SearchQuery, plan: TextPlan, facts: dict[int, EntryFacts] | None
    ) -> QuerySet[SearchEntry]:
        # Entries exist only for live, public pages (search.indexing keeps it so, as it keeps
        # the Elasticsearch index), so no join to the page table: at 10,000 services that join
        # cost more than the rest of a search.
        entries = SearchEntry.objects.all()
        if query.age is not None:
            # A child's age keeps what serves that age, and what serves parents and carers of a
            # child that age (search.query.SearchQuery.age).
            entries = entries.filter(
                Q(minimum_age__isnull=True)
                | Q(minimum_age__lte=query.age)
                | Q(parents_and_carers=True),
                Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age),
            )
        if plan:
            members = []
            if plan.groups and plan.mode == "all":
                members.append(reduce(and_, [_group_matches(g, "text") for g in plan.groups]))
            elif plan.groups:
                # Any ``minimum`` of the groups: count the groups each entry matches.
                matched_groups = sum(
                    (
                        Case(When(_group_matches(g, "text"), then=Value(1)), default=0)
                        for g in plan.groups
                    ),
                    start=Value(0),
                )
                entries = entries.alias(
                    matched_groups=Coalesce(matched_groups, 0, output_field=IntegerField())
                )
                members.append(Q(matched_groups__gte=plan.minimum))
            if plan.evidence and facts is not None:
                # The named needs' and circumstances' services match whatever their words.
                members.append(Q(pk__in=_named_members(plan, facts)))
            entries = entries.filter(reduce(or_, members))
            # Rank: words found in the name count double; with "any", more words rank higher.
            score = sum(
                (
                    Case(When(_group_matches(group, "name_text"), then=Value(2)), default=0)
                    + Case(When(_group_matches(group, "text"), then=Value(1)), default=0)
                    for group in plan.groups
                ),
                start=Value(0),
            )
            entries = entries.annotate(score=Coalesce(score, 0, output_field=IntegerField()))
        else:
            entries = entries.annotate(score=Value(0, output_field=IntegerField()))
        if query.origin is not None:
            latitudes, longitudes = bounding_box(*query.origin, query.radius)
            in_box = SearchEntryLocation.objects.filter(
                latitude__range=latitudes, longitude__range=longitudes
            ).values("entry_id")
            entries = entries.filter(Q(pk__in=in_box) | Q(area_wide=True))
        elif query.place_unknown:
            # A place we cannot find is not in the area: what is available wherever you are.
            entries = entries.filter(area_wide=True)
        return entries

    def _within_radius(
        self, query: SearchQuery, candidates: list[_Candidate], entries: QuerySet[SearchEntry]
    ) -> list[_Candidate]:
        """Exact distances; keep services with a location inside the circle or area-wide."""
        miles_to = miles_from(*query.origin)
        nearest: dict[int, float] = {}
        for entry_id, latitude, longitude in SearchEntryLocation.objects.filter(
            entry__in=entries.values("pk")
        ).values_list("entry_id", "latitude", "longitude"):
            miles = miles_to(latitude, longitude)
            if entry_id not in nearest or miles < nearest[entry_id]:
                nearest[entry_id] = miles
        kept = []
        for candidate in candidates:
            candidate.nearest = nearest.get(candidate.pk)
            within = candidate.nearest is not None and candidate.nearest <= query.radius
            if within or candidate.facts[AREA_WIDE]:
                kept.append(candidate)
        return kept

    def suggest_services(self, prefix: str, limit: int) -> list[Suggestion]:
        """Services whose name has words starting with each typed word."""
        typed = prefix.lower().split()
        if not typed:
            return []
        entries = SearchEntry.objects.all()
        for word in typed:
            entries = entries.filter(sort_name__contains=word)
        found = []
        for sort_name, document in entries.order_by("sort_name").values_list(
            "sort_name", "document"
        )[: limit * 10]:
            name_words = sort_name.replace("-", " ").split()
            if all(any(w.startswith(word) for w in name_words) for word in typed):
                found.append(Suggestion(document["name"], document["url"], "service"))
            if len(found) == limit:
                break
        return found


def _timed_pairs(timed: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    return [(name, value) for name, values in timed.items() for value in values]


def _group_matches(group: Any, column: str) -> Q:
    """Any phrase of the group, as terms with a space either side."""
    return reduce(or_, (Q(**{f"{column}__contains": f" {phrase.key} "}) for phrase in group))


def _sort_key(query: SearchQuery):
    # Current listings before overdue ones, except A to Z, which stays alphabetical.
    if query.sort == "distance":
        return lambda c: (c.overdue, c.nearest is None, c.nearest or 0.0, c.sort_name, c.pk)
    if query.sort == "name":
        return lambda c: (c.sort_name, c.pk)
    if query.origin is None:
        return lambda c: (
            -c.tier,
            not c.serves_ages,
            c.overdue,
            -c.score,
            not c.open_level,
            c.sort_name,
            c.pk,
        )
    # With a place, how well a service answers the words fades with its distance.
    radius = query.radius
    return lambda c: (
        -c.tier,
        not c.serves_ages,
        c.overdue,
        -(c.score + 1) * distance_decay(c.nearest, radius),
        not c.open_level,
        c.sort_name,
        c.pk,
    )


# (the facts it was built from, {(facet, value): entry ids}); rebuilt when the facts change.
_inverted: tuple[object, dict[tuple[str, str], list[int]]] = (None, {})
_inverted_lock = threading.Lock()


def _named_members(plan: TextPlan, facts: dict[int, EntryFacts]) -> list[int]:
    """Ids of the entries carrying any need or circumstance the words named."""
    global _inverted
    with _inverted_lock:
        if _inverted[0] is not facts:
            index: dict[tuple[str, str], list[int]] = {}
            for pk, fact in facts.items():
                for pair in fact[PAIRS]:
                    if pair[0] in ("need", "circumstance"):
                        index.setdefault(pair, []).append(pk)
            _inverted = (facts, index)
        index = _inverted[1]
    wanted = [(NEED, slug) for slug in plan.named_slugs(NEED)] + [
        (CIRCUMSTANCE, slug) for slug in plan.named_slugs(CIRCUMSTANCE)
    ]
    return sorted({pk for pair in wanted for pk in index.get(pair, ())})
