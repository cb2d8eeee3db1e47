"""Open Referral feeds pulled on a schedule, the runs of every import, and where services came
from.

A commissioner adds a ``FeedSource`` (its URL, whether what it sends is published or left as
drafts, how often to pull it). Every import, a feed's pull or a file uploaded in the admin, is an
``ImportRun``: queued, running (with progress), done or failed, with its report kept. A service a
feed brought has a ``ServiceFeedLink`` saying which feed, what the feed's record was, and what
the service looked like after the feed last wrote it, so a later local edit is noticed.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

HOURS_IN_FOUR_WEEKS = 24 * 28


class FeedSource(models.Model):
    name = models.CharField(max_length=255, unique=True, help_text="e.g. 'North Lincolnshire'.")
    url = models.URLField(
        "feed address",
        max_length=1000,
        help_text="The feed's services list, e.g. https://example.gov.uk/api/services "
        "(Open Referral UK v1 or v3).",
    )
    publish = models.BooleanField(
        "publish what the feed sends",
        default=False,
        help_text="Otherwise new and changed services arrive as drafts, to check and publish.",
    )
    every_hours = models.PositiveSmallIntegerField(
        "pull every (hours)",
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(HOURS_IN_FOUR_WEEKS)],
    )
    enabled = models.BooleanField("pull on the schedule", default=True)
    next_pull_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("publish"),
        FieldPanel("every_hours"),
        FieldPanel("enabled"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "feed"

    def __str__(self) -> str:
        return self.name

    def schedule_next(self, after: datetime.datetime | None = None) -> None:
        self.next_pull_at = (after or timezone.now()) + datetime.timedelta(hours=self.every_hours)


class ImportRun(models.Model):
    class Kind(models.TextChoices):
        FEED = "feed", "Feed pull"
        OPEN_REFERRAL = "openreferral", "Open Referral file"
        SPREADSHEET = "spreadsheet", "Spreadsheet"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    feed = models.ForeignKey(
        FeedSource, null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )
    filename = models.CharField(max_length=255, blank=True)
    publish = models.BooleanField(default=False)
    check_only = models.BooleanField(default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An uploaded file, kept until its run has read it.
    upload = models.BinaryField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    stage = models.CharField(max_length=60, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    summary = models.TextField(blank=True)
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "import"

    def __str__(self) -> str:
        what = self.feed.name if self.feed is not None else self.filename
        return f"{self.get_kind_display()}: {what} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0

    def progress(self, stage: str, done: int, total: int) -> None:
        """Save how far the run has got (its own short UPDATE, outside any import batch)."""
        self.stage, self.done, self.total = stage, done, total
        ImportRun.objects.filter(pk=self.pk).update(stage=stage, done=done, total=total)


class ServiceFeedLink(models.Model):
    """Which feed a service came from, and what both looked like when the feed last wrote it."""

    page = models.OneToOneField(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="feed_link"
    )
    feed = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="links")
    record_hash = models.CharField(max_length=64, blank=True)  # the feed's record, last pulled
    content_hash = models.CharField(max_length=64, blank=True)  # the service, as the feed left it
    last_seen_at = models.DateTimeField(null=True, blank=True)
    # The feed changed the service while a local edit was waiting: the edit was kept.
    conflict_at = models.DateTimeField(null=True, blank=True)
    conflict_note = models.TextField(blank=True)

    class Meta:
        verbose_name = "service's feed"

    def __str__(self) -> str:
        return f"{self.page} from {self.feed}"
