"""The admin's Services screen: every service with its organisation, levels, status, review date
and completeness; filters, search and bulk actions; providers see and act on only their own
organisations' services."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from commissioning.reports.completeness import score_service
from directory.models import Organisation, ProblemReport, ServicePage
from directory.site_setup import EDITORS, PROVIDERS

pytestmark = pytest.mark.django_db

INDEX = "/admin/directory-services/"


def bulk_url(action: str) -> str:
    return f"/admin/bulk/directory/servicepage/{action}/"


@pytest.fixture
def other_organisation(db) -> Organisation:
    return Organisation.objects.create(name="Hillside Youth Project")


@pytest.fixture
def services(make_service, organisation, other_organisation, commissioner):
    """Five services, one in each state, two organisations."""
    today = timezone.localdate()
    current = make_service(
        title="Current Club",
        last_reviewed=today - datetime.timedelta(days=30),
        needs=["Domestic abuse"],
    )
    overdue = make_service(
        title="Overdue Group",
        last_reviewed=today - datetime.timedelta(days=800),
        organisation=other_organisation,
        levels=["targeted"],
    )
    draft = make_service(title="Draft Drop-in", publish=False, last_reviewed=None)
    waiting = make_service(title="Waiting Walk", publish=False)
    waiting.get_workflow().start(waiting, commissioner)
    due_soon = make_service(
        title="Soon Session",
        last_reviewed=today - datetime.timedelta(days=350),
        organisation=other_organisation,
    )
    return {
        "current": current,
        "overdue": overdue,
        "draft": draft,
        "waiting": waiting,
        "due_soon": due_soon,
    }


def listed(response) -> list[str]:
    """The service names in the listing's rows, in order."""
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("table.listing tbody tr")
    return [" ".join(row.select_one("td.title a").get_text().split()) for row in rows]


def row_text(response, title: str) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    for row in soup.select("table.listing tbody tr"):
        if title in row.get_text():
            return " ".join(row.get_text().split())
    raise AssertionError(f"no row for {title}")


def test_every_service_is_listed_with_what_commissioners_need(client, commissioner, services):
    client.force_login(commissioner)
    response = client.get(INDEX)
    assert response.status_code == 200
    assert listed(response) == [
        "Current Club",
        "Draft Drop-in",
        "Overdue Group",
        "Soon Session",
        "Waiting Walk",
    ]
    overdue = row_text(response, "Overdue Group")
    assert "Hillside Youth Project" in overdue and "Targeted" in overdue
    assert "Published" in overdue and "Overdue: was due" in overdue
    assert "Waiting for approval" in row_text(response, "Waiting Walk")
    assert "Draft" in row_text(response, "Draft Drop-in")
    assert "Not reviewed yet" in row_text(response, "Draft Drop-in")
    assert "Due soon" in row_text(response, "Soon Session")
    # Completeness, with what is missing (the example service has no description).
    current = row_text(response, "Current Club")
    completeness = score_service(services["current"])
    assert 0 < completeness.score < 100 and "No description" in completeness.missing
    assert f"{completeness.score}%" in current and "No description" in current


def test_the_services_screen_is_in_the_menu(client, make_user, services):
    for group in (EDITORS, PROVIDERS):
        client.force_login(make_user(group))
        response = client.get(reverse("wagtailadmin_home"))
        # The sidebar menu is JSON the admin's script draws.
        assert '"url": "/admin/directory-services/"' in response.content.decode(), group


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("live", ["Current Club", "Overdue Group", "Soon Session"]),
        ("draft", ["Draft Drop-in"]),
        ("in_approval", ["Waiting Walk"]),
        ("overdue", ["Overdue Group"]),
        ("due_soon", ["Soon Session"]),
    ],
)
def test_status_filter(client, commissioner, services, status, expected):
    client.force_login(commissioner)
    assert listed(client.get(INDEX, {"status": status})) == expected


def test_organisation_level_need_filters_and_search(
    client, commissioner, services, other_organisation
):
    client.force_login(commissioner)
    by_organisation = client.get(INDEX, {"organisation": other_organisation.pk})
    assert listed(by_organisation) == ["Overdue Group", "Soon Session"]
    targeted = services["overdue"].levels.get()
    assert listed(client.get(INDEX, {"level": targeted.pk})) == ["Overdue Group"]
    from directory.models import Need

    staying_safe = Need.objects.get(name="Staying safe")  # the category of "Domestic abuse"
    assert listed(client.get(INDEX, {"need": staying_safe.pk})) == ["Current Club"]
    assert listed(client.get(INDEX, {"q": "walk"})) == ["Waiting Walk"]


