"""The listing completeness report: each criterion, worst first, readability, who sees it."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commissioning.reports.completeness import CRITERIA, score_service
from commissioning.reports.readability import readability
from directory.models import ServiceContact, ServiceLocation, ServicePage, ServiceSchedule
from directory.site_setup import COMMISSIONERS, EDITORS, PROVIDERS

URL = "/admin/commissioning-reports/listing-completeness/"
CLEAR_SUMMARY = "Free play sessions for babies and toddlers with their parents or carers."
COMPLETE = {
    "title": "Complete service",
    "summary": CLEAR_SUMMARY,
    "description": "<p>Songs, stories and messy play.</p>",
    "minimum_age": 0,
    "maximum_age": 4,
    "self_referral": True,
    "access_instructions": "Just turn up.",
    "is_free": True,
    "in_person": True,
}
COMPLETE_CHILDREN = {
    "contacts": [{"name": "Hub team", "phone": "020 7946 0001"}],
    "locations": [{"name": "Family hub", "postcode": "SE13 6LH"}],
    "schedules": [{"weekday": "mo", "opens_at": datetime.time(9), "closes_at": datetime.time(12)}],
}


@pytest.fixture(autouse=True, scope="module")
def _service_content_type_known(django_db_setup, django_db_blocker) -> None:
    """Wagtail looks up a page's content type whenever one is built, even in memory: look it up
    once here, so the scoring tests pass whatever ran before them and need no database."""
    with django_db_blocker.unblock():
        ContentType.objects.get_for_model(ServicePage)


def in_memory_service(**changes) -> ServicePage:
    """A service built in memory (no database), complete unless changed."""
    fields = {**COMPLETE, **changes}
    children = {name: fields.pop(name, rows) for name, rows in COMPLETE_CHILDREN.items()}
    page = ServicePage(**fields)
    page.contacts = [ServiceContact(**row) for row in children["contacts"]]
    page.locations = [ServiceLocation(**row) for row in children["locations"]]
    page.schedules = [ServiceSchedule(**row) for row in children["schedules"]]
    return page


# -- scoring, one criterion at a time --------------------------------------------------------


def test_a_complete_service_scores_100_with_nothing_missing() -> None:
    result = score_service(in_memory_service())
    assert result.score == 100
    assert result.missing == ()
    assert len(CRITERIA) == 8


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"summary": "  "}, "No summary"),
        ({"description": ""}, "No description"),
        ({"description": "<p></p>"}, "No description"),
        ({"minimum_age": None, "maximum_age": None}, "No age range"),
        ({"contacts": [], "email": ""}, "No phone number or email"),
        ({"contacts": [], "website": "https://example.org"}, "No phone number or email"),
        ({"contacts": [{"name": "Team only"}]}, "No phone number or email"),
        ({"self_referral": False}, "No way in ticked"),
        ({"access_instructions": "", "referral_url": ""}, "No instructions or referral link"),
        ({"locations": [], "in_person": True}, "No location with a postcode"),
        ({"locations": [{"name": "Somewhere", "postcode": ""}]}, "No location with a postcode"),
        ({"schedules": [], "schedule_notes": ""}, "No opening times"),
        ({"is_free": False, "fees_description": ""}, "cost is not described"),
    ],
)
def test_each_missing_criterion_costs_one_eighth(changes: dict, missing: str) -> None:
    result = score_service(in_memory_service(**changes))
    assert result.score == 88  # 7 of 8
    assert len(result.missing) == 1
    assert missing in result.missing[0]


@pytest.mark.parametrize(
    "changes",
    [
        {"minimum_age": None, "maximum_age": None, "for_parents_and_carers": True},
        {"minimum_age": None, "maximum_age": None, "for_expectant_parents": True},
        {"minimum_age": None, "maximum_age": 11},
        {"contacts": [], "email": "team@hub.example.org"},
        {"contacts": [{"email": "team@hub.example.org"}]},
        {"access_instructions": "", "referral_url": "https://hub.example.org/refer"},
        {"locations": [], "online": True},
        {"locations": [], "available_across_area": True},
        {"locations": [{"name": "Hall", "latitude": 51.45, "longitude": -0.01}]},
        {"schedules": [], "schedule_notes": "By appointment"},
        {"is_free": False, "fees_description": "£3 a session"},
    ],
)
def test_other_ways_to_meet_a_criterion(changes: dict) -> None:
    assert score_service(in_memory_service(**changes)).score == 100


def test_how_to_get_it_is_one_criterion_with_two_parts() -> None:
    result = score_service(
        in_memory_service(self_referral=False, access_instructions="", referral_url="")
    )
    assert result.score == 88  # one criterion, though both of its parts are missing
    assert len(result.missing) == 2


def test_an_empty_service_scores_nothing_and_lists_everything() -> None:
    page = in_memory_service(
        summary="",
        description="",
        minimum_age=None,
        maximum_age=None,
        contacts=[],
        self_referral=False,
        access_instructions="",
        locations=[],
        in_person=False,
        schedules=[],
        is_free=False,
        fees_description="",
    )
    result = score_service(page)
    assert result.score == 0
    assert len(result.missing) == 9
    assert result.readability.label == "No text"


# -- readability -----------------------------------------------------------------------------


def test_readability_of_plain_and_hard_summaries() -> None:
    plain = readability("We run play sessions for babies and toddlers. Come along with your child.")
    assert plain.score is not None and plain.score >= 70
    assert plain.label in {"Fairly easy to read", "Easy to read", "Very easy to read"}
    hard = readability(
        "Multidisciplinary therapeutic interventions addressing intergenerational psychosocial "
        "vulnerabilities through evidence-informed collaborative methodologies."
    )
    assert hard.score == 0
    assert hard.label == "Very difficult"
    assert str(hard) == "Very difficult (0)"


def test_readability_is_not_measured_on_very_short_text() -> None:
    short = readability("Play sessions for toddlers.")
    assert short.score is None
    assert short.label == "Too short to measure"
    assert readability("   ").label == "No text"


# -- the report in the admin -----------------------------------------------------------------


@pytest.fixture
def known_services(make_service, postcodes) -> dict[str, ServicePage]:
    """Three live services scoring 100, 88 and 75, and a draft that must not appear."""
    full = {**COMPLETE, **COMPLETE_CHILDREN}
    services = {
        "complete": make_service(**{**full, "title": "Complete service"}),
        "no schedule": make_service(**{**full, "title": "No schedule", "schedules": []}),
        "two missing": make_service(
            **{**full, "title": "Two missing", "schedules": [], "description": ""}
        ),
    }
    make_service(**{**full, "title": "Draft only", "description": "", "publish": False})
    return services


def _rows(response) -> list[tuple[str, int]]:
    return [(page.title, page.completeness.score) for page in response.context["object_list"]]


@pytest.mark.django_db
def test_commissioner_sees_services_worst_first(client, commissioner, known_services) -> None:
    client.force_login(commissioner)
    response = client.get(URL)
    assert response.status_code == 200
    assert _rows(response) == [("Two missing", 75), ("No schedule", 88), ("Complete service", 100)]
    html = response.content.decode()
    assert "Draft only" not in html
    edit_url = reverse("wagtailadmin_pages:edit", args=[known_services["two missing"].pk])
    assert f'href="{edit_url}"' in html
    assert "No opening times or opening notes" in html
    assert "Riverside Family Trust" in html
    assert "Fairly easy to read" in html or "Plain English" in html
    # The results alone, as the filters refresh them.
    results = client.get(
        URL + "results/", {"organisation": known_services["complete"].organisation_id}
    )
    assert results.status_code == 200
    assert _rows(results)[0] == ("Two missing", 75)


@pytest.mark.django_db
def test_filters_by_organisation_level_and_need(
    client, commissioner, known_services, make_service
) -> None:
    from directory.models import LevelOfNeed, Need, Organisation

    other = Organisation.objects.create(name="Harbour Trust")
    make_service(
        title="Targeted abuse support",
        organisation=other,
        needs=["Domestic abuse"],
        levels=["targeted"],
    )
    client.force_login(commissioner)
    by_org = client.get(URL, {"organisation": other.pk})
    assert [title for title, _ in _rows(by_org)] == ["Targeted abuse support"]
    targeted = LevelOfNeed.objects.get(slug="targeted")
    by_level = client.get(URL, {"level": targeted.pk})
    assert [title for title, _ in _rows(by_level)] == ["Targeted abuse support"]
    category = Need.objects.get(name="Staying safe")
    by_category = client.get(URL, {"need": category.pk})
    assert [title for title, _ in _rows(by_category)] == ["Targeted abuse support"]
    parenting = Need.objects.get(name="Parenting programmes")
    assert len(_rows(client.get(URL, {"need": parenting.pk}))) == 3


@pytest.mark.django_db
def test_queries_do_not_grow_with_services(client, commissioner, make_service) -> None:
    client.force_login(commissioner)
    full = {**COMPLETE, **COMPLETE_CHILDREN}
    make_service(**{**full, "title": "One"})
    client.get(URL)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for number in range(5):
        make_service(**{**full, "title": f"More {number}", "slug": f"more-{number}"})
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(_rows(response)) == 6
    assert len(many) == len(few)


@pytest.mark.django_db
def test_csv_and_xlsx_exports(client, commissioner, known_services, make_service) -> None:
    make_service(
        **{
            **COMPLETE,
            **COMPLETE_CHILDREN,
            "title": "=HYPERLINK(1)",
            "description": "",
            "schedules": [],
        }
    )
    client.force_login(commissioner)
    response = client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Service", "Organisation", "Score (of 100)", "Missing"]
    assert [(row[0], row[2]) for row in rows[1:]] == [
        ("'=HYPERLINK(1)", "75"),
        ("Two missing", "75"),
        ("No schedule", "88"),
        ("Complete service", "100"),
    ]
    assert rows[1][3] == "No description; No opening times or opening notes"
    xlsx = client.get(URL, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    first = next(sheet.iter_rows(min_row=2, max_row=2))[0]
    # Text, not a formula, and made inert as in the CSV (and every export of the site).
    assert (first.value, first.data_type) == ("'=HYPERLINK(1)", "s")


@pytest.mark.django_db
@pytest.mark.parametrize("group", [EDITORS, PROVIDERS])
def test_editors_and_providers_cannot_see_it(client, make_user, known_services, group) -> None:
    client.force_login(make_user(group))
    for response in (
        client.get(URL),
        client.get(URL, {"export": "csv"}),
        client.get(URL + "results/"),
    ):
        # Wagtail's admin turns the view's PermissionDenied into a redirect home, with a message.
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert "Sorry, you do not have permission" in client.get("/admin/").content.decode()
    assert URL not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, known_services) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_reports_menu_offers_it_to_commissioners(client, make_user, site_structure) -> None:
    client.force_login(make_user(COMMISSIONERS))
    assert URL in client.get("/admin/").content.decode()
