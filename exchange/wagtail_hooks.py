"""Data exchange in the Wagtail admin: the Open Referral, spreadsheet and feeds screens with
their menu items, where a service's feed is said on its edit page, and the Services screen's
"Export as spreadsheet" bulk action."""

from __future__ import annotations

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from directory.admin_menu import PermissionMenuItem
from directory.models.services import IMPORT_SERVICES

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


# The three screens' menu items: (label, URL name, item name, icon, order). One permission
# opens all of them.
MENU_ITEMS = (
    ("Import and export", "directory_spreadsheets:index", "services-import-export", "table", 850),
    ("Open Referral", "directory_openreferral:import", "services-openreferral", "download", 851),
    ("Feeds and imports", "directory_feeds:index", "feeds-and-imports", "download", 852),
)


def _menu_item(label: str, url_name: str, name: str, icon: str, order: int):
    def menu_item() -> MenuItem:
        return PermissionMenuItem(
            label, reverse(url_name), name=name, icon_name=icon, order=order,
            permission=IMPORT_SERVICES,
        )  # fmt: skip

    return menu_item


for _entry in MENU_ITEMS:
    hooks.register("register_admin_menu_item", _menu_item(*_entry))


hooks.register("before_edit_page", feeds_admin.say_where_the_service_comes_from)
hooks.register("register_bulk_action", ExportBulkAction)
