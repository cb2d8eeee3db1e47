"""The Lewisham demo: its data is sound, it loads in full, and loading it again changes nothing."""

from __future__ import annotations

import datetime
import io
import math
import re

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Revision

from demo.archetypes import ARCHETYPES
from demo.builder import load_demo
from demo.data import LEVEL_SLUGS, PROVIDERS, VENUES
from demo.plan import build_specs, provider_specs
from demo.postcodes import (
    DISTRICT_CENTROIDS,
    demo_postcodes,
    jittered_coordinates,
    read_csv,
)
from directory.models import (
    LevelOfNeed,
    Need,
    Organisation,
    Postcode,
    ServiceArea,
    ServiceContact,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
)
from directory.vocabulary_defaults import CIRCUMSTANCES, NEEDS
from directory.writer.changes import child_relations
from search.models import SearchLog

TODAY = datetime.date(2026, 11, 23)
LEWISHAM_DISTRICTS = {"SE3", "SE4", "SE6", "SE8", "SE12", "SE13", "SE14", "SE23", "SE26", "BR1"}
# Ofcom's ranges reserved for drama: London, mobile and freephone.
DRAMA_NUMBER = re.compile(r"^(020 7946 0\d{3}|07700 900\d{3}|0808 157 0\d{3})$")


def _distance_metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    north = (a[0] - b[0]) * 111_320
    east = (a[1] - b[1]) * 111_320 * math.cos(math.radians(a[0]))
    return math.hypot(north, east)


# -- the data, without a database ------------------------------------------------------------


def test_specs_are_deterministic_and_unique() -> None:
    first, second = build_specs(TODAY), build_specs(TODAY)
    assert [(s.oruk_id, s.title, s.fields) for s in first] == [
        (s.oruk_id, s.title, s.fields) for s in second
    ]
    assert len({spec.oruk_id for spec in first}) == len(first)
    assert len({spec.slug for spec in first}) == len(first)
    child_ids = [
        row["oruk_id"]
        for spec in first
        for rows in (spec.locations, spec.contacts, spec.schedules, spec.languages, spec.areas)
        for row in rows
    ]
    assert len(set(child_ids)) == len(child_ids)


def test_terms_match_the_default_vocabularies() -> None:
    child_needs = {need for needs in NEEDS.values() for need in needs}
    for archetype in ARCHETYPES:
        assert 1 <= len(archetype.needs) <= 3, archetype.key
        assert set(archetype.needs) <= child_needs, archetype.key
        assert set(archetype.circumstances) <= set(CIRCUMSTANCES), archetype.key
        assert set(archetype.levels) <= set(LEVEL_SLUGS), archetype.key


def test_text_and_contact_details_fit_the_model() -> None:
    for spec in build_specs(TODAY):
        assert spec.title and spec.fields["description"].startswith("<p>")
        assert len(spec.fields["summary"]) <= 300, spec.key
        assert "{" not in spec.fields["summary"] + spec.title, spec.key
        assert spec.fields["is_free"] or spec.fields["fees_description"], spec.key
        assert spec.contacts, spec.key
        for contact in spec.contacts:
            assert DRAMA_NUMBER.match(contact["phone"]), contact["phone"]
            assert not contact["email"] or contact["email"].endswith(".example.org")
        assert spec.fields["email"].endswith(".example.org")
    for organisation in provider_specs():
        assert DRAMA_NUMBER.match(organisation["phone"])
        assert organisation["email"].endswith(".example.org")


def test_shipped_postcodes_cover_every_venue_near_its_district() -> None:
    shipped = {code: (lat, lng) for code, lat, lng in read_csv()}
    assert set(shipped) == set(demo_postcodes())
    assert {venue.postcode for venue in VENUES} <= set(shipped)
    for code, point in shipped.items():
        district = code.split()[0]
        assert district in LEWISHAM_DISTRICTS
        assert point == jittered_coordinates(code)  # the CSV is the module's current output
        assert _distance_metres(point, DISTRICT_CENTROIDS[district]) <= 601


# -- loading it ------------------------------------------------------------------------------


def _counts() -> dict[str, int]:
    return {
        "pages": ServicePage.objects.count(),
        "live": ServicePage.objects.live().count(),
        "revisions": Revision.objects.count(),
        "organisations": Organisation.objects.count(),
        "postcodes": Postcode.objects.count(),
        "locations": ServiceLocation.objects.count(),
        "contacts": ServiceContact.objects.count(),
        "schedules": ServiceSchedule.objects.count(),
        "languages": ServiceLanguage.objects.count(),
        "areas": ServiceArea.objects.count(),
    }


def _rows_without_an_order() -> dict[str, int]:
    """Per kind of ordered child row, how many have no sort_order or share a page's one."""
    found = {}
    for _accessor, model, key in child_relations():
        if not hasattr(model, "sort_order_field"):  # tags: a set, compared as one
            continue
        unordered = model.objects.filter(sort_order__isnull=True).count()
        shared = (
            model.objects.values(key, "sort_order")
            .annotate(rows=Count("pk"))
            .filter(rows__gt=1)
            .count()
        )
        if unordered or shared:
            found[model.__name__] = unordered + shared
    return found


