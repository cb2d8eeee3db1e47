"""Journeys: "Use my location" on the search forms, and the map of a service's locations.

Both are extras written in JavaScript (static/js/near-me.js, static/js/service-map.js); these
tests hold the server's side to them without a browser: the hooks and scripts are on the pages,
coordinates from a device search and show as they should, bad ones give a 400 with a message,
and the service page's map data is there only when it can be used.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import override_settings

from directory.models import ServiceLocation
from directory.templatetags import maps as map_tags

ROOT = Path(settings.BASE_DIR)
NEAR_ME = static("js/near-me.js")
SERVICE_MAP = static("js/service-map.js")
# The SE13 6LH centroid in the `postcodes` fixture; SE6 4RU is about a mile south.
LAT, LNG = "51.4521", "-0.0123"


@pytest.fixture(autouse=True)
def fresh_asset_check():
    map_tags.clear_cache()
    yield
    map_tags.clear_cache()


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


def script_srcs(soup: BeautifulSoup) -> list[str]:
    return [script["src"] for script in soup.find_all("script", src=True)]


def result_titles(soup: BeautifulSoup) -> list[str]:
    results = soup.find("ol", class_="results")
    return [text_of(h2) for h2 in results.find_all("h2")] if results else []


def assert_near_me_hook(soup: BeautifulSoup, form: BeautifulSoup) -> None:
    """One postcode field marked for the script, inside the form it will submit."""
    hooks = soup.find_all(attrs={"data-near-me": True})
    assert len(hooks) == 1
    hook = hooks[0]
    assert hook in form.find_all(attrs={"data-near-me": True})
    assert "field" in hook["class"]
    postcode = hook.find("input", attrs={"name": "postcode"})
    assert postcode is not None and postcode["type"] == "text"
    assert hook.find("label", attrs={"for": postcode["id"]})
    # Without JavaScript nothing changes: the button is the script's to add.
    assert not soup.find(class_="near-me__button")
    assert not soup.find("button", string=lambda s: s and "location" in s.lower())
    script = soup.find("script", src=NEAR_ME)
    assert script is not None and script.has_attr("defer")


@pytest.fixture
def services(make_service, postcodes):
    make_service(
        title="Catford hub sessions", locations=[{"name": "Catford", "postcode": "SE6 4RU"}]
    )
    make_service(title="Family phone line", locations=[], in_person=False, by_phone=True)
    make_service(
        title="Brockley toddler group", locations=[{"name": "Brockley", "postcode": "SE4 1UA"}]
    )


# -- near me: the hooks ------------------------------------------------------------------------


def test_the_script_is_a_static_file():
    assert finders.find("js/near-me.js")
    assert finders.find("js/service-map.js")


@pytest.mark.django_db
def test_home_page_has_the_near_me_hook(site_structure, client):
    response = client.get("/")
    assert response.status_code == 200
    soup = soup_of(response)
    form = soup.find("form", attrs={"role": "search", "action": "/search/"})
    assert_near_me_hook(soup, form)
    assert form.find(attrs={"data-near-me": True}).find("input")["id"] == "postcode"


@pytest.mark.django_db
def test_search_page_has_the_near_me_hook(site_structure, client):
    for params in ({}, {"q": "play"}):
        soup = soup_of(client.get("/search/", params))
        form = soup.find("form", id="search-form")
        assert_near_me_hook(soup, form)
        hook = form.find(attrs={"data-near-me": True})
        assert hook.parent["class"] == ["search-form__place"]
        assert hook.find("input")["id"] == "search-postcode"
        # Loaded just before the filters' script, at the end of the page.
        srcs = script_srcs(soup)
        filters = static("js/search-filters.js")
        assert srcs.index(NEAR_ME) == srcs.index(filters) - 1


# -- near me: what the search does with the coordinates ----------------------------------------


@pytest.mark.django_db
def test_search_by_coordinates_lists_results_near_your_location(client, services):
    response = client.get("/search/", {"lat": LAT, "lng": LNG})
    assert response.status_code == 200
    soup = soup_of(response)
    count = text_of(soup.find(id="result-count"))
    assert "within 3 miles of your location" in count
    assert "nearest first" in count
    titles = result_titles(soup)
    assert titles[0] == "Catford hub sessions"  # about a mile away
    assert "Family phone line" in titles  # available across the area
    assert "miles away" in text_of(soup.find("ol", class_="results"))

    # The coordinates go round again with the next search from this form, as hidden inputs.
    form = soup.find("form", id="search-form")
    assert form.find("input", attrs={"type": "hidden", "name": "lat"})["value"] == LAT
    assert form.find("input", attrs={"type": "hidden", "name": "lng"})["value"] == LNG
    assert form.find("input", attrs={"name": "postcode"})["value"] == ""
    # The place is listed as a choice that can be removed.
    chosen = [text_of(link) for link in soup.select("a.active-filter")]
    assert any("your location" in label for label in chosen), chosen


@pytest.mark.django_db
def test_removing_your_location_drops_the_coordinates(client, services):
    soup = soup_of(client.get("/search/", {"lat": LAT, "lng": LNG, "q": "group"}))
    location = next(
        link for link in soup.select("a.active-filter") if "your location" in text_of(link)
    )
    href = location["href"]
    assert "lat=" not in href and "lng=" not in href
    assert "q=group" in href

    response = client.get(href)
    assert response.status_code == 200
    soup = soup_of(response)
    assert not soup.find("input", attrs={"name": "lat"})
    assert not soup.find("input", attrs={"name": "lng"})
    assert "your location" not in text_of(soup.find(id="result-count"))
    assert not any("your location" in text_of(link) for link in soup.select("a.active-filter"))


@pytest.mark.django_db
def test_a_typed_postcode_wins_over_coordinates(client, services):
    """What near-me.js relies on if the hidden inputs linger: the postcode decides, and the
    coordinates are not even checked."""
    response = client.get("/search/", {"postcode": "SE4 1UA", "lat": "99", "lng": "nowhere"})
    assert response.status_code == 200
    soup = soup_of(response)
    assert "within 3 miles of SE4 1UA" in text_of(soup.find(id="result-count"))
    assert result_titles(soup)[0] == "Brockley toddler group"
    assert not soup.find("input", attrs={"name": "lat"})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"lat": "40.7128", "lng": "-74.0060"}, "That location is not in the UK."),
        ({"lat": LAT, "lng": "12.5"}, "That location is not in the UK."),
        ({"lat": LAT}, "Give both a latitude and a longitude"),
        ({"lng": LNG}, "Give both a latitude and a longitude"),
        ({"lat": "north", "lng": LNG}, "That location was not understood."),
    ],
)
def test_bad_coordinates_give_a_400_with_the_message(client, site_structure, params, message):
    response = client.get("/search/", params)
    assert response.status_code == 400
    soup = soup_of(response)
    summary = soup.find(class_="error-summary")
    assert summary is not None and summary["role"] == "alert"
    link = summary.find("a", href="#search-postcode")
    assert link is not None and message in text_of(link)
    # The message also sits by the postcode field, which the near-me button belongs to.
    field = soup.find(attrs={"data-near-me": True})
    assert "field--error" in field["class"]
    assert message in text_of(field.find(class_="error-message"))
    postcode = field.find("input", attrs={"name": "postcode"})
    assert postcode["aria-invalid"] == "true"
    assert postcode["aria-describedby"] == "search-postcode-error"
    assert not soup.find("ol", class_="results")


# -- the service page's map --------------------------------------------------------------------


@pytest.fixture
def assets_ok(monkeypatch):
    """Report every map file as there, whether or not `make assets` could fetch Leaflet."""
    monkeypatch.setattr(map_tags, "_asset_available", lambda path: True)


def where_section(soup: BeautifulSoup) -> BeautifulSoup:
    return soup.find(id="where-heading").parent


@pytest.mark.django_db
def test_service_page_maps_its_located_locations(assets_ok, client, make_service, postcodes):
    page = make_service(
        title="Two hubs",
        locations=[
            {"name": "Catford hub", "address_1": "1 Rushey Green", "postcode": "SE6 4RU"},
            {"name": "Somewhere unknown", "postcode": "ZZ9 9ZZ"},
            {"name": "Brockley hall", "address_1": "2 Brockley Road", "postcode": "SE4 1UA"},
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = soup_of(response)
    where = where_section(soup)

    data = json.loads(where.find("script", id="service-map-data").string)
    assert [place["name"] for place in data] == ["Catford hub", "Brockley hall"]
    catford = data[0]
    assert catford["address"] == ["1 Rushey Green", "SE6 4RU"]
    assert catford["latitude"] == pytest.approx(51.4381)
    assert catford["longitude"] == pytest.approx(-0.0190)
    assert catford["approximate"] is False

    container = where.find("div", id="service-map")
    assert container.has_attr("hidden")  # the script shows it once the map is built
    assert container["role"] == "region"
    assert container["aria-label"].startswith("Map of where this service is")
    assert not container.contents
    assert container["data-tiles-url"] == settings.MAP_TILES_URL
    assert container["data-marker-icon"] == static("vendor/leaflet/images/marker-icon.png")
    # The map's scripts, deferred; Leaflet (no markercluster) only when the map comes near the
    # screen, from the container's data; nothing inline.
    assert script_srcs(where) == [static("js/map-common.js"), SERVICE_MAP]
    assert all(script.has_attr("defer") for script in where.find_all("script", src=True))
    assert container["data-map-scripts"].split() == [
        static("vendor/leaflet/leaflet.js"),
        static("js/map-keyboard.js"),
    ]
    assert container["data-map-stylesheets"] == static("vendor/leaflet/leaflet.css")
    assert not where.find_all("link", rel="stylesheet")
    assert not soup.find(attrs={"style": True})
    # Above the addresses, which all stay as they are, the unmapped one too.
    names = [text_of(h3) for h3 in where.find_all("h3", class_="location__name")]
    assert names == ["Catford hub", "Somewhere unknown", "Brockley hall"]
    first_location = where.find("div", class_="location")
    assert container in first_location.find_all_previous("div")
    assert len(where.find_all("address")) == 3


@pytest.mark.django_db
def test_service_page_without_coordinates_has_no_map(assets_ok, client, make_service, postcodes):
    page = make_service(
        title="Unknown place", locations=[{"name": "Nowhere", "postcode": "ZZ9 9ZZ"}]
    )
    assert page.locations.get().geocode_status == ServiceLocation.GeocodeStatus.NOT_FOUND
    soup = soup_of(client.get(page.url))
    assert not soup.find(id="service-map-data")
    assert not soup.find(id="service-map")
    assert SERVICE_MAP not in script_srcs(soup)
    assert "Nowhere" in text_of(where_section(soup))

    # No locations at all: no "Where" map either.
    page = make_service(title="Phone only", locations=[], in_person=False, by_phone=True)
    soup = soup_of(client.get(page.url))
    assert not soup.find(id="service-map-data")
    assert SERVICE_MAP not in script_srcs(soup)


@pytest.mark.django_db
def test_service_page_without_map_assets_lists_the_addresses(
    monkeypatch, client, make_service, postcodes
):
    page = make_service(title="Catford hub", locations=[{"name": "Catford", "postcode": "SE6 4RU"}])
    for patch in (
        (map_tags, "assets_available", lambda: False),  # the check says no
        (map_tags.finders, "find", lambda path, **kwargs: None),  # the files are not there
    ):
        with monkeypatch.context() as patched:
            patched.setattr(*patch)
            map_tags.clear_cache()
            response = client.get(page.url)
            assert response.status_code == 200
            soup = soup_of(response)
            assert not soup.find(id="service-map-data")
            assert not soup.find(id="service-map")
            assert not [
                src for src in script_srcs(soup) if "vendor/" in src or "service-map" in src
            ]
            assert not soup.find("link", href=lambda href: href and "vendor/" in href)
            where = where_section(soup)
            assert "Catford" in text_of(where) and "SE6 4RU" in text_of(where.find("address"))


def test_service_map_check_under_the_production_storage_without_the_files(tmp_path):
    """{% static %} raises there for a file not collected: the check must say no instead."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path, DEBUG=False):
        assert map_tags.service_map_assets_available() is False


