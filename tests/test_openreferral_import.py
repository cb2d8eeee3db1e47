"""Open Referral UK import and export: the standard's own example, a feed with a bad record
(nothing written), re-importing (nothing changes), unknown taxonomy terms, paged feeds fetched
over HTTP (from a local server), the management commands, and the round trip of the whole demo
borough through export and import with identical API output.
"""

from __future__ import annotations

import copy
import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from directory.models import (
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    ServicePage,
)
from exchange.openreferral.fetching import SourceError, load_records
from exchange.openreferral.importing import import_services

from .oruk_records import attribute, import_counts, record

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parent / "data" / "oruk" / "examples" / "service_full.json"
API = "/api/openreferral/"


@pytest.fixture
def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text())


@pytest.fixture(autouse=True)
def no_rate_limit(settings) -> None:
    settings.OPENREFERRAL_RATE_LIMIT = 0


# -- the standard's example ---------------------------------------------------------------


def test_imports_the_standards_example(site_structure, postcodes, example) -> None:
    report = import_services([example], publish=True)
    assert report.ok, report.lines()
    assert report.created == [f"Community Counselling ({example['id']})"]
    service = ServicePage.objects.get(oruk_id=example["id"])
    assert service.live and service.title == "Community Counselling"
    assert service.summary.startswith("Counselling Services provided by trained professionals.")
    assert (service.minimum_age, service.maximum_age) == (12, 100)
    assert str(service.last_reviewed) == "2005-01-01"
    assert service.website == "http://example.com/counselling"
    # The only cost option has an amount above zero: charged, with the option's and the fees'
    # words (neither overrides the other).
    assert service.is_free is False
    assert service.fees_description.splitlines() == [
        "Under 18s and Over 60s: 35 GBP per 1 hour session",
        "fees_description",
    ]
    organisation = service.organisation
    assert organisation.oruk_id == example["organization"]["id"]
    assert organisation.name == "Example Organization Inc."
    assert organisation.company_number == "1234567"
    # TH,FR 10:00-18:00: two weekly openings, the first keeps the schedule's id.
    schedules = list(service.schedules.all())
    assert [(s.weekday, str(s.opens_at), str(s.closes_at)) for s in schedules] == [
        ("th", "10:00:00", "18:00:00"),
        ("fr", "10:00:00", "18:00:00"),
    ]
    assert schedules[0].oruk_id == example["schedules"][0]["id"]
    assert service.schedule_notes.startswith("Some of our staff")
    # The location: its US postcode and impossible coordinates are not put on the map, and
    # nothing of the address is lost.
    (place,) = service.locations.all()
    assert place.oruk_id == example["service_at_locations"][0]["location"]["id"]
    assert (place.name, place.address_1, place.city) == (
        "MyCity Civic Center",
        "1-30 Main Street",
        "MyCity",
    )
    assert place.postcode == "" and "ABC 1234" in place.address_2
    assert place.latitude is None and place.longitude is None
    assert place.accessibility.startswith("The building is equipped with induction loops")
    assert service.in_person and not service.available_across_area
    # Its attribute's taxonomy ("taxonomy") is not ours: kept on the service as it came.
    (kept,) = service.external_terms.all()
    term = example["attributes"][0]["taxonomy_term"]
    assert (kept.taxonomy, kept.term, kept.term_id) == ("taxonomy", "name", term["id"])
    assert report.other_terms == 1
    # What could not be kept is reported, with the JSON path.
    warned = {warning.path for warning in report.warnings}
    assert "$.contacts[0]" in warned  # no phone or email
    assert "$.languages[0]" in warned  # no language given
    assert "$.service_at_locations[0].location.addresses[0].postal_code" in warned
    # The API publishes the kept term back.
    body = _client_get(f"services/{example['id']}")
    assert term["id"] in [a["taxonomy_term_id"] for a in body["attributes"]]
    # And the service page shows it to families and practitioners.
    page_html = Client().get(service.url).content.decode()
    assert "Also listed under" in page_html and "taxonomy: name" in page_html
    # Importing it again changes nothing.
    before = import_counts()
    again = import_services([example], publish=True)
    assert again.ok and len(again.unchanged) == 1 and import_counts() == before


