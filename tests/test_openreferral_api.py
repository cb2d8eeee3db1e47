"""The Open Referral UK read API on the demo borough: every endpoint's responses are valid by the
official schemas (tests/data/oruk/), every filter returns what the catalogue's own models say it
should, paging has no gaps or overlaps, and bad requests get JSON 4xx answers, never a 500.

The demo directory is loaded once for the module inside a transaction that is rolled back at
the end; each test runs in its own savepoint.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import uuid
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from commissioning.recycle_bin.actions import move_to_bin
from config.settings import base as base_settings
from directory.models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    Postcode,
    ServiceLocation,
    ServiceNeed,
    ServicePage,
)
from exchange.openreferral import throttling
from tests.oruk_schemas import FORMATS, SCHEMA_DIR, assert_valid, validator

pytestmark = pytest.mark.django_db

API = "/api/openreferral/"


# -- schemas ---------------------------------------------------------------------------------

OPENAPI = json.loads((SCHEMA_DIR / "openapi.json").read_text())


def assert_page_envelope(body: dict[str, Any]) -> None:
    page_schema = OPENAPI["components"]["schemas"]["Page"]
    Draft202012Validator(page_schema, format_checker=FORMATS).validate(body)
    expected = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page"}
    assert expected | {"empty", "contents"} <= body.keys()
    assert body["size"] == len(body["contents"])


def assert_service_dates(service: dict[str, Any]) -> None:
    """Fields the schema types only as strings, with a date or time meaning."""
    if "assured_date" in service:
        datetime.date.fromisoformat(service["assured_date"])
    for schedule in service.get("schedules", []):
        datetime.time.fromisoformat(schedule["opens_at"])
        datetime.time.fromisoformat(schedule["closes_at"])
        assert re.fullmatch(r"(MO|TU|WE|TH|FR|SA|SU)", schedule["byday"])


def test_the_format_checker_rejects_bad_ids_and_dates() -> None:
    """The validation below would prove nothing if formats went unchecked."""
    assert not FORMATS.conforms("www.example.co.uk", "uri")
    check = validator("compiled/service.json")
    good = {"id": str(uuid.uuid4()), "name": "A", "status": "active"}
    check.validate(good)
    for bad in (
        {**good, "id": "12345"},
        {**good, "id": "not-a-uuid-at-all-not-a-uuid-at-all!"},
        {**good, "status": "open"},
        {**good, "last_modified": "yesterday"},
        {**good, "last_modified": "2025-01-01"},
        {**good, "organization": {"id": str(uuid.uuid4()), "name": "Org"}},  # no description
        {**good, "attributes": [{"id": str(uuid.uuid4()), "taxonomy_term_id": "x"}]},
    ):
        with pytest.raises(ValidationError):
            check.validate(bad)


# -- the demo borough -----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_rate_limit(settings) -> None:
    settings.OPENREFERRAL_RATE_LIMIT = 0


def get(client, path: str, status: int = 200, **params: Any) -> dict[str, Any]:
    response = client.get(API + path, params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def all_ids(client, path: str, **params: Any) -> list[str]:
    body = get(client, path, per_page=1000, **params)
    assert body["total_items"] == body["size"] <= 1000
    return [item["id"] for item in body["contents"]]


def live() -> Any:
    return ServicePage.objects.live().public()


def ids(services: Any) -> set[str]:
    return set(services.values_list("oruk_id", flat=True))


# -- every endpoint is valid by the official schemas ---------------------------------------


def test_api_root(client, demo) -> None:
    body = get(client, "")
    schema = OPENAPI["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]
    Draft202012Validator(schema["schema"], format_checker=FORMATS).validate(body)
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/openreferral/openapi.json")
    assert client.get(body["openapi_url"]).status_code == 200


def test_services_are_valid_fully_nested_services(client, demo) -> None:
    body = get(client, "services", per_page=1000)
    assert_page_envelope(body)
    assert body["total_items"] == live().count() == 179
    by_id = {service["id"]: service for service in body["contents"]}
    assert len(by_id) == 179
    for service in body["contents"]:
        assert_valid(service, "compiled/service.json")
        assert_valid(service, "compiled/service_list.json")
        assert_service_dates(service)
    # The demo exercises every nested object at least once.
    for key in ("service_at_locations", "contacts", "schedules", "languages", "service_areas"):
        assert any(service[key] for service in body["contents"]), key
    assert all(service["attributes"] for service in body["contents"])
    assert all(service["cost_options"] for service in body["contents"])


def test_one_service_matches_the_catalogue(client, demo) -> None:
    page = (
        live()
        .filter(locations__isnull=False, contacts__phone__gt="", schedules__isnull=False)
        .distinct()
        .order_by("title")
        .first()
    )
    body = get(client, f"services/{page.oruk_id}")
    assert_valid(body, "compiled/service.json")
    assert_service_dates(body)
    assert body["id"] == page.oruk_id
    assert body["name"] == page.title
    assert body["organization"]["id"] == page.organisation.oruk_id
    assert body["organization_id"] == page.organisation.oruk_id
    assert body["status"] == page.status
    assert "<" not in body["description"]
    assert body["description"].startswith(page.summary)
    assert body.get("assured_date") == (page.last_reviewed and page.last_reviewed.isoformat())
    place = page.locations.first()
    (sal,) = [s for s in body["service_at_locations"] if s["location_id"] == place.oruk_id]
    assert sal["location"]["addresses"][0]["postal_code"] == place.postcode
    assert sal["location"]["latitude"] == place.latitude
    contact = page.contacts.exclude(phone="").first()
    (published,) = [c for c in body["contacts"] if c["id"] == contact.oruk_id]
    assert published["phones"][0]["number"] == contact.phone
    assert sorted(s["id"] for s in body["schedules"]) == sorted(
        page.schedules.values_list("oruk_id", flat=True)
    )
    terms = {a["taxonomy_term"]["taxonomy"]: set() for a in body["attributes"]}
    for attribute in body["attributes"]:
        assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]
        assert attribute["link_id"] == page.oruk_id
        terms[attribute["taxonomy_term"]["taxonomy"]].add(attribute["taxonomy_term"]["name"])
    assert terms["Need"] == set(page.needs.values_list("name", flat=True))
    assert terms["Level of need"] == set(page.levels.values_list("name", flat=True))
    assert terms.get("Age band", set()) == set(page.age_bands.values_list("name", flat=True))
    # The same object as in the list, and the same ids on every request.
    listed = get(client, "services", per_page=1000, search="")["contents"]
    assert [s for s in listed if s["id"] == page.oruk_id] == [body]
    assert get(client, f"services/{page.oruk_id.upper()}") == body


def test_attributes_come_in_vocabulary_order_whatever_order_the_tags_were_saved_in(
    client, demo
) -> None:
    # PostgreSQL returns rows in whatever order they lie on disk, and an import saves a
    # service's tags in the feed's order: the published order must depend on neither.
    page = next(page for page in live().order_by("title") if page.needs.count() >= 3)
    before = get(client, f"services/{page.oruk_id}")
    rows = list(ServiceNeed.objects.filter(content_object=page).order_by("tag__name"))
    ServiceNeed.objects.filter(pk__in=[row.pk for row in rows]).delete()
    for row in reversed(rows):
        ServiceNeed.objects.create(content_object=page, tag_id=row.tag_id)
    assert get(client, f"services/{page.oruk_id}") == before
    published = [
        attribute["taxonomy_term"]["name"]
        for attribute in before["attributes"]
        if attribute["taxonomy_term"]["taxonomy"] == "Need"
    ]
    (need_taxonomy,) = [t for t in get(client, "taxonomies")["contents"] if t["name"] == "Need"]
    order = [
        term["name"] for term in get(client, f"taxonomies/{need_taxonomy['id']}")["taxonomy_terms"]
    ]
    assert published == [name for name in order if name in published]


def test_free_and_charged_services_have_cost_options(client, demo) -> None:
    free = live().filter(is_free=True).first()
    charged = live().filter(is_free=False).first()
    (option,) = get(client, f"services/{free.oruk_id}")["cost_options"]
    assert (option["option"], option["amount"], option["currency"]) == ("Free", 0, "GBP")
    (option,) = get(client, f"services/{charged.oruk_id}")["cost_options"]
    assert "amount" not in option
    assert option["amount_description"] == charged.fees_description


def test_online_only_services_have_a_virtual_location(client, demo) -> None:
    online = live().filter(locations__isnull=True, online=True).exclude(website="").first()
    phone = live().filter(locations__isnull=True, online=False, by_phone=True).first()
    neither = live().filter(locations__isnull=True, online=False, by_phone=False).first()
    built = live().filter(locations__isnull=False, online=True).distinct().first()
    assert online and phone and neither and built, "the demo has each kind"

    body = get(client, f"services/{online.oruk_id}")
    assert_valid(body, "compiled/service.json")
    (link,) = body["service_at_locations"]
    assert link["location"]["location_type"] == "virtual"
    assert link["location"]["url"] == online.website
    assert link["location_id"] == link["location"]["id"] != online.oruk_id
    assert "addresses" not in link["location"] and "latitude" not in link["location"]
    # The same ids on every request.
    assert get(client, f"services/{online.oruk_id}")["service_at_locations"] == [link]

    # A phone line is a contact, not a place.
    assert get(client, f"services/{phone.oruk_id}")["service_at_locations"] == []
    assert get(client, f"services/{neither.oruk_id}")["service_at_locations"] == []
    places = get(client, f"services/{built.oruk_id}")["service_at_locations"]
    assert {p["location"]["location_type"] for p in places} == {"physical"}
    assert len(places) == built.locations.count()


def test_service_at_locations_are_valid(client, demo) -> None:
    body = get(client, "service_at_locations", per_page=1000)
    assert_page_envelope(body)
    buildings = ServiceLocation.objects.filter(page__in=live())
    remote = live().filter(locations__isnull=True, online=True)
    assert body["total_items"] == buildings.count() + remote.count()
    assert buildings.exists() and remote.exists()
    for item in body["contents"]:
        assert_valid(item, "compiled/service_at_location_list.json")
        assert_valid(item, "compiled/service_at_location.json")
    physical = {
        i["location_id"] for i in body["contents"] if i["location"]["location_type"] == "physical"
    }
    assert physical == set(buildings.values_list("oruk_id", flat=True))
    virtual = {
        i["service_id"] for i in body["contents"] if i["location"]["location_type"] == "virtual"
    }
    assert virtual == set(remote.values_list("oruk_id", flat=True))


def test_every_service_at_location_can_be_fetched_by_its_id(client, demo) -> None:
    listed = get(client, "service_at_locations", per_page=1000)["contents"]
    virtual = [item for item in listed if item["location"]["location_type"] == "virtual"]
    physical = [item for item in listed if item["location"]["location_type"] == "physical"]
    assert virtual and physical
    for item in physical[:4] + virtual[:4] + physical[-2:]:
        one = get(client, f"service_at_locations/{item['id']}")
        assert_valid(one, "compiled/service_at_location.json")
        # The profile's own OpenAPI document says this path answers a service.
        assert_valid(one, "compiled/service.json")
        assert (one["id"], one["service_id"], one["location_id"]) == (
            item["id"],
            item["service_id"],
            item["location_id"],
        )
        assert one["location"] == item["location"]
        service = get(client, f"services/{item['service_id']}")
        assert one["service"] == {k: v for k, v in service.items() if k != "service_at_locations"}
        assert (one["name"], one["status"]) == (service["name"], service["status"])
        assert item["id"] in {link["id"] for link in service["service_at_locations"]}
    assert (
        get(client, f"service_at_locations/{physical[0]['id'].upper()}")["id"] == physical[0]["id"]
    )
    # Full list items are the same objects.
    full = get(client, "service_at_locations", per_page=5, full="true")["contents"]
    assert full[0] == get(client, f"service_at_locations/{full[0]['id']}")


def test_a_location_of_an_unpublished_service_is_not_found(client, demo) -> None:
    item = get(client, "service_at_locations")["contents"][0]
    ServicePage.objects.get(oruk_id=item["service_id"]).unpublish()
    get(client, f"service_at_locations/{item['id']}", status=404)


def test_organizations_by_id(client, demo) -> None:
    listed = get(client, "organizations", per_page=1000)["contents"]
    for item in listed[:5]:
        one = get(client, f"organizations/{item['id']}")
        assert_valid(one, "compiled/organization.json")
        assert {k: v for k, v in one.items() if k in item} == item
        services = live().filter(organisation__oruk_id=item["id"]).order_by("title", "oruk_id")
        assert [s["id"] for s in one["services"]] == [s.oruk_id for s in services]
        assert all("organization" not in s and "contacts" not in s for s in one["services"])
        nested = get(client, f"organizations/{item['id']}", full_service="true")
        assert_valid(nested, "compiled/organization.json")
        first = get(client, f"services/{services[0].oruk_id}")
        assert nested["services"][0] == {k: v for k, v in first.items() if k != "organization"}
    full = get(client, "organizations", per_page=3, full="true")["contents"]
    assert full == [get(client, f"organizations/{item['id']}") for item in full]
    # An organisation with no published service is not published either.
    idle = Organisation.objects.create(name="Nobody's services")
    get(client, f"organizations/{idle.oruk_id}", status=404)
    assert idle.oruk_id not in {item["id"] for item in listed}


def test_organization_filters(client, demo) -> None:
    page = live().exclude(organisation=None).order_by("title").first()
    org = page.organisation
    found = all_ids(client, "services", organization_id=org.oruk_id)
    assert set(found) == ids(live().filter(organisation=org)) != set()
    located = get(client, "service_at_locations", organization_id=org.oruk_id, per_page=1000)
    assert {item["service_id"] for item in located["contents"]} <= set(found)
    word = org.name.split()[0]
    named = all_ids(client, "organizations", search=word.lower())
    assert org.oruk_id in named
    for name, description in Organisation.objects.filter(oruk_id__in=named).values_list(
        "name", "description"
    ):
        assert word.lower() in f"{name} {description}".lower()
    need = page.needs.first()
    running = set(all_ids(client, "organizations", taxonomy_term_id=need.oruk_id))
    expected = set(live().filter(needs=need).values_list("organisation__oruk_id", flat=True)) - {
        None
    }
    assert running == expected != set()


def test_ids_that_name_nothing_match_nothing(client, demo) -> None:
    nobody = str(uuid.uuid4())
    for path, name in [
        ("services", "taxonomy_term_id"),
        ("services", "taxonomy_id"),
        ("services", "organization_id"),
        ("service_at_locations", "taxonomy_term_id"),
        ("organizations", "taxonomy_id"),
        ("taxonomy_terms", "parent_id"),
        ("taxonomy_terms", "taxonomy_id"),
    ]:
        body = get(client, path, **{name: nobody})
        assert (body["total_items"], body["contents"]) == (0, []), (path, name)


def test_one_to_one_and_minimal_service_lists(client, demo) -> None:
    full = get(client, "services", per_page=20)["contents"]
    plain = get(client, "services", per_page=20, full="false")["contents"]
    nested_only = {"service_at_locations", "contacts", "schedules", "cost_options"}
    nested_only |= {"languages", "service_areas", "attributes"}
    for nested, item in zip(full, plain, strict=True):
        assert_valid(item, "compiled/service_list.json")
        assert set(item) == set(nested) - nested_only
        assert all(item[key] == nested[key] for key in item if key != "organization")
        identifiers = "organization_identifiers"
        assert item["organization"] == {
            key: value for key, value in nested["organization"].items() if key != identifiers
        }
    minimal = get(client, "services", minimal="true")
    assert minimal["size"] == minimal["total_items"] == 179  # every service in one page
    for item in minimal["contents"]:
        assert_valid(item, "compiled/service_list.json")
        assert set(item) == {"id", "name", "status", "last_modified"}
    assert [i["id"] for i in minimal["contents"]] == all_ids(client, "services")
    page = get(client, "services", minimal="true", per_page=50, page=2)
    assert [i["id"] for i in page["contents"]] == all_ids(client, "services")[50:100]


def test_ndjson_streams_every_item_without_pages(client, demo) -> None:
    for path, params in [
        ("services", {}),
        ("services", {"full": "false", "search": "speech"}),
        ("service_at_locations", {}),
        ("organizations", {"full": "true"}),
        ("taxonomy_terms", {}),
    ]:
        response = client.get(API + path, {"format": "ndjson", "per_page": 7, **params})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/x-ndjson"
        assert response["Access-Control-Allow-Origin"] == "*"
        lines = b"".join(response.streaming_content).decode().splitlines()
        expected = get(client, path, per_page=1000, **params)["contents"]
        assert [json.loads(line) for line in lines] == expected, path


def test_services_near_a_postcode(client, demo) -> None:
    place = ServiceLocation.objects.filter(page__in=live(), latitude__isnull=False).first()
    near = set(all_ids(client, "services", postcode=place.postcode, proximity=1500))
    located = get(
        client, "service_at_locations", postcode=place.postcode, proximity=1500, per_page=1000
    )
    assert near == {item["service_id"] for item in located["contents"]} != set()


def test_taxonomy_and_term_search(client, demo) -> None:
    assert [t["name"] for t in get(client, "taxonomies", search="AGE")["contents"]] == ["Age band"]
    need = Need.objects.filter(parent__isnull=False).first()
    found = get(client, "taxonomy_terms", search=need.name.lower(), per_page=1000)["contents"]
    assert need.oruk_id in {t["id"] for t in found}
    assert all(need.name.lower() in f"{t['name']} {t['description']}".lower() for t in found)


def test_every_empty_list_is_one_empty_page(client, demo) -> None:
    nobody = str(uuid.uuid4())
    for path, params in [
        ("services", {"search": "zzqxjv"}),
        ("service_at_locations", {"organization_id": nobody}),
        ("organizations", {"search": "zzqxjv"}),
        ("taxonomies", {"search": "zzqxjv"}),
        ("taxonomy_terms", {"search": "zzqxjv"}),
    ]:
        body = get(client, path, **params)
        assert_page_envelope(body)
        assert {k: v for k, v in body.items() if k != "contents"} == {
            "total_items": 0,
            "total_pages": 1,
            "page_number": 1,
            "size": 0,
            "first_page": True,
            "last_page": True,
            "empty": True,
        }, path


def test_organizations_are_valid(client, demo) -> None:
    body = get(client, "organizations", per_page=1000)
    assert_page_envelope(body)
    for item in body["contents"]:
        assert_valid(item, "compiled/organization_list.json")
        assert_valid(item, "compiled/organization.json")
    expected = {page.organisation.oruk_id for page in live().select_related("organisation")}
    assert {item["id"] for item in body["contents"]} == expected


def test_taxonomies_are_valid_with_stable_ids(client, demo) -> None:
    body = get(client, "taxonomies")
    assert_page_envelope(body)
    names = [taxonomy["name"] for taxonomy in body["contents"]]
    assert sorted(names) == ["Age band", "Circumstance", "Level of need", "Need"]
    namespace = uuid.UUID("851fcccc-7745-4d68-8b00-c5437a3ba514")
    for taxonomy in body["contents"]:
        assert_valid(taxonomy, "taxonomy.json")
        assert taxonomy["id"] == str(uuid.uuid5(namespace, f"taxonomy:{taxonomy['name']}"))
        full = get(client, f"taxonomies/{taxonomy['id']}")
        assert_valid(full, "taxonomy.json")
        assert {k: v for k, v in full.items() if k != "taxonomy_terms"} == taxonomy
        model = {
            "Need": Need,
            "Level of need": LevelOfNeed,
            "Age band": AgeBand,
            "Circumstance": Circumstance,
        }[taxonomy["name"]]
        assert {t["id"] for t in full["taxonomy_terms"]} == set(
            model.objects.values_list("oruk_id", flat=True)
        )


def test_taxonomy_terms_are_valid_and_parents_come_first(client, demo) -> None:
    body = get(client, "taxonomy_terms", per_page=1000)
    assert_page_envelope(body)
    total = sum(m.objects.count() for m in (Need, LevelOfNeed, AgeBand, Circumstance))
    assert body["total_items"] == total
    seen: set[str] = set()
    for term in body["contents"]:
        assert_valid(term, "taxonomy_term.json")
        if "parent_id" in term:
            assert term["parent_id"] in seen
        seen.add(term["id"])
    need = Need.objects.filter(parent__isnull=False).select_related("parent").first()
    one = get(client, f"taxonomy_terms/{need.oruk_id}")
    assert_valid(one, "taxonomy_term.json")
    assert (one["name"], one["parent_id"], one["taxonomy"]) == (
        need.name,
        need.parent.oruk_id,
        "Need",
    )


# -- filters --------------------------------------------------------------------------------


def test_filter_by_need_term(client, demo) -> None:
    need = Need.objects.filter(parent__isnull=False, tagged_services__isnull=False).first()
    found = all_ids(client, "services", taxonomy_term_id=need.oruk_id)
    assert set(found) == ids(live().filter(needs=need)) != set()


def test_filter_by_need_category_includes_its_needs(client, demo) -> None:
    category = Need.objects.filter(parent__isnull=True, children__isnull=False).first()
    found = all_ids(client, "services", taxonomy_term_id=category.oruk_id)
    expected = ids(live().filter(needs__in=category.descendant_ids()).distinct())
    assert set(found) == expected != set()


def test_filter_by_level_and_circumstance_terms(client, demo) -> None:
    level = LevelOfNeed.objects.get(slug="targeted")
    assert set(all_ids(client, "services", taxonomy_term_id=level.oruk_id)) == ids(
        live().filter(levels=level)
    )
    circumstance = Circumstance.objects.filter(tagged_services__isnull=False).first()
    assert set(all_ids(client, "services", taxonomy_term_id=circumstance.oruk_id)) == ids(
        live().filter(circumstances=circumstance)
    )


def test_filter_by_taxonomy(client, demo) -> None:
    taxonomies = {t["name"]: t["id"] for t in get(client, "taxonomies")["contents"]}
    found = set(all_ids(client, "services", taxonomy_id=taxonomies["Circumstance"]))
    expected = ids(live().filter(circumstances__isnull=False).distinct())
    assert found == expected
    assert 0 < len(expected) < 179
    assert len(all_ids(client, "services", taxonomy_id=taxonomies["Level of need"])) == 179


def test_filter_by_ages(client, demo) -> None:
    """As the standard words them: minimum age at least, maximum age at most the value."""
    older = set(all_ids(client, "services", minimum_age=5))
    assert older == ids(live().filter(minimum_age__gte=5)) != set()
    younger = set(all_ids(client, "services", maximum_age=11))
    assert younger == ids(live().filter(maximum_age__lte=11)) != set()
    both = set(all_ids(client, "services", minimum_age=2, maximum_age=14))
    assert both == ids(live().filter(minimum_age__gte=2, maximum_age__lte=14)) != set()
    assert len(all_ids(client, "services", minimum_age=0)) == 179


def test_filter_by_day_and_times(client, demo) -> None:
    saturday = set(all_ids(client, "services", day="SA"))
    assert saturday == ids(live().filter(schedules__weekday="sa").distinct()) != set()
    assert set(all_ids(client, "services", day="saturday")) == saturday
    morning = set(all_ids(client, "services", day="MO", start_time="09:00", end_time="12:00"))
    expected = set()
    for page in live().prefetch_related("schedules"):
        if any(
            s.weekday == "mo"
            and s.opens_at >= datetime.time(9)
            and s.closes_at <= datetime.time(12)
            for s in page.schedules.all()
        ):
            expected.add(page.oruk_id)
    assert morning == expected != set()
    late = set(all_ids(client, "services", start_time="17:00:00"))
    assert late == ids(live().filter(schedules__opens_at__gte=datetime.time(17)).distinct())


def test_filter_by_modified_after(client, demo) -> None:
    recent = list(live().order_by("title")[:3])
    moment = timezone.now() + datetime.timedelta(days=1)
    ServicePage.objects.filter(pk__in=[p.pk for p in recent]).update(
        last_published_at=moment + datetime.timedelta(hours=1)
    )
    found = all_ids(client, "services", modified_after=moment.isoformat())
    assert set(found) == {p.oruk_id for p in recent}
    assert all_ids(client, "services", modified_after=moment.date().isoformat()) == found
    assert len(all_ids(client, "services", modified_after="2000-01-01T00:00:00Z")) == 179
    # An offset sent unencoded ("+" reads as a space) still counts as an offset.
    unencoded = client.get(API + "services?modified_after=2000-01-01T00:00:00+01:00")
    assert unencoded.status_code == 200 and unencoded.json()["total_items"] == 179


def test_search(client, demo) -> None:
    found = set(all_ids(client, "services", search="speech"))
    titled = ids(live().filter(title__icontains="speech"))
    assert titled and titled <= found
    narrower = set(all_ids(client, "services", search="speech language"))
    assert narrower <= found & set(all_ids(client, "services", search="language"))
    assert all_ids(client, "services", search="zzqxjv") == []


def test_service_at_locations_near_a_postcode(client, demo) -> None:
    place = ServiceLocation.objects.filter(page__in=live(), latitude__isnull=False).first()
    centre = Postcode.objects.get(postcode=place.postcode)
    body = get(
        client, "service_at_locations", postcode=place.postcode, proximity=1500, per_page=1000
    )
    expected = {}
    for other in ServiceLocation.objects.filter(page__in=live(), latitude__isnull=False):
        metres = _haversine(centre.latitude, centre.longitude, other.latitude, other.longitude)
        if metres <= 1500:
            expected[other.oruk_id] = metres
    found = [item["location_id"] for item in body["contents"]]
    assert set(found) == set(expected) and place.oruk_id in found
    assert [expected[i] for i in found] == sorted(expected[i] for i in found)
    wider = get(client, "service_at_locations", postcode=place.postcode, proximity=5000)
    assert wider["total_items"] > body["total_items"]


def _haversine(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def test_taxonomy_term_filters(client, demo) -> None:
    taxonomies = {t["name"]: t["id"] for t in get(client, "taxonomies")["contents"]}
    categories = get(client, "taxonomy_terms", taxonomy_id=taxonomies["Need"], top_only="true")
    assert {t["id"] for t in categories["contents"]} == set(
        Need.objects.filter(parent__isnull=True).values_list("oruk_id", flat=True)
    )
    category = Need.objects.filter(children__isnull=False).first()
    children = get(client, "taxonomy_terms", parent_id=category.oruk_id)
    assert {t["id"] for t in children["contents"]} == set(
        category.children.values_list("oruk_id", flat=True)
    )
    levels = get(client, "taxonomy_terms", taxonomy_id=taxonomies["Level of need"])
    assert [t["code"] for t in levels["contents"]] == list(
        LevelOfNeed.objects.values_list("slug", flat=True)
    )


# -- paging ---------------------------------------------------------------------------------


def test_paging_walks_every_service_once_in_name_order(client, demo) -> None:
    everything = all_ids(client, "services")
    walked, page = [], 1
    while True:
        body = get(client, "services", page=page, per_page=25)
        assert body["first_page"] == (page == 1)
        walked += [s["id"] for s in body["contents"]]
        if body["last_page"]:
            break
        page += 1
    assert walked == everything
    assert page == body["total_pages"] == math.ceil(179 / 25)
    names = [s.title for s in live().order_by("title", "oruk_id")]
    assert [s["name"] for s in get(client, "services", per_page=1000)["contents"]] == names


def test_paging_edges(client, demo) -> None:
    beyond = get(client, "services", page=99, per_page=50)
    assert beyond["contents"] == [] and beyond["empty"] and beyond["last_page"]
    assert (beyond["total_items"], beyond["page_number"], beyond["size"]) == (179, 99, 0)
    assert get(client, "services", per_page=1000)["size"] == 179
    assert get(client, "services")["size"] == 50  # the default
    for params in (
        {"page": 0},
        {"page": -1},
        {"page": "two"},
        {"per_page": 1001},
        {"per_page": 0},
        {"per_page": "1e3"},
    ):
        name = next(iter(params))
        body = get(client, "services", status=400, **params)
        assert name in body["errors"], params
    # An empty list is one empty page, as the standard's examples count pages.
    nothing = get(client, "services", search="zzqxjv")
    assert (nothing["total_items"], nothing["total_pages"], nothing["page_number"]) == (0, 1, 1)
    assert nothing["empty"] and nothing["first_page"] and nothing["last_page"]
    assert nothing["size"] == 0 and nothing["contents"] == []


def test_a_page_of_1000_costs_the_same_queries_as_a_page_of_10(client, demo) -> None:
    counts = []
    for per_page in (10, 1000):
        with CaptureQueriesContext(connection) as queries:
            get(client, "services", per_page=per_page)
        counts.append(len(queries))
    assert counts[0] == counts[1] < 25, counts


# -- bad requests ---------------------------------------------------------------------------


def unknown_id(label: str) -> str:
    """A well-formed id that names nothing, the same in every test process (pytest-xdist
    checks that each collects the same parameters)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://example.org/unknown/{label}"))


