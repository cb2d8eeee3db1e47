"""Results first on a phone, on the server's side: once a search is made its form folds into
a one-line "Change search" summary, the filters carry an Apply button next to them, the page has
one age control, and a search about a sensitive need offers "Exit this page". The layout at
390x844 is tried in a browser (tests/browser/test_results_first.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from search.presenters import search_in_words
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (
            SearchQuery(q="play", postcode="SE13", latitude=51.4, longitude=0.0),
            "‘play’ within 3 miles of SE13",
        ),
        (
            SearchQuery(q="play", latitude=51.4, longitude=0.0, radius=1),
            "‘play’ within 1 mile of your location",
        ),
        (
            SearchQuery(postcode="SE4 1UA", latitude=51.4, longitude=0.0, age=4),
            "Services within 3 miles of SE4 1UA, for age 4",
        ),
        (SearchQuery(q="money", age=15), "‘money’ for age 15"),
        (SearchQuery(), "Services"),
    ],
)
def test_the_search_in_one_line(query, words):
    assert search_in_words(query) == words


def test_a_search_folds_its_form_into_change_search(make_service, client, postcodes):
    make_service(title="Stay and play", locations=[{"name": "Hub", "postcode": "SE6 4RU"}])
    soup = soup_of(client.get("/search/", {"q": "play", "postcode": "SE6 4RU"}))
    folded = soup.find("details", class_="search-change")
    assert not folded.has_attr("open")  # the script opens it on wide screens
    summary = folded.find("summary")
    assert text(summary) == "‘play’ within 3 miles of SE6 4RU Change search"
    form = folded.find("form", id="search-form")
    assert form.find("input", id="search-q")["value"] == "play"
    assert form.find("input", id="search-postcode")["value"] == "SE6 4RU"
    # The summary comes before the filters and the results.
    assert soup.find("main").find(["details", "ol"]) is folded


def test_no_search_or_a_wrong_one_shows_the_whole_form(site_structure, client, postcodes):
    for params in ({}, {"postcode": "not a postcode at all"}):
        soup = soup_of(client.get("/search/", params))
        assert not soup.find("details", class_="search-change")
        assert soup.find("form", id="search-form").find("input", id="search-q")


def test_apply_is_next_to_the_filters_and_at_their_end(make_service, client):
    make_service(title="Stay and play")
    soup = soup_of(client.get("/search/", {"q": "play"}))
    filters = soup.find("details", class_="search-filters__details")
    buttons = filters.find_all("button", attrs={"data-apply-filters": True})
    assert [text(button) for button in buttons] == ["Apply filters", "Apply filters"]
    first_box = filters.find("input", class_="facet__checkbox")
    assert buttons[0].find_all_next("input", class_="facet__checkbox")[0] is first_box
    assert all(button["form"] == "search-form" for button in buttons)
    # The hint that boxes apply themselves is the script's to show.
    assert filters.find(attrs={"data-filters-hint": True}).has_attr("hidden")


def test_one_age_control(make_service, client):
    make_service(title="Stay and play", minimum_age=0, maximum_age=4)
    soup = soup_of(client.get("/search/", {"q": "play"}))
    assert soup.find("input", id="search-age")
    assert not soup.find("input", attrs={"name": "age_band"})
    assert "Age band" not in text(soup.find(class_="search-filters"))
    # Old links and the API keep the age bands.
    linked = soup_of(client.get("/search/", {"q": "play", "age_band": "2-to-4"}))
    assert "Stay and play" in text(linked.find("ol", class_="results"))
    assert any("2 to 4" in text(chip) for chip in linked.select("a.active-filter"))
    assert "age_band" in client.get("/api/search", {"q": "play"}).json()["facets"]


def test_a_search_about_a_sensitive_need_offers_exit(make_service, client):
    make_service(title="Refuge outreach", needs=["Domestic abuse"])
    make_service(title="Stay and play", needs=["Parenting programmes"])

    def has_exit(params) -> bool:
        return bool(soup_of(client.get("/search/", params)).select("[data-exit-this-page] a"))

    assert has_exit({"need": "domestic-abuse"})
    assert has_exit({"need": "staying-safe"})  # a category holding it
    assert has_exit({"q": "domestic abuse"})  # named by the words
    assert not has_exit({"q": "play"})
    assert not has_exit({"need": "parenting-programmes"})
