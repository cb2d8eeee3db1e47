"""Deleted services: kept, with all their history, until a commissioner restores them.

Deleting a service in the admin moves it here (unpublished) instead of destroying it. The bin
is a page outside every site, so nothing in it is routable, searchable or public.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from wagtail.models import Page


class DeletedServicesPage(Page):
    """The single container for deleted services, a child of the tree's root."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []  # nothing is created here; services are moved in
    max_count = 1
    is_creatable = False

    class Meta:
        verbose_name = "deleted services"


class DeletedService(models.Model):
    """Who deleted a service, when, and where it came from."""

    page = models.OneToOneField(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="deletion"
    )
    deleted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    former_parent = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    was_live = models.BooleanField(default=False)

    class Meta:
        ordering = ["-deleted_at"]

    def __str__(self) -> str:
        return f"{self.page} (deleted {self.deleted_at:%Y-%m-%d})"
