"""The project's HTML templates load without their indentation; nothing else changes.

config/template_loaders.py strips the spaces that start a line in this project's own .html
templates (page weight, bench/page_weight.py). These tests hold it to what it promises: Wagtail's
and Django's templates and text e-mails keep their spacing, what a template prints keeps its own,
the cached loader still sits in front (production), and runserver still reloads a changed
template (development).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.template.autoreload import get_template_directories, template_changed
from django.template.loaders.cached import Loader as CachedLoader

INDENTED_LINE = "\n    "


def engine():
    return engines["django"].engine


def source(name: str) -> str:
    return engine().get_template(name).source


def on_disk(name: str) -> str:
    return Path(engine().get_template(name).origin.name).read_text()


def test_project_html_templates_load_without_indentation():
    for name in ("base.html", "search/search.html", "directory/service_page.html"):
        assert INDENTED_LINE in on_disk(name), f"{name} is no longer indented: pick another"
        loaded = source(name)
        assert "\n " not in loaded and "\n\t" not in loaded
        # Only spaces at the start of lines go: the lines and everything on them stay, so
        # error pages still point at the right line.
        assert loaded.splitlines() == [line.lstrip(" \t") for line in on_disk(name).splitlines()]


def test_templates_that_are_not_the_projects_html_keep_their_spacing():
    wagtail_template = "wagtailadmin/base.html"
    assert INDENTED_LINE in on_disk(wagtail_template)
    assert source(wagtail_template) == on_disk(wagtail_template)
    assert Path(engine().get_template(wagtail_template).origin.name).is_relative_to(
        Path(__import__("wagtail").__file__).parent
    )
    email = "directory/shortlist/email.txt"
    assert source(email) == on_disk(email)


def test_what_a_template_prints_keeps_its_own_spacing(client, make_service):
    service = make_service(
        title="Spacing kept",
        description="<ul>\n    <li>Monday:   drop in</li>\n</ul><p>Line one\n\tline two</p>",
    )
    page = client.get(service.url).content.decode()
    assert "<li>Monday:   drop in</li>" in page
    assert "Line one\n\tline two" in page


def test_loaded_templates_are_cached():
    loaders = engine().template_loaders
    assert len(loaders) == 1 and isinstance(loaders[0], CachedLoader)
    assert loaders[0].get_template("base.html") is loaders[0].get_template("base.html")


def test_a_changed_template_is_reloaded_in_development():
    """runserver watches these folders and, when a template in one changes, empties the cache
    (django.template.autoreload); the project's own loaders must keep both working."""
    watched = get_template_directories()
    for folder in (
        Path(settings.BASE_DIR) / "templates",
        Path(settings.BASE_DIR) / "search" / "templates",
    ):
        assert folder.resolve() in {path.resolve() for path in watched}
    cached = engine().template_loaders[0]
    cached.get_template("search/search.html")
    assert cached.get_template_cache
    changed = Path(settings.BASE_DIR) / "search" / "templates" / "search" / "search.html"
    assert template_changed(None, changed) is True
    assert not cached.get_template_cache
