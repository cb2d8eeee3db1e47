"""manage.py enqueue_nightly_tasks: queue the nightly jobs (settings.NIGHTLY_TASKS) for the
worker. Run it once a night from cron or a scheduler; see docs/deploy.md."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string
from django_tasks.base import Task


class Command(BaseCommand):
    help = "Queue the nightly background tasks (review reminders, feed pulls, index check)."

    def handle(self, *args: Any, **options: Any) -> None:
        for path in settings.NIGHTLY_TASKS:
            try:
                nightly = import_string(path)
            except ImportError as error:
                raise CommandError(f"NIGHTLY_TASKS names {path}, which cannot be found.") from error
            if not isinstance(nightly, Task):
                raise CommandError(f"NIGHTLY_TASKS names {path}, which is not a @task.")
            result = nightly.enqueue()
            self.stdout.write(f"{path}: {result.status.label.lower()} ({result.id})")
