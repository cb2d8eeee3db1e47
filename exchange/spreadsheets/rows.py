"""One spreadsheet row -> the service writer's values for a service, or (column, reason) errors.

Parsing turns cells into typed values (yes/no, dates, lists, vocabulary terms); ``row_values``
hands them to the service writer (``directory.writer``), which applies them to the service and
runs the model's own validation (``full_clean``, child rows' ``clean`` with postcode
normalisation and geocoding, the contacts' phone check), so a spreadsheet is held to the same
rules as the admin's edit form; ``row_errors`` says in which cell each of its problems is.
Nothing here writes to the database.
"""

from __future__ import annotations

import datetime
import html
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from directory.choices import LANGUAGES, WEEKDAYS
from directory.models import Circumstance, LevelOfNeed, Need, Organisation, ServicePage
from directory.rich_text import clean_rich_text
from directory.term_names import split_term_list, term_key
from directory.writer import Problem, ServiceValues

from .columns import (
    COLUMNS_BY_HEADER,
    CONTACT_FIELDS,
    LIST_SEPARATOR,
    LOCATION_FIELDS,
    SERVICE_COLUMNS,
    Column,
    group_header,
)
from .reading import Cell, Row

# The characters spreadsheet programs treat as the start of a formula. The export puts one
# apostrophe before a text cell starting with one; the import takes exactly that one off.
FORMULA_STARTS = ("=", "@", "+", "-", "\t", "\r")
TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0"}
UNKNOWN_WORDS = {"unknown", "not known"}
_HTML_TAG = re.compile(r"<\s*/?\s*(p|br|b|i|strong|em|a|ul|ol|li|h[1-6]|div|span)\b", re.I)
_SCHEDULE = re.compile(
    r"^(?P<day>[A-Za-z]+)\.?,?\s+(?P<opens>\d{1,2}[:.]\d{2})\s*(?:-|–|—|to)\s*"
    r"(?P<closes>\d{1,2}[:.]\d{2})(?:\s+(?P<note>.*))?$",
    re.S,
)
DAY_NAMES = {name.lower(): code for code, name in WEEKDAYS}
DAY_NAMES.update({name.lower()[:3]: code for code, name in WEEKDAYS})
DAY_NAMES.update({code: code for code, _ in WEEKDAYS})
DAY_NAMES.update({"tues": "tu", "wed": "we", "thur": "th", "thurs": "th"})
DAY_ABBREVIATIONS = {code: name[:3] for code, name in WEEKDAYS}
LANGUAGES_BY_KEY = {code: code for code, _ in LANGUAGES} | {
    name.lower(): code for code, name in LANGUAGES
}

# Where a model field's error belongs in the spreadsheet.
PAGE_FIELD_COLUMNS = {"title": "name", "slug": "name", "draft_title": "name"}
LOCATION_COLUMNS = {column.field: column.header for column in LOCATION_FIELDS}
CONTACT_COLUMNS = {column.field: column.header for column in CONTACT_FIELDS}
# A child's errors that are about no one field: "give both latitude and longitude", "give a
# phone number or an email address".
GROUP_ERRORS = {"location": "latitude", "contact": "phone"}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str  # a header, or "" for the row as a whole
    message: str


@dataclass
class Vocabularies:
    """Every term a row may name, loaded once per import (organisations by lower-case name,
    vocabulary terms by ``term_key`` of their name and slug)."""

    organisations: dict[str, Organisation]
    levels: dict[str, LevelOfNeed]
    needs: dict[str, Need]
    circumstances: dict[str, Circumstance]

    @classmethod
    def load(cls) -> Vocabularies:
        def by_name_and_slug(queryset: Any) -> dict[str, Any]:
            terms: dict[str, Any] = {}
            for term in queryset:
                terms[term_key(term.slug)] = term
            for term in queryset:  # a name wins over another term's slug
                terms[term_key(term.name)] = term
            return terms

        return cls(
            organisations={org.name.lower(): org for org in Organisation.objects.all()},
            levels=by_name_and_slug(LevelOfNeed.objects.order_by("rank")),
            needs=by_name_and_slug(Need.objects.all()),
            circumstances=by_name_and_slug(Circumstance.objects.all()),
        )


