"""The shortlist without JavaScript: add, remove, reorder, share, print and email."""

from __future__ import annotations

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.test import Client

from directory.shortlist import store
from search.models import SearchLog

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def three(make_service, postcodes):
    return [
        make_service(
            title="Catford stay and play",
            locations=[
                {"name": "Catford hub", "postcode": "SE6 4RU", "address_1": "1 Rushey Green"}
            ],
            schedules=[{"weekday": "mo", "opens_at": "09:30", "closes_at": "11:30"}],
        ),
        make_service(
            title="Family support workers",
            home_visits=True,
            in_person=False,
            self_referral=False,
            professional_referral=True,
            access_instructions="Ask your health visitor to refer you.",
            contacts=[{"name": "Duty line", "phone": "020 8314 1111"}],
        ),
        make_service(title="Money advice line", by_phone=True, in_person=False, needs=[]),
    ]


def add(client: Client, page, next_url: str = "/search/?q=play", **extra):
    return client.post("/my-list/add/", {"service": page.pk, "next": next_url}, **extra)


def listed(client: Client) -> list[str]:
    soup = soup_of(client.get("/my-list/"))
    return [h2.get_text(strip=True) for h2 in soup.select(".shortlist .service-card__name")]


def test_add_from_results_without_javascript_and_come_back(client, three):
    page = client.get("/search/", {"q": "play"})
    form = soup_of(page).find("form", attrs={"data-shortlist-toggle": True})
    assert form["method"] == "post" and form["action"] == "/my-list/add/"
    assert form.find("input", attrs={"name": "next"})["value"] == "/search/?q=play"

    response = add(client, three[0])
    assert response.status_code == 302 and response["Location"] == "/search/?q=play"
    page = client.get("/search/", {"q": "play"})
    soup = soup_of(page)
    assert "Added to your list." in soup.get_text()
    assert soup.find("form", attrs={"action": "/my-list/remove/"})
    header_link = soup.find(class_="site-header__list")
    assert " ".join(header_link.get_text().split()) == "My list (1 service)"


def test_add_from_a_service_page_and_with_javascript(client, three):
    soup = soup_of(client.get(three[1].url))
    assert soup.find("form", attrs={"action": "/my-list/add/"})
    response = add(client, three[1], next_url=three[1].url, HTTP_ACCEPT="application/json")
    assert response.json() == {
        "count": 1,
        "in_list": True,
        "message": "Added to your list.",
        "ids": [three[1].pk],
    }
    # Adding twice keeps one.
    assert add(client, three[1], HTTP_ACCEPT="application/json").json()["count"] == 1


def test_bad_and_unknown_services_get_a_clear_4xx(client, three, make_service):
    assert client.post("/my-list/add/", {"service": "abc"}).status_code == 400
    missing = client.post("/my-list/add/", {"service": "999999"})
    assert missing.status_code == 404
    assert "not in the directory any more" in missing.content.decode()
    draft = make_service(title="Draft", publish=False)
    assert add(client, draft).status_code == 404
    assert client.post("/my-list/shuffle/", {"service": three[0].pk}).status_code == 404
    assert client.get("/my-list/add/").status_code == 405
    # A "next" to another site is ignored.
    response = add(client, three[0], next_url="https://evil.example/")
    assert response["Location"] == "/my-list/"


def test_remove_reorder_and_clear(client, three):
    for page in three:
        add(client, page)
    assert listed(client) == [page.title for page in three]
    client.post("/my-list/down/", {"service": three[0].pk})
    client.post("/my-list/up/", {"service": three[2].pk})
    assert listed(client) == [three[1].title, three[2].title, three[0].title]
    client.post("/my-list/remove/", {"service": three[2].pk})
    assert listed(client) == [three[1].title, three[0].title]
    client.post("/my-list/clear/")
    assert listed(client) == []
    assert "Your list is empty" in client.get("/my-list/").content.decode()


def test_the_list_is_limited(client, make_service, settings):
    pages = [make_service(title=f"Service {n}") for n in range(store.MAX_ITEMS + 1)]
    for page in pages[:-1]:
        assert add(client, page).status_code == 302
    response = add(client, pages[-1])
    assert response.status_code == 400
    assert f"can hold {store.MAX_ITEMS} services" in response.content.decode()


def test_the_list_page_has_what_a_family_needs(client, three):
    for page in three:
        add(client, page)
    soup = soup_of(client.get("/my-list/"))
    text = soup.get_text(" ", strip=True)
    assert "Ask your health visitor to refer you." in text
    assert "A professional can refer" in text
    assert soup.find("a", href="tel:+442083141111")
    assert "Catford hub, 1 Rushey Green, SE6 4RU" in text and "Monday 9:30am to 11:30am" in text
    assert "Available across the area" in text


