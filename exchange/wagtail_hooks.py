"""Data exchange in the Wagtail admin: the Open Referral, spreadsheet and feeds screens with
their menu items, where a service's feed is said on its edit page, and the Services screen's
"Export as spreadsheet" bulk action."""

from __future__ import annotations

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from directory.admin_menu import PermissionMenuItem

from .feeds import admin as feeds_admin
from .openreferral import admin as openreferral_admin
from .spreadsheets import admin as spreadsheets_admin
from .spreadsheets.bulk_actions import ExportBulkAction

# URL namespaces keep the names they had when these screens lived in the directory app.
ADMIN_URLS = (
    ("services-spreadsheets/", spreadsheets_admin.urlpatterns, "directory_spreadsheets"),
    ("openreferral/", openreferral_admin.urlpatterns, "directory_openreferral"),
    ("imports/", feeds_admin.urlpatterns, "directory_feeds"),
)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [
        path(prefix, include((patterns, namespace), namespace=namespace))
        for prefix, patterns, namespace in ADMIN_URLS
    ]


@hooks.register("register_admin_menu_item")
def spreadsheets_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Import and export",
        reverse("directory_spreadsheets:index"),
        name="services-import-export",
        icon_name="table",
        order=850,
        permission=spreadsheets_admin.PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def openreferral_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Open Referral",
        reverse("directory_openreferral:import"),
        name="services-openreferral",
        icon_name="download",
        order=851,
        permission=openreferral_admin.PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def feeds_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Feeds and imports",
        reverse("directory_feeds:index"),
        name="feeds-and-imports",
        icon_name="download",
        order=852,
        permission=feeds_admin.PERMISSION,
    )


hooks.register("before_edit_page", feeds_admin.say_where_the_service_comes_from)
hooks.register("register_bulk_action", ExportBulkAction)
