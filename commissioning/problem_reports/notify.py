"""Telling the service's provider accounts that someone reported a problem with its page.

Each gets their own message (no one sees another's address). The person's reply address is not
sent on: it stays in the admin, with the report. A mail server that refuses is logged; the
report is already saved and waits in the admin's queue either way.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from directory.models import ProblemReport

logger = logging.getLogger(__name__)


def provider_addresses(report: ProblemReport) -> list[str]:
    organisation = report.service.organisation
    if organisation is None:
        return []
    return sorted(
        set(
            organisation.users.filter(is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def notify_providers(report: ProblemReport) -> int:
    """E-mail the provider accounts of the service's organisation; how many were sent."""
    addresses = provider_addresses(report)
    if not addresses:
        return 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "report": report,
        "service": report.service,
        "report_url": base + reverse("problem_reports:edit", args=[report.pk]),
        "edit_url": base + reverse("wagtailadmin_pages:edit", args=[report.service_id]),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = f"Problem reported with '{report.service.title}': {report.get_kind_display()}"
    body = render_to_string("commissioning/problem_reports/email.txt", context)
    sent = 0
    try:
        connection = get_connection()
        for address in addresses:
            message = EmailMessage(
                subject, body, settings.DEFAULT_FROM_EMAIL, [address], connection=connection
            )
            sent += message.send()
    except Exception:  # noqa: BLE001 - the report is saved; the queue still shows it
        logger.exception("Could not e-mail the providers about problem report %s", report.pk)
    return sent
