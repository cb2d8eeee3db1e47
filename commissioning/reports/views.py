"""The commissioning reports' admin views: listing completeness, and coverage and demand."""

from __future__ import annotations

import csv
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.views import View
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from directory.safe_export import FormulaSafeExportMixin, neutralise

from .completeness import CRITERIA, scored_services, services_to_score
from .forms import CompletenessFilterSet, GapReportForm
from .gaps import ACROSS_AREA, NO_POSTCODE, GapReport, build_gap_report, trend_bucket
from .heatmap import (
    HeatCell,
    HeatRow,
    HeatTable,
    Scale,
    fold_empty_columns,
    fold_empty_rows,
)
from .trend import bucket_words, trend_svg

PERMISSION = "directory.view_commissioning_reports"


class CommissioningReportMixin(View):
    """Only people with the commissioning reports permission see these reports."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# -- listing completeness --------------------------------------------------------------------


class MissingColumn(Column):
    cell_template_name = "commissioning/reports/missing_cell.html"


class CompletenessReportView(CommissioningReportMixin, FormulaSafeExportMixin, ReportView):
    page_title = "Listing completeness"
    header_icon = "clipboard-list"
    results_template_name = "commissioning/reports/completeness_results.html"
    index_url_name = "directory_reports:completeness"
    index_results_url_name = "directory_reports:completeness_results"
    filterset_class = CompletenessFilterSet
    paginate_by = 50
    export_filename = "listing-completeness"
    columns = [
        TitleColumn(
            "title",
            label="Service",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("organisation", label="Organisation"),
        Column("completeness.score", label="Score (of 100)"),
        MissingColumn("completeness.missing", label="Missing"),
        Column("completeness.readability", label="Summary readability"),
    ]
    list_export = [
        "title",
        "organisation.name",
        "completeness.score",
        "completeness.missing_text",
        "completeness.readability.score",
        "completeness.readability.label",
        "pk",
    ]
    export_headings = {
        "title": "Service",
        "organisation.name": "Organisation",
        "completeness.score": "Score (of 100)",
        "completeness.missing_text": "Missing",
        "completeness.readability.score": "Summary reading ease (Flesch, 0-100)",
        "completeness.readability.label": "Summary readability",
        "pk": "Page id",
    }

    def get_queryset(self):
        return services_to_score()

    def get_filtered_queryset(self) -> list:
        # Scores are computed in Python, so the worst-first order is too: every filtered
        # service is scored (a fixed number of queries), then the list is paginated.
        return scored_services(self.filter_queryset(self.get_queryset()))

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        context["criteria"] = CRITERIA
        return context

    def get_table_kwargs(self) -> dict[str, Any]:
        return {**super().get_table_kwargs(), "caption": "Live services, least complete first"}


# -- coverage and demand ---------------------------------------------------------------------


def _search_url(need_slug: str, district: str, level_slug: str) -> str:
    params = {"need": need_slug, "postcode": district}
    if level_slug:
        params["level"] = level_slug
    return f"{reverse('search')}?{urlencode(params)}"


def _plural(count: int, word: str, words: str = "") -> str:
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def _rows(report: GapReport, columns: list, cell_for) -> list[HeatRow]:
    return [
        HeatRow(need.name, need.is_category, [cell_for(need, column) for column in columns])
        for need in report.needs
    ]


def heat_tables(report: GapReport, *, show_empty: bool) -> dict[str, Any]:
    """The report's three tables: services by level, services by district (local and
    area-wide together, as families can use them) and searches by district. One colour scale
    for services, one for searches."""
    level = report.filters.level
    level_words = f" ({level.name})" if level else ""
    districts = report.districts

    def by_level_value(need, level_item) -> int:
        return report.supply_by_level[need.pk, level_item.pk]

    def services_value(need, district) -> int:
        if district == ACROSS_AREA:
            return report.area_wide[need.pk]
        return report.available(need.pk, district)

    def searches_value(need, district) -> int:
        return report.searches[need.pk, "" if district == NO_POSTCODE else district]

    services = Scale.over(
        "services",
        [by_level_value(n, item) for n in report.needs for item in report.levels]
        + [services_value(n, d) for n in report.needs for d in [*districts, ACROSS_AREA]],
    )
    searches = Scale.over(
        "searches", [searches_value(n, d) for n in report.needs for d in [*districts, NO_POSTCODE]]
    )

    def by_level(need, level_item) -> HeatCell:
        value = by_level_value(need, level_item)
        words = f"{need.name}, {level_item.name}: {_plural(value, 'live service')}"
        return HeatCell(value, services.step(value), words)

    def by_district(need, district) -> HeatCell:
        value = services_value(need, district)
        if district == ACROSS_AREA:
            words = f"{need.name}{level_words}: {_plural(value, 'service')} across the whole area"
            return HeatCell(value, services.step(value), words)
        local, area_wide = report.supply_by_district[need.pk, district], report.area_wide[need.pk]
        gap = report.is_gap(need.pk, district)
        words = (
            f"{need.name} in {district}{level_words}: {_plural(value, 'service')} families "
            f"can use, {local} in {district} and {area_wide} across the whole area"
        )
        if gap:
            words += f". Gap: {_plural(report.searches[need.pk, district], 'search', 'searches')}"
        detail = f"{local} here" if area_wide else ""
        return HeatCell(value, services.step(value), words, detail, gap)

    def demand(need, district) -> HeatCell:
        key = "" if district == NO_POSTCODE else district
        value, zero = report.searches[need.pk, key], report.zero_results[need.pk, key]
        where = "with no postcode" if not key else f"in {district}"
        words = (
            f"{need.name} {where}: {_plural(value, 'search', 'searches')}, {zero} with no results"
        )
        gap = bool(key) and report.is_gap(need.pk, key)
        if gap:
            words += f". Gap: {_plural(report.available(need.pk, key), 'service')} there"
        detail = f"{zero} no results" if zero else ""
        return HeatCell(value, searches.step(value), words, detail, gap)

    tables = [
        HeatTable(
            "supply-level",
            "Services by need and level of need",
            services,
            [item.name for item in report.levels],
            _rows(report, report.levels, by_level),
        ),
        HeatTable(
            "supply-district",
            f"Services families can use, by need and postcode district{level_words}",
            services,
            [*districts, ACROSS_AREA],
            _rows(report, [*districts, ACROSS_AREA], by_district),
        ),
        HeatTable(
            "demand-district",
            f"Searches by need and postcode district{level_words}",
            searches,
            [*districts, NO_POSTCODE],
            _rows(report, [*districts, NO_POSTCODE], demand),
        ),
    ]
    if not show_empty:
        fold_empty_rows(tables)
        fold_empty_columns(tables[1:2])  # a district with no services families can use
        fold_empty_columns(tables[2:])  # a district no one searched from
    return {"tables": tables, "services_scale": services, "searches_scale": searches}


def trend(report: GapReport) -> dict[str, Any]:
    """The searches-over-time chart and its table."""
    filters = report.filters
    bucket = trend_bucket((filters.end - filters.start).days + 1)
    title = f"Searches each {bucket}, and those with no results"
    return {
        "title": title,
        "svg": trend_svg(report.over_time, bucket, title=title),
        "rows": [
            (bucket_words(start, bucket), searches, zero)
            for start, searches, zero in report.over_time
        ],
        "bucket": bucket,
    }


def gap_report_form(query: QueryDict) -> GapReportForm:
    """The form bound to the request, with the defaults in place of anything left blank, so
    the page shows the filters it used."""
    data = query.copy()
    for name, field in GapReportForm.base_fields.items():
        if not data.get(name) and field.initial is not None:
            data[name] = str(field.initial)
    return GapReportForm(data)


class GapReportView(CommissioningReportMixin, WagtailAdminTemplateMixin, View):
    page_title = "Coverage and demand"
    header_icon = "table"
    template_name = "commissioning/reports/gaps.html"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request: HttpRequest) -> HttpResponse:
        form = gap_report_form(request.GET)
        if not form.is_valid():
            context = self.get_context_data(form=form)
            return render(request, self.template_name, context, status=400)
        report = build_gap_report(form.gap_filters())
        level = report.filters.level
        gaps = [
            {
                "gap": gap,
                "shortfall": gap.shortfall(level),
                "search_url": _search_url(gap.need.slug, gap.district, level.slug if level else ""),
            }
            for gap in report.gaps
        ]
        show_empty = form.cleaned_data.get("show_empty", False)
        toggled = request.GET.copy()
        if show_empty:
            toggled.pop("show_empty", None)
        else:
            toggled["show_empty"] = "on"
        context = self.get_context_data(
            form=form,
            report=report,
            **heat_tables(report, show_empty=show_empty),
            show_empty=show_empty,
            toggle_empty_url=f"?{toggled.urlencode()}",
            trend=trend(report),
            gaps=gaps,
            gaps_caption=(
                f"{_plural(len(gaps), 'gap')}, worst first: most searches for each service "
                "families there can use" + (", the first 10" if len(gaps) > 10 else "")
            ),
            period=f"{date_format(report.filters.start)} to {date_format(report.filters.end)}",
            csv_url=f"{reverse('directory_reports:gaps_csv')}?{request.GET.urlencode()}",
        )
        return render(request, self.template_name, context)


CSV_COLUMNS = [
    ("category", "Category"),
    ("need", "Need"),
    ("need_slug", "Need slug"),
    ("district", "Postcode district"),
    ("level", "Level of need"),
    ("local_services", "Local services"),
    ("area_wide_services", "Services across the area"),
    ("available_services", "Services families there can use (local and across the area)"),
    ("searches", "Searches"),
    ("zero_result_searches", "Searches with no results"),
    ("highlighted", "Gap (demand high, provision thin)"),
]


class _Echo:
    def write(self, value: str) -> str:
        return value


class GapReportCsvView(CommissioningReportMixin, View):
    """The gap data as CSV: one row per need and district (and 'Across the area')."""

    def get(self, request: HttpRequest) -> HttpResponse:
        form = gap_report_form(request.GET)
        if not form.is_valid():
            problems = "\n".join(
                f"{form.fields[name].label if name in form.fields else name}: {message}"
                for name, messages in form.errors.items()
                for message in messages
            )
            return HttpResponse(
                f"The report's filters need correcting:\n{problems}\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        report = build_gap_report(form.gap_filters())
        filters = report.filters
        writer = csv.writer(_Echo())
        lines = [writer.writerow([heading for _, heading in CSV_COLUMNS])]
        lines.extend(
            writer.writerow([neutralise(row[key]) for key, _ in CSV_COLUMNS])
            for row in report.rows()
        )
        response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
        filename = f"coverage-and-demand-{filters.start:%Y-%m-%d}-to-{filters.end:%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
