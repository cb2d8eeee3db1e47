"""The scale benchmark: every figure of docs/performance.md, from one command.

    .venv/bin/python bench/scale.py                       # starts the project's OpenSearch node
    .venv/bin/python bench/scale.py --elasticsearch URL   # or uses yours
    .venv/bin/python bench/scale.py --quick               # small sizes, to try it in minutes
    .venv/bin/python bench/scale.py --at-10k              # /api/search at 10k on each engine
    .venv/bin/python bench/scale.py --at-10k --no-engine \\
        --database-url postgres://directory:directory@127.0.0.1:5433/bench_scale

(``make bench`` runs the first.) In a temporary folder it builds a SQLite database (or, with
``--database-url``, the PostgreSQL database named, dropped and created again: give it a name of
its own) with ``generate_services`` and grows it: 1k and 10k services for the database engine,
then 10k and 100k for the search engine. At each step it measures, ``--runs`` times after a
warm-up round:

* a fixed mix of 200 queries (bench/workload.py) through ``GET /api/search`` in Django's test
  client: the engine's own time for each request (``took``, read from the response's
  ``Server-Timing`` header) and the whole request, p50 and p95, and their ratio;
* the HTML results page for the same mix, at 10k;
* the bulk index rate into the engine (a full rebuild from the stored documents);

then, once each: 60 s of load on ``/api/search`` from wrk against gunicorn at 10k services (with
the peak memory of a gunicorn worker), and ``import_postcodes`` on a generated 1M-row file.

Each figure is printed with its median and spread (lowest to highest) over the runs, beside its
target, and written as JSON (``--json``, default bench/results/scale.json).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH.parent
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(BENCH))

from workload import KINDS, percentile, query_mix, summary  # noqa: E402

INDEX = "bench-services"


@dataclass
class Sizes:
    database: tuple[int, int]  # the database engine, on SQLite
    engine: tuple[int, int]  # the search engine
    load_seconds: int
    postcode_rows: int


FULL = Sizes(database=(1_000, 10_000), engine=(10_000, 100_000), load_seconds=60,
             postcode_rows=1_000_000)  # fmt: skip
QUICK = Sizes(database=(500, 2_000), engine=(2_000, 5_000), load_seconds=10,
              postcode_rows=100_000)  # fmt: skip


@dataclass
class Figure:
    name: str
    unit: str
    runs: list[float]
    target: str = ""
    met: bool | None = None

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, **summary(self.runs), "values": self.runs,
                "target": self.target, "met": self.met}  # fmt: skip


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    # Why a target was missed, in the benchmark's own figures.
    why_missed: list[str] = field(default_factory=list)

    def add(self, name: str, unit: str, runs: list[float], target: str = "",
            check: Callable[[float], bool] | None = None) -> Figure:  # fmt: skip
        figure = Figure(name, unit, runs, target)
        if check is not None:
            figure.met = check(summary(runs)["median"])
        self.figures.append(figure)
        print(f"  {_row(figure)}", flush=True)
        return figure

    def get(self, name: str) -> Figure:
        return next(figure for figure in self.figures if figure.name == name)


# -- set-up -----------------------------------------------------------------------------------


def setup_django(workdir: Path, database_url: str = "") -> dict[str, str]:
    """Production settings on a fresh database (SQLite in ``workdir``, or ``database_url``
    dropped and created again); returns the environment a gunicorn started later needs to
    serve the same site."""
    from bench.service_writer import fresh_database

    environment = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": fresh_database(database_url)
        if database_url
        else f"sqlite:///{workdir / 'db.sqlite3'}",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "ELASTICSEARCH_URL": "",
        "ELASTICSEARCH_INDEX": INDEX,
        # The engine's work, not its cache: the mix, repeated run after run, would otherwise be
        # answered from the shard request cache the site uses (docs/performance.md).
        "ELASTICSEARCH_REQUEST_CACHE": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "ERROR",
    }
    os.environ.update(environment)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=io.StringIO())
    call_command("collectstatic", "--noinput", verbosity=0)
    # Load the site as a gunicorn worker does (config.wsgi), start-up garbage-collector
    # settings included, so in-process timings match a served site.
    import config.wsgi  # noqa: F401

    return environment


def grow_to(total: int, seed: int) -> float:
    """Generate services until there are ``total``; returns services/s of the generation."""
    from demo.generation.bulk import generate_services
    from directory.models import ServicePage

    missing = total - ServicePage.objects.count()
    if missing <= 0:
        return 0.0
    print(f"Generating {missing:,} services (to {total:,})…", flush=True)
    started = time.perf_counter()
    generate_services(missing, seed, index=False)
    rate = missing / (time.perf_counter() - started)
    from search.indexing import rebuild_index

    rebuild_index(elasticsearch=False)  # the database engine's entries
    settle_tables()
    return rate


def settle_tables() -> None:
    """On PostgreSQL, VACUUM after the bulk load, as autovacuum does within a minute or two of
    one: until then no page is marked all-visible, so no index-only scan can be trusted, and
    searches measured straight after the load measure that minute, not the site."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")


