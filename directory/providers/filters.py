"""Admin filters that name people: for a provider, only people they may know of."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django_filters.filters import QuerySetRequestMixin
from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.admin.views.reports.audit_logging import (
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet
from wagtail.admin.views.reports.workflows import WorkflowReportFilterSet

from .access import provider_organisation_ids
from .visibility import visible_users

if TYPE_CHECKING:
    from wagtail.admin.filters import WagtailFilterSet as _FilterSet
else:
    _FilterSet = object  # a mixin: the real base comes with each filter set


class VisibleUserChoicesMixin(_FilterSet):
    """Wagtail lists as choices everyone who ever owned, edited, locked or submitted any page;
    for a provider that would name other organisations' staff."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        viewer = getattr(self.request, "user", None)
        if provider_organisation_ids(viewer) is None:
            return
        for filter_ in self.filters.values():
            if isinstance(filter_, QuerySetRequestMixin):
                filter_.queryset = _narrowed(filter_.queryset, viewer)


def _narrowed(choices: Any, viewer: Any) -> Any:
    def queryset(request: Any) -> Any:
        resolved = choices(request) if callable(choices) else choices
        if resolved is not None and resolved.model is get_user_model():
            return visible_users(resolved, viewer)
        return resolved

    return queryset


class ScopedPageFilterSet(VisibleUserChoicesMixin, PageFilterSet):
    pass


class ScopedGenericPageFilterSet(VisibleUserChoicesMixin, GenericPageFilterSet):
    pass


class ScopedLockedPagesFilterSet(VisibleUserChoicesMixin, LockedPagesReportFilterSet):
    pass


class ScopedWorkflowFilterSet(VisibleUserChoicesMixin, WorkflowReportFilterSet):
    pass


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self) -> Any:
        # Wagtail builds this filter (unlike the others) without the report's queryset, so its
        # "User" choices would be everyone in any page's history; its own helper asks only what
        # the user may view.
        return get_users_for_filter(self.request.user)
