"""A practitioner's handover with the keyboard alone: search, add three services to "My list",
open the list, and the family opens the shared link and the printable version.

The "Add to my list" buttons are form POSTs enhanced by static/js/shortlist.js: with
JavaScript the page stays put, the button becomes "Remove from my list", focus stays on it and
the header's count goes up.
"""

from __future__ import annotations

import re

import pytest

from .keyboard import KeyboardUser, arrive, search_from_home

pytestmark = pytest.mark.browser

ADD_BUTTON = "form[data-shortlist-toggle] button"


@pytest.fixture
def user(page) -> KeyboardUser:
    return KeyboardUser(page)


def add_results_to_my_list(user: KeyboardUser, how_many: int) -> list[str]:
    """Tab to each result's "Add to my list" in turn and press Space; the services' names."""
    added = []
    for number in range(1, how_many + 1):
        state = user.tab_to(ADD_BUTTON, name=re.compile(r"^Add to my list"))
        name = state["name"].split(":", 1)[1].strip()
        user.press("Space")
        button = user.page.locator(f"{ADD_BUTTON}:focus")
        button.filter(has_text="Remove from my list").wait_for()
        count = user.page.locator("[data-shortlist-count]").first.inner_text()
        assert f"({number}" in count, count
        added.append(name)
    return added


def open_my_list(user: KeyboardUser) -> None:
    user.tab_to("a.site-header__list", backwards=True)
    user.press("Enter", navigates=True)
    assert user.page.url.endswith("/my-list/"), user.page.url


def test_practitioner_hands_over_three_services_with_the_keyboard(user, site_url, browser):
    arrive(user, site_url, "/")
    search_from_home(user, words="play", postcode="SE13")
    added = add_results_to_my_list(user, 3)
    open_my_list(user)
    listed = [name.strip() for name in user.page.locator(".service-card__name").all_inner_texts()]
    assert listed == added

    # The share link is in a read-only box the keyboard reaches.
    user.tab_to("input#share-url")
    share_url = user.page.locator("input#share-url").input_value()
    assert "/my-list/s/" in share_url

    # The family opens the link in their own browser: a read-only copy, then its print version.
    family = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = family.new_page()
        page.goto(share_url, wait_until="load")
        family_user = KeyboardUser(page)
        names = [name.strip() for name in page.locator(".service-card__name").all_inner_texts()]
        assert names == added
        assert page.locator("form[action$='/remove/']").count() == 0
        family_user.tab_to("a", name="Printable version")
        family_user.press("Enter", navigates=True)
        assert page.locator("header, nav, form").count() == 0
        printed = page.locator(".service-card__name").all_inner_texts()
        assert [name.strip() for name in printed] == added
        # A Print button (the browser's print dialog is replaced by a note that it opened).
        page.evaluate("() => { window.print = () => { window.printed = true; }; }")
        family_user.tab_to("button", name="Print this list")
        family_user.press("Enter")
        assert page.evaluate("() => window.printed === true")
        # And a way back to the list.
        family_user.tab_to("a", name="Back to the list", backwards=True)
        family_user.press("Enter", navigates=True)
        assert page.url == share_url
    finally:
        family.close()


def test_without_javascript_add_to_my_list_still_works(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/search/?q=play&postcode=SE13", wait_until="load")
        # A result far down the page.
        result = page.locator(".results .result").nth(5)
        name = result.locator(".result__title a").inner_text().strip()
        with page.expect_navigation(wait_until="load"):
            result.locator(ADD_BUTTON).click()
        # Back on the same results, at the same result, and its button now removes.
        assert "/search/?q=play&postcode=SE13#shortlist-toggle-" in page.url
        assert page.get_by_text("Added to your list.").count() == 1
        toggle = page.locator(ADD_BUTTON).nth(5)
        assert toggle.inner_text().startswith("Remove from my list")
        where = toggle.bounding_box()
        assert where["y"] >= 0 and where["y"] + where["height"] <= 844, where
        page.goto(f"{site_url}/my-list/", wait_until="load")
        assert page.locator(".service-card__name").first.inner_text().strip() == name
    finally:
        context.close()
