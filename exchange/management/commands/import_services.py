"""manage.py import_services FILE: create or update services from a CSV or XLSX spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from exchange.spreadsheets.importer import import_services


class Command(BaseCommand):
    help = (
        "Create or update services from a spreadsheet in the services template (.csv or "
        ".xlsx; see the admin's 'Import and export' page for the columns). Every row is "
        "checked first: if any row has a problem nothing is written, every problem is listed "
        "and the command exits with a non-zero status."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Path to the .csv or .xlsx file.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the created and changed services (default: save them as drafts).",
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help="Record the revisions against this user."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user called '{options['user']}'.") from None
        report = import_services(
            path.read_bytes(),
            path.name,
            publish=options["publish"],
            user=user,
            progress=not options["no_progress"] and options["verbosity"] > 0,
        )
        for error in report.errors:
            where = (
                f"row {error.row}, column {error.column}" if error.column else f"row {error.row}"
            )
            self.stderr.write(f"{where}: {error.message}")
        if not report.ok:
            raise CommandError(report.summary())
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"{report.summary()} ({report.seconds:,.1f} s)"))
