"""The database engine: the embedded default, and the fallback when Elasticsearch is down.

It searches ``SearchEntry`` rows (the same documents Elasticsearch holds) in three steps:

1. SQL narrows to candidates: the words' analysed terms with ``LIKE`` (search.text_query),
   the age range, and for a place a latitude/longitude bounding box on indexed columns (or
   delivery across the whole area).
2. Python computes exact distances with geopy's great circle and counts facets from each
   candidate's small facet map, each facet ignoring its own choices.
3. SQL fetches the documents of the one page shown.

So a search costs four queries whatever the number of results.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from geopy.distance import great_circle

from ..facets import FACETS, chosen_filters, matches
from ..models import SearchEntry, SearchEntryLocation
from ..query import SearchQuery
from ..text_query import TextPlan
from . import Hit, SearchResults, Suggestion, page_bounds

MILES_PER_DEGREE_LATITUDE = 69.05
# Widen the box a little: it is only a prefilter, and must never cut a location inside the circle.
BOX_MARGIN = 1.01


@dataclass
class _Candidate:
    pk: int
    facets: dict[str, list[str]]
    sort_name: str
    score: int
    area_wide: bool
    # Overdue for review on the day of the search: ranked after current listings.
    overdue: bool
    nearest: float | None = None


class DatabaseEngine:
    name = "database"

    def search(self, query: SearchQuery, plan: TextPlan) -> SearchResults:
        started = time.perf_counter()
        entries = self._narrowed(query, plan)
        today = timezone.localdate()
        candidates = [
            _Candidate(pk, facets, sort_name, score or 0, area_wide, due is None or due < today)
            for pk, facets, sort_name, score, area_wide, due in entries.values_list(
                "pk", "facets", "sort_name", "score", "area_wide", "review_due"
            )
        ]
        if query.origin is not None:
            candidates = self._within_radius(query, candidates, entries)

        filters = chosen_filters(query)
        results = [c for c in candidates if matches(c.facets, filters)]
        facet_counts = {}
        for facet in FACETS:
            if facet.name in filters:
                others = {name: values for name, values in filters.items() if name != facet.name}
                pool = [c for c in candidates if matches(c.facets, others)]
            else:
                pool = results
            facet_counts[facet.name] = dict(
                Counter(value for c in pool for value in c.facets.get(facet.name, ()))
            )

        results.sort(key=_sort_key(query.sort))
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

    def _narrowed(self, query: SearchQuery, plan: TextPlan) -> QuerySet[SearchEntry]:
        # The join on live is belt and braces: entries only exist for live, public pages.
        entries = SearchEntry.objects.filter(page__live=True)
        if query.age is not None:
            entries = entries.filter(
                Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.age),
                Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age),
            )
        if plan:
            matched = [_group_matches(group, "text") for group in plan.groups]
            entries = entries.filter(reduce(and_ if plan.mode == "all" else or_, matched))
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
            latitude, longitude = query.origin
            lat_delta = query.radius / MILES_PER_DEGREE_LATITUDE * BOX_MARGIN
            lng_delta = lat_delta / max(math.cos(math.radians(latitude)), 0.01)
            in_box = SearchEntryLocation.objects.filter(
                latitude__range=(latitude - lat_delta, latitude + lat_delta),
                longitude__range=(longitude - lng_delta, longitude + lng_delta),
            ).values("entry_id")
            entries = entries.filter(Q(pk__in=in_box) | Q(area_wide=True))
        return entries

    def _within_radius(
        self, query: SearchQuery, candidates: list[_Candidate], entries: QuerySet[SearchEntry]
    ) -> list[_Candidate]:
        """Exact distances; keep services with a location inside the circle or area-wide."""
        origin = query.origin
        nearest: dict[int, float] = {}
        for entry_id, latitude, longitude in SearchEntryLocation.objects.filter(
            entry__in=entries.values("pk")
        ).values_list("entry_id", "latitude", "longitude"):
            miles = great_circle(origin, (latitude, longitude)).miles
            if entry_id not in nearest or miles < nearest[entry_id]:
                nearest[entry_id] = miles
        kept = []
        for candidate in candidates:
            candidate.nearest = nearest.get(candidate.pk)
            within = candidate.nearest is not None and candidate.nearest <= query.radius
            if within or candidate.area_wide:
                kept.append(candidate)
        return kept

    def suggest_services(self, prefix: str, limit: int) -> list[Suggestion]:
        """Services whose name has words starting with each typed word."""
        typed = prefix.lower().split()
        if not typed:
            return []
        entries = SearchEntry.objects.filter(page__live=True)
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


def _group_matches(group: Any, column: str) -> Q:
    """Any phrase of the group, as terms with a space either side."""
    return reduce(or_, (Q(**{f"{column}__contains": f" {phrase.key} "}) for phrase in group))


def _sort_key(sort: str):
    # Current listings before overdue ones, except A to Z, which stays alphabetical.
    if sort == "distance":
        return lambda c: (c.overdue, c.nearest is None, c.nearest or 0.0, c.sort_name, c.pk)
    if sort == "name":
        return lambda c: (c.sort_name, c.pk)
    return lambda c: (c.overdue, -c.score, c.sort_name, c.pk)
