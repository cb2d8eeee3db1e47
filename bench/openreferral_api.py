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
        from demo.generation.bulk import generate_services

        generate_services(args.generate, 1, index=False)
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from directory.models import Organisation, ServiceLocation, ServicePage

    connection.queries_log.clear()  # loading the demo filled the query log to its limit
    service = ServicePage.objects.live().order_by("title").first()
    biggest = Organisation.objects.annotate(count=Count("services")).order_by("-count").first()
    # The first listed service_at_location: its id is derived from its location's.
    located = (
        ServiceLocation.objects.filter(page=service).first() or ServiceLocation.objects.first()
    )
    pages = [
        ("services?per_page=1000", "services?per_page=1000"),
        ("services (default page of 50)", "services"),
        ("services?per_page=1000&full=false", "services?per_page=1000&full=false"),
        ("services?minimal=true (all)", "services?minimal=true"),
        ("services/{id}", f"services/{service.oruk_id}"),
        ("service_at_locations?per_page=1000", "service_at_locations?per_page=1000"),
        ("…?per_page=1000&full=true", "service_at_locations?per_page=1000&full=true"),
        ("service_at_locations/{id}", f"service_at_locations/{located and _link_id(located)}"),
        ("organizations?per_page=1000", "organizations?per_page=1000"),
        (
            "organizations/{id}?full_service (max)",
            f"organizations/{biggest.oruk_id}?full_service=1",
        ),
        ("taxonomy_terms?per_page=1000", "taxonomy_terms?per_page=1000"),
    ]
    # A limit no run reaches: the benchmark makes more requests a minute than a client may, and
    # reads what each cost from the counter.
    settings = {"ALLOWED_HOSTS": ["testserver"], "OPENREFERRAL_RATE_LIMIT": 10**12}
    with override_settings(**settings, OPENREFERRAL_COSTLY_REQUESTS=0):
        client = Client()
        print(
            f"{'endpoint':38} {'status':>6} {'bytes':>10} {'queries':>7} {'median':>9} {'p95':>9}"
            f" {'cpu med':>9} {'units':>5}"
        )
        for label, path in pages:
            url = API + path
            client.get(url)  # warm-up
            timings, cpu = [], []
            spent = _units(cache)
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
                f"{statistics.median(cpu) * 1000:>7.1f}ms "
                f"{(_units(cache) - spent) / args.repeat:>5.0f}"
            )


def _link_id(place) -> str:
    from exchange.openreferral.serialisers import service_at_location_id

    return service_at_location_id(place.oruk_id)


def _units(cache) -> int:
    """What the test client's address has been charged this minute and the last, or 0 before
    the API counted cost (then the column shows 0)."""
    try:
        from exchange.openreferral.throttling import WINDOW_SECONDS, _key, clock
    except ImportError:
        return 0
    window = int(clock() // WINDOW_SECONDS)
    return sum(cache.get(_key("127.0.0.1", w), 0) for w in (window - 1, window))


if __name__ == "__main__":
    main()
