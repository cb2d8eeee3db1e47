"""The page tree every site needs: Home -> Services and the site's own pages (contact,
accessibility statement, privacy notice, cookies), the workflow and who may do what.

Idempotent: run by ``manage.py setup_site`` (part of the README's start command), by
``load_demo`` and by tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as date_format
from wagtail.models import GroupPagePermission, Page, Site, Workflow

from home.models import ContentPage, HomePage

from .groups import COMMISSIONERS, EDITORS, MODERATORS, PROVIDERS
from .models import DeletedServicesPage, DirectoryIndexPage, DirectorySettings

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

# Working the queue of problems reported with services' pages (providers: their own only).
PROBLEM_QUEUE = ["directory.view_problemreport", "directory.change_problemreport"]
# Model permissions ("app_label.codename") each group needs beyond its page permissions.
MODEL_PERMISSIONS = {
    COMMISSIONERS: [
        "wagtailadmin.access_admin",
        "directory.view_commissioning_reports",
        "directory.import_services",
        "directory.restore_services",
        "directory.add_schoolholiday",
        "directory.change_schoolholiday",
        "directory.delete_schoolholiday",
        "directory.view_schoolholiday",
        "search.add_synonym",
        "search.change_synonym",
        "search.delete_synonym",
        "search.view_synonym",
        *PROBLEM_QUEUE,
        "directory.delete_problemreport",
    ],
    MODERATORS: ["wagtailadmin.access_admin", *PROBLEM_QUEUE],
    EDITORS: ["wagtailadmin.access_admin", *PROBLEM_QUEUE],
    PROVIDERS: ["wagtailadmin.access_admin", *PROBLEM_QUEUE],
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

    hostname, port = public_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=site_name,
        )
    else:
        if site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = site.site_name or site_name
        if (site.hostname, site.port) == PLACEHOLDER_ADDRESS:
            # Full URLs (notification e-mails, structured data) name the real address.
            site.hostname, site.port = hostname, port
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
    ensure_site_pages(home.specific, site)
    return SiteStructure(home=home.specific, directory=directory.specific)


# Wagtail's (and this module's earlier) stand-in for a site's address.
PLACEHOLDER_ADDRESS = ("localhost", 80)


def public_address() -> tuple[str, int]:
    """The site's host name and port, from settings.WAGTAILADMIN_BASE_URL (the address people
    use), else the placeholder."""
    parts = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if not parts.hostname:
        return PLACEHOLDER_ADDRESS
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


# The site's own pages: (settings field, title, slug, template of the first text). Linked from
# every page's footer; each is an ordinary content page that editors change in the admin.
SITE_PAGES = [
    ("contact_page", "Contact us", "contact", "home/site_pages/contact.html"),
    (
        "accessibility_page",
        "Accessibility statement",
        "accessibility-statement",
        "home/site_pages/accessibility.html",
    ),
    ("privacy_page", "Privacy notice", "privacy-notice", "home/site_pages/privacy.html"),
    ("cookies_page", "Cookies", "cookies", "home/site_pages/cookies.html"),
]


def ensure_site_pages(home: HomePage, site: Site) -> None:
    """Make the contact, accessibility, privacy and cookies pages the directory settings lack.

    A page the settings already name is left alone, wherever an editor moved it and whatever they
    wrote. One found under the home page by its slug (an earlier run) is linked again; otherwise
    it is made, published, with the first text from its template.
    """
    site_settings = DirectorySettings.for_site(site)
    context = {
        "council": site_settings.council_name or "the council",
        "today": date_format(timezone.localdate(), "j F Y"),
    }
    changed = False
    for field, title, slug, template in SITE_PAGES:
        if getattr(site_settings, f"{field}_id"):
            continue
        page = home.get_children().filter(slug=slug).first()
        if page is None:
            page = home.add_child(
                instance=ContentPage(
                    title=title, slug=slug, body=render_to_string(template, context).strip()
                )
            )
            page.save_revision().publish()
        setattr(site_settings, field, page)
        changed = True
    if changed:
        site_settings.save()


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
