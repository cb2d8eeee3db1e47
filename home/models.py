"""The home page and plain content pages."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """Search box, 'browse by need' and a plain-English guide to the levels of need."""

    introduction = models.TextField(
        blank=True,
        default="Find help for your family near you: from baby groups and parenting courses "
        "to support with money, housing, mental health and staying safe.",
    )
    levels_introduction = models.TextField(
        "levels of need explainer",
        blank=True,
        default="Most help is open to every family. Some help is for families who need a little "
        "more, and some is for families facing bigger difficulties. This is how help is "
        "organised here:",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("levels_introduction"),
    ]
    subpage_types = ["directory.DirectoryIndexPage", "home.ContentPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from directory.menu import need_menu
        from directory.models import LevelOfNeed

        context = super().get_context(request, *args, **kwargs)
        context["need_categories"] = need_menu()
        context["levels"] = LevelOfNeed.objects.all()
        return context


class ContentPage(Page):
    """About, accessibility statement, privacy notice and other plain pages."""

    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("body")]
    subpage_types = ["home.ContentPage"]
