"""Load test: throughput, errors and latency of /api/search under wrk, and a worker's peak memory.

    .venv/bin/python bench/load_test.py --database-url sqlite:////tmp/x.sqlite3 \\
        [--elasticsearch URL] [--paths FILE] [--duration 60] [--connections 50] \\
        [--workers N] [--threads N] [--timeout 2] [--json out.json]

Serves the database given (build it first: `manage.py migrate`, `setup_site`, then `load_demo`
or `generate_services --count 10000`) with gunicorn and the production settings on a free
loopback port, as the deployed site runs behind its TLS proxy (DEBUG off, a random SECRET_KEY,
ALLOWED_HOSTS=127.0.0.1, `X-Forwarded-Proto: https` on every request, ELASTICSEARCH_URL only when
--elasticsearch is given). It waits until the site answers, checks which engine answers, warms up
for a few seconds, then runs

    wrk -t2 -c<connections> -d<duration>s --latency -s bench/wrk_paths.lua URL -- PATHS

which cycles through the request paths of --paths (one a line, such as
`/api/search?q=toddler&postcode=SE13`), or without it a mix of 200 searches built from the
database: its words, need and level slugs and postcode districts.

Prints, and with --json FILE writes: requests/s, requests, errors (responses other than 200
plus wrk's connect/read/write/timeout socket errors; a request over --timeout, 2 s as in wrk,
is a time-out and left out of the latencies), latency p50/p90/p99, gunicorn's workers and
threads, the peak memory (VmHWM) of its workers after the load, largest and mean, and the
workers' CPU time a request, which unlike requests/s hardly depends on what else the machine
runs. Every search writes a row to the search log; the failed log writes (the search still
answers) and worker time-outs are counted in gunicorn's log, whose last lines are printed when
anything went wrong.

gunicorn runs as deployed: gthread workers with gunicorn.conf.py's threads (4), two worker
processes per core this process may use (--workers, --threads to change them; --threads 1 runs
sync workers). With the search engine, a search waits on it for much of its time, and a
thread lets the worker's CPU serve another meanwhile; gthread workers also keep wrk's
connections open, where sync workers close each. 30 s runs at 10,000 services, the engine on
its own core and gunicorn and wrk on the other, 50 connections, requests/s, alternating runs
(night of 2026-12-07):

    sync 4        133.9, 133.2, 138.1      gthread 2 x 4   173.0, 189.9, 173.5
    gthread 3 x 4 135.4, 156.9, 154.2 (25 and 14 time-outs in two runs)

On the demo borough with the database engine, where a search is all CPU work in the worker
(SQLite answers from the page cache and, in WAL mode, the log row does not wait for the disk),
threads only take turns on the same cores. 15 s runs, 2 cores, requests/s (p99 ms), 2-4 runs
each (2026-11):

    sync 2        253-267 (263-297)     gthread 2 x 4   220-247 (364-477)
    sync 3        210-248 (247-573)     gthread 3 x 4   211-220 (592-694)
    sync 5        207-227 (265-390)     gthread 2 x 8   182 (718)

All without errors; a gthread worker peaks about 7 MB higher (160 against 153 MB).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import runpy
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import urlencode

from tqdm import tqdm

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))
WRK = "/usr/bin/wrk"
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk_paths.lua"
# What the TLS-terminating proxy in front of the deployed site adds; production trusts it
# (SECURE_PROXY_SSL_HEADER) and would otherwise redirect every plain-HTTP request to https.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
# See the module docstring: the threads a worker has as deployed.
DEFAULT_THREADS = int(runpy.run_path(str(PROJECT_ROOT / "gunicorn.conf.py"))["threads"])
WARM_UP_SECONDS = 5
# wrk's own default: a request slower than this is a time-out error, and its latency is left
# out of the percentiles.
DEFAULT_TIMEOUT = 2
START_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 30
LOG_TAIL_LINES = 40
SEARCH_LOG_FAILURE = "Could not write the search log"
WORKER_TIMEOUT = "WORKER TIMEOUT"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- the requests --------------------------------------------------------------------------


def setup_django(database_url: str) -> None:
    """Start Django on ``database_url`` in this process, to read the default mix from it."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()


