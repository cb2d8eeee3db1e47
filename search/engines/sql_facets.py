"""The database engine's facets in SQL: each choice as the set of entries passing it, and every
facet's counts in one statement.

Each facet value an entry carries is a ``SearchEntryFacet`` row, holding the value's number
(``SearchFacetValue``) so counts group integers, and each weekly session a
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
from functools import lru_cache

from django.db import connection
from django.db.models import QuerySet

from directory.opening_hours import WeekMoment

from ..filters import FACETS
from ..models import (
    IndexGeneration,
    SearchEntry,
    SearchEntryFacet,
    SearchEntryOpening,
    SearchFacetValue,
)
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
_FACET_VALUES = SearchFacetValue._meta.db_table
_SESSIONS = SearchEntryOpening._meta.db_table
# Whether the candidates are a fifth of the catalogue or more, and the results two thirds (see
# count_facets), from the statement's ``sizes``: {catalogue} is the number of entries.
_MANY_CANDIDATES = "candidates * 5 >= {catalogue}"
_MANY_RESULTS = "results * 3 >= {catalogue} * 2"


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
        Sql(f"SELECT entry_id AS id FROM {_FACET_ROWS} WHERE value_id IN (")
        + _value_numbers(name, values)
        + ")"
    )


def _value_numbers(name: str, values: tuple[str, ...] | None = None) -> Sql:
    """SQL for the numbers of a facet's values (all of them, or these), written out.

    As numbers, not a subquery on the values' table: PostgreSQL's planner then knows from its
    statistics how many rows each value has. Given a subquery, it guessed one value's worth,
    and read thousands of entries one by one where it should have started from a need's few
    hundred (a page of results by need and two levels, 38 -> 20 ms at 10,000 services)."""
    numbered = _numbers_at(*IndexGeneration.current())
    numbers = (
        [number for (facet, _), number in numbered.items() if facet == name]
        if values is None
        else [numbered[name, value] for value in values if (name, value) in numbered]
    )
    # No entry carries the value: a list no row's number is in.
    return Sql(", ".join(["%s"] * len(numbers)), tuple(numbers)) if numbers else Sql("NULL")


@lru_cache(maxsize=2)
def _numbers_at(generation: int, token: str) -> dict[tuple[str, str], int]:
    """The values' numbers in this generation: values are numbered in the transaction that
    writes the entries carrying them and moves the generation on, and never deleted."""
    return SearchFacetValue.numbers()


def _only_if(condition: str) -> str:
    """A table of one row when ``condition`` on the statement's ``sizes`` holds, else none."""
    # LIMIT: so SQLite keeps it a table of its own rather than moving the condition into the
    # query that reads it.
    return f"(SELECT 1 AS go FROM sizes WHERE {condition} LIMIT 1) gate"


@lru_cache(maxsize=2)
def _catalogue_size(generation: int, token: str) -> int:
    return SearchEntry.objects.count()


def _labelled(grouped: Sql, facets: list[str] | None = None) -> Sql:
    """(facet, value, count) from a grouping's (value_id, n), for these facets or all."""
    labelled = (
        Sql("SELECT v.facet, v.value, c.n FROM (")
        + grouped
        + f") c JOIN {_FACET_VALUES} v ON v.id = c.value_id"
    )
    return labelled + Sql(" WHERE v.facet IN (") + Sql.values(facets) + ")" if facets else labelled


def passing(
    entries: QuerySet[SearchEntry], chosen: Chosen, moment: WeekMoment
) -> QuerySet[SearchEntry]:
    """The entries passing every facet's choice."""
    for name, values in chosen.items():
        ids = entries_with(name, values, moment)
        entries = entries.filter(pk__in=ids.raw())
    return entries


def _results_tables(
    candidates: QuerySet[SearchEntry], chosen: Chosen, moment: WeekMoment
) -> tuple[Sql, dict[str, str]]:
    """The start of a statement: ``WITH`` the tables ``candidate`` (what the words, age and
    place matched), ``scored`` (with choices: each candidate with a column per facet's choice
    saying whether it passes) and ``result`` (the candidates passing every choice); and the
    name of each facet's column in ``scored``."""
    choices = {name: entries_with(name, values, moment) for name, values in chosen.items()}
    # Whether each candidate passes each choice, worked out once in ``scored``: written into
    # the results and every other facet's pool instead, each choice's entries were read again
    # for each (a third of the statement's time with three choices).
    passes = {name: f"passes_{number}" for number, name in enumerate(choices)}
    statement = Sql("WITH candidate(id) AS (") + Sql.of(candidates.values("pk")) + ")"
    if choices:
        flags = [Sql("(id IN (") + sql + f")) AS {passes[name]}" for name, sql in choices.items()]
        statement += (
            Sql(", scored AS (SELECT id, ")
            + Sql.join(", ", flags)
            + " FROM candidate), result(id) AS (SELECT id FROM scored WHERE "
            + " AND ".join(passes.values())
            + ")"
        )
    else:
        statement += ", result(id) AS (SELECT id FROM candidate)"
    return statement, passes


