"""Coverage and demand: live services against searches, by need, level of need and district.

Plain data only (no HTML): the view draws it, the CSV export writes it, tests check it.

Rows are needs grouped under their categories. A category's row is the union of its needs: a
service or a search counts once in it however many of its needs it has.

* Supply counts live, public services. By district, a service counts once in each postcode
  district (outward code) it has a location in. Services delivered across the whole area
  (online, phone, home visits, or ticked as area-wide) are available to families everywhere, so
  they count as supply in every district as well; the report keeps the two apart
  (``supply_by_district`` is what is there on the ground, ``area_wide`` what reaches everywhere)
  and ``available`` adds them up.
* Demand counts logged searches in the period, by the district of the postcode searched. A
  search counts toward a need if it filtered by the need (a category filter counts toward the
  category), or if its words named the need as search read them (search.lexicon: the need's
  name, its "words families use" and the synonym list, so "stay and play" counts toward early
  years and "DV" toward domestic abuse); the log keeps the needs named. With a level of need
  chosen, searches that filtered by that level or by no level count.
* A gap is a need in a district with at least ``high`` searches and at most ``thin`` services
  available there, local or across the area (of the chosen level, if any). Gaps are ranked by
  searches for each available service.
* Over time: the period's searches, and those with no results, by day, week or month.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import TruncDate
from django.utils import timezone

from directory.geocoding import InvalidPostcode, normalise_postcode, outward_code
from directory.models import LevelOfNeed, Need, ServiceLocation, ServiceNeed, ServicePage
from directory.wording import counted
from search.lexicon import current_lexicon
from search.models import SearchLog

ACROSS_AREA = "Across the area"
NO_POSTCODE = "No postcode given"
DEFAULT_HIGH = 10
DEFAULT_THIN = 1
UNMATCHED_WORDS_SHOWN = 10


@dataclass(frozen=True)
class GapFilters:
    start: datetime.date  # first day of the period, inclusive
    end: datetime.date  # last day, inclusive
    level: LevelOfNeed | None = None
    category: Need | None = None  # only this category and its needs
    high: int = DEFAULT_HIGH
    thin: int = DEFAULT_THIN

    @classmethod
    def last_days(cls, days: int, **kwargs) -> GapFilters:
        today = timezone.localdate()
        return cls(start=today - datetime.timedelta(days=days - 1), end=today, **kwargs)


@dataclass(frozen=True)
class NeedRow:
    pk: int
    name: str
    slug: str
    category_pk: int | None  # None for a category

    @property
    def is_category(self) -> bool:
        return self.category_pk is None


@dataclass(frozen=True)
class Gap:
    need: NeedRow
    district: str
    searches: int
    zero_results: int
    local_services: int
    area_wide_services: int

    @property
    def available_services(self) -> int:
        return self.local_services + self.area_wide_services

    @property
    def searches_per_service(self) -> float:
        """How far demand outstrips provision: searches for each service available there
        (plus one, so a district with none ranks above one with a single service)."""
        return self.searches / (self.available_services + 1)

    def shortfall(self, level: LevelOfNeed | None = None) -> str:
        """The gap in words: '77 searches, 0 local targeted services, 2 across the area'."""
        kind = f"local {level.name.lower()} service" if level else "local service"
        return (
            f"{counted(self.searches, 'search', 'searches')}, "
            f"{counted(self.local_services, kind)}, {self.area_wide_services} across the area"
        )


@dataclass
class GapReport:
    filters: GapFilters
    needs: list[NeedRow]
    levels: list[LevelOfNeed]
    districts: list[str]
    # (need pk, level pk) -> live services
    supply_by_level: Counter = field(default_factory=Counter)
    # (need pk, district) -> local live services (of the chosen level)
    supply_by_district: Counter = field(default_factory=Counter)
    # need pk -> area-wide live services (of the chosen level)
    area_wide: Counter = field(default_factory=Counter)
    # (need pk, district or "") -> searches / zero-result searches in the period
    searches: Counter = field(default_factory=Counter)
    zero_results: Counter = field(default_factory=Counter)
    total_searches: int = 0
    total_zero_results: int = 0
    searches_without_need: int = 0
    # Most frequent words (as typed, lowercased) that named no need: candidates for synonyms.
    unmatched_words: list[tuple[str, int]] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    # The period's searches over time: (first day of the bucket, searches, with no results).
    over_time: list[tuple[datetime.date, int, int]] = field(default_factory=list)
    _gap_cells: set[tuple[int, str]] | None = field(default=None, repr=False)

    def available(self, need_pk: int, district: str) -> int:
        """Services families in the district can use: local ones and those across the area."""
        return self.supply_by_district[need_pk, district] + self.area_wide[need_pk]

    def is_gap(self, need_pk: int, district: str) -> bool:
        return (need_pk, district) in self.gap_cells

    @property
    def gap_cells(self) -> set[tuple[int, str]]:
        if self._gap_cells is None:
            self._gap_cells = {(gap.need.pk, gap.district) for gap in self.gaps}
        return self._gap_cells

    def rows(self) -> Iterable[dict]:
        """One row per need x district (and 'Across the area'), for the CSV export."""
        gap_cells = self.gap_cells
        for need in self.needs:
            for district in [*self.districts, ""]:
                yield {
                    "category": "" if need.is_category else self._category_name(need),
                    "need": need.name,
                    "need_slug": need.slug,
                    "district": district or ACROSS_AREA,
                    "level": self.filters.level.name if self.filters.level else "Any",
                    "local_services": self.supply_by_district[need.pk, district]
                    if district
                    else "",
                    "area_wide_services": self.area_wide[need.pk],
                    "available_services": self.available(need.pk, district) if district else "",
                    "searches": self.searches[need.pk, district] if district else "",
                    "zero_result_searches": self.zero_results[need.pk, district]
                    if district
                    else "",
                    "highlighted": "yes" if (need.pk, district) in gap_cells else "no",
                }

    def _category_name(self, need: NeedRow) -> str:
        return next((row.name for row in self.needs if row.pk == need.category_pk), "")


def build_gap_report(filters: GapFilters) -> GapReport:
    needs = need_rows(filters.category)
    report = GapReport(
        filters=filters,
        needs=needs,
        levels=list(LevelOfNeed.objects.order_by("rank", "pk")),
        districts=[],
    )
    parents = {row.pk: row.category_pk for row in needs}
    districts: set[str] = set()
    _count_supply(report, parents, districts)
    _count_demand(report, parents, districts)
    report.districts = sorted(districts, key=district_sort_key)
    report.gaps = find_gaps(report)
    report.over_time = searches_over_time(filters)
    return report


def need_rows(category: Need | None = None) -> list[NeedRow]:
    """Categories, each followed by its needs, in the vocabulary's order."""
    needs = list(Need.objects.order_by("sort_order", "name"))
    categories = [need for need in needs if need.parent_id is None]
    if category is not None:
        categories = [need for need in categories if need.pk == category.pk]
    rows: list[NeedRow] = []
    for parent in categories:
        rows.append(NeedRow(parent.pk, parent.name, parent.slug, None))
        rows.extend(
            NeedRow(need.pk, need.name, need.slug, parent.pk)
            for need in needs
            if need.parent_id == parent.pk
        )
    return rows


