"""Commissioning in the Wagtail admin: every screen, menu item, button, log action, dashboard
panel, Services column and bulk action this app adds, registered here; what each does lives in
the module named."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from directory.services_admin.views import COLUMNS_HOOK

from . import dashboard
from .problem_reports import admin as problem_reports_admin
from .recycle_bin import admin as recycle_bin_admin
from .reports import admin as reports_admin
from .reports.columns import completeness_column
from .reviews import admin as reviews_admin
from .reviews.bulk_actions import StillAccurateBulkAction


@hooks.register("insert_global_admin_css")
def commissioning_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("commissioning/admin.css"))


# The dashboard.
hooks.register("construct_homepage_panels", dashboard.add_directory_panels)

# Problems reported by the public.
hooks.register("register_admin_viewset", problem_reports_admin.register_problem_reports)

# Deleting a service puts it in the bin, which restores it.
hooks.register("register_log_actions", recycle_bin_admin.register_bin_log_actions)
hooks.register("before_delete_page", recycle_bin_admin.delete_to_bin)
hooks.register("before_bulk_action", recycle_bin_admin.bulk_delete_to_bin)
hooks.register("register_admin_urls", recycle_bin_admin.bin_urls)
hooks.register("register_admin_menu_item", recycle_bin_admin.bin_menu_item)

# Reports: listing completeness, coverage and demand, and the Services screen's "Complete".
hooks.register("register_admin_urls", reports_admin.register_report_urls)
hooks.register("register_reports_menu_item", reports_admin.register_completeness_menu_item)
hooks.register("register_reports_menu_item", reports_admin.register_gaps_menu_item)
hooks.register(COLUMNS_HOOK, completeness_column)

# Reviews: the reviews report, "still accurate" on a page, in the page listing and in bulk.
hooks.register("register_admin_urls", reviews_admin.register_review_urls)
hooks.register("register_reports_menu_item", reviews_admin.register_reviews_due_menu_item)
hooks.register("register_log_actions", reviews_admin.register_review_log_action)
hooks.register("register_page_header_buttons", reviews_admin.page_header_still_accurate)
hooks.register("register_page_listing_more_buttons", reviews_admin.page_listing_still_accurate)
hooks.register("register_bulk_action", StillAccurateBulkAction)
