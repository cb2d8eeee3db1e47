"""Parity: the database engine and the real OpenSearch node give the same answers on the demo
borough: the same result sets, the same distance and name orders, the same facet counts and
the same "did you mean" and relaxed-match decisions. Ranking by relevance may differ.

The demo directory is loaded once for the module and both engines are built from it, then
every scenario runs on both. A brute-force oracle over the catalogue's own models checks the
practitioner's filters independently of either engine.
"""

from __future__ import annotations

import datetime
import uuid
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.test import override_settings

from directory.models import SchoolHoliday, ServicePage
from directory.opening_hours import MINUTES_IN_DAY, WeekMoment, opening_today, week_moment
from search.engines import SearchResults
from search.engines.database import DatabaseEngine
from search.engines.elastic import ElasticsearchEngine
from search.indexing import rebuild_index
from search.query import SearchQuery, parse_search_query
from search.runner import SearchOutcome, _run

from .conftest import opensearch_url

# django_db: so the test database is set up; each test runs inside the module's transaction.
pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


@pytest.fixture(scope="module")
def indexed_demo(request) -> Iterator[int]:
    """The demo borough in both engines; everything is rolled back and dropped afterwards."""
    url = opensearch_url()
    if not url:
        pytest.skip("needs OpenSearch: set OPENSEARCH_URL=$(scripts/opensearch.sh start)")
    from search.engines import elastic_client, elastic_index

    request.getfixturevalue("demo")  # the database's, for the module (tests/conftest.py)
    # An index of this module's own: test processes run side by side on one node.
    index = f"test-parity-demo-{uuid.uuid4().hex[:10]}"
    try:
        with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX=index):
            elastic_client.reset()
            report = rebuild_index()
            yield report.entries
            elastic_index.drop_all()
    finally:
        elastic_client.reset()


# Every scenario is judged at one moment, so "Open now" counts cannot change between engines:
# Wednesday 4 March 2026, 10am, in term time.
WEDNESDAY_10AM = WeekMoment(2 * MINUTES_IN_DAY + 10 * 60)


def parse(querystring: str, moment: WeekMoment = WEDNESDAY_10AM) -> SearchQuery:
    return replace(parse_search_query(QueryDict(querystring)), moment=moment)


def every_page(query: SearchQuery, engine) -> tuple[SearchOutcome, list[tuple[int, float | None]]]:
    """The first page's outcome and (id, distance) for every result, page by page."""
    first = _run(engine, query.with_page(1))
    hits = list(first.results.hits)
    page = 1
    while len(hits) < first.results.count:
        page += 1
        hits.extend(_run(engine, query.with_page(page)).results.hits)
    return first, [(hit.document["id"], hit.distance_miles) for hit in hits]


def non_zero(results: SearchResults) -> dict[str, dict[str, int]]:
    return {
        name: {value: count for value, count in counts.items() if count}
        for name, counts in results.facet_counts.items()
    }


SCENARIOS = [
    "",
    "q=speech toddlers&postcode=SE13",
    "q=speech toddlers&postcode=SE13 5EY&radius=1",
    "level=targeted&need=domestic-abuse&age=15",
    "level=targeted&level=specialist&need=staying-safe",
    "q=DV",
    "q=domestic violence",
    "q=ASD",
    "q=autistic",
    "q=CAMHS",
    "q=toddlers",
    "q=toddler group",
    "q=parenting",
    "q=parents of teenagers",
    "q=mental health",
    "q=young carers",
    "q=debt money",
    "q=food bank",
    "q=toddler money",
    "q=toddler xylophone",
    "q=toddler songs xylophone",
    "q=speach",
    "q=libary",
    "q=bereavment support",
    "q=dad",
    "q=breastfeeding",
    "q=homework",
    "q=the",
    "q=xylophone",
    "q=children's",
    "q=SEND",
    "postcode=SE6",
    "postcode=SE4&radius=1",
    "postcode=SE13&radius=20",
    "postcode=SE23&radius=0.5",
    "lat=51.45&lng=-0.02&radius=2",
    "postcode=SE6&need=early-years-and-healthy-start",
    "postcode=SE13&q=play",
    "postcode=SE14&sort=name",
    "age=0",
    "age=17&free=true",
    "age_band=pregnancy",
    "age_band=12-to-16&age_band=17-to-19&circumstance=young-carers",
    "circumstance=care-leavers",
    "delivery=online&delivery=phone",
    "delivery=home-visit&level=targeted",
    "access=self-referral&day=sa",
    "access=professional-referral&access=early-help-assessment",
    "day=mo&day=tu",
    "language=pl",
    "language=so&language=ar",
    "commissioned=true",
    "commissioned=true&level=specialist&postcode=SE6",
    "free=true&need=money-work-and-housing&sort=name",
    "q=group&sort=name",
    "q=support&level=universal&age=3&postcode=SE13",
    "open=now",
    "open=today",
    "open=now&postcode=SE13",
    "open=today&need=domestic-abuse&age=15",
    "open=now&open=today&q=toddler",
    "open=today&day=sa&sort=name",
    "need=domestic-abuse&age=15",
    "age=15&level=targeted",
]


