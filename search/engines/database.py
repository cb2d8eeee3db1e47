"""The database engine: the embedded default, and the fallback when Elasticsearch is down.

It searches ``SearchEntry`` rows (the same documents Elasticsearch holds), all in SQL but the
ranking by relevance:

1. The candidates: the entries holding the words' analysed terms, from their term rows
   (search.text_query, search.engines.text_index), or the needs they named; the age range; and
   for a place the services with a location within the radius (a latitude/longitude box on
   indexed columns, then exact great-circle miles) or delivered across the whole area.
2. One statement counts every facet over them (search.engines.sql_facets) and the results.
3. The page: ordered in SQL when the order is by name, or by name after current listings (no
   words, no place); otherwise the results' ranking columns are read and ranked in Python
   (how strongly the words named each service's needs, from the in-memory facts,
   ``entry_facts``), and the documents of the one page shown are read.

So a search costs three or four queries whatever the number of results.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass
from math import cos, pi, radians, sin
from string import Formatter
from typing import Any

from django.db.models import (
    Case,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..distance import EARTH_RADIUS_MILES, bounding_box, distance_decay
from ..facets import chosen_filters
from ..models import SearchEntry, SearchEntryLocation
from ..query import SearchQuery
from ..ranking import open_level_slugs
from ..text_query import Phrase, TextPlan
from . import Hit, SearchResults, Suggestion, page_bounds
from .entry_facts import entry_facts
from .sql_facets import TIMED, count_facets, count_results, passing
from .text_index import group_entries, word_matches

__all__ = ["TIMED", "DatabaseEngine"]

# As math.radians multiplies, so SQL's miles equal search.distance's to the last bit.
RADIANS_PER_DEGREE = pi / 180


@dataclass(slots=True)
class _Ranked:
    """A result's ranking columns, for the orders SQL cannot give."""

    pk: int
    score: int
    serves_ages: bool
    sort_name: str
    # Overdue for review on the day of the search: ranked after current listings.
    overdue: bool
    nearest: float | None
    # How strongly the words named its needs and circumstances (0: not).
    tier: float = 0.0
    # Offered at a level families can go to directly (search.ranking).
    open_level: bool = True


class DatabaseEngine:
    name = "database"

    def search(self, query: SearchQuery, plan: TextPlan) -> SearchResults:
        started = time.perf_counter()
        moment = query.opening_moment
        chosen = chosen_filters(query)
        candidates = self._narrowed(query, plan)
        facet_counts, count = count_facets(candidates, chosen, moment)
        results = passing(_scored(candidates, plan), chosen, moment)
        if query.origin is not None:
            # Read for the results alone: for ranking, and to show.
            results = results.annotate(nearest=_nearest_miles(*query.origin))
        offset, limit = page_bounds(query)
        if offset >= count:
            shown: list[tuple[dict[str, Any], float | None]] = []
        elif _ordered_in_sql(query, plan):
            shown = self._page_in_order(query, results, offset, limit)
        else:
            shown = self._page_ranked(query, plan, results, offset, limit)
        hits = [
            Hit(
                document,
                distance_miles=nearest if nearest is not None and nearest <= query.radius else None,
                nearest_miles=nearest,
            )
            for document, nearest in shown
        ]
        took_ms = (time.perf_counter() - started) * 1000
        return SearchResults(hits, count, facet_counts, self.name, took_ms=took_ms)

    def count(self, query: SearchQuery, plan: TextPlan) -> SearchResults:
        """The number of results alone, counted as ``search`` counts them."""
        started = time.perf_counter()
        count = count_results(
            self._narrowed(query, plan), chosen_filters(query), query.opening_moment
        )
        took_ms = (time.perf_counter() - started) * 1000
        return SearchResults([], count, engine=self.name, took_ms=took_ms)

    def _narrowed(self, query: SearchQuery, plan: TextPlan) -> QuerySet[SearchEntry]:
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
            entries = entries.filter(pk__in=word_matches(plan).raw())
        if query.origin is not None:
            latitude, longitude = query.origin
            latitudes, longitudes = bounding_box(latitude, longitude, query.radius)
            # Locations in a box on indexed columns, then exact miles for those alone.
            within = (
                SearchEntryLocation.objects.filter(
                    latitude__range=latitudes, longitude__range=longitudes
                )
                .alias(miles=_miles(latitude, longitude))
                .filter(miles__lte=query.radius)
                .values("entry_id")
            )
            entries = entries.filter(Q(pk__in=within) | Q(area_wide=True))
        elif query.place_unknown:
            # A place we cannot find is not in the area: what is available wherever you are.
            entries = entries.filter(area_wide=True)
        return entries

    def _page_in_order(
        self, query: SearchQuery, results: QuerySet[SearchEntry], offset: int, limit: int
    ) -> list[tuple[dict[str, Any], float | None]]:
        """One page in an order SQL gives: by name, or current listings first, then by name."""
        if query.sort == "name":
            ordered = results.order_by("sort_name", "pk")
        else:
            ordered = results.alias(overdue=_overdue(timezone.localdate())).order_by(
                "overdue", "sort_name", "pk"
            )
        nearest = "nearest" if query.origin is not None else "score"
        return [
            (document, miles if query.origin is not None else None)
            for document, miles in ordered.values_list("document", nearest)[offset : offset + limit]
        ]

    def _page_ranked(
        self,
        query: SearchQuery,
        plan: TextPlan,
        results: QuerySet[SearchEntry],
        offset: int,
        limit: int,
    ) -> list[tuple[dict[str, Any], float | None]]:
        """One page ranked in Python: every result's score (and distance) from SQL, the rest
        from the in-memory facts, then the page's documents."""
        today = timezone.localdate()
        facts = entry_facts.current()
        open_levels = open_level_slugs() if plan and query.sort == "relevance" else None
        columns = ["pk", "score", *(["nearest"] if query.origin is not None else [])]
        ranked = []
        for pk, score, *nearest in results.values_list(*columns):
            fact = facts.get(pk)
            if fact is None:
                continue  # written after the facts were read: the next search has it
            facets, sort_name, review_due, minimum_age, maximum_age = fact
            result = _Ranked(
                pk,
                score,
                plan.serves_ages(minimum_age, maximum_age),
                sort_name,
                review_due is None or review_due < today,
                nearest[0] if nearest else None,
            )
            if plan.evidence:
                result.tier = plan.tier(facets, result.serves_ages)
            if open_levels is not None:
                levels = facets.get("level", ())
                result.open_level = not levels or not open_levels.isdisjoint(levels)
            ranked.append(result)
        ranked.sort(key=_sort_key(query))
        shown = ranked[offset : offset + limit]
        documents = dict(
            SearchEntry.objects.filter(pk__in=[r.pk for r in shown]).values_list("pk", "document")
        )
        return [(documents[r.pk], r.nearest) for r in shown if r.pk in documents]

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


