"""Search behaviour, run once on the database engine and once on the real OpenSearch node.

Every test asks for ``engine_name`` before creating services, so the Elasticsearch index is
filled by the same publish signals editors trigger, and checks the answer came from that
engine (no silent fallback).
"""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from geopy.distance import great_circle
from wagtail.models import PageViewRestriction

from directory import opening_hours
from directory.models import Need, Organisation, SchoolHoliday
from search.models import Synonym
from search.pathways import build_pathway
from search.query import parse_search_query
from search.runner import SearchOutcome, run_search, suggest

pytestmark = pytest.mark.django_db

ORIGIN = (51.45, -0.01)


def run(querystring: str, engine_name: str) -> SearchOutcome:
    outcome = run_search(parse_search_query(QueryDict(querystring)), log=False)
    assert outcome.engine == engine_name and not outcome.fell_back
    return outcome


def names(outcome: SearchOutcome) -> list[str]:
    return [hit.document["name"] for hit in outcome.results.hits]


def at(miles: float, bearing: float = 0) -> dict[str, float]:
    point = great_circle(miles=miles).destination(ORIGIN, bearing)
    return {"latitude": point.latitude, "longitude": point.longitude}


def located(name: str, miles: float, bearing: float = 0) -> dict:
    return {"name": name, **at(miles, bearing)}


NEAR_ORIGIN = f"lat={ORIGIN[0]}&lng={ORIGIN[1]}"


# -- words -------------------------------------------------------------------------------------


def test_a_word_finds_its_other_forms(engine_name, make_service):
    make_service(title="Toddler group", summary="Songs and stories.", needs=[])
    make_service(title="Parenting course", summary="Eight weekly sessions.", needs=[])
    make_service(title="Money advice", summary="Help with debts.", needs=[])
    assert names(run("q=toddlers", engine_name)) == ["Toddler group"]
    assert names(run("q=TODDLER", engine_name)) == ["Toddler group"]
    assert names(run("q=courses", engine_name)) == ["Parenting course"]
    assert names(run("q=debt", engine_name)) == ["Money advice"]


def test_synonyms_match_both_ways_and_edits_apply_at_once(engine_name, make_service):
    make_service(title="Refuge outreach", summary="Support after domestic abuse.")
    make_service(title="Short breaks club", summary="Weekend activities for disabled children.")
    assert names(run("q=DV", engine_name)) == ["Refuge outreach"]
    assert names(run("q=domestic violence", engine_name)) == ["Refuge outreach"]
    assert run("q=respite", engine_name).results.count == 0

    Synonym.objects.create(terms="respite, short breaks")
    assert names(run("q=respite", engine_name)) == ["Short breaks club"]


def test_all_words_must_match_across_fields(engine_name, make_service, organisation):
    make_service(title="Toddler group", summary="Songs.", needs=["Early years development"])
    make_service(
        title="Toddler swim",
        summary="Splash.",
        organisation=Organisation.objects.create(name="Leisure Trust"),
    )
    # "Riverside" is only in the organisation's name, "early years" only in a need's.
    outcome = run("q=toddler riverside early years", engine_name)
    assert names(outcome) == ["Toddler group"] and outcome.match == "all"


def test_when_all_words_find_nothing_any_word_may_match(engine_name, make_service):
    make_service(title="Toddler group", summary="Songs.")
    make_service(title="Money advice", summary="Debts.")
    make_service(title="Youth club", summary="Games.")
    outcome = run("q=toddler money", engine_name)
    assert sorted(names(outcome)) == ["Money advice", "Toddler group"]
    assert outcome.match == "any" and outcome.relaxed


def test_typos_are_corrected_only_when_the_words_find_nothing(engine_name, make_service):
    make_service(title="Speech and language therapy", summary="For young children.")
    make_service(title="Speed awareness", summary="Not really a family service.")
    outcome = run("q=speach therapy", engine_name)
    assert names(outcome) == ["Speech and language therapy"]
    assert outcome.match == "all_corrected" and outcome.corrected == "speech therapy"
    # An exact word is never corrected, even when a close one exists.
    outcome = run("q=speed", engine_name)
    assert names(outcome) == ["Speed awareness"] and outcome.corrected == ""