@contextmanager
def engine(url: str) -> Iterator[None]:
    from django.test.utils import override_settings

    from search.engines import elastic_client, elastic_index

    with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX=INDEX):
        elastic_client.reset()
        try:
            yield
        finally:
            # A node given with --elasticsearch keeps running: leave it none of our indices
            # (100,000 services are 140 MB of its heap's and disk's).
            with contextlib.suppress(Exception):
                elastic_index.drop_all()
            elastic_client.reset()


def start_opensearch() -> tuple[str, Callable[[], None]]:
    script = PROJECT_ROOT / "scripts" / "opensearch.sh"
    url = subprocess.run([str(script), "start"], check=True, capture_output=True, text=True)
    return url.stdout.strip(), lambda: subprocess.run([str(script), "stop"], check=False)


# -- measurements -----------------------------------------------------------------------------


def server_timing(header: str) -> dict[str, float]:
    """{"engine": ms, "search": ms} from 'engine;dur=1.2;desc="...", search;dur=3'."""
    timings = {}
    for metric in header.split(","):
        name, *params = metric.strip().split(";")
        for param in params:
            if param.startswith("dur="):
                timings[name] = float(param.removeprefix("dur="))
    return timings


def _query_dict(params: dict[str, object]) -> Any:
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in params.items():
        query.setlist(key, [str(v) for v in (value if isinstance(value, list) else [value])])
    return query


def api_runs(mix: list[tuple[str, dict[str, object]]], runs: int, engine_name: str
             ) -> list[dict[str, Any]]:  # fmt: skip
    """Per run: every request's engine time and whole time, in ms, by kind of query."""
    from django.test import Client

    client = Client()
    measured = []
    for run in range(runs + 1):  # run 0 warms caches and is not kept
        took: dict[str, list[float]] = {kind: [] for kind in KINDS}
        round_trip: dict[str, list[float]] = {kind: [] for kind in KINDS}
        whole: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for kind, params in mix:
            started = time.perf_counter()
            response = client.get("/api/search", _query_dict(params))
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, response.content[:300]
            assert response.json()["engine"] == engine_name, response.json()["engine"]
            timings = server_timing(response["Server-Timing"])
            took[kind].append(timings["engine"])
            round_trip[kind].append(timings["round-trip"])
            whole[kind].append(elapsed)
        if run:
            measured.append({"took": took, "round_trip": round_trip, "whole": whole})
    return measured


def page_runs(mix: list[tuple[str, dict[str, object]]], runs: int) -> list[list[float]]:
    from django.test import Client

    client = Client()
    measured = []
    for run in range(runs + 1):
        times = []
        for _, params in mix:
            started = time.perf_counter()
            response = client.get("/search/", _query_dict(params))
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        if run:
            measured.append(times)
    return measured