def default_paths(count: int = 200, seed: int = 7) -> list[str]:
    """``count`` /api/search paths from what the (set-up) database holds: a fifth each of
    words; words and a postcode district; a need; a need, a level and a district; a level and
    a district. The same database and seed give the same paths."""
    from directory.geocoding import geocode_postcode, normalise_postcode, outward_code
    from directory.models import ServiceLocation, ServicePage
    from search.analysis import STOP_WORDS

    live = ServicePage.objects.live()
    needs = sorted(set(live.exclude(needs=None).values_list("needs__slug", flat=True)))
    levels = sorted(set(live.exclude(levels=None).values_list("levels__slug", flat=True)))
    titles = list(live.values_list("title", flat=True))
    postcodes = ServiceLocation.objects.filter(page__live=True).values_list("postcode", flat=True)
    districts: Counter[str] = Counter()
    for postcode in postcodes:
        with contextlib.suppress(ValueError):
            districts[outward_code(normalise_postcode(postcode, allow_outward=True))] += 1
    # The busiest districts the postcode table knows (an unknown one is a 400, not a search).
    places = [d for d, _ in districts.most_common(40) if geocode_postcode(d)][:20]
    title_words = [
        [word for word in re.findall(r"[a-z]+", title.lower()) if word not in STOP_WORDS]
        for title in titles
    ]
    common = Counter(word for words in title_words for word in words if len(word) > 3)
    single = [word for word, _ in common.most_common(40)]
    # Two neighbouring words from real titles, so most find something and a few relax.
    pairs = sorted(
        {" ".join(words[i : i + 2]) for words in title_words for i in range(len(words) - 1)}
    )
    if not (needs and levels and places and single):
        raise SystemExit(
            "The database has too few live services with needs, levels and known postcodes "
            "to build a mix; load one (load_demo, generate_services) or give --paths."
        )
    rng = random.Random(seed)

    def words() -> str:
        return rng.choice(pairs) if pairs and rng.random() < 0.3 else rng.choice(single)

    kinds = [
        lambda: {"q": words()},
        lambda: {"q": words(), "postcode": rng.choice(places)},
        lambda: {"need": rng.choice(needs)},
        lambda: {
            "need": rng.choice(needs),
            "level": rng.choice(levels),
            "postcode": rng.choice(places),
        },
        lambda: {"level": rng.choice(levels), "postcode": rng.choice(places)},
    ]
    return [f"/api/search?{urlencode(kinds[i % len(kinds)]())}" for i in range(count)]


def read_paths(path: Path) -> list[str]:
    paths = [line.strip() for line in path.read_text().splitlines()]
    paths = [line for line in paths if line and not line.startswith("#")]
    bad = [line for line in paths if not line.startswith("/")]
    if bad or not paths:
        raise SystemExit(f"{path}: give one request path a line, starting with /: {bad[:3]}")
    return paths


# -- gunicorn ------------------------------------------------------------------------------


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=PROXY_HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _log_tail(log_path: Path, lines: int = LOG_TAIL_LINES) -> str:
    return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])


@contextlib.contextmanager
def gunicorn(
    database_url: str,
    elasticsearch_url: str,
    workers: int,
    threads: int,
    log_path: Path,
    static_root: Path,
    environment: Mapping[str, str] | None = None,
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Serve the site on a free loopback port until the block ends, then stop gunicorn and
    everything it started, also on Ctrl+C or an exception. ``environment`` adds to or
    replaces the settings' variables, but not the database, engine or settings module."""
    port = free_port()
    # collectstatic's folder when there is one (HTML pages need its manifest); otherwise an empty
    # one: the API serves no static files, but WhiteNoise warns in the log without a folder.
    collected = Path(os.environ.get("STATIC_ROOT") or PROJECT_ROOT / "staticfiles")
    environment = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "false",
        "LOG_LEVEL": "INFO",
        "STATIC_ROOT": str(collected if collected.is_dir() else static_root),
        **(environment or {}),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url,
        "ELASTICSEARCH_URL": elasticsearch_url,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "info",
        # Its unix socket has one fixed path per user: two servers on a machine would clash.
        "--no-control-socket",
    ]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    else:
        command += ["--worker-class", "sync"]
    with log_path.open("ab") as log:
        # Its own process group, so Ctrl+C reaches us (and wrk) and we stop it in order.
        server = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield server, f"http://127.0.0.1:{port}"
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """gunicorn's graceful shutdown for the whole group, then SIGKILL for anything left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        server.wait(timeout=STOP_TIMEOUT_SECONDS)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    server.wait()


def wait_until_answering(server: subprocess.Popen, url: str, log_path: Path) -> tuple[int, bytes]:
    """The first answer from ``url`` (any HTTP status), once gunicorn and Django are up."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped while starting:\n{_log_tail(log_path)}")
        try:
            return _get(url, timeout=5)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer in {START_TIMEOUT_SECONDS} s")


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's child processes: its workers."""
    children: list[int] = []
    children_files = list(Path(f"/proc/{master}/task").glob("*/children"))
    for children_file in children_files:
        children += [int(pid) for pid in children_file.read_text().split()]
    if children_files:
        return sorted(children)
    # Kernels without /proc/<pid>/task/<tid>/children: find them by parent id instead.
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                children.append(int(stat.parent.name))
    return sorted(children)


