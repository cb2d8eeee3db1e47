"""Admin hooks of the review cycle: the "Reviews due" report, the "Still accurate" button in
the page header and page listings, and the history entry a review leaves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import include, path, reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from directory.admin_menu import PermissionMenuItem
from directory.models import ServicePage

from .actions import REVIEW_ACTION, ReviewLogFormatter
from .report import PERMISSION, ReviewsDueView
from .views import confirm_still_accurate

urlpatterns = [
    path("", ReviewsDueView.as_view(), name="report"),
    path("results/", ReviewsDueView.as_view(results_only=True), name="report_results"),
    path("<int:page_id>/still-accurate/", confirm_still_accurate, name="confirm"),
]


def register_review_urls() -> list[Any]:
    return [path("reviews/", include((urlpatterns, "directory_reviews")))]


def register_reviews_due_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Reviews due",
        reverse("directory_reviews:report"),
        name="reviews-due",
        icon_name="time",
        permission=PERMISSION,
    )


def register_review_log_action(actions) -> None:
    actions.register_action(REVIEW_ACTION)(ReviewLogFormatter)


def still_accurate_button(page: Any, user: Any, priority: int) -> Iterator[Button]:
    """A button that POSTs (with the CSRF token and the current page as ``next``) through
    Wagtail's own w-action controller; only on services the user may edit."""
    page_class = page.specific_class
    if not (page_class and issubclass(page_class, ServicePage)):
        return
    # The specific page, so a provider's narrower permission tester answers (own services only).
    page = page.specific_deferred
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        "Still accurate",
        icon_name="check",
        priority=priority,
        attrs={
            "data-controller": "w-action",
            "data-action": "w-action#post",
            "data-w-action-url-value": reverse("directory_reviews:confirm", args=[page.pk]),
            "aria-label": f"Confirm '{page.title}' is still accurate",
        },
    )


def page_header_still_accurate(page, user, view_name=None, next_url=None) -> Iterator[Button]:
    yield from still_accurate_button(page, user, priority=12)


def page_listing_still_accurate(page, user, next_url=None) -> Iterator[Button]:
    yield from still_accurate_button(page, user, priority=3)
