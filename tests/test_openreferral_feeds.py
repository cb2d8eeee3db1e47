"""Real councils' feeds as they are (issue 17): ORUK v1 and v3, each record on its own, common
defects repaired with a warning, HTML descriptions made safe rich text, phones, cost, locations
and organisations kept, fields with no place listed, and feeds read over HTTP page by page with
each service's details fetched (bounded, retried). North Lincolnshire's real v1 feed is in
tests/data/openreferral-v1 (see its README).
"""

from __future__ import annotations

import copy
import json
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from wagtail.models import Revision

from directory.models import Organisation, ServicePage
from exchange.openreferral.fetching import load_feed
from exchange.openreferral.importing import import_services
from exchange.openreferral.serialisers import plain_text

from .feed_server import status
from .oruk_records import attribute, import_counts, record

pytestmark = pytest.mark.django_db

NORTH_LINCOLNSHIRE = (
    Path(__file__).resolve().parent
    / "data"
    / "openreferral-v1"
    / "north-lincolnshire-services.json"
)


@pytest.fixture
def north_lincolnshire() -> list[dict[str, Any]]:
    return json.loads(NORTH_LINCOLNSHIRE.read_text())


# -- a real v1 feed ---------------------------------------------------------------------------


@pytest.mark.slow
def test_north_lincolnshires_v1_feed_imports_and_imports_again_unchanged(
    site_structure, north_lincolnshire
) -> None:
    report = import_services(copy.deepcopy(north_lincolnshire), publish=True)
    total = len(north_lincolnshire)
    assert total == 738 and report.versions == {"1": 738}
    assert len(report.created) >= 0.95 * total, report.lines()[:20]
    assert len(report.created) + report.bad_records == total
    services = ServicePage.objects.live()
    assert services.count() == len(report.created)
    # Descriptions are rich text, never markup shown as text; the summary is said once.
    with_lists = services.filter(description__contains="<ul>")
    assert with_lists.exists()
    for service in services:
        assert "&lt;" not in service.description and "<script" not in service.description
        assert 0 < len(service.summary) <= 300
        if len(service.summary) > 80:  # (a short heading may well start the next paragraph)
            assert not plain_text(service.description).startswith(service.summary)
        assert "style=" not in service.description and "class=" not in service.description
    # No cost given anywhere in this feed: unknown, not "free".
    assert not services.exclude(is_free=None).exists()
    # Repairs, with the record and where in it.
    by_index = {warning.index: warning for warning in report.warnings}
    coaching = next(
        i for i, r in enumerate(north_lincolnshire) if r["url"] == "balancedcoaching.co.uk"
    )
    assert "has no https:// in front" in by_index[coaching].message
    assert services.get(oruk_id=north_lincolnshire[coaching]["id"]).website == (
        "https://balancedcoaching.co.uk"
    )
    long_url = next(i for i, r in enumerate(north_lincolnshire) if len(r["url"]) > 200)
    assert any(
        w.index == long_url and w.path == "$.url" and "not kept" in w.message
        for w in report.warnings
    )
    assert report.repairs["empty values treated as absent"] > 1000
    # v1's delivery fields have a place; the supplier's own fields are listed, not dropped silently.
    online = next(r for r in north_lincolnshire if r["attending_type"] == "Online")
    assert services.get(oruk_id=online["id"]).online
    assert report.unplaced["$.pc_metadata.assured_by"] == 738
    assert "$.pc_targetAudience[*].audienceType" in report.unplaced
    # One organisation per name, however many ids the feed gives it.
    assert Organisation.objects.filter(name__iexact="papyrus uk").count() == 1
    # The service page shows the imported description as formatted text.
    page = Client().get(with_lists.first().url).content.decode()
    assert "<ul>" in page and "&lt;ul&gt;" not in page

    before = import_counts()
    again = import_services(copy.deepcopy(north_lincolnshire), publish=True)
    assert len(again.unchanged) == len(report.created) and again.written == 0
    assert again.organisations_created == again.organisations_updated == []
    assert import_counts() == before


