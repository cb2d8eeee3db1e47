"""Review reminders: tell each provider account, once per stage, which of its services to check.

``send_reminders(today)`` is safe to run daily (``manage.py send_review_reminders``):

* a service gets a reminder for the latest stage it has reached (see ``stages``), unless that
  stage was already sent for its current due date (the ``ReviewReminder`` ledger); a new review
  moves the due date and so starts a new cycle;
* each person gets at most ONE email a run, listing all their services that need a reminder;
* the ledger row is written (``get_or_create`` in a transaction) right after each email is
  sent, so a run that stops half way does not repeat what it already sent, and a second run
  at the same time finds the row rather than failing on it;
* an email that fails (mail server down, address refused) is reported and skipped: the others
  still go, and its services' stage is not recorded unless someone else was told, so the next
  run tries again;
* services whose organisation has no provider accounts with an email address are reported,
  not recorded: once someone is added they get the current stage.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from tqdm import tqdm

from directory.models import ReviewReminder, ServicePage
from directory.models.reviews import due_days_before, reminder_days_before

from .links import confirm_url
from .scope import reviewable_services
from .stages import Stage, stage_on

logger = logging.getLogger(__name__)

# Most urgent first, in emails and in the command's output.
STAGE_ORDER = (Stage.OVERDUE, Stage.REMINDER, Stage.DUE)
# Show a progress bar when a run has at least this many emails to send.
PROGRESS_FROM = 20


@dataclass(frozen=True)
class Reminder:
    """One service at the stage it has reached, not yet sent for its current due date."""

    service: ServicePage
    stage: Stage
    review_due: datetime.date | None


@dataclass
class ReminderRun:
    today: datetime.date
    dry_run: bool
    pending: list[Reminder] = field(default_factory=list)
    # Services whose organisation has nobody to tell.
    unreachable: list[Reminder] = field(default_factory=list)
    # Emails sent (or, on a dry run, that would be sent), and those that failed.
    emails: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    # Stage records written.
    recorded: int = 0

    def count(self, stage: Stage) -> int:
        return sum(1 for reminder in self.pending if reminder.stage == stage)


def pending_reminders(today: datetime.date) -> list[Reminder]:
    """Services that have reached a stage not yet sent for their current due date."""
    horizon = today + datetime.timedelta(days=due_days_before())
    recipients = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk")
    services = (
        reviewable_services()
        .filter(Q(review_due__isnull=True) | Q(review_due__lte=horizon))
        .select_related("organisation")
        .prefetch_related(Prefetch("organisation__users", queryset=recipients))
        .order_by(F("review_due").asc(nulls_first=True), "title", "pk")
    )
    candidates = []
    for service in services:
        stage = stage_on(service.review_due, today)
        if stage is not None:
            candidates.append(Reminder(service, stage, service.review_due))
    sent = set(
        ReviewReminder.objects.filter(
            service__in=[reminder.service.pk for reminder in candidates]
        ).values_list("service_id", "stage", "review_due")
    )
    return [
        reminder
        for reminder in candidates
        if (reminder.service.pk, reminder.stage, reminder.review_due) not in sent
    ]


def recipients_of(service: ServicePage) -> list[Any]:
    if service.organisation is None:
        return []
    return list(service.organisation.users.all())


def edit_url(service: ServicePage) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[service.pk])


STAGE_TEXT = {
    Stage.OVERDUE: (
        "Overdue for review",
        "These are past their review date. The public directory tells families the details "
        "may be out of date, and lists them after services that have been checked.",
    ),
    Stage.REMINDER: (
        "Review due within {reminder_days} days",
        "Please check these in the next few days.",
    ),
    Stage.DUE: (
        "Review due within {due_days} days",
        "Please check these before their review date.",
    ),
}


def build_message(user: Any, reminders: Iterable[Reminder]) -> EmailMessage:
    """One email to one person listing all their services that need a reminder."""
    reminders = list(reminders)
    days = {"reminder_days": reminder_days_before(), "due_days": due_days_before()}
    sections = []
    for stage in STAGE_ORDER:
        items = [
            {
                "name": r.service.title,
                "review_due": r.review_due,
                "edit_url": edit_url(r.service),
                "confirm_url": confirm_url(r.service, user),
            }
            for r in reminders
            if r.stage == stage
        ]
        if items:
            heading, explanation = STAGE_TEXT[stage]
            sections.append(
                {"heading": heading.format(**days), "explanation": explanation, "items": items}
            )
    overdue = sum(1 for r in reminders if r.stage == Stage.OVERDUE)
    listings = "listing" if len(reminders) == 1 else "listings"
    subject = f"Please check {len(reminders)} {listings} in the family support directory"
    if overdue:
        subject += f" ({overdue} overdue)"
    body = render_to_string(
        "commissioning/reviews/reminder_email.txt",
        {
            "user": user,
            "name": user.get_full_name() or user.get_username(),
            "sections": sections,
            "count": len(reminders),
            "link_days": settings.REVIEW_CONFIRM_LINK_DAYS,
            **days,
        },
    )
    return EmailMessage(subject=subject, body=body, to=[user.email])


def _record(reminder: Reminder) -> None:
    """Note that one more person was told; the first one creates the stage's record."""
    with transaction.atomic():
        row, _ = ReviewReminder.objects.get_or_create(
            service=reminder.service, stage=reminder.stage, review_due=reminder.review_due
        )
        ReviewReminder.objects.filter(pk=row.pk).update(recipients=F("recipients") + 1)


def send_reminders(
    today: datetime.date, *, dry_run: bool = False, progress: bool = False
) -> ReminderRun:
    """Send this run's reminders (or, with ``dry_run``, work out what would be sent)."""
    run = ReminderRun(today=today, dry_run=dry_run, pending=pending_reminders(today))
    by_user: dict[int, tuple[Any, list[Reminder]]] = {}
    for reminder in run.pending:
        users = recipients_of(reminder.service)
        if not users:
            run.unreachable.append(reminder)
        for user in users:
            by_user.setdefault(user.pk, (user, []))[1].append(reminder)
    if dry_run:
        run.emails = len(by_user)
        return run

    told: Counter[Reminder] = Counter()
    connection = get_connection()
    batches = tqdm(
        by_user.values(),
        desc="Sending reminders",
        unit="email",
        disable=not progress or len(by_user) < PROGRESS_FROM,
    )
    for user, reminders in batches:
        message = build_message(user, reminders)
        message.connection = connection
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - any mail failure must not stop the others
            logger.warning("Review reminder to %s not sent: %s", user.email, error)
            run.failures.append((user.email, str(error) or type(error).__name__))
            continue
        run.emails += 1
        for reminder in reminders:
            _record(reminder)
            told[reminder] += 1
    run.recorded = len(told)
    return run
