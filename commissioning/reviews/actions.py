"""Recording a review: "I checked this listing with the provider and it is still accurate".

The review date is written to the page row with a queryset update, so no new revision is made
(the content did not change) and no draft is published. ``ServicePage.with_content_json`` keeps
this newer date when an older draft is later edited or published. The review is logged in the
page's history with who confirmed it, and the search index is refreshed so the listing stops
ranking as overdue at once.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import LogFormatter, log

from directory.models import ServicePage
from directory.models.services import add_months
from directory.signals import services_changed

REVIEW_ACTION = "directory.review"


class ReviewLogFormatter(LogFormatter):
    label = "Confirm still accurate"

    def format_message(self, log_entry) -> str:
        due = (log_entry.data or {}).get("review_due")
        if not due:
            return "Confirmed still accurate"
        due_date = datetime.date.fromisoformat(due)
        return f"Confirmed still accurate; next review due {due_date.day} {due_date:%B %Y}"


def record_review(
    page: ServicePage, user: AbstractBaseUser | None, today: datetime.date | None = None
) -> datetime.date:
    """Mark the service reviewed today (no new revision); returns the next review due date."""
    today = today or timezone.localdate()
    review_due = add_months(today, page.review_interval_months or 12)
    with transaction.atomic():
        ServicePage.objects.filter(pk=page.pk).update(last_reviewed=today, review_due=review_due)
        page.last_reviewed, page.review_due = today, review_due
        log(
            instance=page,
            action=REVIEW_ACTION,
            user=user,
            data={"last_reviewed": today.isoformat(), "review_due": review_due.isoformat()},
        )
    services_changed.send(sender=ServicePage, page_ids=[page.pk])
    return review_due
