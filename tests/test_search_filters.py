"""Each search filter is declared once (search.filters.FILTERS) and honoured everywhere.

The checks loop over the table, so a new entry is held to all of them: the parser accepts its
values and links keep them, the search document and the index hold them, its facet is counted
and labelled, and both engines filter by it.
"""

from __future__ import annotations

import datetime

import pytest
from django.http import QueryDict

from directory import opening_hours
from directory.models import Organisation, ServiceLanguage
from search.documents import build_document, indexable_services
from search.engines import database, elastic
from search.engines.elastic_index import ServiceDocument
from search.filters import FACETS, FILTERS, STORED, Kind
from search.query import SearchQueryError, parse_search_query
from search.runner import run_search

pytestmark = pytest.mark.django_db

ALL_DAY = [
    {"weekday": day, "opens_at": datetime.time(0, 0), "closes_at": datetime.time(23, 59)}
    for day in ("mo", "tu", "we", "th", "fr", "sa", "su")
]
# A Wednesday at ten, taken as the council's time.
MOMENT = datetime.datetime(2026, 11, 11, 10, 0)


@pytest.fixture
def two_services(make_service, monkeypatch):
    """One service with a value for every filter, and one with none of those values."""
    monkeypatch.setattr(opening_hours, "council_now", lambda: MOMENT)
    council = Organisation.objects.create(name="Lewisham Council", is_commissioner=True)
    every = make_service(
        title="Every filter",
        needs=["Infant feeding"],
        circumstances=["Lone parents"],
        levels=["targeted"],
        minimum_age=0,
        maximum_age=4,
        self_referral=False,
        professional_referral=True,
        in_person=False,
        online=True,
        schedules=ALL_DAY,
        languages=[ServiceLanguage(code="pl")],
        is_free=True,
        commissioned=True,
        commissioner=council,
    )
    other = make_service(
        title="No such filter",
        needs=["Bereavement"],
        levels=["universal"],
        minimum_age=16,
        maximum_age=19,
        is_free=False,
        fees_description="£5 a session.",
    )
    return every, other


def documents(*pages):
    fetched = {page.pk: page for page in indexable_services().filter(pk__in=[p.pk for p in pages])}
    return [build_document(fetched[page.pk]) for page in pages]


def chosen_value(search_filter, every_document) -> str:
    """A value the first service has and the second has not."""
    if search_filter.timed:
        return search_filter.allowed()[0][0]
    return every_document["facets"][search_filter.name][0]


def test_every_filter_has_a_value_on_one_service_only(two_services):
    every, other = documents(*two_services)
    for search_filter in STORED:
        values = every["facets"][search_filter.name]
        assert values, f"give the 'every' service a {search_filter.name}"
        assert values[0] not in other["facets"][search_filter.name]
    assert set(every["facets"]) == {f.name for f in STORED}


@pytest.mark.parametrize("search_filter", FILTERS, ids=lambda f: f.name)
def test_the_parser_accepts_each_filter_and_links_keep_it(two_services, search_filter):
    every, _ = documents(*two_services)
    value = "4" if search_filter.kind is Kind.AGE else chosen_value(search_filter, every)
    query = parse_search_query(QueryDict(f"{search_filter.name}={value}"))
    assert query.has_filters
    assert query.to_params().getlist(search_filter.name) == [value]
    assert parse_search_query(query.to_params()) == query
    assert query.without(search_filter.name) == parse_search_query(QueryDict(""))
    if search_filter.kind is not Kind.AGE:
        assert query.chosen(search_filter.name) == (value,)
        with pytest.raises(SearchQueryError) as caught:
            parse_search_query(QueryDict(f"{search_filter.name}=no-such-value"))
        assert list(caught.value.errors) == [search_filter.name]


def test_the_index_maps_every_stored_filter_and_engines_judge_every_timed_one():
    mapping = ServiceDocument._doc_type.mapping.to_dict()["properties"]
    for search_filter in STORED:
        assert mapping[search_filter.name] == {"type": "keyword"}
    timed = {f.name for f in FILTERS if f.timed}
    assert set(database.TIMED) == timed
    assert set(elastic.TIMED) == timed
    assert all(f.is_facet for f in FILTERS if f.timed)


@pytest.mark.parametrize("search_filter", FACETS, ids=lambda f: f.name)
def test_each_facet_is_counted_and_filters_on_both_engines(
    engine_name, two_services, search_filter
):
    every_page, _ = two_services
    every, _ = documents(*two_services)
    value = chosen_value(search_filter, every)

    unfiltered = run_search(parse_search_query(QueryDict("")), log=False)
    assert unfiltered.engine == engine_name and unfiltered.results.count == 2
    assert unfiltered.results.facet_counts[search_filter.name][value] == 1
    facet = next(f for f in unfiltered.facets if f.name == search_filter.name)
    assert facet.label == search_filter.label
    assert value in {choice.value for choice in facet.values}

    filtered = run_search(parse_search_query(QueryDict(f"{search_filter.name}={value}")))
    assert filtered.engine == engine_name
    assert [hit.document["id"] for hit in filtered.results.hits] == [every_page.pk]
    # A facet's counts ignore its own choice: the other service still counts elsewhere.
    assert sum(filtered.results.facet_counts[search_filter.name].values()) >= 1


def test_a_value_no_service_carries_finds_nothing_until_a_service_carries_it(
    engine_name, make_service
):
    # The database engine writes each value's number into its SQL, read once per index
    # generation: a value first carried after that reading must still be found.
    make_service(title="Stay and play", levels=["universal"], needs=["Infant feeding"])

    def titles(query: str) -> list[str]:
        outcome = run_search(parse_search_query(QueryDict(query)), log=False)
        assert outcome.engine == engine_name
        return sorted(hit.document["name"] for hit in outcome.results.hits)

    assert titles("level=specialist") == []
    assert titles("level=specialist&level=universal") == ["Stay and play"]
    assert titles("level=specialist&need=infant-feeding") == []

    make_service(title="Speech clinic", slug="speech-clinic", levels=["specialist"])
    assert titles("level=specialist") == ["Speech clinic"]
    outcome = run_search(parse_search_query(QueryDict("level=universal")), log=False)
    assert outcome.results.facet_counts["level"] == {"universal": 1, "specialist": 1}