def _client_get(path: str) -> dict[str, Any]:
    from django.test import Client

    response = Client().get(API + path)
    assert response.status_code == 200, response.content[:300]
    return response.json()


# -- each record on its own, or all or nothing -------------------------------------------


def _five_records() -> list[dict[str, Any]]:
    good = record(name="Good one")
    bad_phone = record(name="Bad phone")
    bad_phone["contacts"][0]["phones"][0]["number"] = "12"
    bad_status = record(name="Bad status", status=7)
    blank_name = record(name="   ")
    no_id = record(name="No id", id="   ")
    return [good, bad_phone, bad_status, blank_name, no_id]


def test_good_records_are_written_and_bad_ones_listed(site_structure, postcodes) -> None:
    records = _five_records()
    report = import_services(copy.deepcopy(records), publish=True)
    assert not report.ok
    # The phone that is not a phone is dropped with a warning; the service is imported.
    assert [name.split(" (")[0] for name in report.created] == ["Good one", "Bad phone"]
    assert "$.contacts[0].phones[0].number" in {w.path for w in report.warnings if w.index == 1}
    where = {(error.index, error.record_id, error.path) for error in report.errors}
    assert where == {
        (2, records[2]["id"], "$.status"),
        (3, records[3]["id"], "$.name"),
        (4, records[4]["id"], "$.id"),
    }
    assert report.summary().startswith("Imported 2 of 5 records")
    assert "3 not imported" in report.summary()
    assert ServicePage.objects.filter(oruk_id__in=[r["id"] for r in records]).count() == 2


def test_strict_writes_nothing_when_any_record_is_bad(site_structure, postcodes) -> None:
    records = _five_records()
    records[0]["attributes"].append(attribute("Need", "Forest school"))
    before = import_counts()
    report = import_services(records, publish=True, strict=True)
    assert import_counts() == before  # not the good services, nor the new need, nor an organisation
    assert not Need.objects.filter(name="Forest school").exists()
    assert report.created == report.updated == []
    assert {error.index for error in report.errors} == {2, 3, 4}
    assert report.summary().startswith("Nothing was imported: 3 of 5 records have problems")
    # Without the bad ones, strict imports everything.
    report = import_services(records[:2], publish=True, strict=True)
    assert report.ok and len(report.created) == 2
    assert Need.objects.get(name="Forest school").needs_review


def test_the_same_id_twice_is_reported_and_the_first_kept(site_structure, postcodes) -> None:
    first = record()
    second = copy.deepcopy(first)
    second["name"] = "A second service with the same id"
    report = import_services([first, second], publish=True)
    assert [(e.index, e.path) for e in report.errors] == [(1, "$.id")]
    assert ServicePage.objects.get(oruk_id=first["id"]).title == "Stay and play"


# -- upserting ------------------------------------------------------------------------------


def test_re_importing_changes_nothing_and_a_change_updates(site_structure, postcodes) -> None:
    feed = [record(), record(name="Toy library", id=str(uuid.uuid4()))]
    first = import_services(copy.deepcopy(feed), publish=True)
    assert first.ok, first.lines()
    assert len(first.created) == 2 and first.organisations_created == ["Hither Green Families"]
    service = ServicePage.objects.get(oruk_id=feed[0]["id"])
    # Geocoded from the postcode table; two openings; a level and a need.
    (place,) = service.locations.all()
    assert (place.postcode, place.latitude, place.longitude) == ("SE13 6LH", 51.4521, -0.0123)
    assert [s.weekday for s in service.schedules.all()] == ["mo", "we"]
    assert [level.slug for level in service.levels.all()] == ["universal"]
    assert [need.name for need in service.needs.all()] == ["Parenting programmes"]
    assert service.is_free and service.summary == "Songs and play for under-fives."
    assert service.description == "<p>Bring a snack.</p><p>No need to book.</p>"
    before = import_counts()
    child_ids = sorted(place.pk for place in service.locations.all())

    again = import_services(copy.deepcopy(feed), publish=True)
    assert again.ok and again.created == again.updated == [] and len(again.unchanged) == 2
    assert import_counts() == before
    service.refresh_from_db()
    assert sorted(place.pk for place in service.locations.all()) == child_ids

    feed[0]["name"] = "Stay and play (Mondays and Wednesdays)"
    feed[0]["cost_options"] = [{"id": str(uuid.uuid4()), "amount": 2.5, "currency": "GBP"}]
    changed = import_services(copy.deepcopy(feed), publish=True)
    assert changed.ok, changed.lines()
    assert len(changed.updated) == 1 and len(changed.unchanged) == 1
    service = ServicePage.objects.get(oruk_id=feed[0]["id"])
    assert service.title == "Stay and play (Mondays and Wednesdays)" and service.live
    assert not service.is_free and service.fees_description == "2.5 GBP"
    assert not service.has_unpublished_changes
    # The location kept its row (and id) rather than being replaced.
    assert sorted(place.pk for place in service.locations.all()) == child_ids


