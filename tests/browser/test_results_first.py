"""Results first on a phone (390x844): with a search made, the first result's name is on the
first screen; "Change search" unfolds the form; "Filter results (n chosen)" opens the filters,
and ticking one applies it and comes back with focus on that box."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .support import PHONE, screenshot

pytestmark = pytest.mark.browser

FIRST_TITLE = ".results .result__title a"
SEARCHES = [
    "/search/?q=play&postcode=SE13",
    "/search/?q=toddler",
    "/search/?q=debt+advice&postcode=SE6+4RU",
    "/search/?need=parenting-programmes",
    "/search/?postcode=SE4&age=4",
    "/search/?q=domestic+abuse",
]


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_first_result_is_on_the_first_screen(page, site_url, viewport):
    for number, path in enumerate(SEARCHES):
        page.goto(site_url + path, wait_until="load")
        if number == 0:
            screenshot(page, "search-results-first-screen", viewport, full_page=False)
        title = page.locator(FIRST_TITLE).first
        assert title.count(), f"{path}: no results"
        box = title.bounding_box()
        assert box["y"] + box["height"] <= PHONE.height, (
            f"{path}: the first result's name ends at {box['y'] + box['height']:.0f}px, below "
            f"the first screen ({PHONE.height}px)"
        )


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_change_search_unfolds_the_form(page, site_url, viewport):
    page.goto(site_url + "/search/?q=play&postcode=SE13", wait_until="load")
    words = page.locator("#search-q")
    assert not words.is_visible()
    summary = page.locator(".search-change__summary")
    assert summary.inner_text().split("\n")[0].startswith("‘play’ within 3 miles of SE13")
    summary.focus()
    page.keyboard.press("Enter")
    assert words.is_visible()
    words.fill("toddler")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    assert parse_qs(urlsplit(page.url).query)["q"] == ["toddler"]


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_a_ticked_filter_applies_itself_and_focus_comes_back_to_it(page, site_url, viewport):
    page.goto(site_url + "/search/?q=play&postcode=SE13", wait_until="load")
    filters = page.locator(".search-filters__details")
    assert filters.get_attribute("open") is None  # folded away on a phone
    page.locator(".search-filters__summary").click()
    # With JavaScript, no Apply button: the hint says boxes apply themselves.
    assert page.get_by_role("button", name="Apply filters").first.is_hidden()
    assert page.locator("[data-filters-hint]").is_visible()
    box = page.locator("input.facet__checkbox").nth(1)
    box_id, name, value = (box.get_attribute(attr) for attr in ("id", "name", "value"))
    with page.expect_navigation(wait_until="load"):
        box.check()
    query = parse_qs(urlsplit(page.url).query)
    assert query[name] == [value] and query["q"] == ["play"], page.url
    assert "page" not in query
    assert page.evaluate("() => document.activeElement.id") == box_id
    assert page.locator(f"#{box_id}").is_checked()
    assert "(1 chosen)" in page.locator(".search-filters__summary").inner_text()
