"""Organisations that provide (or commission) services."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .identifiers import OrukIdField


class Organisation(models.Model):
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
    last_modified = models.DateTimeField(auto_now=True)

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
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