def test_defunct_services_are_not_published(site_structure, postcodes) -> None:
    feed = [record()]
    assert import_services(copy.deepcopy(feed), publish=True).ok
    feed[0]["status"] = "defunct"
    report = import_services(copy.deepcopy(feed), publish=True)
    assert report.ok and len(report.updated) == 1
    service = ServicePage.objects.get(oruk_id=feed[0]["id"])
    assert not service.live
    assert service.get_latest_revision_as_object().status == "defunct"
    new = record(status="inactive")
    assert import_services([new], publish=True).ok
    assert not ServicePage.objects.get(oruk_id=new["id"]).live


def test_no_physical_location_means_area_wide(site_structure, postcodes) -> None:
    virtual = {
        "id": str(uuid.uuid4()),
        "location": {"id": str(uuid.uuid4()), "location_type": "virtual", "name": "Zoom"},
    }
    online = record(service_at_locations=[virtual])
    nowhere = record(service_at_locations=[])
    area = {"id": str(uuid.uuid4()), "name": "Bellingham ward"}
    in_a_ward = record(service_at_locations=[], service_areas=[area])
    assert import_services([online, nowhere, in_a_ward], publish=True).ok
    for item, is_online in ((online, True), (nowhere, False)):
        service = ServicePage.objects.get(oruk_id=item["id"])
        assert service.available_across_area and service.is_area_wide
        assert not service.locations.exists() and service.online is is_online
    # Named areas say where it is available: not the whole area.
    service = ServicePage.objects.get(oruk_id=in_a_ward["id"])
    assert not service.available_across_area
    assert [a.name for a in service.service_areas.all()] == ["Bellingham ward"]


# -- taxonomy terms -------------------------------------------------------------------------


def test_unknown_terms_are_created_to_review_or_kept(site_structure, postcodes) -> None:
    parenting = Need.objects.get(name="Parenting and family relationships")  # a category
    item = record(
        attributes=[
            attribute("LEVEL OF NEED", "universal"),  # taxonomy and term: any case
            attribute("Need", "Forest school", parent_id=parenting.oruk_id),
            attribute("Circumstance", "Families new to the area"),
            attribute("Level of need", "Tier 5"),
            attribute("Age band", "Great-grandparents"),
            attribute("Need", "parenting programmes", id=str(uuid.uuid4())),
            attribute("OpenActive activity list", "Football", code="football"),
        ]
    )
    report = import_services([item], publish=True)
    assert report.ok, report.lines()
    service = ServicePage.objects.get(oruk_id=item["id"])
    forest = Need.objects.get(name="Forest school")
    assert forest.needs_review and forest.parent == parenting
    kinship = Circumstance.objects.get(name="Families new to the area")
    assert kinship.needs_review
    assert sorted(n.name for n in service.needs.all()) == ["Forest school", "Parenting programmes"]
    assert [c.name for c in service.circumstances.all()] == ["Families new to the area"]
    assert [level.slug for level in service.levels.all()] == ["universal"]
    # Levels and age bands are not invented: kept as they came, with the other taxonomy.
    assert not LevelOfNeed.objects.filter(name="Tier 5").exists()
    kept = {(t.taxonomy, t.term) for t in service.external_terms.all()}
    assert kept == {
        ("Level of need", "Tier 5"),
        ("Age band", "Great-grandparents"),
        ("OpenActive activity list", "Football"),
    }
    assert [(t.taxonomy, t.name, t.created) for t in report.unknown_terms] == [
        ("Need", "Forest school", True),
        ("Circumstance", "Families new to the area", True),
        ("Level of need", "Tier 5", False),
        ("Age band", "Great-grandparents", False),
    ]
    assert report.other_terms == 1
    # A second import finds the terms it created: nothing new, nothing changed.
    before = import_counts()
    again = import_services([item], publish=True)
    assert again.ok and len(again.unchanged) == 1 and import_counts() == before
    # The public API publishes every term, the kept ones as they came.
    published = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["name"])
        for a in _client_get(f"services/{item['id']}")["attributes"]
    }
    assert {("Need", "Forest school"), ("OpenActive activity list", "Football")} <= published


