"""Every page in pages.PAGES, at phone and desktop width: no WCAG 2.0-2.2 A/AA violations that
axe-core can find, a full-page screenshot of each, and no sideways scrolling at 320px."""

from __future__ import annotations

import pytest

from .pages import PAGES
from .support import format_violations, run_axe, screenshot

pytestmark = pytest.mark.browser

page_names = pytest.mark.parametrize("page_name", list(PAGES))


@page_names
def test_no_axe_violations(page, site_url, viewport, page_name):
    PAGES[page_name](site_url, page)
    screenshot(page, page_name, viewport)
    violations = run_axe(page)
    assert not violations, f"{page_name} at {viewport}: {format_violations(violations)}"


@page_names
@pytest.mark.parametrize("viewport", ["narrow"], indirect=True)
def test_no_sideways_scrolling_at_320px(page, site_url, viewport, page_name):
    """WCAG 1.4.10 Reflow: everything fits 320 CSS pixels wide."""
    PAGES[page_name](site_url, page)
    screenshot(page, page_name, viewport)
    widths = page.evaluate(
        """() => {
            const root = document.documentElement;
            const wide = [];
            for (const element of document.body.querySelectorAll("*")) {
                const box = element.getBoundingClientRect();
                if (box.width && box.right > root.clientWidth + 1) {
                    wide.push(element.tagName.toLowerCase()
                        + (element.id ? "#" + element.id : "")
                        + (element.className && typeof element.className === "string"
                            ? "." + element.className.trim().split(/\\s+/).join(".") : "")
                        + " (right edge " + Math.round(box.right) + "px)");
                }
            }
            return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 10)};
        }"""
    )
    assert widths["scroll"] <= widths["client"], (
        f"{page_name} scrolls sideways at 320px: the page is {widths['scroll']}px wide; "
        f"wider than the screen: {widths['wide']}"
    )


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_axe_reports_what_it_finds(page, site_url, viewport):
    """The check above can fail: an image without a text alternative is reported, with the
    details the failure message needs."""
    PAGES["home"](site_url, page)
    page.evaluate(
        """() => {
            const image = document.createElement("img");
            image.src = "/static/planted.png";
            image.id = "planted";
            document.querySelector("main").append(image);
        }"""
    )
    violations = run_axe(page)
    message = format_violations(violations)
    assert "- image-alt (critical): Images must have alternative text" in message, message
    assert "at #planted" in message and '<img src="/static/planted.png"' in message, message
