"""manage.py export_openreferral FILE: every live service as Open Referral UK service_full JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exchange.openreferral.exporting import export_services


class Command(BaseCommand):
    help = (
        "Write every live service as a JSON array of Open Referral UK service_full objects "
        "(what the API serves), which import_openreferral reads back. FILE '-' writes to "
        "standard output."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Where to write the JSON, or - for standard output.")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        progress = not options["no_progress"] and options["verbosity"] > 0
        if options["file"] == "-":
            export_services(sys.stdout, progress=False)
            return
        path = Path(options["file"])
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as out:
                count = export_services(out, progress=progress)
            partial.replace(path)  # never leave half a file under the real name
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {path}: {error.strerror or error}") from None
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Exported {count:,} services to {path}."))
