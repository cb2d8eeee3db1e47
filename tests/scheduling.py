"""The order test files are handed to pytest-xdist's processes: longest first, browser tests last.

`make test` gives each test file whole to one process (``--dist loadfile``), in the order the
files come here. Run in the order they were written, the longest browser file (every page
with axe, two minutes) came last and one process ran it alone while the other sat idle. Handed
out longest first, the short files at the end even the processes up (the "longest processing
time first" rule).

The seconds come from ``file_seconds.json`` beside this file: each file's own time, without
the session's set-ups (the test database, the demo, the browser), which fall on whichever test
happens to come first. Refresh it with ``make postgres-test PYTEST_ARGS=--record-file-seconds``
(the whole suite on PostgreSQL and OpenSearch, CI's slower pass). A file not in it counts as
the median: the order only evens out the end of a run, and a wrong guess costs that, never a
test.

The browser tests still come after every other test of their process (tests/browser/conftest.py
says why), and each file keeps its own tests in pytest-django's order.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

import pytest

FILE_SECONDS = Path(__file__).with_name("file_seconds.json")
RECORD_OPTION = "--record-file-seconds"
# The session set-up time of a test's set-up, carried from its process to the one recording.
SESSION_SETUP_PROPERTY = "session_setup_seconds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        RECORD_OPTION,
        action="store_true",
        help=f"write each test file's seconds to {FILE_SECONDS.name}, for ordering the files",
    )


def file_of(item_or_report: pytest.Item | pytest.TestReport) -> str:
    return item_or_report.nodeid.split("::", 1)[0]


def known_seconds() -> dict[str, float]:
    try:
        return json.loads(FILE_SECONDS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """After pytest-django's order (tryfirst) and the browser folder's marks."""
    seconds = known_seconds()
    guess = statistics.median(seconds.values()) if seconds else 0.0

    def key(item: pytest.Item) -> tuple[bool, float]:
        return (item.get_closest_marker("browser") is not None, -seconds.get(file_of(item), guess))

    items.sort(key=key)  # stable: each file's tests keep their order


# -- recording -------------------------------------------------------------------------------


class _SessionSetups:
    """Time spent setting up session-scoped fixtures in this process since last asked."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def take(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


_session_setups = _SessionSetups()


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest):
    started = time.perf_counter()
    yield
    if fixturedef.scope == "session" and request.config.getoption(RECORD_OPTION):
        _session_setups.seconds += time.perf_counter() - started


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    if call.when == "setup" and item.config.getoption(RECORD_OPTION):
        report = outcome.get_result()
        report.user_properties.append((SESSION_SETUP_PROPERTY, _session_setups.take()))


class _Recorder:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        session_setup = dict(report.user_properties).get(SESSION_SETUP_PROPERTY, 0.0)
        self.seconds[file_of(report)] += max(0.0, report.duration - session_setup)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if session.testsfailed or not self.seconds:
            return  # a partial or failed run would mislead the next one
        ordered = dict(sorted(((name, round(s, 1)) for name, s in self.seconds.items())))
        FILE_SECONDS.write_text(json.dumps(ordered, indent=1) + "\n", encoding="utf-8")


def pytest_configure(config: pytest.Config) -> None:
    # Recorded where every report arrives: the controlling process (or the only one).
    if config.getoption(RECORD_OPTION) and not hasattr(config, "workerinput"):
        config.pluginmanager.register(_Recorder(), "file-seconds-recorder")
