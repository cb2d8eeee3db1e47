"""What the database engine needs of every candidate, kept in memory between searches.

A search without words (browsing, or filters only) has every live service as a candidate, and
its facets are counted over all of them. Reading and decoding each entry's facet JSON again on
every search cost most of the time of such a search at 10,000 services. So each process keeps
a decoded copy of the small, per-entry facts, and SQL only says which entries are candidates.

The copy is checked against the index on every search with one cheap query: the index's
generation, a number bumped in the database in the same transaction as every write to the
entries (search.indexing). So a search never sees facts older than the entries it matched,
whichever process wrote them and whatever the app servers' clocks say.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from ..models import IndexGeneration, SearchEntry

READ_CHUNK = 2000


# One entry's facts: (facets, pairs, sort_name, area_wide, review_due, opening, term_time_only),
# where facets maps each facet to its values, pairs lists every (facet, value), to count all
# facets in one pass, and opening holds the week's (start, end) minutes ("Open now").
# Plain tuples, dicts, strings and dates on purpose: CPython's collector stops tracking those
# once they hold nothing else, so 10,000 entries add nothing to a full garbage collection; as
# dataclass instances they did, and searches paused 100-200 ms whenever one ran.
EntryFacts = tuple[
    dict[str, tuple[str, ...]],
    tuple[tuple[str, str], ...],
    str,
    bool,
    Any,
    tuple[tuple[int, int], ...],
    bool,
]
FACETS, PAIRS, SORT_NAME, AREA_WIDE, REVIEW_DUE, OPENING, TERM_TIME_ONLY = range(7)


class EntryFactsCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[int, str] | None = None
        self._facts: dict[int, EntryFacts] = {}

    def current(self) -> dict[int, EntryFacts]:
        """Facts of every entry as the index holds them now (re-read when it has changed)."""
        version = IndexGeneration.current()
        with self._lock:
            if version != self._version:
                self._facts = _read_all()
                self._version = version
            return self._facts


def _read_all() -> dict[int, EntryFacts]:
    facts = {}
    rows = SearchEntry.objects.values_list(
        "pk", "facets", "sort_name", "area_wide", "review_due", "opening", "term_time_only"
    ).iterator(chunk_size=READ_CHUNK)
    for pk, stored, sort_name, area_wide, review_due, opening, term_time_only in rows:
        # Interned: the same few hundred slugs recur in every entry.
        facets = {
            sys.intern(name): tuple(sys.intern(value) for value in values)
            for name, values in stored.items()
        }
        pairs = tuple((name, value) for name, values in facets.items() for value in values)
        spans = tuple((start, end) for start, end in opening or ())
        facts[pk] = (facets, pairs, sort_name, area_wide, review_due, spans, term_time_only)
    return facts


entry_facts = EntryFactsCache()
