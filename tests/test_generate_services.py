"""manage.py generate_services: realistic synthetic services, in bulk, the same for a seed."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from directory.age_bands import derive_age_bands
from directory.geocoding import geocode_postcode
from directory.models import Organisation, ServicePage
from search.models import SearchEntry
from tests.oruk_schemas import assert_valid

pytestmark = pytest.mark.django_db

# England from the Lizard to Berwick, Land's End to Lowestoft, with the towns' jitter.
LATITUDES = (49.9, 55.9)
LONGITUDES = (-5.8, 1.9)


def generate(count: int, seed: int, *args: str) -> str:
    out = io.StringIO()
    call_command(
        "generate_services",
        "--count",
        str(count),
        "--seed",
        str(seed),
        "--no-progress",
        *args,
        stdout=out,
    )
    return out.getvalue()


def signature() -> list[tuple[Any, ...]]:
    return [
        (
            page.title,
            page.oruk_id,
            page.summary,
            page.organisation.name,
            page.minimum_age,
            page.last_reviewed,
            tuple(page.needs.order_by("name").values_list("name", flat=True)),
            tuple(page.levels.order_by("rank").values_list("slug", flat=True)),
            tuple(page.locations.values_list("postcode", "latitude", "longitude")),
            tuple(page.schedules.values_list("weekday", "opens_at")),
        )
        for page in ServicePage.objects.select_related("organisation").order_by("path")
    ]


def test_generated_services_are_live_valid_pages_in_one_tree(site_structure, client) -> None:
    out = generate(120, 5, "--batch-size", "50")
    assert out.startswith("120 services created")
    services = ServicePage.objects.live()
    assert services.count() == 120
    # The tree is sound: treebeard finds no bad paths, depths or child counts.
    assert all(not problems for problems in Page.find_problems())
    directory = Page.objects.get(pk=site_structure.directory.pk)
    assert directory.numchild == directory.get_children().count() == 120
    assert len(set(services.values_list("slug", flat=True))) == 120
    assert Organisation.objects.count() >= 10

    area_wide = located = 0
    for page in services.prefetch_related("locations"):
        assert page.summary and page.description.startswith("<p>")
        assert page.needs.exists() and page.levels.exists()
        # Age bands are derived from the ages, as a save in the admin would derive them.
        expected = derive_age_bands(
            page.minimum_age,
            page.maximum_age,
            expectant_parents=page.for_expectant_parents,
            parents_and_carers=page.for_parents_and_carers,
        )
        assert set(page.age_bands.all()) == set(expected)
        assert page.review_due == page.compute_review_due()
        places = list(page.locations.all())
        if not places:
            area_wide += 1
            assert page.is_area_wide
            continue
        located += 1
        assert 1 <= len(places) <= 3
        for place in places:
            assert LATITUDES[0] < place.latitude < LATITUDES[1]
            assert LONGITUDES[0] < place.longitude < LONGITUDES[1]
            # Every generated postcode geocodes to where the location is.
            found = geocode_postcode(place.postcode)
            assert (found.latitude, found.longitude) == (place.latitude, place.longitude)
    assert located > area_wide > 0

    # Indexed for search, and served by the public pages and the APIs.
    assert SearchEntry.objects.count() == 120
    page = services.filter(locations__isnull=False).order_by("pk").first()
    place = page.locations.first()
    assert client.get(page.url).status_code == 200
    body = client.get("/api/search", {"postcode": place.postcode, "radius": 1}).json()
    assert body["results"][0]["id"] == page.oruk_id
    assert body["results"][0]["distance_miles"] == 0.0
    oruk = client.get(f"/api/openreferral/services/{page.oruk_id}")
    assert oruk.status_code == 200
    assert_valid(oruk.json(), "compiled/service.json")


def _delete_all(site_structure) -> None:
    # A fresh copy of the directory page: a stale one still thinks it has no children.
    Page.objects.get(pk=site_structure.directory.pk).get_children().delete()
    assert not ServicePage.objects.exists()


def test_the_same_seed_gives_the_same_services(site_structure) -> None:
    generate(40, 7)
    first = signature()
    _delete_all(site_structure)
    generate(40, 7)
    assert signature() == first
    _delete_all(site_structure)
    generate(40, 8)
    assert signature() != first


def test_a_seed_already_generated_is_refused(site_structure) -> None:
    generate(5, 9)
    with pytest.raises(CommandError, match="seed 9 are already here"):
        generate(5, 9)
    assert ServicePage.objects.count() == 5
    generate(5, 10)
    assert ServicePage.objects.count() == 10


def test_area_wide_share_and_bad_arguments(site_structure) -> None:
    generate(30, 11, "--area-wide-share", "0")
    assert not ServicePage.objects.filter(locations__isnull=True).exists()
    for args, message in (
        (("--count", "0"), "--count must be at least 1"),
        (("--count", "5", "--area-wide-share", "1.5"), "between 0 and 1"),
        (("--count", "5", "--batch-size", "0"), "--batch-size"),
    ):
        with pytest.raises(CommandError, match=message):
            call_command("generate_services", *args, "--no-progress", stdout=io.StringIO())


def test_a_generated_page_can_be_edited_and_published_in_the_admin(
    site_structure, admin_client
) -> None:
    generate(3, 12, "--no-index")
    assert not SearchEntry.objects.exists()
    page = ServicePage.objects.order_by("pk").first()
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    page.summary = "Changed by an editor."
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and page.summary == "Changed by an editor."
    # Its first revision is the generated one, with its history entry, as for an import.
    assert page.revisions.count() == 2
    assert page.revisions.order_by("pk").first().as_object().summary != page.summary
    # Publishing through Wagtail indexes the page as usual.
    assert SearchEntry.objects.filter(page=page).exists()
