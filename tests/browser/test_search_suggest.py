"""Search as you type with the keyboard alone: the header's search box becomes a combobox once
it is used, suggests needs and services from /api/search/suggest, Up/Down move through them and
Enter opens one; Enter with none chosen searches for the words. axe finds nothing with the
suggestions open, and the Content-Security-Policy refuses nothing."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .keyboard import KeyboardUser
from .support import format_violations, run_axe

pytestmark = pytest.mark.browser

BOX = "input#header-search-q"
OPTIONS = "#header-search-q__listbox [role=option]"


@pytest.fixture(autouse=True)
def _skip_without_the_library():
    from django.contrib.staticfiles import finders

    if not finders.find("vendor/accessible-autocomplete/accessible-autocomplete.min.js"):
        pytest.skip("needs accessible-autocomplete from npm in static/vendor/: `make assets`")


def record_policy_violations(page) -> None:
    page.add_init_script(
        """window.policyViolations = [];
        document.addEventListener("securitypolicyviolation", (event) => {
            window.policyViolations.push(event.violatedDirective + " " + event.blockedURI);
        });"""
    )


def type_into_the_header_box(page, site_url: str, words: str) -> KeyboardUser:
    record_policy_violations(page)
    page.goto(site_url + "/services/", wait_until="load")
    user = KeyboardUser(page)
    user.tab_to(BOX)
    # Using the box turns it into the combobox; focus stays in it.
    page.locator(f"{BOX}[role=combobox]").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "header-search-q"
    user.type(words)
    page.locator(OPTIONS).first.wait_for()
    return user


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_choose_a_suggestion_with_the_keyboard(page, site_url, viewport):
    user = type_into_the_header_box(page, site_url, "par")
    box = page.locator(BOX)
    assert box.get_attribute("aria-expanded") == "true"
    labels = page.locator(OPTIONS).all_inner_texts()
    assert any("(service)" in label for label in labels), labels
    assert all(re.search(r"par", label, re.I) for label in labels), labels

    violations = run_axe(page)
    assert not violations, format_violations(violations)

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator(f"{OPTIONS}[aria-selected=true]")
    assert second.get_attribute("id") == "header-search-q__option--1"
    assert user.check_focus_visible()["name"] == labels[1].strip()
    page.keyboard.press("ArrowUp")
    chosen = page.locator(f"{OPTIONS}[aria-selected=true]").inner_text()
    assert chosen == labels[0]
    # The first suggestion names a need: Enter opens its results.
    user.press("Enter", navigates=True)
    query = parse_qs(urlsplit(page.url).query)
    assert urlsplit(page.url).path == "/search/" and "need" in query, page.url
    assert page.evaluate("() => window.policyViolations") == []


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_enter_without_a_suggestion_searches_for_the_words(page, site_url, viewport):
    user = type_into_the_header_box(page, site_url, "stay and pla")
    assert page.locator(OPTIONS).count() > 0  # the menu is open, nothing chosen
    user.press("Enter", navigates=True)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["stay and pla"]}, page.url
    assert page.evaluate("() => window.policyViolations") == []


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_escape_closes_and_the_words_stay(page, site_url, viewport):
    type_into_the_header_box(page, site_url, "money")
    page.keyboard.press("Escape")
    assert page.locator(BOX).get_attribute("aria-expanded") == "false"
    assert page.locator(BOX).input_value() == "money"


def menu_is_open(page, box_id: str) -> bool:
    return page.locator(f"#{box_id}__listbox").evaluate(
        "(menu) => menu.classList.contains('autocomplete__menu--visible')"
    )


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_tab_leaves_an_open_menu_for_the_next_field(page, site_url, viewport):
    """The menu is reached with the arrow keys, never with Tab: Chromium would otherwise make
    the scrolling menu a Tab stop, and focus would be stranded in it as it closes."""
    page.goto(site_url + "/", wait_until="load")
    user = KeyboardUser(page)
    user.tab_to("input#q")
    page.locator("input#q[role=combobox]").wait_for()
    user.type("pla")
    page.locator("#q__listbox [role=option]").first.wait_for()
    assert page.locator("#q__listbox").get_attribute("tabindex") == "-1"
    state = user.tab()
    assert state["element"] == "input#postcode", user.trail
    assert not menu_is_open(page, "q")
    assert user.tab(backwards=True)["element"] == "input#q", user.trail
    assert user.tab()["element"] == "input#postcode", user.trail


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_suggestions_arriving_after_leaving_the_box_stay_closed(page, site_url, viewport):
    """Words typed then left at once (before the suggestions come back) open no menu over the
    next field; coming back to the box is one Shift+Tab."""
    page.goto(site_url + "/", wait_until="load")
    user = KeyboardUser(page)
    user.tab_to("input#q")
    page.locator("input#q[role=combobox]").wait_for()
    with page.expect_response(lambda response: "/api/search/suggest" in response.url) as asked:
        user.type("play")
        user.tab()  # to the postcode, before the suggestions are asked for
    asked.value.finished()
    # Two frames: the page's own handling of the answer (its promise callbacks) has run.
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    assert page.evaluate("() => document.activeElement.id") == "postcode"
    assert not menu_is_open(page, "q")
    assert user.tab(backwards=True)["element"] == "input#q", user.trail


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_words_typed_while_the_box_turns_into_the_combobox_are_all_kept(page, site_url, viewport):
    """On a slow phone the library arrives while someone is typing: what they typed before it
    came and after stays, in order (the library selects the whole box when focus reaches it, so
    the next key used to replace the words)."""
    held = []
    page.route("**/accessible-autocomplete.min.js", lambda route: held.append(route))
    page.goto(site_url + "/", wait_until="load")
    user = KeyboardUser(page)
    user.tab_to("input#q")
    user.type("pl")  # in the plain box: the library has been asked for, not yet delivered
    page.wait_for_function("() => document.querySelector('input#q').value === 'pl'")
    # The browser has asked by now, but Playwright hands the held request to Python only while
    # Python waits on the page: wait a little for it rather than read the list at once.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the library was not asked for when the box got focus"
    held[0].continue_()
    page.locator("input#q[role=combobox]").wait_for()
    user.type("ay")
    assert page.locator("input#q").input_value() == "play"
    assert page.evaluate("() => document.activeElement.id") == "q"
