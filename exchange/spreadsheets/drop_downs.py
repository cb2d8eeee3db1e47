"""Drop-down lists in the XLSX template and export (openpyxl data validation).

Every yes/no column gets yes and no; status its choices; organisation and commissioner the
organisations in the directory; levels, needs, circumstances and languages their vocabulary.
The vocabularies go on a hidden "Lists" sheet and the drop-downs refer to its ranges: Excel's
inline lists hold at most 255 characters, and split at commas, which term names may contain
("Speech, language and communication").

Columns that take several values (needs, separated by semicolons) offer the list for one
value and only warn when a cell holds something else, so several can still be typed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from directory.models import Circumstance, LevelOfNeed, Need, Organisation, ServicePage
from directory.models.services import LANGUAGES

from .columns import COLUMNS_BY_HEADER, Column
from .reading import MAX_ROWS, SHEET_TITLE

LISTS_TITLE = "Lists"
EXCEL_INLINE_LIMIT = 255  # characters in an inline list, separators included
YES_NO = ["yes", "no"]
# A yes/no the service may not have said (a nullable field, such as "free"): the importer
# reads "unknown" as not known (rows.boolean).
YES_NO_UNKNOWN = ["yes", "no", "unknown"]


@dataclass(frozen=True)
class Choices:
    title: str  # the heading on the Lists sheet, and the drop-down's prompt
    values: list[str]
    several: bool = False  # a list column: one value from the list, or several typed


def _names(queryset) -> list[str]:
    return list(queryset.values_list("name", flat=True))


def column_choices() -> dict[str, Choices]:
    """Header -> its drop-down, for every column that has one."""
    organisations = _names(Organisation.objects.order_by("name"))
    commissioners = _names(Organisation.objects.filter(is_commissioner=True).order_by("name"))
    needs = Need.objects.select_related("parent").order_by(
        "parent__sort_order", "parent__name", "sort_order", "name"
    )
    choices = {
        "status": Choices("Status", [value for value, _ in ServicePage.Status.choices]),
        "organisation": Choices("Organisations", organisations),
        "commissioner": Choices("Commissioners", commissioners),
        "levels": Choices(
            "Levels of need", _names(LevelOfNeed.objects.order_by("rank", "pk")), several=True
        ),
        "needs": Choices("Needs", [need.name for need in needs], several=True),
        "circumstances": Choices(
            "Circumstances",
            _names(Circumstance.objects.order_by("sort_order", "name")),
            several=True,
        ),
        "languages": Choices("Languages", [name for _, name in LANGUAGES], several=True),
    }
    for header, column in COLUMNS_BY_HEADER.items():
        if column.kind == "bool":
            choices[header] = _yes_no(column)
    return choices


def _yes_no(column: Column) -> Choices:
    try:
        may_be_unknown = ServicePage._meta.get_field(column.field).null
    except FieldDoesNotExist:
        may_be_unknown = False
    if may_be_unknown:
        return Choices("yes, no or unknown", YES_NO_UNKNOWN)
    return Choices("yes or no", YES_NO)


def _inline(values: list[str]) -> str | None:
    """An inline list formula, when Excel can hold it: short, and no value with a comma."""
    if any("," in value or '"' in value for value in values):
        return None
    text = ",".join(values)
    return f'"{text}"' if len(text) <= EXCEL_INLINE_LIMIT else None


def add_drop_downs(content: bytes, rows: int) -> bytes:
    """The workbook with a drop-down on every column that has one, for the data rows and room
    for as many more as the importer accepts."""
    book = load_workbook(io.BytesIO(content))
    sheet = book[SHEET_TITLE]
    lists = book.create_sheet(LISTS_TITLE)
    lists.sheet_state = "hidden"
    last_row = max(rows + 1, MAX_ROWS + 1)
    headers = [cell.value for cell in sheet[1]]
    every_choice = column_choices()
    list_column = 0
    for index, header in enumerate(headers, start=1):
        choices = every_choice.get(header)
        if choices is None or not choices.values:
            continue
        formula = _inline(choices.values)
        if formula is None:
            list_column += 1
            letter = get_column_letter(list_column)
            lists.cell(row=1, column=list_column, value=f"{header}: {choices.title}")
            for row, value in enumerate(choices.values, start=2):
                lists.cell(row=row, column=list_column, value=value)
            end = len(choices.values) + 1
            formula = f"{quote_sheetname(LISTS_TITLE)}!${letter}$2:${letter}${end}"
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showDropDown=False,  # (openpyxl's name: False shows the arrow)
            showErrorMessage=True,
            errorStyle="warning" if choices.several else "stop",
            errorTitle="Not in the list",
            error=(
                "Pick from the list. For several, type them separated by semicolons."
                if choices.several
                else "Pick from the list, or leave it empty."
            ),
            promptTitle=choices.title[:32],
            prompt=(
                "Pick one, or type several separated by semicolons."
                if choices.several
                else "Pick from the list."
            ),
            showInputMessage=True,
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(validation)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
