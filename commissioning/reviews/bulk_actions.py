"""The Services screen's "Still accurate" bulk action: the selected services reviewed today."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from directory.models import ServicePage
from directory.services_admin.bulk_actions import ServiceBulkAction
from directory.wording import counted

from .actions import record_review


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
        return f"{counted(confirmed, 'service')} confirmed still accurate today."