def _scored(entries: QuerySet[SearchEntry], plan: TextPlan) -> QuerySet[SearchEntry]:
    """The entries with their words' ``score``, for ranking: words found in the name count
    double; with "any", more words rank higher."""
    if not plan:
        return entries.annotate(score=Value(0, output_field=IntegerField()))
    score = sum(
        (
            Case(When(_holding(group, in_name=True), then=Value(2)), default=0)
            + Case(When(_holding(group), then=Value(1)), default=0)
            for group in plan.groups
        ),
        start=Value(0),
    )
    return entries.annotate(score=Coalesce(score, 0, output_field=IntegerField()))


def _ordered_in_sql(query: SearchQuery, plan: TextPlan) -> bool:
    """Whether SQL can give the page's order: by name, or (no words, no place) by name after
    current listings, which is what ranking comes to when nothing else differs."""
    return query.sort == "name" or (query.sort == "relevance" and not plan and query.origin is None)


def _overdue(today: datetime.date) -> Case:
    """1 for a listing overdue for review (never reviewed, or due before today), else 0."""
    return Case(
        When(Q(review_due__isnull=True) | Q(review_due__lt=today), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _holding(group: tuple[Phrase, ...], in_name: bool = False) -> Q:
    """Entries whose text (or name) holds any phrase of the group."""
    return Q(pk__in=group_entries(group, in_name).raw())


# search.distance.miles_from's formula, term for term, so SQL and Python agree at the radius:
# {lat2} is the location's latitude in radians, {dlng} its longitude's difference from the
# origin's, {sin1} and {cos1} the origin's.
_MILES_SQL = (
    "({earth} * ATAN2("
    "SQRT(POWER((COS({lat2}) * SIN({dlng})), 2)"
    " + POWER((({cos1} * SIN({lat2})) - (({sin1} * COS({lat2})) * COS({dlng}))), 2)), "
    "(({sin1} * SIN({lat2})) + (({cos1} * COS({lat2})) * COS({dlng})))))"
)


def _miles(latitude: float, longitude: float) -> RawSQL:
    """Great-circle miles from the origin to a location row.

    SQL text rather than a tree of Django's math functions: cloning and compiling some forty
    expressions, twice a search, took 5-10 ms of a search near a place."""
    lat1, lng1 = radians(latitude), radians(longitude)
    parts = {
        "earth": ("%s", (EARTH_RADIUS_MILES,)),
        "lat2": ("(latitude * %s)", (RADIANS_PER_DEGREE,)),
        "dlng": ("((longitude * %s) - %s)", (RADIANS_PER_DEGREE, lng1)),
        "sin1": ("%s", (sin(lat1),)),
        "cos1": ("%s", (cos(lat1),)),
    }
    text, params = "", list[float]()
    for literal, name, _, _ in Formatter().parse(_MILES_SQL):
        text += literal
        if name:
            fragment, values = parts[name]
            text, params = text + fragment, [*params, *values]
    return RawSQL(text, params, output_field=FloatField())


def _nearest_miles(latitude: float, longitude: float) -> Subquery:
    """Miles from the origin to the entry's nearest location (None without one)."""
    miles = (
        SearchEntryLocation.objects.filter(entry_id=OuterRef("pk"))
        .annotate(miles=_miles(latitude, longitude))
        .order_by("miles")
        .values("miles")[:1]
    )
    return Subquery(miles, output_field=FloatField())


def _sort_key(query: SearchQuery) -> Callable[[_Ranked], tuple[Any, ...]]:
    # Current listings before overdue ones, except A to Z, which stays alphabetical.
    if query.sort == "distance":
        return lambda r: (r.overdue, r.nearest is None, r.nearest or 0.0, r.sort_name, r.pk)
    if query.sort == "name":
        return lambda r: (r.sort_name, r.pk)
    if query.origin is None:
        return lambda r: (
            -r.tier,
            not r.serves_ages,
            r.overdue,
            -r.score,
            not r.open_level,
            r.sort_name,
            r.pk,
        )
    # With a place, how well a service answers the words fades with its distance.
    radius = query.radius
    return lambda r: (
        -r.tier,
        not r.serves_ages,
        r.overdue,
        -(r.score + 1) * distance_decay(r.nearest, radius),
        not r.open_level,
        r.sort_name,
        r.pk,
    )
