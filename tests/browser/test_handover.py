"""Handing a list over at phone width: copy the link, scan the QR code, and reorder or remove
services with the keyboard while focus stays with the service."""

from __future__ import annotations

import re

import pytest

from .keyboard import KeyboardUser
from .pages import my_list_with_three

pytestmark = pytest.mark.browser


def names(page) -> list[str]:
    return [name.strip() for name in page.locator(".service-card__name").all_inner_texts()]


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_copy_link_and_qr_code(page, site_url, viewport):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    my_list_with_three(site_url, page)
    share_url = page.locator("input#share-url").input_value()
    copy = page.get_by_role("button", name="Copy link")
    copy.click()
    status = page.locator("[data-copy-status]")
    status.filter(has_text="copied").wait_for(state="attached")
    assert status.inner_text() == "The link to this list is copied."
    assert page.evaluate("() => navigator.clipboard.readText()") == share_url
    # The QR code is drawn, about 160px square, on white.
    qr = page.get_by_role("img", name="QR code of the link to this list")
    qr.scroll_into_view_if_needed()
    size = qr.evaluate("(image) => [image.naturalWidth, image.complete]")
    assert size[0] >= 100 and size[1], size
    text = page.get_by_role("link", name="Send by text message")
    assert text.get_attribute("href").startswith("sms:?&body=")


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_my_list_count_is_spaced(page, site_url, viewport):
    """ "My list (3)", not "My list(3)": the gap between the words and the count is drawn."""
    my_list_with_three(site_url, page)
    gap = page.evaluate(
        """() => {
            const link = document.querySelector(".site-header__list");
            const words = document.createRange();
            words.selectNodeContents(link.firstChild);  // the text "My list"
            const count = link.querySelector("[data-shortlist-count]");
            const bracket = document.createRange();
            const text = count.firstChild;
            const at = text.textContent.indexOf("(");
            bracket.setStart(text, at);
            bracket.setEnd(text, at + 1);
            return bracket.getBoundingClientRect().left - words.getBoundingClientRect().right;
        }"""
    )
    assert gap >= 3, f"{gap:.1f}px between 'My list' and its count"


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_reorder_and_remove_keep_focus_on_the_service(page, site_url, viewport):
    my_list_with_three(site_url, page)
    user = KeyboardUser(page)
    before = names(page)
    link_before = page.locator("input#share-url").input_value()
    status = page.locator("[data-list-status]")

    # Move the first service down: it is second now, and focus is still on its button.
    user.tab_to("button", name=re.compile(r"^Move down\s*: "))
    page.keyboard.press("Enter")
    status.filter(has_text="moved down").wait_for(state="attached")
    assert names(page) == [before[1], before[0], before[2]]
    focused = user.check_focus_visible()
    assert re.fullmatch(rf"Move down\s*: {re.escape(before[0])}", focused["name"]), focused
    assert page.evaluate(
        "() => document.activeElement.closest('.shortlist__item')"
        " === document.querySelectorAll('.shortlist__item')[1]"
    )
    assert status.inner_text() == f"{before[0]} moved down: now 2 of 3."
    # The share link (and its code) follow the new order.
    assert page.locator("input#share-url").input_value() != link_before

    # Remove it: focus goes to the service that followed it.
    user.tab_to("button", name=re.compile(rf"^Remove\s*: {re.escape(before[0])}$"))
    page.keyboard.press("Enter")
    status.filter(has_text="Removed").wait_for(state="attached")
    assert names(page) == [before[1], before[2]]
    focused = user.check_focus_visible()
    assert before[2] in focused["name"], focused
    assert "(2" in page.locator("[data-shortlist-count]").first.inner_text()