def test_service_map_check_needs_the_results_map_assets_and_its_own(monkeypatch):
    monkeypatch.setattr(map_tags, "assets_available", lambda: True)
    monkeypatch.setattr(map_tags, "_asset_available", lambda path: path != "js/service-map.js")
    assert map_tags.service_map_assets_available() is False
    map_tags.clear_cache()
    monkeypatch.setattr(map_tags, "_asset_available", lambda path: True)
    assert map_tags.service_map_assets_available() is True
    map_tags.clear_cache()
    monkeypatch.setattr(map_tags, "assets_available", lambda: False)
    assert map_tags.service_map_assets_available() is False


def test_service_map_places():
    located = ServiceLocation(
        name="Hub",
        address_1="1 High Street",
        city="London",
        postcode="SE13 6LH",
        latitude=51.4521,
        longitude=-0.0123,
        geocode_status="postcode",
    )
    district = ServiceLocation(
        name="Library", postcode="SE13", latitude=51.45, longitude=-0.01, geocode_status="district"
    )
    unlocated = ServiceLocation(name="Unknown", postcode="ZZ9 9ZZ")
    assert map_tags.service_map_places([located, unlocated, district]) == [
        {
            "name": "Hub",
            "address": ["1 High Street", "London", "SE13 6LH"],
            "latitude": 51.4521,
            "longitude": -0.0123,
            "approximate": False,
        },
        {
            "name": "Library",
            "address": ["SE13"],
            "latitude": 51.45,
            "longitude": -0.01,
            "approximate": True,
        },
    ]
    assert map_tags.service_map_places([unlocated]) == []
    assert map_tags.service_map_places(None) == []
    assert map_tags.service_map_places([{"name": "A", "latitude": 0.0, "longitude": 0.0}]) == [
        {"name": "A", "address": [], "latitude": 0.0, "longitude": 0.0, "approximate": False}
    ]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize(
    "script", sorted(path.name for path in (ROOT / "static" / "js").glob("*.js"))
)
def test_scripts_parse(script):
    result = subprocess.run(
        ["node", "--check", str(ROOT / "static" / "js" / script)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
