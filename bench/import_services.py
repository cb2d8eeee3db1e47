"""Benchmark the services spreadsheet import: seconds and rows/s for a 5,000-row file.

    .venv/bin/python bench/import_services.py                 # 5,000 rows, 3 runs of each
    .venv/bin/python bench/import_services.py --rows 1000 --runs 1 --format xlsx

Builds a fresh SQLite database with the demo directory (for its organisations, vocabularies
and postcodes) in a temporary folder, writes a valid file of --rows new services (one or two
located venues, a contact, opening times, needs and levels drawn from the demo), then for each
mode imports it into a fresh copy of that database --runs times and prints the median:

* ``publish``: every row creates a service, publishes it and indexes it for search;
* ``drafts``: every row creates a draft service;
* ``unchanged``: the file is imported again after a published import: every row is checked
  against its service and left alone.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))


def build_rows(count: int, seed: int = 11) -> list[dict[str, object]]:
    from directory.models import LevelOfNeed, Need, Organisation, Postcode

    rng = random.Random(seed)
    organisations = list(Organisation.objects.values_list("name", flat=True))
    needs = list(Need.objects.filter(parent__isnull=False).values_list("name", flat=True))
    levels = list(LevelOfNeed.objects.values_list("name", flat=True))
    postcodes = list(Postcode.objects.values_list("postcode", flat=True))
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    rows = []
    for number in range(count):
        minimum = rng.choice([0, 0, 2, 5, 11, 13])
        row: dict[str, object] = {
            # Ids from "another system", so importing the file again finds the same services.
            "oruk_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "name": f"Bench service {number:05d}",
            "organisation": rng.choice(organisations),
            "summary": f"A service for families, number {number}, with play and advice.",
            "description": "Come along and meet us.\n\nWe can help with everyday worries.",
            "levels": "; ".join(rng.sample(levels, rng.choice([1, 1, 2]))),
            "needs": "; ".join(rng.sample(needs, rng.choice([1, 2, 3]))),
            "minimum_age": minimum,
            "maximum_age": minimum + rng.choice([3, 5, 8]),
            "self_referral": "yes",
            "professional_referral": rng.choice(["yes", "no"]),
            "in_person": "yes",
            "group_sessions": rng.choice(["yes", "no"]),
            "schedules": f"{rng.choice(days)} 09:30-11:30 Drop-in; {rng.choice(days)} 13:00-15:00",
            "last_reviewed": "2025-01-15",
            "contact_1_name": "Team",
            "contact_1_phone": f"020 7946 {number % 10000:04d}",
        }
        for group in range(1, rng.choice([1, 2]) + 1):
            row[f"location_{group}_name"] = f"Venue {number}-{group}"
            row[f"location_{group}_address"] = f"{group} High Street"
            row[f"location_{group}_postcode"] = rng.choice(postcodes)
        rows.append(row)
    return rows


def write_file(rows: list[dict[str, object]], file_format: str) -> bytes:
    import tablib

    from exchange.spreadsheets.columns import headers

    columns = headers()
    dataset = tablib.Dataset(headers=columns, title="Services")
    for row in rows:
        dataset.append([row.get(column, "") for column in columns])
    return dataset.export(file_format) if file_format == "xlsx" else dataset.export("csv").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    database = workdir / "db.sqlite3"
    pristine = workdir / "pristine.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    os.environ.setdefault("LOG_LEVEL", "ERROR")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from exchange.spreadsheets.importer import import_services

    try:
        print("Building the demo database…", file=sys.stderr)
        call_command("migrate", verbosity=0)
        call_command("setup_site", stdout=io.StringIO())
        call_command("load_demo", "--no-progress", stdout=io.StringIO())
        content = write_file(build_rows(args.rows), args.format)
        connections.close_all()
        shutil.copy(database, pristine)
        filename = f"services.{args.format}"

        def fresh_database() -> None:
            connections.close_all()
            shutil.copy(pristine, database)

        timings: dict[str, list[float]] = {"publish": [], "drafts": [], "unchanged": []}
        for run in range(1, args.runs + 1):
            for mode in ("publish", "drafts"):
                fresh_database()
                started = time.perf_counter()
                report = import_services(content, filename, publish=mode == "publish")
                seconds = time.perf_counter() - started
                assert report.ok and report.created == args.rows, report.summary()
                timings[mode].append(seconds)
                print(f"run {run} {mode}: {seconds:.1f} s", file=sys.stderr)
                if mode == "publish":
                    started = time.perf_counter()
                    report = import_services(content, filename, publish=True)
                    seconds = time.perf_counter() - started
                    assert report.ok and report.unchanged == args.rows, report.summary()
                    timings["unchanged"].append(seconds)
                    print(f"run {run} unchanged: {seconds:.1f} s", file=sys.stderr)

        print(
            f"\nImport of {args.rows:,} rows ({args.format}, {len(content) / 1024:,.0f} KB), "
            f"median of {args.runs} runs, SQLite:"
        )
        print(f"{'mode':<10} {'seconds':>9} {'rows/s':>9}")
        for mode, values in timings.items():
            median = statistics.median(values)
            print(f"{mode:<10} {median:>9.1f} {args.rows / median:>9.0f}")
    finally:
        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
