"""Benchmark the ONSPD postcode import: rows/s and peak memory on a synthetic file.

    .venv/bin/python bench/import_postcodes.py                 # 1,000,000 rows
    .venv/bin/python bench/import_postcodes.py --rows 200000 --progress

Generates an ONSPD-like CSV (realistic, unique postcodes; ~20 columns of which 3 are used; about
1% 'no grid reference' rows) in a temporary directory, migrates a fresh SQLite database there in
a subprocess, then imports the file in this process and prints the figures. Peak RSS is taken
before and after the import (ru_maxrss is a high-water mark), so the import's own growth shows;
it should not grow with the number of rows.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Real postcode areas, so generated postcodes look like the ONSPD's.
AREAS = (  # noqa: SIM905 - as a list literal this is 120-odd lines
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY "
    "E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS "
    "LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO "
    "SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split()
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters the inward code uses (no C I K M O V)
# A realistic subset of the ONSPD's ~50 columns; only pcds, lat and long are read.
HEADER = (  # noqa: SIM905
    "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,"
    "osgrdind,ctry,rgn,pcon,lat,long,lsoa21,msoa21,imd"
).split(",")


def postcodes() -> Iterator[tuple[str, str]]:
    """Unique (outward, inward) codes in ONSPD order: area, district, sector, unit."""
    for area in AREAS:
        for district in range(1, 100):
            for sector in range(10):
                for first, second in itertools.product(INWARD_LETTERS, repeat=2):
                    yield f"{area}{district}", f"{sector}{first}{second}"


def write_onspd(path: Path, rows: int, seed: int = 2025) -> None:
    """Write the file row by row, so generating 2.6M rows needs no more memory than 1."""
    rng = random.Random(seed)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for outward, inward in itertools.islice(postcodes(), rows):
            no_grid = rng.random() < 0.01
            lat = 99.999999 if no_grid else rng.uniform(50.0, 58.6)
            lng = 0.0 if no_grid else rng.uniform(-7.5, 1.7)
            terminated = rng.random() < 0.1
            writer.writerow(
                [
                    outward.ljust(4) + inward,  # pcd: 7 characters
                    outward.ljust(5) + inward,  # pcd2: 8 characters
                    f"{outward} {inward}",  # pcds: the one read
                    "198001",
                    "201612" if terminated else "",
                    "E99999999",
                    "E99999999",
                    "E09000023",
                    "E05013714",
                    "E43000199",
                    rng.choice("01"),
                    rng.randint(100000, 650000),
                    rng.randint(10000, 1200000),
                    rng.randint(1, 9),
                    "E92000001",
                    "E12000007",
                    "E14001345",
                    f"{lat:.6f}",
                    f"{lng:.6f}",
                    "E01003189",
                    "E02000657",
                    rng.randint(1, 32844),
                ]
            )


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB. ru_maxrss is in KB on Linux."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/self/statm") as statm:
        current = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    return current, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--progress", action="store_true", help="show the tqdm progress bar")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument(
        "--twice", action="store_true", help="import the file again to time an idempotent re-run"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-postcodes-"))
    csv_path, db_path = workdir / "onspd.csv", workdir / "bench.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{db_path}",
    }
    os.environ.update(env)

    started = time.monotonic()
    write_onspd(csv_path, args.rows)
    size_mb = csv_path.stat().st_size / 1024 / 1024
    print(f"Generated {args.rows:,} rows ({size_mb:,.0f} MB) in {time.monotonic() - started:.1f} s")

    # Migrate in a child process so its memory does not count towards the import's peak.
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
    )
    print(f"Migrated a fresh SQLite database in {time.monotonic() - started:.1f} s")

    sys.path.insert(0, str(PROJECT_ROOT))
    import django

    django.setup()
    from django.conf import settings

    from directory.models import Postcode
    from directory.postcode_import import import_postcodes

    Postcode.objects.exists()  # open the connection before measuring
    before_current, before_peak = rss_mb()
    report = import_postcodes(csv_path, batch_size=args.batch_size, progress=args.progress)
    after_current, after_peak = rss_mb()
    stored = Postcode.objects.count()

    print(f"DEBUG={settings.DEBUG}, batch size {args.batch_size:,}, SQLite at {db_path}")
    print(f"rows read        {report.rows_read:>12,}")
    print(f"imported (new)   {report.created:>12,}")
    print(f"skipped          {report.skipped:>12,}  {dict(report.skipped_by_reason)}")
    print(f"rows in table    {stored:>12,}")
    print(f"seconds          {report.seconds:>12,.1f}")
    print(f"rows/s           {report.rows_per_second:>12,.0f}")
    print(f"RSS before       {before_current:>12,.1f} MB (peak so far {before_peak:,.1f} MB)")
    print(f"RSS after        {after_current:>12,.1f} MB")
    print(
        f"peak RSS         {after_peak:>12,.1f} MB (import added {after_peak - before_peak:,.1f})"
    )

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "rows": report.rows_read,
                    "seconds": report.seconds,
                    "rows_per_second": report.rows_per_second,
                    "peak_rss_mb": after_peak,
                    "import_added_rss_mb": after_peak - before_peak,
                }
            )
        )

    if args.twice:
        again = import_postcodes(csv_path, batch_size=args.batch_size, progress=args.progress)
        print(
            f"re-run           {again.seconds:>12,.1f} s, {again.rows_per_second:,.0f} rows/s: "
            f"{again.created:,} new, {again.updated:,} updated, {again.unchanged:,} unchanged; "
            f"{Postcode.objects.count():,} rows in table; "
            f"peak RSS {rss_mb()[1]:,.1f} MB"
        )

    if args.keep:
        print(f"Kept {workdir}")
    else:
        for path in workdir.iterdir():
            path.unlink()
        workdir.rmdir()


if __name__ == "__main__":
    main()
