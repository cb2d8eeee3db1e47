"""The commissioners' "Open Referral import" admin screen: upload a feed file (imported in the
background, with a page showing its progress and report), and download the export. Needs
``directory.import_services``; anyone else gets 403.

Feeds to pull by URL are added under *Feeds and imports* (``exchange.feeds``).
"""

from __future__ import annotations

import io
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views import View

from directory.models import ImportRun
from directory.models.services import IMPORT_SERVICES
from directory.signed_in import signed_in_user

from ..feeds.tasks import start
from .exporting import export_services
from .fetching import SourceError, parse_json, records_in

PERMISSION = IMPORT_SERVICES
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
DRAFT, PUBLISH, CHECK = "draft", "publish", "check"


class FeedForm(forms.Form):
    file = forms.FileField(
        label="Open Referral file",
        help_text=(
            "A .json file holding one service_full object, a JSON array of them, or a page of "
            f"a paged list; at most {MAX_UPLOAD_BYTES // 1024 // 1024} MB."
        ),
    )
    action = forms.ChoiceField(
        label="What to do",
        choices=[
            (DRAFT, "Import as drafts, to check and publish later"),
            (PUBLISH, "Import and publish (defunct and inactive services stay unpublished)"),
            (CHECK, "Only check the file: save nothing"),
        ],
        initial=DRAFT,
        widget=forms.RadioSelect,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the most is "
                f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB. Use manage.py import_openreferral."
            )
        content = upload.read()
        try:
            records_in(parse_json(content, upload.name))  # refused now if it is not a feed
        except SourceError as error:
            raise forms.ValidationError(str(error)) from error
        self.cleaned_data["content"] = content
        return upload


def _check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class ImportView(View):
    template_name = "exchange/openreferral/import.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _check_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(FeedForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = FeedForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        action = form.cleaned_data["action"]
        # Imported in the background (exchange.feeds.runs): the run's page shows progress.
        run = ImportRun.objects.create(
            kind=ImportRun.Kind.OPEN_REFERRAL,
            filename=form.cleaned_data["file"].name[:255],
            upload=form.cleaned_data["content"],
            publish=action == PUBLISH,
            check_only=action == CHECK,
            user=signed_in_user(request),
        )
        start(run)
        return redirect("directory_feeds:run", pk=run.pk)

    def render(self, form: FeedForm, status: int = 200) -> HttpResponse:
        context = {
            "page_title": "Open Referral import and export",
            "header_icon": "download",
            "form": form,
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)


def download_export(request: HttpRequest) -> HttpResponse:
    _check_permission(request)
    out = io.StringIO()
    export_services(out)
    response = HttpResponse(out.getvalue().encode(), content_type="application/json")
    name = f"services-openreferral-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


urlpatterns = [
    path("", ImportView.as_view(), name="import"),
    path("export.json", download_export, name="export"),
]
