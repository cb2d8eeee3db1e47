"""The Services screen's "Export as spreadsheet" bulk action: the selection in the import
template, with their latest changes (drafts included)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone

from directory.services_admin.bulk_actions import ServiceBulkAction

from .admin import CONTENT_TYPES
from .writing import export_services_by_id


class ExportBulkAction(ServiceBulkAction):
    display_name = "Export as spreadsheet"
    action_type = "export_xlsx"
    aria_label = "Download the selected services as an XLSX spreadsheet"
    action_priority = 30
    question = (
        "Download these services in the import template (XLSX), with their latest changes, "
        "drafts included?"
    )
    action_button_text = "Download XLSX"
    no_access_message = "You cannot export these services:"

    def form_valid(self, form: Any) -> HttpResponse:
        objects, _ = self.get_actionable_objects()
        content, count = export_services_by_id([page.pk for page in objects], "xlsx")
        response = HttpResponse(content, content_type=CONTENT_TYPES["xlsx"])
        filename = f"services-{timezone.localdate().isoformat()}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
