"""manage.py import_openreferral PATH_OR_URL: upsert services from an Open Referral UK feed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from exchange.openreferral.fetching import SourceError, is_url, open_feed
from exchange.openreferral.importing import import_services


class Command(BaseCommand):
    help = (
        "Create or update services from an Open Referral UK feed (v3 service_full objects or "
        "v1 records, told apart by their fields): a file or URL holding one record, a JSON "
        "array of them, or a paged list (a URL's following pages are fetched, and each list "
        "item's /services/{id} when the list gives only its one-to-one fields). Services are "
        "matched by id. Each record is imported on its own: common defects are repaired with a "
        "warning, and a record with a problem is listed with its id, JSON path and reason (the "
        "command then exits with a non-zero status). --strict writes nothing unless every "
        "record is good. Running the same import again changes nothing."
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
            "--strict",
            action="store_true",
            help="All or nothing: write nothing if any record has a problem.",
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
        fetching = progress and is_url(source)
        pages = tqdm(desc="Fetching pages", unit="page", disable=not fetching)
        details = tqdm(desc="Fetching details", unit="service", disable=not fetching)

        def on_page(number: int, total: int) -> None:
            pages.total = total or None
            pages.update(number - pages.n)

        def on_detail(done: int, total: int) -> None:
            details.total = total
            details.update(done - details.n)

        try:
            feed = open_feed(source, on_page=on_page, on_detail=on_detail)
        except SourceError as error:
            details.close()
            raise CommandError(f"Nothing was imported: {error}") from None
        finally:
            pages.close()
        total = len(feed.records)
        bar = tqdm(total=total, desc="Importing", unit="service", disable=not progress)

        def on_progress(done: int, total: int) -> None:
            bar.update(done - bar.n)

        try:
            report = import_services(
                feed.stream(),  # written as the details come
                total=total,
                publish=options["publish"],
                user=user,
                dry_run=options["dry_run"],
                strict=options["strict"],
                progress=on_progress,
                feed_notes=feed.notes,
            )
        finally:
            details.close()
            bar.close()
        summary, *lines = report.lines()
        for line in lines:
            (self.stderr if line.startswith("Error") else self.stdout).write(line)
        if not report.ok:
            raise CommandError(f"{summary} ({report.seconds:,.1f} s)")
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"{summary} ({report.seconds:,.1f} s)"))
