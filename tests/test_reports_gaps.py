"""The coverage and demand report: supply and demand numbers on known data, gaps, export."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from commissioning.reports.gaps import GapFilters, build_gap_report
from directory.models import LevelOfNeed, Need
from directory.site_setup import EDITORS, PROVIDERS
from search.models import SearchLog, Synonym

URL = "/admin/commissioning-reports/coverage-and-demand/"
CSV_URL = URL + "export.csv"


def log_searches(
    count: int,
    *,
    q: str = "",
    district: str = "",
    needs: tuple[str, ...] = (),
    levels: tuple[str, ...] = (),
    zero: bool = False,
    days_ago: int = 1,
) -> None:
    """``count`` logged searches, as search.log.record_search writes them, ``days_ago``."""
    params: dict = {"need": list(needs)} if needs else {}
    if levels:
        params["level"] = list(levels)
    rows = SearchLog.objects.bulk_create(
        SearchLog(
            q=q,
            postcode_district=district,
            needs=list(needs),
            params=params,
            result_count=0 if zero else 3,
            match="all" if q else "",
            engine="database",
            duration_ms=5,
        )
        for _ in range(count)
    )
    SearchLog.objects.filter(pk__in=[row.pk for row in rows]).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


@pytest.fixture
def known_data(make_service, postcodes) -> dict[str, Need]:
    """Four live domestic abuse / parenting services, a draft, and a known search log."""
    make_service(
        title="Targeted abuse group",
        needs=["Domestic abuse"],
        levels=["targeted"],
        locations=[{"name": "Catford hall", "postcode": "SE6 4RU"}],
    )
    make_service(
        title="Abuse drop-in",
        needs=["Domestic abuse"],
        levels=["universal-plus"],
        locations=[
            {"name": "Lewisham hub", "postcode": "SE13 6LH"},
            {"name": "Lewisham library", "postcode": "SE13 5AB"},
            {"name": "Brockley hall", "postcode": "SE4 1UA"},
        ],
    )
    make_service(
        title="Abuse helpline",
        needs=["Domestic abuse"],
        levels=["targeted"],
        in_person=False,
        by_phone=True,
    )
    make_service(
        title="Parenting course",
        needs=["Parenting programmes"],
        levels=["universal"],
        locations=[{"name": "Lewisham hub", "postcode": "SE13 6LH"}],
    )
    make_service(
        title="Draft abuse service",
        needs=["Domestic abuse"],
        levels=["targeted"],
        locations=[{"name": "Catford hall", "postcode": "SE6 4RU"}],
        publish=False,
    )
    Synonym.objects.create(terms="coercive control, domestic abuse")

    log_searches(12, district="SE13", needs=("domestic-abuse",))
    log_searches(3, q="Coercive control", district="SE13", zero=True)  # through a synonym
    log_searches(2, q="domestic abuse help", district="SE13")  # the need's name in the words
    log_searches(5, q="help with parenting programmes", district="SE6")
    log_searches(4, district="SE6", needs=("staying-safe",))  # the category only
    log_searches(2, district="SE6", needs=("domestic-abuse",), levels=("universal",))
    log_searches(3, district="SE6", needs=("domestic-abuse",), levels=("targeted",))
    log_searches(1, q="domestic abuse", district="")  # no postcode
    log_searches(7, district="SE13", needs=("domestic-abuse",), days_ago=200)  # too old
    log_searches(2, q="stay and play", district="SE4")  # names early years by its words
    log_searches(1, q="zorbing", district="SE4")  # names no need
    return {
        "abuse": Need.objects.get(name="Domestic abuse"),
        "safe": Need.objects.get(name="Staying safe"),
        "parenting": Need.objects.get(name="Parenting programmes"),
        "family": Need.objects.get(name="Parenting and family relationships"),
    }


def _level(slug: str) -> LevelOfNeed:
    return LevelOfNeed.objects.get(slug=slug)


# -- the numbers -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_supply_by_need_and_level(known_data) -> None:
    report = build_gap_report(GapFilters.last_days(90))
    abuse, safe, parenting = known_data["abuse"], known_data["safe"], known_data["parenting"]
    assert report.supply_by_level[abuse.pk, _level("targeted").pk] == 2  # group and helpline
    assert report.supply_by_level[abuse.pk, _level("universal-plus").pk] == 1
    assert report.supply_by_level[abuse.pk, _level("specialist").pk] == 0
    assert report.supply_by_level[safe.pk, _level("targeted").pk] == 2  # its needs' union
    assert report.supply_by_level[parenting.pk, _level("universal").pk] == 1
    assert [level.slug for level in report.levels] == [
        "universal",
        "universal-plus",
        "targeted",
        "specialist",
    ]


@pytest.mark.django_db
def test_supply_by_district_counts_each_service_once_and_area_wide_apart(known_data) -> None:
    abuse = known_data["abuse"]
    report = build_gap_report(GapFilters.last_days(90))
    assert report.districts == ["SE4", "SE6", "SE13"]
    # The drop-in has two SE13 locations: one service there. The draft is not counted.
    assert report.supply_by_district[abuse.pk, "SE13"] == 1
    assert report.supply_by_district[abuse.pk, "SE6"] == 1
    assert report.supply_by_district[abuse.pk, "SE4"] == 1
    # The helpline is by phone: across the area, not added into any district.
    assert report.area_wide[abuse.pk] == 1

    targeted = build_gap_report(GapFilters.last_days(90, level=_level("targeted")))
    assert targeted.supply_by_district[abuse.pk, "SE13"] == 0
    assert targeted.supply_by_district[abuse.pk, "SE6"] == 1
    assert targeted.area_wide[abuse.pk] == 1
    universal = build_gap_report(GapFilters.last_days(90, level=_level("universal")))
    assert universal.area_wide[abuse.pk] == 0


@pytest.mark.django_db
def test_demand_from_filters_words_and_synonyms(known_data) -> None:
    abuse, safe = known_data["abuse"], known_data["safe"]
    parenting, family = known_data["parenting"], known_data["family"]
    report = build_gap_report(GapFilters.last_days(90))
    # 12 by the need filter, 3 by a synonym of its name, 2 naming it.
    assert report.searches[abuse.pk, "SE13"] == 17
    assert report.zero_results[abuse.pk, "SE13"] == 3
    assert report.searches[abuse.pk, "SE6"] == 5
    assert report.searches[abuse.pk, ""] == 1
    # A category filter counts toward the category only; the category also holds its needs.
    assert report.searches[safe.pk, "SE6"] == 9
    assert report.searches[safe.pk, "SE13"] == 17
    assert report.searches[parenting.pk, "SE6"] == 5
    assert report.searches[family.pk, "SE6"] == 5
    assert report.total_searches == 12 + 3 + 2 + 5 + 4 + 2 + 3 + 1 + 2 + 1
    assert report.total_zero_results == 3
    # Everyday words count toward the need they name, as search reads them (search.lexicon).
    early_years = Need.objects.get(name="Early years development")
    assert report.searches[early_years.pk, "SE4"] == 2
    assert report.unmatched_words == [("zorbing", 1)]
    assert report.searches_without_need == 1


@pytest.mark.django_db
def test_demand_with_a_level_counts_that_level_or_none(known_data) -> None:
    abuse = known_data["abuse"]
    report = build_gap_report(GapFilters.last_days(90, level=_level("targeted")))
    assert report.searches[abuse.pk, "SE13"] == 17  # chose no level
    assert report.searches[abuse.pk, "SE6"] == 3  # the two "universal" ones are left out


@pytest.mark.django_db
def test_the_period_leaves_out_older_searches(known_data) -> None:
    abuse = known_data["abuse"]
    assert build_gap_report(GapFilters.last_days(365)).searches[abuse.pk, "SE13"] == 24
    today = timezone.localdate()
    old_only = build_gap_report(
        GapFilters(
            start=today - datetime.timedelta(days=210), end=today - datetime.timedelta(days=190)
        )
    )
    assert old_only.searches[abuse.pk, "SE13"] == 7
    assert old_only.total_searches == 7


@pytest.mark.django_db
def test_services_across_the_area_count_as_supply_in_every_district(known_data) -> None:
    abuse, parenting = known_data["abuse"], known_data["parenting"]
    report = build_gap_report(GapFilters.last_days(90))
    # The helpline (by phone) is there for families in every district, with the local ones.
    assert report.available(abuse.pk, "SE13") == 2  # the drop-in, and the helpline
    assert report.available(abuse.pk, "SE4") == 2
    assert report.available(parenting.pk, "SE6") == 0
    # Defaults: at least 10 searches and at most 1 service families there can use. Domestic
    # abuse in SE13 has 17 searches but two services families there can use: no gap.
    assert report.gaps == []
    assert not report.is_gap(abuse.pk, "SE13")


@pytest.mark.django_db
def test_gaps_are_high_demand_with_thin_supply_most_searches_per_service_first(known_data):
    abuse, parenting = known_data["abuse"], known_data["parenting"]
    report = build_gap_report(GapFilters.last_days(90, thin=2))
    assert [(gap.need.pk, gap.district) for gap in report.gaps] == [(abuse.pk, "SE13")]
    gap = report.gaps[0]
    assert (gap.searches, gap.zero_results, gap.local_services, gap.area_wide_services) == (
        17,
        3,
        1,
        1,
    )
    assert gap.shortfall() == "17 searches, 1 local service, 1 across the area"
    assert report.is_gap(abuse.pk, "SE13") and not report.is_gap(abuse.pk, "SE6")

    strict = build_gap_report(GapFilters.last_days(90, high=5, thin=0))
    assert [(gap.need.pk, gap.district) for gap in strict.gaps] == [(parenting.pk, "SE6")]
    assert strict.gaps[0].shortfall() == "5 searches, 0 local services, 0 across the area"

    loose = build_gap_report(GapFilters.last_days(90, high=5, thin=2))
    assert [(gap.need.pk, gap.district) for gap in loose.gaps] == [
        (abuse.pk, "SE13"),  # 17 searches for 2 services families there can use: 5.7 each
        (parenting.pk, "SE6"),  # 5 searches for none: 5
        (abuse.pk, "SE6"),  # 5 searches for 2: 1.7
    ]

    # At the targeted level the drop-in (universal plus) is not counted: 1 service, a gap.
    targeted = build_gap_report(GapFilters.last_days(90, level=_level("targeted")))
    assert [(gap.need.pk, gap.district) for gap in targeted.gaps] == [(abuse.pk, "SE13")]
    assert targeted.gaps[0].shortfall(_level("targeted")) == (
        "17 searches, 0 local targeted services, 1 across the area"
    )


@pytest.mark.django_db
def test_searches_over_time_add_up_to_the_period(known_data) -> None:
    report = build_gap_report(GapFilters.last_days(90))
    assert len(report.over_time) in (13, 14)  # weeks, from the Monday of the first
    assert sum(searches for _, searches, _ in report.over_time) == report.total_searches
    assert sum(zero for _, _, zero in report.over_time) == report.total_zero_results == 3
    assert all(start.weekday() == 0 for start, _, _ in report.over_time)
    # Everything in the known log is from yesterday, except the old rows outside the period.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    week = yesterday - datetime.timedelta(days=yesterday.weekday())
    assert dict((start, n) for start, n, _ in report.over_time)[week] == report.total_searches

    month = build_gap_report(GapFilters.last_days(30))
    assert [start for start, _, _ in month.over_time][:2] == [
        timezone.localdate() - datetime.timedelta(days=29),
        timezone.localdate() - datetime.timedelta(days=28),
    ]  # days
    year = build_gap_report(GapFilters.last_days(365))
    assert all(start.day == 1 for start, _, _ in year.over_time)  # months
    assert sum(n for _, n, _ in year.over_time) == year.total_searches == 42
    targeted = build_gap_report(GapFilters.last_days(90, level=_level("targeted")))
    assert sum(n for _, n, _ in targeted.over_time) == targeted.total_searches


# -- the page --------------------------------------------------------------------------------


def heat_cells(html: str, slug: str) -> dict[tuple[str, str], dict]:
    """(row label, column) -> the cell's number, its detail, its classes and its words."""
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one(f"[data-heatmap={slug}] table")
    columns = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    cells = {}
    for row in table.select("tbody tr"):
        label = row.th.get_text(strip=True)
        for column, cell in zip(columns, row.select("td"), strict=True):
            cells[label, column] = {
                "value": int(cell.select_one(".heat-value").get_text()),
                "detail": " ".join(d.get_text() for d in cell.select(".heat-detail")),
                "classes": cell.get("class"),
                "words": cell.select_one(".w-sr-only").get_text(),
            }
    return cells


