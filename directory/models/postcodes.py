"""The local postcode table behind the default geocoder."""

from __future__ import annotations

from django.db import models


class Postcode(models.Model):
    """One UK postcode and its centroid, as published in the ONS Postcode Directory."""

    postcode = models.CharField(
        max_length=8, unique=True, help_text="The full postcode, written like 'SW1A 1AA'."
    )
    outward = models.CharField(
        max_length=4, db_index=True, help_text="The postcode district: 'SW1A'."
    )
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode
