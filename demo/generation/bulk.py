"""Write generated services through the service writer, a batch at a time.

The writer (``directory.writer``) creates each batch in a handful of bulk queries, with a
revision and history entries per page like any imported service, so generated pages behave as
published ones in the admin. Each batch is its own transaction, indexed for search after it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from django.utils import timezone
from django.utils.text import slugify

from directory.models import (
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    Postcode,
    ServicePage,
)
from directory.site_setup import ensure_site_structure
from directory.writer import ServiceValues, ServiceWriter

from .synthetic import DEFAULT_AREA_WIDE_SHARE, GeneratedService, ServiceFactory, Vocabulary

DEFAULT_BATCH_SIZE = 500
T = TypeVar("T")


class AlreadyGenerated(ValueError):
    """This seed's services are already in the database."""


@dataclass
class GenerationReport:
    created: int
    locations: int
    area_wide: int
    organisations: int
    postcodes: int
    seconds_writing: float = 0.0
    seconds_indexing: float = 0.0


def load_vocabulary() -> Vocabulary:
    return Vocabulary(
        need_ids=dict(Need.objects.values_list("name", "pk")),
        circumstance_ids=dict(Circumstance.objects.values_list("name", "pk")),
        level_ids=dict(LevelOfNeed.objects.values_list("slug", "pk")),
        levels_by_rank=list(
            LevelOfNeed.objects.order_by("rank", "pk").values_list("pk", flat=True)
        ),
    )


def generate_services(
    count: int,
    seed: int,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    area_wide_share: float = DEFAULT_AREA_WIDE_SHARE,
    index: bool = True,
    progress: Callable[[int], Any] | None = None,
    today: datetime.date | None = None,
) -> GenerationReport:
    """Add ``count`` live services drawn from ``seed`` under the directory page, and (with
    ``index``) into the search indexes. Each batch is its own transaction."""
    directory = ensure_site_structure().directory
    factory = ServiceFactory(
        seed, load_vocabulary(), today or timezone.localdate(), area_wide_share
    )
    report = GenerationReport(0, 0, 0, 0, 0)
    writer = ServiceWriter(publish=True, directory=directory, index=index)
    lookups = _Lookups()
    for number, batch in enumerate(_chunks(factory.services(count), batch_size)):
        if number == 0 and ServicePage.objects.filter(oruk_id=batch[0].oruk_id).exists():
            raise AlreadyGenerated(
                f"Services from seed {seed} are already here; choose another --seed."
            )
        lookups.add_organisations({service.organisation for service in batch}, report)
        report.postcodes += _add_postcodes(batch)
        plans = writer.save([lookups.values(service) for service in batch])
        bad = [plan for plan in plans if not plan.ok or plan.outcome != "created"]
        if bad:
            raise RuntimeError(f"A generated service was refused: {bad[0].problems}")
        report.created += len(batch)
        report.locations += sum(len(service.locations) for service in batch)
        report.area_wide += sum(1 for service in batch if not service.locations)
        if progress:
            progress(len(batch))
    report.seconds_writing = writer.seconds["planning"] + writer.seconds["writing"]
    report.seconds_indexing = writer.seconds["indexing"]
    return report


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Lookups:
    """Organisations and vocabulary terms by the names and ids the factory uses."""

    def __init__(self) -> None:
        self.organisations = {org.name: org for org in Organisation.objects.all()}
        self.needs = Need.objects.in_bulk()
        self.circumstances = Circumstance.objects.in_bulk()
        self.levels = LevelOfNeed.objects.in_bulk()

    def add_organisations(self, names: set[str], report: GenerationReport) -> None:
        new = sorted(names - set(self.organisations))
        if not new:
            return
        Organisation.objects.bulk_create(
            [
                Organisation(
                    name=name,
                    description="A made-up organisation for generated test data.",
                    website=f"https://{_domain(name)}.example.org/",
                    email=f"hello@{_domain(name)}.example.org",
                )
                for name in new
            ]
        )
        self.organisations.update(
            (org.name, org) for org in Organisation.objects.filter(name__in=new)
        )
        report.organisations += len(new)

    def values(self, service: GeneratedService) -> ServiceValues:
        return ServiceValues(
            fields={
                **service.fields,
                "title": service.title,
                "organisation": self.organisations[service.organisation],
                "translation_key": service.translation_key,
                "first_published_at": service.published_at,
                "last_published_at": service.published_at,
            },
            oruk_id=service.oruk_id,
            slug=service.slug,
            levels=[self.levels[pk] for pk in service.level_ids],
            needs=[self.needs[pk] for pk in service.need_ids],
            circumstances=[self.circumstances[pk] for pk in service.circumstance_ids],
            children={
                "locations": service.locations,
                "contacts": service.contacts,
                "schedules": service.schedules,
                "languages": service.languages,
            },
        )


def _add_postcodes(batch: list[GeneratedService]) -> int:
    """The generated locations' postcodes, so they geocode (and search by postcode works)."""
    postcodes = {
        place["postcode"]: Postcode(
            postcode=place["postcode"],
            outward=place["postcode"].split()[0],
            latitude=place["latitude"],
            longitude=place["longitude"],
        )
        for service in batch
        for place in service.locations
    }
    known = set(
        Postcode.objects.filter(postcode__in=list(postcodes)).values_list("postcode", flat=True)
    )
    new = [code for code in postcodes.values() if code.postcode not in known]
    Postcode.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _domain(name: str) -> str:
    return slugify(name)
