"""One connection to Elasticsearch 8/9 or OpenSearch 2/3, whichever ``ELASTICSEARCH_URL`` is.

Requests are built with elasticsearch-dsl as plain bodies; this module sends them through the
client the server calls for, detected from its ``GET /``: elasticsearch-py refuses servers
that are not Elasticsearch, so OpenSearch goes through opensearch-py.

After a failure the engine is skipped for ``SEARCH_ENGINE_RETRY_SECONDS``, so while it is down
searches go straight to the database instead of each waiting for a timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from . import EngineUnavailable

logger = logging.getLogger(__name__)

# Seconds allowed for index administration, which is slower than a search.
ADMIN_TIMEOUT = 120
BULK_CHUNK = 500
# Rebuilds send this many chunks at once: the node indexes one while the next is serialised.
REBUILD_THREADS = 2

_lock = threading.Lock()
_connections: dict[str, Connection] = {}
_down_until: dict[str, float] = {}


def _client_errors() -> tuple[type[BaseException], ...]:
    import elastic_transport
    import elasticsearch
    import opensearchpy

    return (
        opensearchpy.exceptions.OpenSearchException,
        elasticsearch.ApiError,
        elastic_transport.TransportError,
        OSError,
    )


@dataclass
class Connection:
    url: str
    distribution: str  # "opensearch" or "elasticsearch"
    version: str
    client: Any

    @property
    def product(self) -> str:
        name = "OpenSearch" if self.distribution == "opensearch" else "Elasticsearch"
        return f"{name} {self.version}"

    def call(self, operation: str, *args: Any, slow: bool = False, **kwargs: Any) -> Any:
        """Run ``client.<operation>`` (dotted, e.g. "indices.create"); raise EngineUnavailable
        on any failure, and remember the engine is down.

        ``slow`` allows ADMIN_TIMEOUT instead of ELASTICSEARCH_TIMEOUT (creating an index).
        """
        target: Any = self.client
        if slow and self.distribution == "elasticsearch":
            target = self.client.options(request_timeout=ADMIN_TIMEOUT)
        elif slow:
            kwargs["request_timeout"] = ADMIN_TIMEOUT
        for part in operation.split("."):
            target = getattr(target, part)
        try:
            response = target(*args, **kwargs)
        except _client_errors() as error:
            status = _status(error)
            if status is not None and status < 500:
                # The engine is up and refused this request: a bug to log, not an outage.
                logger.error("%s %s refused: %s", self.product, operation, error)
            else:
                mark_down(self.url, f"{operation}: {error}")
            raise EngineUnavailable(f"{self.product} at {safe_url(self.url)}: {error}") from error
        return getattr(response, "body", response)

    def bulk(
        self, actions: Iterable[dict[str, Any]], *, threads: int = 1
    ) -> tuple[int, list[dict[str, Any]]]:
        """Send index/delete actions; returns (succeeded, errors) with version conflicts (an
        older copy arriving after a newer one) left out of the errors. With ``threads`` above
        one, chunks are sent side by side (rebuilds), so the engine indexes one while the next
        is serialised and sent; those sends are not retried."""
        if self.distribution == "opensearch":
            from opensearchpy import helpers
        else:
            from elasticsearch import helpers  # type: ignore[no-redef]
        succeeded, errors = 0, []
        try:
            client = (
                self.client.options(request_timeout=ADMIN_TIMEOUT)
                if self.distribution == "elasticsearch"
                else self.client
            )
            extra: dict[str, Any] = (
                {} if self.distribution == "elasticsearch" else {"request_timeout": ADMIN_TIMEOUT}
            )
            results = (
                helpers.parallel_bulk(
                    client, actions, thread_count=threads, chunk_size=BULK_CHUNK,
                    raise_on_error=False, **extra,
                )
                if threads > 1
                else helpers.streaming_bulk(
                    client, actions, chunk_size=BULK_CHUNK, raise_on_error=False, max_retries=2,
                    **extra,
                )
            )  # fmt: skip
            for ok, item in results:
                result = next(iter(item.values()))
                if ok or result.get("status") in (404, 409):
                    succeeded += ok
                else:
                    errors.append(result)
        except _client_errors() as error:
            mark_down(self.url, f"bulk: {error}")
            raise EngineUnavailable(f"{self.product}: {error}") from error
        return succeeded, errors


def _status(error: BaseException) -> int | None:
    """The HTTP status of an error the engine answered with; None when it did not answer."""
    meta = getattr(error, "meta", None)
    status = getattr(meta, "status", None) or getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def safe_url(url: str) -> str:
    """The URL without any password, for logs and messages."""
    if "@" not in url:
        return url
    scheme, _, rest = url.partition("://")
    return f"{scheme}://***@{rest.rpartition('@')[2]}"


def mark_down(url: str, reason: str) -> None:
    retry = float(settings.SEARCH_ENGINE_RETRY_SECONDS)
    with _lock:
        _down_until[url] = time.monotonic() + retry
        _connections.pop(url, None)
    logger.warning(
        "Search engine at %s failed (%s); using the database for %.0f s",
        safe_url(url),
        reason,
        retry,
    )


def reset() -> None:
    """Forget connections and failures (tests, and after changing settings)."""
    with _lock:
        _connections.clear()
        _down_until.clear()


def connection() -> Connection:
    """The connection for ``ELASTICSEARCH_URL``; EngineUnavailable if it is down."""
    url = settings.ELASTICSEARCH_URL
    if not url:
        raise EngineUnavailable("ELASTICSEARCH_URL is not set")
    with _lock:
        if url in _connections:
            return _connections[url]
        if _down_until.get(url, 0) > time.monotonic():
            raise EngineUnavailable(f"{safe_url(url)} failed recently; retrying later")
    found = _connect(url)
    with _lock:
        _connections[url] = found
    return found


def _connect(url: str) -> Connection:
    import opensearchpy

    from .opensearch_json import OrjsonSerializer

    timeout = float(settings.ELASTICSEARCH_TIMEOUT)
    # opensearch-py reads either product's GET / without complaint.
    # A few pooled connections: gthread workers and parallel bulk sends share one client.
    probe = opensearchpy.OpenSearch(
        hosts=[url], timeout=timeout, max_retries=0, pool_maxsize=4, serializer=OrjsonSerializer()
    )
    try:
        info = probe.info()
    except _client_errors() as error:
        mark_down(url, f"GET /: {error}")
        raise EngineUnavailable(f"{safe_url(url)}: {error}") from error
    version = info.get("version", {})
    number = str(version.get("number", ""))
    if version.get("distribution") == "opensearch":
        logger.info("Search engine: OpenSearch %s at %s", number, safe_url(url))
        return Connection(url, "opensearch", number, probe)
    import elasticsearch

    major = int(number.split(".")[0] or 0)
    if major < 8:
        mark_down(url, f"Elasticsearch {number} is too old")
        raise EngineUnavailable(f"Elasticsearch {number} is not supported: use 8 or newer")
    from elastic_transport import OrjsonSerializer as ElasticOrjsonSerializer

    client = elasticsearch.Elasticsearch(
        url,
        request_timeout=timeout,
        max_retries=0,
        serializers={"application/json": ElasticOrjsonSerializer()},
    )
    logger.info("Search engine: Elasticsearch %s at %s", number, safe_url(url))
    return Connection(url, "elasticsearch", number, client)
