"""A site that says whose it is: the council's name, logo text and contact in the header and
footer (Directory settings), its own contact, accessibility, privacy and cookies pages made by
setup_site, a favicon, and structured data with the site's real address."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from directory.models import DirectorySettings
from directory.site_setup import SITE_PAGES, ensure_site_structure
from home.models import ContentPage

from .public_html import assert_accessible_basics, text_of

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def directory_settings() -> DirectorySettings:
    return DirectorySettings.for_site(Site.objects.get(is_default_site=True))


def test_setup_site_makes_the_sites_own_pages_once(site_structure, client):
    footer = soup_of(client.get("/services/")).find("footer", class_="site-footer")
    links = {text_of(a): a["href"] for a in footer.find_all("a")}
    expected = {
        "Contact us": "/contact/",
        "Accessibility statement": "/accessibility-statement/",
        "Privacy notice": "/privacy-notice/",
        "Cookies": "/cookies/",
    }
    assert expected.items() <= links.items()
    for path in expected.values():
        response = client.get(path)
        assert response.status_code == 200, path
        assert_accessible_basics(response)
    # Run again: nothing new, and an editor's changes stay.
    privacy = ContentPage.objects.get(slug="privacy-notice")
    privacy.body = "<p>Our own words.</p>"
    privacy.save_revision().publish()
    ensure_site_structure()
    assert ContentPage.objects.count() == len(SITE_PAGES)
    assert "Our own words." in client.get("/privacy-notice/").content.decode()


def test_a_moved_or_renamed_page_stays_linked(site_structure, client):
    cookies = ContentPage.objects.get(slug="cookies")
    cookies.title, cookies.slug = "Cookies on this site", "cookies-on-this-site"
    cookies.save_revision().publish()
    ensure_site_structure()
    assert ContentPage.objects.filter(title__startswith="Cookies").count() == 1
    footer = soup_of(client.get("/")).find("footer")
    assert footer.find("a", href="/cookies-on-this-site/").get_text() == "Cookies on this site"
    # A page taken down leaves the footer.
    cookies.unpublish()
    assert not soup_of(client.get("/")).find("footer").find("a", href="/cookies-on-this-site/")


def test_the_privacy_notice_says_what_is_kept_and_for_how_long(site_structure, client):
    text = text_of(soup_of(client.get("/privacy-notice/")).find("main"))
    assert "postcode district" in text and "never the full postcode" in text
    assert "deleted after 13 months" in text
    assert "which needs your search named or chose" in text
    assert "use the address you type once, to send that e-mail, and do not keep it" in text
    assert "We do not keep a copy of a shared list" in text
    cookies = text_of(soup_of(client.get("/cookies/")).find("main"))
    for name in ("sessionid", "csrftoken", "messages"):
        assert name in cookies


def test_header_and_footer_name_the_council(site_structure, client):
    settings = directory_settings()
    settings.council_name = "Riverside Council"
    settings.save()
    soup = soup_of(client.get("/services/"))
    # Without logo text, the council's name is the wordmark.
    assert text_of(soup.find(class_="site-header__name")) == (
        "Riverside Council Family Support Directory"
    )
    settings.logo_text = "Riverside"
    settings.site_contact_email = "directory@riverside.example"
    settings.site_contact_phone = "020 7946 0000"
    settings.save()
    soup = soup_of(client.get("/services/"))
    name = soup.find(class_="site-header__name")
    assert text_of(name.find(class_="site-header__logo")) == "Riverside"
    assert text_of(name) == "Riverside Family Support Directory"
    footer = soup.find("footer")
    assert "Run by Riverside Council" in text_of(footer)
    assert footer.find("a", href="mailto:directory@riverside.example")
    assert footer.find("a", href="tel:+442079460000")
    # The contact page gives the same details, and the front door's.
    settings.front_door_name = "Riverside early help"
    settings.front_door_phone = "020 7946 0999"
    settings.save()
    contact = soup_of(client.get("/contact/")).find("main")
    assert contact.find("a", href="mailto:directory@riverside.example")
    assert "Help for your family: Riverside early help" in text_of(contact)
    assert contact.find("a", href="tel:+442079460999")
    assert (
        not soup_of(client.get("/cookies/"))
        .find("main")
        .find("a", href="mailto:directory@riverside.example")
    )


def test_a_favicon(site_structure, client):
    head = soup_of(client.get("/")).head
    icon = head.find("link", rel="icon")
    assert icon["href"] == "/static/favicon.svg" and icon["type"] == "image/svg+xml"
    assert head.find("link", rel="apple-touch-icon")["href"] == "/static/apple-touch-icon.png"
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.svg"
    assert client.get("/static/favicon.svg").status_code == 200


def test_the_site_takes_its_address_from_the_settings(db, settings):
    Site.objects.all().delete()  # a new site: every test's database starts with one
    settings.WAGTAILADMIN_BASE_URL = "https://directory.riverside.example"
    ensure_site_structure()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("directory.riverside.example", 443)


def test_a_placeholder_site_address_is_replaced_but_a_real_one_kept(site_structure, settings):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    settings.WAGTAILADMIN_BASE_URL = "https://directory.riverside.example"
    ensure_site_structure()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("directory.riverside.example", 443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    ensure_site_structure()
    site.refresh_from_db()
    assert site.hostname == "directory.riverside.example"


def test_structured_data_has_the_real_address_and_paragraphs(make_service, client):
    page = make_service(
        description="<p>First paragraph.</p><p>Second\nparagraph &amp; more.</p>"
        "<ul><li>One</li><li>Two</li></ul>"
    )
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    response = client.get(page.url, HTTP_HOST="directory.riverside.example", secure=True)
    data = json.loads(soup_of(response).find("script", type="application/ld+json").string)
    assert data["@id"] == f"https://directory.riverside.example{page.url}"
    assert data["disambiguatingDescription"] == (
        "First paragraph.\n\nSecond paragraph & more.\n\nOne\nTwo"
    )
    assert "localhost" not in response.content.decode().split("</head>")[0]
