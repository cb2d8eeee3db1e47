"""The menu of support: a pathway page per need, its services grouped by level in order."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from directory.models import LevelOfNeed
from search.models import SearchLog

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def groups(soup: BeautifulSoup) -> list[tuple[str, list[str]]]:
    """(level heading, service names) for each level section, in page order."""
    found = []
    for level in soup.select(".pathway__level"):
        heading = level.find("h2").get_text(" ", strip=True)
        names = [h3.get_text(strip=True) for h3 in level.select(".result__title")]
        found.append((heading, names))
    return found


@pytest.fixture
def menu(make_service, postcodes):
    make_service(
        title="Domestic abuse drop-in",
        needs=["Domestic abuse"],
        levels=["universal-plus"],
        locations=[{"name": "Hub", "postcode": "SE13 6LH"}],
    )
    make_service(
        title="Refuge outreach",
        needs=["Domestic abuse"],
        levels=["targeted"],
        self_referral=False,
        professional_referral=True,
        early_help_assessment=True,
        minimum_age=0,
        maximum_age=18,
    )
    make_service(
        title="IDVA service",
        needs=["Domestic abuse"],
        levels=["specialist"],
        self_referral=False,
        front_door_referral=True,
        minimum_age=16,
        maximum_age=None,
        by_phone=True,
        in_person=False,
    )
    make_service(
        title="Healthy relationships",
        needs=["Domestic abuse"],
        levels=["universal", "targeted"],
        minimum_age=13,
        maximum_age=19,
        locations=[{"name": "Far hall", "postcode": "SE6 4RU"}],
    )
    make_service(
        title="Gangs mentoring", needs=["Exploitation (criminal and sexual)"], levels=["targeted"]
    )


def test_services_are_grouped_by_level_from_universal_to_specialist(client, menu):
    soup = soup_of(client.get("/needs/domestic-abuse/"))
    assert soup.find("h1").get_text(strip=True) == "Help with domestic abuse"
    assert groups(soup) == [
        ("Step 1: Universal (1 service)", ["Healthy relationships"]),
        ("Step 2: Universal plus (1 service)", ["Domestic abuse drop-in"]),
        ("Step 3: Targeted (2 services)", ["Healthy relationships", "Refuge outreach"]),
        ("Step 4: Specialist (1 service)", ["IDVA service"]),
    ]


def test_levels_follow_the_councils_own_order_and_names(client, menu):
    LevelOfNeed.objects.filter(slug="specialist").update(rank=0, name="Statutory")
    headings = [heading for heading, _ in groups(soup_of(client.get("/needs/domestic-abuse/")))]
    assert headings[0] == "Step 1: Statutory (1 service)"


def test_each_level_says_who_it_is_for_and_how_to_get_in(client, menu):
    soup = soup_of(client.get("/needs/domestic-abuse/"))
    targeted = soup.find(id="level-targeted")
    text = targeted.get_text(" ", strip=True)
    assert "Who it's for: Early help for families with several needs" in text
    assert "How to get it: Usually through an early help assessment." in text
    refuge = next(li for li in targeted.select(".result") if "Refuge" in li.get_text())
    assert (
        "Needs a referral: a professional can refer; through an early help assessment."
        in refuge.get_text(" ", strip=True)
    )
    drop_in = soup.find(id="level-universal-plus").select_one(".result")
    assert "You can get in touch yourself." in drop_in.get_text(" ", strip=True)
    assert "Also offered as: Targeted" in soup.find(id="level-universal").get_text(" ", strip=True)


def test_a_category_pathway_brings_in_its_needs(client, menu):
    soup = soup_of(client.get("/needs/staying-safe/"))
    names = {name for _, found in groups(soup) for name in found}
    assert {"Gangs mentoring", "Refuge outreach", "IDVA service"} <= names
    assert soup.find("a", href="/needs/domestic-abuse/")


def test_postcode_and_age_narrow_the_pathway(client, menu):
    soup = soup_of(client.get("/needs/domestic-abuse/", {"postcode": "SE13 6LH", "radius": "1"}))
    names = [name for _, found in groups(soup) for name in found]
    # Far hall (SE6) is over a mile away; the IDVA service works by phone, across the area.
    assert "Healthy relationships" not in names
    assert "Domestic abuse drop-in" in names and "IDVA service" in names
    assert "0.0 miles away" in soup.get_text()
    assert "No universal services for this need near here are listed yet." in soup.get_text()

    soup = soup_of(client.get("/needs/domestic-abuse/", {"age": "17"}))
    names = {name for _, found in groups(soup) for name in found}
    # The drop-in is for ages 0 to 4 (the fixture's default).
    assert names == {"Healthy relationships", "Refuge outreach", "IDVA service"}


def test_bad_place_or_age_is_a_clear_400_and_unknown_need_a_404(client, menu):
    response = client.get("/needs/domestic-abuse/", {"postcode": "ZZ99 9Z", "age": "-3"})
    assert response.status_code == 400
    summary = soup_of(response).find(class_="error-summary").get_text(" ", strip=True)
    assert "'ZZ99 9Z' is not a postcode" in summary and "Enter an age" in summary
    response = client.get("/needs/not-a-need/")
    assert response.status_code == 404
    assert "We do not have a need called ‘not-a-need’" in response.content.decode()
    assert soup_of(response).find("a", href="/needs/domestic-abuse/")


def test_home_and_needs_index_lead_to_pathways(client, menu):
    home = soup_of(client.get("/"))
    assert home.find("a", href="/needs/domestic-abuse/")
    assert home.find("a", href="/needs/staying-safe/")
    index = soup_of(client.get("/needs/"))
    link = index.find("a", href="/needs/domestic-abuse/")
    assert link and "(4 services)" in link.parent.get_text()


def test_pathway_views_count_as_demand_in_the_search_log(client, menu):
    client.get("/needs/domestic-abuse/", {"postcode": "SE13 6LH"})
    log = SearchLog.objects.get()
    assert log.needs == ["domestic-abuse"] and log.postcode_district == "SE13"
    assert log.result_count == 3


def test_services_on_a_pathway_can_be_added_to_my_list(client, menu):
    soup = soup_of(client.get("/needs/domestic-abuse/"))
    form = soup.find(id="level-specialist").find("form", attrs={"data-shortlist-toggle": True})
    assert form["action"] == "/my-list/add/"
    # Back to the same service on the pathway, not the top of the page.
    assert form.find("input", attrs={"name": "next"})["value"] == (
        f"/needs/domestic-abuse/#{form['id']}"
    )
