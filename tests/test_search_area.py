"""The edge of the area served (search.area): a place is outside it when no service's location
is within reach, however many locations the bounding box around it holds."""

from __future__ import annotations

import pytest

from search.area import FIRST_LOOK, SERVED_MARGIN_MILES, is_outside
from search.distance import bounding_box, miles_from
from search.models import IndexGeneration, SearchEntry, SearchEntryLocation

ORIGIN = (51.4613, -0.0106)  # Lewisham


@pytest.fixture
def entry(make_service) -> SearchEntry:
    return SearchEntry.objects.get(page=make_service(title="Family hub"))


def _in_the_corners(count: int) -> list[tuple[float, float]]:
    """Places inside the box around ORIGIN but beyond the margin: near its four corners."""
    (south, north), (west, east) = bounding_box(*ORIGIN, SERVED_MARGIN_MILES)
    corners = [(south, west), (south, east), (north, west), (north, east)]
    places = []
    for number in range(count):
        corner_lat, corner_lng = corners[number % 4]
        share = 0.96 - (number // 4) * 0.001  # each a little way in from its corner
        places.append(
            (
                ORIGIN[0] + (corner_lat - ORIGIN[0]) * share,
                ORIGIN[1] + (corner_lng - ORIGIN[1]) * share,
            )
        )
    return places


def _locate(entry: SearchEntry, places: list[tuple[float, float]]) -> None:
    SearchEntryLocation.objects.filter(entry=entry).delete()
    SearchEntryLocation.objects.bulk_create(
        SearchEntryLocation(entry=entry, latitude=lat, longitude=lng) for lat, lng in places
    )
    IndexGeneration.bump()  # as the indexer does with every write of the entries


def test_a_box_full_of_places_beyond_reach_is_outside(entry):
    corners = _in_the_corners(FIRST_LOOK * 3)
    miles_to = miles_from(*ORIGIN)
    assert all(miles_to(*place) > SERVED_MARGIN_MILES for place in corners)
    _locate(entry, corners)
    assert is_outside(*ORIGIN, radius=1)


@pytest.mark.parametrize("position", ["first", "after the first look"])
def test_one_place_within_reach_among_many_beyond_it_is_inside(entry, position):
    corners = _in_the_corners(FIRST_LOOK * 3)
    near = (ORIGIN[0] + 0.01, ORIGIN[1] + 0.01)  # under a mile away
    _locate(entry, [near, *corners] if position == "first" else [*corners, near])
    assert not is_outside(*ORIGIN, radius=1)


def test_a_directory_with_no_located_services_has_no_edge(entry):
    _locate(entry, [])
    assert not is_outside(*ORIGIN, radius=1)


def test_a_place_outside_is_inside_once_a_service_opens_near_it(make_service, postcodes):
    """The answer is kept for the index's generation, which the new service's indexing moves."""
    far = {"name": "Leeds", "latitude": 53.7997, "longitude": -1.5492}
    make_service(title="Leeds family hub", locations=[far])
    assert is_outside(*ORIGIN, radius=1)
    make_service(title="Lewisham family hub", locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    assert not is_outside(*ORIGIN, radius=1)