def test_only_stop_words_is_a_search_with_no_words(engine_name, make_service):
    make_service(title="Toddler group")
    make_service(title="Youth club", needs=["Youth clubs and activities"])
    assert run("q=the and of", engine_name).results.count == 2


def test_phrases_do_not_run_across_fields(engine_name, make_service):
    # "domestic" ends the name and "abuse" starts the summary: not the phrase.
    make_service(title="Domestic", summary="Abuse of the word aside, this is a cleaning club.")
    assert run("q=DV", engine_name).results.count == 0


# -- place ---------------------------------------------------------------------------------------


def test_radius_boundary(engine_name, make_service):
    make_service(title="Just inside", locations=[located("In", 2.99)])
    make_service(title="Just outside", locations=[located("Out", 3.01, 90)])
    outcome = run(f"{NEAR_ORIGIN}&radius=3", engine_name)
    assert names(outcome) == ["Just inside"]
    assert outcome.results.hits[0].distance_miles == pytest.approx(2.99, abs=0.001)
    assert names(run(f"{NEAR_ORIGIN}&radius=3.02", engine_name)) == ["Just inside", "Just outside"]


def test_nearest_of_several_locations_decides(engine_name, make_service):
    make_service(title="Two sites", locations=[located("Far", 2.5), located("Near", 0.5, 180)])
    make_service(title="One site", locations=[located("Middle", 1.0, 270)])
    make_service(title="All far", locations=[located("A", 4), located("B", 5, 90)])
    outcome = run(f"{NEAR_ORIGIN}", engine_name)
    assert names(outcome) == ["Two sites", "One site"]
    assert [round(h.distance_miles, 2) for h in outcome.results.hits] == [0.5, 1.0]


def test_area_wide_services_come_after_nearby_ones_without_a_distance(engine_name, make_service):
    make_service(title="Helpline", online=True, by_phone=True, in_person=False)
    make_service(
        title="Borough-wide outreach", available_across_area=True, locations=[located("Office", 6)]
    )
    make_service(title="Local hub", locations=[located("Hub", 1)])
    make_service(title="Far hub", locations=[located("Far", 6, 90)])
    outcome = run(NEAR_ORIGIN, engine_name)
    # Nearest first; area-wide ones after, those with a place by its distance, then the rest.
    assert names(outcome) == ["Local hub", "Borough-wide outreach", "Helpline"]
    assert [hit.distance_miles is None for hit in outcome.results.hits] == [False, True, True]


def test_without_a_place_there_is_no_distance(engine_name, make_service):
    make_service(title="Local hub", locations=[located("Hub", 1)])
    outcome = run("q=hub", engine_name)
    assert names(outcome) == ["Local hub"] and outcome.results.hits[0].distance_miles is None


def test_postcode_search(engine_name, make_service, postcodes):
    make_service(title="Catford hub", locations=[{"name": "Catford", "postcode": "SE6 4RU"}])
    make_service(title="Brockley hub", locations=[{"name": "Brockley", "postcode": "SE4 1UA"}])
    assert names(run("postcode=SE4 1UA", engine_name)) == ["Brockley hub", "Catford hub"]
    assert names(run("postcode=SE4 1UA&radius=1", engine_name)) == ["Brockley hub"]