@pytest.mark.parametrize("querystring", SCENARIOS)
def test_both_engines_agree(indexed_demo, querystring):
    query = parse(querystring)
    database, database_hits = every_page(query, DatabaseEngine())
    elastic, elastic_hits = every_page(query, ElasticsearchEngine())
    assert database.results.engine == "database" and elastic.results.engine == "elasticsearch"

    assert elastic.results.count == database.results.count
    assert {pk for pk, _ in elastic_hits} == {pk for pk, _ in database_hits}
    assert non_zero(elastic.results) == non_zero(database.results)
    assert (elastic.match, elastic.corrected) == (database.match, database.corrected)
    if query.sort in ("distance", "name"):
        assert [pk for pk, _ in elastic_hits] == [pk for pk, _ in database_hits]
    database_distances = dict(database_hits)
    for pk, miles in elastic_hits:
        if miles is None:
            assert database_distances[pk] is None
        else:
            assert database_distances[pk] == pytest.approx(miles, abs=0.001)


def test_scenarios_are_not_trivial(indexed_demo):
    """The scenarios cover empty, small and large answers, relaxed and corrected words."""
    counts = [_run(DatabaseEngine(), parse(q)).results.count for q in SCENARIOS]
    assert counts[0] == indexed_demo == 179
    assert 0 in counts and sum(1 for count in counts if 0 < count < 10) >= 10
    # A misspelling the needs' words know is read as meant; one only the index knows is
    # corrected and said so.
    assert _run(DatabaseEngine(), parse("q=speach")).understood.reading.needs
    assert _run(DatabaseEngine(), parse("q=libary")).corrected == "library"
    # Two words naming no need are not relaxed to one; three are, to two of them.
    assert _run(DatabaseEngine(), parse("q=toddler xylophone")).results.count == 0
    assert _run(DatabaseEngine(), parse("q=toddler songs xylophone")).match == "any"
    # At 10am on a Wednesday some services are open, more later today, not all.
    open_now, open_today = (
        _run(DatabaseEngine(), parse(f"open={when}")).results.count for when in ("now", "today")
    )
    assert 0 < open_now < open_today < indexed_demo


def test_family_finds_nearby_speech_and_language_help_first(indexed_demo):
    for engine in (DatabaseEngine(), ElasticsearchEngine()):
        # With words, the best answer leads, distance a factor: speech help first.
        outcome = _run(engine, parse("q=my toddler isn't talking yet&postcode=SE13"))
        assert (
            "speech-language-and-communication"
            in outcome.results.hits[0].document["facets"]["need"]
        )
        # Nearest first when asked for.
        outcome = _run(engine, parse("q=speech toddlers&postcode=SE13&sort=distance"))
        hits = outcome.results.hits
        assert hits, engine.name
        distances = [hit.nearest_miles for hit in hits if hit.nearest_miles is not None]
        assert distances == sorted(distances)
        for hit in hits:
            words = " ".join(
                [hit.document["name"], hit.document["summary"], *hit.document["need_names"]]
            ).lower()
            assert "speech" in words or "talk" in words, hit.document["name"]


def _oracle(level: str, need: str, age: int) -> tuple[set[int], dict[str, Counter]]:
    """The practitioner's search worked out from the models, without any search code."""
    services = list(ServicePage.objects.live().public().prefetch_related("levels", "needs__parent"))

    def fits_age(page: ServicePage) -> bool:
        # The child's age, or a service for parents and carers of a child that age.
        young_enough = page.minimum_age is None or page.minimum_age <= age
        return (young_enough or page.for_parents_and_carers) and (
            page.maximum_age is None or page.maximum_age >= age
        )

    def has_level(page: ServicePage) -> bool:
        return level in {term.slug for term in page.levels.all()}

    def need_slugs(page: ServicePage) -> set[str]:
        tags = list(page.needs.all())
        return {tag.slug for tag in tags} | {tag.parent.slug for tag in tags if tag.parent_id}

    aged = [page for page in services if fits_age(page)]
    matched = {page.pk for page in aged if has_level(page) and need in need_slugs(page)}
    levels = Counter(
        term.slug for page in aged if need in need_slugs(page) for term in page.levels.all()
    )
    needs = Counter(slug for page in aged if has_level(page) for slug in need_slugs(page))
    return matched, {"level": levels, "need": needs}


