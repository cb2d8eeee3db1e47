"""The review cycle: when a review falls due soon, and which reminder went out for which review
date."""

from __future__ import annotations

from django.conf import settings
from django.db import models


def due_days_before() -> int:
    """How many days before its review date a service counts as due for review."""
    return settings.REVIEW_DUE_DAYS_BEFORE


def reminder_days_before() -> int:
    """How many days before its review date a service's provider is reminded."""
    return settings.REVIEW_REMINDER_DAYS_BEFORE


class ReviewReminder(models.Model):
    """One reminder stage sent for one service's review due date.

    Unique per (service, stage, review_due), so running the reminder command daily sends each
    stage once per review cycle; a new review moves the due date and starts a new cycle. (A
    never-reviewed service has no due date; databases treat NULLs as distinct, so the sender
    looks rows up with get_or_create rather than relying on the constraint for those.)
    """

    class Stage(models.TextChoices):
        DUE = "due", "Review coming up"
        REMINDER = "reminder", "Reminder: review due soon"
        OVERDUE = "overdue", "Review overdue"

    service = models.ForeignKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="review_reminders"
    )
    stage = models.CharField(max_length=16, choices=Stage.choices)
    review_due = models.DateField(null=True, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "stage", "review_due"],
                name="one_reminder_per_stage_and_due_date",
            )
        ]
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.service_id} {self.stage} {self.review_due}"