@pytest.mark.slow
@pytest.mark.django_db
def test_load_demo_builds_a_full_directory_and_is_idempotent() -> None:
    out = io.StringIO()
    call_command("load_demo", "--no-progress", stdout=out)
    assert "Demo directory loaded" in out.getvalue()
    # With its search log (its shape is tested in tests/test_reports_gaps.py).
    searches = SearchLog.objects.filter(params__demo=True).count()
    assert (
        searches > 0 and f"Demo search log: {searches} anonymous searches added" in out.getvalue()
    )

    services = ServicePage.objects.live()
    assert services.count() >= 150
    assert services.count() == ServicePage.objects.count()  # every page published

    # Published through revisions, so each has history.
    assert not services.filter(live_revision__isnull=True).exists()
    assert Revision.objects.count() >= services.count()

    # Needs, levels and ages.
    used_needs = Need.objects.filter(
        parent__isnull=False, tagged_services__content_object__in=services
    ).distinct()
    assert used_needs.count() >= 25
    for level in LevelOfNeed.objects.all():
        assert services.filter(levels=level).exists(), level.name
    assert services.filter(for_expectant_parents=True).exists()
    assert services.filter(maximum_age=25).exists()
    assert services.filter(for_parents_and_carers=True).exists()
    need_counts = services.annotate(n=Count("tagged_needs", distinct=True))
    assert not need_counts.filter(Q(n__lt=1) | Q(n__gt=3)).exists()

    # Access routes follow the level of need.
    universal_only = services.filter(levels__slug="universal").exclude(
        levels__slug__in=["universal-plus", "targeted", "specialist"]
    )
    assert universal_only.exists()
    assert not universal_only.filter(self_referral=False).exists()
    specialist = services.filter(levels__slug="specialist")
    assert not specialist.filter(front_door_referral=False, professional_referral=False).exists()

    # Places: real districts, geocoded from the shipped postcodes.
    locations = ServiceLocation.objects.filter(page__in=services)
    assert locations.values("address_1", "postcode").distinct().count() >= 60
    assert not locations.exclude(geocode_status=ServiceLocation.GeocodeStatus.POSTCODE).exists()
    assert not locations.filter(Q(latitude__isnull=True) | Q(longitude__isnull=True)).exists()
    assert {code.split()[0] for code in locations.values_list("postcode", flat=True)} == (
        LEWISHAM_DISTRICTS
    )
    no_building = services.filter(locations__isnull=True)
    assert no_building.filter(available_across_area=True).exists()
    assert no_building.filter(Q(online=True) | Q(by_phone=True) | Q(home_visits=True)).exists()
    assert ServiceArea.objects.exists()

    # Commissioning, cost, reviews and status.
    commissioned = services.filter(commissioned=True)
    assert commissioned.exists()
    assert not commissioned.filter(
        Q(commissioner__isnull=True) | Q(commissioner__is_commissioner=False)
    ).exists()
    assert not commissioned.filter(
        Q(contract_start__isnull=True) | Q(contract_end__isnull=True)
    ).exists()
    assert services.filter(is_free=True).exists()
    charged = services.filter(is_free=False)
    assert charged.exists() and not charged.filter(fees_description="").exists()
    overdue = [service for service in services if service.is_overdue_for_review]
    assert 8 <= len(overdue) <= 12
    assert services.filter(status=ServicePage.Status.TEMPORARILY_CLOSED).exists()
    assert services.exclude(alert="").count() >= 3
    assert not services.filter(last_reviewed__isnull=True).exists()

    # Every service is complete enough to be useful.
    assert not services.filter(Q(summary="") | Q(description="")).exists()
    assert not services.filter(organisation__isnull=True).exists()
    assert not services.filter(contacts__isnull=True).exists()
    with_schedules = services.filter(schedules__isnull=False).distinct().count()
    assert with_schedules >= services.count() * 0.8
    assert services.filter(languages__isnull=False).exists()
    assert services.exclude(referral_url="").exists()
    assert 30 <= Organisation.objects.count() <= 40
    assert Organisation.objects.filter(is_commissioner=True).exists()
    assert {org.name for org in Organisation.objects.all()} == {p.name for p in PROVIDERS}

    # Each service's rows (locations, contacts, opening times...) have an order of their own.
    # Demo rows once had none (sort_order empty), so they came back in whatever order the
    # database chose: on PostgreSQL, where earlier tests had freed space in the table, a refresh
    # found one service's rows in another order and "updated" it (this test's xfail, 2026-11).
    assert _rows_without_an_order() == {}

    # Running it again changes nothing: no duplicates and no needless revisions.
    before = _counts()
    location_ids = set(ServiceLocation.objects.values_list("pk", flat=True))
    out = io.StringIO()
    call_command("load_demo", "--no-progress", stdout=out)
    assert _counts() == before
    assert set(ServiceLocation.objects.values_list("pk", flat=True)) == location_ids
    assert "0 created, 0 updated" in out.getvalue()
    assert "Demo search log: 0 anonymous searches added" in out.getvalue()
    assert SearchLog.objects.count() == searches

    # Nor does refreshing a month later: review dates are compared as "overdue or not".
    summary = load_demo(
        progress=False, today=timezone.localdate() + datetime.timedelta(days=30), refresh=True
    )
    assert summary.services_unchanged == summary.live_services
    assert _counts() == before

    # An editor's change survives the next `make start`; --refresh puts the demo version back.
    page = ServicePage.objects.live().order_by("pk").first()
    original = page.summary
    page.summary = "Edited by a commissioner."
    page.save_revision().publish()
    call_command("load_demo", "--no-progress", stdout=io.StringIO())
    assert ServicePage.objects.get(pk=page.pk).summary == "Edited by a commissioner."
    call_command("load_demo", "--no-progress", "--refresh", stdout=io.StringIO())
    assert ServicePage.objects.get(pk=page.pk).summary == original
