"""Bulk actions on the Services screen: what they share (``ServiceBulkAction``), and submitting
drafts for approval. Other apps register theirs with Wagtail's ``register_bulk_action`` hook
("Still accurate" from commissioning, "Export as spreadsheet" from exchange).

Each acts only on services the user may act on (a provider: their own organisations'); the
others are listed on the confirmation page as ones they cannot change. "Select all in listing"
means the listing as filtered and searched, not every page in the site.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_list_or_404
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import WorkflowState

from ..models import ServicePage
from ..wording import counted
from .status import directory_services, in_approval_ids
from .views import listed_service_ids


class ServiceBulkAction(PageBulkAction):
    models = [ServicePage]
    template_name = "directory/services_admin/confirm_bulk_action.html"
    # Words for the confirmation page.
    question = ""
    action_button_text = ""
    no_access_message = ""

    def check_perm(self, page: ServicePage) -> bool:
        return page.permissions_for_user(self.request.user).can_edit()

    @classmethod
    def get_queryset(cls, model: Any, object_ids: Any) -> list[ServicePage]:
        # Services in the directory only: never one in the deleted-services bin.
        return get_list_or_404(directory_services(), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id: Any) -> Any:
        """Every service the Services screen lists with the same filters and search."""
        return listed_service_ids(self.request)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            title=self.display_name,
            question=self.question,
            action_button_text=self.action_button_text,
            no_access_message=self.no_access_message,
        )
        return context


class SubmitForApprovalBulkAction(ServiceBulkAction):
    display_name = "Submit for approval"
    action_type = "submit_for_approval"
    aria_label = "Submit the selected services' drafts for approval"
    action_priority = 10
    question = "Submit these services' drafts to the approval workflow?"
    action_button_text = "Yes, submit for approval"
    no_access_message = (
        "These cannot be submitted (already waiting for approval, or not yours to edit):"
    )

    def check_perm(self, page: ServicePage) -> bool:
        return page.permissions_for_user(self.request.user).can_submit_for_moderation()

    @classmethod
    def execute_action(cls, objects: list[ServicePage], user: Any = None, **kwargs: Any) -> Any:
        waiting = in_approval_ids()
        submitted = 0
        for page in objects:
            if page.pk in waiting or not page.has_unpublished_changes:
                continue
            state = page.workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
            if state is not None:
                state.resume(user)
            elif (workflow := page.get_workflow()) is not None:
                workflow.start(page, user)
            else:
                continue
            submitted += 1
        return submitted, len(objects) - submitted

    def get_success_message(self, submitted: int, skipped: int) -> str:
        message = f"{counted(submitted, 'service')} submitted for approval."
        if skipped:
            message += (
                f" {counted(skipped, 'service')} not submitted: already waiting for approval, or "
                "with no draft changes to approve."
            )
        return message


BULK_ACTIONS = (SubmitForApprovalBulkAction,)
