"""Commissioners' admin: create -> submit -> approve -> publish through the Wagtail workflow."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset

from directory.models import LevelOfNeed, Need, ServicePage
from directory.site_setup import COMMISSIONERS, EDITORS, WORKFLOW_NAME

from .service_form import add_url, service_form

pytestmark = pytest.mark.django_db


def user_in(group_name: str, username: str) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(site_structure):
    return user_in(EDITORS, "editor")


@pytest.fixture
def commissioner(site_structure):
    return user_in(COMMISSIONERS, "commissioner")


def test_commissioner_approval_workflow_guards_the_directory(site_structure):
    workflow = site_structure.directory.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == [COMMISSIONERS]


def test_create_submit_approve_publish(
    client, site_structure, organisation, postcodes, editor, commissioner
):
    client.force_login(editor)
    response = client.post(
        add_url(site_structure), service_form(organisation, **{"action-submit": "Submit"})
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = ServicePage.objects.get(slug="bumps-and-babies")
    assert not page.live, "an editor's submission must wait for a commissioner"
    assert page.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    # The editor cannot approve their own work.
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    client.post(approve_url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    # The public cannot see the draft.
    client.logout()
    assert client.get("/services/bumps-and-babies/").status_code == 404

    client.force_login(commissioner)
    preview = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)))
    assert preview.status_code == 200
    response = client.post(approve_url, {"comment": "Checked with the hub"})
    # Approved: back to the page's edit view (a refusal would stay on the form, or go home).
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert (response.status_code, response.headers.get("Location")) == (302, edit)
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    published = ServicePage.objects.get(pk=page.pk)
    assert published.for_expectant_parents
    assert [n.name for n in published.needs.order_by("name")] == [
        "Infant feeding",
        "Pregnancy and birth",
    ]
    assert {b.name for b in published.age_bands.all()} == {"Pregnancy", "0 to 1"}
    location = published.locations.get()
    assert location.postcode == "SE6 4RU"
    assert location.geocode_status == "postcode"
    assert location.latitude == pytest.approx(51.4381)
    assert published.get_latest_revision().user == editor or published.revisions.count() >= 1
    client.logout()
    assert client.get("/services/bumps-and-babies/").status_code == 200


def test_unknown_postcode_is_saved_flagged_and_the_editor_is_told(
    client, site_structure, organisation, postcodes, editor
):
    client.force_login(editor)
    data = service_form(
        organisation,
        locations=inline_formset([{"name": "New build centre", "postcode": "SE13 9ZZ"}]),
    )
    response = client.post(add_url(site_structure), data, follow=True)
    assert response.status_code == 200
    page = ServicePage.objects.get(slug="bumps-and-babies")
    location = page.get_latest_revision_as_object().locations.get()
    assert location.geocode_status == "not_found"
    assert location.latitude is None
    messages = [str(m) for m in response.context["messages"]]
    assert any("SE13 9ZZ was not found" in message for message in messages)


def test_editor_cannot_free_type_a_need(client, site_structure, organisation, editor):
    client.force_login(editor)
    response = client.post(
        add_url(site_structure), service_form(organisation, needs=["Invented need"])
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Invented need" in response.content.decode()
    assert not ServicePage.objects.filter(slug="bumps-and-babies").exists()
    assert not Need.objects.filter(name="Invented need").exists()


def test_bad_ages_are_reported_on_the_form(client, site_structure, organisation, editor):
    client.force_login(editor)
    response = client.post(
        add_url(site_structure),
        service_form(organisation, minimum_age="12", maximum_age="3"),
    )
    assert response.status_code == 200
    assert "below the youngest" in response.content.decode()
    assert not ServicePage.objects.filter(slug="bumps-and-babies").exists()


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("wagtailsnippets_directory_levelofneed:list", "Universal plus"),
        ("wagtailsnippets_directory_need:list", "Domestic abuse"),
        ("wagtailsnippets_directory_ageband:list", "12 to 16"),
        ("wagtailsnippets_directory_circumstance:list", "Care leavers"),
        ("wagtailsnippets_directory_organisation:list", "Riverside Family Trust"),
        ("wagtailsnippets_directory_postcode:list", "SE13 6LH"),
    ],
)
def test_commissioners_have_admin_screens(
    client, commissioner, make_service, postcodes, url_name, expected
):
    make_service()
    client.force_login(commissioner)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_levels_and_needs_show_live_service_counts(client, commissioner, make_service):
    make_service(levels=["targeted"], needs=["Domestic abuse"])
    make_service(title="Second", levels=["targeted"], needs=["Domestic abuse"])
    make_service(title="Draft only", levels=["targeted"], needs=["Domestic abuse"], publish=False)
    client.force_login(commissioner)
    for url_name, term in [
        ("wagtailsnippets_directory_levelofneed:list", LevelOfNeed.objects.get(slug="targeted")),
        ("wagtailsnippets_directory_need:list", Need.objects.get(name="Domestic abuse")),
    ]:
        response = client.get(reverse(url_name))
        row = next(r for r in response.context["object_list"] if r.pk == term.pk)
        assert row.live_services == 2


def test_postcode_admin_filters_by_prefix(client, commissioner, postcodes):
    client.force_login(commissioner)
    response = client.get(reverse("wagtailsnippets_directory_postcode:list"), {"postcode": "se6"})
    listed = [row.postcode for row in response.context["object_list"]]
    assert listed == ["SE6 4RU"]


def test_pages_are_versioned(make_service):
    page = make_service()
    page.summary = "Changed summary."
    page.save_revision().publish()
    assert page.revisions.count() == 2
    assert Page.objects.get(pk=page.pk).specific.summary == "Changed summary."


def test_editor_opens_the_add_and_edit_forms(
    client, site_structure, make_service, editor, postcodes
):
    page = make_service(
        locations=[{"name": "Hub", "postcode": "SE13 6LH"}],
        schedules=[{"weekday": "mo", "opens_at": "09:00", "closes_at": "12:00"}],
    )
    client.force_login(editor)
    assert client.get(add_url(site_structure)).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Who it", "Access and cost", "Where and when", "Review and commissioning"):
        assert tab in html