def v1_record(**overrides: Any) -> dict[str, Any]:
    """A full ORUK v1 service (what /services/{id} of a v1 API gives)."""
    service_id = overrides.pop("id", str(uuid.uuid4()))
    body = {
        "id": service_id,
        "name": "Young carers' club",
        "description": "<p>Time out for young carers.</p><p>Games and a meal.</p>",
        "url": "www.carers.example.org",
        "email": "\u00a0club@carers.example.org ",
        "status": "active",
        "fees": "£1 a session",
        "accreditations": "",
        "attending_type": "Venue",
        "attending_access": "Drop-in",
        "deliverable_type": "Social activity",
        "assured_date": "2024-05-01",
        "organization": {
            "id": str(uuid.uuid4()),
            "name": "Carers' Trust North",
            "description": "",
            "url": "carers.example.org",
        },
        "eligibilitys": [
            {"id": "e1", "eligibility": "Young carers aged 8 to 18", "minimum_age": 8,
             "maximum_age": 18}
        ],
        "fundings": [{"id": "f1", "source": "Lottery"}],
        "languages": [{"id": "l1", "language": "Polish"}],
        "contacts": [
            {"id": str(uuid.uuid4()), "name": "Club leader",
             "phones": [{"id": str(uuid.uuid4()), "number": "01724 000000"}]}
        ],
        "regular_schedules": [
            {"id": str(uuid.uuid4()), "freq": "WEEKLY", "byday": "TU",
             "opens_at": "16:00", "closes_at": "18:00", "description": "Term time"}
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location": {
                    "id": str(uuid.uuid4()),
                    "name": "The Youth Hub",
                    "description": "Behind the library.",
                    "physical_addresses": [
                        {"id": "a1", "address_1": "1 High Street", "city": "Scunthorpe",
                         "postal_code": "ZZ99 9ZZ9", "country": "GB"}
                    ],
                    "accessibility_for_disabilities": [
                        {"id": "x1", "accessibility": "Step-free entrance"}
                    ],
                },
                "regular_schedules": [
                    {"id": str(uuid.uuid4()), "freq": "WEEKLY", "byday": "SA",
                     "opens_at": "10:00", "closes_at": "12:00"}
                ],
            }
        ],
        "service_taxonomys": [
            {"id": "t1", "taxonomy": {"id": str(uuid.uuid4()), "name": "Young carers",
                                      "vocabulary": "Circumstance"}},
            {"id": "t2", "taxonomy": {"id": str(uuid.uuid4()), "name": "Universal",
                                      "vocabulary": "Level of need"}},
        ],
    }  # fmt: skip
    body.update(overrides)
    return body


def test_a_full_v1_record_keeps_what_the_catalogue_has_a_place_for(site_structure) -> None:
    item = v1_record()
    report = import_services([copy.deepcopy(item)], publish=True)
    assert report.ok and report.versions == {"1": 1}, report.lines()
    service = ServicePage.objects.get(oruk_id=item["id"])
    assert service.website == "https://www.carers.example.org"
    assert service.email == "club@carers.example.org"
    assert service.is_free is False and service.fees_description == "£1 a session"
    assert service.eligibility == "Young carers aged 8 to 18"
    assert (service.minimum_age, service.maximum_age) == (8, 18)
    assert service.in_person and service.self_referral
    assert [c.name for c in service.circumstances.all()] == ["Young carers"]
    assert [level.slug for level in service.levels.all()] == ["universal"]
    assert [language.code for language in service.languages.all()] == ["pl"]
    assert [(s.weekday, str(s.opens_at)) for s in service.schedules.all()] == [("tu", "16:00:00")]
    (place,) = service.locations.all()
    assert place.description == "Behind the library."
    assert place.accessibility == "Step-free entrance"
    assert place.opening_hours == "Saturday 10:00–12:00"
    assert "ZZ99 9ZZ9" in place.address_2 and place.postcode == ""
    (contact,) = service.contacts.all()
    assert contact.phone == "01724 000000"
    assert service.organisation.website == "https://carers.example.org"
    # Messages point at the record as published, in v1's own names.
    paths = {warning.path for warning in report.warnings}
    assert "$.service_at_locations[0].location.physical_addresses[0].postal_code" in paths
    assert report.unplaced == {"$.fundings[*].source": 1, "$.deliverable_type": 1}
    # The page shows the place, its opening times and who it is for.
    page = Client().get(service.url).content.decode()
    for text in ("Behind the library.", "Saturday 10:00–12:00", "Young carers aged 8 to 18"):
        assert text in page
    again = import_services([copy.deepcopy(item)], publish=True)
    assert len(again.unchanged) == 1


# -- repairs ----------------------------------------------------------------------------------