def test_responses_say_how_long_the_engine_took(engine_name, make_service, client):
    make_service(title="Toddler group")
    for path in ("/api/search", "/search/"):
        # "todler" finds nothing as typed: the engine is asked again with the correction, and
        # the time of both tries is counted.
        response = client.get(path, {"q": "todler"})
        assert response.status_code == 200
        metrics = {
            name: dict(param.split("=", 1) for param in params)
            for name, *params in (
                part.strip().split(";") for part in response["Server-Timing"].split(",")
            )
        }
        assert metrics["engine"]["desc"] == f'"{engine_name}"'
        engine_ms, search_ms = float(metrics["engine"]["dur"]), float(metrics["search"]["dur"])
        round_trip_ms = float(metrics["round-trip"]["dur"])
        # Each within the next, give or take the rounding of "took" and of the whole.
        assert 0 <= engine_ms <= round_trip_ms + 1 and round_trip_ms > 0
        assert round_trip_ms <= search_ms + 1
    outcome = run("q=todler", engine_name)
    assert outcome.corrected == "toddler"
    if engine_name == "database":
        assert outcome.engine_ms > 0


# -- filters and facets ----------------------------------------------------------------------


@pytest.fixture
def practice(make_service):
    """Six services across levels, needs, ages and delivery."""
    make_service(
        title="Stay and play",
        levels=["universal"],
        needs=["Early years development"],
        minimum_age=0,
        maximum_age=4,
    )
    make_service(
        title="Family support",
        levels=["targeted"],
        needs=["Domestic abuse"],
        minimum_age=0,
        maximum_age=18,
        is_free=True,
    )
    make_service(
        title="Teen DA group",
        levels=["targeted"],
        needs=["Domestic abuse"],
        minimum_age=13,
        maximum_age=17,
        online=True,
        in_person=False,
        schedules=[{"weekday": "we", "opens_at": "16:00", "closes_at": "18:00"}],
    )
    make_service(
        title="IDVA",
        levels=["specialist"],
        needs=["Domestic abuse"],
        minimum_age=16,
        maximum_age=None,
        self_referral=False,
        professional_referral=True,
    )
    make_service(
        title="Youth club",
        levels=["universal", "targeted"],
        needs=["Youth clubs and activities"],
        minimum_age=11,
        maximum_age=19,
        is_free=False,
        fees_description="£1 a session",
    )
    make_service(
        title="Baby massage",
        levels=["universal"],
        needs=["Early years development"],
        minimum_age=0,
        maximum_age=1,
        for_expectant_parents=True,
    )


def test_practitioner_filters_give_exact_results_and_counts(engine_name, practice):
    outcome = run("level=targeted&need=domestic-abuse&age=15", engine_name)
    assert sorted(names(outcome)) == ["Family support", "Teen DA group"]
    counts = {
        name: {k: v for k, v in values.items() if v}
        for name, values in outcome.results.facet_counts.items()
    }
    # Aged 15: Family support, Teen DA group and Youth club. Levels among the domestic abuse
    # ones; needs among the targeted ones (a category counts its needs' services).
    assert counts["level"] == {"targeted": 2}
    assert counts["need"] == {
        "domestic-abuse": 2,
        "staying-safe": 2,
        "youth-clubs-and-activities": 1,
        "family-circumstances": 1,
    }
    assert counts["free"] == {"true": 2}
    assert counts["age_band"] == {
        "0-to-1": 1,
        "2-to-4": 1,
        "5-to-11": 1,
        "12-to-16": 2,
        "17-to-19": 2,
    }


def test_facet_counts_ignore_their_own_choices(engine_name, practice):
    outcome = run("need=domestic-abuse&level=targeted", engine_name)
    counts = outcome.results.facet_counts
    # Levels counted among domestic abuse services; needs among targeted services.
    assert {k: v for k, v in counts["level"].items() if v} == {"targeted": 2, "specialist": 1}
    targeted_needs = {k: v for k, v in counts["need"].items() if v}
    assert targeted_needs["domestic-abuse"] == 2
    assert targeted_needs["youth-clubs-and-activities"] == 1
    # Other facets count the results themselves.
    assert {k: v for k, v in counts["delivery"].items() if v} == {"in-person": 1, "online": 1}
    assert counts["day"] == {"we": 1}


