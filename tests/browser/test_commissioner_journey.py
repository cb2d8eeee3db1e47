"""A commissioner's sitting, in a real browser: the gap report shows targeted domestic-abuse
support thin in one district where families search for it; two stale listings are confirmed
still accurate; a provider's spreadsheet is imported and its services are live in search.

The demo borough is shared by the whole browser session, so everything this test changes is
put back at the end.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.urls import reverse

from directory.site_setup import COMMISSIONERS

from .support import format_violations, log_in_to_admin, run_axe, wait_for_animations

pytestmark = pytest.mark.browser

IMPORTED = ["Riverside Young Carers Club", "Riverside Dads' Walk and Talk"]


@pytest.fixture
def commissioner_login(admin_user):
    return admin_user(COMMISSIONERS, "journey-commissioner").get_username()


@pytest.fixture
def put_back_reviews_and_imports():
    """Undo the journey's changes to the shared demo: review dates and imported services."""
    from directory.models import ServicePage
    from search.signals import update_services

    reviews = dict(ServicePage.objects.values_list("pk", "last_reviewed"))
    yield
    imported = list(ServicePage.objects.filter(title__in=IMPORTED))
    for page in imported:
        page.delete()
    changed = [
        page
        for page in ServicePage.objects.filter(pk__in=reviews)
        if page.last_reviewed != reviews[page.pk]
    ]
    for page in changed:
        page.last_reviewed = reviews[page.pk]
        page.save(update_fields=["last_reviewed"])
    update_services([page.pk for page in imported + changed])


def provider_spreadsheet(folder: Path) -> Path:
    from directory.models import Organisation
    from exchange.spreadsheets.columns import headers

    organisation = Organisation.objects.order_by("name").first().name
    common = {
        "organisation": organisation,
        "levels": "Targeted",
        "self_referral": "yes",
        "in_person": "yes",
        "is_free": "yes",
        "access_instructions": "Call the team, or ask your school to refer you.",
        "contact_1_name": "Riverside team",
        "contact_1_phone": "020 8314 6000",
        "location_1_name": "Riverside Hub",
        "location_1_postcode": "SE13 6LH",
        "schedules": "Tue 16:00-18:00",
    }
    rows = [
        {
            **common,
            "name": IMPORTED[0],
            "summary": "A weekly club for young carers aged 8 to 17 to have fun and a break.",
            "needs": "Young carers",
            "minimum_age": "8",
            "maximum_age": "17",
        },
        {
            **common,
            "name": IMPORTED[1],
            "summary": "A Saturday walk and talk for dads who are finding things hard.",
            "needs": "Dads and male carers",
            "for_parents_and_carers": "yes",
        },
    ]
    path = folder / "provider-services.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=headers())
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in headers()})
    return path


def assert_accessible(page) -> None:
    # Wagtail's messages fade in: let the animation end before contrast is measured.
    wait_for_animations(page)
    violations = run_axe(page)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_commissioner_finds_the_gap_fixes_stale_listings_and_imports_a_spreadsheet(
    page, site_url, commissioner_login, demo_search_log, put_back_reviews_and_imports, tmp_path
):
    log_in_to_admin(page, commissioner_login)
    assert page.get_by_text("Keeping the directory true").count() == 1

    # 1. The gap report, narrowed to targeted support: domestic abuse in SE6 tops the gaps.
    page.goto(reverse("directory_reports:gaps"))
    page.select_option("#id_level", label="Targeted")
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_load_state()
    worst = page.locator("tr[data-gap]").first
    assert worst.get_attribute("data-gap") == "domestic-abuse:SE6", worst.inner_text()
    shortfall = worst.locator("td").nth(1).inner_text()
    searches, local, area_wide = map(int, re.findall(r"\d+", shortfall))
    assert searches >= 10 and local + area_wide <= 1, shortfall  # many searches, few services
    assert page.locator("[data-heatmap][role=region]").count() == 3
    assert page.locator(".trend svg[role=img]").count() == 1
    assert_accessible(page)

    # 2. Two stale listings confirmed still accurate, from the reviews report.
    page.goto(reverse("directory_reviews:report"))
    buttons = page.get_by_role("button", name=re.compile(r"^Still accurate: "))
    assert buttons.count() >= 2
    confirmed = []
    for _ in range(2):
        button = buttons.first
        name = button.get_attribute("aria-label").split(": ", 1)[1]
        button.click()
        page.wait_for_load_state()
        assert page.get_by_text(f"'{name}' confirmed still accurate").count() == 1
        confirmed.append(name)
    for name in confirmed:
        assert page.get_by_role("button", name=f"Still accurate: {name}").count() == 0
    assert_accessible(page)

    # 3. A provider's spreadsheet, checked and published in one go.
    page.goto(reverse("directory_spreadsheets:index"))
    page.set_input_files("input[type=file]", str(provider_spreadsheet(Path(tmp_path))))
    page.get_by_label("Published now").check()
    page.get_by_role("button", name="Check and import").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile(r"2 services created")).count() >= 1, page.content()[:3000]
    assert_accessible(page)

    # Families find the new services straight away.
    page.goto("/search/?q=young+carers+club")
    assert page.get_by_role("link", name=IMPORTED[0]).count() >= 1
