"""The commissioners' "Import and export" admin screen, its downloads and its menu item.

Everything here needs the ``directory.import_services`` permission (the Commissioners group
has it); anyone else gets 403.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, re_path
from django.utils import timezone
from django.views import View

from directory.models import ImportRun
from directory.models.services import IMPORT_SERVICES
from directory.signed_in import signed_in_user

from ..feeds.tasks import start
from .columns import TEMPLATE_CONTACT_GROUPS, TEMPLATE_LOCATION_GROUPS, documentation
from .reading import (
    MAX_CELL_CHARS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    Format,
    SpreadsheetError,
    check_file,
    spreadsheet_format,
)
from .writing import export_services, template

PERMISSION = IMPORT_SERVICES
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DRAFT, PUBLISH = "draft", "publish"


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet to import",
        help_text=(
            f"A .csv or .xlsx file in the services template, at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB and {MAX_ROWS:,} services."
        ),
    )
    arrive_as = forms.ChoiceField(
        label="Imported services arrive",
        choices=[
            (DRAFT, "As drafts, to check and publish later"),
            (PUBLISH, "Published now"),
        ],
        initial=DRAFT,
        widget=forms.RadioSelect,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            spreadsheet_format(upload.name)
        except SpreadsheetError as error:
            raise forms.ValidationError(str(error)) from error
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the most that can be imported "
                f"at once is {MAX_FILE_BYTES // 1024 // 1024} MB. Split it into smaller files."
            )
        content = upload.read()
        try:
            check_file(content, upload.name)  # a hostile file is refused now, not in the run
        except SpreadsheetError as error:
            raise forms.ValidationError(error.messages) from error
        self.cleaned_data["content"] = content
        return upload


def _check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class SpreadsheetsView(View):
    template_name = "exchange/spreadsheets/index.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _check_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(ImportForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        # Imported in the background (exchange.feeds.runs): the run's page shows progress.
        run = ImportRun.objects.create(
            kind=ImportRun.Kind.SPREADSHEET,
            filename=form.cleaned_data["file"].name[:255],
            upload=form.cleaned_data["content"],
            publish=form.cleaned_data["arrive_as"] == PUBLISH,
            user=signed_in_user(request),
        )
        start(run)
        return redirect("directory_feeds:run", pk=run.pk)

    def render(self, form: ImportForm, status: int = 200) -> HttpResponse:
        context = {
            "page_title": "Import and export services",
            "header_icon": "table",
            "form": form,
            "columns": documentation(),
            "location_groups": TEMPLATE_LOCATION_GROUPS,
            "contact_groups": TEMPLATE_CONTACT_GROUPS,
            "max_rows": MAX_ROWS,
            "max_cell_chars": MAX_CELL_CHARS,
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


def download_template(request: HttpRequest, file_format: str) -> HttpResponse:
    _check_permission(request)
    return _attachment(template(cast(Format, file_format)), file_format, "services-template")


def download_export(request: HttpRequest, file_format: str) -> HttpResponse:
    _check_permission(request)
    live_only = request.GET.get("live") == "1"
    content, _ = export_services(cast(Format, file_format), live_only=live_only)
    name = f"services-{'published-' if live_only else ''}{timezone.localdate():%Y-%m-%d}"
    return _attachment(content, file_format, name)


def _attachment(content: bytes, file_format: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


FORMAT = r"(?P<file_format>csv|xlsx)"
urlpatterns = [
    path("", SpreadsheetsView.as_view(), name="index"),
    re_path(rf"^template\.{FORMAT}$", download_template, name="template"),
    re_path(rf"^export\.{FORMAT}$", download_export, name="export"),
]
