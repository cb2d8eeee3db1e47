"""Load the Lewisham demo directory into the database. Safe to run again and again.

Organisations and postcodes are upserted by their stable demo ids. Services go through the
service writer (``directory.writer``), published, in bulk: a service already there is left
alone (an editor's change survives), or with ``refresh`` given its demo version back unless it
already matches, so a re-run adds no revisions.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from directory.geocoding import normalise_postcode, outward_code
from directory.models import (
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    Postcode,
    ServiceLocation,
    ServicePage,
)
from directory.models.services import add_months
from directory.site_setup import ensure_site_structure
from directory.writer import DEFAULT_BATCH_SIZE, ServiceValues, ServiceWriter

from .data import LEVEL_SLUGS, PROVIDERS
from .plan import ServiceSpec, build_specs, provider_specs
from .postcodes import CSV_PATH, read_csv

# The spec's child lists and the service's relations they fill.
CHILDREN = {
    "locations": "locations",
    "contacts": "contacts",
    "schedules": "schedules",
    "languages": "languages",
    "areas": "service_areas",
}


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
        _upsert_services(specs, directory, organisations, levels, today, refresh, summary, progress)
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

    from directory.models import DirectorySettings

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


def _upsert_services(
    specs: list[ServiceSpec],
    directory: Any,
    organisations: dict[str, Organisation],
    levels: dict[str, LevelOfNeed],
    today: datetime.date,
    refresh: bool,
    summary: DemoSummary,
    progress: bool,
) -> None:
    """Create the services that are missing (and with ``refresh`` put back the demo version of
    the others), published, through the service writer."""
    existing = set(
        ServicePage.objects.filter(oruk_id__in=[spec.oruk_id for spec in specs]).values_list(
            "oruk_id", flat=True
        )
    )
    wanted = specs if refresh else [spec for spec in specs if spec.oruk_id not in existing]
    summary.services_unchanged += len(specs) - len(wanted)
    terms = _Terms()
    writer = ServiceWriter(publish=True, directory=directory)
    bar = tqdm(total=len(wanted), desc="Services", unit="service", disable=not progress)
    for start in range(0, len(wanted), DEFAULT_BATCH_SIZE):
        batch = wanted[start : start + DEFAULT_BATCH_SIZE]
        values = [_values(spec, organisations, levels, terms, today) for spec in batch]
        for spec, plan in zip(batch, writer.save(values), strict=True):
            if not plan.ok:
                problems = "; ".join(problem.message for problem in plan.problems)
                raise DemoDataError(f"The demo service '{spec.title}' was refused: {problems}")
            name = f"services_{plan.outcome}"
            setattr(summary, name, getattr(summary, name) + 1)
        bar.update(len(batch))
    bar.close()


class _Terms:
    """Needs and circumstances by lower-case name, read once."""

    def __init__(self) -> None:
        self.needs = {need.name.lower(): need for need in Need.objects.all()}
        self.circumstances = {term.name.lower(): term for term in Circumstance.objects.all()}


def _values(
    spec: ServiceSpec,
    organisations: dict[str, Organisation],
    levels: dict[str, LevelOfNeed],
    terms: _Terms,
    today: datetime.date,
) -> ServiceValues:
    fields = {
        **spec.fields,
        "title": spec.title,
        "organisation": organisations[spec.organisation],
        "commissioner": organisations[spec.commissioner] if spec.commissioner else None,
    }
    if "last_reviewed" in fields:
        fields["last_reviewed"] = _review_date(spec, today)
    return ServiceValues(
        fields=fields,
        oruk_id=spec.oruk_id,
        slug=spec.slug,
        levels=[levels[slug] for slug in spec.levels],
        needs=[terms.needs[name.lower()] for name in spec.needs],
        circumstances=[terms.circumstances[name.lower()] for name in spec.circumstances],
        children={relation: getattr(spec, name) for name, relation in CHILDREN.items()},
    )


def _review_date(spec: ServiceSpec, today: datetime.date) -> Any:
    """The spec's review date, unless the service's own is overdue (or not) just as the spec's
    is: review dates are relative to the day the demo is loaded, so a re-run on another day
    would otherwise change every service."""
    wanted = spec.fields["last_reviewed"]
    interval = spec.fields.get("review_interval_months") or 12

    def review_date(current: datetime.date | None) -> datetime.date | None:
        if current is not None and (add_months(current, interval) < today) == spec.overdue:
            return current
        return wanted

    return review_date


def _count(summary: DemoSummary, directory: Any) -> None:
    services = ServicePage.objects.listed().child_of(directory)
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
