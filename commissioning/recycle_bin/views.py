"""The "Deleted services" screen: what was deleted, by whom and when, with a Restore button."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from directory.models import DeletedService

from .actions import restore_service

PERMISSION = "directory.restore_services"


@permission_required(PERMISSION)
def deleted_services(request: HttpRequest) -> HttpResponse:
    records = DeletedService.objects.select_related(
        "page", "page__organisation", "deleted_by"
    ).order_by("-deleted_at")
    return TemplateResponse(
        request,
        "commissioning/recycle_bin/index.html",
        {"records": records, "page_title": "Deleted services", "header_icon": "bin"},
    )


@require_POST
@permission_required(PERMISSION)
def restore(request: HttpRequest, record_id: int) -> HttpResponse:
    record = get_object_or_404(DeletedService.objects.select_related("page"), pk=record_id)
    page = restore_service(record, user=request.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    messages.success(
        request,
        f"'{page.title}' is back in the directory as a draft. Check it and publish it when it "
        f"is right: {edit_url}",
    )
    return redirect("directory_deleted_services")
