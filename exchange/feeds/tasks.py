"""The feeds' and imports' background tasks (django-tasks; run by the worker).

``pull_due_feeds`` queues a pull of every enabled feed whose time has come; run it often
(``manage.py pull_feeds`` every 15 minutes from cron, and it is among the nightly tasks).
``run_import`` carries out one queued ``ImportRun``.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from directory.models import FeedSource, ImportRun

from .runs import execute, queue_feed_pull


@task()
def run_import(run_id: int) -> None:
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is not None:
        execute(run)


@task()
def pull_due_feeds() -> list[int]:
    """Queue a pull of each feed that is due and not already being pulled; returns the runs."""
    now = timezone.now()
    due = FeedSource.objects.filter(enabled=True).filter(
        Q(next_pull_at__isnull=True) | Q(next_pull_at__lte=now)
    )
    busy = set(
        ImportRun.objects.filter(
            feed__in=due, status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING]
        ).values_list("feed_id", flat=True)
    )
    runs = []
    for feed in due:
        if feed.pk in busy:
            continue
        run = queue_feed_pull(feed)
        run_import.enqueue(run.pk)
        runs.append(run.pk)
    return runs


def start(run: ImportRun) -> None:
    """Queue the run for the worker once the request's transaction has committed it. Always
    queued, never run in the request (as ``background.dispatch.run_soon`` would with no worker):
    a long import must not hold a web worker; with no worker running, the run's page says so."""
    transaction.on_commit(lambda: run_import.enqueue(run.pk))
