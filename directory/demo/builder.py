"""Load the Lewisham demo directory into the database. Safe to run again and again.

Organisations, postcodes and services are upserted by their stable demo ids; a service whose
page already matches its spec is left alone, so a re-run adds no revisions.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from ..geocoding import normalise_postcode, outward_code
from ..models import (
    Circumstance,
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
from ..site_setup import ensure_site_structure
from .data import LEVEL_SLUGS, PROVIDERS
from .plan import ServiceSpec, build_specs, provider_specs
from .postcodes import CSV_PATH, read_csv

# Child relations: the related name, the model and the fields a spec sets.
CHILDREN: dict[str, tuple[type, tuple[str, ...]]] = {
    "locations": (
        ServiceLocation,
        ("name", "address_1", "address_2", "city", "postcode", "accessibility"),
    ),
    "contacts": (ServiceContact, ("name", "title", "phone", "phone_description", "email")),
    "schedules": (ServiceSchedule, ("weekday", "opens_at", "closes_at", "description")),
    "languages": (ServiceLanguage, ("code", "note")),
    "areas": (ServiceArea, ("name", "description")),
}
RELATED_NAME = {"areas": "service_areas"}
# Compared as "is it overdue?" rather than by date, so a re-run on another day is a no-op.
VOLATILE_FIELDS = {"last_reviewed"}


class DemoDataError(RuntimeError):
    """The demo data does not fit this site (e.g. a vocabulary term was deleted)."""


@dataclass
class DemoSummary:
    postcodes_added: int = 0
    postcodes_total: int = 0
    organisations_created: int = 0
    organisations_updated: int = 0
    organisations_total: int = 0
    services_created: int = 0
    services_updated: int = 0
    services_unchanged: int = 0
    live_services: int = 0
    locations: int = 0
    physical_locations: int = 0
    geocoded_locations: int = 0
    area_wide_services: int = 0
    needs_used: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return [
            f"Postcodes: {self.postcodes_total} in the demo set, {self.postcodes_added} added",
            f"Organisations: {self.organisations_total} "
            f"({self.organisations_created} created, {self.organisations_updated} updated)",
            f"Services: {self.live_services} live in the directory "
            f"({self.services_created} created, {self.services_updated} updated, "
            f"{self.services_unchanged} unchanged)",
            f"Locations: {self.locations} ({self.physical_locations} distinct addresses, "
            f"{self.geocoded_locations} geocoded from their postcode)",
            f"Available across the area: {self.area_wide_services} services",
            f"Needs used: {self.needs_used}",
            f"Done in {self.seconds:.1f}s",
        ]


def load_demo(
    stdout: TextIO | None = None,
    *,
    progress: bool = True,
    today: datetime.date | None = None,
    refresh: bool = False,
) -> DemoSummary:
    """Create the demo directory (what is missing of it) and return what it did.

    Existing demo pages are left as they are, so an editor's changes survive the next
    ``make start``; ``refresh=True`` puts back the demo version of any page that differs.

    ``today`` anchors review and contract dates (tests pass it); it should not be later than
    the real date when pages need saving, as the model refuses review dates in the future.
    """
    started = time.perf_counter()
    today = today or timezone.localdate()
    summary = DemoSummary()

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message + "\n")

    specs = build_specs(today)
    # One transaction: all or nothing, and far fewer SQLite commits.
    with transaction.atomic():
        directory = ensure_site_structure().directory
        _settings()
        levels = _levels()
        _check_vocabulary(specs)
        say("Loading demo postcodes…")
        summary.postcodes_added, summary.postcodes_total = load_postcodes()
        say("Loading organisations…")
        organisations = _upsert_organisations(summary)
        say(f"Loading {len(specs)} services…")
        for spec in tqdm(specs, desc="Services", unit="service", disable=not progress):
            outcome = _upsert_service(spec, directory, organisations, levels, today, refresh)
            setattr(summary, f"services_{outcome}", getattr(summary, f"services_{outcome}") + 1)
    _count(summary, directory)
    summary.seconds = time.perf_counter() - started
    return summary


def load_postcodes() -> tuple[int, int]:
    """Add the demo postcodes that are missing. Existing rows (e.g. real ONS data) win."""
    rows = [
        Postcode(
            postcode=(code := normalise_postcode(raw)),
            outward=outward_code(code),
            latitude=latitude,
            longitude=longitude,
        )
        for raw, latitude, longitude in read_csv(CSV_PATH)
    ]
    before = Postcode.objects.count()
    Postcode.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return Postcode.objects.count() - before, len(rows)


# The demo council's details, filled in only where the settings are blank (an editor's win).
DEMO_SETTINGS = {
    "council_name": "Lewisham Council (demo)",
    "logo_text": "Lewisham",
    "area_name": "Lewisham",
    "site_contact_email": "directory@lewisham.example.org",
    "front_door_name": "Lewisham Family Hubs early help line",
    "front_door_phone": "020 7946 0999",
    "front_door_email": "familyhubs@lewisham.example.org",
    "front_door_url": "https://lewisham.example.org/family-hubs",
    "front_door_hours": "Monday to Friday, 9am to 5pm",
}


def _settings() -> None:
    from wagtail.models import Site

    from ..models import DirectorySettings

    site = Site.objects.get(is_default_site=True)
    settings = DirectorySettings.for_site(site)
    changed = [name for name, value in DEMO_SETTINGS.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, DEMO_SETTINGS[name])
    if changed:
        settings.save()


def _levels() -> dict[str, LevelOfNeed]:
    by_slug = {level.slug: level for level in LevelOfNeed.objects.all()}
    if all(slug in by_slug for slug in LEVEL_SLUGS):
        return {slug: by_slug[slug] for slug in LEVEL_SLUGS}
    # A council that renamed its levels: map the demo's four onto theirs by rank.
    ordered = list(LevelOfNeed.objects.order_by("rank", "pk"))
    if len(ordered) != len(LEVEL_SLUGS):
        raise DemoDataError(
            f"The demo needs the four default levels of need; this site has {len(ordered)}."
        )
    return dict(zip(LEVEL_SLUGS, ordered, strict=True))


def _check_vocabulary(specs: list[ServiceSpec]) -> None:
    """Fail early and clearly, rather than on the 80th page, if a term has gone."""
    for model, wanted in (
        (Need, {name for spec in specs for name in spec.needs}),
        (Circumstance, {name for spec in specs for name in spec.circumstances}),
    ):
        known = {name.lower() for name in model.objects.values_list("name", flat=True)}
        missing = sorted(name for name in wanted if name.lower() not in known)
        if missing:
            raise DemoDataError(
                f"These {model._meta.verbose_name}s are not in the vocabulary, so the demo "
                f"cannot use them: {', '.join(missing)}"
            )


def _upsert_organisations(summary: DemoSummary) -> dict[str, Organisation]:
    by_key: dict[str, Organisation] = {}
    specs = provider_specs()
    existing = {
        org.oruk_id: org
        for org in Organisation.objects.filter(oruk_id__in=[s["oruk_id"] for s in specs])
    }
    by_name = {
        org.name: org
        for org in Organisation.objects.filter(name__in=[spec["name"] for spec in specs])
    }
    for spec, provider in zip(specs, PROVIDERS, strict=True):
        org = existing.get(spec["oruk_id"]) or by_name.get(spec["name"])
        if org is None:
            org = Organisation.objects.create(**spec)
            summary.organisations_created += 1
        else:
            # An organisation someone created by hand keeps its own id.
            changes = {k: v for k, v in spec.items() if k != "oruk_id" and getattr(org, k) != v}
            if changes:
                for name, value in changes.items():
                    setattr(org, name, value)
                org.save()
                summary.organisations_updated += 1
        by_key[provider.key] = org
    summary.organisations_total = len(by_key)
    return by_key


def _upsert_service(
    spec: ServiceSpec,
    directory: Any,
    organisations: dict[str, Organisation],
    levels: dict[str, LevelOfNeed],
    today: datetime.date,
    refresh: bool,
) -> str:
    """Create, update or skip one service page. Returns created, updated or unchanged."""
    page = ServicePage.objects.filter(oruk_id=spec.oruk_id).first()
    if page is not None and not refresh:
        return "unchanged"
    if page is not None:
        wanted = _spec_state(spec, organisations, levels)
        field_names = [name for name in spec.fields if name not in VOLATILE_FIELDS]
        if _page_state(page, today, field_names) == wanted:
            return "unchanged"

    created = page is None
    if created:
        page = ServicePage(oruk_id=spec.oruk_id, live=False)
    page.title = spec.title
    page.slug = _free_slug(spec.slug, directory, page)
    page.organisation = organisations[spec.organisation]
    page.commissioner = organisations[spec.commissioner] if spec.commissioner else None
    for name, value in spec.fields.items():
        setattr(page, name, value)
    page.needs.set(list(spec.needs))
    page.circumstances.set(list(spec.circumstances))
    page.levels.set([levels[slug] for slug in spec.levels])
    for relation, (model, _) in CHILDREN.items():
        related_name = RELATED_NAME.get(relation, relation)
        setattr(page, related_name, _children(page, model, getattr(spec, relation)))
    if created:
        directory.add_child(instance=page)
    # Publishing through a revision gives every demo page a history, as an editor's would.
    page.save_revision().publish()
    return "created" if created else "updated"


def _children(page: ServicePage, model: type, rows: list[dict]) -> list:
    """New child objects, reusing the existing row's primary key where the demo id matches."""
    existing: dict[str, int] = {}
    if page.pk:
        existing = dict(model.objects.filter(page=page).values_list("oruk_id", "pk"))
    children = []
    for row in rows:
        child = model(**row)
        child.pk = existing.get(row["oruk_id"])
        # Child forms are not validated by page.full_clean(); check the data as an editor's is.
        child.full_clean(exclude=["page", "sort_order"], validate_unique=False)
        children.append(child)
    return children


