"""Overdue listings rank below current ones, on both engines.

"Overdue" is judged on the day of the search (never reviewed, or due before today), not on the
day the service was indexed. Sorting by name stays alphabetical.
"""

from __future__ import annotations

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone
from geopy.distance import great_circle

from directory.models.services import add_months
from search.query import parse_search_query
from search.runner import run_search

pytestmark = pytest.mark.django_db

ORIGIN = (51.45, -0.01)
NEAR_ORIGIN = f"lat={ORIGIN[0]}&lng={ORIGIN[1]}"


def names(querystring: str, engine_name: str) -> list[str]:
    outcome = run_search(parse_search_query(QueryDict(querystring)), log=False)
    assert outcome.engine == engine_name and not outcome.fell_back
    return [hit.document["name"] for hit in outcome.results.hits]


def located(miles: float) -> list[dict]:
    point = great_circle(miles=miles).destination(ORIGIN, 0)
    return [{"name": "Hub", "latitude": point.latitude, "longitude": point.longitude}]


def reviewed_days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def test_overdue_listings_rank_below_current_ones_by_relevance(engine_name, make_service):
    # The overdue ones match the words better (in their names) but still come last.
    make_service(title="Toddler group", summary="Songs.", last_reviewed=reviewed_days_ago(400))
    make_service(title="Toddler time", summary="Stories.", last_reviewed=None)
    make_service(title="Messy play", summary="Paint and sand for toddlers.")
    make_service(title="Baby massage", summary="Calm touch for toddlers too.")
    found = names("q=toddler", engine_name)
    # Engines may rank within each group differently; the groups' order is the same.
    assert set(found[:2]) == {"Baby massage", "Messy play"}
    assert set(found[2:]) == {"Toddler group", "Toddler time"}
    # Without words, relevance is a tie: current ones first, then by name.
    assert names("", engine_name) == ["Baby massage", "Messy play", "Toddler group", "Toddler time"]


def test_overdue_listings_rank_below_current_ones_by_distance(engine_name, make_service):
    make_service(title="Near but stale", locations=located(0.2), last_reviewed=None)
    make_service(
        title="Nearest but stale", locations=located(0.1), last_reviewed=reviewed_days_ago(400)
    )
    make_service(title="Far and current", locations=located(2.5))
    make_service(title="Middle and current", locations=located(1.0))
    make_service(title="Online and current", online=True, in_person=False)
    assert names(f"{NEAR_ORIGIN}&sort=distance", engine_name) == [
        "Middle and current",
        "Far and current",
        "Online and current",
        "Nearest but stale",
        "Near but stale",
    ]


def test_sorting_by_name_stays_alphabetical(engine_name, make_service):
    make_service(title="Zebra club", locations=located(0.1))
    make_service(title="Aardvark club", locations=located(2), last_reviewed=None)
    make_service(title="Middle club", locations=located(1), last_reviewed=reviewed_days_ago(400))
    assert names("q=club&sort=name", engine_name) == ["Aardvark club", "Middle club", "Zebra club"]
    assert names(f"{NEAR_ORIGIN}&sort=name", engine_name) == [
        "Aardvark club",
        "Middle club",
        "Zebra club",
    ]


def test_overdue_is_judged_on_the_day_of_the_search(engine_name, make_service, monkeypatch):
    """A listing due tomorrow is current today and overdue the day after: no reindexing."""
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    make_service(title="Alpha due tomorrow", last_reviewed=add_months(tomorrow, -12))
    make_service(title="Beta current")
    assert names("", engine_name) == ["Alpha due tomorrow", "Beta current"]

    day_after = today + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day_after)
    assert names("", engine_name) == ["Beta current", "Alpha due tomorrow"]


def test_a_review_lifts_a_listing_back_up(engine_name, make_service, commissioner):
    from commissioning.reviews.actions import record_review

    stale = make_service(title="Alpha stale", last_reviewed=None)
    make_service(title="Beta current")
    assert names("", engine_name) == ["Beta current", "Alpha stale"]
    record_review(stale, commissioner)
    assert names("", engine_name) == ["Alpha stale", "Beta current"]
