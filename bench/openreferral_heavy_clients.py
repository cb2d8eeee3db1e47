"""Public search while heavy Open Referral clients pull big pages: does the site keep answering?

    .venv/bin/python bench/openreferral_heavy_clients.py --database-url sqlite:////tmp/x.sqlite3 \\
        [--heavy-clients 4] [--duration 30] [--workers 2] [--search-clients 4]

Serves the database (build it first, e.g. `load_demo` then `generate_services --count 2103` for
the 2,282 services of issue 15) with gunicorn and the production settings, as load_test.py does,
behind a pretend proxy (TRUSTED_PROXIES=127.0.0.1, each heavy client its own X-Forwarded-For, so
each counts as its own address). Then twice for --duration seconds: first public search alone,
then search while --heavy-clients each pull `/api/openreferral/services?per_page=1000` page after
page, as a well-behaved client does (waiting as long as a 429 or 503 says). Search clients send
`/api/search?q=...` one after another. Prints search answers a second and latency p50/p99 for
both runs, and the heavy clients' pages served, 429s and 503s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_test import PROXY_HEADERS, gunicorn, wait_until_answering  # noqa: E402

SEARCHES = ["toddler", "speech", "parenting", "autism", "money", "housing", "youth", "baby"]


def _get(url: str, headers: dict[str, str], timeout: float = 60) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        error.read()
        return error.code, dict(error.headers)


def _search(base: str, stop: threading.Event, latencies: list[float], errors: list[int]) -> None:
    number = 0
    while not stop.is_set():
        number += 1
        start = time.perf_counter()
        status, _ = _get(f"{base}/api/search?q={SEARCHES[number % len(SEARCHES)]}", {})
        latencies.append(time.perf_counter() - start)
        if status != 200:
            errors.append(status)


def _pull(base: str, client: int, stop: threading.Event, answers: list[int]) -> None:
    """Page after page of 1,000 full services, waiting as told."""
    page = 1
    headers = {"X-Forwarded-For": f"198.51.100.{client + 1}"}
    while not stop.is_set():
        status, response_headers = _get(
            f"{base}/api/openreferral/services?per_page=1000&page={page}", headers
        )
        answers.append(status)
        if status in (429, 503):
            stop.wait(int(response_headers.get("Retry-After", "1")))
        else:
            page = page % 3 + 1


def _run(base: str, duration: int, search_clients: int, heavy_clients: int) -> dict:
    stop = threading.Event()
    latencies: list[float] = []
    errors: list[int] = []
    answers: list[int] = []
    threads = [
        threading.Thread(target=_search, args=(base, stop, latencies, errors))
        for _ in range(search_clients)
    ] + [
        threading.Thread(target=_pull, args=(base, client, stop, answers))
        for client in range(heavy_clients)
    ]
    for thread in threads:
        thread.start()
    time.sleep(duration)
    stop.set()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    return {
        "searches/s": len(latencies) / duration,
        "p50 ms": statistics.median(ordered) * 1000 if ordered else 0,
        "p99 ms": ordered[int(0.99 * (len(ordered) - 1))] * 1000 if ordered else 0,
        "search errors": len(errors),
        "pages served": answers.count(200),
        "429": answers.count(429),
        "503": answers.count(503),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--heavy-clients", type=int, default=4)
    parser.add_argument("--search-clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "gunicorn.log"
        environment = {"TRUSTED_PROXIES": "127.0.0.1"}
        with gunicorn(args.database_url, "", args.workers, 1, log, Path(folder), environment) as (
            server,
            base,
        ):
            wait_until_answering(server, f"{base}/api/openreferral/", log)
            _get(f"{base}/api/search?q=toddler", {})  # warm-up
            runs = {
                label: _run(base, args.duration, args.search_clients, heavy)
                for label, heavy in (
                    ("search alone", 0),
                    (f"with {args.heavy_clients} heavy clients", args.heavy_clients),
                )
            }
    names = next(iter(runs.values()))
    print(f"{'run':28} " + " ".join(f"{name:>13}" for name in names))
    for label, figures in runs.items():
        print(f"{label:28} " + " ".join(f"{value:>13.1f}" for value in figures.values()))


if __name__ == "__main__":
    main()