def _free_slug(slug: str, directory: Any, page: ServicePage) -> str:
    """The spec's slug, unless an editor's own page already uses it."""
    siblings = ServicePage.objects.child_of(directory).exclude(pk=page.pk)
    candidate, n = slug, 2
    while siblings.filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _spec_state(
    spec: ServiceSpec, organisations: dict[str, Organisation], levels: dict[str, LevelOfNeed]
) -> dict[str, Any]:
    state = {
        "live": True,
        "has_unpublished_changes": False,
        "title": spec.title,
        "organisation_id": organisations[spec.organisation].pk,
        "commissioner_id": organisations[spec.commissioner].pk if spec.commissioner else None,
        "overdue": spec.overdue,
        "needs": sorted(name.lower() for name in spec.needs),
        "circumstances": sorted(name.lower() for name in spec.circumstances),
        "levels": sorted(levels[slug].pk for slug in spec.levels),
        "geocoded": ["postcode"] * len(spec.locations),
    }
    state.update({k: v for k, v in spec.fields.items() if k not in VOLATILE_FIELDS})
    for relation, (_, names) in CHILDREN.items():
        rows = getattr(spec, relation)
        state[relation] = [tuple(row[name] for name in ("oruk_id", *names)) for row in rows]
    return state


def _page_state(page: ServicePage, today: datetime.date, field_names: list[str]) -> dict[str, Any]:
    locations = list(page.locations.all())
    state = {
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "title": page.title,
        "organisation_id": page.organisation_id,
        "commissioner_id": page.commissioner_id,
        "overdue": page.review_due is not None and page.review_due < today,
        "needs": sorted(tag.name.lower() for tag in page.needs.all()),
        "circumstances": sorted(tag.name.lower() for tag in page.circumstances.all()),
        "levels": sorted(level.pk for level in page.levels.all()),
        "geocoded": [location.geocode_status for location in locations],
    }
    for name in field_names:
        state[name] = getattr(page, name)
    for relation, (_, names) in CHILDREN.items():
        related_name = RELATED_NAME.get(relation, relation)
        rows = locations if relation == "locations" else getattr(page, related_name).all()
        state[relation] = [
            tuple(getattr(row, name) for name in ("oruk_id", *names)) for row in rows
        ]
    return state


def _count(summary: DemoSummary, directory: Any) -> None:
    services = ServicePage.objects.live().child_of(directory)
    locations = ServiceLocation.objects.filter(page__in=services)
    summary.live_services = services.count()
    summary.locations = locations.count()
    summary.physical_locations = locations.values("address_1", "postcode").distinct().count()
    summary.geocoded_locations = locations.filter(
        geocode_status=ServiceLocation.GeocodeStatus.POSTCODE
    ).count()
    summary.area_wide_services = sum(1 for service in services if service.is_area_wide)
    summary.needs_used = (
        Need.objects.filter(parent__isnull=False, tagged_services__content_object__in=services)
        .distinct()
        .count()
    )