def test_common_defects_are_repaired_with_a_warning(site_structure, postcodes) -> None:
    item = record(
        id="council-service-17",  # not a UUID
        name="  Stay \u00a0 and play  ",
        url="www.hithergreen.example.org/play",
        email="mailto:play @hithergreen.example.org",
        alert="",
        minimum_age="0",
        maximum_age="5",
        assured_date="2099-01-01",
    )
    item["organization"]["email"] = ""
    report = import_services([copy.deepcopy(item)], publish=True)
    assert report.ok, report.lines()
    service = ServicePage.objects.get(title="Stay and play")
    assert service.website == "https://www.hithergreen.example.org/play"
    assert service.email == "play@hithergreen.example.org"
    assert (service.minimum_age, service.maximum_age) == (0, 5)
    assert service.last_reviewed is None  # a date in the future is not kept
    warned = {w.path: w.message for w in report.warnings}
    assert "is not a UUID" in warned["$.id"] and service.oruk_id in warned["$.id"]
    assert "https://" in warned["$.url"] and "read as" in warned["$.email"]
    assert "future" in warned["$.assured_date"]
    # The id made from the publisher's finds the same service next time.
    assert len(import_services([copy.deepcopy(item)], publish=True).unchanged) == 1


def test_over_long_values_are_cut_or_dropped_with_a_warning(site_structure, postcodes) -> None:
    item = record(name="A" * 300, url="https://example.org/" + "x" * 300, alert="B" * 400)
    report = import_services([item], publish=True)
    assert report.ok
    service = ServicePage.objects.get(oruk_id=item["id"])
    assert len(service.title) == 255 and service.title.endswith("…")
    assert service.website == "" and len(service.alert) == 255
    assert {"$.name", "$.url", "$.alert"} <= {w.path for w in report.warnings}


def test_no_organisation_is_handled(site_structure, postcodes) -> None:
    orphan = record(organization=None)
    del orphan["organization"]
    report = import_services([orphan], publish=True)
    assert report.ok
    service = ServicePage.objects.get(oruk_id=orphan["id"])
    assert service.organisation.name == "Organisation not given by the feed"
    assert "$.organization" in {w.path for w in report.warnings}


def test_html_is_sanitised_into_rich_text(site_structure, postcodes) -> None:
    long_opening = " ".join(f"Week {n}: families meet to play and talk." for n in range(10))
    item = record(
        description=(
            f"<p class='x' style='color:red'>{long_opening}</p>"
            "<h4 onclick='steal()'>What happens</h4><script>alert(1)</script>"
            "<style>p {display:none}</style><ul><li><strong>Songs</strong></li>"
            "<li><a href='javascript:alert(1)'>Stories</a> and "
            "<a href='https://example.org/more' target='_blank'>more</a></li></ul>"
            "<div><span>Bring&nbsp;a snack</span></div>"
        )
    )
    assert import_services([item], publish=True).ok
    service = ServicePage.objects.get(oruk_id=item["id"])
    # The summary is the opening sentences that fit; the description goes on from there.
    assert service.summary.startswith("Week 0:") and service.summary.endswith("talk.")
    assert len(service.summary) <= 300
    next_week = int(service.summary.split("Week ")[-1].split(":")[0]) + 1
    assert service.description.startswith(f"<p>Week {next_week}:")
    html = service.description
    assert "<h3>What happens</h3>" in html
    assert "<ul><li><b>Songs</b></li>" in html
    assert '<a href="https://example.org/more">more</a>' in html
    assert "alert" not in html and "display" not in html and "javascript" not in html
    assert "onclick" not in html and "class=" not in html and "target" not in html
    assert "<p>Bring a snack</p>" in html


# -- nothing lost silently --------------------------------------------------------------------


def test_phones_from_every_place_the_standard_allows(site_structure, postcodes) -> None:
    item = record()
    item["phones"] = [{"id": str(uuid.uuid4()), "number": "020 7946 0001", "description": "Main"}]
    link = item["service_at_locations"][0]
    link["phones"] = [{"id": str(uuid.uuid4()), "number": "020 7946 0002"}]
    link["location"]["phones"] = [{"id": str(uuid.uuid4()), "number": "020 7946 0003"}]
    item["organization"]["phones"] = [{"id": str(uuid.uuid4()), "number": "020 7946 0004"}]
    assert import_services([item], publish=True).ok
    service = ServicePage.objects.get(oruk_id=item["id"])
    phones = {contact.phone: contact for contact in service.contacts.all()}
    assert set(phones) == {"020 7946 0000", "020 7946 0001", "020 7946 0002", "020 7946 0003"}
    assert phones["020 7946 0001"].phone_description == "Main"
    assert phones["020 7946 0003"].name == "Hither Green Hub"  # the place it is for
    assert service.organisation.phone == "020 7946 0004"
    page = Client().get(service.url).content.decode()
    assert all(number in page for number in phones)


