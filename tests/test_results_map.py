"""The search results map: the partial, its asset check, the CSP for tiles and the npm assets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template import loader
from django.templatetags.static import static
from django.test import override_settings

from config.settings.base import _map_tiles_source
from directory.templatetags import maps as map_tags

ROOT = Path(settings.BASE_DIR)
PARTIAL = "search/_results_map.html"

RESULTS = [
    {
        "name": "Stay and Play </script><script>alert(1)</script>",
        "url": "/services/stay-and-play/",
        "distance_miles": 0.4,
        "area_wide": False,
        "locations": [
            {
                "name": "Riverside Family Hub",
                "postcode": "SE13 6LH",
                "latitude": 51.4521,
                "longitude": -0.0123,
            },
            {"name": "Not found", "postcode": "ZZ1 1ZZ", "latitude": None, "longitude": None},
        ],
    },
    {
        "name": "Parent line",
        "url": "/services/parent-line/",
        "distance_miles": None,
        "area_wide": True,
        "locations": [],
    },
]
ORIGIN = {"latitude": 51.4610, "longitude": -0.0080, "radius_miles": 3}


@pytest.fixture(autouse=True)
def fresh_asset_check():
    map_tags.clear_cache()
    yield
    map_tags.clear_cache()


def render(context: dict) -> BeautifulSoup:
    return BeautifulSoup(loader.render_to_string(PARTIAL, context), "html.parser")


def vendor_files_present() -> bool:
    return all(finders.find(path) for path in map_tags.MAP_ASSETS)


needs_vendor_files = pytest.mark.skipif(
    shutil.which("npm") is None and not vendor_files_present(),
    reason="npm is not installed, so `make assets` could not fetch Leaflet",
)


# -- the partial -------------------------------------------------------------------------------


def test_partial_renders_the_data_container_and_assets(monkeypatch):
    monkeypatch.setattr(map_tags, "assets_available", lambda: True)
    soup = render({"map_results": RESULTS, "map_origin": ORIGIN})

    data = soup.find("script", id="results-map-data")
    assert data["type"] == "application/json"
    assert json.loads(data.string) == RESULTS  # json_script escapes the </script> in the name
    assert "</script><script>" not in str(data)
    origin = soup.find("script", id="results-map-origin")
    assert json.loads(origin.string) == ORIGIN

    container = soup.find("div", id="results-map")
    assert container.has_attr("hidden")
    assert container["class"] == ["results-map"]
    assert container["role"] == "region"
    assert container["aria-label"]
    assert not container.contents  # the script fills it
    assert container["data-tiles-url"] == settings.MAP_TILES_URL
    assert container["data-tiles-attribution"] == settings.MAP_TILES_ATTRIBUTION
    assert container["data-marker-icon"] == static("vendor/leaflet/images/marker-icon.png")
    assert container["data-marker-icon-retina"] == static(
        "vendor/leaflet/images/marker-icon-2x.png"
    )
    assert container["data-marker-shadow"] == static("vendor/leaflet/images/marker-shadow.png")

    # Leaflet and markercluster are not linked: the script loads them, in this order, the first
    # time the map is shown.
    assert not soup.find_all("link", rel="stylesheet")
    assert container["data-map-stylesheets"].split() == [
        static("vendor/leaflet/leaflet.css"),
        static("vendor/leaflet.markercluster/MarkerCluster.css"),
        static("vendor/leaflet.markercluster/MarkerCluster.Default.css"),
    ]
    assert container["data-map-scripts"].split() == [
        static("vendor/leaflet/leaflet.js"),
        static("vendor/leaflet.markercluster/leaflet.markercluster.js"),
        static("js/map-keyboard.js"),
    ]
    scripts = soup.find_all("script", src=True)
    assert [script["src"] for script in scripts] == [
        static("js/map-common.js"),
        static("js/results-map.js"),
    ]
    assert all(script.has_attr("defer") for script in scripts)
    # Nothing from elsewhere, nothing inline: the CSP allows 'self' only.
    assert not [tag for tag in soup.find_all(["link", "script"]) if "//" in tag.get("src", "")]
    assert not soup.find(attrs={"style": True})
    assert all(s.get("src") or s["type"] == "application/json" for s in soup.find_all("script"))


def test_partial_without_an_origin_says_null(monkeypatch):
    monkeypatch.setattr(map_tags, "assets_available", lambda: True)
    soup = render({"map_results": RESULTS, "map_origin": None})
    assert json.loads(soup.find("script", id="results-map-origin").string) is None
    soup = render({"map_results": RESULTS})
    assert json.loads(soup.find("script", id="results-map-origin").string) is None


@pytest.mark.parametrize(
    "results",
    [[], None, [RESULTS[1]], [{**RESULTS[0], "locations": [RESULTS[0]["locations"][1]]}]],
)
def test_partial_is_empty_when_nothing_can_go_on_the_map(monkeypatch, results):
    monkeypatch.setattr(map_tags, "assets_available", lambda: True)
    assert loader.render_to_string(PARTIAL, {"map_results": results}).strip() == ""


def test_partial_leaves_the_map_out_when_the_assets_are_missing(monkeypatch):
    monkeypatch.setattr(map_tags.finders, "find", lambda path, **kwargs: None)
    html = loader.render_to_string(PARTIAL, {"map_results": RESULTS, "map_origin": ORIGIN})
    assert html.strip() == ""
    assert not map_tags.assets_available()


def test_partial_does_not_raise_under_the_production_storage_without_the_files(tmp_path):
    """CompressedManifestStaticFilesStorage raises ValueError from {% static %} for a file it
    has not collected; the partial must check first, not turn the search page into a 500."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path, DEBUG=False):
        with pytest.raises(ValueError):
            static("vendor/leaflet/leaflet.js")
        html = loader.render_to_string(PARTIAL, {"map_results": RESULTS, "map_origin": ORIGIN})
    assert html.strip() == ""


