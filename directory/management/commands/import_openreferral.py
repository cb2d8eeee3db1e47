"""manage.py import_openreferral PATH_OR_URL: upsert services from an Open Referral UK feed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from directory.openreferral.fetching import SourceError, is_url, load_records
from directory.openreferral.importing import import_services


class Command(BaseCommand):
    help = (
        "Create or update services from Open Referral UK service_full objects: a file or URL "
        "holding one object, a JSON array of them, or a paged list (a URL's following pages "
        "are fetched). Services are matched by id. If any service has a problem nothing is "
        "written, every problem is listed with its record number and JSON path, and the "
        "command exits with a non-zero status. Running the same import again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="Path to a .json file, or an http(s) URL.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish created and changed services (default: save them as drafts; "
            "defunct and inactive services are never published).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but save nothing."
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help="Record the revisions against this user."
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not show progress bars.")

    def handle(self, *args: Any, **options: Any) -> None:
        progress = not options["no_progress"] and options["verbosity"] > 0
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user called '{options['user']}'.") from None
        source = options["source"]
        pages = tqdm(desc="Fetching", unit="page", disable=not (progress and is_url(source)))

        def on_page(number: int, total: int) -> None:
            pages.total = total or None
            pages.update(1)

        try:
            records = load_records(source, on_page=on_page)
        except SourceError as error:
            raise CommandError(f"Nothing was imported: {error}") from None
        finally:
            pages.close()
        report = import_services(
            records,
            publish=options["publish"],
            user=user,
            dry_run=options["dry_run"],
            progress=progress,
        )
        summary, *details = report.lines()
        for line in details:
            (self.stderr if line.startswith("Error") else self.stdout).write(line)
        if not report.ok:
            raise CommandError(summary)
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"{summary} ({report.seconds:,.1f} s)"))
