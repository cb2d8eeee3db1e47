"""The reminder e-mail's one-click "still accurate" link in a real browser: the listing and its
button are accessible (axe) at phone and desktop widths, fit a phone without sideways
scrolling, and the button records the review without logging in or JavaScript."""

from __future__ import annotations

import pytest

from directory.site_setup import PROVIDERS

from .support import format_violations, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def link_path(admin_user):
    """A provider account for a demo service's organisation, and its link's path; the service's
    review date is put back afterwards."""
    from commissioning.reviews.links import confirm_token
    from commissioning.reviews.scope import reviewable_services
    from directory.models import ServicePage

    service = reviewable_services().exclude(organisation=None).order_by("title").first()
    provider = admin_user(PROVIDERS, "link-provider")
    service.organisation.users.add(provider)
    before = ServicePage.objects.filter(pk=service.pk).values("last_reviewed", "review_due")[0]
    yield f"/still-accurate/{service.pk}/{confirm_token(service, provider)}/"
    ServicePage.objects.filter(pk=service.pk).update(**before)


def assert_accessible(page) -> None:
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def fits(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("viewport", ["narrow", "desktop"], indirect=True)
def test_the_link_page_is_accessible(page, viewport, link_path):
    page.goto(link_path)
    assert page.get_by_role("heading", level=1).inner_text() == "Is this listing still accurate?"
    assert fits(page), "the page scrolls sideways"
    assert_accessible(page)
    page.get_by_role("button", name="Yes, it is still accurate").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you: review recorded"
    assert_accessible(page)
    page.goto(link_path)  # used: refused, in words
    assert page.get_by_role("heading", level=1).inner_text() == "This link cannot be used"
    assert_accessible(page)


class TestWithoutJavaScript:
    @pytest.fixture
    def context_options(self):
        return {"java_script_enabled": False}

    @pytest.mark.parametrize("viewport", ["phone"], indirect=True)
    def test_the_button_records_the_review(self, page, viewport, link_path):
        from django.utils import timezone

        from directory.models import ServicePage

        service_id = int(link_path.split("/")[2])
        page.goto(link_path)
        page.get_by_role("button", name="Yes, it is still accurate").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text() == "Thank you: review recorded"
        reviewed = ServicePage.objects.get(pk=service_id).last_reviewed
        assert reviewed == timezone.localdate()
