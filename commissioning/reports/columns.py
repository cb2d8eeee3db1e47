"""The Services screen's "Complete" column: each service's completeness score and what its
listing is missing (``completeness.py``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from directory.models import ServicePage
from directory.services_admin.views import ServiceColumn

from .completeness import score_service, with_what_is_scored


class CompletenessColumn(ServiceColumn):
    cell_template_name = "commissioning/reports/completeness_cell.html"

    def prepare(self, services: QuerySet[ServicePage]) -> QuerySet[ServicePage]:
        return with_what_is_scored(services)

    def get_cell_context_data(self, instance: ServicePage, parent_context: Any) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        context["completeness"] = score_service(instance)
        return context


def completeness_column() -> CompletenessColumn:
    return CompletenessColumn("completeness", label="Complete")
