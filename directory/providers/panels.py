"""Wagtail's dashboard panels and page count, without pages hidden from a provider.

Wagtail's panels list what the user edited, locked, submitted or owns, without asking the
permission policy: a service that has since moved to another organisation would still show.
``admin`` swaps these in for provider accounts only.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views import home

from .visibility import hidden_services, is_hidden_page, without_hidden_pages


def _user(parent_context: Any) -> Any:
    return parent_context["request"].user


class RecentEditsPanel(home.RecentEditsPanel):
    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        user = _user(parent_context)
        context["last_edits"] = [
            (edited_at, page)
            for edited_at, page in context["last_edits"]
            if not is_hidden_page(user, page)
        ]
        return context


class LockedPagesPanel(home.LockedPagesPanel):
    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        context["locked_pages"] = without_hidden_pages(
            context["locked_pages"], _user(parent_context)
        )
        return context


class UserObjectsInWorkflowModerationPanel(home.UserObjectsInWorkflowModerationPanel):
    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        user = _user(parent_context)
        context["workflow_states"] = [
            state
            for state in context["workflow_states"]
            if not is_hidden_page(user, state.content_object)
        ]
        return context


class WorkflowObjectsToModeratePanel(home.WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        user = _user(parent_context)
        context["states"] = [
            state for state in context["states"] if not is_hidden_page(user, state["obj"])
        ]
        return context


SCOPED_PANELS = {
    panel.__mro__[1]: panel
    for panel in (
        RecentEditsPanel,
        LockedPagesPanel,
        UserObjectsInWorkflowModerationPanel,
        WorkflowObjectsToModeratePanel,
    )
}


class ScopedPagesSummaryItem(PagesSummaryItem):
    """ "N pages" counts only the pages the provider can see."""

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        root = context["root_page"]
        hidden = hidden_services(self.request.user)
        if root is not None and hidden is not None:
            context["total_pages"] -= hidden.descendant_of(root, inclusive=True).count()
        return context
