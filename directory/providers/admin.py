"""Admin hooks for provider accounts: the page explorer lists only their own services."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail import hooks

from ..models.services import DirectoryIndexPage, ServicePage
from .access import provider_organisation_ids


@hooks.register("construct_explorer_page_queryset")
def only_own_services(parent_page: Any, pages: QuerySet, request: Any) -> QuerySet:
    allowed = provider_organisation_ids(request.user)
    if allowed is None or not isinstance(parent_page.specific, DirectoryIndexPage):
        return pages
    own = ServicePage.objects.filter(organisation_id__in=allowed).values("pk")
    return pages.filter(pk__in=own)
