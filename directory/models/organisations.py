"""Organisations that provide (or commission) services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .identifiers import OrukIdField

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

    from .services import ServicePage


# django-stubs cannot build the reverse managers of ServicePage's keys through Wagtail's
# queryset-made page manager; they are declared below instead.
class Organisation(models.Model):  # type: ignore[django-manager-missing]
    oruk_id = OrukIdField()
    name = models.CharField(max_length=255, unique=True)
    description = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    charity_number = models.CharField(
        max_length=20, blank=True, help_text="Registered charity number, if any."
    )
    company_number = models.CharField(max_length=20, blank=True)
    is_commissioner = models.BooleanField(
        default=False, help_text="This organisation commissions services (e.g. the council)."
    )
    # Provider accounts: these users may create and edit this organisation's services (and only
    # theirs), with every change going through the commissioners' approval workflow.
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="provider_organisations",
        verbose_name="provider accounts",
        help_text="People at this organisation who may edit its services and get review "
        "reminders. Add them to the 'Providers' group too.",
    )
    last_modified = models.DateTimeField(auto_now=True)

    # The reverse sides of ServicePage's two foreign keys (see the class's type comment).
    services: RelatedManager[ServicePage]
    commissioned_services: RelatedManager[ServicePage]

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")], heading="Contact"
        ),
        MultiFieldPanel(
            [
                FieldPanel("charity_number"),
                FieldPanel("company_number"),
                FieldPanel("is_commissioner"),
            ],
            heading="Identifiers",
        ),
        FieldPanel("users", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
