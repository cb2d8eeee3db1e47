"""Search as you type, on the server's side: the boxes are marked for the script, and the
script is given the suggestions' address and the library's files, or left out without them.
The combobox itself is tried in a browser (tests/browser/test_search_suggest.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from directory.templatetags import directory_tags

pytestmark = pytest.mark.django_db

LIBRARY = "vendor/accessible-autocomplete/accessible-autocomplete.min.js"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def library_installed():
    if not finders.find(LIBRARY):
        pytest.skip("needs accessible-autocomplete from npm in static/vendor/: `make assets`")


def test_every_search_box_is_marked_and_the_script_knows_where_to_ask(
    make_service, client, library_installed
):
    service = make_service()
    for path, box in (
        ("/", "q"),
        ("/search/?q=play", "search-q"),
        (service.url, "header-search-q"),
    ):
        soup = soup_of(client.get(path))
        assert soup.find("input", id=box).has_attr("data-suggest"), path
        script = soup.find("script", src="/static/js/search-suggest.js")
        assert script.has_attr("defer")
        assert script["data-endpoint"] == "/api/search/suggest"
        assert script["data-library"] == f"/static/{LIBRARY}"
        assert script["data-stylesheet"].endswith("accessible-autocomplete.min.css")
    # Nothing of the library is on the page until a box is used.
    assert not soup.find("script", src=f"/static/{LIBRARY}")


def test_without_the_library_the_boxes_stay_plain(site_structure, client, monkeypatch):
    monkeypatch.setattr(directory_tags, "_present", {})
    monkeypatch.setattr(finders, "find", lambda path, **kwargs: None)
    monkeypatch.setattr(
        directory_tags.staticfiles_storage, "exists", lambda path: False, raising=False
    )
    soup = soup_of(client.get("/"))
    assert not soup.find("script", src="/static/js/search-suggest.js")
    assert soup.find("input", id="q")  # still a search box
