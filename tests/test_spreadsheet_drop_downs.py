"""The XLSX template and export offer drop-down lists: yes/no columns, status, organisation,
commissioner, and every vocabulary (on a hidden sheet, so long lists and names with commas
work); the "Columns" sheet says which columns have one."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from directory.models import Circumstance, LevelOfNeed, Need, Organisation
from exchange.spreadsheets.columns import COLUMNS_BY_HEADER, headers
from exchange.spreadsheets.reading import MAX_ROWS
from exchange.spreadsheets.writing import export_services, template

from .hostile_terms import HOSTILE_CIRCUMSTANCES, HOSTILE_NEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(organisation):
    Organisation.objects.create(name="Lewisham Council, Children's Services", is_commissioner=True)
    health = Need.objects.get(name="Health and wellbeing")
    for number, name in enumerate(HOSTILE_NEEDS):
        Need.objects.create(name=name, slug=f"hostile-{number}", parent=health)
    for number, name in enumerate(HOSTILE_CIRCUMSTANCES):
        Circumstance.objects.create(name=name, slug=f"hostile-c-{number}")


def drop_downs(content: bytes) -> tuple[openpyxl.Workbook, dict[str, object]]:
    """The workbook, and each header's data validation on the Services sheet."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book["Services"]
    by_header = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            header = sheet.cell(row=1, column=cell_range.min_col).value
            by_header[header] = (validation, cell_range)
    return book, by_header


def listed(book: openpyxl.Workbook, formula: str) -> list[str]:
    """The values a drop-down offers: an inline list ("a,b") or the cells a range formula such
    as Lists!$B$2:$B$40 points to."""
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet_name, cells = formula.split("!")
    first, last = cells.replace("$", "").split(":")
    column = column_index_from_string("".join(ch for ch in first if ch.isalpha()))
    rows = range(
        int(first.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        int(last.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) + 1,
    )
    sheet = book[sheet_name.strip("'")]
    return [sheet.cell(row=row, column=column).value for row in rows]


def test_the_template_has_a_drop_down_on_every_column_with_choices(vocabularies):
    book, by_header = drop_downs(template("xlsx"))
    assert book.sheetnames == ["Services", "Columns", "Lists"]
    assert book["Lists"].sheet_state == "hidden"

    bools = [header for header, column in COLUMNS_BY_HEADER.items() if column.kind == "bool"]
    assert bools
    for header in bools:
        validation, cell_range = by_header[header]
        # "free" may be unknown (the service has not said); the others are yes or no.
        expected = '"yes,no,unknown"' if header == "is_free" else '"yes,no"'
        assert validation.formula1 == expected, header
        assert validation.errorStyle == "stop"
        # From the first data row to as many rows as an import takes.
        assert (cell_range.min_row, cell_range.max_row) == (2, MAX_ROWS + 1)
        letter = get_column_letter(headers().index(header) + 1)
        assert str(cell_range) == f"{letter}2:{letter}{MAX_ROWS + 1}"

    expected = {
        "needs": list(Need.objects.values_list("name", flat=True)),
        "circumstances": list(Circumstance.objects.values_list("name", flat=True)),
        "levels": list(LevelOfNeed.objects.values_list("name", flat=True)),
        "organisation": list(Organisation.objects.values_list("name", flat=True)),
        "commissioner": ["Lewisham Council, Children's Services"],
    }
    for header, values in expected.items():
        validation, _ = by_header[header]
        if any("," in value for value in values):  # Excel splits inline lists at commas
            assert validation.formula1.replace("'", "").startswith("Lists!$"), header
        assert sorted(listed(book, validation.formula1)) == sorted(values), header
    # Several values may be typed in a list column: a warning, not a refusal.
    assert by_header["needs"][0].errorStyle == "warning"
    assert by_header["organisation"][0].errorStyle == "stop"
    assert by_header["status"][0].formula1 == '"active,temporarily closed,inactive,defunct"'
    assert "languages" in by_header


def test_the_columns_sheet_says_which_columns_have_a_drop_down(vocabularies):
    book = openpyxl.load_workbook(io.BytesIO(template("xlsx")))
    rows = {row[0]: row for row in book["Columns"].iter_rows(min_row=2, values_only=True)}
    assert book["Columns"]["E1"].value == "drop-down list"
    assert rows["needs"][4] == "Needs: pick one, or type several separated by semicolons"
    assert rows["in_person"][4] == "yes or no: pick one"
    assert rows["summary"][4] in ("", None)
    # Plain English: no jargon left in what to put in a column.
    for header, row in rows.items():
        for word in ("UUID", "HTML", "Open Referral"):
            assert word not in (row[2] or ""), (header, word)


def test_an_export_has_the_drop_downs_too_and_still_imports_unchanged(
    vocabularies, make_service, commissioner
):
    from exchange.spreadsheets.importer import import_services

    make_service(needs=["Speech, language and communication", HOSTILE_NEEDS[1]])
    content, count = export_services("xlsx")
    assert count == 1
    book, by_header = drop_downs(content)
    assert "needs" in by_header and book["Lists"].sheet_state == "hidden"
    report = import_services(content, "export.xlsx", publish=True, user=commissioner)
    assert report.ok, report.errors
    assert report.unchanged == 1
