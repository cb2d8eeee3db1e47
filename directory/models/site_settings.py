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
        MultiFieldPanel([FieldPanel("council_name"), FieldPanel("area_name")], "Who and where"),
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
    ]

    class Meta:
        verbose_name = "directory settings"
        verbose_name_plural = "directory settings"

    @property
    def has_front_door(self) -> bool:
        return bool(self.front_door_phone or self.front_door_url or self.front_door_email)


def current_settings(request: Any = None) -> DirectorySettings:
    """The settings of the request's site, or of the default site (commands, the API)."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return DirectorySettings()
    # Read only: a public page never writes (Wagtail's for_site would create the row), so a
    # search answers even while an import holds the database's write lock.
    return DirectorySettings.objects.filter(site=site).first() or DirectorySettings(site=site)
