"""The review reminder's one-click "still accurate" link: it shows the listing, records a review
on POST only, without logging in, once; expired, reused, tampered and wrong-service links are
refused with a message and change nothing."""

from __future__ import annotations

import datetime
import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry

from commissioning.reviews.actions import REVIEW_ACTION
from commissioning.reviews.links import confirm_token, confirm_url
from commissioning.reviews.reminders import send_reminders
from directory.models import Organisation, ServicePage
from directory.site_setup import PROVIDERS

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2024, 1, 1)


@pytest.fixture
def provider(make_user, organisation):
    return make_user(PROVIDERS, "riverside-provider", organisations=(organisation,))


@pytest.fixture
def overdue(make_service, provider):
    service = make_service(title="Stay and Play", last_reviewed=LONG_AGO)
    return ServicePage.objects.get(pk=service.pk)


@pytest.fixture
def other_service(make_service):
    other = Organisation.objects.create(name="Hillside Youth Project")
    service = make_service(title="Hillside Club", organisation=other, last_reviewed=LONG_AGO)
    return ServicePage.objects.get(pk=service.pk)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def reviewed_on(service: ServicePage) -> datetime.date | None:
    return ServicePage.objects.get(pk=service.pk).last_reviewed


def test_the_reminder_carries_a_link_that_confirms_without_logging_in(client, overdue, provider):
    run = send_reminders(timezone.localdate())
    assert run.emails == 1
    body = mail.outbox[0].body
    link = re.search(r"Still accurate\? Check it and confirm, no login needed: (\S+)", body)
    assert link, body
    assert "Something has changed? Log in and edit it:" in body
    url = path_of(link.group(1))

    page = client.get(url)  # shows the listing; records nothing
    assert page.status_code == 200
    html = page.content.decode()
    assert "Is this listing still accurate?" in html and "Stay and Play" in html
    assert "Yes, it is still accurate" in html
    assert reviewed_on(overdue) == LONG_AGO

    done = client.post(url)
    assert done.status_code == 200
    assert "review recorded" in done.content.decode()
    assert reviewed_on(overdue) == timezone.localdate()
    entry = PageLogEntry.objects.filter(page=overdue, action=REVIEW_ACTION).get()
    assert entry.user == provider
    assert "_auth_user_id" not in client.session  # nobody was logged in


def test_a_link_works_once(client, overdue, provider):
    url = path_of(confirm_url(overdue, provider))
    assert client.post(url).status_code == 200
    reviews = PageLogEntry.objects.filter(page=overdue, action=REVIEW_ACTION).count()
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 410
        assert "already been used" in response.content.decode()
    assert PageLogEntry.objects.filter(page=overdue, action=REVIEW_ACTION).count() == reviews == 1


def test_an_expired_link_is_refused(client, overdue, provider, settings):
    settings.REVIEW_CONFIRM_LINK_DAYS = 45
    sent = time.time() - 46 * 24 * 60 * 60
    with mock.patch("time.time", return_value=sent):
        token = confirm_token(overdue, provider)
    response = client.post(f"/still-accurate/{overdue.pk}/{token}/")
    assert response.status_code == 410
    assert "This link has expired: links work for 45 days." in response.content.decode()
    assert reviewed_on(overdue) == LONG_AGO


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature
        lambda token: "x" + token[1:],  # the data
        lambda token: token[: len(token) // 2],  # cut short, as e-mail programs do
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_link_is_refused(client, overdue, provider, tamper):
    token = tamper(confirm_token(overdue, provider))
    response = client.post(f"/still-accurate/{overdue.pk}/{token}/")
    assert response.status_code == 400
    assert "This link is not right" in response.content.decode()
    assert reviewed_on(overdue) == LONG_AGO


def test_a_link_for_another_service_is_refused(client, overdue, other_service, provider):
    token = confirm_token(overdue, provider)
    response = client.post(f"/still-accurate/{other_service.pk}/{token}/")
    assert response.status_code == 400
    assert "for a different listing" in response.content.decode()
    assert reviewed_on(other_service) == LONG_AGO and reviewed_on(overdue) == LONG_AGO


def test_a_link_for_someone_no_longer_with_the_organisation_is_refused(
    client, overdue, provider, organisation
):
    url = path_of(confirm_url(overdue, provider))
    organisation.users.remove(provider)
    response = client.post(url)
    assert response.status_code == 403
    assert reviewed_on(overdue) == LONG_AGO


def test_only_get_and_post(client, overdue, provider):
    url = path_of(confirm_url(overdue, provider))
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
    assert reviewed_on(overdue) == LONG_AGO
