"""The daily review reminders as a background task (queued nightly; see background/)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks import task

from .reminders import STAGE_ORDER, send_reminders


@task()
def send_review_reminders() -> dict[str, Any]:
    """Today's reminders. Failing e-mails fail the task, so it is retried; those already sent
    are recorded and not sent again."""
    run = send_reminders(timezone.localdate())
    if run.failures:
        raise RuntimeError(f"{len(run.failures)} review reminder e-mails could not be sent")
    return {
        "emails": run.emails,
        "recorded": run.recorded,
        "stages": {stage.value: run.count(stage) for stage in STAGE_ORDER},
    }
