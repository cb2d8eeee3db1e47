"""Import a services spreadsheet: every row is checked first, and only a file with no
problems is written.

Rows become the service writer's values (``directory.writer``): new services (no ``oruk_id``,
or an id this directory has not seen) are created under the directory page; existing ones,
matched by ``oruk_id``, get the row applied to their latest revision; locked, in-workflow and
deleted services are refused. A row identical to the service's latest content is reported as
unchanged and not touched. The file is checked whole, then written in batches, each its own
short transaction (so public search keeps answering during a large import), each changed service
with a revision and history entry against the importing user, published or left as a draft as
the importer chose.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from tqdm import tqdm

from directory.models import DirectoryIndexPage
from directory.writer import DEFAULT_BATCH_SIZE, ServiceWriter
from search.signals import deferred_index_updates

from .columns import headers as template_headers
from .reading import Sheet, SpreadsheetError, read_spreadsheet
from .rows import ParsedRow, RowError, Vocabularies, parse_row, row_errors, row_values

Outcome = Literal["created", "updated", "unchanged"]
Progress = Callable[[str, int, int], Any]  # (stage, done, total)
COLUMN_ORDER = {header: position for position, header in enumerate(template_headers(99, 99))}


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
            done = self.created + self.updated
            return ("" if done else "Nothing was imported: ") + " ".join(self.file_errors)
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


def import_services(
    content: bytes,
    filename: str,
    *,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
    on_progress: Progress | None = None,
) -> ImportReport:
    """Check every row of a CSV or XLSX services file, then (only if all are good) write them.

    ``publish`` publishes each created or changed service; otherwise they are drafts (a live
    service keeps showing its published version until someone publishes the draft).
    ``progress`` shows progress bars; ``on_progress(stage, done, total)`` is told as it goes.
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

    parsed_rows, errors = _check(
        sheet, publish=publish, user=user, progress=progress, on_progress=on_progress
    )
    if errors:
        report.errors = sorted(errors, key=lambda e: (e.row, COLUMN_ORDER.get(e.column, -1)))
    elif not sheet.rows:
        report.file_errors = ["The file has column headers but no services."]
    else:
        try:
            _write(
                parsed_rows,
                report,
                publish=publish,
                user=user,
                progress=progress,
                on_progress=on_progress,
            )
        except (ValidationError, DatabaseError) as error:
            # Something changed between checking and writing (e.g. an editor saved a page
            # with the same address at that moment): that batch has been rolled back.
            written = report.created + report.updated
            report.file_errors = [
                f"The import stopped after {written:,} services were written: "
                f"{_message(error)} Please try again."
            ]
        report.unchanged = report.rows - report.created - report.updated
    report.seconds = time.perf_counter() - started
    return report


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages) + "."
    return f"the database refused a change ({error})."


def _check(
    sheet: Sheet,
    *,
    publish: bool,
    user: AbstractBaseUser | None,
    progress: bool,
    on_progress: Progress | None,
) -> tuple[list[ParsedRow], list[RowError]]:
    """Every row read and checked by the writer, nothing written; the rows to write (those
    that change their service) and every problem."""
    vocabularies = Vocabularies.load()
    groups = {group: sheet.group_numbers(group) for group in ("location", "contact")}
    errors = [RowError(p.row, p.column, p.message) for p in sheet.problems]
    unreadable = {(p.row, p.column) for p in sheet.problems}
    skip_rows = {row for row, column in unreadable if column == ""}
    parsed_rows = [
        parse_row(row, vocabularies, groups) for row in sheet.rows if row.number not in skip_rows
    ]
    first_row: dict[str, int] = {}
    for parsed in parsed_rows:
        if parsed.oruk_id in first_row:
            parsed.error(
                "oruk_id",
                f"This service is also on row {first_row[parsed.oruk_id]}; each service may "
                "appear only once in a file.",
            )
        elif parsed.oruk_id:
            first_row[parsed.oruk_id] = parsed.number
    writer = ServiceWriter(user=user, publish=publish)
    changing = []
    bar = tqdm(total=len(parsed_rows), desc="Checking", unit="row", disable=not progress)
    checked = 0  # (a disabled bar does not count)
    for batch in _batches(parsed_rows):
        checkable = [parsed for parsed in batch if "oruk_id" not in parsed.columns_with_errors]
        for parsed, plan in zip(
            checkable, writer.plan(row_values(parsed) for parsed in checkable), strict=True
        ):
            parsed.errors += row_errors(parsed, plan.problems)
            parsed.outcome = plan.outcome
        for parsed in batch:
            row_problems = [e for e in parsed.errors if (e.row, e.column) not in unreadable]
            errors += row_problems
            if not row_problems and parsed.outcome in ("created", "updated"):
                changing.append(parsed)
        bar.update(len(batch))
        checked += len(batch)
        if on_progress:
            on_progress("Checking", checked, len(parsed_rows))
    bar.close()
    return changing, errors


def _batches(rows: list[ParsedRow]) -> Iterator[list[ParsedRow]]:
    for start in range(0, len(rows), DEFAULT_BATCH_SIZE):
        yield rows[start : start + DEFAULT_BATCH_SIZE]


def _write(
    rows: list[ParsedRow],
    report: ImportReport,
    *,
    publish: bool,
    user: AbstractBaseUser | None,
    progress: bool,
    on_progress: Progress | None,
) -> None:
    """Write the checked rows a batch at a time (each batch one transaction), indexed for
    search in groups of batches (``search.signals.deferred_index_updates``)."""
    writer = ServiceWriter(user=user, publish=publish)
    bar = tqdm(total=len(rows), desc="Importing", unit="service", disable=not progress)
    written = 0
    with deferred_index_updates():
        for batch in _batches(rows):
            for plan in writer.write(writer.plan(row_values(parsed) for parsed in batch)):
                if not plan.ok:
                    raise ValidationError(plan.problems[0].message)
                if plan.outcome in ("created", "updated"):
                    setattr(report, plan.outcome, getattr(report, plan.outcome) + 1)
            bar.update(len(batch))
            written += len(batch)
            if on_progress:
                on_progress("Importing", written, len(rows))
    bar.close()
