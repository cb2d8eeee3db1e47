"""The review cycle: reminders at each stage (once each), the one-click "still accurate" review,
and the "Reviews due" report."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from commissioning.reviews.stages import Stage, stage_on
from directory.models import Need, Organisation, ReviewReminder, ServicePage
from directory.models.services import add_months
from directory.site_setup import EDITORS, PROVIDERS
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

# A review date in the past (the editor refuses future ones); the command's --date plays the
# calendar around its due date.
REVIEWED = datetime.date(2024, 3, 15)
DUE = datetime.date(2025, 3, 15)


def day(offset: int) -> str:
    return (DUE + datetime.timedelta(days=offset)).isoformat()


def remind(on: str, *extra: str) -> str:
    out = io.StringIO()
    call_command("send_review_reminders", "--date", on, *extra, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def stages_sent(service: ServicePage) -> list[str]:
    return sorted(service.review_reminders.values_list("stage", flat=True))


@pytest.fixture
def provider(make_user, organisation):
    return make_user(PROVIDERS, "pat", organisations=(organisation,))


# -- stages ----------------------------------------------------------------------------------


def test_stage_boundaries():
    assert stage_on(DUE, DUE - datetime.timedelta(days=31)) is None
    assert stage_on(DUE, DUE - datetime.timedelta(days=30)) == Stage.DUE
    assert stage_on(DUE, DUE - datetime.timedelta(days=8)) == Stage.DUE
    assert stage_on(DUE, DUE - datetime.timedelta(days=7)) == Stage.REMINDER
    assert stage_on(DUE, DUE) == Stage.REMINDER
    assert stage_on(DUE, DUE + datetime.timedelta(days=1)) == Stage.OVERDUE
    assert stage_on(None, DUE) == Stage.OVERDUE


def test_stage_offsets_come_from_settings(settings):
    settings.REVIEW_DUE_DAYS_BEFORE = 60
    settings.REVIEW_REMINDER_DAYS_BEFORE = 14
    assert stage_on(DUE, DUE - datetime.timedelta(days=60)) == Stage.DUE
    assert stage_on(DUE, DUE - datetime.timedelta(days=14)) == Stage.REMINDER


# -- reminders -------------------------------------------------------------------------------


def test_each_stage_is_sent_once_on_its_day(make_service, provider):
    service = make_service(title="Stay and Play", last_reviewed=REVIEWED)
    assert service.review_due == DUE

    remind(day(-31))
    assert mail.outbox == [] and stages_sent(service) == []

    remind(day(-30))
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [provider.email]
    assert "Stay and Play" in email.body and "15 March 2025" in email.body
    assert f"http://127.0.0.1:8000/admin/pages/{service.pk}/edit/" in email.body
    assert "Still accurate" in email.body
    assert "REVIEW DUE WITHIN 30 DAYS" in email.body
    assert stages_sent(service) == ["due"]

    remind(day(-30))  # run twice the same day
    remind(day(-8))  # and daily until the next stage
    assert len(mail.outbox) == 1

    remind(day(-7))
    assert len(mail.outbox) == 2 and "REVIEW DUE WITHIN 7 DAYS" in mail.outbox[1].body
    remind(day(0))
    assert len(mail.outbox) == 2

    remind(day(1))
    assert len(mail.outbox) == 3
    assert "OVERDUE FOR REVIEW" in mail.outbox[2].body and "overdue" in mail.outbox[2].subject
    remind(day(2))
    remind(day(90))
    assert len(mail.outbox) == 3
    assert stages_sent(service) == ["due", "overdue", "reminder"]
    assert set(service.review_reminders.values_list("review_due", "recipients")) == {(DUE, 1)}


def test_only_the_latest_stage_reached_is_sent(make_service, provider):
    service = make_service(last_reviewed=REVIEWED)
    remind(day(5))  # the first run after the service became overdue
    assert len(mail.outbox) == 1 and stages_sent(service) == ["overdue"]
    assert "OVERDUE FOR REVIEW" in mail.outbox[0].body
    assert "WITHIN 30 DAYS" not in mail.outbox[0].body


def test_a_never_reviewed_service_is_overdue_once(make_service, provider):
    service = make_service(title="Brand new", last_reviewed=None)
    remind(day(0))
    remind(day(1))
    assert len(mail.outbox) == 1
    assert "Brand new" in mail.outbox[0].body and "never reviewed" in mail.outbox[0].body
    assert list(service.review_reminders.values_list("stage", "review_due")) == [("overdue", None)]


def test_a_new_review_starts_a_new_cycle(make_service, provider):
    from commissioning.reviews.actions import record_review

    service = make_service(last_reviewed=REVIEWED)
    remind(day(1))
    assert len(mail.outbox) == 1

    reviewed = DUE + datetime.timedelta(days=10)
    record_review(service, provider, today=reviewed)
    next_due = add_months(reviewed, 12)
    remind(day(11))  # the day after the review: nothing due
    assert len(mail.outbox) == 1
    remind((next_due - datetime.timedelta(days=30)).isoformat())
    assert len(mail.outbox) == 2
    assert set(service.review_reminders.values_list("stage", "review_due")) == {
        ("overdue", DUE),
        ("due", next_due),
    }


def test_one_email_per_person_listing_all_their_services(make_service, make_user, organisation):
    first = make_user(PROVIDERS, "ann", organisations=(organisation,))
    second = make_user(PROVIDERS, "bob", organisations=(organisation,))
    other_org = Organisation.objects.create(name="Hilltop Play")
    outsider = make_user(PROVIDERS, "cat", organisations=(other_org,))
    make_service(title="Overdue club", last_reviewed=REVIEWED - datetime.timedelta(days=60))
    make_service(title="Nearly due club", last_reviewed=REVIEWED - datetime.timedelta(days=3))
    make_service(title="Coming up club", last_reviewed=REVIEWED)
    make_service(title="Not yet club", last_reviewed=REVIEWED + datetime.timedelta(days=60))
    make_service(title="Hilltop club", last_reviewed=REVIEWED, organisation=other_org)

    output = remind(day(-5))
    by_address = {email.to[0]: email for email in mail.outbox}
    assert len(mail.outbox) == 3
    assert set(by_address) == {first.email, second.email, outsider.email}
    for user in (first, second):
        body = by_address[user.email].body
        assert "Overdue club" in body and "Nearly due club" in body and "Coming up club" in body
        assert "Not yet club" not in body and "Hilltop club" not in body
        # Most urgent first.
        assert body.index("Overdue club") < body.index("Nearly due club")
        assert by_address[user.email].subject.startswith("Please check 3 listings")
    assert "Hilltop club" in by_address[outsider.email].body
    assert "Overdue club" not in by_address[outsider.email].body
    assert "Review overdue: 1 services" in output and "Emails sent: 3" in output
    assert ReviewReminder.objects.get(service__title="Overdue club").recipients == 2


def test_services_with_no_one_to_tell_are_reported_and_not_recorded(
    make_service, make_user, organisation
):
    service = make_service(title="Orphan service", last_reviewed=REVIEWED)
    output = remind(day(1))
    assert mail.outbox == []
    assert "1 services have no one to tell" in output
    assert "Orphan service (organisation: Riverside Family Trust; review overdue)" in output
    assert stages_sent(service) == []

    # Once the organisation has a provider account, the current stage goes out.
    make_user(PROVIDERS, "dee", organisations=(organisation,))
    remind(day(2))
    assert len(mail.outbox) == 1 and stages_sent(service) == ["overdue"]


class RefusingBackend(LocmemBackend):
    """A mail server that refuses one address (a stand-in for a failing SMTP server)."""

    refused = "broken@example.org"

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to:
                raise OSError("550 mailbox unavailable")
        return super().send_messages(messages)


def test_a_failed_email_does_not_stop_the_others_and_is_not_recorded(
    make_service, make_user, organisation, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    broken = make_user(PROVIDERS, "broken", organisations=(organisation,))
    assert broken.email == RefusingBackend.refused
    fine_org = Organisation.objects.create(name="Fine Org")
    make_user(PROVIDERS, "fine", organisations=(fine_org,))
    failing = make_service(title="Failing one", last_reviewed=REVIEWED)
    working = make_service(title="Working one", last_reviewed=REVIEWED, organisation=fine_org)

    with pytest.raises(CommandError, match="could not be sent"):
        remind(day(1))
    assert [email.to for email in mail.outbox] == [["fine@example.org"]]
    assert stages_sent(working) == ["overdue"]
    assert stages_sent(failing) == []

    # The mail server recovers: the next run sends only what was missed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    remind(day(2))
    assert [email.to for email in mail.outbox] == [["fine@example.org"], [broken.email]]
    assert "Failing one" in mail.outbox[1].body and "Working one" not in mail.outbox[1].body
    assert stages_sent(failing) == ["overdue"]


def test_dry_run_sends_and_records_nothing(make_service, provider):
    make_service(title="Stale", last_reviewed=REVIEWED)
    output = remind(day(1), "--dry-run")
    assert "Dry run" in output and "Emails would be sent: 1" in output
    assert "Review overdue: 1 services" in output
    assert mail.outbox == [] and not ReviewReminder.objects.exists()


def test_drafts_are_not_reminded(make_service, provider):
    make_service(title="Unpublished", last_reviewed=REVIEWED, publish=False)
    remind(day(1))
    assert mail.outbox == []


def test_a_bad_date_is_a_clear_error(db):
    with pytest.raises(CommandError, match="--date must be a date"):
        remind("31/05/2026")


# -- the one-click review --------------------------------------------------------------------


def stale_service(make_service, **fields):
    return make_service(last_reviewed=timezone.localdate() - datetime.timedelta(days=400), **fields)


def confirm_url(page) -> str:
    return reverse("directory_reviews:confirm", args=[page.pk])


def test_still_accurate_records_a_review_without_a_new_revision(make_service, commissioner, client):
    page = stale_service(make_service, title="Stale club")
    assert SearchEntry.objects.get(pk=page.pk).review_due < timezone.localdate()
    revisions = Revision.objects.for_instance(page).count()
    client.force_login(commissioner)

    response = client.post(confirm_url(page), {"next": "/admin/reviews/?status=overdue"})

    assert response.status_code == 302 and response.url == "/admin/reviews/?status=overdue"
    today = timezone.localdate()
    page.refresh_from_db()
    assert page.last_reviewed == today and page.review_due == add_months(today, 12)
    assert not page.is_overdue_for_review
    assert Revision.objects.for_instance(page).count() == revisions
    entry = PageLogEntry.objects.filter(page=page, action="directory.review").get()
    assert entry.user == commissioner
    assert entry.data["review_due"] == add_months(today, 12).isoformat()
    assert "Confirmed still accurate" in entry.message
    # The search document carries the new date at once.
    search_entry = SearchEntry.objects.get(pk=page.pk)
    assert search_entry.review_due == add_months(today, 12)
    assert search_entry.document["last_reviewed"] == today.isoformat()
    # The public page stops warning families.
    assert "overdue for review" not in client.get(page.url).content.decode()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("'Stale club' confirmed still accurate" in m for m in messages)


def test_a_review_survives_publishing_an_older_draft(make_service, commissioner, client):
    page = stale_service(make_service)
    old_review = page.last_reviewed
    # An editor's draft, saved before the review: it holds the old review date.
    draft = ServicePage.objects.get(pk=page.pk)
    draft.summary = "A new summary waiting for approval."
    revision = Revision.objects.get(pk=draft.save_revision().pk)
    assert revision.content["last_reviewed"] == old_review.isoformat()

    client.force_login(commissioner)
    client.post(confirm_url(page))
    revision.refresh_from_db()
    revision.publish()

    page.refresh_from_db()
    assert page.summary == "A new summary waiting for approval."
    assert page.last_reviewed == timezone.localdate()
    assert SearchEntry.objects.get(pk=page.pk).review_due == add_months(timezone.localdate(), 12)


def test_still_accurate_refuses_get_unknown_pages_and_people_who_cannot_edit(
    make_service, commissioner, make_user, client
):
    page = stale_service(make_service)
    before = page.last_reviewed
    client.force_login(commissioner)
    assert client.get(confirm_url(page)).status_code == 405
    assert client.post(reverse("directory_reviews:confirm", args=[987654])).status_code == 404

    # Admin access, but no permission to edit pages.
    viewer = make_user(EDITORS, "viewer")
    viewer.groups.clear()
    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(viewer)
    assert client.post(confirm_url(page)).status_code == 403

    # A provider of another organisation: to them the service does not exist.
    other = make_user(PROVIDERS, "other", organisations=(Organisation.objects.create(name="X"),))
    client.force_login(other)
    assert client.post(confirm_url(page)).status_code == 404

    client.logout()
    assert client.post(confirm_url(page)).status_code == 302  # to the login page
    page.refresh_from_db()
    assert page.last_reviewed == before
    assert not PageLogEntry.objects.filter(action="directory.review").exists()


def test_a_provider_confirms_their_own_service(make_service, provider, client):
    page = stale_service(make_service)
    client.force_login(provider)
    response = client.post(confirm_url(page))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.last_reviewed == timezone.localdate()


def test_unsafe_next_urls_go_back_to_the_editor(make_service, commissioner, client):
    page = stale_service(make_service)
    client.force_login(commissioner)
    response = client.post(confirm_url(page), {"next": "https://evil.example/phish"})
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_editor_header_offers_still_accurate(make_service, commissioner, client):
    page = stale_service(make_service)
    client.force_login(commissioner)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert f'data-w-action-url-value="{confirm_url(page)}"' in html
    assert "Still accurate" in html


# -- the report ------------------------------------------------------------------------------


def report(client, query: str = ""):
    return client.get(reverse("directory_reviews:report") + query)


def rows(response) -> list[str]:
    """Service names in the report's table, in order."""
    from bs4 import BeautifulSoup

    table = BeautifulSoup(response.content, "html.parser").find("table", class_="listing")
    if table is None:
        return []
    return [row.find("td").get_text(" ", strip=True) for row in table.find("tbody")("tr")]


