"""Running a public search: engine choice and fallback, relaxed and corrected words, the log.

Views call ``run_search``; it never raises for engine trouble. When the configured engine
cannot answer, the database engine answers that search, and the outcome says so.

The words are tried in this order, each only when the one before found nothing:

1. all the words (with their synonyms and word forms);
2. all the words, with unknown ones corrected ("did you mean");
3. any of the words (the page says not all matched);
4. any of the corrected words.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field, replace

from .area import is_outside_area
from .engines import (
    Engine,
    EngineUnavailable,
    Hit,
    SearchResults,
    Suggestion,
)
from .engines.configured import configured_engine
from .engines.database import DatabaseEngine
from .facets import FacetResult, labelled
from .intent import Understanding, content_words, understand
from .lexicon import Lexicon, current_lexicon
from .log import record_search
from .models import IndexGeneration
from .query import MAX_RADIUS, SearchQuery
from .text_query import (
    SynonymTable,
    TextPlan,
    build_plan,
    correct,
    index_vocabulary,
    synonym_table,
)

logger = logging.getLogger(__name__)

MAX_SUGGEST_WORDS = 5
# Where the best service of a second reading of the words goes (0-based): third.
SECOND_READING_AT = 2
# When nothing matches within the radius asked for, search this far instead.
WIDER_RADIUS = MAX_RADIUS
# This many words or more that name no need are a sentence describing a situation.
SENTENCE_GROUPS = 4
# Shorter words are too easily "corrected" into other words.
MIN_CORRECTED_LENGTH = 4

MATCH_ALL = "all"
MATCH_ALL_CORRECTED = "all_corrected"
MATCH_ANY = "any"
MATCH_ANY_CORRECTED = "any_corrected"


@dataclass
class SearchOutcome:
    query: SearchQuery
    results: SearchResults
    # How the words matched (one of the MATCH_* values), or "" without words.
    match: str = ""
    # The corrected words when a correction was used.
    corrected: str = ""
    fell_back: bool = False
    duration_ms: int = 0
    facets: list[FacetResult] = field(default_factory=list)
    # The engine's own time over every try (all words, corrected, any word), in milliseconds.
    engine_ms: float = 0.0
    # The same tries as this process waited on them: building each request, the exchange with
    # the engine and reading its answer. Beyond ``engine_ms``, the cost of the engine's being
    # another process (the database engine's two are the same work).
    round_trip_ms: float = 0.0
    # What the words asked for: a place, named needs, the words that had to match.
    understood: Understanding = field(default_factory=Understanding)
    # The radius asked for when nothing was within it and the search went wider.
    widened_from: float | None = None
    # The place searched from is outside the area the directory serves (search.area).
    outside_area: bool = False

    @property
    def engine(self) -> str:
        return self.results.engine

    @property
    def relaxed(self) -> bool:
        """Not every word matched: the page says so."""
        return self.match in (MATCH_ANY, MATCH_ANY_CORRECTED)


def run_search(
    query: SearchQuery, *, log: bool = True, api: bool = False, count_only: bool = False
) -> SearchOutcome:
    """Answer ``query`` with the configured engine, or the database when that is down.

    ``count_only``: every try as usual, but the engine only counts the results (no hits, no
    facets), for what a search would log without showing it (the demo's search log)."""
    with IndexGeneration.pinned():
        return _run_search(query, log=log, api=api, count_only=count_only)


def _run_search(query: SearchQuery, *, log: bool, api: bool, count_only: bool) -> SearchOutcome:
    started = time.perf_counter()
    # One moment for "open now" across every try and engine of this search.
    query = query.at_moment()
    engine = configured_engine()
    fell_back = False
    outside_area = is_outside_area(query)
    try:
        outcome = _run(engine, query, outside_area=outside_area, count_only=count_only)
    except EngineUnavailable as error:
        logger.warning("Search fell back to the database engine: %s", error)
        fell_back = True
        outcome = _run(DatabaseEngine(), query, outside_area=outside_area, count_only=count_only)
    outcome.fell_back = fell_back
    outcome.outside_area = outside_area
    if not count_only:
        outcome.facets = labelled(query, outcome.results.facet_counts)
    outcome.duration_ms = round((time.perf_counter() - started) * 1000)
    if log and not query.is_empty:
        record_search(outcome, api=api)
    return outcome


class _Timed:
    """An engine that adds up the time it reports over the tries of one search, and only
    counts when nothing is to be shown."""

    def __init__(self, engine: Engine, count_only: bool = False) -> None:
        self.engine = engine
        self.count_only = count_only
        self.took_ms = 0.0
        self.round_trip_ms = 0.0

    def search(self, query: SearchQuery, plan: TextPlan) -> SearchResults:
        started = time.perf_counter()
        if self.count_only:
            results = self.engine.count(query, plan)
        else:
            results = self.engine.search(query, plan)
        self.round_trip_ms += (time.perf_counter() - started) * 1000
        self.took_ms += results.took_ms
        return results


def _run(
    engine: Engine, query: SearchQuery, *, outside_area: bool = False, count_only: bool = False
) -> SearchOutcome:
    timed = _Timed(engine, count_only)
    outcome = _tries(timed, query, outside_area)
    outcome.engine_ms = timed.took_ms
    outcome.round_trip_ms = timed.round_trip_ms
    return outcome


def _tries(engine: _Timed, query: SearchQuery, outside_area: bool) -> SearchOutcome:
    if not query.q:
        return SearchOutcome(query, engine.search(query, TextPlan(())))
    synonyms = synonym_table()
    lexicon = current_lexicon()
    understood = understand(query.q, lexicon, _lexicon_corrections(query.q, lexicon))
    plan = build_plan(understood.content, synonyms).naming(
        understood.reading.evidence, understood.ages
    )
    if not plan:
        # Only words like "the", "help" or "near me": search as if none were typed.
        outcome = SearchOutcome(query, engine.search(query, plan))
    else:
        outcome = _word_tries(engine, query, understood, plan, synonyms)
        nothing_near = not outcome.results.count and query.has_location
        if nothing_near and query.radius < WIDER_RADIUS and not outside_area:
            # Nothing near: rather than a dead end, the best matches further away.
            wider = replace(query, radius=WIDER_RADIUS, page=1)
            widened = _word_tries(engine, wider, understood, plan, synonyms)
            if widened.results.count:
                widened.widened_from = query.radius
                outcome = widened
    outcome.understood = understood
    if query.sort == "relevance" and query.page == 1:
        outcome.results.hits = with_second_reading(outcome.results.hits, understood)
    return outcome


def with_second_reading(hits: list[Hit], understood: Understanding) -> list[Hit]:
    """Words that name several needs may mean either ("can't afford nappies": food, or money
    advice). The first results are the strongest reading's; the third place goes to the best
    service of the next reading not yet among the first two, so the first screen offers both.
    Only the order within the first page changes, never which services match."""
    needs = [named.term.slug for named in understood.reading.needs]
    if len(needs) < 2 or len(hits) <= SECOND_READING_AT:
        return hits

    def reading_of(hit: Hit) -> str | None:
        carried = set(hit.document["facets"]["need"])
        return next((slug for slug in needs if slug in carried), None)

    shown = {reading_of(hit) for hit in hits[:SECOND_READING_AT]}
    for position in range(SECOND_READING_AT, len(hits)):
        reading = reading_of(hits[position])
        if reading is not None and reading not in shown:
            moved = hits[position]
            return [
                *hits[:SECOND_READING_AT],
                moved,
                *(h for h in hits[SECOND_READING_AT:] if h is not moved),
            ]
    return hits


def _lexicon_corrections(q: str, lexicon: Lexicon) -> dict[str, str]:
    """Misspelt words the lexicon knows a near spelling of ("bulied" -> "bullied"), for words
    neither the lexicon nor the index knows."""
    unknown = [
        word
        for word in dict.fromkeys(content_words(q))
        if len(word) >= MIN_CORRECTED_LENGTH and word not in lexicon.surface_words
    ]
    if not unknown:
        return {}
    vocabulary = index_vocabulary()
    corrections = {}
    for word in unknown:
        if not vocabulary.knows(word) and (nearest := lexicon.correct(word)):
            corrections[word] = nearest
    return corrections


def _word_tries(
    engine: _Timed,
    query: SearchQuery,
    understood: Understanding,
    plan: TextPlan,
    synonyms: SynonymTable,
) -> SearchOutcome:
    exact = engine.search(query, plan)
    if exact.count:
        return SearchOutcome(query, exact, MATCH_ALL)
    if not plan.groups:
        return SearchOutcome(query, exact, MATCH_ALL)

    corrected_text = correct(understood.content, index_vocabulary(), synonyms)
    corrected = (
        build_plan(corrected_text, synonyms).naming(plan.evidence, plan.ages)
        if corrected_text
        else None
    )
    if corrected:
        results = engine.search(query, corrected)
        if results.count:
            return SearchOutcome(query, results, MATCH_ALL_CORRECTED, corrected_text or "")
    for minimum in _relaxed_minimums(plan):
        results = engine.search(query, plan.relaxed(minimum))
        if results.count:
            return SearchOutcome(query, results, MATCH_ANY)
    for minimum in _relaxed_minimums(corrected) if corrected else ():
        assert corrected is not None
        results = engine.search(query, corrected.relaxed(minimum))
        if results.count:
            return SearchOutcome(query, results, MATCH_ANY_CORRECTED, corrected_text or "")
    # Nothing at all: the exact search's facet counts still show which filter to drop.
    return SearchOutcome(query, exact, MATCH_ALL)


def _relaxed_minimums(plan: TextPlan) -> tuple[int, ...]:
    """How many of the words a service must match, tried in turn, when not all of them can.

    Words that named a need relax to any one of them (their needs' services lead anyway). A
    sentence (four words or more) describes a situation: half its words, then any one. Three
    words relax to two, and fewer not at all, so "parking permit" or "car insurance quotes"
    find nothing rather than whatever mentions parking."""
    groups = len(plan.groups)
    if groups < 2:
        return ()
    if plan.evidence:
        return (1,)
    if groups >= SENTENCE_GROUPS:
        return (math.ceil(groups / 2), 1)
    return (2,) if groups == 3 else ()


def suggest(prefix: str, limit: int = 8) -> list[Suggestion]:
    """As-you-type suggestions: needs whose names start with the words, then services."""
    from django.urls import reverse

    from directory.models import Need

    # A few words are plenty to suggest from, and bound the work a crafted request causes.
    prefix = " ".join(prefix.split()[:MAX_SUGGEST_WORDS])[:100]
    if len(prefix) < 2:
        return []
    typed = prefix.lower().split()
    needs = [
        Suggestion(need.name, f"{reverse('search')}?need={need.slug}", "need")
        for need in Need.objects.order_by("sort_order", "name")
        if all(any(word.startswith(t) for word in need.name.lower().split()) for t in typed)
    ][: limit // 2]
    wanted = limit - len(needs)
    engine = configured_engine()
    try:
        services = engine.suggest_services(prefix, wanted)
    except EngineUnavailable as error:
        logger.warning("Suggestions fell back to the database engine: %s", error)
        services = DatabaseEngine().suggest_services(prefix, wanted)
    return needs + services
