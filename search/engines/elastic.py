"""The Elasticsearch/OpenSearch engine: the same search as the database engine, at scale.

The request body is built as plain dicts (the index's mapping is elasticsearch-dsl's, in
``elastic_index``): building it with elasticsearch-dsl's query objects, then turning them into
the same dicts, cost 2-9 ms of each search's time, a third of all it spends outside the engine.
The body has:

* ``query``: the text plan as ``match_phrase`` clauses on the all-fields ``text`` field (every
  group must match, or any in the fallback), with field-boosted ``multi_match`` clauses that
  only rank; the age range; a place as ``geo_distance`` or delivery across the whole area.
* ``post_filter``: the facet choices, so aggregations see results before them;
* the facet counts, each ignoring its own facet's choices (Elasticsearch's FacetedSearch
  pattern): every facet not chosen sees all the choices, so those share one ``filter``
  aggregation (or none, when nothing is chosen) and are counted together, by one terms
  aggregation over the index's ``facet:value`` pairs; each chosen facet has its own filter
  holding the other facets' choices. One filter and one count per facet cost the engine a pass
  each: at 100,000 services searches by need and level took 25-32 ms at p50, 17-21 ms with the
  filter shared;
* ``sort``: nearest location (``_geo_distance``, mode min), relevance or name, ties by name
  and id as on the database engine; for nearest and relevance, listings overdue for review
  (judged on the day of the search) come after current ones.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.conf import settings
from django.utils import timezone

from directory.opening_hours import WeekMoment

from ..distance import DECAY_AT_RADIUS
from ..facets import chosen_filters
from ..filters import FACETS, SearchFilter
from ..lexicon import CIRCUMSTANCE, NEED
from ..query import SearchQuery
from ..ranking import open_level_slugs
from ..text_query import CIRCUMSTANCE_SHARE, OTHER_AGES_SHARE, Phrase, TextPlan
from . import Hit, SearchResults, Suggestion, page_bounds
from .elastic_client import connection
from .elastic_index import FACET_VALUES, TERM_KEYS, alias, split_facet_value, term_key

# Higher than any vocabulary's size, so every value is counted.
FACET_SIZE = 500
# Small beside a words' score: it decides between services that answer the words about equally.
OPEN_LEVEL_BOOST = 0.5
RANKING_FIELDS = [
    "name^4",
    "need_names^3",
    "summary^2",
    "circumstance_names^2",
    "organisation",
    "description",
]


Clause = dict[str, Any]


def _bool(**occurrences: Any) -> Clause:
    """A ``bool`` query of the clause lists given (empty ones left out) and options such as
    ``minimum_should_match``."""
    return {"bool": {name: value for name, value in occurrences.items() if value != []}}


def _any_of(clauses: list[Clause], minimum: int = 1) -> Clause:
    return _bool(should=clauses, minimum_should_match=minimum)


def _terms(field: str, values: Any) -> Clause:
    return {"terms": {field: list(values)}}


def _phrase(phrase: Phrase) -> Clause:
    return {"match_phrase": {"text": {"query": phrase.text}}}


def text_query(plan: TextPlan) -> Clause:
    """Which services the plan matches: its words (all or any groups), or a named term."""
    members = []
    if plan.groups:
        groups = [_any_of([_phrase(p) for p in group]) for group in plan.groups]
        if plan.mode == "all":
            members.append(_bool(must=groups))
        else:
            members.append(_any_of(groups, plan.minimum))
    for kind in (NEED, CIRCUMSTANCE):
        if slugs := plan.named_slugs(kind):
            members.append(_terms(kind, sorted(slugs)))
    return members[0] if len(members) == 1 else _any_of(members)


# How strongly the words named a service's needs and circumstances: the summed weight of the
# evidence naming any of them (``TextPlan.tier``), then whether it serves the ages the words
# spoke of (``TextPlan.serves_ages``), as the database engine ranks. Tiers step by sixteenths
# at the finest (quarter weights, halved twice), so tier * 100 + (0 or 1) orders by tier, then
# by age.
# The services' needs and circumstances come from their numeric keys (elastic_index.term_key),
# which an index built before them lacks: there, nothing counts as named until it is rebuilt.
NAMED_FIRST_SCRIPT = (
    "int serves = 1;"
    " if (params.ages != null) {"
    "  if (doc['minimum_age'].size() > 0 && doc['minimum_age'].value > params.ages[1]) serves = 0;"
    "  if (doc['maximum_age'].size() > 0 && doc['maximum_age'].value < params.ages[0]) serves = 0;"
    " }"
    " def needs = doc.containsKey(params.need_keys) ? doc[params.need_keys] : null;"
    " def circumstances ="
    "  doc.containsKey(params.circumstance_keys) ? doc[params.circumstance_keys] : null;"
    " double tier = 0;"
    " for (def found : params.evidence) {"
    "  double share = 0;"
    "  if (needs != null) {"
    "   for (def named : found.needs) {"
    "    long key = named;"
    "    for (int i = 0; i < needs.size(); i++) { if (needs.get(i) == key) { share = 1.0; } }"
    "   }"
    "  }"
    "  if (share < params.circumstance_share && circumstances != null) {"
    "   for (def named : found.circumstances) {"
    "    long key = named;"
    "    for (int i = 0; i < circumstances.size(); i++) {"
    "     if (circumstances.get(i) == key) { share = params.circumstance_share; }"
    "    }"
    "   }"
    "  }"
    "  tier += found.weight * share;"
    " }"
    " if (serves == 0) { tier = tier * params.other_ages_share; }"
    " return tier * 100 + serves;"
)


def _named_first(plan: TextPlan) -> dict[str, Any]:
    def keys(found: Any, kind: str) -> list[int]:
        return sorted(term_key(term.slug) for term in found.terms if term.kind == kind)

    evidence = [
        {
            "weight": found.weight,
            "needs": keys(found, NEED),
            "circumstances": keys(found, CIRCUMSTANCE),
        }
        for found in plan.evidence
    ]
    params = {
        "evidence": evidence,
        "ages": list(plan.ages) if plan.ages else None,
        "circumstance_share": CIRCUMSTANCE_SHARE,
        "other_ages_share": OTHER_AGES_SHARE,
        "need_keys": TERM_KEYS[NEED],
        "circumstance_keys": TERM_KEYS[CIRCUMSTANCE],
    }
    return {
        "_script": {
            "type": "number",
            "order": "desc",
            "script": {"lang": "painless", "source": NAMED_FIRST_SCRIPT, "params": params},
        }
    }


def _fading_with_distance(search_query: Clause, query: SearchQuery) -> Clause:
    """The relevance score times a gaussian decay over the radius (``distance_decay``)."""
    gauss = {
        "locations": {
            "origin": _origin(query),
            "scale": f"{query.radius}mi",
            "decay": DECAY_AT_RADIUS,
        },
        "multi_value_mode": "min",
    }
    return {
        "function_score": {
            "query": search_query,
            "functions": [{"gauss": gauss}],
            "boost_mode": "multiply",
        }
    }


def _age_filter(age: int) -> Clause:
    def open_or(field: str, bound: dict[str, int]) -> Clause:
        unbounded = _bool(must_not=[{"exists": {"field": field}}])
        return _any_of([{"range": {field: bound}}, unbounded])

    # As the database engine: what serves the age, and what serves parents and carers of a
    # child that age (search.query.SearchQuery.age).
    young_enough = _any_of(
        [open_or("minimum_age", {"lte": age}), {"term": {"parents_and_carers": True}}]
    )
    return _bool(filter=[young_enough, open_or("maximum_age", {"gte": age})])


def _open(when: str, moment: WeekMoment) -> Clause:
    """Open ``when`` ("now", "today") at ``moment``: a session meets its window, and a
    term-time-only service does not count on a school holiday (as opening_hours.open_when)."""
    start, end = moment.window(when)
    clause = {"range": {"opening": {"gte": start, "lt": end, "relation": "intersects"}}}
    if moment.school_holiday:
        clause = _bool(filter=[clause], must_not=[{"term": {"term_time_only": True}}])
    return clause


# Facets whose values each search works out at its own moment ("open now"), not indexed: the
# clause matching one value at the moment.
TIMED = {"open": _open}


def _facet_clause(name: str, values: tuple[str, ...], moment: WeekMoment) -> Clause:
    if name in TIMED:
        return _any_of([TIMED[name](value, moment) for value in values])
    return _terms(name, values)


def _facet_counter(facet: SearchFilter, moment: WeekMoment) -> Clause:
    if facet.name in TIMED:
        clauses = {value: TIMED[facet.name](value, moment) for value, _ in facet.allowed()}
        return {"filters": {"filters": clauses}}
    return {"terms": {"field": facet.name, "size": FACET_SIZE}}


def _origin(query: SearchQuery) -> dict[str, float]:
    if query.origin is None:
        raise ValueError("distances need a place")  # asked for only when the search has one
    latitude, longitude = query.origin
    return {"lat": latitude, "lon": longitude}


# 1 for a listing overdue for review (never reviewed, or due before today), else 0. An index
# built before review dates were mapped has no such field: everything counts as current.
OVERDUE_SCRIPT = (
    "if (!doc.containsKey('review_due')) { return 0; }"
    " if (doc['review_due'].size() == 0) { return 1; }"
    " return doc['review_due'].value.toInstant().toEpochMilli() < params.today ? 1 : 0;"
)


def _overdue_last() -> dict[str, Any]:
    """A sort key putting current listings first, judged on today's date (not indexing's)."""
    today = timezone.localdate()
    midnight = datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.UTC)
    return {
        "_script": {
            "type": "number",
            "order": "asc",
            "script": {
                "lang": "painless",
                "source": OVERDUE_SCRIPT,
                "params": {"today": int(midnight.timestamp() * 1000)},
            },
        }
    }


def _choices(query: SearchQuery) -> dict[str, Clause]:
    """Each facet's choice as a clause, at the search's moment."""
    moment = query.opening_moment
    return {
        name: _facet_clause(name, values, moment) for name, values in chosen_filters(query).items()
    }


def _matching(query: SearchQuery, plan: TextPlan, choices: dict[str, Clause]) -> dict[str, Any]:
    """The body's ``query`` and ``post_filter``: which services are the results (and how the
    query scores them)."""
    must: list[Clause] = []
    filters: list[Clause] = []
    should: list[Clause] = []
    if plan:
        must.append(text_query(plan))
        if plan.text:
            should.append({"multi_match": {"query": plan.text, "fields": RANKING_FIELDS}})
        # Services families can go to directly, ahead of specialist ones (search.ranking).
        levels: Clause = {"level": sorted(open_level_slugs()), "boost": OPEN_LEVEL_BOOST}
        should.append({"terms": levels})
    area_wide: Clause = {"term": {"area_wide": True}}
    if query.age is not None:
        filters.append(_age_filter(query.age))
    if query.place_unknown:
        filters.append(area_wide)
    if query.has_location:
        near = {"geo_distance": {"distance": f"{query.radius}mi", "locations": _origin(query)}}
        filters.append(_any_of([near, area_wide]))
    matching = _bool(must=must, filter=filters, should=should)
    if query.has_location and plan and query.sort == "relevance":
        matching = _fading_with_distance(matching, query)
    body: dict[str, Any] = {"query": matching}
    if choices:
        body["post_filter"] = _bool(filter=list(choices.values()))
    return body


def build_count(query: SearchQuery, plan: TextPlan) -> dict[str, Any]:
    """The body of a request for the number of results alone."""
    return {**_matching(query, plan, _choices(query)), "size": 0, "track_total_hits": True}


# The aggregation holding the facets not chosen, when some are (not a facet's name).
UNCHOSEN = "unchosen"


def _unchosen_counters(facets: list[SearchFilter], moment: WeekMoment) -> dict[str, Any]:
    """Counters for facets that all see the same results: one terms aggregation over the
    indexed ``facet:value`` pairs for those stored in the index, and each timed one's own."""
    counters = {f.name: _facet_counter(f, moment) for f in facets if f.name in TIMED}
    if any(f.name not in TIMED for f in facets):
        size = FACET_SIZE * len(FACETS)
        counters[FACET_VALUES] = {"terms": {"field": FACET_VALUES, "size": size}}
    return counters


