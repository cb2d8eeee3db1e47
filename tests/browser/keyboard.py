"""A person using only the keyboard, for journey tests (test_keyboard.py).

KeyboardUser presses Tab, Shift+Tab, Enter and Space and types, and after every key checks that
something has focus and that its focus indicator can be seen. Each step of a journey is a small
function taking the user, so a longer journey is the same steps and one more, e.g.

    def add_to_my_list(user: KeyboardUser) -> None:
        user.tab_to("button.shortlist-toggle__button", name=re.compile("^Add to my list"))
        user.press("Space")

and test_keyboard.py's journey calls it after open_first_result(user).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from .support import focus_state

if TYPE_CHECKING:
    from playwright.sync_api import Page

# The most Tab presses to reach anything on one page: the search page's filters are long.
MAX_TABS = 200


class KeyboardUser:
    def __init__(self, page: Page) -> None:
        self.page = page
        # Every element focused so far, for failure messages: "a#id 'name'".
        self.trail: list[str] = []

    # -- what has focus ----------------------------------------------------------------------

    def focused(self) -> dict[str, Any] | None:
        return focus_state(self.page)

    def check_focus_visible(self) -> dict[str, Any]:
        """The focused element, which must exist and show a focus indicator."""
        state = self.focused()
        assert state is not None, f"focus was lost on {self.page.url} after {self._trail()}"
        self.trail.append(f"{state['element']} {state['name']!r}")
        assert state["visible"], (
            f"no visible focus on {state['element']} {state['name']!r} at {self.page.url}: "
            f"outline {state['outline']}, box-shadow {state['boxShadow']}"
        )
        return state

    def _trail(self) -> str:
        return " → ".join(self.trail[-8:]) or "(nothing)"

    # -- keys --------------------------------------------------------------------------------

    def press(self, key: str, *, navigates: bool = False) -> None:
        """Press a key (Enter, Space...) on the focused element; with navigates=True, wait
        for the page it opens."""
        if navigates:
            with self.page.expect_navigation(wait_until="load"):
                self.page.keyboard.press(key)
            self.trail.append(f"[{key}: {self.page.url}]")
        else:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.check_focus_visible()

    def tab(self, backwards: bool = False) -> dict[str, Any]:
        self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
        return self.check_focus_visible()

    def tab_to(
        self,
        selector: str,
        *,
        name: str | re.Pattern[str] | None = None,
        backwards: bool = False,
        limit: int = MAX_TABS,
    ) -> dict[str, Any]:
        """Tab (or Shift+Tab) until the focused element matches the CSS selector (and, if
        given, has that accessible text), checking the focus can be seen at every stop."""
        for _ in range(limit):
            state = self.tab(backwards=backwards)
            matches = self.page.evaluate(
                "(selector) => document.activeElement.matches(selector)", selector
            )
            if matches and (name is None or _name_matches(state["name"], name)):
                return state
        raise AssertionError(
            f"{limit} presses of {'Shift+Tab' if backwards else 'Tab'} on {self.page.url} "
            f"never reached {selector} {name or ''}; last: {self._trail()}"
        )


def _name_matches(text: str, name: str | re.Pattern[str]) -> bool:
    if isinstance(name, re.Pattern):
        return bool(name.search(text))
    return text == name


# -- steps of a journey ---------------------------------------------------------------------------


def arrive(user: KeyboardUser, site_url: str, path: str = "/") -> None:
    """Open a page by its address; the first Tab then reaches the skip link."""
    user.page.goto(site_url + path, wait_until="load")
    state = user.tab()
    assert state["name"] == "Skip to main content", f"first Tab reached {state}"


def search_from_home(user: KeyboardUser, words: str, postcode: str) -> None:
    """Type the words and the postcode into the home page's form, check the words again with
    Shift+Tab, then press Space on the Search button."""
    user.tab_to("input#q")
    user.type(words)
    user.tab_to("input#postcode")
    user.type(postcode)
    state = user.tab_to("input#q", backwards=True)
    assert state["name"] == words, f"the words box holds {state['name']!r}: {user._trail()}"
    user.tab_to("form[role=search] button[type=submit]", name="Search")
    user.press("Space", navigates=True)
    query = parse_qs(urlsplit(user.page.url).query)
    assert urlsplit(user.page.url).path == "/search/", user.page.url
    assert query.get("q") == [words] and query.get("postcode") == [postcode], user.page.url
