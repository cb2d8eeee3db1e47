"""The background queue: django-tasks' database backend run by real worker processes
(`manage.py db_worker`), retries, the heartbeat, index updates with and without a worker, the
nightly jobs and the admin's Background tasks screen."""

from __future__ import annotations

import datetime
import importlib
import re
import uuid
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus, task_backends
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from background.models import TaskAttempt, WorkerHeartbeat
from background.worker import beat, queue_wait_seconds, worker_alive
from search.models import SearchEntry

from . import background_tasks
from .admin_access import assert_turned_away
from .processes import committed, run_worker_until_idle, wait_for, worker

ROOT = Path(__file__).resolve().parent.parent
QUEUE = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
PROJECT_PACKAGES = (
    "background",
    "commissioning",
    "config",
    "demo",
    "directory",
    "exchange",
    "home",
    "search",
)


def project_tasks() -> list[Task]:
    """Every @task in the project's code, found by importing each module that declares one."""
    found = []
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or not re.search(r"^@task\b", path.read_text(), re.M):
                continue
            module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
            found += [value for value in vars(module).values() if isinstance(value, Task)]
    return found


def test_every_project_task_can_be_queued_and_found_again_by_a_worker():
    tasks = project_tasks()
    assert {t.name for t in tasks} >= {
        "update_services_task", "send_review_reminders", "check_search_index",
    }  # fmt: skip
    with QUEUE:
        database = task_backends["default"]
        for each in tasks:
            database.validate_task(each)  # module level, a backend the settings know
            # The worker finds a queued task again by its path alone.
            assert import_string(each.module_path).func is each.func, each.module_path


def test_the_immediate_backend_gives_tasks_their_arguments_as_the_worker_would():
    result = background_tasks.echo.enqueue((1, 2), when="today")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"args": [[1, 2]], "kwargs": {"when": "today"}, "types": ["list"]}
    # What could not be stored in the queue fails here too, not only on the worker.
    with pytest.raises(TypeError):
        background_tasks.echo.enqueue(datetime.date.today())


@committed
def test_a_worker_process_runs_queued_tasks_and_retries_failures(tmp_path):
    marker = tmp_path / "tried"
    with QUEUE:
        echoed = background_tasks.echo.enqueue("hello", n=3)
        flaky = background_tasks.fail_first_time.enqueue(str(marker))
        broken = background_tasks.always_fail.enqueue()
        assert DBTaskResult.objects.get(id=echoed.id).status == TaskResultStatus.READY

        run_worker_until_idle()

        echoed.refresh()
        assert echoed.status == TaskResultStatus.SUCCESSFUL
        assert echoed.return_value["args"] == ["hello"]

        flaky.refresh()
        assert flaky.status == TaskResultStatus.FAILED
        retry = TaskAttempt.objects.get(first_result_id=flaky.id)
        assert retry.attempt == 2
        second = DBTaskResult.objects.get(id=retry.result_id)
        assert second.status == TaskResultStatus.SUCCESSFUL
        assert second.return_value == "second time lucky"

        # Two attempts allowed: one retry, then it stays failed with the error recorded.
        attempts = DBTaskResult.objects.filter(task_path__endswith="always_fail")
        assert sorted(attempts.values_list("status", flat=True)) == ["FAILED", "FAILED"]
        assert TaskAttempt.objects.filter(first_result_id=broken.id).count() == 1
        assert all(a.exception_class_path == "builtins.ValueError" for a in attempts)


@committed
def test_publishing_with_no_worker_running_updates_search_before_the_request_returns(
    make_service,
):
    with QUEUE:
        assert not worker_alive()
        service = make_service(title="Toy library")
        assert SearchEntry.objects.filter(pk=service.pk).exists()
        assert not DBTaskResult.objects.filter(task_path__endswith="update_services_task").exists()


@committed
def test_with_a_worker_running_index_updates_are_queued_and_run_by_it(make_service):
    with QUEUE, worker():
        service = make_service(title="Toy library")
        queued = DBTaskResult.objects.filter(task_path__endswith="update_services_task")
        assert queued.exists()
        wait_for(lambda: SearchEntry.objects.filter(pk=service.pk).exists(), timeout=30)
        wait_for(lambda: all(t.status == "SUCCESSFUL" for t in queued.all()), timeout=30)
    # Stopped cleanly: its heartbeat is gone with it.
    assert not WorkerHeartbeat.objects.exists()


@committed
def test_nightly_tasks_are_queued_and_put_a_wrong_index_right(make_service):
    from django.core.management import call_command

    service = make_service(title="Toy library")
    SearchEntry.objects.filter(pk=service.pk).delete()  # as if an update had been lost
    with QUEUE:
        call_command("enqueue_nightly_tasks", stdout=None)
        assert queue_wait_seconds() is not None
        run_worker_until_idle()
        check = DBTaskResult.objects.order_by("enqueued_at").filter(
            task_path="search.tasks.check_search_index"
        )[0]
        assert check.status == TaskResultStatus.SUCCESSFUL, check.traceback
        assert check.return_value["missing"] == 1
        assert SearchEntry.objects.filter(pk=service.pk).exists()
        reminders = DBTaskResult.objects.order_by("enqueued_at").filter(
            task_path__endswith="send_review_reminders"
        )[0]
        assert reminders.status == TaskResultStatus.SUCCESSFUL, reminders.traceback


@pytest.mark.django_db
def test_queue_wait_counts_tasks_due_not_those_waiting_on_purpose():
    from django.utils import timezone

    with QUEUE:
        assert queue_wait_seconds() == 0
        later = timezone.now() + datetime.timedelta(hours=1)
        background_tasks.echo.using(run_after=later).enqueue("later")
        assert queue_wait_seconds() == 0
        waiting = background_tasks.echo.enqueue("now")
        DBTaskResult.objects.filter(id=waiting.id).update(
            enqueued_at=timezone.now() - datetime.timedelta(minutes=10)
        )
        assert 590 < queue_wait_seconds() < 700
    assert queue_wait_seconds() is None  # the immediate backend has no queue


@pytest.mark.django_db
def test_a_worker_is_alive_only_while_its_heartbeat_is_recent():
    from django.utils import timezone

    assert not worker_alive()
    beat("worker-1", timezone.now())
    assert worker_alive()
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - datetime.timedelta(minutes=5))
    assert not worker_alive()


@pytest.mark.django_db
def test_background_tasks_screen_shows_recent_tasks_to_commissioners_only(
    client, commissioner, make_user, organisation
):
    with QUEUE:
        background_tasks.echo.enqueue("x")
        client.force_login(commissioner)
        response = client.get(reverse("background_tasks"))
        assert response.status_code == 200
        page = response.content.decode()
        assert "No worker is running" in page
        assert "echo" in page and "Ready" in page and "1 of 3" in page
        failed = client.get(reverse("background_tasks"), {"status": "FAILED"})
        assert "No tasks with that status" in failed.content.decode()

        provider = make_user("Providers", organisations=(organisation,))
        client.force_login(provider)
        assert_turned_away(client.get(reverse("background_tasks")))


def test_task_ids_are_uuids_on_the_queue():
    # The retries table keys on them.
    assert isinstance(DBTaskResult._meta.pk.default(), uuid.UUID)
