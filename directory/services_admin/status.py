"""Which state a service is in. The dashboard counts these and links to the Services screen
filtered by the same name, so a count always equals the list it leads to.

- live: published.
- draft: has changes not yet published (a new service, or edits to a published one) and is
  not waiting for approval.
- in_approval: submitted, waiting in the approval workflow.
- overdue: published, and its review date has passed (or it was never reviewed).
- due_soon: published, and its review falls due within REVIEW_DUE_DAYS_BEFORE days.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from ..models import DirectoryIndexPage, ServicePage
from ..models.reviews import due_days_before
from ..models.services import ServicePageQuerySet

STATUSES = {
    "live": "Published",
    "draft": "Draft, not yet submitted",
    "in_approval": "Waiting for approval",
    "overdue": "Overdue for review",
    "due_soon": "Review due soon",
}


def directory_services() -> ServicePageQuerySet:
    """Every service in the directory, live or draft; not the deleted ones (in the bin)."""
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        return ServicePage.objects.none()
    return ServicePage.objects.child_of(directory)


def in_approval_ids() -> set[int]:
    """Pages with a workflow in progress."""
    object_ids = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return {int(object_id) for object_id in object_ids}


def status_filter(status: str, today: datetime.date | None = None) -> Q:
    """The condition for one of STATUSES (an unknown name matches everything)."""
    today = today or timezone.localdate()
    if status == "live":
        return Q(live=True)
    if status == "draft":
        return Q(has_unpublished_changes=True) & ~Q(pk__in=in_approval_ids())
    if status == "in_approval":
        return Q(pk__in=in_approval_ids())
    if status == "overdue":
        return Q(live=True) & (Q(review_due__isnull=True) | Q(review_due__lt=today))
    if status == "due_soon":
        soon = today + datetime.timedelta(days=due_days_before())
        return Q(live=True, review_due__gte=today, review_due__lte=soon)
    return Q()


def services_with_status(status: str, today: datetime.date | None = None) -> QuerySet:
    return directory_services().filter(status_filter(status, today))
