"""Which organisations' services a user may edit."""

from __future__ import annotations

from typing import Any

from ..groups import COMMISSIONERS, EDITORS, MODERATORS, PROVIDERS

# Council staff in these groups see and edit every service (subject to their page permissions).
COUNCIL_GROUPS = {COMMISSIONERS, MODERATORS, EDITORS}
_CACHE_ATTR = "_provider_organisation_ids"


def provider_organisation_ids(user: Any) -> frozenset[int] | None:
    """The organisations a provider account may edit, or None for an unrestricted user.

    Restricted: an active user in the Providers group who is neither a superuser nor in a council
    group. A provider with no organisations may edit nothing. Cached on the user object for the
    request, since the admin asks once per page in a listing.
    """
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    if hasattr(user, _CACHE_ATTR):
        cached: frozenset[int] | None = getattr(user, _CACHE_ATTR)
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    if PROVIDERS not in groups or groups & COUNCIL_GROUPS:
        result = None
    else:
        result = frozenset(user.provider_organisations.values_list("pk", flat=True))
    setattr(user, _CACHE_ATTR, result)
    return result


def restricted_accounts() -> Any:
    """The users ``provider_organisation_ids`` restricts, as a queryset (the same rule)."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    council = users.filter(groups__name__in=COUNCIL_GROUPS).values("pk")
    return users.filter(groups__name=PROVIDERS, is_superuser=False).exclude(pk__in=council)


def may_edit_organisation(user: Any, organisation_id: int | None) -> bool:
    allowed = provider_organisation_ids(user)
    return allowed is None or organisation_id in allowed
