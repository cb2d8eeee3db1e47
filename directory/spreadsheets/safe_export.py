"""Wagtail's CSV and XLSX exports, made as safe to open as the project's own."""

from __future__ import annotations

from typing import Any

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from .writing import neutralise


class FormulaSafeExportMixin(SpreadsheetExportMixin):
    """For a view using Wagtail's ``SpreadsheetExportMixin`` (reports, listings): text a
    spreadsheet would run as a formula gets the apostrophe ``neutralise`` gives our exports."""

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        return neutralise(super().preprocess_field_value(field, value, export_format))


class FormulaSafeSnippetIndexView(FormulaSafeExportMixin, SnippetIndexView):
    pass
