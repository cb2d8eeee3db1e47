"""Text made safe to open in a spreadsheet: the project's own exports and Wagtail's CSV and XLSX
exports (reports, listings) put an apostrophe before what a spreadsheet would run as a formula."""

from __future__ import annotations

import re
from typing import Any

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

# A number or phone number starting with + or - is a value, not a formula.
_NUMBER_OR_PHONE = re.compile(r"[+-][\d\s().,-]*\d[\d\s().,-]*")


def neutralise(value: Any) -> Any:
    """Text a spreadsheet would treat as a formula, with an apostrophe in front."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "=@\t\r" or (value[0] in "+-" and not _NUMBER_OR_PHONE.fullmatch(value)):
        return "'" + value
    return value


class FormulaSafeExportMixin(SpreadsheetExportMixin):
    """For a view using Wagtail's ``SpreadsheetExportMixin`` (reports, listings): text a
    spreadsheet would run as a formula gets the apostrophe ``neutralise`` gives our exports."""

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        return neutralise(super().preprocess_field_value(field, value, export_format))


class FormulaSafeSnippetIndexView(FormulaSafeExportMixin, SnippetIndexView):
    pass
