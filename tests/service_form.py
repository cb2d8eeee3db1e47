"""The service page's add and edit form in the admin, as tests post it: every field an editor
fills in, with realistic values (``service_form``), and where a new service is added."""

from __future__ import annotations

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import LevelOfNeed, Need


def service_form(organisation, **overrides):
    data = {
        "title": "Bumps and Babies",
        "slug": "bumps-and-babies",
        "organisation": organisation.pk,
        "summary": "A friendly group for parents-to-be and new parents.",
        "description": rich_text("<p>Meet other parents and a midwife.</p>"),
        "status": "active",
        "minimum_age": "0",
        "maximum_age": "1",
        "for_expectant_parents": "on",
        "levels": [LevelOfNeed.objects.get(slug="universal").pk],
        "needs": list(
            Need.objects.filter(name__in=["Pregnancy and birth", "Infant feeding"]).values_list(
                "pk", flat=True
            )
        ),
        "circumstances": [],
        "is_free": "on",
        "self_referral": "on",
        "in_person": "on",
        "review_interval_months": "12",
        "contacts": inline_formset([{"name": "Hub team", "phone": "020 7946 0001"}]),
        "languages": inline_formset([]),
        "locations": inline_formset(
            [{"name": "Catford Family Hub", "address_1": "1 Hub Road", "postcode": "se64ru"}]
        ),
        "service_areas": inline_formset([]),
        "schedules": inline_formset([{"weekday": "tu", "opens_at": "09:30", "closes_at": "11:30"}]),
    }
    data.update(overrides)
    choices = {name: data.pop(name) for name in ("levels", "needs", "circumstances")}
    # nested_form_data flattens lists; a multiple-choice field needs repeated values.
    return {**nested_form_data(data), **choices}


def add_url(site_structure):
    return reverse(
        "wagtailadmin_pages:add",
        args=("directory", "servicepage", site_structure.directory.pk),
    )