@pytest.mark.parametrize(
    "path, params, bad",
    [
        ("services", {"colour": "red"}, "colour"),
        ("services", {"taxonomy_term_id": "not-a-uuid"}, "taxonomy_term_id"),
        ("services", {"minimum_age": "five"}, "minimum_age"),
        ("services", {"maximum_age": "500"}, "maximum_age"),
        ("services", {"day": "Funday"}, "day"),
        ("services", {"start_time": "9am"}, "start_time"),
        ("services", {"start_time": "25:00"}, "start_time"),
        ("services", {"start_time": "12:00", "end_time": "09:00"}, "end_time"),
        ("services", {"modified_after": "last week"}, "modified_after"),
        ("service_at_locations", {"postcode": "NOT A CODE"}, "postcode"),
        ("service_at_locations", {"postcode": "ZZ99 9ZZ"}, "postcode"),
        ("service_at_locations", {"proximity": "500"}, "proximity"),
        ("service_at_locations", {"postcode": "SE13", "proximity": "far"}, "proximity"),
        ("taxonomy_terms", {"top_only": "maybe"}, "top_only"),
        ("taxonomy_terms", {"parent_id": "1"}, "parent_id"),
        ("taxonomies", {"postcode": "SE13"}, "postcode"),
        ("services", {"organization_id": "riverside"}, "organization_id"),
        ("services", {"full": "maybe"}, "full"),
        ("services", {"minimal": "2"}, "minimal"),
        ("services", {"format": "xml"}, "format"),
        ("services", {"per_page": 10001, "minimal": "true"}, "per_page"),
        ("organizations", {"full_service": "sometimes"}, "full_service"),
        (f"organizations/{unknown_id('organization')}", {"full": "true"}, "full"),
        (f"service_at_locations/{unknown_id('service_at_location')}", {"page": "1"}, "page"),
        ("organizations", {"postcode": "SE13"}, "postcode"),
        ("", {"page": "1"}, "page"),
    ],
)
def test_bad_parameters_get_a_json_400(client, demo, path, params, bad) -> None:
    body = get(client, path, status=400, **params)
    assert body["status"] == 400
    assert bad in body["errors"] and body["errors"][bad]


