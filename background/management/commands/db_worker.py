"""manage.py db_worker: django-tasks-db's worker, which also writes a heartbeat, so that the
site knows a worker is running (background.worker) and /healthz can say so."""

from __future__ import annotations

import os
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from background.worker import Heartbeat


class Command(db_worker.Command):
    help = db_worker.Command.help + " (with a heartbeat the site can see)"

    def handle(self, *args: Any, **options: Any) -> None:
        # With --reload this process only watches the files; its child runs the tasks.
        watcher = (
            options["reload"]
            and not options["batch"]
            and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        )
        if watcher:
            super().handle(*args, **options)
            return
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stop()
