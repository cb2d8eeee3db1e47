"""Without JavaScript the search still works: results are listed and the filters submit."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .pages import SEARCH_RESULTS
from .support import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def context_options():
    return {"java_script_enabled": False}


def test_results_and_filters_work_without_javascript(page, site_url, viewport):
    response = page.goto(site_url + SEARCH_RESULTS)
    assert response is not None and response.status == 200
    screenshot(page, "search-results-no-javascript", viewport)

    assert page.locator(".results .result").count() > 0
    # No script ran: no "Show map" button, and the filters are open (on a phone the script
    # would have folded them away).
    assert page.get_by_role("button", name="Show map").count() == 0
    filters = page.locator(".search-filters__details")
    assert filters.get_attribute("open") is not None

    # Tick the first filter, e.g. "Early years and healthy start (15 services)", and apply with
    # the Apply button next to the filters (another waits at the end of the long list).
    checkbox = page.locator("input.facet__checkbox").first
    box_id, name, value = (checkbox.get_attribute(attr) for attr in ("id", "name", "value"))
    label = page.locator(f"label[for='{box_id}']").text_content()
    expected = int(re.search(r"\((\d+)", label).group(1))
    checkbox.check()
    apply = page.get_by_role("button", name="Apply filters").first
    assert apply.is_visible()
    assert apply.bounding_box()["y"] < checkbox.bounding_box()["y"]
    with page.expect_navigation():
        apply.click()

    query = parse_qs(urlsplit(page.url).query)
    assert query.get(name) == [value], page.url
    assert query.get("q") == ["play"] and query.get("postcode") == ["SE13"], page.url
    assert page.locator(f"#{box_id}").is_checked()
    count = page.locator("#result-count").text_content()
    assert count.startswith(f"{expected} service"), (label, count)
    assert 0 < page.locator(".results .result").count() <= expected