@pytest.fixture
def catalogue(make_service):
    today = timezone.localdate()

    def reviewed(days_ago: int) -> datetime.date:
        return today - datetime.timedelta(days=days_ago)

    hilltop = Organisation.objects.create(name="Hilltop Play")
    return {
        "never": make_service(title="Never checked", last_reviewed=None),
        "very_late": make_service(
            title="Very late", last_reviewed=add_months(reviewed(100), -12), levels=["targeted"]
        ),
        "late": make_service(
            title="A bit late",
            last_reviewed=add_months(reviewed(5), -12),
            organisation=hilltop,
            needs=["Money and debt advice"],
        ),
        "soon": make_service(title="Due soon", last_reviewed=add_months(reviewed(-10), -12)),
        "fresh": make_service(title="Fresh", last_reviewed=reviewed(20)),
        "draft": make_service(
            title="Draft late", last_reviewed=add_months(reviewed(50), -12), publish=False
        ),
    }


def test_the_report_lists_due_and_overdue_services_most_overdue_first(
    catalogue, commissioner, client
):
    client.force_login(commissioner)
    response = report(client)
    assert response.status_code == 200
    names = rows(response)
    assert names == ["Never checked", "Very late", "Draft late", "A bit late", "Due soon"]
    text = response.content.decode()
    assert "100 days" in text and "Never reviewed" in text and "Due in 10 days" in text
    assert "Review overdue" in text and "Review coming up" in text

    assert rows(report(client, "?status=overdue")) == names[:4]
    assert rows(report(client, "?status=due")) == ["Due soon"]
    assert "Fresh" in rows(report(client, "?status=all"))
    hilltop = Organisation.objects.get(name="Hilltop Play")
    assert rows(report(client, f"?organisation={hilltop.pk}")) == ["A bit late"]
    from directory.models import LevelOfNeed

    targeted = LevelOfNeed.objects.get(slug="targeted")
    assert rows(report(client, f"?level={targeted.pk}")) == ["Very late"]
    # A category finds its needs' services.
    debt = Need.objects.get(name="Money and debt advice")
    assert rows(report(client, f"?need={debt.pk}")) == ["A bit late"]
    assert rows(report(client, f"?need={debt.parent_id}")) == ["A bit late"]
    # Bad filter input is a message, not a 500.
    assert report(client, "?organisation=nonsense").status_code == 200


