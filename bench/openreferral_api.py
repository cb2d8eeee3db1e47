"""Time the Open Referral UK read API on the demo borough: median and p95 of whole responses.

    .venv/bin/python bench/openreferral_api.py                 # builds a temporary demo database
    .venv/bin/python bench/openreferral_api.py --repeat 20

Builds a fresh SQLite database with the demo directory in a temporary folder (or uses
--database-url), then requests each endpoint through Django's test client --repeat times after a
warm-up request and prints, per endpoint, the response size, the number of SQL queries and the
median and 95th percentile of the response time, and the median CPU time of this process
(steadier than the wall clock on a machine shared with other work). --generate N adds N
generated services first (the issue's figures are for the demo plus 2,103: 2,282 services).
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

API = "/api/openreferral/"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="Use this database (demo loaded).")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--generate", type=int, default=0, help="Add this many generated services first."
    )
    args = parser.parse_args()

    setup_demo_django("bench-openreferral-", args.database_url)
    if args.generate:
        from directory.generation.bulk import generate_services

        generate_services(args.generate, 1, index=False)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from directory.models import ServicePage

    connection.queries_log.clear()  # loading the demo filled the query log to its limit
    service = ServicePage.objects.live().order_by("title").first()
    pages = [
        ("services?per_page=1000", API + "services?per_page=1000"),
        ("services (default page of 50)", API + "services"),
        ("services/{id}", API + f"services/{service.oruk_id}"),
        ("service_at_locations?per_page=1000", API + "service_at_locations?per_page=1000"),
        ("taxonomy_terms?per_page=1000", API + "taxonomy_terms?per_page=1000"),
    ]
    # No rate limit: the benchmark makes more requests a minute than a client may.
    with override_settings(ALLOWED_HOSTS=["testserver"], OPENREFERRAL_RATE_LIMIT=0):
        client = Client()
        print(
            f"{'endpoint':38} {'status':>6} {'bytes':>10} {'queries':>7} {'median':>9} {'p95':>9}"
            f" {'cpu med':>9}"
        )
        for label, url in pages:
            client.get(url)  # warm-up
            timings, cpu = [], []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as queries:
                    start, start_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    timings.append(time.perf_counter() - start)
                    cpu.append(time.process_time() - start_cpu)
            print(
                f"{label:38} {response.status_code:>6} {len(response.content):>10,} "
                f"{len(queries):>7} {statistics.median(timings) * 1000:>7.1f}ms "
                f"{percentile(timings, 0.95) * 1000:>7.1f}ms "
                f"{statistics.median(cpu) * 1000:>7.1f}ms"
            )


if __name__ == "__main__":
    main()
