"""manage.py purge_search_log: delete search-log rows older than SEARCH_LOG_RETENTION_DAYS.

The worker does the same every night (search.tasks.purge_search_log, in NIGHTLY_TASKS); this
command is for running it by hand or from cron without a worker.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from search.log import purge_old_searches


class Command(BaseCommand):
    help = "Delete search-log rows older than SEARCH_LOG_RETENTION_DAYS (default 13 months)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge_old_searches()
        self.stdout.write(
            f"Deleted {deleted} search{'' if deleted == 1 else 'es'} logged more than "
            f"{settings.SEARCH_LOG_RETENTION_DAYS} days ago."
        )
