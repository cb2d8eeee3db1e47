"""Import Open Referral UK services (v3 ``service_full`` or v1 records): each record on its own.

Every record is read on its own: its version told from its keys (``feed_versions``), common
defects repaired with a warning (``repairs``), checked against the standard's schema (a part that
breaks it dropped with a warning), read into the service writer's values (``record_reader``) and
checked by the model's own rules when the writer plans it. Good records are written, in batches
of short transactions (so the public site keeps answering during a long import), bad ones are
listed with their id, a JSON path in the record as published, and the reason. The report says
how many of each, what was repaired, and which fields the catalogue has no place for.

``strict`` keeps all or nothing: every record is checked first, and if any has an error nothing
is written. ``dry_run`` writes nothing at all but reports as if it had. Services are upserted by
their ``id``; importing the same feed again changes nothing. Drafts unless ``publish``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, transaction
from wagtail.log_actions import log

from directory.models import DirectoryIndexPage, FeedSource, ServicePage
from directory.writer import DEFAULT_BATCH_SIZE, Planned, Problem, ServiceWriter
from search.signals import deferred_index_updates

from ..feeds.links import FeedLinks, record_hash
from .feed_versions import as_v3, v1_path, version_of
from .import_report import ImportReport, UnknownTerm
from .import_report import Problem as ReportProblem
from .record_reader import Found, RecordReader
from .repairs import repair
from .unplaced import unplaced

logger = logging.getLogger(__name__)

# Where a model field's problem points in a record (fields not listed are at $.<field>).
SERVICE_PATHS = {
    "oruk_id": "id",
    "title": "name",
    "draft_title": "name",
    "slug": "name",
    "summary": "description",
    "website": "url",
    "last_reviewed": "assured_date",
    "fees_description": "fees_description",
    "organisation": "organization",
    "eligibility": "eligibility_description",
    "access_instructions": "application_process",
}
CHILD_FIELD_PATHS = {
    "locations": {
        "address_1": "addresses[0].address_1",
        "city": "addresses[0].city",
        "postcode": "addresses[0].postal_code",
    },
    "contacts": {"phone": "phones[0].number", "phone_description": "phones[0].description"},
    "schedules": {"weekday": "byday", "schedule_notes": "notes"},
}

Progress = Callable[[int, int], Any]  # (records done, records in all)


@dataclass
class _Record:
    index: int
    published_id: str  # the id as the publisher wrote it
    version: str
    data: dict[str, Any]  # repaired, in v3's names
    raw: Any = None  # the record as published

    @cached_property
    def raw_hash(self) -> str:
        """The record as published, to tell next time whether the feed changed it (worked out
        only for a feed's services)."""
        return record_hash(self.raw)

    def path(self, path: str) -> str:
        """A path in the repaired record as a path in the record as published."""
        return v1_path(path) if self.version == "1" else path


def import_services(
    records: Iterable[Any],
    *,
    total: int | None = None,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    dry_run: bool = False,
    strict: bool = False,
    progress: Progress | None = None,
    feed_notes: dict[int, str] | None = None,
    feed: FeedSource | None = None,
) -> ImportReport:
    """Check and upsert ``records``; see the module's docstring.

    ``records`` are read a batch at a time, so from a stream (``Feed.stream``) the first
    services are written while later ones are still being fetched; ``total`` says how many are
    coming, for ``progress`` (by default, the length of ``records``). ``feed_notes`` are what
    went wrong fetching records (by position), reported with them once every record has been
    read (a stream fills them in as it goes). With ``feed``, services are linked to it, and one
    edited here since the feed last wrote it keeps the edit (``exchange.feeds.links``)."""
    started = time.perf_counter()
    if total is None:
        total = len(records) if isinstance(records, Sized) else 0
    report = ImportReport(publish=publish, dry_run=dry_run, strict=strict, records=0)
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        report.source_errors = ["The site has no directory page yet; run manage.py setup_site."]
        return report
    writer = ServiceWriter(user=user, publish=publish, directory=directory)
    importer = _Importer(report, writer, feed)
    preparing = _Preparing(report)
    batches = preparing.batches(records)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, max(total, done))

    if strict or dry_run:
        good: list[_Record] = []
        for batch, read in batches:
            importer.check(batch)
            good += batch
            advance(read)
        preparing.report_feed_notes(feed_notes)
        if not report.records or dry_run or report.errors:
            if not dry_run:  # strict, and something was wrong: nothing is written
                report.created, report.updated, report.unchanged = [], [], []
            return _finish(report, importer, started, dry_run=dry_run)
        report.created, report.updated, report.unchanged = [], [], []
        importer.warn_when_reading = False  # said already, while checking
        done = report.records - len(good)
        batches = ((batch, len(batch)) for batch in _batches(good))
    with deferred_index_updates():  # (indexed for search in groups of batches)
        for batch, read in batches:
            importer.write(batch)
            advance(read)
    preparing.report_feed_notes(feed_notes)
    importer.update_organisations(user)
    return _finish(report, importer, started, dry_run=False)


