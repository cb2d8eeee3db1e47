"""Failed tasks are tried again, later: by default three attempts in all, 1 and 5 minutes
apart (a search engine restarting, a feed's server briefly down).

A task takes other limits with ``@attempts(n, delays=(...))`` under its ``@task()``; tasks that
must not run twice (an e-mail already sent) take ``@attempts(1)``. Only the database backend
retries: the immediate backend ran the task in its caller, who sees the outcome.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.utils import timezone
from django_tasks import TaskResult, TaskResultStatus
from django_tasks.signals import task_finished

from .models import TaskAttempt

logger = logging.getLogger(__name__)

DEFAULT_ATTEMPTS = 3
# Seconds before the second, third, ... attempt (the last figure repeats).
DEFAULT_DELAYS = (60, 300)

F = TypeVar("F", bound=Callable[..., Any])


def attempts(count: int, delays: Sequence[int] = DEFAULT_DELAYS) -> Callable[[F], F]:
    """How many times in all to try the task, and the seconds to wait before each retry."""
    if count < 1:
        raise ValueError("A task needs at least one attempt.")

    def mark(function: F) -> F:
        function.task_attempts = count  # type: ignore[attr-defined]
        function.task_retry_delays = tuple(delays)  # type: ignore[attr-defined]
        return function

    return mark


def attempt_of(result_id: Any) -> int:
    """Which attempt this task result is (1 for the first)."""
    row = TaskAttempt.objects.filter(result_id=result_id).values_list("attempt", flat=True)
    return next(iter(row), 1)


def retry_if_allowed(task_result: TaskResult) -> TaskResult | None:
    """Queue the failed task again if it has attempts left; the new result, or None."""
    func = task_result.task.func
    allowed = getattr(func, "task_attempts", DEFAULT_ATTEMPTS)
    delays = getattr(func, "task_retry_delays", DEFAULT_DELAYS) or (0,)
    attempt = attempt_of(task_result.id)
    if attempt >= allowed:
        logger.error(
            "Task %s (%s) failed on attempt %s of %s: not retried",
            task_result.id, task_result.task.module_path, attempt, allowed,
        )  # fmt: skip
        return None
    wait = delays[min(attempt - 1, len(delays) - 1)]
    run_after = timezone.now() + datetime.timedelta(seconds=wait)
    retry = task_result.task.using(run_after=run_after).enqueue(
        *task_result.args, **task_result.kwargs
    )
    first = TaskAttempt.objects.filter(result_id=task_result.id).values_list(
        "first_result_id", flat=True
    )
    TaskAttempt.objects.create(
        result_id=retry.id,
        first_result_id=next(iter(first), task_result.id),
        attempt=attempt + 1,
    )
    logger.warning(
        "Task %s (%s) failed on attempt %s of %s: retrying in %s s as %s",
        task_result.id, task_result.task.module_path, attempt, allowed, wait, retry.id,
    )  # fmt: skip
    return retry


def _on_task_finished(sender: Any, task_result: TaskResult, **kwargs: Any) -> None:
    from django_tasks_db import DatabaseBackend

    if task_result.status == TaskResultStatus.FAILED and issubclass(sender, DatabaseBackend):
        retry_if_allowed(task_result)


def connect() -> None:
    task_finished.connect(_on_task_finished, dispatch_uid="background-retries")
