"""Admin dashboard panels: a provider's own services with their review dates, and for
commissioners the state of the whole directory at a glance."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import DeletedService, DirectoryIndexPage, ServicePage
from .providers.access import provider_organisation_ids

DUE_SOON_DAYS = 30


def directory_services() -> Any:
    """Every service in the directory, live or draft; not the deleted ones."""
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        return ServicePage.objects.none()
    return ServicePage.objects.child_of(directory)


class ProviderServicesPanel(Component):
    name = "provider_services"
    template_name = "directory/dashboard/provider_services.html"
    order = 90

    def __init__(self, organisation_ids: frozenset[int]) -> None:
        self.organisation_ids = organisation_ids

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        today = timezone.localdate()
        services = (
            directory_services()
            .filter(organisation_id__in=self.organisation_ids)
            .select_related("organisation")
            .order_by("review_due", "title")
        )
        rows = [
            {
                "page": page,
                "overdue": page.review_due is None or page.review_due < today,
                "due_soon": page.review_due is not None
                and today <= page.review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS),
            }
            for page in services
        ]
        return {"rows": rows, "request": parent_context["request"]}


class DirectoryHealthPanel(Component):
    name = "directory_health"
    template_name = "directory/dashboard/directory_health.html"
    order = 90

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        today = timezone.localdate()
        live = directory_services().filter(live=True)
        soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
        return {
            "live": live.count(),
            "overdue": live.filter(Q(review_due__lt=today) | Q(review_due=None)).count(),
            "due_soon": live.filter(review_due__gte=today, review_due__lte=soon).count(),
            "drafts": directory_services().filter(live=False).count(),
            "deleted": DeletedService.objects.count(),
            "due_soon_days": DUE_SOON_DAYS,
            "request": parent_context["request"],
        }


@hooks.register("construct_homepage_panels")
def add_directory_panels(request: Any, panels: list) -> None:
    organisation_ids = provider_organisation_ids(request.user)
    if organisation_ids is not None:
        panels.append(ProviderServicesPanel(organisation_ids))
    elif request.user.has_perm("directory.view_commissioning_reports"):
        panels.append(DirectoryHealthPanel())
