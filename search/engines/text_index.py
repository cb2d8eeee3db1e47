"""Which entries' analysed text holds a phrase: ``LIKE '% phrase %'`` on the stored terms
(search.analysis.analysed_fields), answered through a trigram index.

Reading every entry's text to match it cost most of a search with words at 10,000 services
(about 30 ms a phrase on SQLite). Migration 0008 adds the index (and 0009 one for the names,
which rank name matches first, on SQLite): on PostgreSQL pg_trgm's GIN
index on the column, which ``LIKE`` uses as it is; on SQLite an FTS5 trigram table that triggers
keep equal to the column, which answers the same ``LIKE`` when it has no ``ESCAPE`` clause (so
the pattern is written without one: analysed terms never hold ``%`` or ``_``). Either way the
database still checks each row against the whole pattern, so the same entries match as without
the index; where SQLite has no trigram tokenizer, the column is read as before.
"""

from __future__ import annotations

from functools import lru_cache

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

# The trigram tables SQLite keeps for each column (migrations 0008 and 0009).
SQLITE_TRIGRAM_TABLES = {"text": "search_entry_trigrams", "name_text": "search_entry_name_trigrams"}


def containing(key: str, column: str = "text") -> Q:
    """Entries whose ``column`` (text, or name_text) holds the phrase ``key`` (analysed terms,
    space separated)."""
    table = SQLITE_TRIGRAM_TABLES[column]
    if connection.vendor == "sqlite" and _sqlite_has(table) and not {"%", "_"} & set(key):
        return Q(
            pk__in=RawSQL(f"SELECT rowid FROM {table} WHERE {column} LIKE %s", (f"% {key} %",))
        )
    return Q(**{f"{column}__contains": f" {key} "})


@lru_cache(maxsize=4)
def _sqlite_has(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [table])
        return cursor.fetchone() is not None