def test_a_shared_link_opens_a_read_only_copy_anywhere(client, three):
    for page in three[:2]:
        add(client, page)
    share_url = soup_of(client.get("/my-list/")).find("input", id="share-url")["value"]
    assert share_url.startswith("http://testserver/my-list/shared/")
    family = Client()  # another browser: no session, no login
    soup = soup_of(family.get(share_url))
    assert [h.get_text(strip=True) for h in soup.select(".service-card__name")] == [
        three[0].title,
        three[1].title,
    ]
    assert not soup.find("form", attrs={"action": "/my-list/remove/"})
    assert "A list of services shared with you" in soup.get_text()
    # A withdrawn service drops out of the shared copy.
    three[0].unpublish()
    soup = soup_of(family.get(share_url))
    assert [h.get_text(strip=True) for h in soup.select(".service-card__name")] == [three[1].title]
    # The family can make it their own list.
    token = share_url.rstrip("/").rsplit("/", 1)[1]
    family.post(f"/my-list/shared/{token}/keep/")
    assert listed(family) == [three[1].title]


def test_tampered_or_expired_share_links_are_a_clear_404(client, three, monkeypatch):
    token = store.share_token([three[0].pk])
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(f"/my-list/shared/{tampered}/")
    assert response.status_code == 404
    assert "not complete or has been changed" in response.content.decode()
    long_ago = time.time() - (store.SHARE_MAX_AGE_DAYS + 1) * 86400
    monkeypatch.setattr(signing.time, "time", lambda: long_ago)
    old = store.share_token([three[0].pk])
    monkeypatch.undo()
    response = client.get(f"/my-list/shared/{old}/")
    assert response.status_code == 404 and "has expired" in response.content.decode()


def test_print_layout_is_clean(client, three):
    for page in three:
        add(client, page)
    soup = soup_of(client.get("/my-list/print/"))
    assert not soup.find("header") and not soup.find("nav") and not soup.find("form")
    assert not soup.find("button") and not soup.find(id="results-map")
    text = soup.get_text(" ", strip=True)
    for page in three:
        assert page.title in text
    assert "020 8314 1111" in text and "1 Rushey Green" in text
    assert "Ask your health visitor to refer you." in text
    token = store.share_token([three[1].pk])
    shared = soup_of(client.get(f"/my-list/shared/{token}/print/")).get_text(" ", strip=True)
    assert three[1].title in shared and three[0].title not in shared


def test_email_sends_the_list_and_keeps_nothing(client, three):
    for page in three:
        add(client, page)
    response = client.post("/my-list/email/", {"email": "family@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["family@example.com"]
    assert all(page.title in message.body for page in three)
    assert "020 8314 1111" in message.body and "/my-list/shared/" in message.body
    html = message.alternatives[0][0]
    assert "Family support workers" in html and 'href="http://testserver/services/' in html
    # Nothing about the recipient is kept: not in the session, not in the search log.
    assert "family@example.com" not in str(dict(client.session.items()))
    assert not SearchLog.objects.filter(q__icontains="family@").exists()


def test_a_bad_email_address_is_a_clear_400(client, three):
    add(client, three[0])
    response = client.post("/my-list/email/", {"email": "not an address"})
    assert response.status_code == 400
    soup = soup_of(response)
    assert (
        "Enter an email address like name@example.com."
        in soup.find(class_="error-summary").get_text()
    )
    assert soup.find("input", id="shortlist-email")["aria-invalid"] == "true"
    assert mail.outbox == []
    assert client.post("/my-list/email/", {"email": ""}).status_code == 400


def test_an_empty_list_cannot_be_emailed(client, site_structure):
    response = client.post("/my-list/email/", {"email": "family@example.com"})
    assert response.status_code == 400 and mail.outbox == []


def test_email_is_rate_limited(client, three):
    add(client, three[0])
    for _ in range(3):
        assert client.post("/my-list/email/", {"email": "a@example.com"}).status_code == 302
    response = client.post("/my-list/email/", {"email": "a@example.com"})
    assert response.status_code == 429
    assert "Wait a while" in response.content.decode()
    assert len(mail.outbox) == 3


def test_forms_carry_a_csrf_token(three):
    client = Client(enforce_csrf_checks=True)
    page = client.get(three[0].url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert client.post("/my-list/add/", {"service": three[0].pk}).status_code == 403
    response = client.post(
        "/my-list/add/", {"service": three[0].pk, "csrfmiddlewaretoken": token.group(1)}
    )
    assert response.status_code == 302
