"""One meaning of a listed service (``ServicePage.objects.listed()``) on every public surface.

A service that stops being listed (unpublished, private, password-protected, expired, moved to
the deleted-services bin, moved out of the directory while live) leaves search on both engines,
the browse-by-need menu, the A to Z directory page, the Open Referral API and families' lists,
while a listed one stays on each.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.http import QueryDict
from django.test import Client
from django.utils import timezone
from wagtail.actions.move_page import MovePageAction
from wagtail.models import PageViewRestriction

from commissioning.recycle_bin.actions import move_to_bin
from directory.menu import need_menu
from directory.models import ServicePage
from directory.site_setup import ensure_deleted_services_bin
from search.query import parse_search_query
from search.runner import run_search

pytestmark = pytest.mark.django_db

API = "/api/openreferral/"


def unpublish(page: ServicePage) -> None:
    page.unpublish()


def make_private(page: ServicePage) -> None:
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def protect_with_password(page: ServicePage) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )


def expire(page: ServicePage) -> None:
    # As Wagtail does it: the scheduled-publishing command unpublishes what has expired.
    past = timezone.now() - datetime.timedelta(minutes=5)
    ServicePage.objects.filter(pk=page.pk).update(expire_at=past)
    call_command("publish_scheduled")


def bin_it(page: ServicePage) -> None:
    move_to_bin(page)


def move_out_of_the_directory_while_live(page: ServicePage) -> None:
    # Not the bin's way (that unpublishes first): a plain move, still live, outside any site.
    MovePageAction(page, ensure_deleted_services_bin(), pos="last-child").execute(
        skip_permission_checks=True
    )


HIDING = [
    unpublish,
    make_private,
    protect_with_password,
    expire,
    bin_it,
    move_out_of_the_directory_while_live,
]


def surfaces(client, site_structure, engine_name) -> dict[str, str]:
    """Where a family (or another service's software) can meet a service: what each shows."""
    outcome = run_search(parse_search_query(QueryDict("")), log=False)
    assert outcome.engine == engine_name and not outcome.fell_back
    words = run_search(parse_search_query(QueryDict("q=rhymes")), log=False)
    menu = [entry.need.name for category in need_menu() for entry in category.needs]
    api = client.get(API + "services").json()
    return {
        "search": " ".join(hit.document["name"] for hit in outcome.results.hits),
        "search by words": " ".join(hit.document["name"] for hit in words.results.hits),
        "menu": " ".join(menu),
        "directory page": client.get(site_structure.directory.url).content.decode(),
        "API": " ".join(item["name"] for item in api["contents"]),
        "my list": client.get("/my-list/").content.decode(),
    }


@pytest.mark.parametrize("hide", HIDING, ids=lambda hide: hide.__name__)
def test_a_service_that_is_not_listed_is_on_no_public_surface(
    engine_name, make_service, site_structure, client, hide
):
    hidden = make_service(title="Rhyme time", summary="Rhymes for babies.", needs=["Bereavement"])
    make_service(title="Stay and Play", summary="Rhymes and play.", needs=["Infant feeding"])
    for page in ServicePage.objects.all():
        assert client.post("/my-list/add/", {"service": page.pk}).status_code == 302
    before = surfaces(client, site_structure, engine_name)
    for name in ("search", "search by words", "directory page", "API", "my list"):
        assert "Rhyme time" in before[name] and "Stay and Play" in before[name], name
    assert "Bereavement" in before["menu"] and "Infant feeding" in before["menu"]
    assert client.get(API + f"services/{hidden.oruk_id}").status_code == 200

    hide(ServicePage.objects.get(pk=hidden.pk))

    assert not ServicePage.objects.listed().filter(pk=hidden.pk).exists()
    after = surfaces(client, site_structure, engine_name)
    for name, shown in after.items():
        assert "Stay and Play" in shown or "Infant feeding" in shown, name
        assert "Rhyme time" not in shown and "Bereavement" not in shown, name
    assert client.get(API + f"services/{hidden.oruk_id}").status_code == 404
    # Nor can it be added to a new list.
    assert Client().post("/my-list/add/", {"service": hidden.pk}).status_code == 404