def _facet_aggregations(choices: dict[str, Clause], moment: WeekMoment) -> dict[str, Any]:
    """The facets' counters, at the top level or inside a ``filter`` aggregation of the
    choices they must see (``_facet_buckets`` reads either)."""
    unchosen = _unchosen_counters([f for f in FACETS if f.name not in choices], moment)
    if not choices:
        return unchosen
    aggregations: dict[str, Any] = {}
    if unchosen:
        aggregations[UNCHOSEN] = {"filter": _bool(filter=list(choices.values())), "aggs": unchosen}
    for facet in FACETS:
        if facet.name in choices:
            others = [clause for name, clause in choices.items() if name != facet.name]
            aggregations[facet.name] = {
                "filter": _bool(filter=others),
                "aggs": {facet.name: _facet_counter(facet, moment)},
            }
    return aggregations


def _facet_buckets(aggregations: dict[str, Any]) -> dict[str, Any]:
    """{facet name: its buckets} from the answer to ``_facet_aggregations``. A chosen facet's
    own counter wins over its pairs in the combined one, which saw its choice applied."""
    counters: dict[str, Any] = {}
    for name, aggregation in aggregations.items():
        if "buckets" in aggregation:
            counters[name] = aggregation["buckets"]
        else:  # a filter aggregation: its document count, and the counters inside
            counters.update(
                (inner, counter["buckets"])
                for inner, counter in aggregation.items()
                if isinstance(counter, dict) and "buckets" in counter
            )
    combined: dict[str, list[dict[str, Any]]] = {}
    for bucket in counters.pop(FACET_VALUES, []):
        name, value = split_facet_value(bucket["key"])
        combined.setdefault(name, []).append({"key": value, "doc_count": bucket["doc_count"]})
    return {**combined, **counters}


