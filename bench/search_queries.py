"""Benchmark public search on the demo borough: p50/p95 of a fixed mix of 100 queries.

    .venv/bin/python bench/search_queries.py                        # database engine only
    .venv/bin/python bench/search_queries.py --elasticsearch "$(scripts/opensearch.sh start)"

Builds a fresh SQLite database with the demo directory in a temporary folder (or uses
--database-url), indexes it, then runs the mix --repeat times per engine after a warm-up pass
and prints, per engine and per kind of query, the median and 95th percentile of:

* ``search``: ``search.runner.run_search`` (engine, facets, "did you mean", log write);
* ``api``: a whole ``GET /api/search`` through Django's test client (parsing, JSON).

Figures go to stdout as a table and, with --json FILE, as JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from demo_database import setup_demo_django  # noqa: E402  (bench/ is the script's folder)
from workload import percentile, query_mix  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--elasticsearch", default="", help="Also run on this engine URL.")
    parser.add_argument("--database-url", default="", help="Use this database (demo loaded).")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="Also write the figures here as JSON.")
    args = parser.parse_args()

    setup_demo_django("bench-search-", args.database_url)
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    from directory.models import Postcode
    from search.engines import elastic_client

    postcodes = sorted(
        {code.split()[0] for code in Postcode.objects.values_list("postcode", flat=True)}
    )
    mix = query_mix(postcodes, size=100)
    engines = [("database", "")] + (
        [("elasticsearch", args.elasticsearch)] if args.elasticsearch else []
    )
    client = Client()
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for engine, url in engines:
        with override_settings(
            ELASTICSEARCH_URL=url,
            ELASTICSEARCH_INDEX="bench-services",
            ALLOWED_HOSTS=["testserver"],
        ):
            elastic_client.reset()
            call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
            from django.http import QueryDict

            from search.query import parse_search_query
            from search.runner import run_search

            timings: dict[str, dict[str, list[float]]] = {}
            for round_number in range(args.repeat + 1):  # round 0 warms caches
                for kind, params in mix:
                    query_dict = QueryDict(mutable=True)
                    for key, value in params.items():
                        query_dict.setlist(key, value if isinstance(value, list) else [value])
                    query = parse_search_query(query_dict)
                    started = time.perf_counter()
                    outcome = run_search(query, log=True)
                    search_ms = (time.perf_counter() - started) * 1000
                    assert outcome.engine == engine and not outcome.fell_back, outcome.engine
                    started = time.perf_counter()
                    response = client.get("/api/search", query_dict)
                    api_ms = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, response.content[:200]
                    if round_number:
                        for label in (kind, "all"):
                            bucket = timings.setdefault(label, {"search": [], "api": []})
                            bucket["search"].append(search_ms)
                            bucket["api"].append(api_ms)
            figures[engine] = {
                kind: {
                    "queries": len(values["search"]),
                    "search_p50_ms": statistics.median(values["search"]),
                    "search_p95_ms": percentile(values["search"], 0.95),
                    "api_p50_ms": statistics.median(values["api"]),
                    "api_p95_ms": percentile(values["api"], 0.95),
                }
                for kind, values in timings.items()
            }
            if url:
                from search.engines import elastic_index

                elastic_index.drop_all()

    from search.models import SearchEntry

    print(
        f"Demo services indexed: {SearchEntry.objects.count()}; "
        f"{len(mix)} queries x {args.repeat} rounds per engine"
    )
    print(
        f"{'engine':<14}{'kind':<15}{'n':>5}{'search p50':>12}{'p95':>8}"
        f"{'api p50':>10}{'p95':>8}   (ms)"
    )
    for engine, kinds in figures.items():
        for kind, row in kinds.items():
            print(
                f"{engine:<14}{kind:<15}{row['queries']:>5}{row['search_p50_ms']:>12.1f}"
                f"{row['search_p95_ms']:>8.1f}{row['api_p50_ms']:>10.1f}{row['api_p95_ms']:>8.1f}"
            )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
