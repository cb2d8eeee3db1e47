"""Bulk actions on the Services screen: submit drafts for approval, record that listings are
still accurate, and export the selection as the spreadsheet template.

Each acts only on services the user may act on (a provider: their own organisations'); the
others are listed on the confirmation page as ones they cannot change. "Select all in listing"
means the listing as filtered and searched, not every page in the site.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_list_or_404
from django.utils import timezone
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import WorkflowState

from ..models import ServicePage
from ..reviews.actions import record_review
from .status import directory_services, in_approval_ids
from .views import listed_service_ids


def _services(count: int) -> str:
    return f"{count} service{'' if count == 1 else 's'}"


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
        message = f"{_services(submitted)} submitted for approval."
        if skipped:
            message += (
                f" {_services(skipped)} not submitted: already waiting for approval, or with "
                "no draft changes to approve."
            )
        return message


class StillAccurateBulkAction(ServiceBulkAction):
    display_name = "Still accurate"
    action_type = "still_accurate"
    aria_label = "Record that the selected services are still accurate"
    action_priority = 20
    question = (
        "Confirm these services have been checked with their providers and are still "
        "accurate? Each gets today as its review date."
    )
    action_button_text = "Yes, they are still accurate"
    no_access_message = "You cannot confirm these services:"

    @classmethod
    def execute_action(cls, objects: list[ServicePage], user: Any = None, **kwargs: Any) -> Any:
        today = timezone.localdate()
        for page in objects:
            record_review(page, user, today=today)
        return len(objects), 0

    def get_success_message(self, confirmed: int, _: int) -> str:
        return f"{_services(confirmed)} confirmed still accurate today."


BULK_ACTIONS = (SubmitForApprovalBulkAction, StillAccurateBulkAction)