def record_api(results: Results, label: str, measured: list[dict[str, Any]], *,
               targets: bool) -> None:  # fmt: skip
    def every(run: dict[str, Any], key: str) -> list[float]:
        return [value for values in run[key].values() for value in values]

    took50 = [percentile(every(run, "took"), 0.5) for run in measured]
    took95 = [percentile(every(run, "took"), 0.95) for run in measured]
    whole50 = [percentile(every(run, "whole"), 0.5) for run in measured]
    whole95 = [percentile(every(run, "whole"), 0.95) for run in measured]
    results.add(f"{label}: engine took p50", "ms", took50)
    results.add(f"{label}: engine took p95", "ms", took95)
    results.add(f"{label}: /api/search p50", "ms", whole50)
    results.add(
        f"{label}: /api/search p95", "ms", whole95,
        *(("<= 50 ms", lambda v: v <= 50) if targets else ()),
    )  # fmt: skip
    ratio = results.add(
        f"{label}: /api/search p50 / took p50", "x",
        [w / t if t else float("inf") for w, t in zip(whole50, took50, strict=True)],
        *(("<= 1.3", lambda v: v <= 1.3) if targets else ()),
    )  # fmt: skip
    # Where the time beyond "took" goes, request by request: the exchange with the engine
    # (the request built, sent, answered and read back) and the site's own work around it.
    exchange = results.add(f"{label}: p50 beyond took: exchange", "ms", [
        percentile(differences(run, "round_trip", "took"), 0.5) for run in measured])  # fmt: skip
    django = results.add(f"{label}: p50 beyond took: the site's", "ms", [
        percentile(differences(run, "whole", "round_trip"), 0.5) for run in measured])  # fmt: skip
    if ratio.met is False:
        results.why_missed.append(why_ratio_missed(label, summary(took50)["median"],
                                                   summary(exchange.runs)["median"],
                                                   summary(django.runs)["median"]))  # fmt: skip
    results.detail[label] = {
        kind: {
            "took_p50": summary([percentile(run["took"][kind], 0.5) for run in measured]),
            "took_p95": summary([percentile(run["took"][kind], 0.95) for run in measured]),
            "api_p50": summary([percentile(run["whole"][kind], 0.5) for run in measured]),
            "api_p95": summary([percentile(run["whole"][kind], 0.95) for run in measured]),
        }
        for kind in KINDS
    }
    print(f"  {'by kind (medians, ms)':<30} {'took p50':>9} {'took p95':>9} {'api p50':>9} "
          f"{'api p95':>9}")  # fmt: skip
    keys = ("took_p50", "took_p95", "api_p50", "api_p95")
    for kind, stats in results.detail[label].items():
        print(f"  {kind:<30} " + " ".join(f"{stats[key]['median']:>9.1f}" for key in keys))


def differences(run: dict[str, Any], longer: str, shorter: str) -> list[float]:
    """Each request's ``longer`` time less its ``shorter`` one."""
    return [
        whole - part
        for kind in run[longer]
        for whole, part in zip(run[longer][kind], run[shorter][kind], strict=True)
    ]


def why_ratio_missed(label: str, took: float, exchange: float, django: float) -> str:
    allowed = 0.3 * took
    return (
        f"{label}: /api/search p50 <= 1.3 x took p50 leaves {allowed:.1f} ms beyond the engine's "
        f"{took:.1f} ms. The exchange with the engine alone takes {exchange:.1f} ms at p50 (HTTP "
        f"and JSON on both sides; `took` leaves out the engine's reading of the request and "
        f"writing of the answer), and the site's own work {django:.1f} ms (reading the words, "
        f"building the request, the results' JSON, middleware)."
    )


def index_rate(runs: int) -> list[float]:
    """Services/s of full rebuilds of the engine's index from the stored documents."""
    from search.engines import elastic_index
    from search.indexing import _stored_documents
    from search.models import SearchEntry

    count = SearchEntry.objects.count()
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        _, indexed = elastic_index.rebuild(_stored_documents(), elastic_index.version_now())
        rates.append(indexed / (time.perf_counter() - started))
        assert indexed == count, (indexed, count)
    return rates


def postcode_import(rows: int, runs: int) -> list[float]:
    rates = []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                [sys.executable, str(BENCH / "import_postcodes.py"), "--rows", str(rows),
                 "--json", out.name],
                check=True, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
            )  # fmt: skip
            rates.append(json.loads(Path(out.name).read_text())["rows_per_second"])
    return rates


# -- the run ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--elasticsearch", default="", help="Engine URL (default: start one).")
    parser.add_argument("--no-engine", action="store_true", help="Database engine only.")
    parser.add_argument("--quick", action="store_true", help="Small sizes, short load.")
    parser.add_argument("--runs", type=int, default=3, help="Repeated runs per figure.")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-postcodes", action="store_true")
    parser.add_argument("--json", type=Path, default=BENCH / "results" / "scale.json")
    parser.add_argument(
        "--database-url",
        default="",
        help="A PostgreSQL database to build (dropped and created again; default: SQLite in a "
        "temporary folder).",
    )
    parser.add_argument(
        "--engine-core",
        type=int,
        default=None,
        help="For the load test, pin the project's OpenSearch node (scripts/opensearch.sh) to "
        "this CPU core and gunicorn and wrk to the others (default: all share every core).",
    )
    parser.add_argument(
        "--at-10k",
        action="store_true",
        help="Only /api/search at 10k services on each engine (no load, no postcodes): the "
        "figures a change to search's hot path must not slow by more than 10 %%.",
    )
    args = parser.parse_args()
    if args.at_10k:
        args.skip_load = args.skip_postcodes = True
    sizes = QUICK if args.quick else FULL

    workdir = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    stop_engine: Callable[[], None] = lambda: None  # noqa: E731
    results = Results()
    started = time.monotonic()
    try:
        environment = setup_django(workdir, args.database_url)
        from directory.models import Postcode

        url = args.elasticsearch
        if not url and not args.no_engine:
            url, stop_engine = start_opensearch()
        run_all(results, sizes, args, url, environment, Postcode)
    finally:
        stop_engine()
        shutil.rmtree(workdir, ignore_errors=True)
    report(results, sizes, args, time.monotonic() - started)


