"""The search page without JavaScript (Django's test client), the JSON API and the search log."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from directory.models import ServicePage
from search.models import SearchLog

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def result_titles(soup: BeautifulSoup) -> list[str]:
    results = soup.find("ol", class_="results")
    return [h2.get_text(strip=True) for h2 in results.find_all("h2")] if results else []


@pytest.fixture
def services(make_service, postcodes):
    make_service(
        title="Catford stay and play",
        levels=["universal"],
        locations=[{"name": "Catford hub", "postcode": "SE6 4RU"}],
    )
    make_service(
        title="Family support workers",
        summary="Help at home for families under pressure.",
        levels=["targeted"],
        needs=["Domestic abuse", "Parenting programmes"],
        minimum_age=0,
        maximum_age=18,
        home_visits=True,
        in_person=False,
    )
    make_service(
        title="Brockley toddler group",
        levels=["universal"],
        locations=[{"name": "Brockley hall", "postcode": "SE4 1UA"}],
        is_free=False,
        fees_description="£2 a session",
    )


def test_the_page_works_without_javascript(client, services):
    response = client.get("/search/", {"postcode": "SE4 1UA"})
    assert response.status_code == 200
    soup = soup_of(response)
    # One GET form: words and place inside it; filters and sort join it by its id, so they
    # submit together (the results between hold their own "Add to my list" POST forms).
    form = soup.find("form", id="search-form")
    assert form["method"] == "get" and form.find("input", attrs={"name": "q"})
    assert soup.find("input", attrs={"type": "checkbox", "name": "level", "form": "search-form"})
    assert soup.find("select", attrs={"name": "sort", "form": "search-form"})
    assert not soup.select("form form")
    assert result_titles(soup) == [
        "Brockley toddler group",
        "Catford stay and play",
        "Family support workers",
    ]
    text = soup.get_text(" ", strip=True)
    assert "3 services found within 3 miles of SE4 1UA, nearest first" in text
    assert "0.0 miles away" in text and "Available across the area" in text
    assert "Level of need: Targeted" in text


def test_facets_show_counts_and_ticked_filters_stay_ticked(client, services):
    soup = soup_of(client.get("/search/", {"level": "targeted"}))
    universal = soup.find("input", id="facet-level-universal")
    targeted = soup.find("input", id="facet-level-targeted")
    assert targeted.has_attr("checked") and not universal.has_attr("checked")
    # Counts ignore the level's own choice, so Universal still says how many there are.
    label = soup.find("label", attrs={"for": "facet-level-universal"})
    assert " ".join(label.get_text().split()) == "Universal (2 services)"
    assert result_titles(soup) == ["Family support workers"]


def test_active_filters_are_removable_one_by_one(client, services):
    response = client.get(
        "/search/", {"q": "support", "level": ["targeted", "universal"], "free": "true"}
    )
    soup = soup_of(response)
    links = {a.get_text(" ", strip=True): a["href"] for a in soup.select("a.active-filter")}
    remove_targeted = next(href for label, href in links.items() if "Targeted" in label)
    assert "level=universal" in remove_targeted and "level=targeted" not in remove_targeted
    assert "q=support" in remove_targeted and "free=true" in remove_targeted
    remove_words = next(href for label, href in links.items() if label.startswith("Words"))
    assert "q=" not in remove_words and "level=targeted" in remove_words
    assert soup.find("a", string="Clear all")


def test_pagination_and_a_page_past_the_end(client, make_service):
    for number in range(25):
        make_service(title=f"Play session {number:02d}")
    soup = soup_of(client.get("/search/", {"q": "play", "sort": "name"}))
    assert len(result_titles(soup)) == 20
    assert "(page 1 of 2)" in soup.get_text(" ", strip=True)
    assert soup.find("a", rel="next")["href"].endswith("page=2")
    # Past the end: the last page, not an empty one.
    soup = soup_of(client.get("/search/", {"q": "play", "sort": "name", "page": "9"}))
    assert result_titles(soup) == [f"Play session {n}" for n in range(20, 25)]


def test_relaxed_and_corrected_words_are_explained(client, make_service):
    make_service(title="Toddler group", summary="Songs.", needs=[])
    make_service(title="Money advice", summary="Debts.", needs=[])
    text = soup_of(client.get("/search/", {"q": "toddler money"})).get_text(" ", strip=True)
    assert "No services matched all of your words, so these match some of them." in text
    text = soup_of(client.get("/search/", {"q": "todler"})).get_text(" ", strip=True)
    assert "Showing results for ‘toddler’ instead" in text


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"postcode": "ZZ99 9Z"}, "postcode", "'ZZ99 9Z' is not a postcode"),
        ({"postcode": "SE13", "radius": "10000"}, "radius", "Choose a distance of up to 50"),
        ({"age": "-3"}, "age", "Enter an age in years between 0 and 120"),
        ({"q": "x" * 5000}, "q", "at most 200 characters"),
        ({"need": "not-a-need"}, "need", "We do not have a need called"),
    ],
)
def test_bad_input_is_a_clear_400_on_the_page_and_in_the_api(
    client, postcodes, params, field, message
):
    page = client.get("/search/", params)
    assert page.status_code == 400
    summary = soup_of(page).find(class_="error-summary")
    assert message in summary.get_text(" ", strip=True)
    api = client.get("/api/search", params)
    assert api.status_code == 400 and api["Content-Type"] == "application/json"
    assert message in api.json()["errors"][field]
    assert not SearchLog.objects.exists()


def test_api_contract(client, services):
    response = client.get("/api/search", {"postcode": "SE4 1UA", "need": "domestic-abuse"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"count", "results", "facets", "engine"}
    assert body["count"] == 1 and body["engine"] == "database"
    result = body["results"][0]
    assert set(result) >= {
        "id",
        "name",
        "url",
        "summary",
        "distance_miles",
        "needs",
        "levels",
        "age_bands",
        "minimum_age",
        "maximum_age",
        "free",
        "delivery",
        "locations",
    }
    assert result["name"] == "Family support workers"
    page = ServicePage.objects.get(title="Family support workers")
    assert result["url"] == "http://testserver" + page.url  # absolute, as the request came
    secure = client.get(
        "/api/search", {"need": "domestic-abuse"}, secure=True, headers={"host": "example.org"}
    )
    assert secure.json()["results"][0]["url"] == "https://example.org" + page.url
    assert result["distance_miles"] is None and result["available_across_area"] is True
    assert {"value": "targeted", "label": "Targeted"} in result["levels"]
    assert {"value": "home-visit", "label": "Home visits"} in result["delivery"]
    assert (result["minimum_age"], result["maximum_age"], result["free"]) == (0, 18, True)
    level_facet = {item["value"]: item for item in body["facets"]["level"]}
    assert level_facet["targeted"] == {
        "value": "targeted",
        "label": "Targeted",
        "count": 1,
        "selected": False,
    }
    need_facet = {item["value"]: item["count"] for item in body["facets"]["need"]}
    assert need_facet["domestic-abuse"] == 1 and need_facet["parenting-programmes"] == 3

    located = client.get("/api/search", {"postcode": "SE4 1UA"}).json()["results"][0]
    assert located["name"] == "Brockley toddler group"
    assert located["distance_miles"] == 0.0
    assert located["locations"][0]["postcode"] == "SE4 1UA"


def test_suggest_api(client, services):
    body = client.get("/api/search/suggest", {"q": "brock"}).json()
    assert body["suggestions"] == [
        {
            "label": "Brockley toddler group",
            "url": "/services/brockley-toddler-group/",
            "type": "service",
        }
    ]
    assert client.get("/api/search/suggest", {"q": "x" * 500}).status_code == 400


def test_every_search_is_logged_anonymously(client, services):
    page = client.get(
        "/search/",
        {"q": "help for jo@example.com call 07700 900123 at SE13 6LH", "postcode": "SE4 1UA"},
    )
    client.get("/api/search", {"lat": "51.45123", "lng": "-0.01456", "need": "domestic-abuse"})
    client.get("/search/")  # an empty search is not a search
    page_log, api_log = SearchLog.objects.order_by("created_at", "pk")
    # Only words the directory knows are kept: no address, number, postcode or name.
    for private in ("jo", "example", "07700", "900123", "se13", "6lh", "@"):
        assert private not in page_log.q.lower().split()
    assert page_log.other_words >= 5
    assert page_log.postcode_district == "SE4" and "SE4 1UA" not in str(page_log.params)
    assert page_log.engine == "database" and page_log.duration_ms >= 0
    assert page_log.result_count == page.context["results"].paginator.count
    assert page_log.match in ("all", "any", "all_corrected", "any_corrected")
    assert not page_log.api
    assert api_log.api and api_log.needs == ["domestic-abuse"] and api_log.result_count == 1
    assert api_log.params["lat"] == 51.45 and api_log.params["lng"] == -0.01
    assert SearchLog.objects.count() == 2


def test_results_say_when_each_service_is_open_and_filter_by_it(client, make_service, monkeypatch):
    """Issue 18 item 5 on the page: each result's day in words, and the When filter without
    JavaScript (a GET form), judged at the time of the request."""
    import datetime
    import zoneinfo

    from django.conf import settings

    from directory import opening_hours

    def weekly(day: str, opens: str, closes: str) -> dict:
        return {
            "weekday": day,
            "opens_at": datetime.time.fromisoformat(opens),
            "closes_at": datetime.time.fromisoformat(closes),
        }

    make_service(title="Morning drop-in", schedules=[weekly("we", "09:30", "11:30")])
    make_service(title="Tuesday group", schedules=[weekly("tu", "13:00", "15:00")])
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    wednesday_8am = datetime.datetime(2026, 3, 4, 8, 0, tzinfo=zone)
    monkeypatch.setattr(opening_hours, "council_now", lambda: wednesday_8am)

    soup = soup_of(client.get("/search/", {"need": "parenting-programmes"}))
    said = {
        result.find("h2").get_text(strip=True): result.find(class_="result__open").get_text(
            " ", strip=True
        )
        for result in soup.select("ol.results > li")
    }
    assert said == {
        "Morning drop-in": "Open today 9:30am to 11:30am",
        "Tuesday group": "Closed today – next open Tuesday at 1pm",
    }
    when = soup.find("input", attrs={"name": "open", "value": "today"})
    assert when is not None and "(1" in soup.find("label", attrs={"for": when["id"]}).get_text()

    soup = soup_of(client.get("/search/", {"open": "today"}))
    assert result_titles(soup) == ["Morning drop-in"]
    assert soup.find("input", attrs={"name": "open", "value": "today"}).has_attr("checked")
    # Later the same morning the same search finds it open now.
    monkeypatch.setattr(opening_hours, "council_now", lambda: wednesday_8am.replace(hour=10))
    assert result_titles(soup_of(client.get("/search/", {"open": "now"}))) == ["Morning drop-in"]
    # An unknown choice is a clear 400, not a 500.
    response = client.get("/api/search", {"open": "tomorrow"})
    assert response.status_code == 400 and "open" in response.json()["errors"]


def test_the_age_field_says_parents_and_carers_count(client, make_service):
    soup = soup_of(client.get("/search/"))
    hint = soup.find(id="search-age-hint")
    assert "parents and carers" in hint.get_text()
    assert "search-age-hint" in soup.find(id="search-age")["aria-describedby"]
