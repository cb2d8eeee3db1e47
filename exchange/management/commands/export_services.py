"""manage.py export_services FILE: write every service to a CSV or XLSX spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exchange.spreadsheets.reading import SpreadsheetError, spreadsheet_format
from exchange.spreadsheets.writing import export_services


class Command(BaseCommand):
    help = (
        "Write the directory's services to a spreadsheet in the import template; the format "
        "comes from the file name (.csv or .xlsx). By default every service is written with "
        "its latest content, drafts included, so the file can be edited and imported again "
        "without losing a draft; --live-only writes only published services as the public "
        "sees them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Where to write, e.g. services.xlsx")
        parser.add_argument(
            "--live-only",
            action="store_true",
            help="Only published services, with their published content.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            file_format = spreadsheet_format(path.name)
        except SpreadsheetError as error:
            raise CommandError(str(error)) from error
        content, count = export_services(file_format, live_only=options["live_only"])
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from error
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Wrote {count:,} services to {path}."))
