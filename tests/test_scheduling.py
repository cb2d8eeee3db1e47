"""The order test files are handed to the test processes (tests/scheduling.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from . import scheduling


@dataclass
class FakeItem:
    nodeid: str
    markers: tuple[str, ...] = ()

    def get_closest_marker(self, name: str):
        return name if name in self.markers else None


@dataclass
class FakeReport:
    nodeid: str
    duration: float
    user_properties: list = field(default_factory=list)


def test_longest_files_first_browser_tests_last_and_each_file_in_its_own_order(monkeypatch):
    monkeypatch.setattr(
        scheduling,
        "known_seconds",
        lambda: {
            "tests/test_short.py": 2.0,
            "tests/test_long.py": 80.0,
            "tests/browser/test_pages.py": 120.0,
            "tests/browser/test_keyboard.py": 7.0,
        },
    )
    items = [
        FakeItem("tests/browser/test_keyboard.py::test_a", ("browser",)),
        FakeItem("tests/test_short.py::test_b"),
        FakeItem("tests/browser/test_pages.py::test_c", ("browser",)),
        FakeItem("tests/test_long.py::test_d"),
        FakeItem("tests/test_new.py::test_e"),  # not timed yet: the median (43.5 s)
        FakeItem("tests/test_short.py::test_a"),
        FakeItem("tests/test_long.py::test_c"),
    ]
    scheduling.pytest_collection_modifyitems(config=None, items=items)
    assert [item.nodeid for item in items] == [
        "tests/test_long.py::test_d",
        "tests/test_long.py::test_c",
        "tests/test_new.py::test_e",
        "tests/test_short.py::test_b",
        "tests/test_short.py::test_a",
        "tests/browser/test_pages.py::test_c",
        "tests/browser/test_keyboard.py::test_a",
    ]


def test_without_a_record_the_collected_order_stands(monkeypatch):
    monkeypatch.setattr(scheduling, "known_seconds", dict)
    names = ["tests/test_z.py::t", "tests/test_a.py::t", "tests/browser/test_b.py::t"]
    items = [FakeItem(name, ("browser",) if "browser" in name else ()) for name in names]
    scheduling.pytest_collection_modifyitems(config=None, items=items)
    assert [item.nodeid for item in items] == names


def test_the_record_leaves_out_session_set_ups_and_failed_runs(tmp_path, monkeypatch):
    record = tmp_path / "file_seconds.json"
    monkeypatch.setattr(scheduling, "FILE_SECONDS", record)
    recorder = scheduling._Recorder()
    # The first test of a process also set up the test database and the demo: 30 s of its 31.
    setup = FakeReport("tests/test_a.py::one", 31.0, [(scheduling.SESSION_SETUP_PROPERTY, 30.0)])
    for report in (
        setup,
        FakeReport("tests/test_a.py::one", 2.5),
        FakeReport("tests/test_a.py::two", 0.5),
        FakeReport("tests/test_b.py::one", 4.0),
    ):
        recorder.pytest_runtest_logreport(report)

    recorder.pytest_sessionfinish(_failed(1))
    assert not record.exists()
    recorder.pytest_sessionfinish(_failed(0))
    assert json.loads(record.read_text()) == {"tests/test_a.py": 4.0, "tests/test_b.py": 4.0}


def _failed(count: int):
    class Session:
        testsfailed = count

    return Session()


def test_this_run_is_in_that_order(request):
    """The plugin is in use (tests/conftest.py): this session's browser tests come last."""
    assert request.config.pluginmanager.has_plugin("tests.scheduling")
    browser = [item.get_closest_marker("browser") is not None for item in request.session.items]
    assert browser == sorted(browser)
