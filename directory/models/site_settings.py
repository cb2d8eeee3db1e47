"""Who runs the directory and where families go when it has nothing for them.

One row per Wagtail site, edited in the admin under Settings → "Directory settings". Templates
read it through ``{{ settings.directory.DirectorySettings }}``; Python through
``DirectorySettings.for_site(site)`` or ``current_settings(request)``.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_NATIONAL_SERVICE_NAME = "Find support for your family"
DEFAULT_NATIONAL_SERVICE_URL = "https://find-support-for-your-family.education.gov.uk/"
# A site anyone might be reading, that gives nothing away: GOV.UK's "Exit this page" suggestion.
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


def own_page(verbose_name: str) -> models.ForeignKey:
    """A link to one of the site's own pages (contact, accessibility, ...)."""
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


# The site's own pages, in the footer's order.
FOOTER_PAGE_FIELDS = ("contact_page", "accessibility_page", "privacy_page", "cookies_page")


@register_setting(icon="site")
class DirectorySettings(BaseSiteSetting):
    council_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="The council that runs this directory, as families know it, for example "
        "'Lewisham Council'.",
    )
    area_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="The place the directory covers, for example 'Lewisham'. Shown when someone "
        "searches from outside it.",
    )
    logo_text = models.CharField(
        max_length=40,
        blank=True,
        help_text="A short name shown above the site's name in the header, as the council signs "
        "itself, for example 'Lewisham'. Leave empty to show the council's name.",
    )
    site_contact_email = models.EmailField(
        "contact e-mail for this website",
        blank=True,
        help_text="Where people write about the website itself: a listing that is wrong, an "
        "accessibility problem, a privacy question. Shown in the footer and on the contact page.",
    )
    site_contact_phone = models.CharField(
        "contact phone for this website", max_length=50, blank=True
    )
    # The site's own pages, made by `manage.py setup_site` and linked from every page's footer.
    accessibility_page = own_page("accessibility statement")
    privacy_page = own_page("privacy notice")
    contact_page = own_page("contact page")
    cookies_page = own_page("cookies page")
    front_door_name = models.CharField(
        "front door name",
        max_length=150,
        blank=True,
        help_text="Who families contact when they are not sure where to go, for example "
        "'Lewisham Children and Family Hub'.",
    )
    front_door_phone = models.CharField("front door phone", max_length=50, blank=True)
    front_door_email = models.EmailField("front door e-mail", blank=True)
    front_door_url = models.URLField("front door web address", blank=True)
    front_door_hours = models.CharField(
        "front door opening hours",
        max_length=200,
        blank=True,
        help_text="For example 'Monday to Friday, 9am to 5pm'.",
    )
    national_service_name = models.CharField(
        max_length=150,
        default=DEFAULT_NATIONAL_SERVICE_NAME,
        help_text="A national directory to suggest to people searching from outside the area.",
    )
    national_service_url = models.URLField(default=DEFAULT_NATIONAL_SERVICE_URL)
    quick_exit_url = models.URLField(
        "'Exit this page' goes to",
        default=DEFAULT_QUICK_EXIT_URL,
        help_text="The everyday website that replaces a sensitive page when someone presses "
        "'Exit this page' (or Shift three times). Pick one that is quick to load and gives "
        "nothing away.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("council_name"),
                FieldPanel("logo_text"),
                FieldPanel("area_name"),
                FieldPanel("site_contact_email"),
                FieldPanel("site_contact_phone"),
            ],
            "Who runs the site, and where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("front_door_name"),
                FieldPanel("front_door_phone"),
                FieldPanel("front_door_email"),
                FieldPanel("front_door_url"),
                FieldPanel("front_door_hours"),
            ],
            "Front door: where families go when they are not sure",
        ),
        MultiFieldPanel(
            [FieldPanel("national_service_name"), FieldPanel("national_service_url")],
            "For people outside the area",
        ),
        FieldPanel("quick_exit_url"),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
                FieldPanel("cookies_page"),
            ],
            "Pages linked from every page's footer",
        ),
    ]

    class Meta:
        verbose_name = "directory settings"
        verbose_name_plural = "directory settings"

    @classmethod
    def base_queryset(cls) -> Any:
        # The footer's pages come with the settings: one query for every page's chrome.
        return super().base_queryset().select_related(*FOOTER_PAGE_FIELDS)

    @property
    def logo(self) -> str:
        """The words the header shows above the site's name."""
        return self.logo_text or self.council_name

    @property
    def footer_pages(self) -> list[Any]:
        """The site's own pages that are live, in the footer's order."""
        pages = [getattr(self, field) for field in FOOTER_PAGE_FIELDS]
        return [page for page in pages if page is not None and page.live]

    @property
    def has_front_door(self) -> bool:
        return bool(self.front_door_phone or self.front_door_url or self.front_door_email)


def current_settings(request: Any = None) -> DirectorySettings:
    """The settings of the request's site, or of the default site (commands, the API).

    Read once per request and kept on it where Wagtail keeps its own (so ``{{ settings }}`` in a
    template finds them too). Read only: a public page never writes (Wagtail's for_site would
    create the row), so a search answers even while an import holds the database's write lock.
    """
    from wagtail.models import Site

    cache_name = DirectorySettings.get_cache_attr_name()
    if request is not None and hasattr(request, cache_name):
        return getattr(request, cache_name)
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return DirectorySettings()
    found = DirectorySettings.base_queryset().filter(site=site).first() or DirectorySettings(
        site=site
    )
    if request is not None:
        found._request = request  # as Wagtail's for_request: page URLs for this request
        setattr(request, cache_name, found)
    return found