def test_age_free_day_access_and_delivery_filters(engine_name, practice):
    assert sorted(names(run("age=0", engine_name))) == [
        "Baby massage",
        "Family support",
        "Stay and play",
    ]
    assert "Youth club" not in names(run("free=true&per_page=50", engine_name))
    assert names(run("day=we", engine_name)) == ["Teen DA group"]
    assert names(run("access=professional-referral", engine_name)) == ["IDVA"]
    assert names(run("delivery=online", engine_name)) == ["Teen DA group"]
    assert names(run("age_band=pregnancy", engine_name)) == ["Baby massage"]


def test_a_childs_age_keeps_services_for_the_parents_of_a_child_that_age(engine_name, make_service):
    """Issue 18 item 7: the age range is the child's; a service offered to parents and carers
    also serves the parents of a child younger than its youngest, never of one older than
    its oldest."""
    make_service(
        title="Helpline for young people and parents",
        needs=["Domestic abuse"],
        minimum_age=16,
        maximum_age=25,
        for_parents_and_carers=True,
    )
    make_service(
        title="Young people's drop-in",
        needs=["Domestic abuse"],
        minimum_age=16,
        maximum_age=25,
    )
    make_service(
        title="Parents of under-fives",
        needs=["Domestic abuse"],
        minimum_age=0,
        maximum_age=4,
        for_parents_and_carers=True,
    )
    make_service(
        title="Parents' line",
        needs=["Domestic abuse"],
        minimum_age=None,
        maximum_age=None,
        for_parents_and_carers=True,
    )
    make_service(title="Teen group", needs=["Domestic abuse"], minimum_age=13, maximum_age=17)
    assert sorted(names(run("need=domestic-abuse&age=15", engine_name))) == [
        "Helpline for young people and parents",
        "Parents' line",
        "Teen group",
    ]
    assert sorted(names(run("need=domestic-abuse&age=3", engine_name))) == [
        "Helpline for young people and parents",
        "Parents of under-fives",
        "Parents' line",
    ]
    assert sorted(names(run("need=domestic-abuse&age=26", engine_name))) == ["Parents' line"]
    # The menu of support for the need applies the same rule.
    need = Need.objects.get(slug="domestic-abuse")
    menu = build_pathway(need, parse_search_query(QueryDict("age=15")))
    on_menu = {service.item.name for level in menu.levels for service in level.services}
    assert on_menu == {"Helpline for young people and parents", "Parents' line", "Teen group"}


# -- open now and open today ---------------------------------------------------------------------

# Wednesday 4 March 2026, in the council's time zone.
WEDNESDAY = datetime.date(2026, 3, 4)


