"""The Services screen in the admin menu, and its bulk actions."""

from __future__ import annotations

from typing import Any

from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet

from ..models import ServicePage
from .bulk_actions import BULK_ACTIONS
from .views import ServiceFilterSet, ServiceIndexView, added_columns


class ServicesViewSet(PageListingViewSet):
    model = ServicePage
    index_view_class = ServiceIndexView
    filterset_class = ServiceFilterSet
    name = "services"
    # Not /admin/services/: the sidebar would also light it up on /admin/services-spreadsheets/.
    url_prefix = "directory-services"
    icon = "list-ul"
    menu_label = "Services"
    menu_order = 150
    add_to_admin_menu = True

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # Called once all apps' hooks are registered: the screen's columns, then other apps'.
        columns = [*ServiceIndexView.base_columns, *added_columns()]
        return super().get_index_view_kwargs(columns=columns, **kwargs)


@hooks.register("register_admin_viewset")
def register_services_viewset() -> ServicesViewSet:
    return ServicesViewSet()


for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)