@dataclass
class ParsedRow:
    """A row's values, typed; ``fields`` are plain ServicePage attributes."""

    number: int
    oruk_id: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    organisation: Organisation | None = None
    commissioner: Organisation | None = None
    levels: list[LevelOfNeed] | None = None
    needs: list[Need] | None = None
    circumstances: list[Circumstance] | None = None
    languages: list[dict[str, str]] | None = None
    service_areas: list[dict[str, str]] | None = None
    schedules: list[dict[str, Any]] | None = None
    # (group number, child attributes) for each filled group
    locations: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    contacts: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    outcome: str = ""  # the writer's: created, updated, unchanged or refused

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    @property
    def columns_with_errors(self) -> set[str]:
        return {error.column for error in self.errors}


class CellError(ValueError):
    """A cell that cannot be read as its column's kind of value."""


# -- cells --------------------------------------------------------------------------------------


def unescape_formula(value: str) -> str:
    """Take off the one apostrophe the export adds before a formula-like cell."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=@+-\t\r":
        return value[1:]
    return value


def text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    stripped = str(value).replace("\r\n", "\n").strip()
    return unescape_formula(stripped)


def boolean(value: Cell, default: bool | None, *, unknown: bool = False) -> bool | None:
    """yes/no; with ``unknown``, "unknown" too (None), for what a service may not have said."""
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if not word:
        return default
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    if unknown and word in UNKNOWN_WORDS:
        return None
    raise CellError(f"'{word}' is not yes or no{' or unknown' if unknown else ''}.")


def whole_number(value: Cell) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            return int(value)
        raise CellError(f"{value} is not a whole number.")
    word = text(value)
    if not word:
        return None
    if re.fullmatch(r"[+-]?\d+", word):
        return int(word)
    raise CellError(f"'{word}' is not a whole number.")


def decimal(value: Cell) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    word = text(value)
    if not word:
        return None
    try:
        return float(word)
    except ValueError:
        raise CellError(f"'{word}' is not a number.") from None


def date(value: Cell) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    word = text(value)
    if not word:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(word, pattern).date()
        except ValueError:
            continue
    raise CellError(f"'{word}' is not a date; write it as 2025-03-31 or 31/03/2025.")


def items(value: Cell) -> list[str]:
    """The values in a list cell: one per line, or separated by semicolons on one line;
    repeats dropped."""
    # Not text(): a trailing line break marks a one-value cell whose value has a semicolon.
    cell = "" if value is None else unescape_formula(str(value).replace("\r\n", "\n").strip(" "))
    separator = "\n" if "\n" in cell else LIST_SEPARATOR
    seen: dict[str, None] = {}
    for part in cell.split(separator):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return list(seen)


def with_note(item: str) -> tuple[str, str]:
    """'Arabic: interpreter on request' -> ('Arabic', 'interpreter on request')."""
    name, _, note = item.partition(":")
    return name.strip(), note.strip()


def phone_text(value: Cell) -> str:
    """A phone number; one typed into Excel as a number has lost its leading 0 (or +)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        return f"+{digits}" if digits.startswith("44") else f"0{digits}"
    return text(value)


def description_html(value: Cell) -> str:
    """Rich text from plain text (blank lines between paragraphs) or simple HTML, cleaned the
    way Wagtail's editor cleans pasted HTML (only the features the field allows)."""
    raw = text(value)
    if not raw:
        return ""
    if not _HTML_TAG.search(raw):
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", raw) if part.strip()]
        raw = "".join(
            "<p>" + html.escape(part, quote=False).replace("\n", "<br/>") + "</p>"
            for part in paragraphs
        )
    return clean_rich_text(raw)


def schedule(item: str) -> dict[str, Any]:
    match = _SCHEDULE.match(item)
    if not match:
        raise CellError(
            f"'{item}' is not an opening time; write it as 'Mon 09:30-11:30', optionally "
            "followed by a note."
        )
    day = DAY_NAMES.get(match["day"].lower())
    if day is None:
        raise CellError(f"'{match['day']}' is not a day of the week.")
    times = []
    for part in (match["opens"], match["closes"]):
        hours, minutes = re.split(r"[:.]", part)
        try:
            times.append(datetime.time(int(hours), int(minutes)))
        except ValueError:
            raise CellError(f"'{part}' is not a time of day (use 24-hour HH:MM).") from None
    return {
        "weekday": day,
        "opens_at": times[0],
        "closes_at": times[1],
        "description": (match["note"] or "").strip(),
    }


