"""The anonymous search log, read by the demand and zero-result reports.

It keeps nothing that could say who searched. Of the words, only what the directory itself
knows is kept: words of its own index, of the needs' "words families use" and of the synonym
list. Names, dates, house numbers, streets ("14 Brockley Rise"), e-mail addresses and
postcodes are dropped, and only how many words were dropped is kept. The needs the words named
are kept by slug, so the demand report counts the search toward them. The place is cut to its
district and coordinates rounded to about a kilometre (``SearchQuery.log_params``). Rows older
than ``SEARCH_LOG_RETENTION_DAYS`` are purged every night (``purge_search_log``).

Writing is off the search's critical path: by default a row is handed to a writer thread
(``search.log_writer``), so a slow or locked database never delays a search and a failure to
write never fails one.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from directory.geocoding import outward_code

from .analysis import STOP_WORDS, stem, words
from .lexicon import Reading
from .models import SearchLog
from .text_query import index_vocabulary, synonym_table

if TYPE_CHECKING:
    from .runner import SearchOutcome

logger = logging.getLogger(__name__)

MAX_LOGGED_LENGTH = 100
# An index word is known only when this many services use it: a name in one listing is not.
MIN_SERVICES_USING = 2
# Words that follow a street's name: the name before them is never logged ("Brockley Rise").
# Only words that rarely mean anything else; "court" or "place" would drop "family court".
STREET_WORDS = frozenset(
    (
        *("road", "rd", "street", "st", "lane", "ln", "avenue", "ave", "crescent", "terrace"),
        *("grove", "gardens", "gdns", "mews", "rise", "vale", "parade", "drive", "dr", "close"),
        *("cl", "square", "sq"),
    )
)


def loggable_words(text: str, reading: Reading | None = None) -> tuple[str, int]:
    """The words the directory knows, and how many others were dropped.

    Known: words of the phrases that named a need (``reading``), of the synonym list, or of at
    least ``MIN_SERVICES_USING`` services in the index. Not every word the lexicon or one
    listing holds: "Sarah's law" or a member of staff named in one listing must not make a
    family's "Sarah" known."""
    used = reading.used_stems if reading is not None else frozenset()
    vocabulary = index_vocabulary()
    synonyms = synonym_table().words()

    def known(word: str) -> bool:
        stemmed = stem(word)
        return (
            stemmed in used
            or stemmed in synonyms
            or vocabulary.frequencies.get(word, 0) >= MIN_SERVICES_USING
        )

    return keep_known_words(text, known)


def keep_known_words(text: str, known: Callable[[str], bool]) -> tuple[str, int]:
    """The words of ``text`` that ``known`` accepts, and how many others were dropped. Never
    kept whatever ``known`` says: anything with a digit (dates, house numbers, postcodes,
    phone numbers), single letters, and a street's name with the word naming it."""
    typed = words(text)
    street = {i for i, word in enumerate(typed) if word in STREET_WORDS}
    street |= {i - 1 for i in street if i > 0}
    kept, dropped = [], 0
    for position, word in enumerate(typed):
        if word in STOP_WORDS:
            continue
        if (
            position not in street
            and len(word) > 1
            and not any(char.isdigit() for char in word)
            and known(word)
        ):
            kept.append(word)
        else:
            dropped += 1
    return " ".join(kept)[:MAX_LOGGED_LENGTH].strip(), dropped


def log_row(outcome: SearchOutcome, *, api: bool = False) -> SearchLog:
    """The row a search is logged as (not saved)."""
    query = outcome.query
    params = query.log_params()
    q, other_words = loggable_words(params.pop("q", ""), outcome.understood.reading)
    return SearchLog(
        q=q,
        other_words=other_words,
        named_needs=[named.term.slug for named in outcome.understood.reading.needs],
        postcode_district=outward_code(query.postcode) if query.postcode else "",
        needs=list(query.needs),
        params=params,
        result_count=outcome.results.count,
        match=outcome.match,
        engine=outcome.engine,
        fell_back=outcome.fell_back,
        duration_ms=outcome.duration_ms,
        api=api,
    )


def record_search(outcome: SearchOutcome, *, api: bool = False) -> None:
    """Log one search. Never raises and never waits on the database (see the module notes)."""
    from .log_writer import writer

    try:
        writer().write(log_row(outcome, api=api))
    except Exception:  # a log must never fail a search, whatever went wrong
        logger.exception("Could not log a search")


def purge_old_searches(now: datetime.datetime | None = None) -> int:
    """Delete rows older than SEARCH_LOG_RETENTION_DAYS; returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SEARCH_LOG_RETENTION_DAYS)
    deleted, _ = SearchLog.objects.filter(created_at__lt=cutoff).delete()
    return deleted
