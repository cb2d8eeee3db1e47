"""The shortlist without JavaScript: add, remove, reorder, share, print and email."""

from __future__ import annotations

import datetime
import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from directory.shortlist import store
from directory.shortlist.handover import qr_code_data_uri
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
    form = soup_of(page).find("form", id=f"shortlist-toggle-{three[0].pk}")
    assert form["method"] == "post" and form["action"] == "/my-list/add/"
    # Back to this very result, not the top of the page.
    back = f"/search/?q=play#shortlist-toggle-{three[0].pk}"
    assert form.find("input", attrs={"name": "next"})["value"] == back

    response = add(client, three[0], next_url=back)
    assert response.status_code == 302 and response["Location"] == back
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
    assert share_url.startswith("http://testserver/my-list/s/")
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
    family.post(f"/my-list/s/{token}/keep/")
    assert listed(family) == [three[1].title]


def test_share_tokens_are_short_and_carry_the_list(three):
    ids = [page.pk for page in three]
    token = store.share_token(ids)
    # Letters and digits in one case: short to print and to type back in.
    assert re.fullmatch(r"[a-z2-7]+", token) and len(token) <= 30
    assert store.ids_from_token(token) == ids
    assert store.ids_from_token(token.upper()) == ids
    # Thirty large ids still make a link a phone can hold.
    assert store.ids_from_token(store.share_token(list(range(10**6, 10**6 + 30)))) == list(
        range(10**6, 10**6 + 30)
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda token: token[:-2] + ("aa" if not token.endswith("aa") else "bb"),  # signature
        lambda token: ("b" if token[0] != "b" else "c") + token[1:],  # the ids or the day
        lambda token: token[:-5],  # cut short
        lambda token: token + "a",
        lambda token: "not-base32!",
        lambda token: "",
        lambda token: "a" * 4000,
    ],
)
def test_tampered_share_links_are_a_clear_404(client, three, change):
    token = change(store.share_token([three[0].pk, three[1].pk]))
    with pytest.raises(store.InvalidShareLink):
        store.ids_from_token(token)
    if token:
        response = client.get(f"/my-list/s/{token}/")
        assert response.status_code == 404
        assert "not complete or has been changed" in response.content.decode()


def test_expired_share_links_are_a_clear_404(client, three):
    today = timezone.localdate()
    last_day = store.share_token(
        [three[0].pk], today - datetime.timedelta(store.SHARE_MAX_AGE_DAYS)
    )
    assert client.get(f"/my-list/s/{last_day}/").status_code == 200
    old = store.share_token([three[0].pk], today - datetime.timedelta(store.SHARE_MAX_AGE_DAYS + 1))
    response = client.get(f"/my-list/s/{old}/")
    assert response.status_code == 404 and "has expired" in response.content.decode()


def test_links_handed_out_before_short_tokens_still_open(client, three, settings):
    ids = [three[1].pk, three[0].pk]
    legacy = signing.dumps(ids, salt=store.SHARE_SALT, compress=True)
    soup = soup_of(client.get(f"/my-list/shared/{legacy}/"))
    assert [h.get_text(strip=True) for h in soup.select(".service-card__name")] == [
        three[1].title,
        three[0].title,
    ]
    assert client.get(f"/my-list/shared/{legacy}/print/").status_code == 200
    assert client.get(f"/my-list/shared/{legacy[:-3]}xyz/").status_code == 404
    # A rotated SECRET_KEY (the old one kept as a fallback) keeps short links working too.
    token = store.share_token(ids)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "another-test-only-key-" + "x" * 40
    assert store.ids_from_token(token) == ids


def test_the_list_hands_over_by_link_code_and_text(client, three):
    for page in three[:2]:
        add(client, page)
    soup = soup_of(client.get("/my-list/"))
    share_url = soup.find("input", id="share-url")["value"]
    # A "Copy link" button for the script to show; hidden without it.
    copy = soup.find("button", attrs={"data-copy-link": "share-url"})
    assert copy.has_attr("hidden") and copy["type"] == "button"
    # The QR code is the share link's, drawn on the server.
    qr = soup.find("img", class_="handover__qr")
    assert qr["src"] == qr_code_data_uri(share_url)
    assert qr["src"].startswith("data:image/svg+xml") and "QR code" in qr["alt"]
    text = soup.find("a", href=re.compile("^sms:"))
    assert text["href"].startswith("sms:?&body=")
    assert share_url in unquote(text["href"])
    # The family's copy offers the same.
    family = soup_of(Client().get(share_url))
    assert family.find("img", class_="handover__qr")["src"] == qr["src"]
    assert family.find("a", href=text["href"])


def test_print_layout_is_clean(client, three):
    for page in three:
        add(client, page)
    share_url = soup_of(client.get("/my-list/")).find("input", id="share-url")["value"]
    soup = soup_of(client.get("/my-list/print/"))
    assert not soup.find("header") and not soup.find("nav") and not soup.find("form")
    assert not soup.find(id="results-map")
    # On screen only: a way back, and a Print button the script shows.
    screen_only = soup.find(class_="print-sheet__screen-only")
    assert screen_only.find("a", href="/my-list/").get_text() == "Back to the list"
    assert [button.get_text() for button in soup.find_all("button")] == ["Print this list"]
    assert screen_only.find("button", attrs={"data-print": True}).has_attr("hidden")
    text = soup.get_text(" ", strip=True)
    for page in three:
        assert page.title in text
    assert "020 8314 1111" in text and "1 Rushey Green" in text
    assert "Ask your health visitor to refer you." in text
    # The link printed short, without its scheme, with its QR code.
    printed = soup.find(class_="print-sheet__link").get_text()
    assert printed == share_url.removeprefix("http://").rstrip("/")
    assert len(printed) < 50
    assert soup.find("img", class_="print-sheet__qr")["src"] == qr_code_data_uri(share_url)
    token = store.share_token([three[1].pk])
    shared = soup_of(client.get(f"/my-list/s/{token}/print/"))
    assert three[1].title in shared.get_text() and three[0].title not in shared.get_text()
    assert shared.find("a", string="Back to the list")["href"] == f"/my-list/s/{token}/"


def test_each_email_and_phone_once_on_the_list(client, make_service):
    page = make_service(
        email="hub@example.org",
        contacts=[{"name": "Hub", "phone": "020 8314 6000", "email": "Hub@example.org"}],
    )
    add(client, page)
    soup = soup_of(client.get("/my-list/"))
    assert len(soup.find_all("a", href=re.compile("^mailto:", re.I))) == 1
    assert len(soup.find_all("a", href=re.compile("^tel:"))) == 1


def test_email_sends_the_list_and_keeps_nothing(client, three):
    for page in three:
        add(client, page)
    response = client.post("/my-list/email/", {"email": "family@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["family@example.com"]
    assert all(page.title in message.body for page in three)
    assert "020 8314 1111" in message.body and "/my-list/s/" in message.body
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
