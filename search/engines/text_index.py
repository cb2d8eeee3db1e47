"""Which entries the words match, answered from the entries' term rows.

The stored text is space-separated terms (search.analysis.analysed_fields), so an entry holds a
phrase of one term exactly when it has that term's ``SearchEntryTerm`` row: a lookup in a
B-tree on (term, in_name, entry) that reads no entry. A phrase of several terms ("domest abus",
or "stai . plai" with a stop word's gap) is narrowed to the entries holding each of its terms
that way, and only those are checked for the terms side by side with ``LIKE '% phrase %'``, so
the same entries match as when every row's text was read.

A search's words become one ``SELECT`` of entry ids (``word_matches``), phrases joined with
``UNION`` and groups by ``IN`` or by counting, so the databases plan it as a join from a
result of known size: written as ``OR`` of ``IN`` conditions, PostgreSQL read every entry and
guessed that most matched, and counted the facets of the whole catalogue for a few hundred
results.

Checking ``LIKE`` through a trigram index instead (migrations 0008 and 0009) cost 10 to 40 ms a
common word at 10,000 services: the index only narrowed to the rows holding the word's
trigrams, and each of those thousands of rows was read again to check it.
"""

from __future__ import annotations

from ..analysis import MAX_INDEXED_TERM_LENGTH, stored_terms
from ..lexicon import CIRCUMSTANCE, NEED
from ..models import SearchEntry, SearchEntryTerm
from ..text_query import Phrase, TextPlan
from .sql import Sql
from .sql_facets import stored_facet_entries

_TERMS = SearchEntryTerm._meta.db_table
_ENTRIES = SearchEntry._meta.db_table
_ENTRY_ID = SearchEntry._meta.pk.column


def word_matches(plan: TextPlan) -> Sql:
    """The ids (column ``id``) of the entries the plan's words match: every group, or at least
    ``minimum`` of them, or (whatever the words) a need or circumstance they named."""
    parts = []
    if plan.groups and plan.mode == "all":
        first, *others = plan.groups
        also = [Sql("id IN (") + group_entries(group) + ")" for group in others]
        parts.append(
            Sql("SELECT id FROM (")
            + group_entries(first)
            + ") AS matched"
            + (Sql(" WHERE ") + Sql.join(" AND ", also) if also else "")
        )
    elif plan.groups:
        # Each group's ids are distinct, so an entry's rows count the groups it matches.
        every = Sql.join(" UNION ALL ", [group_entries(group) for group in plan.groups])
        parts.append(
            Sql("SELECT id FROM (")
            + every
            + Sql(") AS matched GROUP BY id HAVING COUNT(*) >= %s", (plan.minimum,))
        )
    # The named needs' and circumstances' services match whatever their words.
    parts.extend(
        stored_facet_entries(kind, tuple(sorted(slugs)))
        for kind in (NEED, CIRCUMSTANCE)
        if (slugs := plan.named_slugs(kind))
    )
    return Sql.join(" UNION ", parts)


def group_entries(group: tuple[Phrase, ...], in_name: bool = False) -> Sql:
    """The ids of the entries holding any phrase of the group (in their name)."""
    return Sql.join(" UNION ", [phrase_entries(phrase.key, in_name) for phrase in group])


def phrase_entries(key: str, in_name: bool = False) -> Sql:
    """The ids of the entries whose text (or name) holds the phrase ``key`` (analysed terms,
    space separated)."""
    column = "name_text" if in_name else "text"
    # Analysed terms never hold "%" or "_", so the phrase is its own pattern.
    side_by_side = Sql(f"{column} LIKE %s", (f"% {key} %",))
    terms = sorted(stored_terms(key))
    if not terms or any(len(term) > MAX_INDEXED_TERM_LENGTH for term in terms):
        # Such terms have no rows: read every entry's text.
        return Sql(f"SELECT {_ENTRY_ID} AS id FROM {_ENTRIES} WHERE ") + side_by_side
    holding = [_term_entries(term, in_name) for term in terms]
    if [key] == terms:
        return holding[0]  # one term: its rows are the answer
    return (
        Sql(f"SELECT {_ENTRY_ID} AS id FROM {_ENTRIES} WHERE ")
        + Sql.join(" AND ", [Sql(f"{_ENTRY_ID} IN (") + ids + ")" for ids in holding])
        + " AND "
        + side_by_side
    )


def _term_entries(term: str, in_name: bool) -> Sql:
    rows = Sql(f"SELECT entry_id AS id FROM {_TERMS} WHERE term = %s", (term,))
    return rows + Sql(" AND in_name = %s", (True,)) if in_name else rows
