"""Benchmark importing an Open Referral UK v3 feed of --count services from a local HTTP server.

    .venv/bin/python bench/import_feed.py                       # 10,000 services, SQLite
    .venv/bin/python bench/import_feed.py --count 2000 --concurrency 8 \\
        --database-url postgres://directory:directory@127.0.0.1:5433/bench_feed

1. Makes the feed: ``generate_services --count N`` into a temporary SQLite database, then
   ``export_openreferral`` (every service as a v3 ``service_full``), in a child process.
2. Serves it as a real API would, from a threaded ``http.server`` on loopback in a process of
   its own (a feed's server is not the importer's work): ``/services`` pages of 500 list items
   carrying only one-to-one fields, and ``/services/{id}`` the full record, so the importer has
   to follow every page and fetch every service's details (``IMPORT_FETCH_CONCURRENCY`` at a
   time, default 4).
3. Imports it, published, into a fresh database (a temporary SQLite file, or the PostgreSQL
   database named, dropped and created again), as ``import_openreferral URL`` does: the list's
   pages first, then each service's details fetched while the services before it are written.
   The index tasks the import asks for (public search, Wagtail's admin search and reference
   index) are collected and timed separately, as a worker would run them after the import.

Prints seconds and services a second for each part, the importer's CPU seconds, and the
import's summary. ``--sequential`` fetches every detail first and imports after, as before the
two overlapped.
"""

from __future__ import annotations

import argparse
import atexit
import http.server
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
PAGE_SIZE = 500
ONE_TO_ONE = (
    *("id", "name", "description", "url", "email", "status", "minimum_age", "maximum_age"),
    *("assured_date", "alert", "organization_id", "last_modified"),
)


def make_feed(count: int, workdir: Path) -> list[dict]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'source.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "ERROR",
    }
    manage = [sys.executable, str(PROJECT_ROOT / "manage.py")]
    path = workdir / "feed.json"
    for command in (
        ["migrate", "-v0"],
        ["setup_site"],
        ["generate_services", "--count", str(count), "--seed", "17", "--no-index", "--no-progress"],
        ["export_openreferral", str(path), "--no-progress"],
    ):
        subprocess.run([*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL)
    return json.loads(path.read_text())


def serve(records: list[dict]) -> tuple[str, dict[str, Any]]:
    """The feed's URL, served by a child process until this one ends, and the number of
    requests it has answered of each kind (shared counters)."""
    requests = {"pages": multiprocessing.Value("i", 0), "details": multiprocessing.Value("i", 0)}
    ready = multiprocessing.Queue()
    server = multiprocessing.get_context("fork").Process(
        target=_serve, args=(records, requests, ready), daemon=True
    )
    server.start()
    atexit.register(server.terminate)
    return f"http://127.0.0.1:{ready.get(timeout=60)}/services", requests


def _serve(records: list[dict], requests: dict[str, Any], ready: Any) -> None:
    by_id = {record["id"]: json.dumps(record).encode() for record in records}
    pages = -(-len(records) // PAGE_SIZE)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            path, _, query = self.path.partition("?")
            params = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
            if path == "/services":
                number = int(params.get("page", "1"))
                chunk = records[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
                body = json.dumps(
                    {"total_items": len(records), "total_pages": pages, "page_number": number,
                     "size": len(chunk), "first_page": number == 1,
                     "last_page": number >= pages, "empty": not chunk,
                     "contents": [{k: r[k] for k in ONE_TO_ONE if k in r} for r in chunk]}
                ).encode()  # fmt: skip
                with requests["pages"].get_lock():
                    requests["pages"].value += 1
            elif path.startswith("/services/") and path[10:] in by_id:
                body = by_id[path[10:]]
                with requests["details"].get_lock():
                    requests["details"].value += 1
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ready.put(server.server_address[1])
    server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--sequential", action="store_true", help="fetch everything, then import")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    print(f"Making a feed of {args.count:,} services…", file=sys.stderr)
    started = time.perf_counter()
    records = make_feed(args.count, workdir)
    print(f"  ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    url, requests = serve(records)  # (before Django opens a database connection to inherit)

    from bench.service_writer import fresh_database

    os.environ["DATABASE_URL"] = (
        fresh_database(args.database_url)
        if args.database_url
        else f"sqlite:///{workdir / 'target.sqlite3'}"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=io.StringIO())
    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        IMPORT_ALLOWED_HOSTS=["127.0.0.1"],
        IMPORT_FETCH_CONCURRENCY=args.concurrency,
    ).enable()
    from django_tasks import default_task_backend

    from exchange.openreferral.fetching import open_feed
    from exchange.openreferral.importing import import_services

    started, cpu = time.perf_counter(), time.process_time()
    feed = open_feed(url)
    listing = time.perf_counter() - started
    if args.sequential:
        for _record in feed.stream():
            pass
    fetching = time.perf_counter() - started
    report = import_services(
        feed.stream(), total=len(feed.records), publish=True, feed_notes=feed.notes
    )
    importing = time.perf_counter() - started - fetching
    cpu = time.process_time() - cpu
    started = time.perf_counter()
    for result in default_task_backend.results:
        result.task.func(*result.args, **result.kwargs)
    indexing = time.perf_counter() - started

    count = len(feed.records)
    served = {kind: counter.value for kind, counter in requests.items()}
    print(f"\nImporting a {count:,}-service ORUK v3 feed from a local server, {connection.vendor}:")
    print(
        f"the list   {listing:7.1f} s           ({feed.pages} pages; then {feed.details:,} "
        f"/services/{{id}}, {feed.retries} retries, {args.concurrency} at a time; server saw "
        f"{served})"
    )
    if args.sequential:
        print(f"details    {fetching - listing:7.1f} s  {count / (fetching - listing):6.0f}/s")
        print(f"importing  {importing:7.1f} s  {count / importing:6.0f}/s")
    else:
        print(f"details fetched while importing {importing:.1f} s  {count / importing:6.0f}/s")
    total = fetching + importing
    print(
        f"  = fetched and imported in {total:.1f} s ({count / total:.0f}/s); the importer's "
        f"CPU {cpu:.1f} s ({count / cpu:.0f} services per CPU-second)"
    )
    print(
        f"index tasks{indexing:7.1f} s  {count / indexing:6.0f}/s  (a worker's, after the import)"
    )
    print(report.summary())


if __name__ == "__main__":
    main()
