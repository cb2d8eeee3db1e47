"""The Background tasks screen in the admin (Reports menu)."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from directory.admin_menu import PermissionMenuItem

from . import views


@hooks.register("register_admin_urls")
def background_urls() -> list:
    return [path("background-tasks/", views.background_tasks, name="background_tasks")]


@hooks.register("register_reports_menu_item")
def background_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Background tasks",
        reverse("background_tasks"),
        name="background-tasks",
        icon_name="cogs",
        order=990,
        permission=views.PERMISSION,
    )
