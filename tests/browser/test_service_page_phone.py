"""A service page on a phone (390x844): the first screen answers "what is it, can I go, how do I
get in touch", with the call button on it, whatever the length of the name and summary."""

from __future__ import annotations

import pytest
from django.db.models.functions import Length

from .support import PHONE, screenshot

pytestmark = pytest.mark.browser


def services_to_check() -> list[str]:
    """The demo's services with a phone number whose name and summary are longest (the hardest
    to fit), and one with a short summary."""
    from directory.models import ServicePage

    with_phone = (
        ServicePage.objects.live()
        .filter(contacts__phone__gt="")
        .annotate(words=Length("summary") + Length("title"))
        .distinct()
    )
    longest = list(with_phone.order_by("-words", "pk")[:3])
    shortest = with_phone.order_by("words", "pk").first()
    return [page.url for page in [*longest, shortest]]


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_contact_box_is_on_the_first_screen(page, site_url, viewport):
    for number, path in enumerate(services_to_check()):
        page.goto(site_url + path, wait_until="load")
        if number == 0:
            screenshot(page, "service-first-screen", viewport, full_page=False)
        box = page.locator("section.contact-box")
        assert box.count() == 1, f"{path}: no contact box"
        call = box.locator("a[href^='tel:']").first
        where = call.bounding_box()
        assert where is not None, f"{path}: the call button is not shown"
        bottom = where["y"] + where["height"]
        assert bottom <= PHONE.height, (
            f"{path}: the call button ends at {bottom:.0f}px, below the first screen "
            f"({PHONE.height}px)"
        )
        # What it is, and whether it is open today, come before it.
        heading = page.locator("h1").bounding_box()
        assert heading["y"] < where["y"]
