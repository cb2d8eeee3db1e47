"""The database engine finds words through each entry's term rows: the same entries as reading
every entry's stored text with ``LIKE '% phrase %'``, and rows that follow every change."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.analysis import MAX_INDEXED_TERM_LENGTH
from search.engines.text_index import phrase_entries
from search.models import SearchEntry, SearchEntryTerm
from search.query import parse_search_query
from search.runner import run_search

pytestmark = pytest.mark.django_db


def found(key: str, column: str = "text") -> set[int]:
    holding = phrase_entries(key, in_name=column == "name_text")
    return set(SearchEntry.objects.filter(pk__in=holding.raw()).values_list("pk", flat=True))


def read_from_text(key: str, column: str = "text") -> set[int]:
    """What the engine answered before the term rows: every entry's stored text read."""
    return {pk for pk, text in SearchEntry.objects.values_list("pk", column) if f" {key} " in text}


@pytest.fixture
def services(make_service):
    make_service(
        title="Domestic abuse helpline",
        summary="Support for anyone living with abuse at home, day or night.",
        needs=["Domestic abuse"],
    )
    make_service(
        title="Stay and Play",
        summary="Play sessions: stay for a cuppa, play with your toddler.",
        slug="stay-and-play",
    )
    make_service(
        title="Abuse awareness",
        summary="Domestic chores and abuse of trust, explained for young people.",
        slug="abuse-awareness",
    )
    make_service(title="Domestic", summary="Abuse of the word aside, a cleaning club.", slug="d")


def test_phrases_find_the_entries_whose_text_holds_them(services) -> None:
    texts = list(SearchEntry.objects.values_list("text", "name_text"))
    keys: set[str] = set()
    for text, name_text in texts:
        for stored in (text, name_text):
            terms = stored.split()
            for length in (1, 2, 3):
                keys.update(" ".join(terms[i : i + length]) for i in range(len(terms) - length + 1))
    # Phrases the entries hold, word by word and side by side, but none running over a field's
    # edge or starting or ending at a stop word's gap, as the engine's phrases never do.
    keys = {key for key in keys if "|" not in key.split() and "." not in (key[0], key[-1])}
    keys |= {"abus domest", "domest . abus", "stai plai", "helplin", "nowher"}
    assert {"domest abus", "stai . plai", "abus"} <= keys
    for key in sorted(keys):
        for column in ("text", "name_text"):
            assert found(key, column) == read_from_text(key, column), (key, column)


def test_words_split_by_a_field_edge_or_out_of_order_are_not_the_phrase(services) -> None:
    assert len(found("domest abus")) == 1  # the helpline; not "domestic | abuse", not chores
    assert found("domest abus", "name_text") == found("domest abus")
    assert found("abus") == read_from_text("abus") and len(found("abus")) == 3
    assert len(found("abus", "name_text")) == 2


def test_term_rows_follow_edits_and_unpublishing(make_service) -> None:
    page = make_service(title="Toddler group", summary="Songs and stories.")
    assert found("toddler", "name_text") == {page.pk}
    page.title = "Baby group"
    page.save_revision().publish()
    assert found("toddler", "name_text") == set() and found("babi", "name_text") == {page.pk}
    # Still in the text? The summary says nothing of toddlers any more.
    assert found("toddler") == read_from_text("toddler")
    page.unpublish()
    assert not SearchEntryTerm.objects.filter(entry_id=page.pk).exists()
    assert found("babi") == set()


def test_a_word_too_long_for_the_term_rows_is_still_found(make_service) -> None:
    code = "x" * (MAX_INDEXED_TERM_LENGTH + 6)
    page = make_service(title="Coded group", summary=f"Quote {code} when you call.")
    assert not SearchEntryTerm.objects.filter(term__startswith="xxx").exists()
    outcome = run_search(parse_search_query(QueryDict(f"q={code}")), log=False)
    assert [hit.document["id"] for hit in outcome.results.hits] == [page.pk]
    assert found(f"quot {code}") == {page.pk}


@pytest.mark.postgres
def test_a_rebuild_gives_postgresqls_planner_the_new_tables_sizes(services):
    from django.db import connection

    from search.indexing import rebuild_index

    def planner_rows(model) -> float:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE relname = %s", [model._meta.db_table]
            )
            return cursor.fetchone()[0]

    rebuild_index(elasticsearch=False)
    # Not the sizes autovacuum last saw (none, or another test's): the rows now there.
    assert planner_rows(SearchEntry) == SearchEntry.objects.count() > 0
    assert planner_rows(SearchEntryTerm) == SearchEntryTerm.objects.count() > 0
