"""The database engine's in-memory facet maps follow every change to the index."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.engines.entry_facts import entry_facts
from search.indexing import index_services, write_entries
from search.models import IndexGeneration, SearchEntry
from search.query import parse_search_query
from search.runner import run_search

pytestmark = pytest.mark.django_db


def need_counts(querystring: str = "") -> dict[str, int]:
    outcome = run_search(parse_search_query(QueryDict(querystring)), log=False)
    assert outcome.engine == "database"
    (needs,) = [facet for facet in outcome.facets if facet.name == "need"]
    return {value.value: value.count for value in needs.values}


def test_facets_follow_publishing_editing_and_unpublishing(make_service) -> None:
    page = make_service(title="Dads group", needs=["Parenting programmes"])
    assert need_counts()["parenting-programmes"] == 1
    assert "bereavement" not in need_counts()

    page.needs.set(["Bereavement"])
    page.save_revision().publish()
    counts = need_counts()
    assert counts.get("bereavement") == 1 and "parenting-programmes" not in counts

    page.unpublish()
    assert need_counts() == {}


def test_a_write_by_another_process_is_seen(make_service) -> None:
    page = make_service(title="Dads group", needs=["Parenting programmes"])
    assert need_counts()["parenting-programmes"] == 1
    # As another worker would: the entry rewritten underneath this process's copy by the
    # index's writer, which bumps the index's generation (tests/test_shared_state.py does it
    # from another process).
    document = SearchEntry.objects.get(pk=page.pk).document
    write_entries(
        {page.pk: {**document, "facets": {**document["facets"], "need": ["bereavement"]}}}
    )
    assert need_counts() == {"bereavement": 1}
    SearchEntry.objects.filter(pk=page.pk).delete()
    IndexGeneration.bump()
    assert need_counts() == {}
    index_services([page.pk])
    assert need_counts()["parenting-programmes"] == 1


def test_unchanged_index_is_not_read_again(make_service) -> None:
    make_service(title="Dads group")
    first = entry_facts.current()
    assert entry_facts.current() is first
    make_service(title="Mums group", slug="mums-group")
    assert entry_facts.current() is not first


def test_a_write_stamped_by_a_slow_clock_is_still_seen(make_service, monkeypatch) -> None:
    """Another app server whose clock is an hour behind writes an entry: same number of
    entries, an older updated_at than the newest. The generation still changes."""
    import datetime

    from django.utils import timezone

    page = make_service(title="Dads group", needs=["Parenting programmes"])
    make_service(title="Mums group", slug="mums-group", needs=["Parenting programmes"])
    assert need_counts()["parenting-programmes"] == 2
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: an_hour_ago)
    page.needs.set(["Bereavement"])
    page.save_revision().publish()
    monkeypatch.undo()
    counts = need_counts()
    assert (counts["parenting-programmes"], counts.get("bereavement")) == (1, 1)


def test_a_rolled_back_write_does_not_leave_its_facts_behind(make_service) -> None:
    from django.db import transaction

    page = make_service(title="Dads group", needs=["Parenting programmes"])
    assert "bereavement" not in need_counts()
    with transaction.atomic():
        page.needs.set(["Bereavement"])
        page.save_revision().publish()
        assert need_counts()["bereavement"] == 1  # read inside the write's transaction
        transaction.set_rollback(True)
    assert "bereavement" not in need_counts()
    # The next write reaches the same counter value the rolled-back one had; its facts, not
    # the rolled-back ones, are what searches see.
    page = type(page).objects.get(pk=page.pk)  # not the in-memory needs set above
    page.title = "Dads and carers group"
    page.save_revision().publish()
    counts = need_counts()
    assert counts["parenting-programmes"] == 1 and "bereavement" not in counts
