"""Wagtail's page permission policy, for provider accounts without other organisations' services.

Registered for every page model (``AbstractPage``), so each admin view that asks the policy which
pages a user may explore or act on (explorer, page search, the admin API and explorer menu,
site history, the workflow, aging and locked pages reports, "(Private page)" usage rows, edit
links) leaves other organisations' services out. Views that do not ask it are covered in
``admin`` (hooks), ``views`` and ``middleware``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail.models import AbstractPage
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models.services import ServicePage
from .access import restricted_accounts
from .visibility import is_hidden_page, without_hidden_pages


class OrganisationPagePermissionPolicy(PagePermissionPolicy):
    def explorable_instances(self, user: Any) -> QuerySet:
        return without_hidden_pages(super().explorable_instances(user), user)

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> QuerySet:
        return without_hidden_pages(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def user_has_any_permission_for_instance(self, user: Any, actions: Any, instance: Any) -> bool:
        if is_hidden_page(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def users_with_any_permission_for_instance(
        self, actions: Any, instance: Any, include_superusers: bool = True
    ) -> QuerySet:
        users = super().users_with_any_permission_for_instance(
            actions, instance, include_superusers
        )
        page = instance.specific_deferred if hasattr(instance, "specific_deferred") else instance
        if not isinstance(page, ServicePage):
            return users
        # Provider accounts of other organisations have no say over this service.
        outsiders = restricted_accounts()
        if page.organisation_id is not None:
            outsiders = outsiders.exclude(provider_organisations=page.organisation_id)
        return users.exclude(pk__in=outsiders.values("pk"))


page_permission_policy = OrganisationPagePermissionPolicy()
register_permission_policy(AbstractPage, page_permission_policy)