def _rows_for(need_pks: Iterable[int], parents: dict[int, int | None]) -> set[int]:
    """The report rows a set of needs counts toward: each need and its category (if shown)."""
    rows: set[int] = set()
    for pk in need_pks:
        if pk in parents:
            rows.add(pk)
            parent = parents[pk]
            if parent is not None:
                rows.add(parent)
    return rows


def location_district(postcode: str) -> str:
    """The outward code of a location's postcode, or '' when it is not a postcode."""
    try:
        return outward_code(normalise_postcode(postcode, allow_outward=True))
    except InvalidPostcode:
        return ""


def district_sort_key(district: str) -> tuple:
    """SE3 before SE12: letters, then the district number, then the rest."""
    match = re.match(r"^([A-Z]+)(\d+)(.*)$", district)
    return (match.group(1), int(match.group(2)), match.group(3)) if match else (district, 0, "")


def _count_supply(report: GapReport, parents: dict[int, int | None], districts: set[str]) -> None:
    level = report.filters.level
    services = (
        ServicePage.objects.listed()
        .only(
            "pk",
            "available_across_area",
            "online",
            "by_phone",
            "home_visits",
            "in_person",
            "group_sessions",
        )
        .prefetch_related(
            Prefetch("tagged_needs", queryset=ServiceNeed.objects.only("tag_id", "content_object")),
            Prefetch("levels", queryset=LevelOfNeed.objects.only("pk")),
            Prefetch("locations", queryset=ServiceLocation.objects.only("page_id", "postcode")),
        )
    )
    for service in services:
        service_districts = {
            district
            for location in service.locations.all()
            if (district := location_district(location.postcode))
        }
        # Every district with a service is a column, whatever the need or level: a zero is news.
        districts |= service_districts
        rows = _rows_for((tagged.tag_id for tagged in service.tagged_needs.all()), parents)
        if not rows:
            continue
        level_pks = {item.pk for item in service.levels.all()}
        for row in rows:
            for level_pk in level_pks:
                report.supply_by_level[row, level_pk] += 1
        if level is not None and level.pk not in level_pks:
            continue
        if service.is_area_wide:
            for row in rows:
                report.area_wide[row] += 1
            continue
        for row in rows:
            for district in service_districts:
                report.supply_by_district[row, district] += 1


