"""Emailing a shortlist: rate limited, through Django's email backend, nothing stored.

The limits stop the form being used to send mail to strangers: per browser session and per
client address, counted in Django's cache (per process with the default local-memory cache;
set a shared cache in production so every worker counts together).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template.loader import render_to_string

from ..models import ServicePage

# (sends, seconds) allowed per session and per client address.
PER_SESSION = (3, 10 * 60)
PER_ADDRESS = (20, 60 * 60)


class EmailRateLimited(Exception):
    pass


def _within_limit(key: str, limit: tuple[int, int]) -> bool:
    allowed, seconds = limit
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= allowed


def send_shortlist(
    request: HttpRequest, to: str, services: Sequence[ServicePage], share_url: str
) -> None:
    """Send the list to ``to``. Raises EmailRateLimited when too many were sent lately."""
    session_key = request.session.session_key or "none"
    address = request.META.get("REMOTE_ADDR", "unknown")
    if not (
        _within_limit(f"shortlist-email:session:{session_key}", PER_SESSION)
        and _within_limit(f"shortlist-email:address:{address}", PER_ADDRESS)
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
