"""The local search engine started by scripts/opensearch.sh answers like a real OpenSearch.

These tests talk HTTP with the standard library so they need no search client dependency.
They run only when OPENSEARCH_URL points at a node, e.g.
`OPENSEARCH_URL="$(scripts/opensearch.sh start)" pytest -m opensearch`.
"""

from __future__ import annotations

import contextlib
import json
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.opensearch


@pytest.fixture
def base_url() -> str:
    url = os.environ.get("OPENSEARCH_URL", "").rstrip("/")
    if not url:
        pytest.skip("needs OpenSearch: set OPENSEARCH_URL=$(scripts/opensearch.sh start)")
    return url


def _request(base_url: str, method: str, path: str, body: Any = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"{base_url}{path}",
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        # Show the engine's reason, not just the status code.
        raise AssertionError(f"{method} {path} -> {error.code}: {error.read().decode()}") from error


@pytest.fixture
def index(base_url: str) -> Iterator[str]:
    # A fresh name per test: a shared node may already hold other tests' indices.
    name = f"test-node-{uuid.uuid4().hex[:12]}"
    yield name
    # A 404 only means the test failed before creating it.
    with contextlib.suppress(AssertionError):
        _request(base_url, "DELETE", f"/{name}")


def test_root_reports_opensearch(base_url: str) -> None:
    info = _request(base_url, "GET", "/")
    assert info["version"]["distribution"] == "opensearch"
    assert int(info["version"]["number"].split(".")[0]) >= 2


def test_cluster_is_healthy(base_url: str) -> None:
    health = _request(base_url, "GET", "/_cluster/health?wait_for_status=yellow&timeout=30s")
    assert health["status"] in {"green", "yellow"}
    assert not health["timed_out"]


def test_geo_distance_round_trip(base_url: str, index: str) -> None:
    _request(
        base_url,
        "PUT",
        f"/{index}",
        {
            "settings": {"number_of_shards": 1, "number_of_replicas": 0},
            "mappings": {
                "properties": {
                    "name": {"type": "text", "analyzer": "english"},
                    "location": {"type": "geo_point"},
                }
            },
        },
    )
    docs = {
        "london": {"name": "Toddlers play group", "location": {"lat": 51.5074, "lon": -0.1278}},
        "manchester": {
            "name": "Parenting classes for toddlers",
            "location": {"lat": 53.4808, "lon": -2.2426},
        },
    }
    for doc_id, doc in docs.items():
        _request(base_url, "PUT", f"/{index}/_doc/{doc_id}?refresh=true", doc)

    near_london = {"lat": 51.51, "lon": -0.13}
    result = _request(
        base_url,
        "POST",
        f"/{index}/_search",
        {
            "query": {
                "bool": {
                    # "toddler" matches "toddlers" only through the english analyzer's stemming.
                    "must": {"match": {"name": "toddler"}},
                    "filter": {"geo_distance": {"distance": "5mi", "location": near_london}},
                }
            },
            "sort": [{"_geo_distance": {"location": near_london, "unit": "mi"}}],
        },
    )
    hits = result["hits"]["hits"]
    assert [hit["_id"] for hit in hits] == ["london"]
    assert hits[0]["sort"][0] < 1  # miles

    everywhere = _request(
        base_url,
        "POST",
        f"/{index}/_search",
        {"query": {"match": {"name": "toddler"}}},
    )
    assert {hit["_id"] for hit in everywhere["hits"]["hits"]} == {"london", "manchester"}
