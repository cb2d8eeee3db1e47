"""What a provider account may see in the admin: every page except other organisations' services.

A service that is not one of the provider's organisations' (or has no organisation) is hidden,
not just locked: it is left out of every listing, search, chooser, report, export and count, and
its admin URLs answer 404. Unrestricted users (council staff, superusers) see everything.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import policy_registry

from ..models.services import ServicePage, ServicePageQuerySet
from .access import provider_organisation_ids


def hidden_services(user: Any) -> ServicePageQuerySet | None:
    """The services hidden from ``user``, or None when nothing is hidden from them."""
    allowed = provider_organisation_ids(user)
    if allowed is None:
        return None
    # exclude() keeps services with no organisation: hidden too.
    return ServicePage.objects.exclude(organisation_id__in=allowed)


_Pages = TypeVar("_Pages", bound=QuerySet)


def without_hidden_pages(pages: _Pages, user: Any) -> _Pages:
    """``pages`` less those ``user`` may not see."""
    hidden = hidden_services(user)
    if hidden is None:
        return pages
    return pages.exclude(pk__in=hidden.values("pk"))


def hidden_page_ids(user: Any, page_ids: Any) -> set[int]:
    """Which of ``page_ids`` are pages hidden from ``user``."""
    hidden = hidden_services(user)
    if hidden is None:
        return set()
    ids = {int(pk) for pk in page_ids if str(pk).isdigit()}
    return set(hidden.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def is_hidden_page(user: Any, page: Any) -> bool:
    """Whether ``page`` (a Page of any class, specific or not) is hidden from ``user``."""
    allowed = provider_organisation_ids(user)
    if allowed is None or page is None or page.pk is None:
        return False
    if isinstance(page, ServicePage):
        return page.organisation_id not in allowed
    page_class = getattr(page, "specific_class", None)
    if page_class is None or not issubclass(page_class, ServicePage):
        return False
    return bool(hidden_page_ids(user, [page.pk]))


def visible_users(users: QuerySet, viewer: Any) -> QuerySet:
    """Of ``users``, the people a provider may know of: themselves, their organisations' other
    accounts, and anyone the history records acting on a page the provider can see."""
    allowed = provider_organisation_ids(viewer)
    if allowed is None:
        return users
    seen_pages = policy_registry.get_by_type(Page).explorable_instances(viewer).values("pk")
    colleagues = get_user_model().objects.filter(provider_organisations__in=allowed).values("pk")
    actors = PageLogEntry.objects.filter(page__in=seen_pages).values("user_id")
    return users.filter(Q(pk=viewer.pk) | Q(pk__in=colleagues) | Q(pk__in=actors))
