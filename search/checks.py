"""System checks: warn when the database engine's index is missing live services."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.db import DatabaseError


def index_is_complete(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from directory.models import ServicePage

    from .models import SearchEntry

    try:
        live = ServicePage.objects.listed().count()
        indexed = SearchEntry.objects.count()
    except DatabaseError:
        return []  # not migrated yet: migrate's own messages say so
    if live and indexed < live:
        return [
            checks.Warning(
                f"{live - indexed} of {live} live services are not in the search index.",
                hint="Run `python manage.py rebuild_search_index`.",
                id="search.W001",
            )
        ]
    return []


def register() -> None:
    # A database check: it runs with `check --database default` and before `migrate`, not on
    # every management command.
    checks.register(index_is_complete, checks.Tags.database)
