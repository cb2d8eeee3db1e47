"""The database engine's facets in SQL: each choice as the set of entries passing it, and every
facet's counts in one statement.

Each facet value an entry carries is a ``SearchEntryFacet`` row and each weekly session a
``SearchEntryOpening`` row, written with the entry (search.indexing). A facet's choice keeps the
entries carrying any of its values; "Open now" and "Open today" keep those with a session in the
search's window (``directory.opening_hours.open_when``, judged at the search's moment). The
counts group those rows over the results, except that a facet with a choice is counted over the
candidates passing the other facets' choices, so ticking "Targeted" still shows how many
"Specialist" services there are. The candidates (what the words, age and place matched) are a
common table expression, so the statement works them out once for every count.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.db.models import QuerySet

from directory.opening_hours import WeekMoment

from ..filters import FACETS
from ..models import SearchEntry, SearchEntryFacet, SearchEntryOpening
from .sql import Sql

# {facet name: chosen values}, as search.facets.chosen_filters gives them.
Chosen = dict[str, tuple[str, ...]]
# {facet name: {value: count}}
Counts = dict[str, dict[str, int]]


def _open_sessions(values: tuple[str, ...], moment: WeekMoment) -> Sql:
    """A condition on a session row (``session``): it meets any of the values' windows, and on
    a school holiday it is not a term-time-only service's."""
    windows = [
        Sql("(session.opens < %s AND session.closes > %s)", (end, start))
        for start, end in (moment.window(value) for value in values)
    ]
    condition = Sql("(") + Sql.join(" OR ", windows) + ")"
    if moment.school_holiday:
        condition += Sql(" AND session.term_time_only = %s", (False,))
    return condition


# Facets whose values each search works out at its own moment, not stored: the condition on a
# weekly session row (SearchEntryOpening) for any of the values at the moment.
TIMED: dict[str, Callable[[tuple[str, ...], WeekMoment], Sql]] = {"open": _open_sessions}
_TIMED_VALUES = {
    facet.name: tuple(value for value, _ in facet.allowed()) for facet in FACETS if facet.timed
}
_STORED_FACETS = tuple(facet.name for facet in FACETS if not facet.timed)
_FACET_ROWS = SearchEntryFacet._meta.db_table
_SESSIONS = SearchEntryOpening._meta.db_table
# Whether the results are a quarter of the catalogue or more (see count_facets).
_MANY_RESULTS = (
    f"((SELECT COUNT(*) FROM result) * 4 >= (SELECT COUNT(*) FROM {SearchEntry._meta.db_table}))"
)


def entries_with(name: str, values: tuple[str, ...], moment: WeekMoment) -> Sql:
    """SQL for the ids of the entries passing one facet's choice: any of its values."""
    if name in TIMED:
        return Sql(f"SELECT session.entry_id FROM {_SESSIONS} session WHERE ") + TIMED[name](
            values, moment
        )
    return stored_facet_entries(name, values)


def stored_facet_entries(name: str, values: tuple[str, ...]) -> Sql:
    """SQL for the ids (column ``id``) of the entries carrying any of a stored facet's values."""
    return (
        Sql(f"SELECT entry_id AS id FROM {_FACET_ROWS} WHERE facet = %s AND value IN (", (name,))
        + Sql.values(list(values))
        + ")"
    )


def passing(
    entries: QuerySet[SearchEntry], chosen: Chosen, moment: WeekMoment
) -> QuerySet[SearchEntry]:
    """The entries passing every facet's choice."""
    for name, values in chosen.items():
        ids = entries_with(name, values, moment)
        entries = entries.filter(pk__in=ids.raw())
    return entries


def count_facets(
    candidates: QuerySet[SearchEntry], chosen: Chosen, moment: WeekMoment
) -> tuple[Counts, int]:
    """Every facet's counts (each ignoring its own choice) and the number of results."""
    choices = {name: entries_with(name, values, moment) for name, values in chosen.items()}

    def pool(excluded: str) -> Sql:
        """The candidates passing every choice but ``excluded``'s, as a table ``pool``."""
        conditions = [
            Sql("id IN (") + sql + ")" for name, sql in choices.items() if name != excluded
        ]
        where = Sql.join(" AND ", conditions) if conditions else Sql("1 = 1")
        return Sql("(SELECT id FROM candidate WHERE ") + where + ") pool"

    parts = []
    unchosen = [name for name in _STORED_FACETS if name not in chosen]
    if not chosen and not candidates.query.where:
        # Browsing the whole catalogue: every row counts, read in the index's order.
        parts.append(Sql(f"SELECT facet, value, COUNT(*) FROM {_FACET_ROWS} GROUP BY facet, value"))
    elif unchosen:
        # Few results: from each result to its facet rows. Many (a quarter of the catalogue or
        # more): every facet row in the index's order, kept when its entry is a result, which
        # groups without sorting. Each part is empty unless its condition holds; the
        # databases check a condition on no row once, before reading any.
        facet_in = Sql.values(unchosen)
        parts.append(
            Sql(f"SELECT f.facet, f.value, COUNT(*) FROM result pool CROSS JOIN {_FACET_ROWS} f ")
            + f"WHERE NOT {_MANY_RESULTS} AND f.entry_id = pool.id AND f.facet IN ("
            + facet_in
            + ") GROUP BY f.facet, f.value"
        )
        parts.append(
            Sql(f"SELECT f.facet, f.value, COUNT(*) FROM {_FACET_ROWS} f WHERE {_MANY_RESULTS} ")
            # "+": not by the entry's index, which would leave the rows to sort.
            + "AND +f.entry_id IN (SELECT id FROM result) AND f.facet IN ("
            + facet_in
            + ") GROUP BY f.facet, f.value"
        )
    for name in _STORED_FACETS:
        if name in chosen:
            parts.append(
                Sql("SELECT f.facet, f.value, COUNT(*) FROM ")
                + pool(name)
                + f" CROSS JOIN {_FACET_ROWS} f WHERE f.entry_id = pool.id AND f.facet = "
                + Sql.values([name])
                + " GROUP BY f.facet, f.value"
            )
    for name, values in _TIMED_VALUES.items():
        counted = pool(name) if name in chosen else Sql("result pool")
        for value in values:
            parts.append(
                Sql("SELECT ")
                + Sql.literal(name)
                + ", "
                + Sql.literal(value)
                + ", COUNT(*) FROM "
                + counted
                + f" WHERE EXISTS (SELECT 1 FROM {_SESSIONS} session "
                + "WHERE session.entry_id = pool.id AND "
                + TIMED[name]((value,), moment)
                + ")"
            )
    # The number of results, as a row of its own.
    parts.append(
        Sql("SELECT ") + Sql.literal("") + ", " + Sql.literal("") + ", COUNT(*) FROM result"
    )
    results = [Sql("id IN (") + sql + ")" for sql in choices.values()]
    statement = (
        Sql("WITH candidate(id) AS (")
        + Sql.of(candidates.values("pk"))
        + "), result(id) AS (SELECT id FROM candidate WHERE "
        + (Sql.join(" AND ", results) if results else Sql("1 = 1"))
        + ") "
        + Sql.join(" UNION ALL ", parts)
    )
    counts: Counts = {facet.name: {} for facet in FACETS}
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(statement.text, statement.params)
        for name, value, count in cursor.fetchall():
            if not name:
                total = count
            elif count:
                counts[name][value] = count
    return counts, total
