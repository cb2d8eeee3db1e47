"""Emailing a shortlist: rate limited, through Django's email backend, nothing stored.

The limits stop the form being used to send mail to strangers: per browser session and per
client address, counted in Django's cache (directory.rate_limits: shared by every process when
REDIS_URL is set).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template.loader import render_to_string

from ..client_address import client_address
from ..models import ServicePage
from ..rate_limits import within_limit

# (sends, seconds) allowed per session and per client address.
PER_SESSION = (3, 10 * 60)
PER_ADDRESS = (20, 60 * 60)


class EmailRateLimited(Exception):
    pass


def send_shortlist(
    request: HttpRequest, to: str, services: Sequence[ServicePage], share_url: str
) -> None:
    """Send the list to ``to``. Raises EmailRateLimited when too many were sent lately."""
    session_key = request.session.session_key or "none"
    address = client_address(request)
    if not (
        within_limit(f"shortlist-email:session:{session_key}", *PER_SESSION)
        and within_limit(f"shortlist-email:address:{address}", *PER_ADDRESS)
    ):
        raise EmailRateLimited(
            "You have sent your list several times in the last few minutes. Wait a while and "
            "try again, or share the link instead."
        )
    context = {
        "services": services,
        "share_url": share_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": request.build_absolute_uri("/").rstrip("/"),
    }
    message = EmailMultiAlternatives(
        subject=f"Services from {settings.WAGTAIL_SITE_NAME}",
        body=render_to_string("directory/shortlist/email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    message.attach_alternative(
        render_to_string("directory/shortlist/email.html", context), "text/html"
    )
    message.send()
