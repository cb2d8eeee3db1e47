"""The commissioning reports' admin views: listing completeness, and coverage and demand."""

from __future__ import annotations

import csv
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.views import View
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from ..spreadsheets.safe_export import FormulaSafeExportMixin
from ..spreadsheets.writing import neutralise
from .completeness import CRITERIA, scored_services, services_to_score
from .forms import CompletenessFilterSet, GapReportForm
from .gaps import ACROSS_AREA, NO_POSTCODE, GapReport, build_gap_report
from .heatmap import Cell, heatmap_svg, legend_svg, scale_maximum

PERMISSION = "directory.view_commissioning_reports"


class CommissioningReportMixin:
    """Only people with the commissioning reports permission see these reports."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# -- listing completeness --------------------------------------------------------------------


class MissingColumn(Column):
    cell_template_name = "directory/reports/missing_cell.html"


class CompletenessReportView(CommissioningReportMixin, FormulaSafeExportMixin, ReportView):
    page_title = "Listing completeness"
    header_icon = "clipboard-list"
    results_template_name = "directory/reports/completeness_results.html"
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _matrix(
    report: GapReport, columns: list, cell_for
) -> tuple[list[dict[str, Any]], list[list[Cell]]]:
    rows, cells = [], []
    for need in report.needs:
        row_cells = [cell_for(need, column) for column in columns]
        cells.append(row_cells)
        rows.append({"need": need, "cells": row_cells})
    return rows, cells


def heatmaps(report: GapReport) -> list[dict[str, Any]]:
    """The three heatmaps of the report, each with the table that is its text alternative."""
    level = report.filters.level
    level_words = f" ({level.name})" if level else ""
    bold = frozenset(index for index, need in enumerate(report.needs) if need.is_category)
    labels = [need.name for need in report.needs]

    def by_level(need, level_item) -> Cell:
        value = report.supply_by_level[need.pk, level_item.pk]
        return Cell(value, f"{need.name}, {level_item.name}: {_plural(value, 'live service')}")

    def by_district(need, district) -> Cell:
        if district == ACROSS_AREA:
            value = report.area_wide[need.pk]
            return Cell(value, f"{need.name}{level_words}: {value} across the whole area")
        value = report.supply_by_district[need.pk, district]
        gap = report.is_gap(need.pk, district)
        title = f"{need.name} in {district}{level_words}: {_plural(value, 'local service')}"
        if gap:
            title += f". Gap: {_plural(report.searches[need.pk, district], 'search')}"
        return Cell(value, title, gap)

    def demand(need, district) -> Cell:
        key = "" if district == NO_POSTCODE else district
        value, zero = report.searches[need.pk, key], report.zero_results[need.pk, key]
        where = "with no postcode" if not key else f"in {district}"
        title = f"{need.name} {where}: {_plural(value, 'search')}, {zero} with no results"
        gap = bool(key) and report.is_gap(need.pk, key)
        if gap:
            title += ". Gap: thin local provision"
        return Cell(value, title, gap, f"{zero} with no results" if zero else "")

    supply_columns = [*report.districts, ACROSS_AREA]
    demand_columns = [*report.districts, NO_POSTCODE]
    specs = [
        (
            "supply-level",
            "Live services by need and level of need",
            report.levels,
            [item.name for item in report.levels],
            by_level,
            False,
        ),
        (
            "supply-district",
            f"Live services by need and postcode district{level_words}",
            supply_columns,
            supply_columns,
            by_district,
            True,
        ),
        (
            "demand-district",
            f"Searches by need and postcode district{level_words}",
            demand_columns,
            demand_columns,
            demand,
            True,
        ),
    ]
    maps = []
    for slug, title, keys, columns, cell_for, highlights in specs:
        rows, cells = _matrix(report, keys, cell_for)
        # The district maps' last column is a total of another kind, on its own scale.
        own_scale = frozenset({len(columns) - 1}) if highlights else frozenset()
        maximum = scale_maximum(cells, own_scale)
        maps.append(
            {
                "slug": slug,
                "title": title,
                "columns": columns,
                "rows": rows,
                "svg": heatmap_svg(
                    label=f"Heatmap: {title}. The same numbers are in the table after it.",
                    row_labels=labels,
                    column_labels=columns,
                    cells=cells,
                    bold_rows=bold,
                    own_scale_columns=own_scale,
                ),
                "own_scale_column": columns[-1] if own_scale else "",
                "legend": legend_svg(maximum, with_highlight=highlights),
            }
        )
    return maps


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
    template_name = "directory/reports/gaps.html"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request: HttpRequest) -> HttpResponse:
        form = gap_report_form(request.GET)
        if not form.is_valid():
            context = self.get_context_data(form=form)
            return render(request, self.template_name, context, status=400)
        report = build_gap_report(form.gap_filters())
        level_slug = report.filters.level.slug if report.filters.level else ""
        gaps = [
            {"gap": gap, "search_url": _search_url(gap.need.slug, gap.district, level_slug)}
            for gap in report.gaps
        ]
        params = request.GET.copy()
        context = self.get_context_data(
            form=form,
            report=report,
            heatmaps=heatmaps(report),
            gaps=gaps,
            period=f"{date_format(report.filters.start)} to {date_format(report.filters.end)}",
            csv_url=f"{reverse('directory_reports:gaps_csv')}?{params.urlencode()}",
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
