"""The search page narrowed by need (a category includes its needs) and by postcode and radius."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [item.name for item in response.context["items"]]


def test_need_filter_and_category_includes_its_needs(client, make_service):
    make_service(title="Refuge outreach", needs=["Domestic abuse"])
    make_service(title="Gangs mentoring", needs=["Exploitation (criminal and sexual)"])
    make_service(title="Baby massage", needs=["Early years development"])
    response = client.get("/search/", {"need": "domestic-abuse"})
    assert titles(response) == ["Refuge outreach"]
    response = client.get("/search/", {"need": "staying-safe"})
    assert sorted(titles(response)) == ["Gangs mentoring", "Refuge outreach"]
    assert "2 services found for Staying safe" in response.content.decode()


def test_unknown_need_is_a_clear_400(client, site_structure):
    response = client.get("/search/", {"need": "not-a-need"})
    assert response.status_code == 400
    assert "We do not have a need called &#x27;not-a-need&#x27;" in response.content.decode()


def test_postcode_sorts_nearest_first_with_area_wide_last(client, make_service, postcodes):
    make_service(title="Catford hub", locations=[{"name": "Catford", "postcode": "SE6 4RU"}])
    make_service(title="Brockley hub", locations=[{"name": "Brockley", "postcode": "SE4 1UA"}])
    make_service(title="Helpline", online=True, by_phone=True, in_person=False)
    response = client.get("/search/", {"need": "parenting-programmes", "postcode": "SE4 1UA"})
    assert titles(response) == ["Brockley hub", "Catford hub", "Helpline"]
    html = response.content.decode()
    assert "0.0 miles away" in html and "Available across the area" in html


def test_bad_postcodes_are_explained(client, site_structure, postcodes):
    response = client.get("/search/", {"q": "play", "postcode": "hello"})
    assert response.status_code == 400
    assert "is not a postcode" in response.content.decode()


def test_a_full_postcode_we_lack_is_searched_from_its_district_and_says_so(
    client, make_service, postcodes
):
    make_service(title="Lewisham hub", locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    response = client.get("/search/", {"q": "hub", "postcode": "SE13 9ZZ"})
    assert response.status_code == 200 and titles(response) == ["Lewisham hub"]
    notice = soup_of(response).find(id="district-only").get_text(" ", strip=True)
    assert "SE13 9ZZ" in notice and "middle of SE13" in notice


def test_district_alone_works(client, make_service, postcodes):
    make_service(title="Lewisham hub", locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    response = client.get("/search/", {"postcode": "se13"})
    assert response.status_code == 200
    assert titles(response) == ["Lewisham hub"]


def test_radius_limits_nearby_services_but_not_area_wide_ones(client, make_service, postcodes):
    make_service(title="Catford hub", locations=[{"name": "Catford", "postcode": "SE6 4RU"}])
    make_service(title="Helpline", online=True, by_phone=True, in_person=False)
    # SE4 1UA to SE6 4RU is about 1.7 miles.
    response = client.get("/search/", {"postcode": "SE4 1UA", "radius": "1"})
    assert titles(response) == ["Helpline"]
    response = client.get("/search/", {"postcode": "SE4 1UA", "radius": "2"})
    assert titles(response) == ["Catford hub", "Helpline"]


def test_every_problem_is_listed_with_a_link_to_its_field(client, site_structure, postcodes):
    response = client.get("/search/", {"q": "x" * 300, "postcode": "nonsense"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#search-q"' in html and 'href="#search-postcode"' in html
    assert 'id="search-postcode-error"' in html
