"""search.distance gives geopy's great-circle miles, so both engines' distances agree."""

from __future__ import annotations

import random

import pytest
from geopy.distance import great_circle

from search.distance import miles_from


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
