"""manage.py import_postcodes FILE: load the local geocoder's postcode table from the ONSPD."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from directory.postcode_import import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_PROBLEMS,
    PostcodeImportError,
    PostcodeImportReport,
    import_postcodes,
)


class Command(BaseCommand):
    help = (
        "Import or update postcodes and their coordinates from an ONS Postcode Directory CSV "
        "(columns pcds, lat, long; other columns are ignored; .csv.gz accepted). "
        "Safe to re-run: rows are upserted on the postcode."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Path to the ONSPD CSV, e.g. ONSPD_FEB_2025_UK.csv")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Rows per transaction (default {DEFAULT_BATCH_SIZE:,}).",
        )
        parser.add_argument(
            "--show-skipped",
            type=int,
            default=DEFAULT_MAX_PROBLEMS,
            metavar="N",
            help=f"List the first N skipped rows (default {DEFAULT_MAX_PROBLEMS}).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            report = import_postcodes(
                options["file"],
                batch_size=options["batch_size"],
                progress=not options["no_progress"] and options["verbosity"] > 0,
                max_problems=max(options["show_skipped"], 0),
            )
        except PostcodeImportError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self._print_report(report)

    def _print_report(self, report: PostcodeImportReport) -> None:
        for problem in report.problems:
            self.stdout.write(
                self.style.WARNING(
                    f"Skipped row {problem.row:,}: '{problem.value}': {problem.reason}"
                )
            )
        not_listed = report.skipped - len(report.problems)
        if not_listed > 0 and report.problems:
            self.stdout.write(self.style.WARNING(f"… and {not_listed:,} more skipped rows."))
        if report.skipped:
            reasons = ", ".join(
                f"{reason}: {count:,}" for reason, count in report.skipped_by_reason.most_common()
            )
            self.stdout.write(f"Skipped {report.skipped:,} rows ({reasons}).")
        summary = (
            f"Read {report.rows_read:,} rows in {report.seconds:,.1f} s "
            f"({report.rows_per_second:,.0f} rows/s): imported {report.imported:,} "
            f"({report.created:,} new, {report.updated:,} updated), "
            f"{report.unchanged:,} unchanged, {report.skipped:,} skipped"
        )
        if report.duplicates:
            summary += f", {report.duplicates:,} repeated postcodes (the later row kept)"
        self.stdout.write(self.style.SUCCESS(summary + "."))
