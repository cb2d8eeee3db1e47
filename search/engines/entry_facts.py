"""What ranking reads of each entry, kept in memory between searches.

Ranking by the words reads every result's needs, circumstances and levels (how strongly the
words named them, ``TextPlan.tier``; whether families can go to it directly, search.ranking),
its name, review date and ages. Reading and decoding them from the database on every search
cost more than the rest of such a search at 10,000 services (on SQLite, each row's document
is read along with them), so each process keeps a decoded copy; which entries are results,
and the facet counts, come from SQL (search.engines.sql_facets).

The copy is checked against the index on every search with one cheap query: the index's
generation, a number bumped in the database in the same transaction as every write to the
entries (search.indexing). So a search never sees facts older than the entries it matched,
whichever process wrote them and whatever the app servers' clocks say.
"""

from __future__ import annotations

import datetime
import sys
import threading

from ..models import IndexGeneration, SearchEntry

READ_CHUNK = 2000

# One entry's facts: (facets, sort_name, review_due, minimum_age, maximum_age), where facets
# maps each facet to its values. Plain tuples, dicts, strings and dates on purpose: CPython's
# collector stops tracking those once they hold nothing else, so 10,000 entries add nothing to
# a full garbage collection; as dataclass instances they did, and searches paused 100-200 ms
# whenever one ran.
EntryFacts = tuple[dict[str, tuple[str, ...]], str, datetime.date | None, int | None, int | None]


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
    rows = SearchEntry.objects.values_list(
        "pk", "facets", "sort_name", "review_due", "minimum_age", "maximum_age"
    ).iterator(chunk_size=READ_CHUNK)
    return {
        pk: (
            # Interned: the same few hundred slugs recur in every entry.
            {
                sys.intern(name): tuple(sys.intern(value) for value in values)
                for name, values in stored.items()
            },
            sort_name,
            review_due,
            minimum_age,
            maximum_age,
        )
        for pk, stored, sort_name, review_due, minimum_age, maximum_age in rows
    }


entry_facts = EntryFactsCache()
