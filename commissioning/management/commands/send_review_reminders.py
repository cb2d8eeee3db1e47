"""Email provider accounts about services due or overdue for review. Safe to run daily."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from commissioning.reviews.reminders import STAGE_ORDER, send_reminders


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date must be a date like 2026-05-31, not '{value}'.") from error


class Command(BaseCommand):
    help = (
        "Email each organisation's provider accounts about their services that are due, nearly "
        "due or overdue for review: one email per person per run, each stage once per review."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD): for testing and catching up.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be sent; send and record nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = _date(options["date"]) if options["date"] else timezone.localdate()
        dry_run = options["dry_run"]
        run = send_reminders(today, dry_run=dry_run, progress=options["verbosity"] > 0)

        prefix = "Dry run: nothing sent or recorded. " if dry_run else ""
        self.stdout.write(f"{prefix}Review reminders for {today.isoformat()}:")
        for stage in STAGE_ORDER:
            self.stdout.write(f"  {stage.label}: {run.count(stage)} services")
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"  Emails {verb}: {run.emails}")
        if not dry_run:
            self.stdout.write(f"  Services recorded as reminded: {run.recorded}")
        if run.unreachable:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(run.unreachable)} services have no one to tell (their organisation "
                    "has no provider accounts with an email address):"
                )
            )
            for reminder in run.unreachable:
                service = reminder.service
                organisation = service.organisation.name if service.organisation else "none"
                self.stdout.write(
                    f"  - {service.title} (organisation: {organisation}; "
                    f"{reminder.stage.label.lower()})"
                )
        if run.failures:
            self.stderr.write(
                self.style.ERROR(f"{len(run.failures)} emails failed; they will be retried:")
            )
            for address, error in run.failures:
                self.stderr.write(f"  - {address}: {error}")
            raise CommandError("Some review reminders could not be sent.")
