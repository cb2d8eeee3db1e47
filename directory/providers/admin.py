"""Admin hooks for provider accounts: other organisations' services are left out wherever
Wagtail offers a hook. The permission policy (``policy``) covers the views that ask it; views
Wagtail gives no hook for are replaced in ``directory.admin_urls`` or guarded in ``middleware``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.pages.bulk_actions import delete, move, publish, unpublish
from wagtail.admin.viewsets.pages import PageViewSet

from .access import provider_organisation_ids
from .filters import ScopedGenericPageFilterSet
from .panels import SCOPED_PANELS, ScopedPagesSummaryItem
from .visibility import hidden_page_ids, without_hidden_pages

# Page searches in the explorer skip the permission policy when
# WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS is False (see ``checks``), but never these hooks.


@hooks.register("construct_explorer_page_queryset")
def explorer_without_hidden_pages(parent_page: Any, pages: QuerySet, request: Any) -> QuerySet:
    return without_hidden_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def chooser_without_hidden_pages(pages: QuerySet, request: Any) -> QuerySet:
    return without_hidden_pages(pages, request.user)


class ScopedPageViewSet(PageViewSet):
    """Wagtail's page views, with the "Owner" and "Edited by" filters of the explorer and the
    page type listing naming only people a provider may know of."""

    filterset_class = ScopedGenericPageFilterSet


# After Wagtail's own (order -1), so this one serves every page type without a viewset of its own.
@hooks.register("register_admin_viewset")
def scoped_page_viewset() -> PageViewSet:
    return ScopedPageViewSet()


if TYPE_CHECKING:
    from wagtail.admin.views.pages.bulk_actions.page_bulk_action import (
        PageBulkAction as _PageBulkAction,
    )
else:
    _PageBulkAction = object  # a mixin: the real base comes with each bulk action


class VisibleObjectsOnlyMixin(_PageBulkAction):
    """A page bulk action's confirmation lists the chosen pages, and "select all" takes every
    child of the listed page: neither includes another organisation's service."""

    def get_actionable_objects(self) -> tuple[list, dict]:
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        return _visible(objects, user), {
            **extra,
            "items_with_no_access": _visible(extra["items_with_no_access"], user),
        }


def _visible(pages: list, user: Any) -> list:
    hidden = hidden_page_ids(user, [page.pk for page in pages])
    return [page for page in pages if page.pk not in hidden]


# After Wagtail registers its own, so these take their places.
for _action in (
    delete.DeleteBulkAction,
    move.MoveBulkAction,
    publish.PublishBulkAction,
    unpublish.UnpublishBulkAction,
):
    hooks.register(
        "register_bulk_action",
        type(_action.__name__, (VisibleObjectsOnlyMixin, _action), {}),
        order=1,
    )


@hooks.register("construct_homepage_panels")
def scoped_dashboard_panels(request: Any, panels: list) -> None:
    if provider_organisation_ids(request.user) is None:
        return
    for index, panel in enumerate(panels):
        if type(panel) in SCOPED_PANELS:
            panels[index] = SCOPED_PANELS[type(panel)]()


@hooks.register("construct_homepage_summary_items", order=1)
def scoped_page_count(request: Any, items: list) -> None:
    if provider_organisation_ids(request.user) is None:
        return
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = ScopedPagesSummaryItem(request)


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request: Any, menu_items: list) -> None:
    if provider_organisation_ids(request.user) is not None:
        menu_items[:] = [item for item in menu_items if item.name not in PROVIDER_HIDDEN_REPORTS]


# Reports about the whole site that providers may not open (``reports.PageTypesUsageView``).
PROVIDER_HIDDEN_REPORTS = {"page-types-usage"}
