"""The admin's queue of problems reported with services' pages.

Wagtail's model viewset: the list (newest first, filter by open or closed and by what is wrong),
and, in place of an edit form, "Close this report": what was done, and optionally a review
recorded on the service ("still accurate" once corrected). Closing deletes the reply address.
Provider accounts see and close only their own organisations' services' reports.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView, IndexView, UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from directory.models import ProblemReport
from directory.providers.visibility import hidden_services

from ..reviews.actions import record_review


def visible_reports(user: Any) -> QuerySet[ProblemReport]:
    """The reports this user may see: all but those on services hidden from them (another
    organisation's, for a provider account)."""
    reports = ProblemReport.objects.select_related("service", "service__organisation")
    hidden = hidden_services(user)
    if hidden is not None:
        reports = reports.exclude(service__in=hidden.values("pk"))
    return reports


class OnlyVisibleReports:
    """For the queue's views of one report: a report the user may not see answers 404, as the
    services it is about do (directory.providers.visibility)."""

    request: Any

    def get_queryset(self) -> QuerySet[ProblemReport]:  # edit and delete
        return visible_reports(self.request.user)

    def get_base_object_queryset(self) -> QuerySet[ProblemReport]:  # history and usage
        return visible_reports(self.request.user)


class ProblemReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=ProblemReport.Status.choices, empty_label="Open or closed"
    )
    kind = django_filters.ChoiceFilter(
        label="What is wrong", choices=ProblemReport.Kind.choices, empty_label="Anything"
    )

    class Meta:
        model = ProblemReport
        fields: list[str] = []


class ProblemReportIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet[ProblemReport]:
        return visible_reports(self.request.user)


class CloseReportForm(WagtailAdminModelForm):
    record_review = forms.BooleanField(
        label="The listing is now correct: record a review of it today",
        required=False,
        help_text="As 'Still accurate' does: the listing's review date becomes today.",
    )

    class Meta:
        model = ProblemReport
        fields = ["closing_note"]
        widgets = {"closing_note": forms.Textarea(attrs={"rows": 3})}


class CloseReportView(OnlyVisibleReports, EditView):
    """'Close this report', in place of an edit form."""

    template_name = "commissioning/problem_reports/close.html"
    page_title = "Close this report"
    success_message = "Problem report closed: %(object)s."

    def save_instance(self) -> ProblemReport:
        report = self.form.instance
        report.close(self.request.user, self.form.cleaned_data["closing_note"].strip())
        service = report.service.specific
        self.reviewed = bool(
            self.form.cleaned_data["record_review"]
            and service.permissions_for_user(self.request.user).can_edit()
        )
        if self.reviewed:
            record_review(service, self.request.user)
        return report

    def get_success_message(self) -> str:
        message = super().get_success_message()
        if self.reviewed:
            message += f" '{self.object.service.title}' is recorded as reviewed today."
        return message

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.object = self.get_object()
        if self.object.status == ProblemReport.Status.CLOSED:
            return self.get(request, *args, **kwargs)  # already closed: nothing to change
        return super().post(request, *args, **kwargs)


class ReportDeleteView(OnlyVisibleReports, DeleteView):
    pass


class ReportHistoryView(OnlyVisibleReports, HistoryView):
    pass


class ReportUsageView(OnlyVisibleReports, UsageView):
    pass


def _reply_wanted(report: ProblemReport) -> str:
    return "Yes" if report.reply_email else ""


class ProblemReportViewSet(ModelViewSet):
    model = ProblemReport
    name = "problem_reports"
    url_prefix = "problem-reports"
    icon = "warning"
    menu_label = "Problem reports"
    menu_order = 160
    add_to_admin_menu = True
    index_view_class = ProblemReportIndexView
    edit_view_class = CloseReportView
    delete_view_class = ReportDeleteView
    history_view_class = ReportHistoryView
    usage_view_class = ReportUsageView
    edit_handler = ObjectList(
        [FieldPanel("closing_note"), FieldPanel("record_review")],
        base_form_class=CloseReportForm,
    )
    filterset_class = ProblemReportFilterSet
    search_fields = ["details", "service__title"]
    search_backend_name = None  # the database's own search: the queue is small
    list_per_page = 50
    list_display = [
        TitleColumn(
            "service",
            label="Service",
            accessor="service.title",
            url_name="problem_reports:edit",
        ),
        Column("organisation", label="Organisation", accessor="service.organisation"),
        Column("kind", label="What is wrong", accessor="get_kind_display"),
        DateColumn("created_at", label="Reported", sort_key="created_at"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        Column("reply", label="Reply wanted", accessor=_reply_wanted),
    ]


def register_problem_reports() -> ProblemReportViewSet:
    return ProblemReportViewSet()
