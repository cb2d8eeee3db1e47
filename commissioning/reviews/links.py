"""One-click "still accurate" links for review reminder e-mails.

A link carries, signed with the site's secret, the service, the provider account it was sent to
and the service's review date when it was sent. It works without logging in, for
``REVIEW_CONFIRM_LINK_DAYS`` days, and once: recording the review moves the review date, so
the same link then finds the date changed and is refused. A link altered in any way, or opened
at another service's address, is refused too; so is one whose person is no longer a provider
account of the service's organisation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from directory.models import ServicePage

from .scope import reviewable_services

SALT = "commissioning.reviews.confirm-link"


class LinkRefused(Exception):
    """Why a link cannot record a review, in words for the page, with its HTTP status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _due(service: ServicePage) -> str:
    return service.review_due.isoformat() if service.review_due else ""


def confirm_token(service: ServicePage, user: Any) -> str:
    return signing.dumps({"s": service.pk, "u": user.pk, "d": _due(service)}, salt=SALT)


def confirm_url(service: ServicePage, user: Any) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("review_confirm", args=[service.pk, confirm_token(service, user)])


@dataclass(frozen=True)
class ConfirmLink:
    service: ServicePage
    user: Any


def read_link(service_id: int, token: str) -> ConfirmLink:
    """The service and person a link is for, or LinkRefused saying why not."""
    max_age = datetime.timedelta(days=settings.REVIEW_CONFIRM_LINK_DAYS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkRefused(
            f"This link has expired: links work for {settings.REVIEW_CONFIRM_LINK_DAYS} days.",
            410,
        ) from None
    except signing.BadSignature:
        raise LinkRefused("This link is not right: it may have been cut short.", 400) from None
    if data.get("s") != service_id:
        raise LinkRefused("This link is for a different listing.", 400)
    service = reviewable_services().select_related("organisation").filter(pk=service_id).first()
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    organisation = service.organisation if service is not None else None
    if service is None or user is None or organisation is None:
        raise LinkRefused("This listing or account is no longer in the directory.", 410)
    if not organisation.users.filter(pk=user.pk).exists():
        raise LinkRefused("Your account no longer looks after this listing.", 403)
    if data.get("d") != _due(service):
        raise LinkRefused(
            "This link has already been used, or the listing has been reviewed since it was sent.",
            410,
        )
    return ConfirmLink(service, user)