def test_a_repeated_parameter_is_a_400(client, demo) -> None:
    response = client.get(API + "services?page=1&page=2")
    assert response.status_code == 400
    assert "page" in response.json()["errors"]


@pytest.mark.parametrize(
    "path",
    [
        "services/not-a-uuid",
        f"services/{unknown_id('service')}",
        f"taxonomies/{unknown_id('taxonomy')}",
        "taxonomies/need",
        f"taxonomy_terms/{unknown_id('term')}",
        "taxonomy_terms/1",
        f"service_at_locations/{unknown_id('service_at_location')}",
        "service_at_locations/not-a-uuid",
        f"organizations/{unknown_id('organization')}",
        "organizations/riverside",
        "no-such-endpoint",
        "services/a/b",
    ],
)
def test_unknown_ids_and_paths_get_a_json_404(client, demo, path) -> None:
    body = get(client, path, status=404)
    assert body["status"] == 404 and body["message"]


def test_read_only_with_open_cors(client, demo) -> None:
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(API + "services")
        assert response.status_code == 405
        assert response.json()["status"] == 405
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "GET" in response["Allow"]
    preflight = client.options(API + "services", HTTP_ORIGIN="https://elsewhere.example")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    head = client.head(API + "taxonomies")
    assert head.status_code == 200 and head["Access-Control-Allow-Origin"] == "*"