def test_a_record_without_levels_keeps_the_ones_an_editor_set(site_structure, postcodes) -> None:
    item = record(attributes=[])
    report = import_services([item], publish=True)
    assert report.ok
    assert any("no level of need" in note for note in report.notes)
    service = ServicePage.objects.get(oruk_id=item["id"])
    assert not service.levels.exists()
    service.levels.set([LevelOfNeed.objects.get(slug="targeted")])
    service.save_revision().publish()
    assert len(import_services([item], publish=True).unchanged) == 1
    service = ServicePage.objects.get(oruk_id=item["id"])
    assert [level.slug for level in service.levels.all()] == ["targeted"]


# -- sources ----------------------------------------------------------------------------------


def _page(contents: list[Any], number: int, total: int) -> bytes:
    return json.dumps(
        {
            "total_items": 5,
            "total_pages": total,
            "page_number": number,
            "size": len(contents),
            "first_page": number == 1,
            "last_page": number == total,
            "empty": not contents,
            "contents": contents,
        }
    ).encode()


def test_a_paged_feed_is_followed_page_by_page(site_structure, postcodes, feed_server) -> None:
    url, pages = feed_server.url, feed_server.routes
    feed = [record(name=f"Service {n}") for n in range(5)]
    pages["/services?per_page=2"] = _page(feed[:2], 1, 3)
    pages["/services?per_page=2&page=2"] = _page(feed[2:4], 2, 3)
    pages["/services?per_page=2&page=3"] = _page(feed[4:], 3, 3)
    seen: list[int] = []
    records = load_records(url + "/services?per_page=2", on_page=lambda n, t: seen.append(n))
    assert [r["id"] for r in records] == [r["id"] for r in feed]
    assert seen == [1, 2, 3]
    out = io.StringIO()
    call_command(
        "import_openreferral",
        url + "/services?per_page=2",
        "--no-progress",
        "--publish",
        stdout=out,
    )
    assert "5 created" in out.getvalue()
    assert ServicePage.objects.filter(oruk_id__in=[r["id"] for r in feed]).count() == 5


def test_unreadable_sources_are_clear_errors(tmp_path, feed_server) -> None:
    url, pages = feed_server.url, feed_server.routes
    pages["/broken"] = b"{not json"
    with pytest.raises(SourceError, match="404"):
        load_records(url + "/missing")
    with pytest.raises(SourceError, match="not JSON"):
        load_records(url + "/broken")
    with pytest.raises(SourceError, match="Cannot read"):
        load_records(str(tmp_path / "nothing.json"))
    (tmp_path / "number.json").write_text("42")
    with pytest.raises(SourceError, match="Expected a service record"):
        load_records(str(tmp_path / "number.json"))