def count_results(candidates: QuerySet[SearchEntry], chosen: Chosen, moment: WeekMoment) -> int:
    """The number of results alone, as ``count_facets`` counts them, for callers that need no
    facets (the demo's search log)."""
    statement = _results_tables(candidates, chosen, moment)[0] + " SELECT COUNT(*) FROM result"
    with connection.cursor() as cursor:
        cursor.execute(statement.text, statement.params)
        return cursor.fetchone()[0]


def count_facets(
    candidates: QuerySet[SearchEntry], chosen: Chosen, moment: WeekMoment
) -> tuple[Counts, int]:
    """Every facet's counts (each ignoring its own choice) and the number of results."""
    statement, passes = _results_tables(candidates, chosen, moment)

    def pool(excluded: str) -> str:
        """The candidates passing every choice but ``excluded``'s."""
        conditions = [column for name, column in passes.items() if name != excluded]
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        return f"SELECT id FROM scored{where}"

    catalogue = _catalogue_size(*IndexGeneration.current())
    many_candidates = _MANY_CANDIDATES.format(catalogue=catalogue)
    many_results = _MANY_RESULTS.format(catalogue=catalogue)
    parts = []
    unchosen = [name for name in _STORED_FACETS if name not in chosen]
    if not chosen and not candidates.query.where:
        # Browsing the whole catalogue: every row counts, read in the index's order.
        parts.append(
            _labelled(Sql(f"SELECT value_id, COUNT(*) AS n FROM {_FACET_ROWS} GROUP BY value_id"))
        )
    elif unchosen:
        # Few results: from each result to its facet rows. Many (two thirds of the catalogue
        # or more, where that costs more at 10,000 services): every facet row in the index's
        # order, kept when its entry is a result, which groups without sorting. Each part
        # starts from a table of one row or none, so it reads nothing unless its condition
        # holds (SQLite checks a condition in WHERE again on every row it reads, though it
        # names none of them). The chosen facets' rows are counted too, and left out by name
        # after grouping: fewer rows than choosing those to count.
        few = Sql(
            f"SELECT f.value_id, COUNT(*) AS n FROM {_only_if(f'NOT {many_results}')} "
            f"CROSS JOIN result pool CROSS JOIN {_FACET_ROWS} f "
            "WHERE f.entry_id = pool.id GROUP BY f.value_id"
        )
        many = Sql(
            f"SELECT f.value_id, COUNT(*) AS n FROM {_only_if(many_results)} "
            f"CROSS JOIN {_FACET_ROWS} f "
            # "+": not by the entry's index, which would leave the rows to sort.
            "WHERE +f.entry_id IN (SELECT id FROM result) GROUP BY f.value_id"
        )
        parts.extend([_labelled(few, unchosen), _labelled(many, unchosen)])
    for name in _STORED_FACETS:
        if name in chosen:
            # Few candidates: from each of the pool's entries to its rows of the facet ("+":
            # each row checked, rather than each of the facet's values looked up). Many (a
            # fifth of the catalogue or more, where that reads more rows): the facet's rows in
            # the index's order, kept when their entry is in the pool. Gated as above.
            by_entry = Sql(
                f"SELECT f.value_id, COUNT(*) AS n FROM {_only_if(f'NOT {many_candidates}')} "
                f"CROSS JOIN ({pool(name)}) pool CROSS JOIN {_FACET_ROWS} f "
                "WHERE f.entry_id = pool.id AND +f.value_id IN ("
            )
            by_value = Sql(
                f"SELECT f.value_id, COUNT(*) AS n FROM {_only_if(many_candidates)} "
                f"CROSS JOIN {_FACET_ROWS} f WHERE +f.entry_id IN ({pool(name)}) "
                "AND f.value_id IN ("
            )
            for counted in (by_entry, by_value):
                parts.append(_labelled(counted + _value_numbers(name) + ") GROUP BY f.value_id"))
    for name, values in _TIMED_VALUES.items():
        counted = Sql(f"({pool(name)}) pool" if name in chosen else "result pool")
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
    statement += (
        Sql(", sizes(candidates, results) AS ")
        + "(SELECT (SELECT COUNT(*) FROM candidate), (SELECT COUNT(*) FROM result)) "
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
