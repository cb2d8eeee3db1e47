"""Time the commissioning and reviews reports on the demo borough: median and p95 of renders.

    .venv/bin/python bench/report_render.py                 # builds a temporary demo database
    .venv/bin/python bench/report_render.py --repeat 20

Builds a fresh SQLite database with the demo directory and its demo search log in a temporary
folder (or uses --database-url), logs in a commissioner, then requests each report page through
Django's test client --repeat times after a warm-up request and prints, per page, the response
size, the number of SQL queries and the median and 95th percentile of the render time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from demo_database import setup_demo_django  # noqa: E402  (bench/ is the script's folder)

REPORTS = "/admin/commissioning-reports/"
PAGES = [
    ("completeness", REPORTS + "listing-completeness/"),
    ("completeness, 2nd page", REPORTS + "listing-completeness/?p=2"),
    ("completeness CSV", REPORTS + "listing-completeness/?export=csv"),
    ("coverage and demand (90 days)", REPORTS + "coverage-and-demand/"),
    ("coverage, targeted", REPORTS + "coverage-and-demand/?level=targeted"),
    ("365 days, one category", REPORTS + "coverage-and-demand/?period=365&category=staying-safe"),
    ("coverage CSV", REPORTS + "coverage-and-demand/export.csv?level=targeted"),
    ("reviews due", "/admin/reviews/"),
    ("reviews due, all services", "/admin/reviews/?status=all"),
    ("reviews due XLSX", "/admin/reviews/?status=all&export=xlsx"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="Use this database (demo loaded).")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    setup_demo_django("bench-reports-", args.database_url)
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from directory.site_setup import COMMISSIONERS
    from search.models import SearchLog

    user, _ = User.objects.get_or_create(username="bench-commissioner")
    user.groups.add(Group.objects.get(name=COMMISSIONERS))

    connection.queries_log.clear()  # loading the demo filled the query log to its limit
    rows = []
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        client = Client()
        client.force_login(user)
        for label, url in PAGES:
            timings: list[float] = []
            for round_number in range(args.repeat + 1):  # round 0 warms caches
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    body = (
                        b"".join(response.streaming_content)
                        if response.streaming
                        else response.content
                    )
                    elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, (url, response.status_code)
                if round_number:
                    timings.append(elapsed)
            rows.append((label, len(body), len(queries), timings))

    from directory.models import ServicePage

    print(
        f"Demo: {ServicePage.objects.live().count()} live services, "
        f"{SearchLog.objects.count()} logged searches; {args.repeat} renders per page"
    )
    print(f"{'page':<30}{'KB':>7}{'queries':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for label, size, query_count, timings in rows:
        print(
            f"{label:<30}{size / 1024:>7.0f}{query_count:>9}"
            f"{statistics.median(timings):>9.0f}{percentile(timings, 0.95):>9.0f}"
        )


if __name__ == "__main__":
    main()
