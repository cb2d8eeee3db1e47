"""Move a service to the deleted-services bin, and back."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.actions.move_page import MovePageAction
from wagtail.log_actions import log
from wagtail.models import Page

from directory.models import DeletedService, DeletedServicesPage, DirectoryIndexPage, ServicePage
from directory.site_setup import ensure_deleted_services_bin

MOVED_TO_BIN = "directory.move_to_bin"
RESTORED = "directory.restore"


def is_in_bin(page: Page) -> bool:
    bin_page = DeletedServicesPage.objects.first()
    return bin_page is not None and page.path.startswith(bin_page.path) and page.pk != bin_page.pk


def _free_slug(page: Page, parent: Page) -> str:
    """The page's slug, or the slug with its id when a sibling there already uses it."""
    siblings = parent.get_children().exclude(pk=page.pk)
    if not siblings.filter(slug=page.slug).exists():
        return page.slug
    return f"{page.slug}-{page.pk}"


def _move(page: ServicePage, target: Page, user: Any) -> ServicePage:
    slug = _free_slug(page, target)
    if slug != page.slug:
        ServicePage.objects.filter(pk=page.pk).update(slug=slug)
        page.slug = slug
    MovePageAction(page, target, pos="last-child", user=user).execute(skip_permission_checks=True)
    return ServicePage.objects.get(pk=page.pk)


@transaction.atomic
def move_to_bin(page: ServicePage, user: Any = None) -> DeletedService:
    """Unpublish the service, stop any workflow, and move it to the bin. The page keeps its id,
    revisions and history; the move takes it out of the site, so out of search."""
    was_live = page.live
    former_parent = page.get_parent()
    if page.live:
        page.unpublish(user=user)
    workflow_state = page.current_workflow_state
    if workflow_state:
        workflow_state.cancel(user=user)
    page = _move(page, ensure_deleted_services_bin(), user)
    record, _ = DeletedService.objects.update_or_create(
        page=page,
        defaults={"deleted_by": user, "former_parent": former_parent, "was_live": was_live},
    )
    log(instance=page, action=MOVED_TO_BIN, user=user, data={"was_live": was_live})
    return record


@transaction.atomic
def restore_service(record: DeletedService, user: Any = None) -> ServicePage:
    """Put a deleted service back in the directory as a draft, with its history.

    It comes back unpublished (as WordPress's trash does), so someone checks it is still true
    before families see it again.
    """
    parent = record.former_parent
    if parent is None or not isinstance(parent.specific, DirectoryIndexPage) or is_in_bin(parent):
        parent = DirectoryIndexPage.objects.get()
    page = _move(record.page, parent, user)
    record.delete()
    log(instance=page, action=RESTORED, user=user)
    return page