# -- one row ------------------------------------------------------------------------------------


def parse_row(
    row: Row, vocabularies: Vocabularies, group_numbers: dict[str, list[int]]
) -> ParsedRow:
    """Read every cell of a row; problems are collected on ``ParsedRow.errors``."""
    parsed = ParsedRow(row.number)
    cells = row.cells
    for column in SERVICE_COLUMNS:
        try:
            _parse_service_cell(parsed, column, cells.get(column.header), vocabularies)
        except CellError as error:
            parsed.error(column.header, str(error))
    for number in group_numbers.get("location", []):
        _parse_group(parsed, "location", number, LOCATION_FIELDS, cells, parsed.locations)
    for number in group_numbers.get("contact", []):
        _parse_group(parsed, "contact", number, CONTACT_FIELDS, cells, parsed.contacts)
    return parsed


def _parse_service_cell(
    parsed: ParsedRow, column: Column, value: Cell, vocabularies: Vocabularies
) -> None:
    header = column.header
    if header == "oruk_id":
        parsed.oruk_id = _oruk_id(value)
    elif header in ("organisation", "commissioner"):
        name = text(value)
        if not name:
            if column.required:
                raise CellError("Give the name of the organisation that runs the service.")
            return
        organisation = vocabularies.organisations.get(name.lower())
        if organisation is None:
            raise CellError(
                f"There is no organisation called '{name}' in the directory; check the "
                "spelling, or add it under Organisations first."
            )
        if header == "commissioner" and not organisation.is_commissioner:
            raise CellError(
                f"'{organisation.name}' is not marked as a commissioner; tick 'commissions "
                "services' on the organisation first."
            )
        setattr(parsed, header, organisation)
    elif header == "levels":
        parsed.levels = _terms(value, vocabularies.levels, "level of need", "levels of need")
        if not parsed.levels:
            names = ", ".join(sorted({level.name for level in vocabularies.levels.values()}))
            raise CellError(f"Give at least one level of need ({names}).")
    elif header == "needs":
        parsed.needs = _terms(value, vocabularies.needs, "need", "needs")
    elif header == "circumstances":
        parsed.circumstances = _terms(
            value, vocabularies.circumstances, "circumstance", "circumstances"
        )
    elif header == "languages":
        parsed.languages = _languages(value)
    elif header == "service_areas":
        parsed.service_areas = [
            {"name": name, "description": note} for name, note in map(with_note, items(value))
        ]
    elif header == "schedules":
        parsed.schedules = [schedule(item) for item in items(value)]
    elif header == "description":
        parsed.fields["description"] = description_html(value)
    elif header == "status":
        parsed.fields["status"] = _status(value)
    else:
        parsed.fields[column.field] = _simple_value(column, value)


def _simple_value(column: Column, value: Cell) -> Any:
    model_field = ServicePage._meta.get_field(column.field)
    if column.kind == "bool":
        return boolean(value, default=model_field.default, unknown=model_field.null)
    if column.kind == "int":
        number = whole_number(value)
        if number is None and model_field.has_default():
            return model_field.default
        return number
    if column.kind == "date":
        return date(value)
    return text(value)


def _oruk_id(value: Cell) -> str:
    word = text(value)
    if not word:
        return ""
    try:
        return str(uuid.UUID(word))
    except ValueError:
        raise CellError(
            f"'{word}' is not an Open Referral id (a UUID such as "
            "0f6e3d52-2c55-4c7e-9f0e-6f8f3d7b2a11). Leave it empty for a new service."
        ) from None


def _status(value: Cell) -> str:
    word = text(value).lower()
    if not word:
        return ServicePage.Status.ACTIVE
    for choice in ServicePage.Status:
        if word in (choice.value, choice.label.lower()):
            return choice.value
    options = ", ".join(choice.value for choice in ServicePage.Status)
    raise CellError(f"'{word}' is not a status; use one of: {options}.")


