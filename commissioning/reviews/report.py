"""The "Reviews due" report: services overdue or coming up for review, most overdue first.

Commissioners filter it by organisation, level of need and need, export it as CSV or XLSX
(Wagtail's ReportView does both), and confirm a listing "still accurate" from its row.
"""

from __future__ import annotations

import datetime
from collections import OrderedDict
from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from directory.models import LevelOfNeed, Need, Organisation, ServiceNeed, ServicePage
from directory.models.reviews import due_days_before
from directory.safe_export import FormulaSafeExportMixin

from .reminders import edit_url
from .scope import reviewable_services
from .stages import days_overdue, stage_on

PERMISSION = "directory.view_commissioning_reports"


def _date(value: datetime.date | None, empty: str) -> str:
    return f"{value.day} {value:%B %Y}" if value else empty


def stage_label(page: ServicePage, today: datetime.date) -> str:
    stage = stage_on(page.review_due, today)
    return stage.label if stage else "Not due yet"


def overdue_label(page: ServicePage, today: datetime.date) -> str:
    """How late, in words a table cell can hold: never colour alone."""
    days = days_overdue(page.review_due, today)
    if days is None:
        return "Never reviewed"
    if days > 0:
        return f"{days} days" if days != 1 else "1 day"
    return "Due today" if days == 0 else f"Due in {-days} days"


class ReviewsFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Review status",
        choices=[("overdue", "Overdue"), ("due", "Due soon (not yet overdue)"), ("all", "All")],
        empty_label="Overdue or due soon",
        method="filter_status",
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation", queryset=Organisation.objects.order_by("name")
    )
    level = django_filters.ModelChoiceFilter(
        label="Level of need", field_name="levels", queryset=LevelOfNeed.objects.order_by("rank")
    )
    need = django_filters.ModelChoiceFilter(
        label="Need",
        queryset=Need.objects.select_related("parent").order_by(
            F("parent__sort_order").asc(nulls_first=True), "parent__name", "sort_order", "name"
        ),
        method="filter_need",
    )

    class Meta:
        model = ServicePage
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The default (no choice) is applied by the view, so it holds even for bad input.
        return queryset

    def filter_need(self, queryset: QuerySet, name: str, value: Need) -> QuerySet:
        # A category finds the services tagged with any of its needs.
        tagged = ServiceNeed.objects.filter(tag__in=value.descendant_ids())
        return queryset.filter(pk__in=tagged.values("content_object_id"))


def window(status: str, today: datetime.date) -> Q:
    """Which services the status choice shows."""
    overdue = Q(review_due__isnull=True) | Q(review_due__lt=today)
    soon = Q(review_due__gte=today, review_due__lte=today + datetime.timedelta(due_days_before()))
    return {"overdue": overdue, "due": soon, "all": Q()}.get(status, overdue | soon)


class StillAccurateColumn(Column):
    """A real form per row (works without JavaScript), shown to people who may edit it."""

    cell_template_name = "commissioning/reviews/still_accurate_cell.html"

    def __init__(self, name: str, next_url: str, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.next_url = next_url

    def get_cell_context_data(self, instance: ServicePage, parent_context: Any) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context.update(
            can_edit=instance.permissions_for_user(request.user).can_edit(),
            action=reverse("directory_reviews:confirm", args=[instance.pk]),
            next_url=self.next_url,
            csrf_token=get_token(request),
        )
        return context


class ReviewsDueView(FormulaSafeExportMixin, ReportView):
    page_title = "Reviews due"
    header_icon = "time"
    template_name = "commissioning/reviews/report.html"
    filterset_class = ReviewsFilterSet
    index_url_name = "directory_reviews:report"
    index_results_url_name = "directory_reviews:report_results"
    export_filename = "reviews-due"
    model = ServicePage
    list_export = [
        "title",
        "organisation",
        "status",
        "last_reviewed",
        "review_due",
        "days_overdue",
        "stage",
        "edit_url",
    ]
    export_headings = {
        "title": "Service",
        "organisation": "Organisation",
        "status": "Published",
        "last_reviewed": "Last reviewed",
        "review_due": "Review due",
        "days_overdue": "Days overdue",
        "stage": "Stage",
        "edit_url": "Edit link",
    }

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def due_days(self) -> int:
        return due_days_before()

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate()

    @cached_property
    def columns(self) -> list[Column]:
        today = self.today
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        back_here = self.index_url + (f"?{query.urlencode()}" if query else "")
        return [
            TitleColumn("title", label="Service", get_url=edit_url_path),
            Column("organisation", label="Organisation", accessor="organisation.name"),
            Column("live", label="Status", accessor=lambda page: "Live" if page.live else "Draft"),
            Column(
                "last_reviewed",
                label="Last reviewed",
                accessor=lambda page: _date(page.last_reviewed, "Never"),
            ),
            Column(
                "review_due",
                label="Review due",
                accessor=lambda page: _date(page.review_due, "Now (never reviewed)"),
            ),
            Column(
                "days_overdue",
                label="Days overdue",
                accessor=lambda page: overdue_label(page, today),
            ),
            Column("stage", label="Stage", accessor=lambda page: stage_label(page, today)),
            StillAccurateColumn("still_accurate", label="Action", next_url=back_here),
        ]

    def get_table_kwargs(self) -> dict[str, Any]:
        return {**super().get_table_kwargs(), "caption": "Services due or overdue for review"}

    def get_base_queryset(self) -> QuerySet[ServicePage]:
        return (
            reviewable_services(live_only=False)
            .select_related("organisation")
            .order_by(F("review_due").asc(nulls_first=True), "title", "pk")
        )

    def filter_queryset(self, queryset: QuerySet[ServicePage]) -> QuerySet[ServicePage]:
        queryset = super().filter_queryset(queryset)
        status = ""
        if self.filters and self.filters.is_valid():
            status = self.filters.form.cleaned_data.get("status") or ""
        return queryset.filter(window(status, self.today))

    def to_row_dict(self, item: ServicePage) -> OrderedDict:
        days = days_overdue(item.review_due, self.today)
        values = {
            "title": item.title,
            "organisation": item.organisation.name if item.organisation else "",
            "status": "yes" if item.live else "no (draft)",
            "last_reviewed": item.last_reviewed,
            "review_due": item.review_due,
            "days_overdue": "never reviewed" if days is None else max(days, 0),
            "stage": stage_label(item, self.today),
            "edit_url": edit_url(item),
        }
        return OrderedDict((field, values[field]) for field in self.list_export)


def edit_url_path(page: ServicePage) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