@pytest.mark.django_db
def test_commissioner_sees_tables_gaps_trend_and_definitions(
    client, commissioner, known_data
) -> None:
    client.force_login(commissioner)
    response = client.get(URL, {"thin": "2"})
    assert response.status_code == 200
    html = response.content.decode()
    # Three heat tables, each in a labelled region that can take focus to scroll.
    soup = BeautifulSoup(html, "html.parser")
    regions = soup.select("[data-heatmap]")
    assert [region["data-heatmap"] for region in regions] == [
        "supply-level",
        "supply-district",
        "demand-district",
    ]
    for region in regions:
        assert region["role"] == "region" and region["tabindex"] == "0"
        assert soup.select_one(f"#{region['aria-labelledby']}").get_text(strip=True)
    # Services families in SE13 can use: the drop-in there and the helpline everywhere.
    supply = heat_cells(html, "supply-district")
    cell = supply["Domestic abuse", "SE13"]
    assert cell["value"] == 2 and cell["detail"] == "1 here gap" and "heat-gap" in cell["classes"]
    assert "1 in SE13 and 1 across the whole area" in cell["words"]
    assert supply["Domestic abuse", "Across the area"]["value"] == 1
    demand = heat_cells(html, "demand-district")
    assert demand["Domestic abuse", "SE13"]["value"] == 17
    assert demand["Domestic abuse", "SE13"]["detail"] == "3 no results gap"
    assert demand["Domestic abuse", "No postcode given"]["value"] == 1
    # One colour scale per measure: the same number of services, the same shade, in both
    # services tables; searches have a scale of their own.
    by_level = heat_cells(html, "supply-level")
    assert by_level["Domestic abuse", "Targeted"]["value"] == 2
    assert by_level["Domestic abuse", "Targeted"]["classes"][0] == cell["classes"][0]
    # The gaps, in words, with a link to the search page for that need and district.
    gap = soup.select_one('tr[data-gap="domestic-abuse:SE13"]')
    assert "17 searches, 1 local service, 1 across the area" in gap.get_text()
    assert 'href="/search/?need=domestic-abuse&amp;postcode=SE13"' in html
    assert "at least 10 searches" in html and "at most 2 services families there" in html
    # The trend, an image with its words, and the same numbers in a table.
    chart = soup.select_one(".trend svg[role=img]")
    assert "42 searches" not in chart["aria-label"]  # the old ones are outside the period
    assert chart["aria-label"].startswith("Searches each week, and those with no results. 35 ")
    assert "style=" not in str(chart)