def run_all(results: Results, sizes: Sizes, args: argparse.Namespace, url: str,
            environment: dict[str, str], postcode_model: Any) -> None:  # fmt: skip
    runs = args.runs
    small, medium = sizes.database
    steps = ((medium, 2),) if args.at_10k else ((small, 1), (medium, 2))
    for size, seed in steps:
        grow_to(size, seed)
        mix = query_mix(_postcodes(postcode_model))
        print(f"Database engine at {size:,} services…", flush=True)
        record_api(results, f"database, {size:,}", api_runs(mix, runs, "database"),
                   targets=False)  # fmt: skip
        p95 = results.get(f"database, {size:,}: /api/search p95")
        if size == medium:
            p95.target, p95.met = "<= 100 ms", summary(p95.runs)["median"] <= 100
            pages = page_runs(mix, runs)
            results.add(f"database, {size:,}: results page p50", "ms",
                        [percentile(times, 0.5) for times in pages])  # fmt: skip
            results.add(f"database, {size:,}: results page p95", "ms",
                        [percentile(times, 0.95) for times in pages])  # fmt: skip

    if not url:
        return
    first, second = sizes.engine
    steps = ((first, 3),) if args.at_10k else ((first, 3), (second, 4))
    for size, seed in steps:
        rate = grow_to(size, seed)
        if rate:
            results.add(f"generate_services to {size:,}", "services/s", [rate])
        mix = query_mix(_postcodes(postcode_model))
        with engine(url):
            print(f"Search engine at {size:,} services…", flush=True)
            results.add(f"engine, {size:,}: bulk index rate", "services/s", index_rate(runs),
                        ">= 3,000", lambda v: v >= 3000)  # fmt: skip
            record_api(results, f"engine, {size:,}", api_runs(mix, runs, "elasticsearch"),
                       targets=size == second)  # fmt: skip
            if size == first:
                pages = page_runs(mix, runs)
                results.add(f"engine, {size:,}: results page p50", "ms",
                            [percentile(times, 0.5) for times in pages])  # fmt: skip
                results.add(f"engine, {size:,}: results page p95", "ms",
                            [percentile(times, 0.95) for times in pages])  # fmt: skip
                if not args.skip_load:
                    with engine_on_its_own_core(args.engine_core):
                        load(results, mix, size, url, environment, sizes.load_seconds)
                    results.detail["load"]["engine_core"] = args.engine_core

    if not args.skip_postcodes:
        print(f"import_postcodes on {sizes.postcode_rows:,} rows…", flush=True)
        rates = postcode_import(sizes.postcode_rows, runs)
        results.add("import_postcodes", "rows/s", rates, ">= 14,445 (2.6M in 3 min)",
                    lambda v: v * 180 >= 2_600_000)  # fmt: skip


def project_engine_pid() -> int | None:
    """The process id of the project's OpenSearch node (scripts/opensearch.sh), if running."""
    script = PROJECT_ROOT / "scripts" / "opensearch.sh"
    found = subprocess.run([str(script), "pid"], capture_output=True, text=True)
    return int(found.stdout) if found.returncode == 0 and found.stdout.strip().isdigit() else None


@contextmanager
def engine_on_its_own_core(core: int | None) -> Iterator[None]:
    """With a core given: the engine's every thread on that core, and this process (so the
    gunicorn and wrk it starts) on the others, until the block ends."""
    if core is None:
        yield
        return
    engine = project_engine_pid()
    if engine is None:
        raise SystemExit("--engine-core needs the project's node (scripts/opensearch.sh)")
    every = os.sched_getaffinity(0)
    if core not in every or len(every) < 2:
        raise SystemExit(f"--engine-core {core}: this machine's cores are {sorted(every)}")
    threads = [int(tid) for tid in os.listdir(f"/proc/{engine}/task")]
    engine_before = os.sched_getaffinity(engine)
    for tid in threads:
        os.sched_setaffinity(tid, {core})
    os.sched_setaffinity(0, every - {core})
    print(f"  the engine (pid {engine}) on core {core}; gunicorn and wrk on "
          f"{sorted(every - {core})}", flush=True)  # fmt: skip
    try:
        yield
    finally:
        os.sched_setaffinity(0, every)
        for tid in os.listdir(f"/proc/{engine}/task"):
            with contextlib.suppress(OSError):
                os.sched_setaffinity(int(tid), engine_before)


