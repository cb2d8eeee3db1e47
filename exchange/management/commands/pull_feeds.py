"""manage.py pull_feeds: queue a pull of every feed that is due (run it every 15 minutes from
cron; see docs/deploy.md). --now pulls them here instead of queueing them for the worker."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from directory.models import ImportRun
from exchange.feeds.tasks import pull_due_feeds


class Command(BaseCommand):
    help = "Queue a pull of each Open Referral feed whose time has come (Feeds and imports)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="Pull them in this process, not on the worker."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["now"]:
            queued = pull_due_feeds.enqueue()
            self.stdout.write(f"Queued the check for due feeds ({queued.id}).")
            return
        runs = pull_due_feeds.call()
        for run in ImportRun.objects.filter(pk__in=runs).select_related("feed"):
            self.stdout.write(f"{run.feed}: {run.get_status_display()}. {run.summary}")
        if not runs:
            self.stdout.write("No feed is due.")
