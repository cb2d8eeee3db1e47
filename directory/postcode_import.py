"""Load the Postcode table from an ONS Postcode Directory (ONSPD) style CSV.

The full ONSPD has about 2.6 million rows and some 50 columns; only ``pcds``, ``lat`` and
``long`` are read. The file is streamed and written in batches (one transaction each), so memory
stays flat whatever the file size, and an interrupted import is resumed by running it again:
rows are upserted on the postcode, so re-running a file is idempotent.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connection, reset_queries, transaction
from tqdm import tqdm

from .geocoding import InvalidPostcode, normalise_postcode, outward_code
from .models import Postcode

REQUIRED_COLUMNS = ("pcds", "lat", "long")
DEFAULT_BATCH_SIZE = 5000
DEFAULT_MAX_PROBLEMS = 20
# Mainland UK, Northern Ireland, the islands and Scilly, with a margin; the Channel Islands and
# Isle of Man (in the ONSPD, lat around 49.2-54.4) fall inside too.
LATITUDE_RANGE = (49.0, 61.0)
LONGITUDE_RANGE = (-9.0, 2.5)
# The ONSPD's "no grid reference" marker (lat 99.999999, long 0.000000).
NO_GRID_REFERENCE_LATITUDE = 99.999999


class PostcodeImportError(ValueError):
    """The file cannot be imported at all (missing, empty, or without a required column)."""


@dataclass(frozen=True)
class SkippedRow:
    row: int  # line number in the file; the header is line 1
    value: str
    reason: str


@dataclass
class PostcodeImportReport:
    rows_read: int = 0
    created: int = 0
    updated: int = 0  # already known, coordinates changed
    unchanged: int = 0  # already known with the same coordinates: not rewritten
    duplicates: int = 0  # a later row in the same batch had the same postcode and won
    skipped: int = 0
    skipped_by_reason: Counter[str] = field(default_factory=Counter)
    problems: list[SkippedRow] = field(default_factory=list)  # the first few skipped rows
    seconds: float = 0.0

    @property
    def imported(self) -> int:
        """Rows written to the table (new or changed)."""
        return self.created + self.updated

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class _Row:
    postcode: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class _Unusable:
    """A row that is skipped: the value at fault and why."""

    value: str
    reason: str


def import_postcodes(
    source: str | os.PathLike[str] | IO[Any],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    max_problems: int = DEFAULT_MAX_PROBLEMS,
) -> PostcodeImportReport:
    """Upsert every valid row of an ONSPD-style CSV (a path, ``.csv.gz`` too, or an open file).

    Bad rows are skipped and counted; the first ``max_problems`` are kept in the report.
    Raises PostcodeImportError before writing anything if the file is missing or lacks a
    required column.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.monotonic()
    report = PostcodeImportReport()
    with _open_csv(source) as (text, position, total_bytes):
        reader = csv.reader(text)
        columns = _column_indexes(next(reader, None))
        bar = _progress_bar(progress, total_bytes)
        done_bytes = 0
        try:
            batch: dict[str, _Row] = {}
            for row in reader:
                if not row:
                    continue  # A blank line (often the last one) is not a row.
                report.rows_read += 1
                parsed = _parse_row(row, columns)
                if isinstance(parsed, _Unusable):
                    _skip(report, max_problems, reader.line_num, parsed)
                    continue
                if parsed.postcode in batch:
                    report.duplicates += 1
                batch[parsed.postcode] = parsed
                if len(batch) >= batch_size:
                    _write_batch(batch, report)
                    batch = {}
                    done_bytes = _advance(bar, position, done_bytes, report, started)
            if batch:
                _write_batch(batch, report)
            _advance(bar, position, done_bytes, report, started)
        finally:
            if bar is not None:
                bar.close()
    report.seconds = time.monotonic() - started
    return report


@contextmanager
def _open_csv(
    source: str | os.PathLike[str] | IO[Any],
) -> Iterator[tuple[IO[str], Callable[[], int] | None, int | None]]:
    """Open a path (gzip-aware) or wrap an open file; yield (text, byte position, total bytes).

    The byte position is read from the underlying file, so it is the compressed position of a
    gzip file: it lets the progress bar show a real percentage without counting rows first.
    """
    with ExitStack() as stack:
        if not isinstance(source, str | os.PathLike):
            if isinstance(source, io.TextIOBase):
                yield source, None, None
            else:
                yield _text(source, stack), None, None
            return
        path = Path(source)
        try:
            raw = stack.enter_context(open(path, "rb"))
        except FileNotFoundError as error:
            raise PostcodeImportError(f"No such file: {path}") from error
        except IsADirectoryError as error:
            raise PostcodeImportError(f"{path} is a directory, not a CSV file") from error
        binary: IO[bytes] | gzip.GzipFile = raw
        # peek, not read and seek: the file may be a pipe (e.g. /dev/stdin from zcat).
        if raw.peek(2)[:2] == b"\x1f\x8b":  # gzip magic number, whatever the file is called
            binary = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))
        if raw.seekable():
            yield _text(binary, stack), raw.tell, os.fstat(raw.fileno()).st_size
        else:
            yield _text(binary, stack), None, None


def _text(binary: IO[bytes] | gzip.GzipFile, stack: ExitStack) -> IO[str]:
    # utf-8-sig drops a byte-order mark left by Excel; undecodable bytes become U+FFFD, so that
    # row fails validation instead of aborting the whole import.
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="replace", newline="")
    # Detach rather than close: closing the wrapper would close a caller's own file too.
    stack.callback(text.detach)
    return text


