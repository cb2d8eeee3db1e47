"""GET /healthz: is the site fit to serve, for a load balancer or a monitor.

Green: everything works. Amber: families are still served, but something needs an operator
(search fell back to the database engine, or the engine's index was built by an earlier release;
no worker is running, or tasks have waited too long).
Red (HTTP 503): the database cannot be reached, so nothing works.

It says what state each part is in and never why in detail: no host names, versions or error
text, which would tell an attacker about the servers (the logs have those).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import connection
from django.http import HttpRequest, JsonResponse, QueryDict
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

GREEN, AMBER, RED = "green", "amber", "red"
# Tasks waiting longer than this (seconds) mean the worker is stuck or too slow.
QUEUE_WAIT_AMBER = 300


def check_database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database did not answer")
        return {"status": RED}
    return {"status": GREEN}


def check_search() -> dict[str, Any]:
    """Runs a real search through the engines a family's would take, counting its results
    only (a monitor asks every few seconds; the hits and facets would be work for nothing):
    which engine answered, and whether it was the configured one."""
    from search.query import parse_search_query
    from search.runner import run_search

    try:
        outcome = run_search(parse_search_query(QueryDict()), log=False, count_only=True)
    except Exception:
        logger.exception("Health check: search failed")
        return {"status": RED, "engine": None, "fell_back": False}
    check = {
        "status": AMBER if outcome.fell_back else GREEN,
        "engine": outcome.engine,
        "fell_back": outcome.fell_back,
    }
    if outcome.engine == "elasticsearch" and not outcome.fell_back:
        check["index_up_to_date"] = index_up_to_date()
        if not check["index_up_to_date"]:
            check["status"] = AMBER
    return check


def index_up_to_date() -> bool | None:
    """Whether the engine's index is built as this release builds it (elastic_index.
    missing_fields: every field mapped, only the document stored). After an upgrade that changes
    it, searches still work, but facets or ranking that need a new field do not until the index is
    rebuilt (`manage.py rebuild_search_index`, or the nightly index check). None: the engine
    did not say."""
    from search.engines.elastic_index import missing_fields

    try:
        return not missing_fields()
    except Exception:
        logger.exception("Health check: the search index's mapping could not be read")
        return None


def check_worker() -> dict[str, Any]:
    from background.worker import queue_wait_seconds, uses_worker, worker_alive

    if not uses_worker():
        return {"status": GREEN, "queue": "immediate"}
    try:
        alive = worker_alive()
        waited = queue_wait_seconds() or 0.0
    except Exception:
        logger.exception("Health check: the task queue could not be read")
        return {"status": AMBER, "queue": "database", "running": None, "queue_age_seconds": None}
    fine = alive and waited < QUEUE_WAIT_AMBER
    return {
        "status": GREEN if fine else AMBER,
        "queue": "database",
        "running": alive,
        "queue_age_seconds": round(waited),
    }


def overall(checks: dict[str, dict[str, Any]]) -> str:
    statuses = {check["status"] for check in checks.values()}
    return RED if RED in statuses else AMBER if AMBER in statuses else GREEN


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": check_database()}
    if checks["database"]["status"] == RED:
        status = RED  # search and the queue both need the database: not worth asking
    else:
        checks["search"] = check_search()
        checks["worker"] = check_worker()
        status = overall(checks)
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == RED else 200)
