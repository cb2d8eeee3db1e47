"""Great-circle distances in miles, fast enough to measure thousands of places per search.

The same formula and earth radius as geopy's ``great_circle`` (so the same answers, which the
tests check), with the origin's trigonometry worked out once instead of building two geopy
``Point`` objects per place: at 5,000 places a search that was most of its time.
"""

from __future__ import annotations

from collections.abc import Callable
from math import atan2, cos, radians, sin, sqrt

from geopy.distance import EARTH_RADIUS
from geopy.units import miles as to_miles

EARTH_RADIUS_MILES = to_miles(kilometers=EARTH_RADIUS)


def miles_from(latitude: float, longitude: float) -> Callable[[float, float], float]:
    """A function giving the great-circle miles from this origin to (latitude, longitude)."""
    lat1, lng1 = radians(latitude), radians(longitude)
    sin_lat1, cos_lat1 = sin(lat1), cos(lat1)

    def miles_to(latitude: float, longitude: float) -> float:
        lat2 = radians(latitude)
        sin_lat2, cos_lat2 = sin(lat2), cos(lat2)
        delta_lng = radians(longitude) - lng1
        cos_delta_lng, sin_delta_lng = cos(delta_lng), sin(delta_lng)
        angle = atan2(
            sqrt(
                (cos_lat2 * sin_delta_lng) ** 2
                + (cos_lat1 * sin_lat2 - sin_lat1 * cos_lat2 * cos_delta_lng) ** 2
            ),
            sin_lat1 * sin_lat2 + cos_lat1 * cos_lat2 * cos_delta_lng,
        )
        return EARTH_RADIUS_MILES * angle

    return miles_to
