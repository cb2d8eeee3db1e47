"""manage.py generate_services: add realistic synthetic services, in bulk, for benchmarks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from demo.generation.bulk import DEFAULT_BATCH_SIZE, AlreadyGenerated, generate_services
from demo.generation.synthetic import DEFAULT_AREA_WIDE_SHARE


class Command(BaseCommand):
    help = (
        "Add COUNT live, made-up services (names, summaries, needs, levels, ages, schedules, "
        "1-3 locations across England or delivered area-wide) under the directory page, the "
        "same ones for the same --seed, and index them for search. For benchmarks and load "
        "tests, not for a real directory. Each page has a revision and history entry, as an "
        "imported one has."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--count", type=int, required=True, help="How many services.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same services.")
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
        parser.add_argument(
            "--area-wide-share",
            type=float,
            default=DEFAULT_AREA_WIDE_SHARE,
            help="Share of services with no building, offered across the area "
            f"(default {DEFAULT_AREA_WIDE_SHARE}).",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Leave the search indexes alone (run rebuild_search_index afterwards).",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["count"]
        if count < 1:
            raise CommandError("--count must be at least 1.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if not 0 <= options["area_wide_share"] <= 1:
            raise CommandError("--area-wide-share must be between 0 and 1.")
        bar = tqdm(
            total=count,
            desc="Generating",
            unit=" services",
            disable=options["no_progress"] or options["verbosity"] == 0,
        )
        try:
            report = generate_services(
                count,
                options["seed"],
                batch_size=options["batch_size"],
                area_wide_share=options["area_wide_share"],
                index=not options["no_index"],
                progress=bar.update,
            )
        except AlreadyGenerated as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        self.stdout.write(
            f"{report.created} services created ({report.area_wide} area-wide, "
            f"{report.locations} locations, {report.organisations} new organisations, "
            f"{report.postcodes} new postcodes) in {report.seconds_writing:.1f} s"
            + (
                f"; indexed in {report.seconds_indexing:.1f} s."
                if not options["no_index"]
                else "; not indexed (run rebuild_search_index)."
            )
        )