def council_time(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def session(day: str, opens: str, closes: str) -> dict:
    return {
        "weekday": day,
        "opens_at": datetime.time.fromisoformat(opens),
        "closes_at": datetime.time.fromisoformat(closes),
    }


@pytest.fixture
def opening_week(make_service):
    make_service(title="Morning drop-in", schedules=[session("we", "09:30", "11:30")])
    make_service(title="Afternoon group", schedules=[session("we", "13:00", "15:00")])
    make_service(
        title="Term-time club",
        schedules=[session("we", "09:00", "17:00")],
        term_time_only=True,
    )
    make_service(title="Thursday clinic", schedules=[session("th", "09:00", "12:00")])
    make_service(
        title="Closed for now",
        schedules=[session("we", "09:00", "17:00")],
        status="temporarily closed",
    )
    make_service(title="No hours given")


@pytest.fixture
def clock_at(monkeypatch):
    """Set the council's time now for searches and pages."""

    def set_clock(moment: datetime.datetime) -> None:
        monkeypatch.setattr(opening_hours, "council_now", lambda: moment)

    return set_clock


@pytest.fixture
def forget_holidays():
    cache.delete("directory:school-holidays:v1")
    yield
    # Rolled-back rows send no signal: drop what this test's searches cached.
    cache.delete("directory:school-holidays:v1")


def test_open_now_and_open_today_are_judged_when_the_search_runs(
    engine_name, opening_week, clock_at, forget_holidays
):
    clock_at(council_time(WEDNESDAY, 10))
    assert sorted(names(run("open=now", engine_name))) == ["Morning drop-in", "Term-time club"]
    assert sorted(names(run("open=today", engine_name))) == [
        "Afternoon group",
        "Morning drop-in",
        "Term-time club",
    ]
    counts = run("", engine_name).results.facet_counts["open"]
    assert {k: v for k, v in counts.items() if v} == {"now": 2, "today": 3}
    # The same index an hour and a half later: the morning session is over.
    clock_at(council_time(WEDNESDAY, 11, 30))
    assert names(run("open=now", engine_name)) == ["Term-time club"]
    assert sorted(names(run("open=today", engine_name))) == ["Afternoon group", "Term-time club"]
    # A choice of both is either; other filters still apply, and count the open ones.
    clock_at(council_time(WEDNESDAY, 13, 30))
    outcome = run("open=now&open=today&q=group", engine_name)
    assert names(outcome) == ["Afternoon group"]
    # Thursday: only the clinic, and not after it closes.
    thursday = WEDNESDAY + datetime.timedelta(days=1)
    clock_at(council_time(thursday, 8))
    assert names(run("open=today", engine_name)) == ["Thursday clinic"]
    assert run("open=now", engine_name).results.count == 0
    clock_at(council_time(thursday, 12))
    assert run("open=today", engine_name).results.count == 0


def test_term_time_only_services_are_closed_in_the_school_holidays(
    engine_name, opening_week, clock_at, forget_holidays
):
    SchoolHoliday.objects.create(
        name="Easter holiday",
        first_day=WEDNESDAY - datetime.timedelta(days=2),
        last_day=WEDNESDAY + datetime.timedelta(days=12),
    )
    clock_at(council_time(WEDNESDAY, 10))
    assert names(run("open=now", engine_name)) == ["Morning drop-in"]
    assert "Term-time club" not in names(run("open=today", engine_name))
    # The day after the holiday it opens again.
    clock_at(council_time(WEDNESDAY + datetime.timedelta(days=14), 10))
    assert sorted(names(run("open=now", engine_name))) == ["Morning drop-in", "Term-time club"]


def test_filters_within_a_facet_are_alternatives(engine_name, practice):
    outcome = run("level=specialist&level=universal&sort=name", engine_name)
    assert names(outcome) == ["Baby massage", "IDVA", "Stay and play", "Youth club"]


def test_name_sort_and_paging(engine_name, practice):
    first = run("sort=name&per_page=4", engine_name)
    second = run("sort=name&per_page=4&page=2", engine_name)
    assert first.results.count == second.results.count == 6
    assert names(first) + names(second) == sorted(names(first) + names(second))
    assert len(names(second)) == 2


def test_counting_alone_gives_the_whole_searchs_count_and_match(
    engine_name, practice, make_service
):
    """What a search logs without showing anything (the demo's log): every try as the whole
    search makes them, the engine only counting."""
    make_service(title="Speech and language therapy", summary="Words and sounds.")
    make_service(title="Youth hub", locations=[located("Hub", 3)])
    make_service(title="Toddler group", summary="Songs.")
    make_service(title="Money advice", summary="Debts.")
    searches = [
        "",
        "level=targeted&need=domestic-abuse&age=15",
        "need=domestic-abuse&level=targeted&free=true",
        "delivery=online&day=we",
        "q=youth",
        "q=speach therapy",  # corrected
        "q=toddler money",  # not every word
        "q=respite",  # nothing
        f"q=youth&{NEAR_ORIGIN}&radius=1",  # nothing within a mile: wider
        f"q=massage&{NEAR_ORIGIN}&radius=1&level=universal",
    ]
    matches, widened = set(), 0
    for querystring in searches:
        query = parse_search_query(QueryDict(querystring))
        whole = run_search(query, log=False)
        counted = run_search(query, log=False, count_only=True)
        assert counted.engine == engine_name and not counted.fell_back
        assert (counted.results.count, counted.match, counted.corrected) == (
            whole.results.count,
            whole.match,
            whole.corrected,
        ), querystring
        assert counted.widened_from == whole.widened_from
        assert counted.query == whole.query
        assert not counted.results.hits and not counted.results.facet_counts
        matches.add(whole.match)
        widened += whole.widened_from is not None
    # The searches reach every way of matching and widening, and find nothing once.
    assert matches == {"", "all", "all_corrected", "any"} and widened == 1
    assert 0 in {run(q, engine_name).results.count for q in searches}


# -- only live, public services, kept up to date ------------------------------------------------


def test_only_live_public_services_and_changes_show_at_once(engine_name, make_service):
    page = make_service(title="Rhyme time", summary="Songs and rhymes.")
    make_service(title="Rhyme club draft", summary="Rhymes.", publish=False)
    assert names(run("q=rhymes", engine_name)) == ["Rhyme time"]

    page.title = "Rhyme and story time"
    page.save_revision().publish()
    assert names(run("q=rhymes", engine_name)) == ["Rhyme and story time"]

    page.unpublish()
    assert run("q=rhymes", engine_name).results.count == 0

    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert run("q=rhymes", engine_name).results.count == 0
    restriction.delete()
    assert run("q=rhymes", engine_name).results.count == 1

    page.delete()
    assert run("q=rhymes", engine_name).results.count == 0


def test_vocabulary_and_organisation_edits_reach_results(engine_name, make_service, organisation):
    make_service(title="Refuge outreach", summary="Help.", needs=["Domestic abuse"])
    need = Need.objects.get(name="Domestic abuse")
    need.name = "Domestic abuse and coercive control"
    need.save()
    assert names(run("q=coercive", engine_name)) == ["Refuge outreach"]

    organisation.name = "Bridge Family Charity"
    organisation.save()
    outcome = run("q=bridge", engine_name)
    assert outcome.results.hits[0].document["organisation"] == "Bridge Family Charity"


def test_suggestions_as_you_type(engine_name, make_service):
    make_service(title="Toddler group")
    make_service(title="Teen talk", needs=["Emotional wellbeing and mental health"])
    labels = [(s.kind, s.label) for s in suggest("todd")]
    assert labels == [("service", "Toddler group")]
    assert ("need", "Domestic abuse") in [(s.kind, s.label) for s in suggest("domestic ab")]
    assert suggest("t") == []


def test_moving_the_directory_updates_or_withdraws_its_services(
    engine_name, make_service, site_structure
):
    from home.models import HomePage

    make_service(title="Toddler group")
    root = site_structure.home.get_parent()
    elsewhere = root.add_child(instance=HomePage(title="Old site", slug="old-site"))
    # Outside the site the services have no public address, so search leaves them out...
    directory = site_structure.directory
    directory.move(elsewhere, pos="last-child")
    assert run("q=toddler", engine_name).results.count == 0
    # ...and brings them back, at their address, when the directory returns.
    directory = type(directory).objects.get(pk=directory.pk)
    directory.move(HomePage.objects.get(pk=site_structure.home.pk), pos="last-child")
    hit = run("q=toddler", engine_name).results.hits[0]
    assert hit.document["url"] == "/services/toddler-group/"


def test_commissioners_edit_synonyms_in_the_admin(admin_client, engine_name, make_service):
    make_service(title="Short breaks club", summary="Weekends away.")
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/", {"terms": "respite,  short breaks ,respite"}
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(terms="respite, short breaks").exists()
    assert names(run("q=respite", engine_name)) == ["Short breaks club"]
    # A line with one phrase, or only stop words, is refused with a reason.
    response = admin_client.post("/admin/snippets/search/synonym/add/", {"terms": "the, and"})
    assert response.status_code == 200
    assert "has no words a search can use" in response.content.decode()
