"""When the search engine is down, slow or being rebuilt, search still answers.

Dead ports and a server that never replies need no engine; the backlog and rebuild tests use
the real OpenSearch node.
"""

from __future__ import annotations

import io
import logging
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.http import QueryDict

from search.engines import elastic_client, elastic_index
from search.engines.elastic import ElasticsearchEngine
from search.models import SearchBacklog, SearchLog
from search.query import parse_search_query
from search.runner import run_search
from search.text_query import build_plan

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dead_engine(settings) -> Iterator[str]:
    """ELASTICSEARCH_URL pointing at a port where nothing listens."""
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
    elastic_client.reset()
    yield settings.ELASTICSEARCH_URL
    elastic_client.reset()


class SilentEngine:
    """A server that accepts connections and never answers (the engine timing out), counting
    the connections made to it."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.accepted: list[socket.socket] = []
        self.probes = 0  # connections of our own, made by connections_made()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        self.server.settimeout(0.1)
        while not self._stop.is_set():
            try:
                self.accepted.append(self.server.accept()[0])
            except OSError:
                continue

    def connections_made(self) -> int:
        """How many connections search has made so far. A probe of our own goes in last and is
        waited for: connections are accepted in order, so every earlier one is counted."""
        before = len(self.accepted)
        probe = socket.create_connection(self.server.getsockname())
        self.probes += 1
        deadline = time.monotonic() + 30
        while not any(_is_peer(conn, probe) for conn in self.accepted[before:]):
            assert time.monotonic() < deadline, "the silent engine stopped accepting"
            time.sleep(0.01)
        probe.close()
        return len(self.accepted) - self.probes

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for connection in self.accepted:
            connection.close()
        self.server.close()


def _is_peer(accepted: socket.socket, probe: socket.socket) -> bool:
    return accepted.getpeername() == probe.getsockname()


@pytest.fixture
def silent_engine(settings) -> Iterator[SilentEngine]:
    engine = SilentEngine()
    settings.ELASTICSEARCH_URL = engine.url
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    elastic_client.reset()
    yield engine
    engine.close()
    elastic_client.reset()


def search(querystring: str):
    return run_search(parse_search_query(QueryDict(querystring)))


def test_a_dead_engine_falls_back_to_the_database_and_says_so(
    dead_engine, make_service, client, caplog
):
    make_service(title="Toddler group")
    with caplog.at_level(logging.WARNING):
        outcome = search("q=toddlers")
    assert outcome.engine == "database" and outcome.fell_back
    assert [hit.document["name"] for hit in outcome.results.hits] == ["Toddler group"]
    assert "fell back to the database" in caplog.text
    log = SearchLog.objects.get()
    assert (log.engine, log.fell_back, log.result_count) == ("database", True, 1)

    # The pages still work, and the API says which engine answered.
    assert client.get("/search/", {"q": "toddlers"}).status_code == 200
    assert client.get("/api/search", {"q": "toddlers"}).json()["engine"] == "database"


def test_after_a_failure_the_engine_is_skipped_for_a_while(silent_engine, settings, site_structure):
    settings.SEARCH_ENGINE_RETRY_SECONDS = 60
    assert search("q=play").fell_back  # after waiting for the engine, once
    tried = silent_engine.connections_made()
    assert tried >= 1
    for _ in range(20):
        assert search("q=play").fell_back
    # Not asked again within the minute: no search waited for it.
    assert silent_engine.connections_made() == tried


def test_a_silent_engine_times_out_and_falls_back(silent_engine, make_service):
    make_service(title="Toddler group")  # publishing is not held up either
    started = time.perf_counter()
    outcome = search("q=toddler")
    assert outcome.fell_back and outcome.results.count == 1
    assert time.perf_counter() - started < 5


def test_suggestions_fall_back_too(dead_engine, make_service, client):
    make_service(title="Toddler group")
    response = client.get("/api/search/suggest", {"q": "todd"})
    assert response.status_code == 200
    assert response.json()["suggestions"][0]["label"] == "Toddler group"


@pytest.mark.opensearch
def test_publishing_while_the_engine_is_down_is_caught_up_later(
    elasticsearch, settings, make_service
):
    """Updates the engine missed are kept and written by the next successful update."""
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
    elastic_client.reset()
    missed = make_service(title="Published during the outage")
    assert SearchBacklog.objects.filter(page_id=missed.pk).exists()

    settings.ELASTICSEARCH_URL = elasticsearch
    elastic_client.reset()
    make_service(title="Published after")
    assert not SearchBacklog.objects.exists()
    outcome = search("q=published")
    assert outcome.engine == "elasticsearch" and not outcome.fell_back
    assert outcome.results.count == 2


@pytest.mark.opensearch
def test_a_stopped_index_mid_search_falls_back(elasticsearch, make_service):
    """The engine losing its index (or the node) between searches degrades, never breaks."""
    make_service(title="Toddler group")
    assert search("q=toddler").engine == "elasticsearch"
    elastic_index.drop_all()
    outcome = search("q=toddler")
    assert outcome.fell_back and outcome.results.count == 1


@pytest.mark.opensearch
def test_rebuild_swaps_the_alias_while_searches_run(elasticsearch, make_service):
    for number in range(30):
        make_service(title=f"Play session {number}", summary="Play for toddlers.")
    query = parse_search_query(QueryDict("q=toddlers&per_page=5"))
    plan = build_plan(query.q)
    engine = ElasticsearchEngine()
    before = set(elastic_index._family(elastic_client.connection()))
    counts: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()
    searched = threading.Condition()

    def keep_searching() -> None:
        while not done.is_set():
            try:
                counts.append(engine.search(query, plan).count)
            except BaseException as error:  # noqa: BLE001  (collected for the assertion)
                errors.append(error)
            with searched:
                searched.notify_all()

    def wait_for_searches(more: int) -> None:
        target = len(counts) + len(errors) + more
        with searched:
            assert searched.wait_for(lambda: len(counts) + len(errors) >= target, timeout=60)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        wait_for_searches(5)  # searching before the rebuild starts
        out = io.StringIO()
        call_command("rebuild_search_index", stdout=out, stderr=io.StringIO())
        wait_for_searches(5)  # and on after the alias moved
    finally:
        done.set()
        searcher.join()
    after = set(elastic_index._family(elastic_client.connection()))
    assert errors == []
    assert len(counts) >= 10 and set(counts) == {30}
    assert len(after) == 1 and not after & before
    assert "30 services in" in out.getvalue()
