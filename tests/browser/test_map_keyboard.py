"""The maps' markers with the keyboard: Enter opens the popup and moves focus into it, Escape
closes it and puts focus back on the marker (static/js/map-keyboard.js, used by both maps)."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders

from .pages import MAP_LIBRARIES, SEARCH_RESULTS, first_search_result, visit

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _needs_map_libraries() -> None:
    if not all(finders.find(path) for path in MAP_LIBRARIES):
        pytest.skip("needs the map libraries from npm in static/vendor/: run `make assets`")


def open_and_close_a_popup(page, map_selector: str) -> None:
    marker = page.locator(f"{map_selector} .leaflet-marker-icon:not(.marker-cluster)").first
    marker.wait_for(state="visible")
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(f"{map_selector} .leaflet-popup")
    popup.wait_for(state="visible")
    assert page.evaluate(
        "(selector) => document.querySelector(selector).contains(document.activeElement)",
        f"{map_selector} .leaflet-popup",
    ), "focus did not move into the popup"
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')")


def test_service_map_popups_with_the_keyboard(page, site_url):
    first_search_result(site_url, page)
    # The map is built (and Leaflet loaded) when it comes near the screen.
    page.locator("#service-map").scroll_into_view_if_needed()
    open_and_close_a_popup(page, "#service-map")


def test_results_map_popups_with_the_keyboard(page, site_url):
    # Far enough out that some markers stand alone rather than in clusters.
    visit(SEARCH_RESULTS.replace("postcode=SE13", "postcode=SE13&radius=1"))(site_url, page)
    page.get_by_role("button", name="Show map").click()
    page.locator("#results-map .leaflet-marker-icon").first.wait_for(state="visible")
    open_and_close_a_popup(page, "#results-map")
