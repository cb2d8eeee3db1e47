"""How many SQL queries a search costs, pinned, and the same whatever the number of results.

Each test measures its requests on a catalogue of a few matching services, adds many more that
also match (with locations, needs, levels, age bands, circumstances, schedules and languages, so
every facet and every result field is filled in), and measures them again. For each request
both counts must be equal (nothing is read per result, per facet value or per page of results)
and equal to the pinned number below. The database engine is used (the test settings' default).
One catalogue serves several requests because building it is the slow part.

Every request is made once before it is measured, so per-process caches (content types, the
site's root paths, the typo index, the vocabularies) are warm, as they are on a running site.

The queries, by name (each list is in the order they run):

- parse ``q``, ``need``, ``level``: nothing (the vocabularies are in memory for the index's
  generation, search.stored_terms). ``postcode``: *postcode*, its centroid.
- the search: *generation* (the index's generation, read once per search: whether the
  in-memory vocabularies, synonyms, lexicon, facet maps and the area served are current),
  *counts* (every facet's counts and the number of results, one statement,
  search.engines.sql_facets), then either *page* (when SQL gives the order: by name, or
  filters alone: the page's documents) or *ranked* (every result's ranking columns, with exact
  distances for a place) and *documents* (the one page of results' search documents).
- *log*: the anonymous search log's INSERT.
- the HTML page's chrome (templates/base.html): *site* (the Wagtail Site, for its name),
  *settings* (the Directory settings with the footer's own pages, read once for the header,
  the footer and the page), *restrictions* and *directory* (the live, public A to Z page, for
  the footer link); and *session* only when the visitor has one (their shortlist).
- *sensitive*: with a need chosen (or named by the words), whether it is sensitive, for "Exit
  this page".

If a test fails, its message lists the SQL of both requests: compare them with the list above.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Organisation, ServicePage
from directory.models.services import ServiceLanguage

pytestmark = pytest.mark.django_db

FEW = 3
MANY = 40

WORDS = {"q": "play"}
FILTERS = {"need": "parenting-programmes", "level": "universal"}
PLACE = {"postcode": "SE13 6LH", "radius": "5"}
EVERYTHING = {**WORDS, **PLACE, **FILTERS}

API = "/api/search"
PAGE = "/search/"

# API: the search's queries and the log. The index's generation is read once per search
# (IndexGeneration.pinned); the vocabularies (search.stored_terms), synonyms, the needs' words
# and whether a place is inside the area served are kept in memory for it.
API_WORDS = 5  # generation, counts, ranked, documents, log
API_FILTERS = 4  # generation, counts, page, log
API_PLACE = 6  # postcode, generation, counts, ranked, documents, log
API_EVERYTHING = 6  # postcode, generation, counts, ranked, documents, log
# The HTML page: the same, then site, settings, restrictions and directory for the site's
# chrome, and "sensitive" when a need was chosen.
CHROME = 4
SENSITIVE = 1
PAGE_WORDS = API_WORDS + CHROME
PAGE_FILTERS = API_FILTERS + CHROME + SENSITIVE
PAGE_PLACE = API_PLACE + CHROME
PAGE_EVERYTHING = API_EVERYTHING + CHROME + SENSITIVE
# A need no service has: generation, counts (no page to fetch), log + chrome + sensitive +
# the services available across the area that the no-dead-end panel offers.
NOTHING = {**FILTERS, "need": "bereavement"}
AREA_WIDE = 1
PAGE_NOTHING = 3 + CHROME + SENSITIVE + AREA_WIDE
# A visitor with a shortlist: their session is read once (the header count and the buttons).
PAGE_WITH_SHORTLIST = PAGE_EVERYTHING + 1  # 12

API_REQUESTS = {
    "api words": (API, WORDS, API_WORDS),
    "api filters": (API, FILTERS, API_FILTERS),
    "api place": (API, PLACE, API_PLACE),
    "api everything": (API, EVERYTHING, API_EVERYTHING),
}
PAGE_REQUESTS = {
    "page words": (PAGE, WORDS, PAGE_WORDS),
    "page filters": (PAGE, FILTERS, PAGE_FILTERS),
    "page place": (PAGE, PLACE, PAGE_PLACE),
    "page everything": (PAGE, EVERYTHING, PAGE_EVERYTHING),
}


@pytest.fixture
def add_services(make_service, postcodes) -> Callable[[int], None]:
    """Add ``count`` services that all match every search above, each filling every facet."""
    commissioner = Organisation.objects.create(name="Lewisham Council", is_commissioner=True)
    made = []

    def add(count: int) -> None:
        for _ in range(count):
            number = len(made)
            # Every third is delivered across the whole area, with no venue: found by place too.
            area_wide = number % 3 == 0
            locations = (
                []
                if area_wide
                else [
                    {"name": "Family hub", "postcode": "SE13 6LH"},
                    {"name": "Brockley hall", "postcode": "SE4 1UA"},
                ][: 1 + number % 2]
            )
            made.append(
                make_service(
                    title=f"Stay and play {number:02d}",
                    needs=["Parenting programmes", "Domestic abuse"],
                    circumstances=["Lone parents"],
                    levels=["universal", "targeted"],
                    locations=locations,
                    available_across_area=area_wide,
                    online=area_wide,
                    home_visits=True,
                    professional_referral=True,
                    schedules=[
                        {"weekday": day, "opens_at": "09:30", "closes_at": "12:00"}
                        for day in ("mo", "we", "fr")
                    ],
                    languages=[ServiceLanguage(code="ar"), ServiceLanguage(code="bn")],
                    alert="Closed on bank holidays." if number % 2 else "",
                    commissioned=number % 2 == 0,
                    commissioner=commissioner if number % 2 == 0 else None,
                    is_free=number % 4 != 1,
                    fees_description="" if number % 4 != 1 else "£2 a session",
                )
            )

    return add


Measured = tuple[list[str], Any]


def _measure(client, url: str, params: dict[str, str]) -> Measured:
    # Empty the cache first, so what the warming request caches is fresh: a value cached minutes
    # earlier in a slow run (the school holidays keep five minutes) could expire between the
    # two requests and add a query (it did once, on PostgreSQL, in a 155 s test under load).
    cache.clear()
    client.get(url, params)  # warm the per-process caches (see the module docstring)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, response.content[:2000]
    return [query["sql"] for query in context.captured_queries], response


def _shown(response) -> int:
    """How many results the response shows (API items, or the page's result list items)."""
    if response["Content-Type"].startswith("application/json"):
        return len(response.json()["results"])
    return response.content.decode().count('<li class="result">')


def _listing(label: str, queries: list[str]) -> str:
    lines = "\n".join(f"  {number}. {sql}" for number, sql in enumerate(queries, start=1))
    return f"{label}: {len(queries)} queries\n{lines}"


def _assert_pinned(
    pinned: dict[str, int], few: dict[str, list[str]], many: dict[str, list[str]]
) -> None:
    """Every request's two counts equal its pinned number; else every wrong one, with its SQL."""
    wrong = [
        f"{name}: expected {expected} queries whatever the number of results\n"
        + _listing("  with a few services", few[name])
        + "\n"
        + _listing("  with many services", many[name])
        for name, expected in pinned.items()
        if not len(few[name]) == len(many[name]) == expected
    ]
    if wrong:
        pytest.fail("\n\n".join(wrong), pytrace=False)


def _measure_all(client, requests: dict[str, tuple[str, dict[str, str], int]]) -> dict:
    return {name: _measure(client, url, params) for name, (url, params, _) in requests.items()}


def _sql(measured: dict[str, Measured]) -> dict[str, list[str]]:
    return {name: queries for name, (queries, _) in measured.items()}


def _assert_shown(names, few: dict[str, Measured], many: dict[str, Measured]) -> None:
    """A few results, then a full page of twenty: what each request showed."""
    shown = {name: (_shown(few[name][1]), _shown(many[name][1])) for name in names}
    assert shown == dict.fromkeys(names, (FEW, 20))


def test_an_api_search_costs_the_same_whatever_the_results(client, add_services):
    add_services(FEW)
    few = _measure_all(client, API_REQUESTS)
    add_services(MANY - FEW)
    many = _measure_all(client, API_REQUESTS)
    # The second time really showed more results, so a per-result query would show.
    _assert_shown(API_REQUESTS, few, many)
    pinned = {name: expected for name, (_, _, expected) in API_REQUESTS.items()}
    _assert_pinned(pinned, _sql(few), _sql(many))


def test_the_search_page_costs_the_same_whatever_the_results(client, add_services):
    add_services(FEW)
    # A second visitor, with a shortlist: "Stay and play 01" heads the first page near SE13 6LH
    # (nearest first, then by name) in both catalogues, so its "Remove" button shows each time.
    shortlister = Client()
    chosen = ServicePage.objects.get(title="Stay and play 01")
    shortlister.post(reverse("shortlist_change", args=["add"]), {"service": chosen.pk})

    def measure() -> dict[str, Measured]:
        measured = _measure_all(client, PAGE_REQUESTS)
        measured["page nothing found"] = _measure(client, PAGE, NOTHING)
        measured["page with a shortlist"] = _measure(shortlister, PAGE, EVERYTHING)
        return measured

    few = measure()
    add_services(MANY - FEW)
    many = measure()

    _assert_shown([*PAGE_REQUESTS, "page with a shortlist"], few, many)
    nothing = many["page nothing found"][1].content.decode()
    assert "0 services found" in nothing and "see all services from A to Z" in nothing
    # The list's state is on the page: one "Remove", the rest "Add", and the header's count.
    listed = many["page with a shortlist"][1].content.decode()
    assert listed.count("Remove from my list") == 1 and "(1<span" in listed
    pinned = {name: expected for name, (_, _, expected) in PAGE_REQUESTS.items()}
    pinned.update(
        {"page nothing found": PAGE_NOTHING, "page with a shortlist": PAGE_WITH_SHORTLIST}
    )
    _assert_pinned(pinned, _sql(few), _sql(many))


def test_a_second_page_costs_the_same_as_the_first(client, add_services):
    # 21 services: page 2 shows one; 40: it shows twenty. No count query, no second search.
    params = {**EVERYTHING, "page": "2"}
    add_services(21)
    few, response = _measure(client, PAGE, params)
    assert _shown(response) == 1
    add_services(MANY - 21)
    many, response = _measure(client, PAGE, params)
    assert _shown(response) == 20 and "(page 2 of 2)" in response.content.decode()
    _assert_pinned({"page 2": PAGE_EVERYTHING}, {"page 2": few}, {"page 2": many})
