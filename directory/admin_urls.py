"""Wagtail admin URLs this site serves with its own subclasses of Wagtail's views, for the views
Wagtail offers no hook to change: its reports (exports made formula-safe; for provider accounts,
only their organisations' services) and the page chooser's views the chooser hook misses.

Included in ``config.urls`` just before Wagtail's admin, at the same paths, so ``reverse()`` of
Wagtail's URL names still works and lands here.
"""

from __future__ import annotations

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .providers import chooser, reports


def _with_results(route: str, view_class) -> list:
    return [
        path(route, view_class.as_view()),
        path(f"{route}results/", view_class.as_view(results_only=True)),
    ]


urlpatterns = [
    *_with_results("reports/locked/", reports.LockedPagesView),
    *_with_results("reports/workflow/", reports.WorkflowView),
    *_with_results("reports/workflow_tasks/", reports.WorkflowTasksView),
    *_with_results("reports/site-history/", reports.SiteHistoryView),
    *_with_results("reports/aging-pages/", reports.AgingPagesView),
    *_with_results("reports/page-types-usage/", reports.PageTypesUsageView),
    path("choose-page/chosen-multiple/", chooser.ChosenMultipleView.as_view()),
    path("choose-external-link/", chooser.ExternalLinkView.as_view()),
]
# As Wagtail decorates its own admin URLs.
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
