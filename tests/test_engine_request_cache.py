"""The search engine's shard request cache (settings.ELASTICSEARCH_REQUEST_CACHE): a search
repeated while the index is unchanged is answered from it, and any change to the index (a
publish, an unpublish, an edit) shows at the very next search, on the real OpenSearch node."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.engines import elastic_client, elastic_index
from search.query import parse_search_query
from search.runner import run_search

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]

SEARCHES = ["need=parenting-programmes", "q=toddler", "", "q=toddler&sort=name&page=1"]


def _names(querystring: str) -> list[str]:
    outcome = run_search(parse_search_query(QueryDict(querystring)), log=False)
    assert outcome.engine == "elasticsearch" and not outcome.fell_back
    return [hit.document["name"] for hit in outcome.results.hits]


def _cache_hits() -> int:
    stats = elastic_client.connection().call(
        "indices.stats", index=elastic_index.alias(), metric="request_cache"
    )
    return sum(index["total"]["request_cache"]["hit_count"] for index in stats["indices"].values())


def test_a_repeated_search_is_answered_from_the_engines_cache(elasticsearch, make_service):
    make_service(title="Toddler group", needs=["Parenting programmes"])
    first = {search: _names(search) for search in SEARCHES}
    before = _cache_hits()
    assert {search: _names(search) for search in SEARCHES} == first
    assert _cache_hits() >= before + len(SEARCHES)


@pytest.mark.parametrize("cached", [True, False])
def test_a_change_to_the_index_shows_at_the_next_search(
    elasticsearch, make_service, settings, cached
):
    settings.ELASTICSEARCH_REQUEST_CACHE = cached
    group = make_service(title="Toddler group", needs=["Parenting programmes"])
    for search in SEARCHES:  # cached, where the cache is on
        _names(search)
        _names(search)
    make_service(title="Toddler music", needs=["Parenting programmes"])
    for search in SEARCHES:
        assert "Toddler music" in _names(search), search
    group.title = "Toddler and baby group"
    group.save_revision().publish()
    for search in SEARCHES:
        shown = _names(search)
        assert "Toddler and baby group" in shown and "Toddler group" not in shown, search
    group.unpublish()
    for search in SEARCHES:
        assert "Toddler and baby group" not in _names(search), search
