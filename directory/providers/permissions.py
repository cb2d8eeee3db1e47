"""Wagtail's page permission tester, narrowed to a provider's own services."""

from __future__ import annotations

from typing import Any

from wagtail.models import PagePermissionTester

from .access import may_edit_organisation, provider_organisation_ids


class ServicePermissionTester(PagePermissionTester):
    """For a provider, another organisation's service grants nothing: no edit, delete, publish,
    move, copy, lock, revisions or workflow. Everyone else gets Wagtail's usual answers."""

    def __init__(self, user: Any, page: Any) -> None:
        super().__init__(user, page)
        self.is_foreign_service = not may_edit_organisation(user, page.organisation_id)
        if self.is_foreign_service:
            self.permissions: set[str] = set()

    def can_edit(self) -> bool:
        # Wagtail also lets a page's owner, or a workflow reviewer, edit: not across providers.
        return not self.is_foreign_service and super().can_edit()


class DirectoryPermissionTester(PagePermissionTester):
    """For a provider, the directory page itself is only a place to add services to: they may
    not edit, move, publish or delete it."""

    def __init__(self, user: Any, page: Any) -> None:
        super().__init__(user, page)
        if provider_organisation_ids(user) is not None:
            self.permissions &= {"add"}

    def can_edit(self) -> bool:
        if provider_organisation_ids(self.user) is not None:
            return False
        return super().can_edit()