@pytest.mark.django_db
def test_empty_rows_and_columns_are_folded_away_until_asked_for(
    client, commissioner, known_data
) -> None:
    client.force_login(commissioner)
    html = client.get(URL, {"category": "staying-safe", "level": "specialist"}).content.decode()
    # No specialist service anywhere: no district has anything to show.
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("[data-heatmap=supply-district]") is None
    assert "Nothing to show: every number would be 0." in html
    # Searches still show, for the needs and districts that have some.
    demand = heat_cells(html, "demand-district")
    assert ("Domestic abuse", "SE13") in demand
    assert ("Youth crime prevention", "SE13") not in demand  # no services, no searches
    assert {column for _, column in demand} == {"SE6", "SE13", "No postcode given"}
    assert "Left out because they have nothing in them" in html
    shown = client.get(
        URL, {"category": "staying-safe", "level": "specialist", "show_empty": "on"}
    ).content.decode()
    assert ("Youth crime prevention", "SE13") in heat_cells(shown, "demand-district")
    assert "Left out because" not in shown
    assert "Leave out needs and districts with nothing in them" in shown


@pytest.mark.django_db
def test_level_filter_changes_page_and_links(client, commissioner, known_data) -> None:
    client.force_login(commissioner)
    html = client.get(URL, {"level": "targeted", "category": "staying-safe"}).content.decode()
    assert "searches are counted if they chose that level or chose no level" in html
    assert "need=domestic-abuse&amp;postcode=SE13&amp;level=targeted" in html
    assert "Parenting programmes" not in html  # another category


