"""'Report a problem with this page' in a real browser: reached from the bottom of a service page,
sent without JavaScript, accessible (axe) with and without errors, and no sideways scrolling at
320 px."""

from __future__ import annotations

import pytest

from .support import format_violations, run_axe, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def service_page_url():
    from directory.models import ProblemReport, ServicePage

    service = ServicePage.objects.live().order_by("title").first()
    before = set(ProblemReport.objects.values_list("pk", flat=True))
    yield service.url
    ProblemReport.objects.exclude(pk__in=before).delete()


def assert_accessible(page) -> None:
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def fits(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("viewport", ["narrow", "desktop"], indirect=True)
def test_the_form_is_accessible_with_and_without_errors(page, viewport, service_page_url):
    page.goto(service_page_url)
    page.get_by_role("link", name="Report a problem with this page").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Report a problem with this page"
    assert fits(page), "the form scrolls sideways"
    assert_accessible(page)
    page.get_by_role("button", name="Send the report").click()  # nothing chosen
    page.wait_for_load_state()
    assert page.get_by_text("Choose what is wrong with this page.").count() >= 1
    assert fits(page)
    screenshot(page, "problem-report-errors", viewport)
    assert_accessible(page)


class TestWithoutJavaScript:
    @pytest.fixture
    def context_options(self):
        return {"java_script_enabled": False}

    @pytest.mark.parametrize("viewport", ["phone"], indirect=True)
    def test_a_report_is_sent(self, page, viewport, service_page_url):
        from directory.models import ProblemReport

        page.goto(service_page_url)
        page.get_by_role("link", name="Report a problem with this page").click()
        page.get_by_label("The phone number is wrong").check()
        page.get_by_label("Tell us more (optional)").fill("The number on the page is not answered.")
        page.wait_for_timeout(3200)  # as long as a person takes, at least (the form's minimum)
        page.get_by_role("button", name="Send the report").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text() == "Thank you for your report"
        report = ProblemReport.objects.order_by("-pk").first()
        assert report.kind == "wrong_phone"
        assert report.details.startswith("The number on the page")
