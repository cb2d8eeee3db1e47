"""Every row of the database's tables, taken inside a transaction and written back later.

The demo borough takes far longer to load (pages published through revisions, each geocoded
and indexed) than its rows take to copy, so the suite loads it once per test process and puts
the rows back into each module's transaction that needs it (tests/conftest.py). Rows are copied
as the database stores them (PostgreSQL's COPY; SQLite's own values), ids included, so what a
test sees is exactly what the load left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection


@dataclass
class TableSnapshot:
    """The rows of some tables: PostgreSQL's COPY text, or SQLite's rows, by table name."""

    rows: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def take(cls) -> TableSnapshot:
        with connection.cursor() as cursor:
            return cls({table: _read(cursor, table) for table in _tables(cursor)})

    def changed_since(self, earlier: TableSnapshot) -> TableSnapshot:
        """Only the tables whose rows differ from ``earlier``'s."""
        return TableSnapshot(
            {table: rows for table, rows in self.rows.items() if earlier.rows.get(table) != rows}
        )

    def restore(self) -> None:
        """Replace these tables' rows with the snapshot's. Run it inside a transaction: the
        foreign keys are checked when it ends (Django makes them deferrable)."""
        with connection.cursor() as cursor:
            for table in self.rows:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
            for table, rows in self.rows.items():
                _write(cursor, table, rows)
            if connection.vendor == "postgresql":
                _advance_sequences(cursor, list(self.rows))
        # The rows changed behind the models' signals, so nothing cached from the old rows
        # (Wagtail's site root paths, above all: a Site id that is gone) may be read again.
        cache.clear()


def _tables(cursor: Any) -> list[str]:
    tables = set(connection.introspection.table_names(cursor)) - {"django_migrations"}
    if connection.vendor == "sqlite":
        # Full-text tables (Wagtail's search index) are written by triggers on their source
        # table, and their own internals must never be written directly.
        cursor.execute("PRAGMA main.table_list")
        tables -= {name for _, name, kind, *_ in cursor.fetchall() if kind != "table"}
    return sorted(tables)


def _read(cursor: Any, table: str) -> Any:
    name = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        # In key order (every table here has its key first): a plain COPY gives the physical
        # order, which rewriting the same rows changes, so equal tables would compare unequal.
        with cursor.cursor.copy(f"COPY (SELECT * FROM {name} ORDER BY 1) TO STDOUT") as copy:
            return b"".join(bytes(chunk) for chunk in copy)
    # Unary plus returns each value untouched, as an expression: without a column's declared
    # type, Django's SQLite converters (dates, times, booleans) leave it as stored.
    columns = [row.name for row in connection.introspection.get_table_description(cursor, table)]
    quoted = ", ".join(f"+{connection.ops.quote_name(column)}" for column in columns)
    cursor.execute(f"SELECT {quoted} FROM {name}")
    return cursor.fetchall()


def _write(cursor: Any, table: str, rows: Any) -> None:
    name = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {name} FROM STDIN") as copy:
            copy.write(rows)
    elif rows:
        placeholders = ", ".join(["%s"] * len(rows[0]))
        cursor.executemany(f"INSERT INTO {name} VALUES ({placeholders})", rows)


def _advance_sequences(cursor: Any, tables: list[str]) -> None:
    """Keep each id sequence above the restored ids (never moving it back), so rows the tests
    add next do not collide with them."""
    quote = connection.ops.quote_name
    for table in tables:
        for sequence in connection.introspection.get_sequences(cursor, table):
            cursor.execute(
                f"SELECT setval(%s::regclass, top) FROM (SELECT max({quote(sequence['column'])}) "
                f"AS top FROM {quote(table)}) AS ids WHERE top >= (SELECT last_value FROM "
                f"{quote(sequence['name'])})",
                [quote(sequence["name"])],
            )
