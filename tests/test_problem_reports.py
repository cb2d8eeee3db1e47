"""'Report a problem with this page': the public form (validation, spam resistance, rate limit),
the e-mail to the service's provider accounts, the admin queue (providers see only theirs),
and closing a report (reply address deleted, a review recorded if asked)."""

from __future__ import annotations

import datetime
import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from commissioning.problem_reports.forms import form_token
from commissioning.problem_reports.views import PER_ADDRESS
from directory.models import Organisation, ProblemReport, ServicePage
from directory.site_setup import EDITORS, PROVIDERS

from .admin_forms import form_values

pytestmark = pytest.mark.django_db

QUEUE = "/admin/problem-reports/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the rate limit counts in the cache
    yield
    cache.clear()


@pytest.fixture
def other_organisation(db) -> Organisation:
    return Organisation.objects.create(name="Hillside Youth Project")


@pytest.fixture
def service(make_service, organisation, make_user) -> ServicePage:
    """A live service whose organisation has two provider accounts (one without an email)."""
    make_user(PROVIDERS, "riverside-provider", organisations=(organisation,))
    quiet = make_user(PROVIDERS, "riverside-quiet", organisations=(organisation,))
    quiet.email = ""
    quiet.save()
    return make_service(title="Stay and Play")


@pytest.fixture
def other_service(make_service, other_organisation, make_user) -> ServicePage:
    make_user(PROVIDERS, "hillside-provider", organisations=(other_organisation,))
    return make_service(title="Hillside Youth Club", organisation=other_organisation)


def shown(seconds_ago: float) -> str:
    """The form's signed 'shown at' time, as if the form had been shown so long ago (the
    signature's own timestamp included)."""
    then = time.time() - seconds_ago
    with mock.patch("time.time", return_value=then):
        return form_token()


def url(service: ServicePage) -> str:
    return reverse("problem_report", args=[service.pk])


def report_data(client, service: ServicePage, **changes: str) -> dict[str, list[str]]:
    """The form as the page renders it, filled in as a person would, shown 30 s ago."""
    data = form_values(client.get(url(service)).content, "main form[method=post]")
    data.update({"kind": ["wrong_phone"], "details": ["The number is 020 8314 0000 now."]})
    data["shown"] = [shown(30)]
    data.update({name: [value] for name, value in changes.items()})
    return data


def test_every_service_page_ends_with_a_link_to_report_a_problem(client, service):
    soup = BeautifulSoup(client.get(service.url).content, "html.parser")
    link = soup.find("a", string="Report a problem with this page")
    assert link is not None and link["href"] == url(service)
    # At the bottom: nothing of the service's own content comes after it.
    assert link.find_parent("footer") is not None


