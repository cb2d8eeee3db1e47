"""The commissioners' admin screens in a real browser: no WCAG A/AA violations (axe), labelled
buttons, and a coverage and demand report that fits the admin's width, keeps its row and column
headers in view while its tables scroll inside labelled, focusable regions.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from directory.site_setup import COMMISSIONERS

from .support import format_violations, log_in_to_admin, run_axe, screenshot, wait_for_animations

pytestmark = pytest.mark.browser


@pytest.fixture
def commissioner_login(admin_user):
    return admin_user(COMMISSIONERS, "screens-commissioner").get_username()


def assert_accessible(page) -> None:
    wait_for_animations(page)  # Wagtail's messages fade in
    violations = run_axe(page)
    assert not violations, format_violations(violations)


# Scroll a region to its far corner, then measure where the last row's header and the last
# column's header are, relative to the region's own edges (both 0 when they stick).
STICKY_OFFSETS = """region => {
    region.scrollLeft = region.scrollWidth;
    region.scrollTop = region.scrollHeight;
    const box = region.getBoundingClientRect();
    const rowHeader = region.querySelector("tbody tr:last-child th").getBoundingClientRect();
    const columnHeader = region.querySelector("thead th:last-child").getBoundingClientRect();
    return {
        scrolled: [region.scrollLeft, region.scrollTop],
        row_header_left: rowHeader.left - box.left - region.clientLeft,
        column_header_top: columnHeader.top - box.top - region.clientTop,
    };
}"""


def scrolls_sideways(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
    )


@pytest.mark.parametrize("viewport", ["desktop", "phone"], indirect=True)
def test_coverage_and_demand_fits_and_keeps_its_headers_in_view(
    page, site_url, viewport, commissioner_login, demo_search_log
):
    log_in_to_admin(page, commissioner_login)
    page.goto(reverse("directory_reports:gaps") + "?level=targeted")
    assert not scrolls_sideways(page), "the report makes the whole page scroll sideways"
    screenshot(page, "coverage-and-demand", viewport)

    regions = page.locator("[data-heatmap]")
    assert regions.count() == 3
    for index in range(regions.count()):
        region = regions.nth(index)
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("tabindex") == "0"
        heading_id = region.get_attribute("aria-labelledby")
        assert page.locator(f"#{heading_id}").inner_text().strip()

    # Scroll the district table right and down: its first column and header row stay put.
    region = page.locator("[data-heatmap=demand-district]")
    region.focus()
    assert page.evaluate("() => document.activeElement.dataset.heatmap") == "demand-district"
    offsets = region.evaluate(STICKY_OFFSETS)
    assert offsets["scrolled"][1] > 0, "the table should be taller than its region"
    if offsets["scrolled"][0] > 0:
        assert abs(offsets["row_header_left"]) <= 2, offsets
    assert abs(offsets["column_header_top"]) <= 2, offsets

    # The gaps in words, worst first, and the trend drawn with a text alternative.
    worst = page.locator("tr[data-gap]").first
    assert worst.get_attribute("data-gap") == "domestic-abuse:SE6"
    assert re.search(
        r"\d+ searches, \d+ local targeted services?, \d+ across the area", worst.inner_text()
    )
    chart = page.locator(".trend svg[role=img]")
    assert "searches" in chart.get_attribute("aria-label")
    assert_accessible(page)


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_admin_screens_are_accessible_and_their_buttons_labelled(
    page, site_url, viewport, commissioner_login
):
    log_in_to_admin(page, commissioner_login)
    assert_accessible(page)  # the dashboard
    for name, url, button in [
        ("spreadsheets", reverse("directory_spreadsheets:index"), "Check and import"),
        ("openreferral", reverse("directory_openreferral:import"), "Upload and check"),
    ]:
        page.goto(url)
        submit = page.locator("main button[type=submit]").last
        assert submit.inner_text().strip() == button
        size = submit.bounding_box()
        assert size["height"] < 60 and size["width"] < 400, size  # a button, not a bar
        # Nothing inside is drawn larger than the text: no stray 300x150 icon.
        assert submit.locator("svg").count() == 0
        screenshot(page, f"admin-{name}", viewport)
        assert_accessible(page)
    page.goto(reverse("services:index"))
    assert page.locator("table.listing tbody tr").count() >= 20
    screenshot(page, "admin-services", viewport)
    assert_accessible(page)