@pytest.mark.parametrize(
    ("options", "fees", "free", "details"),
    [
        ([], None, None, ""),  # nothing said: unknown, not free
        ([{"amount": 0}], None, True, ""),
        ([{"amount": 3, "option": "Adults", "amount_description": "a session"}],
         "Concessions half price", False, "Adults: 3 GBP a session\nConcessions half price"),
        ([], "Free for families on benefits, £2 otherwise", False,
         "Free for families on benefits, £2 otherwise"),
        ([], "Free", True, ""),
    ],
)  # fmt: skip
def test_cost_is_kept_as_given(site_structure, postcodes, options, fees, free, details) -> None:
    item = record(cost_options=[{"id": str(uuid.uuid4()), **option} for option in options])
    if fees is not None:
        item["fees_description"] = fees
    assert import_services([item], publish=True).ok
    service = ServicePage.objects.get(oruk_id=item["id"])
    assert (service.is_free, service.fees_description) == (free, details)
    if free is None:
        assert (
            "Ask the service whether there is a charge"
            in Client().get(service.url).content.decode()
        )
        body = Client().get(f"/api/openreferral/services/{item['id']}").json()
        assert body["cost_options"] == [] and "fees" not in body


def test_organisations_are_updated_when_matched(site_structure, postcodes) -> None:
    item = record()
    assert import_services([copy.deepcopy(item)], publish=True).ok
    item["organization"]["description"] = "A local charity since 1990."
    item["organization"]["website"] = "https://hithergreen.example.org"
    report = import_services([item], publish=True)
    assert report.organisations_updated == ["Hither Green Families"]
    organisation = Organisation.objects.get(oruk_id=item["organization"]["id"])
    assert organisation.description == "A local charity since 1990."
    assert organisation.website == "https://hithergreen.example.org"
    assert import_services([item], publish=True).organisations_updated == []


def test_location_details_eligibility_and_application_are_kept_and_shown(
    site_structure, postcodes
) -> None:
    item = record(
        eligibility_description="Families living in Lewisham",
        application_process="<p>Just turn up.</p><p>Or call first.</p>",
    )
    place = item["service_at_locations"][0]["location"]
    place["description"] = "The hall behind the church."
    place["transportation"] = "Buses 181 and 284 stop outside."
    place["schedules"] = [
        {"id": str(uuid.uuid4()), "freq": "WEEKLY", "byday": "MO,TU", "opens_at": "09:00",
         "closes_at": "17:00"}
    ]  # fmt: skip
    assert import_services([item], publish=True).ok
    service = ServicePage.objects.get(oruk_id=item["id"])
    (location,) = service.locations.all()
    assert location.transportation == "Buses 181 and 284 stop outside."
    assert location.opening_hours == "Monday 09:00–17:00\nTuesday 09:00–17:00"
    assert service.access_instructions == "Just turn up.\nOr call first."
    page = Client().get(service.url).content.decode()
    for text in ("The hall behind the church.", "Buses 181 and 284", "Tuesday 09:00–17:00",
                 "Families living in Lewisham", "Just turn up."):  # fmt: skip
        assert text in page


def test_fields_with_no_place_are_listed(site_structure, postcodes) -> None:
    item = record(alternate_name="SAP", wait_time="2 weeks")
    item["funding"] = [{"id": str(uuid.uuid4()), "source": "Council"}]
    item["organization"]["tax_status"] = "charity"
    report = import_services([item, record(alternate_name="Other")], publish=True)
    assert report.unplaced == {
        "$.alternate_name": 2,
        "$.wait_time": 1,
        "$.funding[*].source": 1,
        "$.organization.tax_status": 1,
    }
    assert any("$.funding[*].source in 1 records" in line for line in report.lines())


# -- feeds over HTTP -------------------------------------------------------------------------


def _paged(contents: list[Any], number: int, total: int) -> bytes:
    return json.dumps(
        {"total_items": 5, "total_pages": total, "page_number": number, "size": len(contents),
         "first_page": number == 1, "last_page": number == total, "empty": not contents,
         "contents": contents}
    ).encode()  # fmt: skip