@pytest.mark.django_db
def test_csv_export_has_a_row_per_need_and_district(client, commissioner, known_data) -> None:
    Need.objects.create(name="=SUM(A1)", slug="sum-a1", parent=known_data["safe"])
    client.force_login(commissioner)
    response = client.get(CSV_URL, {"level": "targeted"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_key = {(row["Need"], row["Postcode district"]): row for row in rows}
    abuse_se13 = by_key["Domestic abuse", "SE13"]
    assert abuse_se13["Category"] == "Staying safe"
    assert abuse_se13["Level of need"] == "Targeted"
    assert abuse_se13["Local services"] == "0"
    assert abuse_se13["Searches"] == "17"
    assert abuse_se13["Searches with no results"] == "3"
    assert abuse_se13["Services families there can use (local and across the area)"] == "1"
    assert abuse_se13["Gap (demand high, provision thin)"] == "yes"
    assert by_key["Domestic abuse", "SE6"]["Gap (demand high, provision thin)"] == "no"
    assert by_key["Domestic abuse", "Across the area"]["Services across the area"] == "1"
    assert ("'=SUM(A1)", "SE13") in by_key  # a formula is made inert
    needs = Need.objects.count()
    assert len(rows) == needs * 4  # three districts and "Across the area"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"level": "not-a-level"},
        {"category": "nope"},
        {"date_from": "2026-05-01", "date_to": "2026-01-01"},
        {"date_to": "2026-01-01"},
        {"date_from": "yesterday"},
        {"high": "lots"},
        {"thin": "-1"},
        {"period": "7"},
    ],
)
def test_bad_filters_give_a_message_and_400(client, commissioner, known_data, params) -> None:
    client.force_login(commissioner)
    response = client.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the filters below" in html
    assert "data-heatmap" not in html
    csv_response = client.get(CSV_URL, params)
    assert csv_response.status_code == 400
    assert "need correcting" in csv_response.content.decode()


