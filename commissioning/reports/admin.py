"""Admin hooks for the commissioning reports: their URLs and their place in the Reports menu."""

from __future__ import annotations

from django.urls import include, path, reverse
from wagtail.admin.menu import MenuItem

from directory.admin_menu import PermissionMenuItem

from .views import PERMISSION, CompletenessReportView, GapReportCsvView, GapReportView

app_name = "directory_reports"
urlpatterns = [
    path("listing-completeness/", CompletenessReportView.as_view(), name="completeness"),
    path(
        "listing-completeness/results/",
        CompletenessReportView.as_view(results_only=True),
        name="completeness_results",
    ),
    path("coverage-and-demand/", GapReportView.as_view(), name="gaps"),
    path("coverage-and-demand/export.csv", GapReportCsvView.as_view(), name="gaps_csv"),
]


def register_report_urls():
    return [path("commissioning-reports/", include((urlpatterns, app_name), namespace=app_name))]


def register_completeness_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Listing completeness",
        reverse("directory_reports:completeness"),
        name="listing-completeness",
        icon_name="clipboard-list",
        order=950,
        permission=PERMISSION,
    )


def register_gaps_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Coverage and demand",
        reverse("directory_reports:gaps"),
        name="coverage-and-demand",
        icon_name="table",
        order=960,
        permission=PERMISSION,
    )
