"""The area a directory serves, worked out from its own services' locations.

A place is outside it when no service has a location within the search's radius (or a few
miles, whichever is more), or when it is a postcode we cannot place at all (the postcode table
holds at least the area served). Search then says so, keeps the services available across the
area and online, and does not widen the radius into somewhere else's services.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .distance import bounding_box, miles_from
from .models import IndexGeneration, SearchEntryLocation

if TYPE_CHECKING:
    from .query import SearchQuery

# A place further than this from every service's location is outside the area served.
SERVED_MARGIN_MILES = 5.0
FIRST_LOOK = 50


def is_outside(latitude: float, longitude: float, radius: float) -> bool:
    """Whether no service has a location within ``radius`` (or the margin) of this place. A
    directory with no located services has no edge.

    Asked by every search from a place, so answers are kept in memory for the index's
    generation: the services' locations change only with a write that moves it."""
    return _is_outside_at(
        *IndexGeneration.current(), latitude, longitude, max(radius, SERVED_MARGIN_MILES)
    )


@lru_cache(maxsize=4096)
def _is_outside_at(
    generation: int, token: str, latitude: float, longitude: float, reach: float
) -> bool:
    latitudes, longitudes = bounding_box(latitude, longitude, reach)
    near = SearchEntryLocation.objects.filter(
        latitude__range=latitudes, longitude__range=longitudes
    ).values_list("latitude", "longitude")
    miles_to = miles_from(latitude, longitude)
    # Near a big town the box holds thousands of locations; nearly always one of the first few
    # is within reach (the circle fills most of its box), so read the rest only if not.
    first = near[:FIRST_LOOK]
    if any(miles_to(lat, lng) <= reach for lat, lng in first):
        return False
    if len(first) == FIRST_LOOK and any(
        miles_to(lat, lng) <= reach for lat, lng in near[FIRST_LOOK:]
    ):
        return False
    return SearchEntryLocation.objects.exists()


def is_outside_area(query: SearchQuery) -> bool:
    """Whether the search's place is outside the area the directory serves."""
    if query.place_unknown:
        return True
    if query.latitude is None or query.longitude is None:
        return False
    return is_outside(query.latitude, query.longitude, query.radius)
