"""'Exit this page' on a sensitive need's menu of support, in a real browser: the button and
Shift pressed three times replace the page with an everyday website, the back button does not
return to it, typing capitals does not trigger it, and without JavaScript it is a plain link.

The everyday website (BBC Weather by default) cannot be reached from the tests: the browser is
answered with a stand-in page for it.
"""

from __future__ import annotations

from typing import Any

import pytest

from directory.models.site_settings import DEFAULT_QUICK_EXIT_URL

from .support import format_violations, run_axe

pytestmark = pytest.mark.browser

SENSITIVE = "/needs/domestic-abuse/"
WEATHER = "<!DOCTYPE html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"


def stand_in_for_the_exit_website(page: Any) -> None:
    # Page routes come before the context's, which turns away everything not on the site.
    page.route(
        DEFAULT_QUICK_EXIT_URL + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=WEATHER),
    )


def open_sensitive_page_after_home(page: Any, site_url: str) -> None:
    stand_in_for_the_exit_website(page)
    page.goto(site_url + "/", wait_until="load")
    page.goto(site_url + SENSITIVE, wait_until="load")
    assert page.locator("[data-exit-this-page] a").count() == 1


def assert_left_for_good(page: Any, site_url: str) -> None:
    page.wait_for_url(DEFAULT_QUICK_EXIT_URL + "**")
    assert page.title() == "Weather"
    # Back goes to the page before the sensitive one, never to it.
    page.go_back(wait_until="load")
    assert page.url == site_url + "/", page.url


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_button_leaves_and_back_does_not_return(page, site_url, viewport):
    open_sensitive_page_after_home(page, site_url)
    button = page.get_by_role("button", name="Emergency: Exit this page")
    box = button.bounding_box()
    assert box["y"] < 60 and box["width"] > 300  # at the top, across a phone's screen
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    button.click()
    assert_left_for_good(page, site_url)


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_the_button_stays_on_screen_while_scrolling(page, site_url, viewport):
    open_sensitive_page_after_home(page, site_url)
    page.mouse.wheel(0, 2000)
    page.wait_for_function("() => window.scrollY > 500")
    box = page.get_by_role("button", name="Emergency: Exit this page").bounding_box()
    assert 0 <= box["y"] < 60, box


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_shift_three_times_leaves(page, site_url, viewport):
    page.clock.install()
    open_sensitive_page_after_home(page, site_url)
    postcode = page.locator("#pathway-postcode")
    postcode.focus()
    # Capital letters are typed with Shift held: they never count.
    for key in ("Shift+S", "Shift+E", "Shift+Q", "Shift+R"):
        page.keyboard.press(key)
    assert postcode.input_value() == "SEQR"
    # Two presses, then too long a wait: the count starts again.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    status = page.locator("[data-exit-this-page] [role=status]")
    assert status.inner_text() == "Shift, press 1 more time to exit."
    page.clock.fast_forward(6000)
    assert status.inner_text() == "Exit this page expired."
    page.keyboard.press("Shift")
    assert page.url == site_url + SENSITIVE
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert_left_for_good(page, site_url)


class TestWithoutJavaScript:
    @pytest.fixture
    def context_options(self):
        return {"java_script_enabled": False}

    @pytest.mark.parametrize("viewport", ["phone"], indirect=True)
    def test_it_is_a_plain_link(self, page, site_url, viewport):
        open_sensitive_page_after_home(page, site_url)
        link = page.locator("[data-exit-this-page] a")
        assert link.get_attribute("href") == DEFAULT_QUICK_EXIT_URL
        link.click()
        page.wait_for_url(DEFAULT_QUICK_EXIT_URL + "**")
        assert page.title() == "Weather"