def test_a_report_is_saved_and_the_providers_are_emailed(client, service, other_service):
    form_page = client.get(url(service))
    assert form_page.status_code == 200
    soup = BeautifulSoup(form_page.content, "html.parser")
    assert [i["value"] for i in soup.select("input[name=kind]")] == [
        "wrong_phone",
        "closed",
        "moved",
        "other",
    ]
    response = client.post(url(service), report_data(client, service, reply_email="a@b.example"))
    assert response.status_code == 302
    assert response["Location"] == reverse("problem_report_sent", args=[service.pk])
    report = ProblemReport.objects.get()
    assert (report.service, report.kind, report.status) == (service, "wrong_phone", "open")
    assert report.details == "The number is 020 8314 0000 now."
    assert report.reply_email == "a@b.example"
    # Nothing else about the person: the row has no other field to hold it.
    fields = {field.name for field in ProblemReport._meta.concrete_fields}
    assert fields == {
        "id",
        "service",
        "kind",
        "details",
        "reply_email",
        "status",
        "created_at",
        "closed_at",
        "closed_by",
        "closing_note",
    }
    # One message to the one provider account with an address; not to other organisations'.
    assert [message.to for message in mail.outbox] == [["riverside-provider@example.org"]]
    message = mail.outbox[0]
    assert "Stay and Play" in message.subject and "The phone number is wrong" in message.subject
    assert "020 8314 0000" in message.body
    assert f"/admin/problem-reports/edit/{report.pk}/" in message.body
    assert "a@b.example" not in message.body  # the reply address stays in the admin
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": ""}, "Choose what is wrong with this page."),
        ({"kind": "nonsense"}, "Select a valid choice"),
        ({"reply_email": "not-an-address"}, "Enter an email address like name@example.com"),
        ({"details": "x" * 2001}, "Keep it to 2,000 characters or fewer."),
        ({"website": "http://spam.example"}, "Your report could not be sent."),
        ({"shown": ""}, "This form has expired."),
        ({"shown": "tampered:value"}, "This form has expired."),
        ({"seconds_ago": 2 * 24 * 60 * 60}, "This form has expired."),
        ({"seconds_ago": 1}, "That was sent very quickly."),
    ],
)
def test_bad_or_robotic_reports_are_refused_with_a_message(client, service, changes, message):
    if "seconds_ago" in changes:  # made now: the test may run long after collection
        changes = {"shown": shown(changes["seconds_ago"])}
    response = client.post(url(service), report_data(client, service, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert not ProblemReport.objects.exists() and not mail.outbox
    # What was typed is kept, and a new form time lets the person send it again.
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("input[name=shown]")["value"] != changes.get("shown")


def test_reports_are_rate_limited_per_client_address(client, service):
    allowed, _ = PER_ADDRESS
    for _ in range(allowed):
        assert client.post(url(service), report_data(client, service)).status_code == 302
    response = client.post(url(service), report_data(client, service))
    assert response.status_code == 429
    assert "several reports in the last hour" in response.content.decode()
    assert ProblemReport.objects.count() == allowed
    # Someone else, elsewhere, can still report.
    elsewhere = client.post(url(service), report_data(client, service), REMOTE_ADDR="192.0.2.9")
    assert elsewhere.status_code == 302


def test_only_live_services_can_be_reported(client, make_service):
    draft = make_service(title="Draft", publish=False)
    assert client.get(url(draft)).status_code == 404
    assert client.post(reverse("problem_report", args=[999999])).status_code == 404


# -- the queue ------------------------------------------------------------------------------


def make_report(service: ServicePage, **fields) -> ProblemReport:
    return ProblemReport.objects.create(service=service, kind="closed", **fields)


def listed_services(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(row.td.get_text().split()) for row in soup.select("table.listing tbody tr")]


def test_the_queue_shows_a_provider_only_their_organisations_reports(
    client, make_user, commissioner, service, other_service, organisation
):
    mine = make_report(service, details="Closed since March")
    theirs = make_report(other_service)
    client.force_login(commissioner)
    assert sorted(listed_services(client.get(QUEUE))) == ["Hillside Youth Club", "Stay and Play"]

    provider = make_user(PROVIDERS, organisations=(organisation,))
    client.force_login(provider)
    assert listed_services(client.get(QUEUE)) == ["Stay and Play"]
    assert client.get(reverse("problem_reports:edit", args=[mine.pk])).status_code == 200
    # Another organisation's report is not there for them, as its service is not.
    for view in ("edit", "history", "usage"):
        response = client.get(reverse(f"problem_reports:{view}", args=[theirs.pk]))
        assert response.status_code == 404, view
    response = client.post(reverse("problem_reports:edit", args=[theirs.pk]), {"closing_note": ""})
    assert response.status_code == 404
    assert ProblemReport.objects.get(pk=theirs.pk).status == "open"


def test_closing_a_report_deletes_the_reply_address_and_can_record_a_review(
    client, make_user, service
):
    ServicePage.objects.filter(pk=service.pk).update(last_reviewed=datetime.date(2024, 1, 1))
    report = make_report(service, reply_email="parent@example.org")
    editor = make_user(EDITORS)
    client.force_login(editor)
    edit = reverse("problem_reports:edit", args=[report.pk])
    page = client.get(edit)
    assert "parent@example.org" in page.content.decode()
    data = form_values(page.content, "#w-editor-form")
    data.update({"closing_note": ["Phoned the hub: number corrected."], "record_review": ["on"]})
    response = client.post(edit, data, follow=True)
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == "closed" and report.reply_email == ""
    assert report.closed_by == editor and report.closing_note.startswith("Phoned the hub")
    assert ServicePage.objects.get(pk=service.pk).last_reviewed == timezone.localdate()
    messages = [str(message) for message in response.context["messages"]]
    assert any("recorded as reviewed today" in message for message in messages)
    # A closed report stays closed, and shows no address.
    again = client.get(edit).content.decode()
    assert "This report is closed." in again and "parent@example.org" not in again


def test_closing_without_a_review_leaves_the_review_date(client, commissioner, service):
    ServicePage.objects.filter(pk=service.pk).update(last_reviewed=datetime.date(2024, 1, 1))
    report = make_report(service)
    client.force_login(commissioner)
    edit = reverse("problem_reports:edit", args=[report.pk])
    data = form_values(client.get(edit).content, "#w-editor-form")
    data["closing_note"] = ["Spam"]
    client.post(edit, data)
    assert ProblemReport.objects.get(pk=report.pk).status == "closed"
    assert ServicePage.objects.get(pk=service.pk).last_reviewed == datetime.date(2024, 1, 1)
