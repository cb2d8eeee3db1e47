"""Where a service is in its review cycle on a given day.

A cycle runs up to the service's ``review_due`` date: "due" from ``REVIEW_DUE_DAYS_BEFORE``
days before it (default 30), "reminder" from ``REVIEW_REMINDER_DAYS_BEFORE`` days before
(default 7), and "overdue" once the date has passed. A service never reviewed has no due date
and is overdue. Only the latest stage reached counts: a service first looked at when already
overdue is overdue, not also "due".
"""

from __future__ import annotations

import datetime

from directory.models import ReviewReminder
from directory.models.reviews import due_days_before, reminder_days_before

Stage = ReviewReminder.Stage


def stage_on(review_due: datetime.date | None, today: datetime.date) -> Stage | None:
    """The latest stage reached by ``today``, or None while the review is not yet coming up."""
    if review_due is None or review_due < today:
        return Stage.OVERDUE
    days_left = (review_due - today).days
    if days_left <= reminder_days_before():
        return Stage.REMINDER
    if days_left <= due_days_before():
        return Stage.DUE
    return None


def days_overdue(review_due: datetime.date | None, today: datetime.date) -> int | None:
    """Days past the due date (0 or fewer when not yet due); None when never reviewed."""
    if review_due is None:
        return None
    return (today - review_due).days
