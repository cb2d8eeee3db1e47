"""How a family gets in touch with a service and gets there: each phone number, e-mail address
and website once, directions to each place, and whether they need a referral.

The service page's contact box shows these near the top; the list and e-mails can reuse them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.conf import settings


@dataclass(frozen=True)
class Phone:
    number: str
    uri: str
    who: str = ""
    note: str = ""


@dataclass(frozen=True)
class Email:
    address: str
    who: str = ""


@dataclass(frozen=True)
class Directions:
    place: str
    url: str


@dataclass(frozen=True)
class WaysToGetInTouch:
    phones: tuple[Phone, ...]
    emails: tuple[Email, ...]
    website: str
    directions: tuple[Directions, ...]

    def __bool__(self) -> bool:
        return bool(self.phones or self.emails or self.website or self.directions)


def tel_uri(number: str) -> str:
    """A tel: link target: digits only, international form for UK numbers ('020 8314 6000' ->
    'tel:+442083146000')."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    if digits.startswith("0"):
        digits = "+44" + digits[1:]
    return f"tel:{digits}"


def _who(contact: Any) -> str:
    return ", ".join(part for part in (contact.name, contact.title) if part)


def directions_url(location: Any) -> str:
    """A link to directions to a location (settings.DIRECTIONS_URL: by default Google's
    cross-platform link, which a phone opens in its maps app), or '' without a position.

    The destination is the coordinates; when they are only the postcode district's centre
    (approximate) and there is a street address, the address, which the map service finds
    more exactly.
    """
    template = settings.DIRECTIONS_URL
    if not (template and location.has_coordinates):
        return ""
    approximate = getattr(location, "geocode_status", "") == "district"
    if approximate and location.address_1:
        destination = quote(", ".join(location.address_lines), safe="")
    else:
        destination = f"{location.latitude:.6f},{location.longitude:.6f}"
    return template.replace("{destination}", destination)


def ways_to_get_in_touch(page: Any) -> WaysToGetInTouch:
    """Phones, e-mails, website and directions of a service, each once, in the editor's order.

    An address given both on the service and on a contact (or on two contacts) is listed once,
    with the first contact's name.
    """
    phones: dict[str, Phone] = {}
    emails: dict[str, Email] = {}
    for contact in page.contacts.all():
        if contact.phone and contact.phone_uri not in phones:
            phones[contact.phone_uri] = Phone(
                contact.phone, contact.phone_uri, _who(contact), contact.phone_description
            )
        if contact.email and contact.email.lower() not in emails:
            emails[contact.email.lower()] = Email(contact.email, _who(contact))
    if page.email and page.email.lower() not in emails:
        emails[page.email.lower()] = Email(page.email)
    directions = []
    for location in page.locations.all():
        url = directions_url(location)
        if url:
            directions.append(Directions(location.name, url))
    return WaysToGetInTouch(
        phones=tuple(phones.values()),
        emails=tuple(emails.values()),
        website=page.website or "",
        directions=tuple(directions),
    )


# How each referral route finishes the sentence "You need a referral …".
REFERRAL_PHRASES = {
    "professional-referral": "from a professional",
    "early-help-assessment": "through an early help assessment",
    "front-door": "through the council's front door",
}


def how_to_get_it(page: Any) -> str:
    """One sentence: can a family just get in touch, or do they need a referral (and how).

    'You can get in touch yourself: no referral needed.' or 'You need a referral from a
    professional (GP, health visitor or school) or through an early help assessment.'; empty
    when the listing does not say.
    """
    if page.self_referral:
        return "You can get in touch yourself: no referral needed."
    phrases = []
    for slug, _ in page.access_routes:
        phrase = REFERRAL_PHRASES.get(slug)
        if phrase is None:
            continue
        if slug == "professional-referral" and page.who_can_refer:
            phrase = f"{phrase} ({page.who_can_refer})"
        phrases.append(phrase)
    if not phrases:
        return ""
    return "You need a referral " + " or ".join(phrases) + "."
