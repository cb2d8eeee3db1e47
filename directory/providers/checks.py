"""Settings that would let a provider's page search reach other organisations' services."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def page_search_filtered_by_permissions(app_configs: Any, **kwargs: Any) -> list[Error]:
    # Wagtail's admin page search asks the permission policy (which hides other organisations'
    # services from providers) only while this setting is on; it has no hook of its own.
    if getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
        return []
    return [
        Error(
            "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS must stay True: provider accounts "
            "would find other organisations' services in the admin page search.",
            id="directory.E001",
        )
    ]
