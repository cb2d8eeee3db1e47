"""The public site: templates, accessibility basics, structured data and security headers."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template import loader
from django.utils import timezone

from directory.models import LevelOfNeed, ServiceArea, ServiceLanguage
from directory.templatetags.directory_tags import (
    a_to_z,
    ages_in_words,
    display_url,
)
from home.models import ContentPage

from .public_html import assert_accessible_basics, soup_of, text_of

pytestmark = pytest.mark.django_db

CSS_PATH = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


# -- helpers -----------------------------------------------------------------------------------


def headings(soup: BeautifulSoup, level: str = "h2") -> list[str]:
    return [text_of(heading) for heading in soup.find_all(level)]


def summary_value(soup: BeautifulSoup, term: str, within=None) -> str:
    """The text of the <dd> that follows the <dt> with this text."""
    scope = within or soup
    for dt in scope.find_all("dt"):
        if text_of(dt) == term:
            return text_of(dt.find_next_sibling("dd"))
    raise AssertionError(f"No <dt>{term}</dt> on the page")


@pytest.fixture
def full_service(make_service, postcodes):
    page = make_service(
        title="Riverside Parenting Course",
        summary="A friendly eight-week course for parents of young children.",
        description="<p>Each week covers <b>routines</b>, play and managing big feelings.</p>",
        minimum_age=0,
        maximum_age=4,
        for_expectant_parents=True,
        eligibility="Families living in the borough.",
        needs=["Parenting programmes", "Parental conflict"],
        circumstances=["Lone parents", "Teenage parents"],  # shown in vocabulary order
        levels=["universal", "targeted"],
        schedules=[
            {
                "weekday": "we",
                "opens_at": datetime.time(13, 0),
                "closes_at": datetime.time(15, 0),
                "description": "Drop-in, no need to book",
            },
            {
                "weekday": "mo",
                "opens_at": datetime.time(9, 30),
                "closes_at": datetime.time(12, 0),
            },
        ],
        term_time_only=True,
        schedule_notes="Closed on bank holidays",
        locations=[
            {
                "name": "Downham Family Hub",
                "address_1": "1 Moorside Road",
                "address_2": "Downham",
                "city": "London",
                "postcode": "se64ru",
                "accessibility": "Step-free access and an accessible toilet.",
            }
        ],
        contacts=[
            {
                "name": "Parenting team",
                "title": "Course coordinator",
                "phone": "020 8314 6000",
                "phone_description": "Text or call, Monday to Friday",
                "email": "parenting@riverside.example",
            }
        ],
        website="https://riverside.example/parenting/",
        email="courses@riverside.example",
        is_free=False,
        fees_description="£5 a session; free for families on benefits.",
        self_referral=True,
        professional_referral=True,
        online=True,
        who_can_refer="GP, health visitor or school",
        access_instructions="Call the team to book a place.",
        referral_url="https://forms.riverside.example/refer",
        last_reviewed=datetime.date(2026, 1, 15)
        if datetime.date(2026, 1, 15) <= timezone.localdate()
        else timezone.localdate() - datetime.timedelta(days=10),
        alert="No sessions in August",
    )
    ServiceLanguage.objects.create(page=page, code="pl", note="Interpreter on request")
    ServiceLanguage.objects.create(page=page, code="so")
    ServiceArea.objects.create(page=page, name="Bellingham ward")
    return page


# -- home page -------------------------------------------------------------------------------


def test_home_page_has_a_labelled_search_form(site_structure, client):
    response = client.get("/")
    assert response.status_code == 200
    soup = assert_accessible_basics(response)
    form = soup.find("form", action="/search/")
    assert form is not None and form.get("method", "get").lower() == "get"
    query = form.find("input", attrs={"name": "q"})
    assert text_of(soup.find("label", attrs={"for": query["id"]})) == "What do you need help with?"
    postcode = form.find("input", attrs={"name": "postcode"})
    assert "Postcode" in text_of(soup.find("label", attrs={"for": postcode["id"]}))
    assert postcode.get("autocomplete") == "postal-code"  # WCAG 1.3.5 input purpose
    assert form.find("button", type="submit")
    # The home page's own form replaces the header's: one search box only.
    assert len(soup.find_all("input", attrs={"name": "q"})) == 1


def test_home_page_browse_by_need_lists_only_needs_with_live_services(make_service, client):
    make_service(needs=["Parenting programmes"])
    make_service(title="Refuge outreach (draft)", needs=["Domestic abuse"], publish=False)
    soup = soup_of(client.get("/"))
    section = soup.find(id="browse-heading").parent
    links = {text_of(a): a["href"] for a in section.find_all("a")}
    assert links["Parenting programmes"] == "/needs/parenting-programmes/"
    assert "Domestic abuse" not in links  # only a draft service
    assert "Bereavement" not in links  # no services at all
    assert "Parenting and family relationships" in headings(section, "h3")
    assert "(1 service)" in text_of(section)


def test_home_page_explains_every_level_of_need_in_rank_order(site_structure, client):
    LevelOfNeed.objects.filter(slug="universal").update(rank=10)  # councils reorder levels
    soup = soup_of(client.get("/"))
    levels = soup.find("ol", class_="levels")
    assert levels is not None
    names = [text_of(h3) for h3 in levels.find_all("h3")]
    assert names == list(LevelOfNeed.objects.order_by("rank", "pk").values_list("name", flat=True))
    assert names[-1] == "Universal"
    specialist = LevelOfNeed.objects.get(slug="specialist")
    assert specialist.how_to_get_help.split(".")[0] in text_of(levels)


# -- service page ----------------------------------------------------------------------------


def test_service_page_renders_every_field(full_service, client):
    response = client.get(full_service.url)
    assert response.status_code == 200
    soup = assert_accessible_basics(response)
    text = text_of(soup.find("main"))

    assert text_of(soup.h1) == "Riverside Parenting Course"
    assert "A friendly eight-week course for parents of young children." in text
    assert "Run by Riverside Family Trust" in text
    assert soup.find("b", string="routines")  # rich text kept as rich text
    assert "Important: No sessions in August" in text

    # Who it's for
    assert summary_value(soup, "Ages") == "For expectant parents Ages 0 to 4"
    assert summary_value(soup, "Especially for") == "Teenage parents Lone parents"
    assert summary_value(soup, "Who can use it") == "Families living in the borough."
    assert summary_value(soup, "Helps with") == "Parenting programmes Parental conflict"
    assert summary_value(soup, "Level of need") == "Universal Targeted"
    assert summary_value(soup, "Languages besides English") == (
        "Polish (Interpreter on request) Somali"
    )

    # When: weekday order, natural times, notes
    when = soup.find(id="when-heading").parent
    lines = [text_of(li) for li in when.find_all("li")]
    assert lines == ["Monday 9:30am to 12pm", "Wednesday 1pm to 3pm (Drop-in, no need to book)"]
    assert "Term time only" in text_of(when)
    assert "Closed on bank holidays" in text_of(when)

    # Where
    where = soup.find(id="where-heading").parent
    assert "Available across the area" in text_of(where)
    assert summary_value(where, "How it's offered") == "In person Online"
    assert summary_value(where, "Areas covered") == "Bellingham ward"
    assert "Downham Family Hub" in headings(where, "h3")
    address = where.find("address")
    assert [line.strip() for line in address.stripped_strings] == [
        "1 Moorside Road",
        "Downham",
        "London",
        "SE6 4RU",
    ]
    assert "Step-free access and an accessible toilet." in text_of(where)

    # Cost
    cost = soup.find(id="cost-heading").parent
    assert "Cost details" in text_of(cost)
    assert "£5 a session; free for families on benefits." in text_of(cost)

    # How to get it
    access = soup.find(id="access-heading").parent
    access_text = text_of(access)
    assert "Families can get in touch directly" in access_text
    assert "A professional can refer" in access_text
    assert "Who can refer: GP, health visitor or school" in access_text
    assert "Call the team to book a place." in access_text
    referral = access.find("a", href="https://forms.riverside.example/refer")
    assert referral is not None and "button" in referral["class"]

    # Contact: directly under the summary, each number and address once
    article = soup.find("article")
    blocks = [child for child in article.find_all(recursive=False)]
    assert blocks[0].name == "header" and "contact-box" in blocks[1]["class"]
    contact = soup.find(id="contact-heading").parent
    assert contact is blocks[1]
    phone = contact.find("a", href="tel:+442083146000")
    assert phone is not None and text_of(phone) == "Call 020 8314 6000"
    assert "Parenting team, Course coordinator: Text or call, Monday to Friday" in text_of(contact)
    assert contact.find("a", href="mailto:parenting@riverside.example")
    assert contact.find("a", href="mailto:courses@riverside.example")
    website = contact.find("a", href="https://riverside.example/parenting/")
    assert text_of(website) == "Website: riverside.example/parenting"
    directions = [a for a in contact.find_all("a") if text_of(a).startswith("Get directions")]
    assert text_of(directions[0]) == "Get directions to Downham Family Hub (opens a map)"
    assert directions[0]["href"] == (
        "https://www.google.com/maps/dir/?api=1&destination=51.438100,-0.019000"
    )
    assert "You can get in touch yourself: no referral needed." in text_of(contact)
    assert "Term time only" in text_of(contact)
    # Nothing repeated further down the page.
    assert len(soup.find_all("a", href="mailto:courses@riverside.example")) == 1
    assert len(soup.find_all("a", href="tel:+442083146000")) == 1
    provider = soup.find(class_="service__provider")
    assert text_of(provider) == "Run by Riverside Family Trust"

    # Review
    reviewed = full_service.last_reviewed
    assert f"Last checked {reviewed.day} {reviewed:%B %Y}" in text
    assert soup.find("time", datetime=reviewed.isoformat())
    assert "overdue for review" not in text


def test_service_page_marks_overdue_listings(make_service, client):
    overdue = make_service(
        title="Old listing", last_reviewed=timezone.localdate() - datetime.timedelta(days=400)
    )
    fresh = make_service(title="Fresh listing")
    never = make_service(title="Never reviewed", last_reviewed=None)
    assert "This listing is overdue for review" in text_of(soup_of(client.get(overdue.url)))
    assert "overdue for review" not in text_of(soup_of(client.get(fresh.url)))
    never_text = text_of(soup_of(client.get(never.url)))
    assert "This listing is overdue for review" in never_text
    assert "has not been checked yet" in never_text


def test_minimal_service_page_hides_empty_fields(make_service, client):
    page = make_service(
        title="Library rhyme time",
        needs=[],
        levels=[],
        contacts=[],
        in_person=False,
        self_referral=False,
        minimum_age=None,
        maximum_age=None,
    )
    response = client.get(page.url)
    soup = assert_accessible_basics(response)
    text = text_of(soup.find("main"))
    assert headings(soup) == ["Who it's for", "Cost", "Support links"]
    assert summary_value(soup, "Ages") == "All ages"
    assert "Free" in text_of(soup.find(id="cost-heading").parent)
    for absent in (
        "About this service",
        "Especially for",
        "Helps with",
        "Level of need",
        "Languages",
        "Cost details",
        "Who can refer",
        "Important:",
        "referral form",
        "Available across the area",
        "temporarily closed",
        "Email",
        "Website",
        "Phone",
    ):
        assert absent not in text, absent
    assert not soup.find("address")
    assert not soup.find("a", href=re.compile(r"^tel:"))


def test_service_status_is_announced(make_service, client):
    page = make_service(status="temporarily closed")
    text = text_of(soup_of(client.get(page.url)))
    assert "This service is temporarily closed." in text


def test_service_page_json_ld(full_service, client):
    soup = soup_of(client.get(full_service.url))
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    assert scripts[0].parent.name == "head"
    data = json.loads(scripts[0].string)
    assert data["@type"] == "Service"
    assert data["name"] == "Riverside Parenting Course"
    assert data["provider"]["name"] == "Riverside Family Trust"
    place = data["availableChannel"][0]["serviceLocation"]
    assert place["address"]["postalCode"] == "SE6 4RU"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 51.4381, "longitude": -0.019}


def test_json_ld_cannot_close_its_script_element(make_service, client):
    page = make_service(summary="Evil </script><script>alert(1)</script> summary")
    html = client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    assert "</script><script>alert(1)" not in head
    data = json.loads(
        soup_of(client.get(page.url)).find("script", type="application/ld+json").string
    )
    assert data["description"] == "Evil </script><script>alert(1)</script> summary"


# -- lists of services -----------------------------------------------------------------------


def test_directory_index_lists_live_services_a_to_z(make_service, client, site_structure):
    make_service(title="Young carers club", summary="Fun and a break for young carers.")
    make_service(title="Baby massage")
    make_service(title="Secret draft service", publish=False)
    response = client.get(site_structure.directory.url)
    assert response.status_code == 200
    soup = assert_accessible_basics(response)
    titles = [text_of(h3) for h3 in soup.find_all("h3")]
    assert titles == ["Baby massage", "Young carers club"]
    assert headings(soup)[:2] == ["B", "Y"]
    assert soup.find("a", href="#letter-y")
    assert "Fun and a break for young carers." in text_of(soup)
    assert "Secret draft service" not in text_of(soup)


def test_content_page(site_structure, client):
    page = ContentPage(
        title="Accessibility statement",
        slug="accessibility",
        body="<h2>Using this website</h2><p>You should be able to zoom in up to 400%.</p>",
    )
    site_structure.home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get("/accessibility/")
    assert response.status_code == 200
    soup = assert_accessible_basics(response)
    assert text_of(soup.h1) == "Accessibility statement"
    assert "You should be able to zoom in up to 400%." in text_of(soup)


# -- search placeholder ----------------------------------------------------------------------


def test_search_finds_live_services_only(make_service, client):
    make_service(title="Toddler rhyme time", summary="Songs and rhymes for toddlers.")
    make_service(
        title="Hidden rhyme club", summary="Songs and rhymes, not yet published.", publish=False
    )
    response = client.get("/search/", {"q": "rhymes"})
    assert response.status_code == 200
    soup = assert_accessible_basics(response)
    results = soup.find("ol", class_="results")
    assert [text_of(h2) for h2 in results.find_all("h2")] == ["Toddler rhyme time"]
    assert results.find("a", href="/services/toddler-rhyme-time/")
    assert "Riverside Family Trust" in text_of(results)
    assert "Level of need: Universal" in text_of(results)
    assert "1 service found for ‘rhymes’" in text_of(soup)
    assert soup.find("input", attrs={"name": "q"})["value"] == "rhymes"


def test_search_with_no_results_suggests_what_to_do(site_structure, client):
    soup = soup_of(client.get("/search/", {"q": "zebras"}))
    assert "0 services found for ‘zebras’" in text_of(soup)
    assert "A to Z" in text_of(soup.find("main"))


def test_search_paginates(make_service, client):
    make_service(title="Rhyme time one", summary="Rhymes one.")
    make_service(title="Rhyme time two", summary="Rhymes two.")
    soup = soup_of(client.get("/search/", {"q": "rhyme", "per_page": "1"}))
    nav = soup.find("nav", attrs={"aria-label": "Results pages"})
    assert nav is not None
    next_link = nav.find("a", rel="next")
    assert next_link["href"] == "?q=rhyme&per_page=1&page=2"
    assert nav.find("a", attrs={"aria-current": "page"})
    page_two = soup_of(client.get("/search/" + next_link["href"]))
    assert page_two.find("nav", attrs={"aria-label": "Results pages"}).find("a", rel="prev")


def test_overlong_search_gives_an_accessible_error(site_structure, client):
    response = client.get("/search/", {"q": "a" * 5000})
    assert response.status_code == 400
    soup = assert_accessible_basics(response)
    summary = soup.find(class_="error-summary")
    assert summary is not None and summary.get("role") == "alert"
    assert "There is a problem" in text_of(summary)
    message = "Search with fewer words: at most 200 characters, and you entered 5000."
    assert message in text_of(summary)
    assert summary.find("a", href="#search-q")
    field = soup.find("input", id="search-q")
    assert field["aria-invalid"] == "true"
    assert message in text_of(soup.find(id=field["aria-describedby"]))
    assert soup.title.string.startswith("Error:")


# -- errors, headers, site furniture -------------------------------------------------------


def test_unknown_url_gives_the_404_page(site_structure, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = assert_accessible_basics(response)
    assert text_of(soup.h1) == "Page not found"
    assert soup.find("a", href="/services/")


def test_500_page_renders_without_context_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert "Sorry, there is a problem with the service" in html
    assert 'lang="en-GB"' in html


def test_security_headers(site_structure, client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "X-Frame-Options" in response


def test_site_header_and_footer(site_structure, client):
    soup = soup_of(client.get("/services/"))
    header = soup.find("header", class_="site-header")
    home_link = header.find("a", href="/")
    assert text_of(home_link) == "Family Support Directory"
    assert header.find("form", action="/search/").find("input", attrs={"name": "q"})
    footer = soup.find("footer", class_="site-footer")
    assert footer.find("a", href="/services/")
    assert "early help" in text_of(footer)


def test_messages_are_shown_as_a_status(site_structure, client, rf):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.template import RequestContext, Template

    request = rf.get("/")
    request.session = {}
    storage = FallbackStorage(request)
    storage.add(40, "Your shortlist could not be saved.")
    request._messages = storage
    html = Template('{% extends "base.html" %}').render(RequestContext(request, {}))
    soup = BeautifulSoup(html, "html.parser")
    messages = soup.find(class_="messages")
    assert messages.get("role") == "status"
    assert text_of(messages) == "Error: Your shortlist could not be saved."


# -- presentation helpers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minimum", "maximum", "words"),
    [
        (0, 4, "Ages 0 to 4"),
        (None, 11, "Up to 11"),
        (16, None, "16 and over"),
        (None, None, "All ages"),
        (0, None, "All ages"),
        (5, 5, "Age 5"),
        (0, 0, "Babies under 1"),
        (12, 19, "Ages 12 to 19"),
    ],
)
def test_ages_in_words(minimum, maximum, words):
    assert ages_in_words(minimum, maximum) == words


def test_display_url_and_a_to_z():
    assert display_url("https://www.example.org/") == "www.example.org"
    assert display_url("http://example.org/a/b") == "example.org/a/b"

    class Item:
        def __init__(self, title: str) -> None:
            self.title = title

    groups = a_to_z([Item("1st Steps"), Item("apple club"), Item("Avenue"), Item("Zumba")])
    assert [(group.letter, len(group.items)) for group in groups] == [
        ("0–9", 1),
        ("A", 2),
        ("Z", 1),
    ]


# -- the stylesheet --------------------------------------------------------------------------


def _tokens(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """The colour custom properties of the light scheme and the dark scheme."""
    light_block = re.search(r":root\s*{(.*?)}", css, re.S).group(1)
    dark_media = css.split("@media (prefers-color-scheme: dark)", 1)[1]
    dark_block = re.search(r":root\s*{(.*?)}", dark_media, re.S).group(1)

    def parse(block: str) -> dict[str, str]:
        return dict(re.findall(r"--color-([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", block))

    light = parse(light_block)
    return light, {**light, **parse(dark_block)}


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


TEXT_PAIRS = [
    ("text", "background"),
    ("text", "panel"),
    ("text-secondary", "background"),
    ("text-secondary", "panel"),
    ("link", "background"),
    ("link", "panel"),
    ("link-visited", "background"),
    ("link-visited", "panel"),
    ("link-hover", "background"),
    ("header-text", "header-background"),
    ("button-text", "button-background"),
    ("button-text", "button-hover"),
    ("secondary-button-text", "secondary-button-background"),
    ("focus-text", "focus"),
    ("error", "background"),
    ("notice-text", "notice-background"),
    ("link", "footer-background"),
    ("text", "footer-background"),
]
# Non-text contrast (WCAG 1.4.11): boundaries of controls and the focus indicator.
UI_PAIRS = [
    ("input-border", "background"),
    ("focus-ring", "background"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_meet_wcag_aa_contrast(scheme):
    light, dark = _tokens(CSS_PATH.read_text())
    tokens = light if scheme == "light" else dark
    for foreground, background in TEXT_PAIRS:
        ratio = contrast(tokens[foreground], tokens[background])
        assert ratio >= 4.5, f"{scheme}: {foreground} on {background} is {ratio:.2f}:1"
    for foreground, background in UI_PAIRS:
        ratio = contrast(tokens[foreground], tokens[background])
        if scheme == "dark" and foreground == "focus-ring":
            # On dark pages the yellow focus outline itself carries the contrast.
            ratio = contrast(tokens["focus"], tokens[background])
        assert ratio >= 3, f"{scheme}: {foreground} on {background} is {ratio:.2f}:1"


def test_stylesheet_rules_for_reading_focus_and_touch():
    css = CSS_PATH.read_text()
    assert "@import" not in css and "url(http" not in css  # no external fonts or CDNs
    assert re.search(r":focus-visible\s*{[^}]*outline:\s*3px solid", css)
    assert re.search(r"body\s*{[^}]*font-size:\s*1rem;[^}]*line-height:\s*1\.5", css)
    for selector in (".button", ".input", ".pagination__link", ".letters a"):
        block = re.search(r"(?m)^" + re.escape(selector) + r"\s*{([^}]*)}", css).group(1)
        assert "min-height: 2.75rem" in block, selector  # 44px targets
    assert re.search(r"\.container\s*{[^}]*max-width:\s*64rem", css)


def test_editors_see_pages_with_the_wagtail_userbar(make_service, client, django_user_model):
    page = make_service()
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "wagtail-userbar" in html
    assert "<script>" not in html  # the userbar's scripts are files, allowed by the CSP
