"""A problem someone reported with a service's page: "the phone number is wrong", "it has closed".

Nothing about the person is kept but what they typed: what is wrong, in their words, and an
email address only if they want a reply, which is deleted when the report is closed. No IP
address, no browser details, no account.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ProblemReport(models.Model):
    class Kind(models.TextChoices):
        WRONG_PHONE = "wrong_phone", "The phone number is wrong"
        CLOSED = "closed", "The service has closed"
        MOVED = "moved", "The service has moved"
        OTHER = "other", "Something else is wrong"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    service = models.ForeignKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="problem_reports"
    )
    kind = models.CharField("what is wrong", max_length=16, choices=Kind.choices)
    details = models.TextField("in their words", blank=True, max_length=2000)
    reply_email = models.EmailField(
        "email for a reply",
        blank=True,
        help_text="Given by the person who reported it, for a reply; deleted when it is closed.",
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField("reported", default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closing_note = models.TextField("what was done", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "problem report"
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.service.title}"

    def close(self, user, note: str = "") -> None:
        """Close it, keeping what was done and deleting the reply address."""
        self.status = self.Status.CLOSED
        self.closed_at = timezone.now()
        self.closed_by = user
        self.closing_note = note
        self.reply_email = ""
        self.save()