def build_search(query: SearchQuery, plan: TextPlan) -> dict[str, Any]:
    """The search request's body."""
    choices = _choices(query)
    body = _matching(query, plan, choices)
    body["aggs"] = _facet_aggregations(choices, query.opening_moment)

    ties = [{"name.sort": "asc"}, {"id": "asc"}]
    current_first = _overdue_last()
    distance = (
        {
            "_geo_distance": {
                "locations": _origin(query),
                "unit": "mi",
                "order": "asc",
                "mode": "min",
                "distance_type": "arc",
            }
        }
        if query.has_location
        else None
    )
    if query.sort == "distance" and distance:
        keys = [current_first, distance, *ties]
    elif query.sort == "name":
        keys = ties
    else:
        keys = [current_first, {"_score": "desc"}, *ties]
        if plan.evidence or plan.ages:
            keys.insert(0, _named_first(plan))
    if distance and query.sort != "distance":
        keys.append(distance)  # last, only to read each result's distance
    offset, limit = page_bounds(query)
    body.update(
        # The stored source is only ``document`` (elastic_index.STORED_SOURCE): asked for
        # whole, the engine returns it without parsing and filtering it.
        sort=keys,
        track_total_hits=True,
        _source=True,
        **{"from": offset, "size": limit},
    )
    return body


