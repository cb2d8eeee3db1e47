"""The service writer (directory/writer): one way to create and update service pages in bulk,
leaving what Wagtail's own saves would: a valid page tree, a revision and history entries per
page naming the user, published or draft, the public search index, the admin's page search and
the reference index updated; refusing locked, in-workflow and deleted services; never
overwriting an edit made while it worked."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Workflow

from commissioning.recycle_bin.actions import move_to_bin
from directory.models import LevelOfNeed, Need, Organisation, ServicePage
from directory.writer import ServiceValues, ServiceWriter
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(site_structure, organisation, postcodes):
    return site_structure


def values(**overrides: Any) -> ServiceValues:
    children = overrides.pop("children", None)
    oruk_id = overrides.pop("oruk_id", str(uuid.uuid4()))
    fields = {
        "title": "Stay and Play",
        "summary": "Play sessions for babies and toddlers.",
        "description": "<p>Songs, toys and a cup of tea.</p>",
        "organisation": Organisation.objects.get(name="Riverside Family Trust"),
        "minimum_age": 0,
        "maximum_age": 4,
        "in_person": True,
        **overrides,
    }
    return ServiceValues(
        fields=fields,
        oruk_id=oruk_id,
        levels=[LevelOfNeed.objects.get(slug="universal")],
        needs=[Need.objects.get(name="Parenting programmes")],
        children=children
        if children is not None
        else {
            "locations": [
                {"oruk_id": str(uuid.uuid4()), "name": "Hub", "postcode": "SE13 6LH"}
            ],
            "contacts": [{"oruk_id": str(uuid.uuid4()), "phone": "020 7946 0000"}],
            "schedules": [
                {"oruk_id": str(uuid.uuid4()), "weekday": "mo", "opens_at": "09:30",
                 "closes_at": "11:30"}
            ],
        },
    )  # fmt: skip


def test_creates_published_pages_as_wagtail_would(setup, commissioner) -> None:
    batch = [values(title=f"Service {n}") for n in range(3)]
    plans = ServiceWriter(user=commissioner, publish=True).save(batch)
    assert [plan.outcome for plan in plans] == ["created"] * 3, [p.problems for p in plans]
    assert not any(Page.find_problems())
    directory = setup.directory
    directory.refresh_from_db()
    assert directory.numchild == directory.get_children().count() == 3
    for plan in plans:
        page = ServicePage.objects.get(oruk_id=plan.values.oruk_id)
        assert page.live and not page.has_unpublished_changes and page.first_published_at
        assert page.owner == commissioner and page.url_path.endswith(f"/{page.slug}/")
        (revision,) = Revision.objects.filter(object_id=str(page.pk))
        assert page.latest_revision == page.live_revision == revision
        assert revision.user == commissioner
        # The revision holds the whole content: opening it gives the page back.
        restored = revision.as_object()
        assert restored.title == page.title
        assert [p.postcode for p in restored.locations.all()] == ["SE13 6LH"]
        actions = list(
            PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", "user")
        )
        assert actions == [
            ("wagtail.create", commissioner.pk),
            ("wagtail.publish", commissioner.pk),
        ]
        # Geocoded from the postcode table, like an editor's save.
        (place,) = page.locations.all()
        assert (place.latitude, place.longitude, place.geocode_status) == (
            51.4521,
            -0.0123,
            "postcode",
        )
        assert [n.name for n in page.needs.all()] == ["Parenting programmes"]
        assert [band.name for band in page.age_bands.all()]  # derived from the ages
        # Served, found by public search, by the admin's page search, and in the usage index.
        assert Client().get(page.url).status_code == 200
        assert SearchEntry.objects.filter(page_id=page.pk).exists()
        assert ReferenceIndex.objects.filter(object_id=str(page.pk)).exists()
    admin_search = [p.pk for p in ServicePage.objects.all().search("Service")]
    assert {plan.page.pk for plan in plans} <= set(admin_search)


def test_drafts_by_default(setup) -> None:
    (plan,) = ServiceWriter().save([values()])
    page = ServicePage.objects.get(pk=plan.page.pk)
    assert not page.live and page.has_unpublished_changes and page.live_revision is None
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()
    assert page.latest_revision.as_object().title == "Stay and Play"


def test_updates_keep_child_rows_and_an_unchanged_service_is_left_alone(
    setup, commissioner
) -> None:
    first = values()
    writer = ServiceWriter(user=commissioner, publish=True)
    (plan,) = writer.save([first])
    page = ServicePage.objects.get(pk=plan.page.pk)
    child_pks = [place.pk for place in page.locations.all()]
    (again,) = writer.save([values(oruk_id=first.oruk_id, children=first.children)])
    assert again.outcome == "unchanged"
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 1

    renamed = values(oruk_id=first.oruk_id, children=first.children, title="Stay, Play and Sing")
    (updated,) = writer.save([renamed])
    assert updated.outcome == "updated"
    page.refresh_from_db()
    assert page.title == "Stay, Play and Sing" and page.live and not page.has_unpublished_changes
    assert [place.pk for place in page.locations.all()] == child_pks
    assert page.slug == "stay-and-play"  # a published page's address does not change
    actions = list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action"))
    assert actions[-3:] == [("wagtail.edit",), ("wagtail.rename",), ("wagtail.publish",)]
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 2


def test_a_draft_update_leaves_the_live_page_as_it_was(setup) -> None:
    first = values()
    ServiceWriter(publish=True).save([first])
    (plan,) = ServiceWriter().save([values(oruk_id=first.oruk_id, title="New name")])
    assert plan.outcome == "updated"
    page = ServicePage.objects.get(oruk_id=first.oruk_id)
    assert page.title == "Stay and Play" and page.live and page.has_unpublished_changes
    assert page.draft_title == "New name"
    assert page.get_latest_revision_as_object().title == "New name"
    # Publishing the same values now publishes the waiting draft.
    (plan,) = ServiceWriter(publish=True).save([values(oruk_id=first.oruk_id, title="New name")])
    assert plan.outcome == "updated"
    page.refresh_from_db()
    assert page.title == "New name" and not page.has_unpublished_changes


def test_locked_in_workflow_and_deleted_services_are_refused(setup, commissioner) -> None:
    locked, waiting, deleted = values(), values(), values()
    ServiceWriter(publish=True).save([locked, waiting, deleted])
    page = ServicePage.objects.get(oruk_id=locked.oruk_id)
    page.locked, page.locked_by = True, commissioner
    page.save()
    page = ServicePage.objects.get(oruk_id=waiting.oruk_id)
    workflow = Workflow.objects.get(name="Commissioner approval")
    workflow.start(page, commissioner)
    move_to_bin(ServicePage.objects.get(oruk_id=deleted.oruk_id), commissioner)
    batch = [values(oruk_id=item.oruk_id, title="Changed") for item in (locked, waiting, deleted)]
    plans = ServiceWriter(publish=True).save(batch)
    assert [plan.outcome for plan in plans] == ["refused"] * 3
    messages = [plan.problems[0].message for plan in plans]
    assert "locked" in messages[0] and "workflow" in messages[1] and "deleted" in messages[2]
    assert not ServicePage.objects.filter(title="Changed").exists()
    # The user who locked the page may import into it.
    (plan,) = ServiceWriter(user=commissioner, publish=True).save([batch[0]])
    assert plan.outcome == "updated"


def test_slugs_are_freed_and_the_same_service_twice_is_refused(setup, make_service) -> None:
    make_service(title="Stay and Play")  # an editor's page has the slug
    first, second = values(), values()
    plans = ServiceWriter(publish=True).save([first, second, values(oruk_id=first.oruk_id)])
    assert [plan.outcome for plan in plans] == ["created", "created", "refused"]
    assert [plan.page.slug for plan in plans[:2]] == ["stay-and-play-2", "stay-and-play-3"]


def test_bad_values_are_problems_with_where_they_are(setup) -> None:
    bad = values(minimum_age=10, maximum_age=2)
    bad.children["contacts"] = [{"oruk_id": str(uuid.uuid4()), "phone": "12"}]
    (plan,) = ServiceWriter().save([bad])
    assert plan.outcome == "created" and not plan.ok
    where = {(p.relation, p.position, p.field) for p in plan.problems}
    assert ("", None, "maximum_age") in where and ("contacts", 0, "phone") in where
    assert not ServicePage.objects.filter(oruk_id=bad.oruk_id).exists()


def test_an_edit_made_while_importing_is_not_overwritten(setup, commissioner) -> None:
    first = values()
    ServiceWriter(publish=True).save([first])
    writer = ServiceWriter(publish=True)
    plans = writer.plan([values(oruk_id=first.oruk_id, title="From the feed")])
    # An editor saves a change before the import writes.
    page = ServicePage.objects.get(oruk_id=first.oruk_id)
    page.alert = "Closed in August"
    page.save_revision(user=commissioner).publish()
    (written,) = writer.write(plans)
    page.refresh_from_db()
    assert page.title == "From the feed" and page.alert == "Closed in August"
    assert written.based_on == page.latest_revision.get_previous().pk


def test_closed_services_are_not_published_and_a_live_one_is_unpublished(setup) -> None:
    first = values()
    ServiceWriter(publish=True).save([first])
    (plan,) = ServiceWriter(publish=True).save(
        [values(oruk_id=first.oruk_id, status=ServicePage.Status.DEFUNCT)]
    )
    page = ServicePage.objects.get(oruk_id=first.oruk_id)
    assert plan.outcome == "updated" and not page.live
    assert page.get_latest_revision_as_object().status == "defunct"
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_a_child_id_another_service_has_gets_its_own(setup) -> None:
    shared = str(uuid.uuid4())
    children = {"locations": [{"oruk_id": shared, "name": "Hub", "postcode": "SE13 6LH"}]}
    plans = ServiceWriter(publish=True).save([values(children=children), values(children=children)])
    ids = [ServicePage.objects.get(pk=p.page.pk).locations.get().oruk_id for p in plans]
    assert ids[0] == shared and ids[1] != shared
    # And importing both again changes nothing.
    again = ServiceWriter(publish=True).save(
        [values(oruk_id=p.values.oruk_id, children=children) for p in plans]
    )
    assert [plan.outcome for plan in again] == ["unchanged", "unchanged"]
