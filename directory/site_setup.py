"""The page tree every site needs: Home -> Services, the workflow and who may do what.

Idempotent: run by ``manage.py setup_site`` (part of the README's start command), by
``load_demo`` and by tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Site, Workflow

from home.models import HomePage

from .groups import COMMISSIONERS, EDITORS, MODERATORS, PROVIDERS
from .models import DeletedServicesPage, DirectoryIndexPage

__all__ = ["COMMISSIONERS", "EDITORS", "MODERATORS", "PROVIDERS", "ensure_site_structure"]

WORKFLOW_NAME = "Commissioner approval"

PAGE_PERMISSIONS = {
    COMMISSIONERS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    EDITORS: ["add_page", "change_page"],
}
# Providers' page permissions are on the directory page only, never the home page.
PROVIDER_PAGE_PERMISSIONS = ["add_page", "change_page"]

# Model permissions ("app_label.codename") each group needs beyond its page permissions.
MODEL_PERMISSIONS = {
    COMMISSIONERS: [
        "wagtailadmin.access_admin",
        "directory.view_commissioning_reports",
        "directory.import_services",
        "directory.restore_services",
        "search.add_synonym",
        "search.change_synonym",
        "search.delete_synonym",
        "search.view_synonym",
    ],
    MODERATORS: ["wagtailadmin.access_admin"],
    EDITORS: ["wagtailadmin.access_admin"],
    PROVIDERS: ["wagtailadmin.access_admin"],
}


@dataclass
class SiteStructure:
    home: HomePage
    directory: DirectoryIndexPage


@transaction.atomic
def ensure_site_structure(site_name: str = "Family Support Directory") -> SiteStructure:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Replace Wagtail's "Welcome to your new Wagtail site!" placeholder, if still there.
        for page in root.get_children().filter(slug="home"):
            if page.specific_class is Page:
                page.delete()
        root.refresh_from_db()
        home = root.add_child(instance=HomePage(title=site_name, slug="home"))
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=site_name,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or site_name
        site.save()

    # The site's directory settings exist from the start, so no public page has to write one.
    from .models import DirectorySettings

    for each_site in Site.objects.all():
        DirectorySettings.for_site(each_site)

    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        directory = home.add_child(
            instance=DirectoryIndexPage(
                title="Services",
                slug="services",
                introduction="Every service in the directory, A to Z.",
            )
        )
        directory.save_revision().publish()

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        # Services inherit the workflow from the directory they live in.
        workflow.workflow_pages.get_or_create(page=directory)

    grants = [(name, home, codenames) for name, codenames in PAGE_PERMISSIONS.items()]
    grants.append((PROVIDERS, directory, PROVIDER_PAGE_PERMISSIONS))
    for group_name, page, codenames in grants:
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for group_name, names in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for name in names:
            app_label, codename = name.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    ensure_deleted_services_bin()
    return SiteStructure(home=home.specific, directory=directory.specific)


def ensure_deleted_services_bin() -> DeletedServicesPage:
    """The page deleted services are moved to: outside every site, so never public."""
    bin_page = DeletedServicesPage.objects.first()
    if bin_page is None:
        root = Page.get_first_root_node()
        bin_page = root.add_child(
            instance=DeletedServicesPage(title="Deleted services", slug="deleted-services")
        )
        # Unpublished: it has nothing to show, and pages under it are never served.
        DeletedServicesPage.objects.filter(pk=bin_page.pk).update(live=False)
        bin_page.refresh_from_db()
    return bin_page
