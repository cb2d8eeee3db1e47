"""Running a task soon, whether or not a worker is there to run it."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django_tasks.base import Task

from .worker import uses_worker, worker_alive

logger = logging.getLogger(__name__)


def run_soon(task: Task, *args: Any, **kwargs: Any) -> None:
    """Queue the task when a worker will pick it up within a second or two; otherwise run it
    now, in this process.

    For work someone is waiting on, such as the search index after an editor publishes: with
    no worker running (a developer's ``runserver``, a worker that has died) the change would
    otherwise wait in the queue, unseen, until one starts. If running it here fails, it is
    queued instead, for a worker to retry, and the caller carries on.
    """
    if uses_worker() and not worker_alive():
        try:
            with transaction.atomic():  # a savepoint: a failure leaves the caller's work intact
                task.call(*args, **kwargs)
            return
        except Exception:
            logger.exception("%s failed; queued for the worker to retry", task.module_path)
    task.enqueue(*args, **kwargs)
