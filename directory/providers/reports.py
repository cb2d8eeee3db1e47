"""Wagtail's own reports as this site serves them (``directory.admin_urls``): a provider sees
only their organisations' services and the people they may know of, and every CSV and XLSX
export is formula-safe. Commissioners and editors get Wagtail's reports unchanged otherwise."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from wagtail.admin.views.reports import (
    aging_pages,
    audit_logging,
    locked_pages,
    page_types_usage,
    workflows,
)

from ..safe_export import FormulaSafeExportMixin
from .access import provider_organisation_ids
from .filters import (
    ScopedLockedPagesFilterSet,
    ScopedSiteHistoryFilterSet,
    ScopedWorkflowFilterSet,
)
from .visibility import without_hidden_pages


class SiteHistoryView(FormulaSafeExportMixin, audit_logging.LogEntriesView):
    """Its page entries come from the permission policy, which hides other organisations'
    services."""

    filterset_class = ScopedSiteHistoryFilterSet


class AgingPagesView(FormulaSafeExportMixin, aging_pages.AgingPagesView):
    """Pages the user may publish, from the permission policy."""


class LockedPagesView(FormulaSafeExportMixin, locked_pages.LockedPagesView):
    filterset_class = ScopedLockedPagesFilterSet

    def get_queryset(self) -> QuerySet:
        # Wagtail adds every page the user locked, even one no longer theirs to see.
        return without_hidden_pages(super().get_queryset(), self.request.user)


class WorkflowView(FormulaSafeExportMixin, workflows.WorkflowView):
    filterset_class = ScopedWorkflowFilterSet


class WorkflowTasksView(FormulaSafeExportMixin, workflows.WorkflowTasksView):
    """Task states of pages the user may edit, from the permission policy."""


class PageTypesUsageView(page_types_usage.PageTypesUsageReportView):
    """Counts and names the latest edited page of each type across the whole site, so it is
    not for providers."""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if provider_organisation_ids(request.user) is not None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
