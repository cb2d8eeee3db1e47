"""Admin dashboard panels: the state of the directory at a glance (each count links to the list
it counts), and a provider's own services with their review dates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from directory.models import DeletedService, ProblemReport
from directory.models.reviews import due_days_before
from directory.providers.access import provider_organisation_ids
from directory.services_admin.status import status_filter
from directory.services_admin.views import visible_services

from .problem_reports.admin import visible_reports


@dataclass(frozen=True)
class Count:
    number: int
    # What the number counts, singular and plural, after the number.
    one: str
    many: str
    url: str

    @property
    def words(self) -> str:
        return self.one if self.number == 1 else self.many


def services_url(status: str) -> str:
    return f"{reverse('services:index')}?{urlencode({'status': status})}"


def directory_counts(user: Any, today: datetime.date | None = None) -> list[Count]:
    """What needs attention, as the user's Services screen lists it (a provider: theirs)."""
    today = today or timezone.localdate()
    services = visible_services(user)

    def count(status: str) -> int:
        return services.filter(status_filter(status, today)).count()

    days = due_days_before()
    counts = [
        Count(count("live"), "published service", "published services", services_url("live")),
        Count(
            count("draft"),
            "draft not yet submitted for approval",
            "drafts not yet submitted for approval",
            services_url("draft"),
        ),
        Count(
            count("in_approval"),
            "waiting for approval",
            "waiting for approval",
            services_url("in_approval"),
        ),
        Count(
            count("overdue"),
            "overdue for review (or never reviewed)",
            "overdue for review (or never reviewed)",
            services_url("overdue"),
        ),
        Count(
            count("due_soon"),
            f"due for review in the next {days} days",
            f"due for review in the next {days} days",
            services_url("due_soon"),
        ),
    ]
    if user.has_perm("directory.view_problemreport"):
        reports = visible_reports(user).filter(status=ProblemReport.Status.OPEN).count()
        counts.append(
            Count(
                reports,
                "problem reported by the public, not yet closed",
                "problems reported by the public, not yet closed",
                f"{reverse('problem_reports:index')}?{urlencode({'status': 'open'})}",
            )
        )
    if user.has_perm("directory.restore_services"):
        deleted = DeletedService.objects.count()
        if deleted:
            counts.append(
                Count(
                    deleted,
                    "deleted service that can be restored",
                    "deleted services that can be restored",
                    reverse("directory_deleted_services"),
                )
            )
    return counts


class DirectoryHealthPanel(Component):
    name = "directory_health"
    template_name = "commissioning/dashboard/directory_health.html"
    order = 80

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        request = parent_context["request"]
        return {"counts": directory_counts(request.user), "request": request}


class ProviderServicesPanel(Component):
    name = "provider_services"
    template_name = "commissioning/dashboard/provider_services.html"
    order = 90

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        request = parent_context["request"]
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=due_days_before())
        services = (
            visible_services(request.user)
            .select_related("organisation")
            .order_by("review_due", "title")
        )
        rows = [
            {
                "page": page,
                "overdue": page.review_due is None or page.review_due < today,
                "due_soon": page.review_due is not None and today <= page.review_due <= soon,
            }
            for page in services
        ]
        return {"rows": rows, "request": request}


def add_directory_panels(request: Any, panels: list) -> None:
    panels.append(DirectoryHealthPanel())
    if provider_organisation_ids(request.user) is not None:
        panels.append(ProviderServicesPanel())
