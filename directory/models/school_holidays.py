"""The council's school holidays: the days a 'term time only' service does not run."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class SchoolHoliday(models.Model):
    """One school holiday (or INSET day), first to last day inclusive, as the council's term
    dates give it. Opening hours (directory.opening_hours) and the search filters 'Open now'
    and 'Open today' count a term-time-only service as closed on these days."""

    name = models.CharField(max_length=100, help_text="e.g. 'Summer holiday 2026'.")
    first_day = models.DateField()
    last_day = models.DateField()

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")])]

    class Meta:
        ordering = ["first_day"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": "The last day must be on or after the first day."})

    def covers(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day
