"""History and restore: a deleted service is kept, with its history, until restored."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from directory.models import DeletedService, DeletedServicesPage, ServicePage
from directory.site_setup import EDITORS, PROVIDERS
from search.models import SearchEntry

from .admin_access import assert_turned_away

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(make_service):
    page = make_service(title="Dads' Breakfast Club", slug="dads-breakfast")
    page.summary = "Breakfast and a chat for dads, every Saturday."
    page.save_revision().publish()
    return ServicePage.objects.get(pk=page.pk)


def delete(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))


def actions(page) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page_id=page.pk)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_deleting_moves_the_service_to_the_bin_off_the_site(client, commissioner, service):
    revisions = service.revisions.count()
    assert SearchEntry.objects.filter(page_id=service.pk).exists()
    client.force_login(commissioner)
    response = delete(client, service)
    assert response.status_code == 302

    page = ServicePage.objects.get(pk=service.pk)
    assert not page.live
    assert page.get_parent().specific_class is DeletedServicesPage
    assert page.revisions.count() == revisions, "history is kept"
    record = DeletedService.objects.get(page=page)
    assert record.deleted_by == commissioner and record.was_live
    assert not SearchEntry.objects.filter(page_id=page.pk).exists(), "gone from search"
    client.logout()
    assert client.get("/services/dads-breakfast/").status_code == 404
    assert "directory.move_to_bin" in actions(page)


def test_commissioner_restores_a_deleted_service_as_a_draft_with_its_history(
    client, commissioner, service, site_structure
):
    client.force_login(commissioner)
    delete(client, service)
    record = DeletedService.objects.get(page_id=service.pk)
    listing = client.get(reverse("directory_deleted_services"))
    assert listing.status_code == 200 and "Dads&#x27; Breakfast Club" in listing.content.decode()

    assert client.get(reverse("directory_restore_service", args=(record.pk,))).status_code == 405
    response = client.post(reverse("directory_restore_service", args=(record.pk,)))
    assert response.status_code == 302

    page = ServicePage.objects.get(pk=service.pk)
    assert page.get_parent().pk == site_structure.directory.pk
    assert page.url_path.endswith("/services/dads-breakfast/")
    assert not page.live, "comes back as a draft to be checked"
    assert not DeletedService.objects.exists()
    assert page.get_latest_revision_as_object().summary.startswith("Breakfast and a chat")
    history = actions(page)
    assert history[-1] == "directory.restore"
    assert history.index("directory.move_to_bin") < history.index("directory.restore")
    assert {"wagtail.create", "wagtail.publish", "wagtail.unpublish"} <= set(history)
    assert PageLogEntry.objects.filter(page_id=page.pk, action="directory.restore").get().user == (
        commissioner
    )
    history_page = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert "Restored from Deleted services" in history_page.content.decode()

    page.get_latest_revision().publish()
    client.logout()
    assert client.get("/services/dads-breakfast/").status_code == 200


def test_restore_takes_a_new_slug_if_the_old_one_was_reused(
    client, commissioner, service, make_service
):
    client.force_login(commissioner)
    delete(client, service)
    make_service(title="Dads' Breakfast Club", slug="dads-breakfast")
    record = DeletedService.objects.get(page_id=service.pk)
    client.post(reverse("directory_restore_service", args=(record.pk,)))
    assert ServicePage.objects.get(pk=service.pk).slug == f"dads-breakfast-{service.pk}"


def test_deleting_from_the_bin_is_final(client, commissioner, make_user, service):
    client.force_login(commissioner)
    delete(client, service)
    # Only a superuser reaches the bin's pages in the explorer; deleting there really deletes.
    admin = make_user(EDITORS, "boss")
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    delete(client, ServicePage.objects.get(pk=service.pk))
    assert not ServicePage.objects.filter(pk=service.pk).exists()


def test_bulk_delete_moves_every_service_to_the_bin(client, commissioner, make_service):
    pages = [make_service(title=f"Group {n}", slug=f"group-{n}") for n in range(3)]
    client.force_login(commissioner)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
        + "?"
        + "&".join(f"id={page.pk}" for page in pages)
    )
    response = client.post(url)
    assert response.status_code == 302
    assert DeletedService.objects.count() == 3
    assert not ServicePage.objects.filter(pk__in=[p.pk for p in pages], live=True).exists()


def test_only_commissioners_see_and_restore_deleted_services(
    client, make_user, organisation, commissioner, service
):
    client.force_login(commissioner)
    delete(client, service)
    record = DeletedService.objects.get()
    for group in (EDITORS, PROVIDERS):
        client.force_login(make_user(group, organisations=(organisation,)))
        assert_turned_away(client.get(reverse("directory_deleted_services")))
        client.post(reverse("directory_restore_service", args=(record.pk,)))
        assert DeletedService.objects.filter(pk=record.pk).exists()
