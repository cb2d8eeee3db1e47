"""Load a services spreadsheet (CSV or XLSX) into numbered rows, within limits.

The header row is checked before any row is read: unknown, missing and repeated columns are
reported by name. Row numbers are the spreadsheet's own (the header is row 1), so people can
find the row a message is about; blank rows are skipped but still counted, and count toward
the row limit (a file of blank rows costs as much to read as a full one).

A hostile file is refused before it costs much: an XLSX whose sheets declare more rows or
columns than the limits (a 2 KB "dimension bomb" declaring ``A1:XFD1048576``) or that would
unpack to far more than any services sheet, rows wider than the column limit, and any file that
takes longer than ``READ_SECONDS`` to read.

CSV is read with the standard library's csv module and XLSX with openpyxl in read-only mode
(what tablib uses underneath): both stream, so a file's row limit is enforced before it is all
in memory, and neither drops blank rows (tablib's CSV loader does, which shifts row numbers).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from openpyxl.utils import get_column_letter

from .columns import GROUPS, SERVICE_HEADERS, group_headers, parse_group_header

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
# The template has 78 columns; 99 location and 99 contact groups would make 1,331.
MAX_COLUMNS = 2_000
MAX_CELL_CHARS = 10_000
# Reading (not checking or importing) one file: a real 10,000-row file takes a few seconds.
READ_SECONDS = 30
# An XLSX is a zip: refuse one that would unpack to far more than any real services sheet.
MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024
SHEET_TITLE = "Services"

Format = Literal["csv", "xlsx"]
Cell = str | int | float | bool | datetime.date | datetime.datetime | datetime.time | None


class SpreadsheetError(Exception):
    """The file as a whole cannot be imported (format, encoding, size or columns)."""

    def __init__(self, messages: str | list[str]) -> None:
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__(" ".join(self.messages))


@dataclass(frozen=True)
class CellProblem:
    row: int
    column: str
    message: str


@dataclass
class Row:
    number: int  # the spreadsheet's row number; the header is row 1
    cells: dict[str, Cell]


@dataclass
class Sheet:
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    # Cells too long to take; their rows are reported and not read further.
    problems: list[CellProblem] = field(default_factory=list)

    def group_numbers(self, group: str) -> list[int]:
        numbers = set()
        for header in self.headers:
            parsed = parse_group_header(header)
            if parsed and parsed[0] == group:
                numbers.add(parsed[1])
        return sorted(numbers)


def spreadsheet_format(filename: str) -> Format:
    """'csv' or 'xlsx' from the file name; anything else is a clear error."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    if suffix in (".xls", ".ods", ".numbers"):
        raise SpreadsheetError(
            f"A {suffix} file cannot be read. Save it as Excel Workbook (.xlsx) or CSV UTF-8 "
            "(.csv) and try again."
        )
    raise SpreadsheetError("Choose a .csv or .xlsx file.")


def read_spreadsheet(content: bytes, filename: str, *, seconds: float = READ_SECONDS) -> Sheet:
    """Read a CSV or XLSX services file. Raises SpreadsheetError for problems with the file
    as a whole; problems in single cells are returned in ``Sheet.problems``. Reading stops with
    an error after ``seconds``."""
    check_file(content, filename)
    kind = spreadsheet_format(filename)
    rows = _csv_rows(content) if kind == "csv" else _xlsx_rows(content)
    return _sheet(rows, deadline=time.monotonic() + seconds)


def check_file(content: bytes, filename: str) -> None:
    """The checks on the file as a whole that cost little (format, size, an XLSX's declared
    size, the column headers), so an upload can be refused at once; reading the rows is the
    import's work."""
    kind = spreadsheet_format(filename)
    if len(content) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            f"The file is {len(content) / 1024 / 1024:.1f} MB; the most that can be imported at "
            f"once is {MAX_FILE_BYTES // 1024 // 1024} MB. Split it into smaller files."
        )
    if not content.strip():
        raise SpreadsheetError("The file is empty.")
    if kind == "xlsx":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED_BYTES:
                    raise SpreadsheetError(
                        "The workbook is too large to import; split it into smaller files."
                    )
                _check_declared_dimensions(archive)
        except zipfile.BadZipFile as error:
            raise SpreadsheetError(
                "The file is not a valid .xlsx workbook. Save it again from Excel, or as CSV UTF-8."
            ) from error
    rows = _csv_rows(content) if kind == "csv" else _xlsx_rows(content)
    try:
        first = next(iter(rows), None)
    finally:
        close = getattr(rows, "close", None)
        if close:
            close()
    if first is None:
        raise SpreadsheetError("The file is empty.")
    check_headers(_header_names(first))


def _header_names(cells: list[Cell]) -> list[str]:
    return [str(cell).strip().lower() if cell is not None else "" for cell in cells]