def default_workers() -> int:
    """Two worker processes for each core gunicorn may run on (this process's cores when the
    load starts, which --engine-core in scale.py narrows)."""
    return 2 * len(os.sched_getaffinity(0))


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User plus system CPU time each process has used so far (gone processes are left out)."""
    ticks = os.sysconf("SC_CLK_TCK")
    used: dict[int, float] = {}
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            used[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return used


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident set size so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"/proc/{pid}/status has no VmHWM")


# -- wrk -----------------------------------------------------------------------------------


def run_wrk(
    url: str, paths_file: Path, duration: int, connections: int, timeout: int, label: str
) -> str:
    """wrk's whole output; a progress bar on stderr while it runs."""
    command = [
        WRK,
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={timeout}s",
        "--latency",
        "-s",
        str(WRK_SCRIPT),
        *[option for name, value in PROXY_HEADERS.items() for option in ("-H", f"{name}: {value}")],
        url,
        "--",
        str(paths_file),
    ]
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, text=True)
        try:
            with tqdm(
                total=duration,
                desc=label,
                bar_format="{desc}: {bar} {n}/{total} s",
                file=sys.stderr,
                leave=False,
            ) as bar:
                started = time.monotonic()
                while process.poll() is None:
                    time.sleep(0.5)
                    bar.n = min(duration, int(time.monotonic() - started))
                    bar.refresh()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        output.seek(0)
        text = output.read()
    if process.returncode != 0:
        raise RuntimeError(f"wrk failed ({process.returncode}):\n{text}")
    return text


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def parse_wrk(output: str) -> dict[str, float | int]:
    """The figures from wrk's report and from wrk_paths.lua's summary line."""
    summary = re.search(r"^wrk-paths: (.*)$", output, re.MULTILINE)
    rate = re.search(r"^Requests/sec:\s+([\d.,]+)", output, re.MULTILINE)
    if not (summary and rate):
        raise RuntimeError(f"Could not read wrk's output:\n{output}")
    fields = dict(item.split("=", 1) for item in summary.group(1).split())
    counts = {name: int(fields[name]) for name in fields if name != "statuses"}
    # "404:583,500:2": how many of each status other than 200.
    statuses = {
        f"status_{code}": int(count)
        for code, count in (item.split(":") for item in fields["statuses"].split(",") if item)
    }
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_total = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    if socket_total != sum(counts[k] for k in ("connect", "read", "write", "timeout")):
        raise RuntimeError(f"wrk's socket errors disagree with the script's:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    # wrk counts only 4xx/5xx; the script counts every status but 200, so it is never fewer.
    non_200 = max(counts["non200"], int(non_2xx.group(1)) if non_2xx else 0)
    return {
        "requests_per_second": _number(rate.group(1)),
        "requests": counts["requests"],
        "ok_responses": counts["ok"],
        "errors": non_200 + socket_total,
        "non_200_responses": non_200,
        "socket_errors": socket_total,
        "timeouts": counts["timeout"],
        "latency_p50_ms": counts["p50_us"] / 1000,
        "latency_p90_ms": counts["p90_us"] / 1000,
        "latency_p99_ms": counts["p99_us"] / 1000,
        "latency_max_ms": counts["max_us"] / 1000,
        **statuses,
    }


# -- the load test -------------------------------------------------------------------------


def _check_database(database_url: str) -> None:
    # dj-database-url would happily open an empty new SQLite file, and every search would 500.
    if database_url.startswith("sqlite:///"):
        # Relative to the folder gunicorn runs in (an absolute path stays as it is).
        path = PROJECT_ROOT / database_url.removeprefix("sqlite:///")
        if not path.is_file():
            raise SystemExit(f"No SQLite database at {path}: build it first (see --help).")


def _check_engine(
    path: str, status: int, body: bytes, elasticsearch_url: str, log_path: Path
) -> None:
    """Refuse to measure when the first path fails, or when the search API's answer comes
    from another engine than the one asked for (a down Elasticsearch makes the database
    answer, and the figures would lie)."""
    if status != 200:
        raise RuntimeError(
            f"The first path answered {status}, not 200:\n{body[:500]!r}\n{_log_tail(log_path)}"
        )
    if not path.startswith("/api/search?"):
        return
    try:
        engine = json.loads(body)["engine"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"The first path is not a search API answer: {body[:200]!r}") from error
    wanted = "elasticsearch" if elasticsearch_url else "database"
    if engine != wanted:
        raise RuntimeError(f"The {engine} engine answered, not {wanted}:\n{_log_tail(log_path)}")


def run_load(
    database_url: str,
    elasticsearch_url: str,
    paths: list[str],
    duration: int = 60,
    connections: int = 50,
    workers: int | None = None,
    threads: int | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    log_path: Path | None = None,
    environment: Mapping[str, str] | None = None,
    engine_pid: int | None = None,
) -> dict[str, float | int]:
    """Serve ``database_url`` with gunicorn, load it with wrk cycling through ``paths`` for
    ``duration`` seconds on ``connections`` connections, and return the figures (see the
    module docstring). gunicorn's log goes to ``log_path`` (a temporary file by default);
    ``environment`` adds settings' variables (ELASTICSEARCH_INDEX, STATIC_ROOT, ...). With
    ``engine_pid`` (the search engine's process on this machine), the engine's CPU a request
    too: which side of the exchange held the rate back."""
    if not paths:
        raise ValueError("No request paths to load the site with")
    _check_database(database_url)
    workers = workers or default_workers()
    threads = threads or DEFAULT_THREADS
    own_log = log_path is None
    if log_path is None:
        log_path = Path(tempfile.mkstemp(prefix="load-test-gunicorn-", suffix=".log")[1])
    with tempfile.TemporaryDirectory(prefix="load-test-") as workdir:
        paths_file = Path(workdir) / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        static_root = Path(workdir) / "static"
        static_root.mkdir()
        with gunicorn(
            database_url, elasticsearch_url, workers, threads, log_path, static_root, environment
        ) as (server, url):
            status, body = wait_until_answering(server, url + paths[0], log_path)
            _check_engine(paths[0], status, body, elasticsearch_url, log_path)
            warm_up = min(WARM_UP_SECONDS, duration)
            run_wrk(url, paths_file, warm_up, connections, timeout, "warming up")
            started_workers = worker_pids(server.pid)
            cpu_before = cpu_seconds(started_workers)
            engine_before = cpu_seconds([engine_pid] if engine_pid else [])
            load_before = os.getloadavg()[0]
            started = time.monotonic()
            output = run_wrk(url, paths_file, duration, connections, timeout, "load")
            elapsed = time.monotonic() - started
            workers_now = worker_pids(server.pid)
            cpu_after = cpu_seconds(workers_now)
            engine_after = cpu_seconds([engine_pid] if engine_pid else [])
            peaks = [peak_memory_mb(pid) for pid in workers_now]
    figures = parse_wrk(output)
    # The workers' CPU per answer does not depend on what else the machine runs, unlike requests/s.
    worker_cpu = sum(cpu_after[pid] - cpu_before.get(pid, 0.0) for pid in cpu_after)
    log_text = log_path.read_text(errors="replace")
    figures.update(
        connections=connections,
        duration_s=duration,
        timeout_s=timeout,
        paths=len(paths),
        workers=workers,
        threads=threads,
        # A worker that was killed (time-out, crash) and replaced during the load.
        worker_restarts=len(set(workers_now) - set(started_workers)),
        worker_peak_mb_max=round(max(peaks), 1),
        worker_peak_mb_mean=round(statistics.mean(peaks), 1),
        worker_cpu_ms_per_request=round(1000 * worker_cpu / max(1, figures["requests"]), 2),
        # How many cores the workers kept busy on average: well under the machine's cores while
        # requests queue means something else had the CPU, and requests/s is understated.
        worker_cpu_cores=round(worker_cpu / elapsed, 2),
        # Above the number of cores, other work competed with the site for the CPU.
        load_average_before=round(load_before, 2),
        search_log_failures=log_text.count(SEARCH_LOG_FAILURE),
        worker_timeouts=log_text.count(WORKER_TIMEOUT),
    )
    if engine_pid and engine_pid in engine_before and engine_pid in engine_after:
        engine_cpu = engine_after[engine_pid] - engine_before[engine_pid]
        figures.update(
            engine_cpu_ms_per_request=round(1000 * engine_cpu / max(1, figures["requests"]), 2),
            engine_cpu_cores=round(engine_cpu / elapsed, 2),
        )
    if own_log and went_wrong(figures):
        print(f"gunicorn's log: {log_path}", file=sys.stderr)
    elif own_log:
        log_path.unlink()
    return figures


def went_wrong(figures: dict[str, float | int]) -> bool:
    """Errors, lost search-log rows or killed workers: gunicorn's log says more."""
    return bool(figures["errors"] or figures["search_log_failures"] or figures["worker_timeouts"])


def report(figures: dict[str, float | int], engine: str, log_path: Path) -> str:
    f = figures
    server = (
        f"{f['workers']} gthread workers x {f['threads']} threads"
        if f["threads"] > 1
        else f"{f['workers']} sync workers"
    )
    other_statuses = ", ".join(
        f"{name.removeprefix('status_')}: {count:,}"
        for name, count in f.items()
        if name.startswith("status_")
    )
    lines = [
        f"GET {f['paths']} paths in turn, {f['connections']} connections, "
        f"{f['duration_s']} s, gunicorn {server}, {engine} engine",
        f"  requests/s           {f['requests_per_second']:10.1f}",
        f"  requests             {f['requests']:10,}",
        f"  errors               {f['errors']:10,}   (not 200: {f['non_200_responses']:,}"
        f"{f' [{other_statuses}]' if other_statuses else ''}; "
        f"socket errors: {f['socket_errors']:,}, of which time-outs {f['timeouts']:,})",
        f"  latency p50          {f['latency_p50_ms']:10.1f} ms"
        + (f"   (of the answers within the {f['timeout_s']} s time-out)" if f["timeouts"] else ""),
        f"  latency p90          {f['latency_p90_ms']:10.1f} ms",
        f"  latency p99          {f['latency_p99_ms']:10.1f} ms",
        f"  worker peak memory   {f['worker_peak_mb_max']:10.1f} MB largest, "
        f"{f['worker_peak_mb_mean']:.1f} MB mean (VmHWM)",
        f"  worker CPU/request   {f['worker_cpu_ms_per_request']:10.1f} ms   (workers used "
        f"{f['worker_cpu_cores']} of {os.cpu_count()} cores; load average "
        f"{f['load_average_before']} before the load)",
        *(
            [
                f"  engine CPU/request   {f['engine_cpu_ms_per_request']:10.1f} ms   (the engine "
                f"used {f['engine_cpu_cores']} cores)"
            ]
            if "engine_cpu_ms_per_request" in f
            else []
        ),
        f"  search log failures  {f['search_log_failures']:10,}",
        f"  worker time-outs     {f['worker_timeouts']:10,}   (restarts: {f['worker_restarts']})",
        f"  gunicorn log         {log_path}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="A database that holds services.")
    parser.add_argument("--elasticsearch", default="", help="Search with this engine URL.")
    parser.add_argument("--paths", type=Path, help="Request paths, one a line.")
    parser.add_argument("--duration", type=int, default=60, help="Seconds of load (60).")
    parser.add_argument("--connections", type=int, default=50, help="Open connections (50).")
    parser.add_argument("--workers", type=int, help=f"gunicorn workers ({default_workers()}).")
    parser.add_argument(
        "--threads", type=int, help=f"Threads a worker; 1 runs sync workers ({DEFAULT_THREADS})."
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=DEFAULT_TIMEOUT,
        help=f"Seconds before wrk counts a request as timed out ({DEFAULT_TIMEOUT}).",
    )
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    arguments = parser.parse_args()
    # A plain `kill` stops gunicorn too, as Ctrl+C does: both unwind through run_load's finally.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    if arguments.paths:
        paths = read_paths(arguments.paths)
    else:
        _check_database(arguments.database_url)
        setup_django(arguments.database_url)
        paths = default_paths()
    log_path = Path(tempfile.mkstemp(prefix="load-test-gunicorn-", suffix=".log")[1])
    try:
        figures = run_load(
            arguments.database_url,
            arguments.elasticsearch,
            paths,
            duration=arguments.duration,
            connections=arguments.connections,
            workers=arguments.workers,
            threads=arguments.threads,
            timeout=arguments.timeout,
            log_path=log_path,
        )
    except RuntimeError as problem:  # the site or wrk failed: the message says how
        sys.exit(f"Load test stopped: {problem}")
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n")
    engine = "Elasticsearch/OpenSearch" if arguments.elasticsearch else "database"
    print(report(figures, engine, log_path))
    if went_wrong(figures):
        print(f"\nLast lines of gunicorn's log ({log_path}):\n{_log_tail(log_path)}")


if __name__ == "__main__":
    main()