def _counts(buckets: list[dict[str, Any]] | dict[str, dict[str, Any]]) -> dict[str, int]:
    """{value: count} from a terms aggregation's buckets, or a filters one's (keyed, and with
    empty buckets, which terms leaves out)."""
    if isinstance(buckets, dict):
        return {key: bucket["doc_count"] for key, bucket in buckets.items() if bucket["doc_count"]}
    return {bucket["key"]: bucket["doc_count"] for bucket in buckets}


def _request_cache() -> dict[str, bool]:
    """The shard request cache on or off (settings.ELASTICSEARCH_REQUEST_CACHE), rather than the
    engine's default of caching only answers without hits. A refresh that changed the index
    empties it, so a publish shows at the next search as before."""
    return {"request_cache": bool(settings.ELASTICSEARCH_REQUEST_CACHE)}


class ElasticsearchEngine:
    name = "elasticsearch"

    def search(self, query: SearchQuery, plan: TextPlan) -> SearchResults:
        raw = connection().call(
            "search", index=alias(), body=build_search(query, plan), **_request_cache()
        )
        # Read as plain dicts: elasticsearch-dsl's Response wraps every hit and bucket in
        # attribute objects, a millisecond of each search's own time spent on nothing.
        hits = []
        for hit in raw["hits"]["hits"]:
            nearest = None
            if query.has_location:
                # Infinity (no located place) comes as a float or, from some versions, a string.
                # The distance follows the overdue key, or comes last when only read.
                value = float(hit["sort"][1 if query.sort == "distance" else -1])
                nearest = value if math.isfinite(value) else None
            within = nearest if nearest is not None and nearest <= query.radius else None
            hits.append(
                Hit(hit["_source"]["document"], distance_miles=within, nearest_miles=nearest)
            )
        buckets = _facet_buckets(raw["aggregations"])
        facet_counts = {facet.name: _counts(buckets.get(facet.name, [])) for facet in FACETS}
        return SearchResults(
            hits, raw["hits"]["total"]["value"], facet_counts, self.name, took_ms=float(raw["took"])
        )

    def count(self, query: SearchQuery, plan: TextPlan) -> SearchResults:
        raw = connection().call(
            "search", index=alias(), body=build_count(query, plan), **_request_cache()
        )
        return SearchResults(
            [], raw["hits"]["total"]["value"], engine=self.name, took_ms=float(raw["took"])
        )

    def suggest_services(self, prefix: str, limit: int) -> list[Suggestion]:
        body = {
            "query": {"match": {"name.autocomplete": {"query": prefix, "operator": "and"}}},
            "sort": [{"_score": "desc"}, {"name.sort": "asc"}],
            "size": limit,
            "_source": ["document.name", "document.url"],
        }
        raw: dict[str, Any] = connection().call("search", index=alias(), body=body)
        return [
            Suggestion(
                hit["_source"]["document"]["name"], hit["_source"]["document"]["url"], "service"
            )
            for hit in raw["hits"]["hits"]
        ]
