"""Feeds we have never seen: North Lincolnshire's real records (v1) and the same records in
v3's shape, each broken in ways real feeds break (a value of the wrong type, a list where an
object belongs and the reverse, a field missing, blank, enormous or hostile), many times over
with fixed seeds. Whatever arrives, the import never raises: every record is imported or listed
with its reason, and a second import of the same feed changes nothing.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from directory.models import ServicePage
from exchange.openreferral.feed_versions import as_v3
from exchange.openreferral.importing import import_services

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"
FEED = DATA / "openreferral-v1" / "north-lincolnshire-services.json"
ODD_VALUES: list[Any] = [
    None, "", "   ", "\u00a0", 0, -1, 1.5, True, [], {}, "x" * 5000, "<script>alert(1)</script>",
    "2024-13-45", "not a url", 10**30, -(10**30), "null", ["a", 1, None], {"id": None},
]  # fmt: skip


def _places(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path to a value inside a record (dict keys and list positions)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            found += _places(item, (*path, position))
    return found


def _mangle(record: dict[str, Any], rng: random.Random, times: int) -> dict[str, Any]:
    record = copy.deepcopy(record)
    for _ in range(times):
        places = _places(record)
        if not places:
            break
        *parents, last = rng.choice(places)
        holder = record
        for step in parents:
            holder = holder[step]
        current = holder[last]
        choice = rng.random()
        if choice < 0.15 and isinstance(holder, dict) and last != "id":
            del holder[last]
        elif choice < 0.3 and isinstance(current, dict):
            holder[last] = [current]  # an object given as a list of one
        elif choice < 0.45 and isinstance(current, list):
            holder[last] = current[0] if current else {}  # a list given as its first item
        elif choice < 0.55 and not isinstance(current, (dict, list)):
            holder[last] = str(current)  # numbers and booleans as text
        else:
            holder[last] = copy.deepcopy(rng.choice(ODD_VALUES))
    return record


def _feed(shape: str, seed: int, size: int = 60) -> list[Any]:
    records = json.loads(FEED.read_text())
    rng = random.Random(seed)
    chosen = rng.sample(records, size)
    if shape == "v3":
        chosen = [as_v3(record) for record in chosen]
    mangled: list[Any] = [_mangle(record, rng, rng.randint(1, 6)) for record in chosen]
    # And whole records that are not records at all.
    mangled += [None, "a service", 42, [chosen[0]], {}]
    return mangled


@pytest.mark.parametrize("shape", ["v1", "v3"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_mangled_feed_is_imported_record_by_record_without_a_traceback(
    site_structure, postcodes, shape, seed
) -> None:
    feed = _feed(shape, seed)
    report = import_services(copy.deepcopy(feed), publish=True)
    # Every record is accounted for: imported, or listed with its reason.
    assert len(report.created) + report.bad_records == len(feed), report.lines()[:30]
    assert report.bad_records >= 5  # at least the five that are not records
    for error in report.errors:
        assert error.path.startswith("$") and error.message
    # Most damage is repaired or dropped with a warning rather than losing the service.
    assert len(report.created) >= 0.5 * len(feed), report.lines()[:30]
    assert ServicePage.objects.count() == len(report.created)
    again = import_services(copy.deepcopy(feed), publish=True)
    assert not again.created and not again.updated, again.lines()[:30]
    assert len(again.unchanged) == len(report.created)