def _period(filters: GapFilters) -> Q:
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(filters.start, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        filters.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return Q(created_at__gte=start, created_at__lt=end)


def _counts_at_level(chosen_levels: Any, level: LevelOfNeed | None) -> bool:
    """With a level chosen, a search counts if it chose that level or chose none."""
    if level is None or not chosen_levels:
        return True
    if isinstance(chosen_levels, str):
        chosen_levels = [chosen_levels]
    return level.slug in chosen_levels


def needs_named_by_words(
    search: Mapping[str, Any], by_slug: dict[str, int], lexicon: Any
) -> set[int]:
    """The needs a logged search's words named: as search read them when it ran (search.log
    keeps them) or, for rows logged before that was kept, as search reads them now. The one
    place where words become needs."""
    words = search["q"]
    slugs = search["named_needs"] or (
        [named.term.slug for named in lexicon.read(words).needs] if words else []
    )
    return {by_slug[slug] for slug in slugs if slug in by_slug}


def _count_demand(report: GapReport, parents: dict[int, int | None], districts: set[str]) -> None:
    """Searches in the period per (need, district): the needs each filtered by, and those its
    words named (needs_named_by_words)."""
    by_slug = dict(Need.objects.values_list("slug", "pk"))
    lexicon = current_lexicon()
    # Distinct searches first: the word analysis then runs once per distinct wording.
    grouped = (
        SearchLog.objects.filter(_period(report.filters))
        .order_by()
        .values(
            "q",
            "postcode_district",
            "needs",
            "named_needs",
            levels=KeyTransform("level", "params"),
        )
        .annotate(count=Count("pk"), zero=Count("pk", filter=Q(result_count=0)))
    )
    unmatched: Counter = Counter()
    for group in grouped:
        district = (group["postcode_district"] or "").upper()
        if district:
            districts.add(district)
        if not _counts_at_level(group["levels"], report.filters.level):
            continue
        count, zero = group["count"], group["zero"]
        report.total_searches += count
        report.total_zero_results += zero
        group["q"] = " ".join(group["q"].lower().split())
        chosen = {by_slug[slug] for slug in (group["needs"] or []) if slug in by_slug}
        named = needs_named_by_words(group, by_slug, lexicon)
        if not (chosen or named):
            report.searches_without_need += count
        if group["q"] and not named:
            unmatched[group["q"]] += count
        for row in _rows_for(chosen | named, parents):
            report.searches[row, district] += count
            report.zero_results[row, district] += zero
    report.unmatched_words = unmatched.most_common(UNMATCHED_WORDS_SHOWN)


def trend_bucket(period_days: int) -> str:
    """Days for a month or less, weeks up to half a year, months beyond."""
    return "day" if period_days <= 31 else "week" if period_days <= 186 else "month"


def bucket_start(day: datetime.date, bucket: str) -> datetime.date:
    if bucket == "week":
        return day - datetime.timedelta(days=day.weekday())  # Monday
    if bucket == "month":
        return day.replace(day=1)
    return day


def searches_over_time(filters: GapFilters) -> list[tuple[datetime.date, int, int]]:
    """(first day, searches, searches with no results) for each day, week or month of the
    period, empty ones included; the same searches the report's totals count."""
    bucket = trend_bucket((filters.end - filters.start).days + 1)
    counts: dict[datetime.date, list[int]] = {}
    day = filters.start
    while day <= filters.end:
        counts.setdefault(bucket_start(day, bucket), [0, 0])
        day += datetime.timedelta(days=1)
    rows = (
        SearchLog.objects.filter(_period(filters))
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("day", levels=KeyTransform("level", "params"))
        .annotate(count=Count("pk"), zero=Count("pk", filter=Q(result_count=0)))
    )
    for row in rows:
        if _counts_at_level(row["levels"], filters.level):
            totals = counts[bucket_start(row["day"], bucket)]
            totals[0] += row["count"]
            totals[1] += row["zero"]
    return [(start, searches, zero) for start, (searches, zero) in sorted(counts.items())]


def find_gaps(report: GapReport) -> list[Gap]:
    """Need x district cells where searches >= high and the services available there (local
    and across the area) <= thin, most searches for each available service first."""
    filters = report.filters
    gaps = [
        Gap(
            need=need,
            district=district,
            searches=report.searches[need.pk, district],
            zero_results=report.zero_results[need.pk, district],
            local_services=report.supply_by_district[need.pk, district],
            area_wide_services=report.area_wide[need.pk],
        )
        for need in report.needs
        if not need.is_category
        for district in report.districts
        if report.searches[need.pk, district] >= filters.high
        and report.available(need.pk, district) <= filters.thin
    ]
    order = {need.pk: position for position, need in enumerate(report.needs)}
    gaps.sort(
        key=lambda gap: (
            -gap.searches_per_service,
            -gap.zero_results,
            -gap.searches,
            order[gap.need.pk],
            district_sort_key(gap.district),
        )
    )
    return gaps
