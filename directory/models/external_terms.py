"""Terms of other publishers' taxonomies, kept on the services an Open Referral import brought in.

A feed may tag its services with taxonomies we do not manage (a national service directory's
categories, another council's eligibility codes). They are kept as they came, shown on the
service page and published back in the API's attributes, so an import never drops them.
"""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class ServiceExternalTerm(Orderable):
    page = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="external_terms"
    )
    taxonomy = models.CharField(max_length=255, help_text="The taxonomy's name in the feed.")
    taxonomy_id = models.CharField(max_length=64, blank=True)
    term = models.CharField(max_length=255)
    # The term's id in the feed: published back unchanged, so the publisher can match it.
    term_id = models.CharField(max_length=64)
    code = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    term_uri = models.URLField(max_length=500, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = "term from another taxonomy"

    def __str__(self) -> str:
        return f"{self.taxonomy}: {self.term}"
