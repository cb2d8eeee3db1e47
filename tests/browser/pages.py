"""The pages every browser check runs on, in one place.

PAGES maps a name (used in test ids and screenshot file names) to a function that takes the live
server's address and a Playwright page, goes to the page and puts it in the state to check
(a button pressed, say). Adding a page is one line here, for example:

    "pathway": visit("/needs/parenting-and-family-relationships/"),

A page that needs some state first (a service on "My list", say) gets a small function like
search_results_with_map below. The axe, reflow and screenshot tests then cover it at every width.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.contrib.staticfiles import finders

if TYPE_CHECKING:
    from playwright.sync_api import Page

PagePrep = Callable[[str, "Page"], None]

SEARCH_RESULTS = "/search/?q=play&postcode=SE13"
MAP_LIBRARIES = (
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
)


def visit(path: str, status: int = 200) -> PagePrep:
    """Go to the path, check the HTTP status and wait until the page and its deferred scripts
    have run."""

    def go(site_url: str, page: Page) -> None:
        url = path if "://" in path else site_url + path
        response = page.goto(url, wait_until="load")
        got = response and response.status
        assert got == status, f"{path}: HTTP {got}, expected {status}"

    go.__doc__ = f"Open {path}."
    return go


def search_results_with_map(site_url: str, page: Page) -> None:
    """The search results with the map shown: the "Show map" button the page's script adds."""
    if not all(finders.find(path) for path in MAP_LIBRARIES):
        # As the site does: without npm there is no map (a failure in CI: REQUIRE_BACKENDS).
        pytest.skip("needs the map libraries from npm in static/vendor/: run `make assets`")
    visit(SEARCH_RESULTS)(site_url, page)
    toggle = page.get_by_role("button", name="Show map")
    assert toggle.count() == 1, 'no "Show map" button on the search results'
    toggle.click()
    page.locator("#results-map .leaflet-marker-icon").first.wait_for(state="visible")


def first_search_result(site_url: str, page: Page) -> None:
    """A service page: the first result for the search, one with a venue near SE13."""
    visit(SEARCH_RESULTS)(site_url, page)
    href = page.locator(".results .result__title a").first.get_attribute("href")
    assert href, "the search found no services"
    visit(href)(site_url, page)


def sensitive_service(site_url: str, page: Page) -> None:
    """A service for a sensitive need, with its "Exit this page" button."""
    visit("/needs/domestic-abuse/")(site_url, page)
    href = page.locator(".results .result__title a").first.get_attribute("href")
    assert href, "no domestic abuse services"
    visit(href)(site_url, page)
    assert page.locator("[data-exit-this-page]").count() == 1


def my_list_with_three(site_url: str, page: Page) -> None:
    """My list holding the first three results, added with the results' own buttons."""
    visit(SEARCH_RESULTS)(site_url, page)
    buttons = page.locator("form[data-shortlist-toggle] button")
    for index in range(3):
        with page.expect_response(lambda response: "/my-list/add/" in response.url):
            buttons.nth(index).click()
    visit("/my-list/")(site_url, page)
    assert page.locator(".service-card__name").count() == 3


def shared_list(site_url: str, page: Page) -> None:
    """The read-only copy a family opens from the share link."""
    my_list_with_three(site_url, page)
    visit(page.locator("input#share-url").input_value())(site_url, page)


def printed_list(site_url: str, page: Page) -> None:
    """The printable version of the shared list."""
    shared_list(site_url, page)
    page.get_by_role("link", name="Printable version").click()
    page.wait_for_load_state("load")
    assert "/print/" in page.url


PAGES: dict[str, PagePrep] = {
    "home": visit("/"),
    "search-results": visit(SEARCH_RESULTS),
    "search-results-map": search_results_with_map,
    "service": first_search_result,
    "sensitive-service": sensitive_service,
    "a-to-z": visit("/services/"),
    # The search page answers a bad field with 400 and a message beside the field.
    "search-error": visit("/search/?postcode=hello", status=400),
    # What the words named ("Showing help with") and "near me" asking for a place.
    "search-words-near-me": visit("/search/?q=my+toddler+isn%27t+talking+yet+near+me"),
    # Nothing found: the closest needs, help across the area and the front door.
    "search-nothing-found": visit("/search/?q=parking+permit"),
    # A place outside the area the directory serves, with the national service.
    "search-outside-area": visit("/search/?q=domestic+abuse&postcode=M1+1AE"),
    "pathway": visit("/needs/domestic-abuse/?postcode=SE13"),
    "needs": visit("/needs/"),
    # The site's own pages (setup_site): the contact page shows Directory settings' details.
    "contact": visit("/contact/"),
    "privacy-notice": visit("/privacy-notice/"),
    "my-list": my_list_with_three,
    "shared-list": shared_list,
    "print": printed_list,
}