def test_a_provider_sees_and_acts_on_only_their_own_organisations_services(
    client, make_user, services, organisation, other_organisation
):
    provider = make_user(PROVIDERS, organisations=(other_organisation,))
    client.force_login(provider)
    response = client.get(INDEX)
    assert listed(response) == ["Overdue Group", "Soon Session"]
    soup = BeautifulSoup(response.content, "html.parser")
    choices = [option.get_text() for option in soup.select("select[name=organisation] option")]
    assert "Riverside Family Trust" not in choices and "Hillside Youth Project" in choices
    # Asking for another organisation's service finds nothing (tests/test_provider_visibility.py)
    # and changes nothing.
    foreign = services["current"]
    before = ServicePage.objects.get(pk=foreign.pk).last_reviewed
    url = bulk_url("still_accurate") + f"?id={foreign.pk}&id={services['overdue'].pk}"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert ServicePage.objects.get(pk=foreign.pk).last_reviewed == before
    url = bulk_url("still_accurate") + f"?id={services['overdue'].pk}"
    assert client.post(url).status_code == 302
    assert ServicePage.objects.get(pk=services["overdue"].pk).last_reviewed == (
        timezone.localdate()
    )
    # "Select all" is all of the provider's listing, never everyone's.
    client.post(bulk_url("still_accurate") + "?id=all")
    assert ServicePage.objects.get(pk=foreign.pk).last_reviewed == before


def test_bulk_submit_for_approval(client, make_user, services):
    editor = make_user(EDITORS)
    client.force_login(editor)
    draft, current, waiting = services["draft"], services["current"], services["waiting"]
    ids = f"id={draft.pk}&id={current.pk}&id={waiting.pk}"
    url = bulk_url("submit_for_approval") + f"?{ids}&next={INDEX}"
    confirm = client.get(url).content.decode()
    assert "These cannot be submitted (already waiting for approval" in confirm
    response = client.post(url, follow=True)
    assert response.request["PATH_INFO"] == INDEX
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == [
        "1 service submitted for approval. 1 service not submitted: already waiting for "
        "approval, or with no draft changes to approve."
    ]
    state = WorkflowState.objects.get(
        object_id=str(draft.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.requested_by == editor
    assert not WorkflowState.objects.filter(object_id=str(current.pk)).exists()


def test_bulk_still_accurate_on_a_filtered_select_all(client, commissioner, services):
    client.force_login(commissioner)
    today = timezone.localdate()
    client.post(bulk_url("still_accurate") + "?status=overdue&id=all")
    reviewed = ServicePage.objects.filter(last_reviewed=today).values_list("title", flat=True)
    assert list(reviewed) == ["Overdue Group"]


def test_bulk_export_downloads_exactly_the_selection(client, commissioner, services):
    client.force_login(commissioner)
    chosen = [services["draft"], services["overdue"]]
    url = bulk_url("export_xlsx") + "?" + "&".join(f"id={page.pk}" for page in chosen)
    confirm = client.get(url)
    assert "Download XLSX" in confirm.content.decode()
    response = client.post(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Services"]
    header = [cell.value for cell in sheet[1]]
    names = [row[header.index("name")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Draft Drop-in", "Overdue Group"]


def test_bulk_actions_refuse_services_in_the_deleted_bin(client, commissioner, services):
    from commissioning.recycle_bin.actions import move_to_bin

    client.force_login(commissioner)
    move_to_bin(services["current"], commissioner)
    response = client.get(bulk_url("still_accurate") + f"?id={services['current'].pk}")
    assert response.status_code == 404


# -- the dashboard counts what the Services screen lists ----------------------------------------


def dashboard_counts(client) -> list[tuple[int, str, str]]:
    """(number, words, link) for each count in the "Keeping the directory true" panel."""
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = soup.select_one("#directory-health-section")
    assert panel is not None
    counts = []
    for link in panel.select("li a"):
        number = int(link.strong.get_text())
        words = " ".join(link.get_text().split()[1:])
        counts.append((number, words, link["href"]))
    return counts


def all_listed(client, url: str) -> list[str]:
    """Every row of a listing (its first cell's text), following its pages."""
    names, number = [], 1
    while True:
        response = client.get(url + f"&p={number}")
        soup = BeautifulSoup(response.content, "html.parser")
        names += [
            " ".join(row.select("td")[1 if row.select_one("td input") else 0].get_text().split())
            for row in soup.select("table.listing tbody tr")
        ]
        if not response.context["page_obj"].has_next():
            return names
        number += 1


@pytest.mark.parametrize("who", ["commissioner", "provider"])
def test_every_dashboard_count_equals_the_list_it_links_to(
    client, make_user, commissioner, services, other_organisation, who
):
    # One more draft: a published service with changes waiting (not a new page).
    current = services["current"]
    current.title = "Current Club (renamed)"
    current.save_revision()
    # Problems reported by the public: two open (one each), one closed.
    for service in (services["current"], services["overdue"], services["due_soon"]):
        ProblemReport.objects.create(service=service, kind="wrong_phone")
    ProblemReport.objects.filter(service=services["due_soon"]).update(status="closed")
    if who == "provider":
        user = make_user(PROVIDERS, organisations=(other_organisation,))
    else:
        user = commissioner
    client.force_login(user)
    counts = dashboard_counts(client)
    expected = {
        "commissioner": {
            "live": 3,
            "draft": 2,
            "in_approval": 1,
            "overdue": 1,
            "due_soon": 1,
            "open": 2,
        },
        "provider": {
            "live": 2,
            "draft": 0,
            "in_approval": 0,
            "overdue": 1,
            "due_soon": 1,
            "open": 1,
        },
    }[who]
    seen = {}
    for number, words, url in counts:
        listed_names = all_listed(client, url)
        assert number == len(listed_names), (words, url, listed_names)
        seen[url.rsplit("=", 1)[-1]] = number
    assert seen == expected
