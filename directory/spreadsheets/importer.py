"""Import a services spreadsheet: every row is checked first, and only a file with no
problems is written, in one transaction.

New services (no ``oruk_id``, or an id this directory has not seen) are created under the
directory page; existing ones, matched by ``oruk_id``, get the row applied to their latest
revision. Each changed service gets a revision recorded against the importing user, and is
published or left as a draft as the importer chose. A row identical to the service's latest
content is reported as unchanged and not touched.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.log_actions import log

from search.signals import deferred_index_updates

from ..models import DeletedService, DirectoryIndexPage, ServicePage
from .columns import headers as template_headers
from .reading import Sheet, SpreadsheetError, read_spreadsheet
from .rows import ParsedRow, RowError, Vocabularies, apply_row, parse_row
from .writing import comparable, service_record

Outcome = Literal["created", "updated", "unchanged"]
COLUMN_ORDER = {header: position for position, header in enumerate(template_headers(99, 99))}
SLUG_LENGTH = 80


@dataclass
class ImportReport:
    publish: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Problems with the file as a whole (format, size, columns): nothing was read.
    file_errors: list[str] = field(default_factory=list)
    # Problems in rows: nothing was written.
    errors: list[RowError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.errors

    @property
    def bad_rows(self) -> int:
        return len({error.row for error in self.errors})

    def summary(self) -> str:
        if self.file_errors:
            return "Nothing was imported: " + " ".join(self.file_errors)
        if self.errors:
            return (
                f"Nothing was imported: {self.bad_rows:,} of {self.rows:,} rows have problems "
                f"({len(self.errors):,} in all). Correct them and upload the file again."
            )
        state = "published" if self.publish else "saved as drafts"
        return (
            f"Imported {self.rows:,} rows ({state}): {self.created:,} services created, "
            f"{self.updated:,} updated, {self.unchanged:,} unchanged."
        )


@dataclass
class _Planned:
    row: int
    outcome: Outcome
    page: ServicePage | None = None


def import_services(
    content: bytes,
    filename: str,
    *,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    """Check every row of a CSV or XLSX services file, then (only if all are good) write them.

    ``publish`` publishes each created or changed service; otherwise they are drafts (a live
    service keeps showing its published version until someone publishes the draft).
    """
    started = time.perf_counter()
    report = ImportReport(publish=publish)
    try:
        sheet = read_spreadsheet(content, filename)
    except SpreadsheetError as error:
        report.file_errors = error.messages
        return report
    report.rows = len(sheet.rows)
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        report.file_errors = ["The site has no directory page yet; run manage.py setup_site."]
        return report

    plan, errors = _check(sheet, directory, publish=publish, user=user, progress=progress)
    if errors:
        report.errors = sorted(errors, key=lambda e: (e.row, COLUMN_ORDER.get(e.column, -1)))
    elif not sheet.rows:
        report.file_errors = ["The file has column headers but no services."]
    else:
        try:
            _write(plan, directory, publish=publish, user=user, progress=progress)
        except (ValidationError, DatabaseError) as error:
            # Something changed between checking and writing (e.g. an editor saved a page
            # with the same address at that moment): the transaction has been rolled back.
            report.file_errors = [f"Nothing was imported: {_message(error)} Please try again."]
        else:
            for item in plan:
                setattr(report, item.outcome, getattr(report, item.outcome) + 1)
    report.seconds = time.perf_counter() - started
    return report


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages) + "."
    return f"the database refused a change ({error})."


def _check(
    sheet: Sheet,
    directory: DirectoryIndexPage,
    *,
    publish: bool,
    user: AbstractBaseUser | None,
    progress: bool,
) -> tuple[list[_Planned], list[RowError]]:
    vocabularies = Vocabularies.load()
    groups = {group: sheet.group_numbers(group) for group in ("location", "contact")}
    errors = [RowError(p.row, p.column, p.message) for p in sheet.problems]
    unreadable = {(p.row, p.column) for p in sheet.problems}
    skip_rows = {row for row, column in unreadable if column == ""}

    parsed_rows = [
        parse_row(row, vocabularies, groups) for row in sheet.rows if row.number not in skip_rows
    ]
    ids = {parsed.oruk_id for parsed in parsed_rows if parsed.oruk_id}
    existing = {page.oruk_id: page for page in ServicePage.objects.filter(oruk_id__in=ids)}
    deleted = set(
        DeletedService.objects.filter(page__oruk_id__in=ids).values_list("page__oruk_id", flat=True)
    )
    slugs = set(directory.get_children().values_list("slug", flat=True))
    first_row: dict[str, int] = {}
    plan: list[_Planned] = []

    for parsed in tqdm(parsed_rows, desc="Checking", unit="row", disable=not progress):
        if parsed.oruk_id in first_row:
            parsed.error(
                "oruk_id",
                f"This service is also on row {first_row[parsed.oruk_id]}; each service may "
                "appear only once in a file.",
            )
        elif parsed.oruk_id:
            first_row[parsed.oruk_id] = parsed.number
        page = existing.get(parsed.oruk_id) if parsed.oruk_id else None
        if page is not None:
            planned = _check_update(parsed, page, deleted, publish=publish, user=user)
        else:
            planned = _check_new(parsed, slugs, user=user)
        row_errors = [
            error for error in parsed.errors if (error.row, error.column) not in unreadable
        ]
        errors += row_errors
        if not row_errors:
            plan.append(planned)
    return plan, errors


def _check_update(
    parsed: ParsedRow,
    page: ServicePage,
    deleted: set[str],
    *,
    publish: bool,
    user: AbstractBaseUser | None,
) -> _Planned:
    if page.oruk_id in deleted:
        parsed.error(
            "oruk_id",
            f"'{page.title}' was deleted and is in the deleted services; restore it first, or "
            "leave oruk_id empty to create a new service.",
        )
        return _Planned(parsed.number, "unchanged")
    if page.locked and (user is None or page.locked_by_id != user.pk):
        parsed.error("oruk_id", f"'{page.title}' is locked in the admin; unlock it first.")
        return _Planned(parsed.number, "unchanged")
    latest = page.get_latest_revision_as_object()
    before = comparable(service_record(latest))
    parsed.errors += apply_row(parsed, latest)
    if parsed.errors:
        return _Planned(parsed.number, "unchanged")
    changed = comparable(service_record(latest)) != before
    waiting = publish and (not page.live or page.has_unpublished_changes)
    if not changed and not waiting:
        return _Planned(parsed.number, "unchanged")
    return _Planned(parsed.number, "updated", latest)


def _check_new(parsed: ParsedRow, slugs: set[str], *, user: AbstractBaseUser | None) -> _Planned:
    page = ServicePage(live=False, owner=user)
    if parsed.oruk_id:
        page.oruk_id = parsed.oruk_id  # an id from another system: keep it
    title = str(parsed.fields.get("title") or "")
    page.slug = _free_slug(title, slugs)
    parsed.errors += apply_row(parsed, page)
    if not parsed.errors:
        slugs.add(page.slug)
    return _Planned(parsed.number, "created", page)


def _free_slug(title: str, taken: set[str]) -> str:
    base = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") or "service"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _write(
    plan: list[_Planned],
    directory: DirectoryIndexPage,
    *,
    publish: bool,
    user: AbstractBaseUser | None,
    progress: bool,
) -> None:
    changes = [item for item in plan if item.outcome != "unchanged"]
    # The index is updated once, after the transaction has committed (or not at all).
    with deferred_index_updates(), transaction.atomic():
        for item in tqdm(changes, desc="Importing", unit="service", disable=not progress):
            page: Any = item.page
            if item.outcome == "created":
                directory.add_child(instance=page)
                log(instance=page, action="wagtail.create", user=user)
            revision = page.save_revision(user=user, clean=False)
            if publish:
                revision.publish(user=user)
