"""What the worker and the retries keep beside django-tasks-db's own task table."""

from __future__ import annotations

from django.db import models


class WorkerHeartbeat(models.Model):
    """A running worker, refreshed every few seconds from the database's own clock (never an
    app server's, which may differ), and removed when it stops cleanly."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker_id


class TaskAttempt(models.Model):
    """A task queued again after a failure: which attempt it is, and the first one's id.

    First attempts have no row (they are attempt 1)."""

    result_id = models.UUIDField(primary_key=True)
    first_result_id = models.UUIDField(db_index=True)
    attempt = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"{self.result_id} (attempt {self.attempt})"
