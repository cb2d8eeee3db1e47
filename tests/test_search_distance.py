"""search.distance gives geopy's great-circle miles, so both engines' distances agree."""

from __future__ import annotations

import random

import pytest
from django.db import connection
from geopy.distance import great_circle

from search.distance import miles_from
from search.engines.database import _miles
from search.models import SearchEntryLocation


def test_the_same_miles_as_geopy_across_england() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        origin = (rng.uniform(49.9, 55.9), rng.uniform(-5.8, 1.8))
        place = (origin[0] + rng.uniform(-2, 2), origin[1] + rng.uniform(-2, 2))
        assert miles_from(*origin)(*place) == pytest.approx(
            great_circle(origin, place).miles, abs=1e-9
        )


def test_known_distances() -> None:
    london, leeds = (51.5074, -0.1278), (53.7965, -1.5478)
    assert miles_from(*london)(*leeds) == pytest.approx(169.0, abs=0.5)
    assert miles_from(*london)(*london) == 0


@pytest.mark.django_db
def test_the_database_engine_measures_the_same_miles_in_sql(make_service) -> None:
    # To the last bit on SQLite, so a place at the radius is inside or outside on both sides;
    # PostgreSQL's functions may round the last digit differently.
    rng = random.Random(7)
    places = [(rng.uniform(49.9, 55.9), rng.uniform(-5.8, 1.8)) for _ in range(40)]
    make_service(
        locations=[
            {"name": f"{i}", "latitude": a, "longitude": b} for i, (a, b) in enumerate(places)
        ]
    )
    for origin in places[:5]:
        measured = SearchEntryLocation.objects.annotate(miles=_miles(*origin)).values_list(
            "latitude", "longitude", "miles"
        )
        assert len(measured) == len(places)
        for latitude, longitude, miles in measured:
            expected = miles_from(*origin)(latitude, longitude)
            if connection.vendor == "sqlite":
                assert miles == expected
            else:
                assert miles == pytest.approx(expected, rel=1e-12)
