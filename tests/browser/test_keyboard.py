"""A family's journey with the keyboard alone: from the home page, words and a postcode, the
search, the first result, its service page. Focus must show at every stop.

Each step is a function of a KeyboardUser, so a longer journey (adding the service to "My list",
opening the shared list) is these steps and more.
"""

from __future__ import annotations

import pytest

from .keyboard import KeyboardUser, arrive, search_from_home

pytestmark = pytest.mark.browser

RESULT_LINK = ".results .result__title a"


@pytest.fixture
def user(page) -> KeyboardUser:
    return KeyboardUser(page)


def open_first_result(user: KeyboardUser) -> str:
    """Tab to the first result's link, open it with Enter; the service's name."""
    assert user.page.locator(RESULT_LINK).count(), "the search found no services"
    state = user.tab_to(RESULT_LINK)
    assert state["name"] == user.page.locator(RESULT_LINK).first.inner_text().strip()
    user.press("Enter", navigates=True)
    heading = user.page.locator("h1").inner_text().strip()
    assert heading == state["name"], f"opened {user.page.url} ({heading!r}), not {state['name']!r}"
    return heading


def test_search_and_open_a_service_with_the_keyboard(user, site_url):
    arrive(user, site_url, "/")
    search_from_home(user, words="play", postcode="SE13")
    open_first_result(user)
    # The service page, reached by keyboard, is navigable too: its first Tab is the skip link.
    state = user.tab()
    assert state["name"] == "Skip to main content", state