def load(results: Results, mix: list[tuple[str, dict[str, object]]], size: int, url: str,
         environment: dict[str, str], seconds: int) -> None:  # fmt: skip
    from load_test import run_load

    paths = [f"/api/search?{_query_dict(params).urlencode()}" for _, params in mix]
    print(f"Load: {seconds} s, 50 connections, at {size:,} services…", flush=True)
    # gunicorn as deployed (gunicorn.conf.py's gthread workers), two workers for each core it
    # has: with --engine-core, the cores left to it (load_test.default_workers).
    figures = run_load(environment["DATABASE_URL"], url, paths, duration=seconds,
                       connections=50, environment=environment,
                       engine_pid=project_engine_pid())  # fmt: skip
    results.detail["load"] = figures
    throughput = results.add(f"load, {size:,}: /api/search throughput", "requests/s",
                             [figures["requests_per_second"]], ">= 200",
                             lambda v: v >= 200)  # fmt: skip
    results.add(f"load, {size:,}: gunicorn workers' CPU a request", "ms",
                [figures["worker_cpu_ms_per_request"]])  # fmt: skip
    if throughput.met is False:
        results.why_missed.append(why_load_missed(size, figures))
    results.add(f"load, {size:,}: errors", "requests", [figures["errors"]], "0",
                lambda v: v == 0)  # fmt: skip
    results.add(f"load, {size:,}: latency p99", "ms", [figures["latency_p99_ms"]])
    results.add("gunicorn worker peak memory after load", "MB", [figures["worker_peak_mb_max"]])


def why_load_missed(size: int, figures: dict[str, Any]) -> str:
    cpu_ms, cores = figures["worker_cpu_ms_per_request"], figures["worker_cpu_cores"]
    text = (
        f"load, {size:,}: gunicorn's workers used {cpu_ms:.1f} ms of CPU a request and kept "
        f"{cores:.2f} cores busy. 200/s needs {200 * cpu_ms / 1000:.2f} cores for the workers "
        f"at that cost."
    )
    if "engine_cpu_ms_per_request" in figures:
        engine_ms, engine_cores = (
            figures["engine_cpu_ms_per_request"], figures["engine_cpu_cores"])  # fmt: skip
        text += (
            f" The engine used {engine_ms:.1f} ms of CPU a request and kept {engine_cores:.2f} "
            f"cores busy; 200/s needs {200 * engine_ms / 1000:.2f} cores for it."
        )
    return text


def _postcodes(postcode_model: Any) -> list[str]:
    """Postcodes and districts of the generated locations, in a fixed order."""
    codes = list(postcode_model.objects.order_by("postcode").values_list("postcode", flat=True))
    step = max(1, len(codes) // 100)
    chosen = codes[::step][:100]
    return chosen + sorted({code.split()[0] for code in chosen})


# -- output -----------------------------------------------------------------------------------


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def _row(figure: Figure) -> str:
    stats = summary(figure.runs)
    spread = f"{_number(stats['min'])}–{_number(stats['max'])}" if stats["runs"] > 1 else "one run"
    met = {True: "met", False: "MISSED", None: ""}[figure.met]
    return (f"{figure.name:<48} {_number(stats['median']):>10} {figure.unit:<11} {spread:<17} "
            f"{figure.target:<26} {met}")  # fmt: skip


def machine() -> dict[str, Any]:
    cpu = ""
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory_kb = int(info.readline().split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def report(results: Results, sizes: Sizes, args: argparse.Namespace, seconds: float) -> None:
    print()
    print(f"{'figure':<48} {'median':>10} {'unit':<11} {'spread (min–max)':<17} "
          f"{'target':<26}")  # fmt: skip
    for figure in results.figures:
        print(_row(figure))
    if results.why_missed:
        print("\nWhy targets were missed:")
        for reason in results.why_missed:
            print(f"- {reason}")
    about = machine()
    from django.db import connection

    print(f"\nDatabase: {connection.vendor}.")
    print(f"{args.runs} runs per figure after a warm-up; {about['cores']} cores "
          f"({about['cpu']}), {about['memory_gb']} GB; took {seconds / 60:.1f} min.")  # fmt: skip
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                "machine": about,
                "database": connection.vendor,
                "sizes": sizes.__dict__,
                "runs": args.runs,
                "command": " ".join([Path(sys.executable).name, *sys.argv]),
                "minutes": round(seconds / 60, 1),
                "figures": [figure.as_json() for figure in results.figures],
                "detail": results.detail,
                "why_missed": results.why_missed,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"Written to {args.json}")


if __name__ == "__main__":
    main()