def _csv_rows(content: bytes) -> Iterator[list[Cell]]:
    try:
        text = content.decode("utf-8-sig")  # with or without Excel's byte order mark
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            "The file is not UTF-8 text (the problem starts at byte "
            f"{error.start:,}). In Excel choose Save As > 'CSV UTF-8 (Comma delimited)', "
            "or upload the .xlsx file instead."
        ) from error
    # A cell cannot be longer than the file; the real limit (MAX_CELL_CHARS) is checked per
    # cell so the message can name the row and column instead of the csv module failing.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))
    first_line = text.split("\n", 1)[0]
    if ";" in first_line and "," not in first_line:
        raise SpreadsheetError(
            "The columns are separated by semicolons. In Excel choose Save As > 'CSV UTF-8 "
            "(Comma delimited)', or upload the .xlsx file instead."
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from reader
    except csv.Error as error:
        raise SpreadsheetError(
            f"The CSV file cannot be read near line {reader.line_num:,}: {error}."
        ) from error


def _xlsx_rows(content: bytes) -> Iterator[list[Cell]]:
    """The rows of a workbook that ``check_file`` has passed."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged workbooks
        raise SpreadsheetError(
            f"The file is not a valid .xlsx workbook ({error}). Save it again from Excel."
        ) from error
    try:
        sheet = (
            workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.worksheets[0]
        )
        # Read the rows that are there, not the size the file claims (openpyxl would pad every
        # row to the declared width).
        sheet.reset_dimensions()
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


# <dimension ref="A1:XFD1048576"/>, near the top of each worksheet's XML.
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"')
_SHEET_HEAD_BYTES = 64 * 1024


def _check_declared_dimensions(archive: zipfile.ZipFile) -> None:
    """Refuse sheets that declare more rows or columns than a services file can have."""
    from openpyxl.utils import column_index_from_string

    for info in archive.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        with archive.open(info) as part:
            head = part.read(_SHEET_HEAD_BYTES)
        found = _DIMENSION.search(head)
        if not found:
            continue
        last_column = found.group(3) or found.group(1)
        last_row = found.group(4) or found.group(2)
        columns = column_index_from_string(last_column.decode()) if last_column else 0
        rows = int(last_row) if last_row else 0
        if rows > MAX_ROWS + 1 or columns > MAX_COLUMNS:
            reference = found.group(0).split(b'"')[1].decode()
            raise SpreadsheetError(
                f"The workbook says a sheet fills {reference} ({rows:,} rows, {columns:,} "
                f"columns); the most that can be imported is {MAX_ROWS:,} services and "
                f"{MAX_COLUMNS:,} columns. Copy just the filled cells into a new workbook, or "
                "save it as CSV UTF-8."
            )


def _is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _sheet(raw_rows: Iterable[list[Cell]], *, deadline: float) -> Sheet:
    iterator = iter(raw_rows)
    try:
        header_cells = next(iterator)
    except StopIteration:
        raise SpreadsheetError("The file is empty.") from None
    if len(header_cells) > MAX_COLUMNS:
        raise SpreadsheetError(
            f"The first row is {len(header_cells):,} cells wide; the most is {MAX_COLUMNS:,}."
        )
    headers = _header_names(header_cells)
    used = check_headers(headers)
    unnamed = [index for index, header in enumerate(headers) if not header]
    sheet = Sheet(headers=[headers[index] for index in used])
    for number, cells in enumerate(iterator, start=2):
        if number > MAX_ROWS + 1:
            raise SpreadsheetError(
                f"The file has more than {MAX_ROWS:,} rows below the header (blank rows count "
                "too); split it into smaller files, or delete the empty rows at its end."
            )
        if len(cells) > MAX_COLUMNS:
            raise SpreadsheetError(
                f"Row {number:,} is {len(cells):,} cells wide; the most is {MAX_COLUMNS:,}. "
                "Delete the cells to the right of the template's columns."
            )
        if number % 100 == 0 and time.monotonic() > deadline:
            raise SpreadsheetError(
                f"Reading the file took too long (stopped at row {number:,}); split it into "
                "smaller files."
            )
        if all(_is_blank(cell) for cell in cells):
            continue
        extra = [cell for cell in cells[len(headers) :] if not _is_blank(cell)]
        stray = [i for i in unnamed if i < len(cells) and not _is_blank(cells[i])]
        if stray:
            sheet.problems.append(
                CellProblem(
                    number,
                    f"column {get_column_letter(stray[0] + 1)}",
                    "This cell is in a column with no header; give the column one of the "
                    "template's names or empty the cell.",
                )
            )
            continue
        if extra:
            sheet.problems.append(
                CellProblem(
                    number,
                    "",
                    f"This row has {len(cells)} cells but there are only {len(headers)} "
                    "column headers; remove the extra cells or give them a header.",
                )
            )
            continue
        row = Row(number, {})
        for index in used:
            value = cells[index] if index < len(cells) else None
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                sheet.problems.append(
                    CellProblem(
                        number,
                        headers[index],
                        f"This cell has {len(value):,} characters; the most a cell may hold is "
                        f"{MAX_CELL_CHARS:,}.",
                    )
                )
                value = None
            row.cells[headers[index]] = value
        sheet.rows.append(row)
    return sheet


def check_headers(headers: list[str]) -> list[int]:
    """The positions of the columns to read. Raises SpreadsheetError naming every unknown,
    missing or repeated column; empty trailing headers are ignored."""
    problems: list[str] = []
    used: list[int] = []
    known = set(SERVICE_HEADERS)
    unknown: list[str] = []
    for index, header in enumerate(headers):
        if not header:
            continue  # a column with no header is ignored unless a row fills it
        if header in known or parse_group_header(header):
            used.append(index)
        else:
            unknown.append(header)
    counts = Counter(headers[index] for index in used)
    repeated = sorted(header for header, count in counts.items() if count > 1)
    present = set(counts)
    missing = [header for header in SERVICE_HEADERS if header not in present]
    for group in GROUPS:
        numbers = {
            parsed[1] for h in present if (parsed := parse_group_header(h)) and parsed[0] == group
        }
        for number in sorted(numbers | {1}):
            missing += [h for h in group_headers(group, number) if h not in present]
    if unknown:
        problems.append(f"Unknown columns: {', '.join(unknown)}.")
    if missing:
        problems.append(f"Missing columns: {', '.join(missing)}.")
    if repeated:
        problems.append(f"Columns that appear more than once: {', '.join(repeated)}.")
    if problems:
        problems.append(
            "The first row must hold the template's column names; download the template to "
            "see them."
        )
        raise SpreadsheetError(problems)
    return used
