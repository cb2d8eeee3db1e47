"""The map libraries load only when a map is shown: the results page downloads Leaflet and
markercluster when "Show map" is pressed, a service page downloads Leaflet when its map comes
near the screen."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders

from .pages import MAP_LIBRARIES, SEARCH_RESULTS, first_search_result, visit

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _needs_map_libraries() -> None:
    if not all(finders.find(path) for path in MAP_LIBRARIES):
        pytest.skip("needs the map libraries from npm in static/vendor/: run `make assets`")


def map_files(requested: list[str]) -> list[str]:
    return sorted({url.rsplit("/", 1)[1] for url in requested if "/static/vendor/" in url})


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_results_page_loads_the_map_only_when_shown(page, site_url, viewport):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    visit(SEARCH_RESULTS)(site_url, page)
    page.wait_for_load_state("networkidle")
    assert map_files(requested) == []
    page.get_by_role("button", name="Show map").click()
    page.locator("#results-map .leaflet-marker-icon").first.wait_for(state="visible")
    loaded = map_files(requested)
    for name in ("leaflet.js", "leaflet.markercluster.js", "leaflet.css", "MarkerCluster.css"):
        assert name in loaded, loaded
    # Hidden and shown again: nothing loads twice.
    count = len(requested)
    page.get_by_role("button", name="Hide map").click()
    page.get_by_role("button", name="Show map").click()
    assert not [url for url in requested[count:] if "/static/" in url]


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_service_page_loads_leaflet_when_the_map_comes_near(page, site_url, viewport):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    first_search_result(site_url, page)
    page.wait_for_load_state("networkidle")
    assert map_files(requested) == []
    page.locator("#service-map").scroll_into_view_if_needed()
    page.locator("#service-map .leaflet-marker-icon").first.wait_for(state="visible")
    assert "leaflet.js" in map_files(requested)
    assert "leaflet.markercluster.js" not in map_files(requested)
