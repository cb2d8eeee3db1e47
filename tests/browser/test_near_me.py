"""'Use my location' in a real browser: the position the browser gives becomes lat/lng, and a
refusal is explained without losing the form."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

NEAR_SE13 = {"latitude": 51.4521, "longitude": -0.0123}


def test_use_my_location_searches_near_the_device(browser, site_url):
    context = browser.new_context(geolocation=NEAR_SE13, permissions=["geolocation"])
    try:
        page = context.new_page()
        page.goto(f"{site_url}/", wait_until="load")
        page.fill("#q", "play")
        page.fill("#postcode", "SE4 1UA")  # replaced by the device's position
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Use my location").click()
        query = parse_qs(urlsplit(page.url).query)
        assert query["lat"] == ["51.4521"] and query["lng"] == ["-0.0123"]
        assert not query.get("postcode")
        # With words, the best answers lead and distance is a factor (not nearest first).
        count = page.locator("#result-count").inner_text()
        assert "miles of your location" in count and "nearest first" not in count
    finally:
        context.close()


def test_a_refused_location_says_what_to_do_instead(browser, site_url):
    context = browser.new_context()  # no permission granted: the browser refuses
    try:
        page = context.new_page()
        page.goto(f"{site_url}/search/?q=play", wait_until="load")
        page.get_by_role("button", name="Use my location").click()
        alert = page.get_by_role("alert")
        alert.wait_for()
        assert "postcode" in alert.inner_text()
        assert page.evaluate("document.activeElement.id") == "search-postcode"
        assert "/search/?q=play" in page.url  # nothing was submitted
    finally:
        context.close()
