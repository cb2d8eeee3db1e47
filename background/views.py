"""The admin's "Background tasks" screen: is a worker running, what is waiting, and the
outcome of recent tasks (failures with the error's type, and which attempt it was)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django_tasks import TaskResultStatus
from wagtail.admin.auth import permission_required

from directory.models.services import IMPORT_SERVICES

from .models import TaskAttempt
from .retries import DEFAULT_ATTEMPTS
from .worker import queue_wait_seconds, uses_worker, worker_alive

# Those who import and publish in bulk see how their imports went.
PERMISSION = IMPORT_SERVICES
SHOWN = 100


@dataclass
class TaskRow:
    name: str
    status: str
    attempt: int
    attempts: int
    enqueued_at: Any
    run_after: Any
    started_at: Any
    finished_at: Any
    error: str


def recent_tasks(status: str = "", limit: int = SHOWN) -> list[TaskRow]:
    from django_tasks_db.models import DBTaskResult, get_date_max

    newest = DBTaskResult.objects.order_by("-enqueued_at")
    if status:
        newest = newest.filter(status=status)
    results = list(newest[:limit])
    attempts = dict(
        TaskAttempt.objects.filter(result_id__in=[r.id for r in results]).values_list(
            "result_id", "attempt"
        )
    )
    rows = []
    for result in results:
        try:
            func = result.task.func
        except Exception:  # the task's code is gone (renamed, removed)
            func = None
        rows.append(
            TaskRow(
                name=result.task_name,
                status=str(TaskResultStatus(result.status).label),
                attempt=attempts.get(result.id, 1),
                attempts=getattr(func, "task_attempts", DEFAULT_ATTEMPTS),
                enqueued_at=result.enqueued_at,
                run_after=None if result.run_after == get_date_max() else result.run_after,
                started_at=result.started_at,
                finished_at=result.finished_at,
                error=result.exception_class_path.rpartition(".")[2],
            )
        )
    return rows


@permission_required(PERMISSION)
def background_tasks(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in TaskResultStatus.values:
        status = ""
    queued = uses_worker()
    return TemplateResponse(
        request,
        "background/tasks.html",
        {
            "page_title": "Background tasks",
            "header_icon": "cogs",
            "queued": queued,
            "worker_alive": queued and worker_alive(),
            "waited": queue_wait_seconds() if queued else None,
            "rows": recent_tasks(status) if queued else [],
            "statuses": TaskResultStatus.choices,
            "status": status,
            "shown": SHOWN,
        },
    )