def _summary(full: dict[str, Any]) -> dict[str, Any]:
    """What a /services list item carries: the one-to-one fields."""
    keep = ("id", "name", "description", "status", "url", "email", "minimum_age", "maximum_age")
    return {key: full[key] for key in keep if key in full}


def test_a_paged_v3_list_is_followed_and_each_services_details_fetched(
    site_structure, postcodes, feed_server, settings
) -> None:
    settings.IMPORT_FETCH_CONCURRENCY = 2
    full = [record(name=f"Service {n}") for n in range(5)]
    routes = feed_server.routes
    routes["/api/services?per_page=2"] = _paged([_summary(s) for s in full[:2]], 1, 3)
    routes["/api/services?per_page=2&page=2"] = _paged([_summary(s) for s in full[2:4]], 2, 3)
    routes["/api/services?per_page=2&page=3"] = _paged([_summary(s) for s in full[4:]], 3, 3)
    busy = {"now": 0, "most": 0}
    lock = threading.Lock()

    def slow(body: bytes):
        def answer(handler) -> None:
            with lock:
                busy["now"] += 1
                busy["most"] = max(busy["most"], busy["now"])
            time.sleep(0.05)
            with lock:
                busy["now"] -= 1
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        return answer

    for service in full[:4]:
        routes[f"/api/services/{service['id']}"] = slow(json.dumps(service).encode())
    # The last one is refused twice (rate limit, then an outage) before it answers.
    answers = [status(429, {"Retry-After": "0"}), status(503), slow(json.dumps(full[4]).encode())]
    routes[f"/api/services/{full[4]['id']}"] = lambda handler: answers.pop(0)(handler)

    feed = load_feed(feed_server.url + "/api/services?per_page=2")
    assert feed.pages == 3 and feed.details == 5 and feed.retries == 2 and not feed.notes
    assert busy["most"] <= 2
    assert [r["id"] for r in feed.records] == [s["id"] for s in full]
    report = import_services(feed.records, publish=True)
    assert report.ok and len(report.created) == 5
    service = ServicePage.objects.get(oruk_id=full[0]["id"])
    # Not "available across the area": its location came with its details.
    assert [place.postcode for place in service.locations.all()] == ["SE13 6LH"]
    assert not service.available_across_area and service.contacts.exists()


def test_details_that_cannot_be_fetched_leave_the_service_as_it_was(
    site_structure, postcodes, feed_server
) -> None:
    full = record()
    assert import_services([copy.deepcopy(full)], publish=True).ok
    feed_server.routes["/services"] = json.dumps([_summary(full)]).encode()  # and 404 for it
    feed = load_feed(feed_server.url + "/services")
    assert feed.details == 0 and "could not be fetched" in feed.notes[0]
    report = import_services(feed.records, publish=True, feed_notes=feed.notes)
    assert "could not be fetched" in report.warnings[0].message
    service = ServicePage.objects.get(oruk_id=full["id"])
    assert service.locations.count() == 1 and service.contacts.count() == 1


def test_a_v1_paged_list_is_followed(site_structure, feed_server) -> None:
    """ORUK v1's list: Spring's page object, numbered from 0, asked for from page 1."""
    items = [v1_record(name=f"Club {n}") for n in range(3)]

    def page(contents: list[Any], number: int) -> bytes:
        return json.dumps(
            {"totalElements": 3, "totalPages": 2, "number": number, "size": 2,
             "first": number == 0, "last": number == 1, "content": contents}
        ).encode()  # fmt: skip

    feed_server.routes["/services?page=1"] = page(items[:2], 0)
    feed_server.routes["/services?page=2"] = page(items[2:], 1)
    feed = load_feed(feed_server.url + "/services?page=1")
    assert [r["id"] for r in feed.records] == [item["id"] for item in items]
    assert feed.details == 0  # full records already
    report = import_services(feed.records, publish=True)
    assert report.ok and report.versions == {"1": 3}


def test_revisions_are_not_added_by_an_unchanged_reimport(site_structure, postcodes) -> None:
    items = [record(attributes=[attribute("Level of need", "Universal")]) for _ in range(3)]
    import_services(copy.deepcopy(items), publish=True)
    before = Revision.objects.count()
    report = import_services(copy.deepcopy(items), publish=True)
    assert len(report.unchanged) == 3 and Revision.objects.count() == before