def _column_indexes(header: list[str] | None) -> tuple[int, int, int]:
    if not header:
        raise PostcodeImportError("The file is empty: expected a header row with pcds, lat, long.")
    names = [name.strip().lower() for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise PostcodeImportError(
            f"The header has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}: "
            f"an ONS Postcode Directory CSV needs {', '.join(REQUIRED_COLUMNS)}. "
            f"Found: {', '.join(header[:12])}{', …' if len(header) > 12 else ''}."
        )
    pcds, lat, long = (names.index(name) for name in REQUIRED_COLUMNS)
    return pcds, lat, long


def _parse_row(row: list[str], columns: tuple[int, int, int]) -> _Row | _Unusable:
    """The row's postcode and coordinates, or why it cannot be used."""
    pcds_at, lat_at, long_at = columns
    if len(row) <= max(columns):
        return _Unusable(",".join(row), "too few columns")
    raw_postcode, raw_lat, raw_long = row[pcds_at], row[lat_at].strip(), row[long_at].strip()
    if not raw_postcode.strip():
        return _Unusable(raw_postcode, "no postcode")
    try:
        postcode = normalise_postcode(raw_postcode)
    except InvalidPostcode:
        return _Unusable(raw_postcode, "not a full UK postcode")
    if not raw_lat or not raw_long:
        return _Unusable(postcode, "no coordinates")
    try:
        latitude = float(raw_lat)
    except ValueError:
        return _Unusable(raw_lat, "latitude is not a number")
    try:
        longitude = float(raw_long)
    except ValueError:
        return _Unusable(raw_long, "longitude is not a number")
    if latitude == NO_GRID_REFERENCE_LATITUDE:
        return _Unusable(postcode, "no coordinates (lat 99.999999)")
    # Written as "not inside" so NaN is rejected too.
    if not LATITUDE_RANGE[0] <= latitude <= LATITUDE_RANGE[1]:
        return _Unusable(raw_lat, "latitude outside the UK")
    if not LONGITUDE_RANGE[0] <= longitude <= LONGITUDE_RANGE[1]:
        return _Unusable(raw_long, "longitude outside the UK")
    return _Row(postcode, latitude, longitude)


def _skip(report: PostcodeImportReport, max_problems: int, line: int, row: _Unusable) -> None:
    report.skipped += 1
    report.skipped_by_reason[row.reason] += 1
    if len(report.problems) < max_problems:
        report.problems.append(SkippedRow(line, row.value.strip()[:40], row.reason))


def _write_batch(batch: dict[str, _Row], report: PostcodeImportReport) -> None:
    """Upsert one batch in one transaction, counting new, changed and unchanged postcodes.

    Reading the batch's existing rows first costs one indexed query per chunk but tells new from
    updated and lets a re-run skip rewriting unchanged rows, which is most of them.
    """
    with transaction.atomic():
        existing = dict(_existing(list(batch)))
        to_write = []
        for row in batch.values():
            known = existing.get(row.postcode)
            if known is None:
                report.created += 1
            elif known == (row.latitude, row.longitude):
                report.unchanged += 1
                continue
            else:
                report.updated += 1
            to_write.append(
                Postcode(
                    postcode=row.postcode,
                    outward=outward_code(row.postcode),
                    latitude=row.latitude,
                    longitude=row.longitude,
                )
            )
        if to_write:
            # update_conflicts still matters: another import may have added a row since the read.
            Postcode.objects.bulk_create(
                to_write,
                update_conflicts=True,
                unique_fields=["postcode"],
                update_fields=["outward", "latitude", "longitude"],
            )
    if settings.DEBUG:
        # With DEBUG on Django keeps the last 9,000 queries' SQL; bulk inserts are large, so
        # that alone would cost hundreds of MB on a big file.
        reset_queries()


def _existing(postcodes: list[str]) -> Iterator[tuple[str, tuple[float, float]]]:
    # Chunked to the backend's parameter limit (999 on older SQLite builds).
    size = connection.ops.bulk_batch_size(["postcode"], postcodes) or len(postcodes)
    for start in range(0, len(postcodes), size):
        rows = Postcode.objects.filter(postcode__in=postcodes[start : start + size]).values_list(
            "postcode", "latitude", "longitude"
        )
        for postcode, latitude, longitude in rows:
            yield postcode, (latitude, longitude)


def _progress_bar(enabled: bool, total_bytes: int | None) -> tqdm | None:
    if not enabled:
        return None
    if total_bytes is not None:
        # The row count is unknown until the end, so the bar runs on bytes read; rows and rows/s
        # are shown alongside.
        return tqdm(
            total=total_bytes, unit="B", unit_scale=True, unit_divisor=1024, desc="Postcodes"
        )
    return tqdm(unit=" rows", unit_scale=True, desc="Postcodes")


def _advance(
    bar: tqdm | None,
    position: Callable[[], int] | None,
    done_bytes: int,
    report: PostcodeImportReport,
    started: float,
) -> int:
    if bar is None:
        return done_bytes
    elapsed = time.monotonic() - started
    rate = report.rows_read / elapsed if elapsed else 0.0
    if position is not None:
        now = position()
        bar.update(now - done_bytes)
        bar.set_postfix_str(f"{report.rows_read:,} rows, {rate:,.0f} rows/s", refresh=False)
        return now
    bar.update(report.rows_read - bar.n)
    return done_bytes