def test_rate_limit_per_client_address(client, demo, settings) -> None:
    settings.OPENREFERRAL_RATE_LIMIT = 3
    cache.clear()
    for _ in range(3):
        assert client.get(API + "taxonomies").status_code == 200
    limited = client.get(API + "taxonomies")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["status"] == 429
    assert limited["Access-Control-Allow-Origin"] == "*"
    other = client.get(API + "taxonomies", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    cache.clear()


def test_a_well_behaved_client_pulls_every_service(client, demo, settings, monkeypatch) -> None:
    """A puller that reads every page, then every /services/{id}, and waits as long as a 429
    tells it to, gets every service: the limit paces it and never stops it. The clock is moved
    by hand (50 ms a request) rather than waited for."""
    settings.OPENREFERRAL_RATE_LIMIT = 60
    cache.clear()
    now = [1_000_000 * throttling.WINDOW_SECONDS + 0.5]
    monkeypatch.setattr(throttling, "clock", lambda: now[0])
    waits: list[int] = []

    def fetch(path: str, **params: Any) -> dict[str, Any]:
        while True:
            now[0] += 0.05
            response = client.get(API + path, params)
            if response.status_code != 429:
                assert response.status_code == 200, response.content[:300]
                return response.json()
            waits.append(int(response["Retry-After"]))
            now[0] += waits[-1]

    started, listed, page = now[0], [], 1
    while True:
        body = fetch("services", page=page, per_page=100)
        listed += [service["id"] for service in body["contents"]]
        if body["last_page"]:
            break
        page += 1
    fetched = [fetch(f"services/{service_id}")["id"] for service_id in listed]
    assert fetched == listed and set(listed) == ids(live())
    units = 2 * (1 + throttling.FULL_SERVICE.of(100)) + len(listed)
    minutes = (now[0] - started) / 60
    assert waits and units / 60 - 1.5 <= minutes <= units / 60 + 1, (units, minutes)
    cache.clear()


def test_the_default_limit_lets_a_full_pull_of_ten_thousand_services_finish() -> None:
    """The limit's size: pages of 1,000 full services and one /services/{id} each, in the
    units the API charges, fit in under 20 minutes of a client's allowance."""
    services = 10_000
    pages = services // 1000
    units = pages * (1 + throttling.FULL_SERVICE.of(1000)) + services * throttling.REQUEST_COST
    assert units / base_settings.OPENREFERRAL_RATE_LIMIT < 20


# -- only live services ---------------------------------------------------------------------


def test_drafts_unpublished_and_deleted_services_never_appear(client, demo) -> None:
    unpublished, deleted, edited = live().order_by("title")[:3]
    unpublished.unpublish()
    move_to_bin(ServicePage.objects.get(pk=deleted.pk))
    draft = ServicePage.objects.get(pk=edited.pk)
    old_title = draft.title
    draft.title = "Draft title nobody has approved"
    draft.save_revision()

    listed = get(client, "services", per_page=1000)["contents"]
    assert len(listed) == 177
    listed_ids = {s["id"] for s in listed}
    assert unpublished.oruk_id not in listed_ids and deleted.oruk_id not in listed_ids
    get(client, f"services/{unpublished.oruk_id}", status=404)
    get(client, f"services/{deleted.oruk_id}", status=404)
    assert get(client, f"services/{edited.oruk_id}")["name"] == old_title
    located = get(client, "service_at_locations", per_page=1000)["contents"]
    assert not {s["service_id"] for s in located} & {unpublished.oruk_id, deleted.oruk_id}


# -- the OpenAPI document is truthful -------------------------------------------------------


def test_openapi_document_lists_what_each_endpoint_accepts(client, demo) -> None:
    document = get(client, "openapi.json")
    assert document["servers"] == [{"url": "http://testserver/api/openreferral"}]
    assert set(document["paths"]) >= {
        "/",
        "/services",
        "/services/{id}",
        "/service_at_locations",
        "/service_at_locations/{id}",
        "/organizations",
        "/organizations/{id}",
        "/taxonomies",
        "/taxonomies/{id}",
        "/taxonomy_terms",
        "/taxonomy_terms/{id}",
    }
    sample_ids = {
        "/services/{id}": live().first().oruk_id,
        "/service_at_locations/{id}": get(client, "service_at_locations")["contents"][0]["id"],
        "/organizations/{id}": get(client, "organizations")["contents"][0]["id"],
        "/taxonomies/{id}": get(client, "taxonomies")["contents"][0]["id"],
        "/taxonomy_terms/{id}": LevelOfNeed.objects.first().oruk_id,
    }
    for template, item in document["paths"].items():
        path = template.replace("{id}", sample_ids.get(template, "")).lstrip("/")
        operation = item["get"]
        names = [p["name"] for p in operation["parameters"]]
        # Every parameter the document lists is accepted (an empty value means "not given")...
        if names:
            get(client, path, **dict.fromkeys(names, ""))
        # ...and nothing else is.
        get(client, path, status=400, unlisted="1")
        assert {"200", "400", "429"} <= set(operation["responses"])
    services = document["paths"]["/services"]["get"]["parameters"]
    per_page = next(p for p in services if p["name"] == "per_page")
    assert per_page["schema"]["maximum"] == 10_000  # with minimal; 1,000 without
    assert {"organization_id", "full", "minimal", "format", "modified_after"} <= {
        p["name"] for p in services
    }