def test_the_report_rows_confirm_still_accurate(catalogue, commissioner, client):
    client.force_login(commissioner)
    html = report(client, "?status=overdue").content.decode()
    action = confirm_url(catalogue["very_late"])
    assert f'action="{action}"' in html and 'name="csrfmiddlewaretoken"' in html
    response = client.post(action, {"next": "/admin/reviews/?status=overdue"})
    assert response.url == "/admin/reviews/?status=overdue"
    assert rows(client.get(response.url)) == ["Never checked", "Draft late", "A bit late"]
    # The commissioner fixes a second stale listing in the same sitting.
    client.post(confirm_url(catalogue["never"]), {"next": response.url})
    assert rows(client.get(response.url)) == ["Draft late", "A bit late"]
    assert PageLogEntry.objects.filter(action="directory.review", user=commissioner).count() == 2


def test_the_report_exports_csv_and_xlsx(catalogue, commissioner, client):
    client.force_login(commissioner)
    response = report(client, "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    records = list(csv.DictReader(io.StringIO(content)))
    assert [r["Service"] for r in records] == [
        "Never checked",
        "Very late",
        "Draft late",
        "A bit late",
        "Due soon",
    ]
    very_late = records[1]
    assert very_late["Days overdue"] == "100" and very_late["Stage"] == "Review overdue"
    assert very_late["Organisation"] == "Riverside Family Trust"
    assert very_late["Edit link"].endswith(f"/admin/pages/{catalogue['very_late'].pk}/edit/")
    assert records[0]["Days overdue"] == "never reviewed"
    assert records[2]["Published"] == "no (draft)"
    filtered = report(client, "?export=csv&status=due")
    assert len(b"".join(filtered.streaming_content).decode().strip().splitlines()) == 2

    xlsx = report(client, "?export=xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_report_is_only_for_people_with_the_permission(catalogue, make_user, client):
    client.force_login(make_user(EDITORS, "ed"))
    # Wagtail's way: back to the dashboard with "Sorry, you do not have permission".
    for query in ("", "?export=csv", "?status=all"):
        response = report(client, query)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    client.logout()
    response = report(client)
    assert response.status_code == 302 and "login" in response.url


def test_the_report_is_in_the_reports_menu_for_commissioners_only(commissioner, make_user, client):
    client.force_login(commissioner)
    assert reverse("directory_reviews:report") in client.get("/admin/").content.decode()
    client.force_login(make_user(EDITORS, "ed"))
    assert reverse("directory_reviews:report") not in client.get("/admin/").content.decode()
