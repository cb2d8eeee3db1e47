"""An index built by an earlier release lacks fields this release indexes (the facets' combined
``facet:value`` pairs, added 2026-12-07): searches keep working on it, and the nightly index
check rebuilds it, so the facet counts come back without anyone running a command."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.engines import elastic_index
from search.engines.elastic_client import connection
from search.indexing import _stored_documents
from search.query import parse_search_query
from search.runner import run_search
from search.tasks import check_search_index

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]


def need_counts() -> dict[str, int]:
    outcome = run_search(parse_search_query(QueryDict("")), log=False)
    assert outcome.engine == "elasticsearch" and not outcome.fell_back
    return outcome.results.facet_counts["need"]


def index_as_an_earlier_release(field: str) -> None:
    """Replace the index with one mapped and filled as before ``field`` was indexed."""
    conn = connection()
    elastic_index.drop_all()
    body = elastic_index.index_body()
    del body["mappings"]["properties"][field]
    name = f"{elastic_index.alias()}-earlier"
    conn.call("indices.create", index=name, body=body)
    actions = [
        {
            "_op_type": "index",
            "_index": name,
            "_id": str(document["id"]),
            "_source": {
                key: value for key, value in elastic_index.source(document).items() if key != field
            },
        }
        for document in _stored_documents()
    ]
    _, errors = conn.bulk(actions)
    assert not errors, errors
    conn.call("indices.refresh", index=name)
    conn.call(
        "indices.update_aliases",
        body={"actions": [{"add": {"index": name, "alias": elastic_index.alias()}}]},
    )


def test_the_nightly_check_rebuilds_an_index_an_earlier_release_built(elasticsearch, make_service):
    make_service(title="Toy library", needs=["Early years development"])
    make_service(title="Debt advice", needs=["Money, work and housing"])
    counted = need_counts()
    assert counted["early-years-development"] == counted["money-work-and-housing"] == 1, counted
    assert elastic_index.missing_fields() == set()

    index_as_an_earlier_release(elastic_index.FACET_VALUES)
    assert elastic_index.missing_fields() == {elastic_index.FACET_VALUES}
    assert need_counts() == {}  # searches work; the old index cannot count the facets

    outcome = check_search_index.call()
    assert outcome["engine_rebuilt"] is True
    assert elastic_index.missing_fields() == set()
    assert need_counts() == counted


def test_the_nightly_check_leaves_a_current_index_alone(elasticsearch, make_service):
    make_service(title="Toy library")
    before = set(connection().call("indices.get_alias", name=elastic_index.alias()))
    assert check_search_index.call()["engine_rebuilt"] is False
    assert set(connection().call("indices.get_alias", name=elastic_index.alias())) == before