def test_the_command_reports_errors_and_exits_non_zero(site_structure, postcodes, tmp_path):
    path = tmp_path / "feed.json"
    good, bad = record(), record(status=7)
    path.write_text(json.dumps([good, bad]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 not imported"):
        call_command("import_openreferral", str(path), "--no-progress", stderr=err)
    assert f"record 1 ({bad['id']}) at $.status" in err.getvalue()
    assert not ServicePage.objects.filter(oruk_id=bad["id"]).exists()
    assert ServicePage.objects.filter(oruk_id=good["id"]).exists()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_openreferral", str(path), "--no-progress", "--strict", stderr=err)
    ServicePage.objects.filter(oruk_id=good["id"]).delete()
    out = io.StringIO()
    path.write_text(json.dumps(record()))  # a single object
    call_command("import_openreferral", str(path), "--no-progress", "--dry-run", stdout=out)
    assert "Checked 1 record (ORUK v3: 1): all 1 can be imported. Nothing was saved" in (
        out.getvalue()
    )
    assert ServicePage.objects.filter(title="Stay and play").count() == 0


# -- the admin upload --------------------------------------------------------------------


def _upload(client, records: Any, action: str = "publish"):
    """Post a feed file; its import runs (as the worker would) and the run's page is the
    response (a form error is answered at once)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import TestCase

    upload = SimpleUploadedFile("feed.json", json.dumps(records).encode(), "application/json")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("directory_openreferral:import"), {"file": upload, "action": action}
        )
    if response.status_code == 302 and "/imports/runs/" in response.url:
        return client.get(response.url)
    return response


def test_admin_upload_imports_and_reports(client, commissioner, postcodes) -> None:
    client.force_login(commissioner)
    assert client.get(reverse("directory_openreferral:import")).status_code == 200
    good = record()
    response = _upload(client, [good])
    assert (
        response.status_code == 200
        and "Imported 1 of 1 record (published" in response.content.decode()
    )
    service = ServicePage.objects.get(oruk_id=good["id"])
    assert service.live and service.latest_revision.user == commissioner

    other, bad = record(), record(name="Bad", status=7)
    response = _upload(client, [other, bad])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Imported, with problems" in page and "Imported 1 of 2 records" in page
    assert "$.status" in page and bad["id"] in page and "<caption" in page
    assert not ServicePage.objects.filter(oruk_id=bad["id"]).exists()
    assert ServicePage.objects.filter(oruk_id=other["id"]).exists()

    check = record(attributes=[attribute("Need", "Messy play")])
    response = _upload(client, [check], action="check")
    assert response.status_code == 200 and "Messy play" in response.content.decode()
    assert not Need.objects.filter(name="Messy play").exists()
    # A check says it saved nothing, once, and never what importing would have done with it.
    summary = response.context["run"].summary
    assert summary.startswith("Checked 1 record (ORUK v3: 1): all 1 can be imported.")
    assert summary.count("Nothing was saved;") == 1
    assert "saved as drafts" not in summary and "published" not in summary

    response = _upload(client, {"not": "services"})
    assert response.status_code == 400 and "Expected a service record" in (
        response.content.decode()
    )

    export = client.get(reverse("directory_openreferral:export"))
    assert export.status_code == 200
    assert {item["id"] for item in json.loads(export.content)} == {good["id"], other["id"]}


def test_admin_upload_needs_the_import_permission(client, make_user) -> None:
    client.force_login(make_user("Editors", username="editor"))
    assert "Open Referral" not in client.get(reverse("wagtailadmin_home")).content.decode()
    responses = [
        client.get(reverse("directory_openreferral:import")),
        client.get(reverse("directory_openreferral:export")),
        _upload(client, [record()]),
    ]
    for response in responses:
        # Wagtail's admin turns a refusal into a redirect to the dashboard, with a message.
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert "Content-Disposition" not in response
    assert not ServicePage.objects.filter(title="Stay and play").exists()


# -- search index updates while importing ---------------------------------------------------


def test_a_long_import_updates_the_search_index_in_groups(
    site_structure, postcodes, monkeypatch
) -> None:
    """Each index update makes every app server read the index's facts again, so an import
    sends them in groups of batches, not one a batch; every service is indexed by the end."""
    from exchange.openreferral import importing
    from search import signals
    from search.models import IndexGeneration, SearchEntry

    monkeypatch.setattr(importing, "DEFAULT_BATCH_SIZE", 2)
    monkeypatch.setattr(signals, "DEFERRED_SERVICES", 3)
    records = [record(name=f"Stay and play {number}") for number in range(7)]
    before = IndexGeneration.current()[0]
    report = import_services(records, publish=True)
    assert report.ok, report.lines()
    # Batches of 2, 2, 2 and 1: the index is updated after the second (4 services) and the
    # fourth (3), not after each of the four.
    assert IndexGeneration.current()[0] - before == 2
    indexed = ServicePage.objects.filter(oruk_id__in=[r["id"] for r in records])
    assert SearchEntry.objects.filter(pk__in=indexed.values("pk")).count() == 7


def test_an_import_that_fails_midway_still_indexes_what_it_wrote(
    site_structure, postcodes, monkeypatch
) -> None:
    from exchange.openreferral import importing
    from search.models import SearchEntry

    monkeypatch.setattr(importing, "DEFAULT_BATCH_SIZE", 2)
    written = []
    original = importing._Importer.write

    def write_then_fail(self, batch):  # the third batch breaks, as a lost connection would
        if len(written) == 2:
            raise RuntimeError("connection lost")
        written.append(batch)
        original(self, batch)

    monkeypatch.setattr(importing._Importer, "write", write_then_fail)
    with pytest.raises(RuntimeError):
        import_services([record(name=f"Stay and play {n}") for n in range(6)], publish=True)
    assert SearchEntry.objects.filter(page__in=ServicePage.objects.all()).count() == 4


# -- round trip of the demo borough ---------------------------------------------------------


def _api_outputs(client) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    listing = client.get(API + "services", {"per_page": 1000}).json()
    each = {}
    for item in listing["contents"]:
        response = client.get(API + f"services/{item['id']}")
        assert response.status_code == 200
        each[item["id"]] = response.json()
    return listing, each


# Set by the server when the service is published; an import publishes anew.
DIFFERS = ("last_modified",)


def _without(body: Any) -> Any:
    if isinstance(body, dict):
        return {k: _without(v) for k, v in body.items() if k not in DIFFERS}
    if isinstance(body, list):
        return [_without(item) for item in body]
    return body


def _differences(left: Any, right: Any, path: str = "$") -> list[str]:
    """Where two JSON values differ, as paths (the first few), for a readable failure."""
    if isinstance(left, dict) and isinstance(right, dict):
        found = []
        for key in sorted(left.keys() | right.keys()):
            found += _differences(left.get(key), right.get(key), f"{path}.{key}")
        return found
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        return [
            d
            for i, (a, b) in enumerate(zip(left, right, strict=True))
            for d in _differences(a, b, f"{path}[{i}]")
        ]
    return [] if left == right else [f"{path}: {left!r} != {right!r}"[:300]]


def test_round_trip_through_export_and_import(client, demo, tmp_path) -> None:
    listing, each = _api_outputs(client)
    assert listing["total_items"] == 179
    path = tmp_path / "export.json"
    call_command("export_openreferral", str(path), "--no-progress", stdout=io.StringIO())
    exported = json.loads(path.read_text())
    assert len(exported) == 179
    assert exported == [each[item["id"]] for item in listing["contents"]]
    # Importing our own export back changes nothing (address lines, rich text and named areas
    # included).
    same = import_services(copy.deepcopy(exported), publish=True)
    assert same.ok and len(same.unchanged) == 179, same.lines()[:5]

    # An empty catalogue: no services, no organisations (the vocabularies stay).
    ServicePage.objects.all().delete()
    Organisation.objects.all().delete()
    assert client.get(API + "services").json()["total_items"] == 0

    out = io.StringIO()
    call_command("import_openreferral", str(path), "--no-progress", "--publish", stdout=out)
    assert "179 created" in out.getvalue()
    listing_after, each_after = _api_outputs(client)
    assert not _differences(_without(listing_after), _without(listing))[:10]
    assert not _differences(_without(each_after), _without(each))[:10]

    # And importing the same file again changes nothing.
    report = import_services(exported, publish=True)
    assert report.ok and len(report.unchanged) == 179, report.lines()[:5]
