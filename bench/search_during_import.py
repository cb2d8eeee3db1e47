"""Does public search keep answering while a large import runs? (issue 15: writes never starve
reads.) Prints search latency during the import and search-log rows lost.

    .venv/bin/python bench/search_during_import.py                   # 10,000 rows, SQLite
    .venv/bin/python bench/search_during_import.py --rows 2000 --project /tmp/old-checkout
    .venv/bin/python bench/search_during_import.py \\
        --database-url postgres://directory:directory@127.0.0.1:5433/bench_load

Everything runs from ``--project`` (default: this checkout), so the same script measures an
older version "before": it builds a database there (``migrate``, ``setup_site``, ``load_demo``:
a temporary SQLite file, or the PostgreSQL database named, dropped and created again), writes a
services spreadsheet of ``--rows`` new services (bench/import_services.py's rows), serves the
site with gunicorn and the production settings (``--workers`` sync workers), and then:

1. ``--clients`` threads search ``/api/search`` without pause (the query mix of
   bench/load_test.py) for the whole run;
2. after ``--baseline`` seconds (30) of searching alone, ``manage.py import_services FILE
   --publish`` runs in its own process;
3. a few seconds after it ends the searching stops, the workers get time to write their search
   log, and gunicorn is stopped.

Prints the import's seconds, and for the searches made with no import and while it ran: how
many, per second, p50, p99 and the slowest, failures (non-200 answers and anything over
``--timeout``), then how many answered searches (the readiness probe's included) have no
search-log row (lost).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
HEADERS = {"X-Forwarded-Proto": "https"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(project: Path, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(project / "manage.py"), *args],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def prepare(project: Path, env: dict[str, str], rows: int, workdir: Path) -> tuple[Path, list[str]]:
    print("Building the database (migrate, setup_site, load_demo)…", file=sys.stderr)
    manage(project, env, "migrate", "-v0")
    manage(project, env, "setup_site")
    manage(project, env, "load_demo", "--no-progress")
    # The spreadsheet and the query mix come from this checkout's bench helpers, reading the
    # database built above (organisations, vocabularies, postcodes, live services).
    helper = f"""
import json, sys
sys.path.insert(0, {str(HERE.parent)!r})
from bench.load_test import setup_django, default_paths
setup_django({env["DATABASE_URL"]!r})
from bench.import_services import build_rows, write_file
open({str(workdir / "rows.csv")!r}, 'wb').write(write_file(build_rows({rows}), 'csv'))
print(json.dumps(default_paths(200)))
"""
    out = subprocess.run(
        [sys.executable, "-c", helper],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        check=True,
        capture_output=True,
        text=True,
        cwd=project,
    ).stdout
    return workdir / "rows.csv", json.loads(out.strip().splitlines()[-1])


def log_rows(project: Path, env: dict[str, str]) -> int:
    code = "from search.models import SearchLog; print(SearchLog.objects.count())"
    return int(manage(project, env, "shell", "-c", code).strip().splitlines()[-1])


class Load:
    """Threads searching without pause; every answer's time, status and latency kept."""

    def __init__(self, base: str, paths: list[str], clients: int, timeout: float) -> None:
        self.base, self.paths, self.timeout = base, paths, timeout
        self.results: list[tuple[float, int, float]] = []  # (started, status, seconds)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(clients)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def run(self, number: int) -> None:
        rng = random.Random(number)
        while not self.stop.is_set():
            path = rng.choice(self.paths)
            request = urllib.request.Request(self.base + path, headers=HEADERS)
            started = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
                    code = response.status
            except urllib.error.HTTPError as error:
                code = error.code
            except OSError:
                code = 0  # refused, reset or timed out
            with self.lock:
                self.results.append((started, code, time.monotonic() - started))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--project", type=Path, default=HERE.parent)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument(
        "--baseline", type=float, default=30.0, help="seconds of searching before the import"
    )
    args = parser.parse_args()
    project = args.project.resolve()

    workdir = Path(tempfile.mkdtemp(prefix="bench-search-import-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    if args.database_url:
        from bench.service_writer import fresh_database

        database_url = fresh_database(args.database_url)
    else:
        database_url = f"sqlite:///{workdir / 'db.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "WARNING",
    }
    csv_path, paths = prepare(project, env, args.rows, workdir)
    before = log_rows(project, env)

    port = free_port()
    served = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(workdir / "static"),
    }
    (workdir / "static").mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--no-control-socket", "--timeout", "120"],
        cwd=project, env=served, stdout=(workdir / "gunicorn.log").open("wb"),
        stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                # (A search like the others: its log row is counted with theirs below.)
                urllib.request.urlopen(urllib.request.Request(base + paths[0], headers=HEADERS))
                probes_answered = 1
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.3)
        load = Load(base, paths, args.clients, args.timeout)
        load.start()
        time.sleep(5)
        print(f"{args.baseline:.0f} s of searching with no import…", file=sys.stderr)
        baseline_started = time.monotonic()
        time.sleep(args.baseline)
        baseline_ended = time.monotonic()
        print(f"Importing {args.rows:,} rows while {args.clients} clients search…", file=sys.stderr)
        import_started = time.monotonic()
        result = subprocess.run(
            [sys.executable, str(project / "manage.py"), "import_services", str(csv_path),
             "--publish", "--no-progress"],
            cwd=project, env=env, capture_output=True, text=True,
        )  # fmt: skip
        import_ended = time.monotonic()
        time.sleep(3)
        load.finish()
        time.sleep(15)  # the workers' search-log threads write what they hold
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    after = log_rows(project, env)

    answered = probes_answered + sum(1 for _, code, _ in load.results if code == 200)
    seconds = import_ended - import_started
    vendor = "postgresql" if database_url.startswith("postgres") else "sqlite"
    print(f"\nSearch during an import of {args.rows:,} rows ({vendor}, {project.name}):")
    print(f"import: {seconds:.1f} s, exit {result.returncode}: "
          f"{(result.stdout or result.stderr).strip().splitlines()[-1][:160]}")  # fmt: skip
    for label, start, end in (
        ("with no import", baseline_started, baseline_ended),
        ("while importing", import_started, import_ended),
    ):
        window = [r for r in load.results if start <= r[0] <= end]
        latencies = [seconds for _, code, seconds in window if code == 200]
        failures = sum(1 for _, code, took in window if code != 200 or took > args.timeout)
        print(
            f"searches {label}: {len(window):,} ({len(window) / (end - start):.1f}/s), "
            f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
            f"slowest {max(latencies, default=0) * 1000:.0f} ms, failures {failures}"
        )
    print(
        f"search-log rows lost: {answered - (after - before):,} of {answered:,} answered searches"
    )


if __name__ == "__main__":
    main()
