"""Search's background tasks: rebuilding the index, the nightly check that it matches the live
site, and the nightly purge of old search-log rows (run by the worker; queued by
`manage.py enqueue_nightly_tasks`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_tasks import task

from .documents import indexable_services
from .indexing import index_services, rebuild_index
from .log import purge_old_searches
from .models import SearchBacklog, SearchEntry


@task()
def rebuild_search_index() -> dict[str, Any]:
    report = rebuild_index()
    return {
        "entries": report.entries,
        "engine_documents": report.elasticsearch_documents,
    }


@task()
def check_search_index() -> dict[str, Any]:
    """Put right every service the index has wrong: live but missing, gone but still listed,
    or kept back from the search engine during an outage; then, if the engine's count still
    differs from the database's, or its index is not built as this release builds it
    (elastic_index.missing_fields), rebuild it."""
    live = set(indexable_services().values_list("pk", flat=True))
    entries = set(SearchEntry.objects.values_list("pk", flat=True))
    backlog = set(SearchBacklog.objects.values_list("page_id", flat=True))
    wrong = (live ^ entries) | backlog
    index_services(wrong)
    outcome: dict[str, Any] = {
        "missing": len(live - entries),
        "extra": len(entries - live),
        "engine_backlog": len(backlog),
        "engine_rebuilt": False,
    }
    if settings.ELASTICSEARCH_URL and _engine_is_stale():
        rebuild_index()
        outcome["engine_rebuilt"] = True
    return outcome


def _engine_is_stale() -> bool:
    from .engines import elastic_client, elastic_index

    conn = elastic_client.connection()
    elastic_index.ensure_index(conn)
    count = int(conn.call("count", index=elastic_index.alias())["count"])
    return count != SearchEntry.objects.count() or bool(elastic_index.missing_fields(conn))


@task()
def purge_search_log() -> dict[str, Any]:
    """Delete search-log rows older than SEARCH_LOG_RETENTION_DAYS."""
    return {"deleted": purge_old_searches()}
