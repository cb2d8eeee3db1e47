"""Admin hooks: delete means 'move to the bin'; history entries; the Deleted services screen."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail.admin.menu import MenuItem

from directory.admin_menu import PermissionMenuItem
from directory.models import ServicePage

from . import views
from .actions import MOVED_TO_BIN, RESTORED, is_in_bin, move_to_bin


def register_bin_log_actions(actions: Any) -> None:
    actions.register_action(MOVED_TO_BIN, "Delete", "Deleted (kept in Deleted services)")
    actions.register_action(RESTORED, "Restore", "Restored from Deleted services")


def delete_to_bin(request: Any, page: Any):
    """A service being deleted is moved to the bin instead; deleting it from the bin is final."""
    if request.method != "POST" or not isinstance(page, ServicePage) or is_in_bin(page):
        return None
    move_to_bin(page, user=request.user)
    messages.success(
        request,
        f"'{page.title}' was deleted. It is kept in Deleted services, where a commissioner can "
        "restore it.",
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def bulk_delete_to_bin(request: Any, action_type: str, objects: list, action: Any):
    if action_type != "delete" or request.method != "POST":
        return None
    services = [obj.specific for obj in objects]
    if not services or not all(
        isinstance(page, ServicePage) and not is_in_bin(page) for page in services
    ):
        return None  # anything else takes Wagtail's usual path
    parent_id = services[0].get_parent().pk
    for page in services:
        move_to_bin(page, user=request.user)
    messages.success(
        request,
        f"{len(services)} services deleted. They are kept in Deleted services, where a "
        "commissioner can restore them.",
    )
    return redirect("wagtailadmin_explore", parent_id)


def bin_urls() -> list:
    return [
        path("deleted-services/", views.deleted_services, name="directory_deleted_services"),
        path(
            "deleted-services/<int:record_id>/restore/",
            views.restore,
            name="directory_restore_service",
        ),
    ]


def bin_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Deleted services",
        reverse("directory_deleted_services"),
        icon_name="bin",
        order=240,
        permission=views.PERMISSION,
    )
