"""Whether a worker is running, and how long work has been waiting for one.

The worker (``manage.py db_worker``) writes a heartbeat every HEARTBEAT_SECONDS from a thread
of its own. Times are the database's, so app servers and workers on different machines
agree however their clocks differ.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.db import close_old_connections, connection
from django.db.models import DateTimeField, ExpressionWrapper, Min, Q
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks import TaskResultStatus, task_backends

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5
# A worker missing this long is taken to be gone (three heartbeats, and a slow database).
ALIVE_SECONDS = 20


def _database_now_minus(seconds: float) -> ExpressionWrapper:
    return ExpressionWrapper(
        Now() - datetime.timedelta(seconds=seconds), output_field=DateTimeField()
    )


def uses_worker() -> bool:
    """Whether the default task backend is a queue that a worker runs (not the immediate one)."""
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def worker_alive() -> bool:
    """Whether a worker has checked in recently."""
    return WorkerHeartbeat.objects.filter(seen_at__gte=_database_now_minus(ALIVE_SECONDS)).exists()


def beat(worker_id: str, started_at: datetime.datetime) -> None:
    if not WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=Now()):
        WorkerHeartbeat.objects.create(worker_id=worker_id, started_at=started_at, seen_at=Now())


def forget(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
    # Workers that died without saying so: their rows would otherwise stay for ever.
    WorkerHeartbeat.objects.filter(seen_at__lt=_database_now_minus(24 * 3600)).delete()


class Heartbeat(threading.Thread):
    """Writes the worker's heartbeat until stopped; a failed write is logged and tried again."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="worker-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.is_set():
            try:
                close_old_connections()
                beat(self.worker_id, self.started_at)
            except Exception:  # the database may be briefly away; the worker carries on
                logger.warning("Worker heartbeat not written", exc_info=True)
            self._stopped.wait(HEARTBEAT_SECONDS)
        try:
            forget(self.worker_id)
        finally:
            connection.close()

    def stop(self) -> None:
        self._stopped.set()
        self.join(timeout=HEARTBEAT_SECONDS * 2)


def queue_wait_seconds() -> float | None:
    """How long the longest-waiting task due to run has waited, in seconds (0 when none is
    waiting); None when the tasks do not go through a queue."""
    if not uses_worker():
        return None
    from django_tasks_db.models import DBTaskResult, get_date_max

    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    now = timezone.now()
    # A task is due from when it was queued, or from its run_after (retries wait on purpose).
    oldest = waiting.aggregate(
        queued=Min("enqueued_at", filter=Q(run_after=get_date_max())),
        deferred=Min("run_after", filter=Q(run_after__lt=get_date_max(), run_after__lte=now)),
    )
    due = [moment for moment in oldest.values() if moment is not None]
    return max(0.0, (now - min(due)).total_seconds()) if due else 0.0