@pytest.mark.django_db
def test_custom_dates_are_used(client, commissioner, known_data) -> None:
    client.force_login(commissioner)
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=210), today - datetime.timedelta(days=190)
    response = client.get(CSV_URL, {"date_from": start.isoformat(), "date_to": end.isoformat()})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_key = {(row["Need"], row["Postcode district"]): row for row in rows}
    row = by_key["Domestic abuse", "SE13"]
    assert row["Searches"] == "7"
    assert f"coverage-and-demand-{start:%Y-%m-%d}" in response["Content-Disposition"]


@pytest.mark.django_db
@pytest.mark.parametrize("group", [EDITORS, PROVIDERS])
def test_editors_and_providers_cannot_see_it(client, make_user, known_data, group) -> None:
    client.force_login(make_user(group))
    for url in (URL, CSV_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert URL not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, known_data) -> None:
    for url in (URL, CSV_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


# -- the demo --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_search_log_shows_targeted_domestic_abuse_thin_where_searched_often(
    demo_in_test,
) -> None:
    from demo.searches import GAP_DISTRICT, load_demo_searches

    assert load_demo_searches() > 0  # `load_demo` runs it (tests/test_load_demo.py)
    demo_rows = SearchLog.objects.filter(params__demo=True)
    assert 2000 <= demo_rows.count() <= 5000
    assert demo_rows.count() == SearchLog.objects.count()
    assert demo_rows.filter(result_count=0).exists()
    assert load_demo_searches() == 0  # idempotent
    oldest = demo_rows.order_by("created_at").first().created_at
    assert timezone.now() - oldest <= datetime.timedelta(days=91)

    abuse = Need.objects.get(name="Domestic abuse")
    report = build_gap_report(GapFilters.last_days(90, level=_level("targeted")))
    worst = report.gaps[0]
    assert (worst.need.pk, worst.district) == (abuse.pk, GAP_DISTRICT)
    assert worst.local_services <= 1
    assert worst.searches >= 5 * report.filters.high
    # The most searches for each service families there can use (the helpline reaches them).
    assert report.gaps[1].searches_per_service < worst.searches_per_service
    # Elsewhere domestic abuse is searched for, but not often enough to be a gap.
    abuse_gaps = [gap.district for gap in report.gaps if gap.need.pk == abuse.pk]
    assert abuse_gaps == [GAP_DISTRICT]
    assert sum(report.searches[abuse.pk, d] for d in report.districts if d != GAP_DISTRICT) > 0


def test_one_scale_per_measure_shades_the_same_number_alike() -> None:
    from commissioning.reports.heatmap import Scale

    services = Scale.over("services", [0, 3, 8, 24])
    assert services.step(0) == 0 and services.step(1) == 1 and services.step(24) == 8
    assert services.step(12) == services.step(12) and services.step(3) < services.step(12)
    assert services.legend()[0] == (0, "0") and services.legend()[-1] == (8, "22–24")
    assert Scale.over("searches", []).step(5) == 0


@pytest.mark.django_db
def test_names_are_escaped_in_the_tables(client, commissioner, known_data) -> None:
    Need.objects.create(name="<script>x</script> & more", slug="x-more", parent=known_data["safe"])
    log_searches(3, district="SE13", needs=("x-more",))
    client.force_login(commissioner)
    html = client.get(URL).content.decode()
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; &amp; more" in html
