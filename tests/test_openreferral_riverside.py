"""A second feed, shaped unlike North Lincolnshire's: an ORUK v3 paged list from a made-up
council (tests/data/openreferral-v3/riverside-services.json), whose list items carry only
one-to-one fields, so each service's details are fetched from /services/{id}; its records carry
the defects real v3 feeds have (see the data's README). Served by a real local HTTP server.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from directory.models import ServicePage
from exchange.openreferral.fetching import load_feed
from exchange.openreferral.importing import import_services

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data" / "openreferral-v3" / "riverside-services.json"


@pytest.fixture
def riverside(feed_server) -> dict[str, Any]:
    data = json.loads(DATA.read_text())
    routes = feed_server.routes
    for number, page in enumerate(data["pages"], start=1):
        suffix = "" if number == 1 else f"?page={number}"
        routes[f"/api/v3/services{suffix}"] = json.dumps(page).encode()
    for service in reversed(data["services"]):  # a duplicated id answers with its first record
        routes[f"/api/v3/services/{service['id']}"] = json.dumps(service).encode()
    return {"url": feed_server.url + "/api/v3/services", "data": data}


def _service(name: str) -> ServicePage:
    return ServicePage.objects.get(title__startswith=name)


def test_a_v3_feed_with_the_defects_real_feeds_have(site_structure, postcodes, riverside) -> None:
    feed = load_feed(riverside["url"])
    records = riverside["data"]["services"]
    # Three pages; every list item's details fetched (the duplicate's id once per item).
    assert feed.pages == 3 and feed.details == len(records) and not feed.notes
    report = import_services(feed.records, publish=True)
    # Only a service with no name and a second record with the same id are refused.
    refused = {(error.index, error.path) for error in report.errors}
    assert refused == {(2, "$.name"), (3, "$.id")}, report.lines()[:20]
    assert len(report.created) == len(records) - 2
    lines = "\n".join(report.lines())

    hub = _service("Riverside Family Hub")
    # HTML: the heading stays in the description, the summary is the first paragraph, scripts,
    # styles and attributes gone, the table's cells kept as text.
    assert hub.summary.startswith("Drop-in play sessions") and "Stay" not in hub.summary
    assert "<h3>Stay &amp; Play</h3>" in hub.description and "10am" in hub.description
    for gone in ("script", "alert", "style", "onclick", "color:red", "<table"):
        assert gone not in hub.description
    assert hub.email == "StayAndPlay@riverside.example.gov.uk"
    assert hub.website == "https://www.riverside.example.gov.uk/stay-and-play"
    (place,) = hub.locations.all()
    assert place.postcode == "SE13 6LH" and place.latitude == 51.4613  # given as text
    assert place.description == "The blue door next to the library."
    assert [c.phone for c in hub.contacts.all()] == ["020 7946 0101"]  # the location's phone
    assert hub.is_free is True and hub.schedules.exists()

    dads = _service("Dads' Group")
    assert dads.title == "Dads' Group"  # non-breaking spaces trimmed
    assert (dads.minimum_age, dads.maximum_age) == (0, 11)  # ages given as text
    assert [c.phone for c in dads.contacts.all()] == ["+44 20 7946 0202"]  # "tel:" dropped
    assert dads.organisation.name == "Kite Trust"
    assert dads.organisation.website == "https://kitetrust.example.org.uk"

    haf = _service("Holiday Activities and Food")
    assert haf.website == "" and "2,143 characters long" in lines  # an over-long address
    assert haf.is_free is False and "£10 a day" in haf.fees_description
    assert "Ofsted" not in lines and "$.accreditations in 1 records" in lines

    speech = _service("Speech and Language")
    assert speech.minimum_age is None and "run backwards" in lines
    assert [c.email for c in speech.contacts.all()] == ["slt@riverside.example.nhs.uk"]
    assert "'9am' is not a time" in lines

    massage = _service("Baby Massage")
    assert [p.name for p in massage.locations.all()] == ["Riverside Library"]
    assert massage.locations.get().latitude != 951.0 and "not a position on Earth" in lines
    assert massage.is_free is None  # "£25.00" is not an amount: the cost is not known
    assert "Organisation not given" in massage.organisation.name

    closed = _service("Closed Toy Library")
    assert not closed.live and "'closed' is not a status" in lines
    carers = _service("Young Carers")
    assert carers.email == "young.carers@kitetrust.example.org.uk"
    assert "Somali" in lines or carers.languages.filter(code="so").exists()
    assert "2024-02-30T25:00:00" in lines
    assert _service("Breastfeeding Support").organisation.name == "Riverside Borough Council"
    assert not _service("Antenatal Classes").live
    fis = _service("Family Information Service")
    assert sorted(c.phone for c in fis.contacts.all()) == ["020 7946 0313", "020 7946 0314"]
    assert len(_service("Early Help").title) <= 255

    # A second pull of the same feed changes nothing.
    again = import_services(load_feed(riverside["url"]).records, publish=True)
    assert not again.created and not again.updated and len(again.unchanged) == len(records) - 2
