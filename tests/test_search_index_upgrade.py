"""An index built by an earlier release lacks fields this release indexes (added 2026-12-07: the
facets' combined ``facet:value`` pairs, and needs and circumstances as numbers for ranking), or
stores every field in its ``_source`` (until later that night): searches keep working on it,
and the nightly index check rebuilds it, so the facet counts and the ranking come back without
anyone running a command."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.http import QueryDict

from search.engines import elastic_index
from search.engines.elastic_client import connection
from search.indexing import _stored_documents
from search.query import parse_search_query
from search.runner import SearchOutcome, run_search
from search.tasks import check_search_index

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]


ADDED = {elastic_index.FACET_VALUES, *elastic_index.TERM_KEYS.values()}


def search(querystring: str = "") -> SearchOutcome:
    outcome = run_search(parse_search_query(QueryDict(querystring)), log=False)
    assert outcome.engine == "elasticsearch" and not outcome.fell_back
    return outcome


def need_counts() -> dict[str, int]:
    return search().results.facet_counts["need"]


def names(querystring: str) -> list[str]:
    return [hit.document["name"] for hit in search(querystring).results.hits]


def index_as_an_earlier_release(fields: set[str], *, whole_source: bool = False) -> None:
    """Replace the index with one mapped and filled as before ``fields`` were indexed (and, with
    ``whole_source``, before ``_source`` kept only the document)."""
    conn = connection()
    elastic_index.drop_all()
    body = elastic_index.index_body()
    if whole_source:
        del body["mappings"]["_source"]
    for field in fields:
        del body["mappings"]["properties"][field]
    name = f"{elastic_index.alias()}-earlier"
    conn.call("indices.create", index=name, body=body)
    actions = [
        {
            "_op_type": "index",
            "_index": name,
            "_id": str(document["id"]),
            "_source": {
                key: value
                for key, value in elastic_index.source(document).items()
                if key not in fields
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


def search_health(client) -> tuple[str, dict]:
    body = client.get("/healthz").json()
    return body["status"], body["checks"]["search"]


def test_the_nightly_check_rebuilds_an_index_an_earlier_release_built(
    client, elasticsearch, make_service
):
    make_service(title="Toy library", needs=["Early years development"])
    make_service(title="Debt advice", needs=["Money, work and housing"])
    # Named by its need only: the words are not in it.
    make_service(
        title="Rent arrears", summary="Help to stay in your home.", needs=["Money and debt advice"]
    )
    make_service(title="Debt worries café", summary="Tea and a chat.", needs=[])
    ranked = names("q=debt")
    assert ranked[0] == "Rent arrears", ranked
    counted = need_counts()
    assert counted["early-years-development"] == counted["money-and-debt-advice"] == 1, counted
    assert elastic_index.missing_fields() == set()
    engine = {"engine": "elasticsearch", "fell_back": False}
    assert search_health(client) == (
        "green",
        {"status": "green", **engine, "index_up_to_date": True},
    )

    index_as_an_earlier_release(ADDED)
    assert elastic_index.missing_fields() == ADDED
    # The operator's monitor says so (without naming the fields: /healthz tells no internals).
    assert search_health(client) == (
        "amber",
        {"status": "amber", **engine, "index_up_to_date": False},
    )
    # Searches work on the engine; the old index cannot count the facets or rank by a need.
    assert need_counts() == {}
    assert sorted(names("q=debt")) == sorted(ranked)

    outcome = check_search_index.call()
    assert outcome["engine_rebuilt"] is True
    assert elastic_index.missing_fields() == set()
    assert need_counts() == counted
    assert names("q=debt") == ranked
    assert search_health(client)[0] == "green"


def test_the_nightly_check_leaves_a_current_index_alone(elasticsearch, make_service):
    make_service(title="Toy library")
    before = set(connection().call("indices.get_alias", name=elastic_index.alias()))
    assert check_search_index.call()["engine_rebuilt"] is False
    assert set(connection().call("indices.get_alias", name=elastic_index.alias())) == before


def test_an_index_storing_whole_sources_still_answers_and_is_rebuilt(
    client, elasticsearch, make_service
):
    make_service(title="Toy library", summary="Borrow toys.", needs=["Early years development"])
    ranked = names("q=toys")
    index_as_an_earlier_release(set(), whole_source=True)
    assert elastic_index.missing_fields() == {"_source"}
    assert search_health(client)[0] == "amber"
    # The results still carry their documents, read from the whole source.
    assert names("q=toys") == ranked == ["Toy library"]
    assert search("q=toys").results.hits[0].document["summary"] == "Borrow toys."

    assert check_search_index.call()["engine_rebuilt"] is True
    assert elastic_index.missing_fields() == set()
    mapping = connection().call("indices.get_mapping", index=elastic_index.alias())
    stored = [info["mappings"]["_source"] for info in mapping.values()]
    assert stored == [{"includes": ["document"]}]
    assert names("q=toys") == ranked
    assert search_health(client)[0] == "green"


def test_a_hit_carries_only_the_document(elasticsearch, make_service):
    """What the engine stores and returns for a hit is the result as shown, nothing indexed
    only for searching."""
    page = make_service(title="Toy library", needs=["Early years development"])
    raw = connection().call(
        "search", index=elastic_index.alias(), body={"query": {"match_all": {}}}
    )
    [hit] = raw["hits"]["hits"]
    assert hit["_source"].keys() == {"document"}
    assert hit["_source"]["document"]["id"] == page.pk


def test_rebuild_if_stale_rebuilds_only_an_index_that_does_not_match(elasticsearch, make_service):
    """`make serve` runs `rebuild_search_index --if-stale` after loading the demo: a node started
    empty gets the directory indexed, and an index the load has just filled is left alone."""
    make_service(title="Toy library")
    make_service(title="Debt advice", needs=["Money, work and housing"])

    def run(*args: str) -> str:
        out = io.StringIO()
        call_command("rebuild_search_index", "--if-stale", *args, stdout=out)
        return out.getvalue()

    before = set(connection().call("indices.get_alias", name=elastic_index.alias()))
    assert "matches the live site; not rebuilt" in run()
    assert set(connection().call("indices.get_alias", name=elastic_index.alias())) == before

    elastic_index.drop_all()  # as scripts/opensearch.sh start does: every start is empty
    assert "did not match the live site; rebuilt" in run()
    assert sorted(names("")) == ["Debt advice", "Toy library"]

    with pytest.raises(CommandError, match="leave out --database-only"):
        run("--database-only")
