"""GET /healthz (green, amber when search falls back or no worker runs, never a leak), and
the JSON APIs compressed for clients that ask, never HTML pages (BREACH)."""

from __future__ import annotations

import gzip
import json

import pytest
from django.test import override_settings

from .processes import committed, free_port

pytestmark = pytest.mark.django_db
QUEUE = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})


def health(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_healthy_on_the_database_engine(client, make_service):
    make_service()
    status, body = health(client)
    assert status == 200
    assert body["status"] == "green"
    assert body["checks"]["database"] == {"status": "green"}
    assert body["checks"]["search"] == {"status": "green", "engine": "database", "fell_back": False}
    assert body["checks"]["worker"] == {"status": "green", "queue": "immediate"}


@pytest.mark.opensearch
def test_healthy_on_the_search_engine(client, elasticsearch, make_service):
    make_service()
    status, body = health(client)
    assert (status, body["status"]) == (200, "green")
    assert body["checks"]["search"] == {
        "status": "green",
        "engine": "elasticsearch",
        "fell_back": False,
        "index_up_to_date": True,
    }


def test_engine_down_is_amber_and_searches_still_work(client, settings, make_service):
    from search.engines import elastic_client

    make_service(title="Toy library")
    # Nothing listens on this port: the engine is down.
    down = f"http://search-admin:s3cret@127.0.0.1:{free_port()}"
    settings.ELASTICSEARCH_URL = down
    settings.ELASTICSEARCH_TIMEOUT = 1
    elastic_client.reset()
    try:
        status, body = health(client)
        assert status == 200
        assert body["status"] == "amber"
        assert body["checks"]["search"] == {
            "status": "amber",
            "engine": "database",
            "fell_back": True,
        }
        text = json.dumps(body)
        for secret in ("127.0.0.1", "s3cret", "search-admin", "refused", "OpenSearch", "Error"):
            assert secret not in text

        found = client.get("/api/search", {"q": "toy library"}).json()
        assert found["engine"] == "database" and found["count"] == 1
    finally:
        elastic_client.reset()


@committed
def test_no_worker_running_or_a_long_wait_is_amber(client):
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from background.worker import beat

    from . import background_tasks

    with QUEUE:
        status, body = health(client)
        assert body["status"] == "amber"
        assert body["checks"]["worker"] == {
            "status": "amber", "queue": "database", "running": False, "queue_age_seconds": 0,
        }  # fmt: skip
        beat("worker-1", timezone.now())
        assert health(client)[1]["status"] == "green"
        waiting = background_tasks.echo.enqueue("x")
        DBTaskResult.objects.filter(id=waiting.id).update(
            enqueued_at=timezone.now() - datetime.timedelta(minutes=20)
        )
        worker = health(client)[1]["checks"]["worker"]
        assert worker["status"] == "amber" and worker["running"] is True
        assert 1190 <= worker["queue_age_seconds"] <= 1300


def test_database_down_is_red_with_503(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def refuse(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError("could not connect to server at db.internal:5432")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body == {"status": "red", "checks": {"database": {"status": "red"}}}
    assert "db.internal" not in response.content.decode()


# -- compression ------------------------------------------------------------------------------


def test_json_apis_are_gzipped_when_asked(client, make_service):
    for number in range(6):
        make_service(title=f"Stay and play {number}", slug=f"stay-and-play-{number}")
    for url in ("/api/search?per_page=50", "/api/openreferral/services?per_page=50"):
        plain = client.get(url)
        assert "Content-Encoding" not in plain
        squeezed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert squeezed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in squeezed["Vary"]
        body = gzip.decompress(squeezed.content)
        assert json.loads(body)  # the same document
        assert len(squeezed.content) < len(plain.content) / 3


def test_html_pages_with_csrf_tokens_are_never_compressed(client, make_service):
    service = make_service()
    for url in (service.url, "/search/?q=play", "/my-list/"):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert "Content-Encoding" not in response
