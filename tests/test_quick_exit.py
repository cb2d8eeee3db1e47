"""Sensitive needs and "Exit this page": which needs are sensitive by default, which pages show
the control, and where it goes. The control itself is tried in a browser in
tests/browser/test_exit_this_page.py."""

from __future__ import annotations

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps

from directory.models import DirectorySettings, Need
from directory.models.site_settings import DEFAULT_QUICK_EXIT_URL
from directory.vocabulary_defaults import SENSITIVE_NEEDS, seed_vocabularies

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("directory.migrations.0009_sensitive_needs_and_quick_exit")


def exit_link(client, path: str):
    soup = BeautifulSoup(client.get(path).content.decode(), "html.parser")
    return soup.select_one("[data-exit-this-page] a")


def test_the_default_sensitive_needs_are_marked(site_structure):
    marked = set(Need.objects.filter(sensitive=True).values_list("name", flat=True))
    assert marked == SENSITIVE_NEEDS
    assert {"Domestic abuse", "Exploitation (criminal and sexual)"} <= marked
    assert not Need.objects.get(name="Parenting programmes").sensitive


def test_the_migration_finds_renamed_needs_by_slug_and_leaves_others(site_structure):
    Need.objects.update(sensitive=False)
    # A council renamed one; another council made its own need that is not in the defaults.
    Need.objects.filter(slug="domestic-abuse").update(name="Domestic violence and abuse")
    MIGRATION.mark_default_sensitive_needs(apps, None)
    assert Need.objects.get(slug="domestic-abuse").sensitive
    assert Need.objects.get(slug="drugs-and-alcohol").sensitive
    assert not Need.objects.filter(sensitive=True, name="Bullying and online safety").exists()


def test_a_new_site_seeds_them_sensitive(site_structure):
    Need.objects.filter(name="Sexual health and relationships").delete()
    seed_vocabularies()
    assert Need.objects.get(name="Sexual health and relationships").sensitive


def test_a_categorys_needs_are_sensitive_with_it(site_structure):
    category = Need.objects.get(name="Money, work and housing")
    debt = Need.objects.get(name="Money and debt advice")
    assert not debt.is_sensitive
    category.sensitive = True
    category.save()
    debt.refresh_from_db()
    assert debt.is_sensitive


def test_sensitive_services_and_their_needs_pages_offer_exit(make_service, client):
    refuge = make_service(title="Refuge outreach", needs=["Domestic abuse"])
    play = make_service(title="Stay and Play", needs=["Parenting programmes"])
    link = exit_link(client, refuge.url)
    assert link is not None
    assert link["href"] == DEFAULT_QUICK_EXIT_URL
    assert link.get_text(" ", strip=True) == "Emergency: Exit this page"
    assert "noreferrer" in link["rel"]
    assert exit_link(client, play.url) is None

    assert exit_link(client, "/needs/domestic-abuse/") is not None
    # The category lists its domestic abuse services too.
    assert exit_link(client, "/needs/staying-safe/") is not None
    assert exit_link(client, "/needs/parenting-programmes/") is None
    assert exit_link(client, "/needs/parenting-and-family-relationships/") is None


def test_it_comes_straight_after_the_skip_link(make_service, client):
    refuge = make_service(title="Refuge outreach", needs=["Domestic abuse"])
    soup = BeautifulSoup(client.get(refuge.url).content.decode(), "html.parser")
    focusable = soup.body.find_all(["a", "button", "input", "select"])
    assert focusable[0]["href"] == "#main-content"
    assert focusable[1] is soup.select_one("[data-exit-this-page] a")
    assert soup.find("script", src="/static/js/exit-this-page.js").has_attr("defer")


def test_a_list_with_a_sensitive_service_offers_exit(make_service, client):
    refuge = make_service(title="Refuge outreach", needs=["Domestic abuse"])
    play = make_service(title="Stay and Play", needs=["Parenting programmes"])
    client.post("/my-list/add/", {"service": play.pk})
    assert exit_link(client, "/my-list/") is None
    client.post("/my-list/add/", {"service": refuge.pk})
    assert exit_link(client, "/my-list/") is not None


def test_the_exit_website_is_the_councils_choice(make_service, client, site_structure):
    refuge = make_service(title="Refuge outreach", needs=["Domestic abuse"])
    settings = DirectorySettings.for_site(site_structure.home.get_site())
    settings.quick_exit_url = "https://www.google.co.uk/"
    settings.save()
    assert exit_link(client, refuge.url)["href"] == "https://www.google.co.uk/"