def _terms(value: Cell, terms: dict[str, Any], singular: str, plural: str) -> list[Any]:
    cell = "" if value is None else unescape_formula(str(value).replace("\r\n", "\n").strip())
    found, unknown = split_term_list(cell, terms)
    if unknown:
        listed = ", ".join(f"'{name}'" for name in unknown)
        raise CellError(
            f"Not in the directory's list of {plural}: {listed}. Use the {singular} names as "
            "they appear in the admin, or ask a commissioner to add them."
        )
    return found


def _languages(value: Cell) -> list[dict[str, str]]:
    languages, unknown = [], []
    for item in items(value):
        name, note = with_note(item)
        code = LANGUAGES_BY_KEY.get(name.lower())
        if code is None:
            unknown.append(name)
        else:
            languages.append({"code": code, "note": note})
    if unknown:
        raise CellError(
            f"Not a language the directory lists: {', '.join(unknown)}. Use a name such as "
            "Polish or a code such as pl."
        )
    return languages


def _parse_group(
    parsed: ParsedRow,
    group: str,
    number: int,
    columns: tuple[Column, ...],
    cells: dict[str, Cell],
    into: list[tuple[int, dict[str, Any]]],
) -> None:
    values = {column: cells.get(group_header(group, number, column.header)) for column in columns}
    if all(text(value) == "" for value in values.values()):
        return
    attributes: dict[str, Any] = {}
    for column, value in values.items():
        header = group_header(group, number, column.header)
        try:
            if column.kind == "number":
                attributes[column.field] = decimal(value)
            elif column.field == "phone":
                attributes[column.field] = phone_text(value)
            else:
                attributes[column.field] = text(value)
        except CellError as error:
            parsed.error(header, str(error))
    into.append((number, attributes))


# -- a row as the service writer's values, and its problems as cells ----------------------------


def row_values(parsed: ParsedRow) -> ServiceValues:
    """The row's values for the service writer. Child rows replace the service's rows in order,
    each reusing the existing row at its position, so its Open Referral id (and a location's
    geocoding) stays."""
    fields: dict[str, Any] = dict(parsed.fields)
    if "description" in fields:
        fields["description"] = _same_or(fields["description"])
    if parsed.organisation is not None:
        fields["organisation"] = parsed.organisation
    fields["commissioner"] = parsed.commissioner
    children: dict[str, list[dict[str, Any]]] = {
        "locations": [values for _number, values in parsed.locations],
        "contacts": [values for _number, values in parsed.contacts],
    }
    for relation in ("languages", "service_areas", "schedules"):
        if getattr(parsed, relation) is not None:
            children[relation] = getattr(parsed, relation)
    return ServiceValues(
        fields=fields,
        oruk_id=parsed.oruk_id,
        levels=parsed.levels,
        needs=parsed.needs,
        circumstances=parsed.circumstances,
        children=children,
        match_children="position",
    )


def _same_or(description: str) -> Any:
    """The row's description, unless it is the service's own once cleaned as the row's was
    (an export carries the stored rich text, which cleaning may write differently)."""
    return lambda current: current if clean_rich_text(current or "") == description else description


def row_errors(parsed: ParsedRow, problems: list[Problem]) -> list[RowError]:
    """The writer's problems as (row, column) errors, leaving out columns that already have a
    reading error."""
    groups = {"locations": parsed.locations, "contacts": parsed.contacts}
    errors = []
    for problem in problems:
        message = problem.message
        if problem.relation in groups:
            group = problem.relation[:-1]  # "locations" -> "location"
            number = groups[problem.relation][problem.position or 0][0]
            columns = LOCATION_COLUMNS if group == "location" else CONTACT_COLUMNS
            suffix = columns.get(problem.field, GROUP_ERRORS[group] if not problem.field else "")
            column = group_header(group, number, suffix) if suffix else ""
        elif problem.relation:
            column = problem.relation
        else:
            column = PAGE_FIELD_COLUMNS.get(problem.field, problem.field)
            if column not in COLUMNS_BY_HEADER:
                column = ""
                if problem.field:  # a field the template does not have
                    label = ServicePage._meta.get_field(problem.field).verbose_name
                    message = f"{label}: {message}"
        errors.append(RowError(parsed.number, column, message))
    taken = parsed.columns_with_errors
    return [error for error in errors if error.column not in taken or error.column == ""]