def test_the_asset_check_runs_once(monkeypatch):
    calls = []

    def find(path, **kwargs):
        calls.append(path)
        return None

    monkeypatch.setattr(map_tags.finders, "find", find)
    assert map_tags.assets_available() is False
    assert map_tags.assets_available() is False
    assert len(calls) == 1  # the first missing file settles it, and the answer is kept


def test_has_map_locations():
    assert map_tags.has_map_locations(RESULTS)
    assert not map_tags.has_map_locations([RESULTS[1]])
    assert not map_tags.has_map_locations([])
    assert not map_tags.has_map_locations(None)
    assert map_tags.has_map_locations([{"locations": [{"latitude": 0.0, "longitude": 0.0}]}])


# -- on the search page ------------------------------------------------------------------------


@pytest.mark.django_db
def test_search_page_includes_the_map_for_located_results(
    monkeypatch, client, make_service, postcodes
):
    monkeypatch.setattr(map_tags, "assets_available", lambda: True)
    make_service(title="Catford hub", locations=[{"name": "Catford", "postcode": "SE6 4RU"}])
    make_service(title="Family phone line", locations=[], in_person=False, by_phone=True)
    response = client.get("/search/", {"need": "parenting-programmes", "postcode": "SE4 1UA"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    data = json.loads(soup.find("script", id="results-map-data").string)
    catford = next(result for result in data if result["name"] == "Catford hub")
    assert catford["url"].endswith("/catford-hub/")
    assert catford["locations"][0]["postcode"] == "SE6 4RU"
    assert catford["locations"][0]["latitude"] == pytest.approx(51.4381)
    assert isinstance(catford["distance_miles"], float)
    origin = json.loads(soup.find("script", id="results-map-origin").string)
    assert origin["latitude"] == pytest.approx(51.4620)
    assert origin["radius_miles"] > 0
    assert soup.find("div", id="results-map").has_attr("hidden")
    # The list is all there regardless.
    titles = [" ".join(h2.get_text().split()) for h2 in soup.select("ol.results h2")]
    assert "Catford hub" in titles


@pytest.mark.django_db
def test_search_page_without_map_assets_still_lists(monkeypatch, client, make_service, postcodes):
    monkeypatch.setattr(map_tags.finders, "find", lambda path, **kwargs: None)
    make_service(title="Catford hub", locations=[{"name": "Catford", "postcode": "SE6 4RU"}])
    response = client.get("/search/", {"need": "parenting-programmes", "postcode": "SE4 1UA"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert not soup.find(id="results-map")
    assert not soup.find("script", src=lambda src: src and "results-map" in src)
    assert "Catford hub" in soup.select_one("ol.results").get_text()


# -- the tile server and the CSP ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
        ("/tiles/{z}/{x}/{y}.png", ""),
        ("", ""),
    ],
)
def test_map_tiles_source(url, source):
    assert _map_tiles_source(url) == source


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.django_db
def test_csp_allows_the_tile_server_images(site_structure, client):
    source = _map_tiles_source(settings.MAP_TILES_URL)
    if "MAP_TILES_URL" not in os.environ:
        assert source == "https://tile.openstreetmap.org"
    if not source:
        pytest.skip("MAP_TILES_URL is empty: no tile server to allow")
    for path in ("/", "/search/"):
        directives = csp_directives(client.get(path))
        assert source in directives["img-src"], path
        assert "'self'" in directives["img-src"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", ["'self'", "data:"]),
        (
            "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
            ["'self'", "data:", "https://*.tiles.example.org"],
        ),
    ],
)
def test_map_tiles_url_from_the_environment(url, expected):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "MAP_TILES_URL": url}
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.MAP_TILES_URL, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [url, expected]


# -- the files from npm ------------------------------------------------------------------------


def test_package_json_pins_the_browser_libraries():
    package = json.loads((ROOT / "package.json").read_text())
    assert package["private"] is True
    pinned = {
        "leaflet": "1.9.4",
        "leaflet.markercluster": "1.5.3",
        "accessible-autocomplete": "3.0.1",
    }
    assert package["dependencies"] == pinned
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for name, version in pinned.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


@needs_vendor_files
def test_make_assets_puts_the_files_where_the_finders_see_them():
    missing = [path for path in map_tags.MAP_ASSETS if not finders.find(path)]
    assert not missing, f"run `make assets`: {missing}"
    leaflet = Path(finders.find("vendor/leaflet/leaflet.js")).read_text()
    assert "Leaflet 1.9.4" in leaflet[:200]
    assert map_tags.assets_available()


@needs_vendor_files
def test_collectstatic_with_the_manifest_storage_takes_the_map_assets(tmp_path):
    """Production's storage rewrites leaflet.css's images and the scripts' source maps: all of
    them must be there, and the partial then links the hashed names."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages,
        STATIC_ROOT=tmp_path,
        STATICFILES_DIRS=[ROOT / "static"],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        DEBUG=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        soup = render({"map_results": RESULTS, "map_origin": ORIGIN})
        hashed_icon = static("vendor/leaflet/images/marker-icon.png")
    assert soup.find("div", id="results-map")["data-marker-icon"] == hashed_icon
    assert hashed_icon != "/static/vendor/leaflet/images/marker-icon.png"
    container = soup.find("div", id="results-map")
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    scripts += container["data-map-scripts"].split() + container["data-map-stylesheets"].split()
    assert len(scripts) == 8 and all(src.count(".") >= 2 for src in scripts), scripts


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_results_map_script_parses():
    result = subprocess.run(
        ["node", "--check", str(ROOT / "static" / "js" / "results-map.js")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