def _finish(
    report: ImportReport, importer: _Importer, started: float, *, dry_run: bool
) -> ImportReport:
    if not report.records:
        report.source_errors = ["The source has no services."]
    importer.report_found(dry_run=dry_run)
    report.errors.sort(key=lambda error: error.index)
    report.warnings.sort(key=lambda warning: warning.index)
    report.seconds = time.perf_counter() - started
    return report


def _batches(records: list[_Record]) -> Iterator[list[_Record]]:
    for start in range(0, len(records), DEFAULT_BATCH_SIZE):
        yield records[start : start + DEFAULT_BATCH_SIZE]


class _Preparing:
    """Reads records as they come: versions told, defects repaired, duplicates refused."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.first: dict[str, int] = {}  # service id -> the position that had it first
        self.published_ids: list[str] = []  # by position

    def batches(self, records: Iterable[Any]) -> Iterator[tuple[list[_Record], int]]:
        """The readable records a batch at a time, each with how many records it read."""
        good: list[_Record] = []
        read = 0
        for raw in records:
            record = self._prepare(raw)
            read += 1
            if record is not None:
                good.append(record)
            if read == DEFAULT_BATCH_SIZE:
                yield good, read
                good, read = [], 0
        if read:
            yield good, read

    def _prepare(self, raw: Any) -> _Record | None:
        report = self.report
        index = report.records
        report.records += 1
        published_id = str(raw.get("id", "")) if isinstance(raw, dict) else ""
        self.published_ids.append(published_id)
        version = version_of(raw) if isinstance(raw, dict) else "3"
        record = _Record(index, published_id, version, {}, raw)
        data, repairs = repair(as_v3(raw) if version == "1" and isinstance(raw, dict) else raw)
        report.repairs.update(repairs.counts)
        report.warnings += [
            ReportProblem(index, published_id, record.path(path), message)
            for path, message in repairs.warnings
        ]
        if data is None:
            report.errors += [
                ReportProblem(index, published_id, record.path(path), message)
                for path, message in repairs.errors
            ]
            return None
        report.versions[version] += 1
        if data["id"] in self.first:
            report.errors.append(
                ReportProblem(
                    index,
                    published_id,
                    "$.id",
                    f"Record {self.first[data['id']]} has the same id; each service may appear "
                    "only once, so this one was not imported.",
                )
            )
            return None
        self.first[data["id"]] = index
        record.data = data
        for path in unplaced(data):
            report.unplaced[record.path(path)] += 1
        return record

    def report_feed_notes(self, notes: dict[int, str] | None) -> None:
        for index, message in (notes or {}).items():
            self.report.warnings.append(
                ReportProblem(index, self.published_ids[index], "$", message)
            )


class _Importer:
    """State shared by the batches of one import: what was found, and the writer."""

    def __init__(
        self, report: ImportReport, writer: ServiceWriter, feed: FeedSource | None = None
    ) -> None:
        self.report = report
        self.writer = writer
        self.links = FeedLinks(feed) if feed is not None else None
        self.found = Found()
        self.found.load()
        self.warn_when_reading = True

    def _existing(self, batch: list[_Record]) -> dict[str, ServicePage]:
        return {
            page.oruk_id: page
            for page in ServicePage.objects.filter(oruk_id__in=[r.data["id"] for r in batch])
        }

    def _read(
        self, batch: list[_Record], existing: dict[str, ServicePage] | None = None
    ) -> list[tuple[_Record, RecordReader, Any]]:
        existing = self._existing(batch) if existing is None else existing
        read = []
        for record in batch:
            reader = RecordReader(record.data, self.found, existing.get(record.data["id"]))
            try:
                values = reader.values()
            except Exception as error:  # a shape nothing foresaw: this record, not the import
                logger.exception("Open Referral record %s could not be read", record.index)
                self._problem(
                    self.report.errors,
                    record,
                    "$",
                    f"Could not be read ({type(error).__name__}: {error}); please report this "
                    "feed to the directory's developers.",
                )
                continue
            if self.warn_when_reading:
                for path, message in reader.warnings:
                    self._problem(self.report.warnings, record, path, message)
                self.report.notes.update(reader.notes)
            read.append((record, reader, values))
        return read

    def check(self, batch: list[_Record]) -> None:
        """Plan (nothing written) and report what would happen."""
        read = self._read(batch)
        plans = self.writer.plan([values for _r, _reader, values in read])
        for (record, reader, _values), plan in zip(read, plans, strict=True):
            self._outcome(record, reader, plan)

    def write(self, batch: list[_Record]) -> None:
        existing = self._existing(batch)
        if self.links is not None:
            batch = self._changed_in_feed(batch, existing)
        read = self._read(batch, existing)
        new_before = {id(obj) for obj in self._unsaved()}
        plans = self.writer.plan([values for _r, _reader, values in read])
        kept_local = self._local_edits(read, plans, existing)
        try:
            written = self.writer.write([p for p in plans if id(p) not in kept_local])
        except DatabaseError as error:
            for obj in self._unsaved_since(new_before):
                obj.pk = None  # rolled back with the batch
            for record, _reader, _values in read:
                self._problem(self.report.errors, record, "$", f"The database refused it: {error}")
            return
        by_values = {id(plan.values): plan for plan in written}
        for (record, reader, _values), plan in zip(read, plans, strict=True):
            if id(plan) in kept_local:
                self._problem(self.report.conflicts, record, "$", kept_local[id(plan)])
                continue
            plan = by_values[id(plan.values)]
            self._outcome(record, reader, plan)
            if self.links is not None and plan.ok and plan.page is not None and plan.page.pk:
                self.links.written(plan.page.pk, record.raw_hash, plan.after)

    def _changed_in_feed(
        self, batch: list[_Record], existing: dict[str, ServicePage]
    ) -> list[_Record]:
        """The records the feed has changed since its last pull (the others are unchanged)."""
        assert self.links is not None
        self.links.load(list(existing.values()))
        changed = []
        for record in batch:
            page = existing.get(record.data["id"])
            if page is not None and self.links.unchanged_in_feed(page, record.raw_hash):
                self.report.unchanged.append(f"{page.title} ({record.published_id})")
                self.links.seen(page.pk)
            else:
                changed.append(record)
        return changed

    def _local_edits(
        self, read: list[tuple[_Record, RecordReader, Any]], plans: list[Planned], existing: dict
    ) -> dict[int, str]:
        """Plans that would overwrite a local edit, with the note saying it was kept."""
        if self.links is None:
            return {}
        kept = {}
        for (record, _reader, _values), plan in zip(read, plans, strict=True):
            page = existing.get(record.data["id"])
            if page is None or plan.outcome != "updated" or not plan.ok:
                continue
            link = self.links.local_edit(page, plan)
            if link is not None:
                kept[id(plan)] = self.links.keep_local(link, page)
        return kept

    def _unsaved(self) -> list[Any]:
        return [org for org in self.found.new_organisations if org.pk is None] + [
            term for _taxonomy, term in self.found.new_terms if term.pk is None
        ]

    def _unsaved_since(self, unsaved_before: set[int]) -> list[Any]:
        everything = self.found.new_organisations + [term for _t, term in self.found.new_terms]
        return [obj for obj in everything if id(obj) in unsaved_before and obj.pk is not None]

    def _outcome(self, record: _Record, reader: RecordReader, plan: Planned) -> None:
        label = f"{plan.title} ({record.published_id or record.data['id']})"
        if not plan.ok:
            for problem in plan.problems:
                self._problem(self.report.errors, record, _path(problem, reader), problem.message)
            return
        getattr(self.report, plan.outcome).append(label)

    def _problem(self, into: list, record: _Record, path: str, message: str) -> None:
        into.append(ReportProblem(record.index, record.published_id, record.path(path), message))

    def update_organisations(self, user: AbstractBaseUser | None) -> None:
        """Matched organisations take the feed's details (for services that were written)."""
        for organisation, changes in self.found.organisation_changes.values():
            for name, value in changes.items():
                setattr(organisation, name, value)
            with transaction.atomic():
                organisation.save(update_fields=[*changes, "last_modified"])
                log(instance=organisation, action="wagtail.edit", user=self.writer.user)
            self.report.organisations_updated.append(organisation.name)

    def report_found(self, *, dry_run: bool) -> None:
        found = self.found
        self.report.organisations_created = [
            org.name for org in found.new_organisations if dry_run or org.pk is not None
        ]
        if dry_run:
            self.report.organisations_updated = [
                org.name for org, _changes in found.organisation_changes.values()
            ]
        self.report.unknown_terms = [
            UnknownTerm(taxonomy, name, created) for taxonomy, name, created in found.unknown
        ]
        self.report.other_terms = found.other_terms


def _path(problem: Problem, reader: RecordReader) -> str:
    if not problem.relation:
        return f"$.{SERVICE_PATHS.get(problem.field, problem.field)}" if problem.field else "$"
    paths = reader.child_paths.get(problem.relation, [])
    base = (
        paths[problem.position]
        if problem.position is not None and problem.position < len(paths)
        else "$"
    )
    field_path = CHILD_FIELD_PATHS.get(problem.relation, {}).get(problem.field, problem.field)
    return f"{base}.{field_path}" if field_path else base
