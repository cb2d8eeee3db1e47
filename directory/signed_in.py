"""The person behind an admin request, typed as the signed-in user they must be."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


def signed_in_user(request: HttpRequest) -> User:
    """``request.user``, who must be signed in (Wagtail's admin checked it before the view ran;
    anyone else is refused rather than recorded as the author of a change)."""
    user = request.user
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        raise PermissionDenied
    return user
