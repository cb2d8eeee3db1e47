"""Which engine answers: settings decide, and each engine module is imported only when chosen
(the Elasticsearch client libraries stay unloaded on the embedded default)."""

from __future__ import annotations

from django.conf import settings

from . import Engine
from .database import DatabaseEngine


def configured_engine() -> Engine:
    """The engine settings ask for: Elasticsearch when ELASTICSEARCH_URL is set."""
    if settings.ELASTICSEARCH_URL:
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine()
    return DatabaseEngine()
