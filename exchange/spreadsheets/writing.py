"""Services -> the spreadsheet template (CSV or XLSX), ready to edit and import again.

Text that a spreadsheet program would run as a formula (starting with =, @, a tab or a
carriage return, or + or - when it is not just a number or phone number) gets one apostrophe
in front, so opening an export never runs anything (OWASP "CSV injection"); the importer takes
exactly that apostrophe off again, so export -> import changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import tablib
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from directory.models import DirectoryIndexPage, ServicePage
from directory.safe_export import neutralise

from .columns import (
    CONTACT_FIELDS,
    LIST_SEPARATOR,
    LOCATION_FIELDS,
    SERVICE_COLUMNS,
    TEMPLATE_CONTACT_GROUPS,
    TEMPLATE_LOCATION_GROUPS,
    documentation,
    headers,
)
from .drop_downs import add_drop_downs, column_choices
from .reading import SHEET_TITLE, Format
from .rows import DAY_ABBREVIATIONS, clean_rich_text

CHILD_RELATIONS = ("locations", "contacts", "schedules", "service_areas", "languages")


def _yes_no(value: bool | None) -> str:
    return "unknown" if value is None else "yes" if value else "no"


def _join(parts: Iterable[str]) -> str:
    """A list cell: semicolons, or one value per line when a value has a semicolon of its own
    (ending with a line break even when there is only one value, so the importer sees it)."""
    parts = list(parts)
    if any(LIST_SEPARATOR in part for part in parts):
        return "\n".join(parts) + ("\n" if len(parts) == 1 else "")
    return f"{LIST_SEPARATOR} ".join(parts)


def _with_note(name: str, note: str) -> str:
    return f"{name}: {note}" if note else name


def _time(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def service_record(page: ServicePage) -> dict[str, Any]:
    """The template's cells for one service (typed: dates stay dates, ages stay numbers);
    ``locations`` and ``contacts`` hold one dict per numbered group."""
    record: dict[str, Any] = {}
    for column in SERVICE_COLUMNS:
        if column.field:
            value = getattr(page, column.field)
            record[column.header] = _yes_no(value) if column.kind == "bool" else value
    record["oruk_id"] = page.oruk_id
    record["organisation"] = page.organisation.name if page.organisation else ""
    record["commissioner"] = page.commissioner.name if page.commissioner else ""
    record["levels"] = _join(
        level.name for level in sorted(page.levels.all(), key=lambda level: level.rank)
    )
    record["needs"] = _join(sorted(need.name for need in page.needs.all()))
    record["circumstances"] = _join(sorted(term.name for term in page.circumstances.all()))
    record["languages"] = _join(
        _with_note(language.name, language.note) for language in page.languages.all()
    )
    record["service_areas"] = _join(
        _with_note(area.name, area.description) for area in page.service_areas.all()
    )
    record["schedules"] = _join(
        " ".join(
            part
            for part in (
                DAY_ABBREVIATIONS.get(item.weekday, item.weekday),
                f"{_time(item.opens_at)}-{_time(item.closes_at)}",
                item.description,
            )
            if part
        )
        for item in page.schedules.all()
    )
    record["locations"] = [
        {column.header: getattr(location, column.field) for column in LOCATION_FIELDS}
        for location in page.locations.all()
    ]
    record["contacts"] = [
        {column.header: getattr(contact, column.field) for column in CONTACT_FIELDS}
        for contact in page.contacts.all()
    ]
    return record


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A record with the description in the importer's cleaned form, for 'is it unchanged?'."""
    return {**record, "description": clean_rich_text(record.get("description") or "")}


def _blank(value: Any) -> Any:
    return "" if value is None else value


def records_to_dataset(records: list[dict[str, Any]], *, for_xlsx: bool) -> tablib.Dataset:
    locations = max([TEMPLATE_LOCATION_GROUPS, *(len(r["locations"]) for r in records)])
    contacts = max([TEMPLATE_CONTACT_GROUPS, *(len(r["contacts"]) for r in records)])
    dataset = tablib.Dataset(headers=headers(locations, contacts), title=SHEET_TITLE)
    for record in records:
        row = [record[column.header] for column in SERVICE_COLUMNS]
        for group, count, fields in (
            ("locations", locations, LOCATION_FIELDS),
            ("contacts", contacts, CONTACT_FIELDS),
        ):
            for number in range(count):
                values = record[group][number] if number < len(record[group]) else {}
                row += [values.get(column.header) for column in fields]
        dataset.append([_cell(value, for_xlsx=for_xlsx) for value in row])
    return dataset


def _cell(value: Any, *, for_xlsx: bool) -> Any:
    value = neutralise(_blank(value))
    if isinstance(value, str) and for_xlsx:
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XLSX cannot hold
    return value


def documentation_dataset() -> tablib.Dataset:
    dataset = tablib.Dataset(
        headers=["column", "required", "what to put in it", "example", "drop-down list"]
    )
    dataset.title = "Columns"
    choices = column_choices()
    for doc in documentation():
        offered = choices.get(doc.header)
        if offered is None:
            drop_down = ""
        elif offered.several:
            drop_down = f"{offered.title}: pick one, or type several separated by semicolons"
        else:
            drop_down = f"{offered.title}: pick one"
        dataset.append(
            [
                doc.header,
                "yes" if doc.required else "",
                doc.description,
                neutralise(doc.example),
                drop_down,
            ]
        )
    return dataset


def write(records: list[dict[str, Any]], file_format: Format) -> bytes:
    """The records as a CSV (UTF-8 with a byte order mark, so Excel reads £ and accents) or
    as an XLSX workbook with a 'Services' sheet (drop-down lists on the columns that have
    choices), a 'Columns' sheet documenting them and a hidden 'Lists' sheet of the choices."""
    if file_format == "csv":
        text = records_to_dataset(records, for_xlsx=False).export("csv")
        return ("\ufeff" + text).encode("utf-8")
    if file_format == "xlsx":
        book = tablib.Databook(
            [records_to_dataset(records, for_xlsx=True), documentation_dataset()]
        )
        return add_drop_downs(book.export("xlsx"), rows=len(records))
    raise ValueError(f"Unknown spreadsheet format: {file_format}")


def template(file_format: Format) -> bytes:
    """The empty template: the header row (and, in XLSX, the column documentation)."""
    return write([], file_format)


def services_to_export(
    *, live_only: bool = False, page_ids: Iterable[int] | None = None
) -> Iterable[ServicePage]:
    """Every service in the directory (or those of ``page_ids``) with its latest content
    (drafts included), so an export edited and imported again never overwrites a draft with
    older published text; or, with ``live_only``, the published services as the public sees
    them. Deleted services (in the bin) are never exported."""
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        return
    pages = ServicePage.objects.child_of(directory)
    if page_ids is not None:
        pages = pages.filter(pk__in=list(page_ids))
    pages = (
        pages.order_by("title", "pk")
        .select_related("organisation", "commissioner")
        .prefetch_related("levels", *CHILD_RELATIONS)
    )
    if live_only:
        yield from pages.live()
        return
    for page in pages:
        latest = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        yield latest


def export_services(file_format: Format, *, live_only: bool = False) -> tuple[bytes, int]:
    """The services file and how many services it holds."""
    records = [service_record(page) for page in services_to_export(live_only=live_only)]
    return write(records, file_format), len(records)


def export_services_by_id(page_ids: Iterable[int], file_format: Format) -> tuple[bytes, int]:
    """The services file for these services (a selection in the admin), and how many."""
    records = [service_record(page) for page in services_to_export(page_ids=page_ids)]
    return write(records, file_format), len(records)
