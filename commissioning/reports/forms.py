"""The filters of the commissioning reports: what a commissioner can choose, validated."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django import forms
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet

from directory.models import LevelOfNeed, Need, Organisation, ServicePage

from .gaps import DEFAULT_HIGH, DEFAULT_THIN, GapFilters

PERIODS = [("30", "Last 30 days"), ("90", "Last 90 days"), ("365", "Last 365 days")]
DEFAULT_PERIOD = "90"
# Further back than the log can usefully hold; bounds the work a crafted URL can ask for.
MAX_PERIOD_DAYS = 5 * 366


def _needs_with_categories():
    return Need.objects.select_related("parent").order_by(
        "parent__sort_order", "parent__name", "parent_id", "sort_order", "name"
    )


class CompletenessFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation", queryset=Organisation.objects.order_by("name")
    )
    level = django_filters.ModelChoiceFilter(
        label="Level of need",
        field_name="levels",
        queryset=LevelOfNeed.objects.order_by("rank", "pk"),
    )
    need = django_filters.ModelChoiceFilter(
        label="Need (a category includes its needs)",
        queryset=_needs_with_categories(),
        method="filter_need",
    )

    class Meta:
        model = ServicePage
        fields = ["organisation", "level", "need"]

    def filter_need(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(tagged_needs__tag_id__in=value.descendant_ids()).distinct()


class GapReportForm(forms.Form):
    period = forms.ChoiceField(
        label="Period", choices=PERIODS, required=False, initial=DEFAULT_PERIOD
    )
    date_from = forms.DateField(
        label="From (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Dates, when given, take the place of the period.",
    )
    date_to = forms.DateField(
        label="To (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for today.",
    )
    level = forms.ModelChoiceField(
        label="Level of need",
        queryset=LevelOfNeed.objects.order_by("rank", "pk"),
        to_field_name="slug",
        required=False,
        empty_label="Any level",
    )
    category = forms.ModelChoiceField(
        label="Need category",
        queryset=Need.objects.filter(parent__isnull=True).order_by("sort_order", "name"),
        to_field_name="slug",
        required=False,
        empty_label="All needs",
    )
    high = forms.IntegerField(
        label="High demand: at least this many searches",
        min_value=1,
        max_value=1_000_000,
        required=False,
        initial=DEFAULT_HIGH,
    )
    thin = forms.IntegerField(
        label="Thin provision: at most this many services families there can use",
        min_value=0,
        max_value=10_000,
        required=False,
        initial=DEFAULT_THIN,
    )

    show_empty = forms.BooleanField(
        label="Show needs and districts with nothing in them",
        required=False,
        help_text="Rows and columns of zeros are left out unless this is ticked.",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if end and not start and "date_from" not in self.errors:
            self.add_error("date_from", "Give the first day as well as the last.")
        if start and end and start > end:
            self.add_error("date_to", "The last day is before the first day.")
        if start and (end or timezone.localdate()) - start > datetime.timedelta(MAX_PERIOD_DAYS):
            self.add_error("date_from", "Choose a period of five years or less.")
        return data

    def gap_filters(self) -> GapFilters:
        """The report's filters; call only when the form is valid."""
        data = self.cleaned_data
        high = data.get("high")
        thin = data.get("thin")
        options: dict[str, Any] = {
            "level": data.get("level"),
            "category": data.get("category"),
            "high": DEFAULT_HIGH if high is None else high,
            "thin": DEFAULT_THIN if thin is None else thin,
        }
        if data.get("date_from"):
            return GapFilters(
                start=data["date_from"], end=data.get("date_to") or timezone.localdate(), **options
            )
        return GapFilters.last_days(int(data.get("period") or DEFAULT_PERIOD), **options)
