"""The site's own processes, started by tests against the test database: background workers
(`manage.py db_worker`) and app servers (gunicorn), as production runs them.

They are separate processes with their own database connections, so they see only what a test
has committed: use them from tests marked ``@committed``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

# The test's writes are committed, for other processes to see; afterwards the tables are
# emptied and given back the rows every test starts with (tests/conftest.py: migrated_rows).
# Not Django's serialized_rollback: its copy of the rows is taken before the site's pages are
# made, so putting it back at the start of a test clashes with them.
committed = pytest.mark.django_db(transaction=True)


def database_url() -> str:
    """The test database as a DATABASE_URL, for another process to open."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    credentials = quote(settings["USER"] or "", safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{quote(settings['NAME'], safe='')}"


def process_env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "TEST_TASKS_BACKEND": "database",
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return env


def manage(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    """Run a management command in a process of its own; its output is returned."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=process_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_worker_until_idle(timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    """A worker that runs every task due, then stops (`db_worker --batch`)."""
    result = manage(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0",
        timeout=timeout, **env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@contextmanager
def running(args: list[str], ready: Callable[[], bool], *, timeout: float = 60, **env: str):
    """A process started with ``args`` in the repository, until the block ends; waits until
    ``ready()`` is true (or fails, with the process's output)."""
    log = (ROOT / "var").joinpath(f"process-{os.getpid()}-{time.monotonic_ns()}.log")
    log.parent.mkdir(exist_ok=True)
    with log.open("w+") as output:
        process = subprocess.Popen(
            args, cwd=ROOT, env=process_env(**env), stdout=output, stderr=subprocess.STDOUT
        )
        try:
            wait_for(ready, timeout, process, log)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    log.unlink(missing_ok=True)


def wait_for(
    condition: Callable[[], Any],
    timeout: float,
    process: subprocess.Popen | None = None,
    log: Path | None = None,
) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.1)
    output = log.read_text() if log else ""
    raise AssertionError(f"gave up waiting after {timeout} s\n{output[-4000:]}")


@contextmanager
def worker(**env: str) -> Iterator[subprocess.Popen]:
    """A running `manage.py db_worker`, ready once its heartbeat is in the database."""
    from background.worker import worker_alive

    args = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"]
    with running(args + ["--interval", "0.2"], worker_alive, **env) as process:
        yield process


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def app_servers(count: int, **env: str) -> Iterator[list[str]]:
    """``count`` gunicorn app servers (one worker process each) on the test database, as
    production runs them; yields their base URLs once each answers."""
    import requests

    with contextlib.ExitStack() as stack:
        urls = []
        for _ in range(count):
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            args = [
                sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                "--workers", "1", "--timeout", "60",
            ]  # fmt: skip

            def answers(url: str = url) -> bool:
                try:
                    return requests.get(f"{url}/my-list/", timeout=30).status_code == 200
                except requests.RequestException:
                    return False

            stack.enter_context(running(args, answers, **env))
            urls.append(url)
        yield urls