def test_practitioner_filters_match_the_catalogue_on_both_engines(indexed_demo):
    expected_ids, expected_counts = _oracle("targeted", "domestic-abuse", 15)
    assert expected_ids, "the demo should have targeted domestic abuse help for a 15-year-old"
    helpline = ServicePage.objects.get(title="Domestic abuse helpline and outreach")
    assert helpline.pk in expected_ids, "for young people 16 to 25 and their parents"
    query = parse("level=targeted&need=domestic-abuse&age=15&per_page=100")
    for engine in (DatabaseEngine(), ElasticsearchEngine()):
        results = _run(engine, query).results
        assert {hit.document["id"] for hit in results.hits} == expected_ids, engine.name
        counts = non_zero(results)
        assert counts["level"] == dict(expected_counts["level"]), engine.name
        assert counts["need"] == dict(expected_counts["need"]), engine.name


def _open_oracle(now: datetime.datetime, when: str) -> set[int]:
    """Services open ``when`` at ``now`` by what their own pages say (opening_today), without
    any search code."""
    found = set()
    for page in ServicePage.objects.live().public().prefetch_related("schedules"):
        if page.status != ServicePage.Status.ACTIVE:
            continue
        today = opening_today(page.schedules.all(), now, term_time_only=page.term_time_only)
        if today is None:
            continue
        later_today = today.next_opening is not None and today.next_opening.days_ahead == 0
        if today.open_now is not None or (when == "today" and later_today):
            found.add(page.pk)
    return found


@pytest.mark.parametrize(
    "when",
    [
        (2026, 3, 4, 10, 0),  # Wednesday morning
        (2026, 3, 4, 16, 59),  # Wednesday, a minute before many close
        (2026, 3, 7, 11, 0),  # Saturday
        (2026, 3, 8, 12, 0),  # Sunday
        (2026, 3, 3, 18, 30),  # Tuesday evening
        (2026, 4, 1, 10, 0),  # Wednesday in the Easter holiday
    ],
)
def test_open_now_and_today_match_the_service_pages_on_both_engines(indexed_demo, when):
    SchoolHoliday.objects.create(
        name="Easter", first_day=datetime.date(2026, 3, 30), last_day=datetime.date(2026, 4, 10)
    )
    cache.delete("directory:school-holidays:v1")
    try:
        now = datetime.datetime(*when, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
        moment = week_moment(now)
        for choice in ("now", "today"):
            expected = _open_oracle(now, choice)
            query = parse(f"open={choice}&per_page=100", moment)
            for engine in (DatabaseEngine(), ElasticsearchEngine()):
                _, hits = every_page(query, engine)
                assert {pk for pk, _ in hits} == expected, (engine.name, choice)
        # The term-time services the holiday closed were open on term days.
        if moment.school_holiday:
            term_time = set(
                ServicePage.objects.filter(term_time_only=True).values_list("pk", flat=True)
            )
            in_term = week_moment(now - datetime.timedelta(days=28))
            _, hits = every_page(parse("open=today&per_page=100", in_term), DatabaseEngine())
            term_open = {pk for pk, _ in hits}
            assert term_open & term_time and not expected & term_time
    finally:
        cache.delete("directory:school-holidays:v1")


TRICKY_TEXT = [
    "Children's centre: stay-and-play for 0-19s (SE13), e.g. toddlers' groups",
    "Parents/carers of teenagers — café, naïve, coöperate, Ünïcode and 3.5 hours",
    "CAMHS & SENCo; ADHD/ASD; 1:1 support, 10,000 steps, covid19, 24/7 helpline",
    "The and of a an: stop words at the start, in the middle of it, and at the end of",
]


def test_the_index_analyses_words_exactly_as_python_does(indexed_demo):
    """Both engines' matching rests on this: same tokens, stop-word gaps and Porter stems."""
    from search.analysis import ANALYZER, analyse
    from search.engines.elastic_client import connection
    from search.engines.elastic_index import alias
    from search.models import SearchEntry

    vocabulary = sorted(
        {
            word
            for words in SearchEntry.objects.values_list("words", flat=True)
            for word in words.split()
        }
    )
    assert len(vocabulary) > 1000
    conn = connection()
    for text in [
        *TRICKY_TEXT,
        *(" ".join(vocabulary[i : i + 200]) for i in range(0, len(vocabulary), 200)),
    ]:
        tokens = conn.call(
            "indices.analyze", index=alias(), body={"analyzer": ANALYZER, "text": text}
        )["tokens"]
        # Rebuild Python's form: terms by position, None where a stop word left a gap.
        by_position = {token["position"]: token["token"] for token in tokens}
        elastic = [by_position.get(p) for p in range(min(by_position), max(by_position) + 1)]
        assert elastic == analyse(text), text[:60]
