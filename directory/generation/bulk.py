"""Write generated services straight into the page tree, a batch of rows per query.

Creating pages through Wagtail (``add_child``, revisions, ``publish``) costs about 200 queries
a service: right for editors, hours for 100,000 benchmark services. Here each batch is a
handful of bulk inserts: page rows with their tree paths worked out in Python, the
ServicePage rows beside them, and every child and tag row. The pages are live with no
revisions (as if published long ago); editing one in the admin starts its history.

What is skipped, on purpose: Wagtail's signals, revisions, log entries, and the admin's own page
search index (run ``manage.py update_index`` if editors need to find generated pages by name).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from ..age_bands import derive_age_bands
from ..models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    Postcode,
    ServiceAgeBand,
    ServiceCircumstance,
    ServiceContact,
    ServiceLanguage,
    ServiceLocation,
    ServiceNeed,
    ServicePage,
    ServiceSchedule,
)
from ..site_setup import ensure_site_structure
from .synthetic import DEFAULT_AREA_WIDE_SHARE, GeneratedService, ServiceFactory, Vocabulary

DEFAULT_BATCH_SIZE = 1000
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
    ``index``) into both search engines' indexes. Each batch is its own transaction."""
    import time

    from search.indexing import index_services

    directory = ensure_site_structure().directory
    factory = ServiceFactory(
        seed, load_vocabulary(), today or timezone.localdate(), area_wide_share
    )
    report = GenerationReport(0, 0, 0, 0, 0)
    writer = _TreeWriter(directory)
    for number, batch in enumerate(_chunks(factory.services(count), batch_size)):
        if number == 0 and ServicePage.objects.filter(oruk_id=batch[0].oruk_id).exists():
            raise AlreadyGenerated(
                f"Services from seed {seed} are already here; choose another --seed."
            )
        started = time.perf_counter()
        page_ids = writer.write(batch, report)
        report.seconds_writing += time.perf_counter() - started
        if index:
            started = time.perf_counter()
            index_services(page_ids)
            report.seconds_indexing += time.perf_counter() - started
        if progress:
            progress(len(batch))
    return report


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _TreeWriter:
    """Appends services as children of the directory page, keeping the tree valid."""

    def __init__(self, directory: Page) -> None:
        self.directory = directory
        last = directory.get_last_child()
        # treebeard's own path arithmetic (materialised paths: four base-36 digits a level).
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.slugs = set(directory.get_children().values_list("slug", flat=True))
        self.content_type = ContentType.objects.get_for_model(ServicePage)
        self.organisation_ids = dict(Organisation.objects.values_list("name", "pk"))
        self.bands = list(AgeBand.objects.order_by("sort_order", "name"))

    @transaction.atomic
    def write(self, batch: list[GeneratedService], report: GenerationReport) -> list[int]:
        self._add_organisations({service.organisation for service in batch}, report)
        pages = Page.objects.bulk_create([self._page_row(service) for service in batch])
        page_ids = [page.pk for page in pages]
        # bulk_create refuses multi-table inheritance, so the ServicePage half of each row goes
        # in the way Model.save() writes a child table: _insert with the model's own columns.
        own_fields = ServicePage._meta.local_concrete_fields
        ServicePage._base_manager._insert(
            [self._service_row(service, pk) for service, pk in zip(batch, page_ids, strict=True)],
            fields=own_fields,
        )
        self._children(batch, page_ids, report)
        Page.objects.filter(pk=self.directory.pk).update(numchild=F("numchild") + len(batch))
        report.created += len(batch)
        return page_ids

    def _add_organisations(self, names: set[str], report: GenerationReport) -> None:
        new = sorted(names - set(self.organisation_ids))
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
        self.organisation_ids.update(
            Organisation.objects.filter(name__in=new).values_list("name", "pk")
        )
        report.organisations += len(new)

    def _page_row(self, service: GeneratedService) -> Page:
        slug = service.slug
        while slug in self.slugs:
            slug = f"{slug}-2"
        self.slugs.add(slug)
        path = Page._get_path(self.directory.path, self.directory.depth + 1, self.next_step)
        self.next_step += 1
        return Page(
            path=path,
            depth=self.directory.depth + 1,
            numchild=0,
            translation_key=service.translation_key,
            locale_id=self.directory.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=service.published_at,
            last_published_at=service.published_at,
            title=service.title,
            draft_title=service.title,
            slug=slug,
            content_type=self.content_type,
            url_path=f"{self.directory.url_path}{slug}/",
        )

    def _service_row(self, service: GeneratedService, page_id: int) -> ServicePage:
        row = ServicePage(
            page_ptr_id=page_id,
            oruk_id=service.oruk_id,
            organisation_id=self.organisation_ids[service.organisation],
            **service.fields,
        )
        row.review_due = row.compute_review_due()
        return row

    def _children(
        self, batch: list[GeneratedService], page_ids: list[int], report: GenerationReport
    ) -> None:
        locations, contacts, schedules, languages = [], [], [], []
        needs, circumstances, bands, levels = [], [], [], []
        postcodes: dict[str, Postcode] = {}
        level_link = ServicePage.levels.through
        for service, page_id in zip(batch, page_ids, strict=True):
            for rows, model, found in (
                (service.locations, ServiceLocation, locations),
                (service.contacts, ServiceContact, contacts),
                (service.schedules, ServiceSchedule, schedules),
                (service.languages, ServiceLanguage, languages),
            ):
                found.extend(
                    model(page_id=page_id, sort_order=position, **row)
                    for position, row in enumerate(rows)
                )
            for place in service.locations:
                postcodes[place["postcode"]] = Postcode(
                    postcode=place["postcode"],
                    outward=place["postcode"].split()[0],
                    latitude=place["latitude"],
                    longitude=place["longitude"],
                )
            needs.extend(
                ServiceNeed(content_object_id=page_id, tag_id=pk) for pk in service.need_ids
            )
            circumstances.extend(
                ServiceCircumstance(content_object_id=page_id, tag_id=pk)
                for pk in service.circumstance_ids
            )
            levels.extend(
                level_link(servicepage_id=page_id, levelofneed_id=pk) for pk in service.level_ids
            )
            fields = service.fields
            bands.extend(
                ServiceAgeBand(content_object_id=page_id, tag_id=band.pk)
                for band in derive_age_bands(
                    fields["minimum_age"],
                    fields["maximum_age"],
                    expectant_parents=fields["for_expectant_parents"],
                    parents_and_carers=fields["for_parents_and_carers"],
                    bands=self.bands,
                )
            )
            report.area_wide += not service.locations
        for model, rows in (
            (ServiceLocation, locations),
            (ServiceContact, contacts),
            (ServiceSchedule, schedules),
            (ServiceLanguage, languages),
            (ServiceNeed, needs),
            (ServiceCircumstance, circumstances),
            (ServiceAgeBand, bands),
            (level_link, levels),
        ):
            model.objects.bulk_create(rows)
        known = set(
            Postcode.objects.filter(postcode__in=list(postcodes)).values_list("postcode", flat=True)
        )
        new_postcodes = [code for code in postcodes.values() if code.postcode not in known]
        Postcode.objects.bulk_create(new_postcodes, ignore_conflicts=True)
        report.locations += len(locations)
        report.postcodes += len(new_postcodes)


def _domain(name: str) -> str:
    return slugify(name)
