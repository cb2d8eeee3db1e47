"""Every change is in Wagtail's history, with who and when."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from directory.models import Organisation

pytestmark = pytest.mark.django_db


def test_organisation_edits_are_logged_with_the_user(client, commissioner, organisation):
    client.force_login(commissioner)
    url = reverse("wagtailsnippets_directory_organisation:edit", args=(organisation.pk,))
    response = client.post(
        url,
        {
            "name": "Riverside Family Trust",
            "description": "Family support in the north of the borough.",
            "email": "hello@riverside.example",
            "phone": "",
            "website": "https://riverside.example",
            "charity_number": "",
            "company_number": "",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).description.startswith("Family support")
    entry = ModelLogEntry.objects.get(object_id=str(organisation.pk), action="wagtail.edit")
    assert entry.user == commissioner and entry.timestamp is not None
    history = client.get(
        reverse("wagtailsnippets_directory_organisation:history", args=(organisation.pk,))
    )
    assert history.status_code == 200 and "commissioner" in history.content.decode()


def test_service_edits_and_publishing_are_logged_with_the_user(commissioner, make_service):
    page = make_service(title="Toy Library")
    page.summary = "Borrow toys and books for free."
    page.save_revision(user=commissioner, log_action=True).publish(user=commissioner)
    logged = PageLogEntry.objects.filter(page_id=page.pk, user=commissioner)
    assert {"wagtail.edit", "wagtail.publish"} <= set(logged.values_list("action", flat=True))
