"""Provider accounts: their own organisations' services only, and always through approval."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import Organisation, ServicePage
from directory.site_setup import EDITORS, PROVIDERS
from tests.service_form import add_url, service_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_organisation(db) -> Organisation:
    return Organisation.objects.create(name="Northside Youth Project")


@pytest.fixture
def provider(make_user, organisation):
    return make_user(PROVIDERS, "provider", organisations=(organisation,))


@pytest.fixture
def own_service(make_service, organisation):
    return make_service(title="Riverside Stay and Play", slug="riverside", contacts=[])


@pytest.fixture
def foreign_service(make_service, other_organisation):
    return make_service(
        title="Northside Youth Club",
        slug="northside",
        organisation=other_organisation,
        contacts=[],
    )


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def test_provider_opens_own_service_but_not_another_organisations_by_url(
    client, provider, own_service, foreign_service
):
    client.force_login(provider)
    assert client.get(edit_url(own_service)).status_code == 200
    # Another organisation's service is not there at all (tests/test_provider_visibility.py).
    assert client.get(edit_url(foreign_service)).status_code == 404
    for view in ("delete", "unpublish", "history", "revisions_index", "move", "copy"):
        url = reverse(f"wagtailadmin_pages:{view}", args=(foreign_service.pk,))
        assert client.get(url).status_code == 404, view


def test_provider_cannot_change_another_organisations_service_by_posting(
    client, provider, organisation, foreign_service, other_organisation
):
    client.force_login(provider)
    data = service_form(
        other_organisation, title="Hijacked", slug="northside", **{"action-submit": "Submit"}
    )
    response = client.post(edit_url(foreign_service), data)
    assert response.status_code == 404
    page = ServicePage.objects.get(pk=foreign_service.pk)
    assert page.title == "Northside Youth Club"
    assert page.get_latest_revision_as_object().title == "Northside Youth Club"
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    # Nor delete it.
    client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    assert ServicePage.objects.get(pk=page.pk).live


def test_provider_offered_only_their_organisations_and_commissioning_fields_locked(
    client, site_structure, provider, organisation, other_organisation, postcodes
):
    client.force_login(provider)
    form = client.get(add_url(site_structure)).context["form"]
    assert list(form.fields["organisation"].queryset) == [organisation]
    assert form.fields["commissioned"].disabled and form.fields["contract_reference"].disabled

    response = client.post(
        add_url(site_structure),
        service_form(other_organisation, **{"action-submit": "Submit"}),
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not ServicePage.objects.filter(slug="bumps-and-babies").exists()

    response = client.post(
        add_url(site_structure),
        service_form(organisation, contract_reference="SNEAKY-1", **{"action-submit": "Submit"}),
    )
    assert response.status_code == 302
    draft = ServicePage.objects.get(slug="bumps-and-babies").get_latest_revision_as_object()
    assert draft.contract_reference == ""


def test_provider_changes_wait_for_commissioner_who_sees_what_changed(
    client, provider, own_service, organisation, commissioner, postcodes
):
    client.force_login(provider)
    data = service_form(
        organisation,
        title="Riverside Stay and Play",
        slug="riverside",
        summary="Now on Saturdays too: play sessions for under-fives and their carers.",
        **{"action-publish": "Publish"},
    )
    client.post(edit_url(own_service), data)
    page = ServicePage.objects.get(pk=own_service.pk)
    assert page.summary == own_service.summary, "a provider cannot publish"

    data.pop("action-publish")
    response = client.post(edit_url(own_service), {**data, "action-submit": "Submit"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.summary == own_service.summary and page.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(commissioner)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Riverside Stay and Play" in dashboard
    compare = client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=(page.pk, "live", page.get_latest_revision().pk),
        )
    )
    assert compare.status_code == 200
    assert "Now on Saturdays too" in compare.content.decode()
    task_state = state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.summary.startswith("Now on Saturdays too")


def test_provider_explorer_lists_only_their_services(
    client, site_structure, provider, own_service, foreign_service
):
    client.force_login(provider)
    listing = client.get(reverse("wagtailadmin_explore", args=(site_structure.directory.pk,)))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Riverside Stay and Play" in html
    assert "Northside Youth Club" not in html


def test_provider_adds_services_but_cannot_change_the_directory_page(
    client, site_structure, provider
):
    client.force_login(provider)
    directory = site_structure.directory
    assert client.get(add_url(site_structure)).status_code == 200
    for view in ("edit", "delete", "unpublish", "move"):
        url = reverse(f"wagtailadmin_pages:{view}", args=(directory.pk,))
        response = client.get(url)
        # Wagtail's "no permission": back to the dashboard with a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), view


def test_provider_with_no_organisation_edits_nothing(client, make_user, own_service):
    client.force_login(make_user(PROVIDERS, "unattached"))
    assert client.get(edit_url(own_service)).status_code == 404


def test_council_staff_and_commissioners_edit_every_service(
    client, make_user, commissioner, own_service, foreign_service
):
    # An editor who is also in Providers keeps the council-wide view.
    editor = make_user(EDITORS, "editor")
    editor.groups.add(*make_user(PROVIDERS).groups.all())
    for user in (commissioner, editor):
        client.force_login(user)
        assert client.get(edit_url(foreign_service)).status_code == 200
        assert client.get(edit_url(own_service)).status_code == 200


def test_provider_dashboard_lists_their_services_with_review_dates(
    client, provider, own_service, foreign_service
):
    ServicePage.objects.filter(pk=own_service.pk).update(review_due=None, last_reviewed=None)
    client.force_login(provider)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your organisation's services" in html
    assert "Riverside Stay and Play" in html and "never reviewed" in html
    assert "Northside Youth Club" not in html


def test_commissioner_dashboard_counts_overdue_reviews(
    client, commissioner, own_service, foreign_service
):
    ServicePage.objects.filter(pk=own_service.pk).update(review_due=None, last_reviewed=None)
    client.force_login(commissioner)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Keeping the directory true" in html
    assert "<strong>1</strong> overdue for review" in html
    assert "/admin/directory-services/?status=overdue" in html
    assert "<strong>2</strong> published services" in html
