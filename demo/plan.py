"""Turn archetypes and places into concrete, deterministic service specs. No database here.

Everything that varies (venues, weekdays, review dates, which services are overdue or closed)
comes from hashes of stable keys or from ``random.Random`` seeded with them, so the same data
gives the same directory on every run and adding one archetype does not reshuffle the others.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import html
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify

from directory.choices import WEEKDAYS

from .archetypes import ARCHETYPES
from .data import (
    ACCESSIBILITY_NOTES,
    AREA_NAME,
    CITY,
    PROVIDERS,
    PROVIDERS_BY_KEY,
    SPECIALIST,
    TARGETED,
    UNIVERSAL,
    UNIVERSAL_PLUS,
    VENUE_NOTES,
    VENUES,
    VENUES_BY_KEY,
    Archetype,
    Venue,
)

SEED = "lewisham-demo-v1"
# All demo ids are uuid5 under this namespace, so re-runs find the rows they made before.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://lewisham-demo.example.org/menu-of-support")

OVERDUE_COUNT = 10
CLOSED_COUNT = 2
ALERT_COUNT = 3

WEEKDAY_CODES = tuple(code for code, _ in WEEKDAYS)
WEEKDAY_NAMES = dict(WEEKDAYS)
DELIVERY_FIELDS = {
    "in_person": "in_person",
    "group": "group_sessions",
    "online": "online",
    "phone": "by_phone",
    "home": "home_visits",
}
ROUTE_FIELDS = {
    "self": "self_referral",
    "professional": "professional_referral",
    "early_help": "early_help_assessment",
    "front": "front_door_referral",
}
# The usual ways in for a service's first (lowest) level of need.
DEFAULT_ROUTES = {
    UNIVERSAL: "self",
    UNIVERSAL_PLUS: "self professional",
    TARGETED: "professional early_help",
    SPECIALIST: "front professional",
}
DEFAULT_WHO_CAN_REFER = {
    UNIVERSAL: "",
    UNIVERSAL_PLUS: "You, or a professional such as a health visitor, GP, school or family hub",
    TARGETED: "Any professional working with the family, with the family's agreement",
    SPECIALIST: "Professionals, through the Lewisham front door (MASH)",
}
DEFAULT_ACCESS = {
    "drop-in": (
        "Just come along during the times below; you do not need to book.",
        "No need to book: turn up at the start of a session.",
        "Drop in during the times below. If you would like to check anything first, give us "
        "a call.",
    ),
    "remote": (
        "Call us during the opening hours below, or send an email and we will get back to you.",
        "Get in touch by phone or through our website.",
    ),
    UNIVERSAL_PLUS: (
        "Get in touch by phone or email, or ask a professional who knows your family to refer you.",
        "Contact us directly, or ask your health visitor, GP or school to put you in touch.",
        "Call or email to book a place. A professional can also refer you.",
    ),
    TARGETED: (
        "A professional working with your family can refer, with your agreement, using the "
        "referral form.",
        "Ask your family's lead practitioner to include this in your early help plan and send "
        "a referral.",
    ),
    SPECIALIST: (
        "Referrals come through the Lewisham front door (MASH). Professionals should complete "
        "the multi-agency referral form.",
        "This service takes referrals from professionals only. Talk to your GP, social worker "
        "or the professional who knows your family best.",
    ),
}
CLOSED_ALERTS = (
    "Temporarily closed while the hall is refurbished. Call us to find the nearest alternative.",
    "Paused until a new group leader starts. Call us about other sessions nearby.",
)
ALERTS = (
    "No sessions during the school summer holidays.",
    "Moving to a new day next month: check before you travel.",
    "Very busy at the moment: please arrive early.",
)
# Words left out of generated email addresses ("counselling.intake@", not "...team.line@").
EMAIL_STOPWORDS = {"team", "line", "the", "and", "of", "s", "service"}


def demo_id(*parts: str) -> str:
    """A stable Open Referral id for a demo object."""
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def stable_int(*parts: str) -> int:
    """A stable number from text (Python's hash() changes between runs)."""
    return int.from_bytes(hashlib.sha256(":".join(parts).encode()).digest()[:8], "big")


@dataclass
class ServiceSpec:
    """Everything needed to create or update one ServicePage."""

    key: str
    oruk_id: str
    title: str
    slug: str
    organisation: str  # provider key
    commissioner: str  # provider key, or ""
    fields: dict[str, Any]  # plain ServicePage fields
    needs: tuple[str, ...]
    levels: tuple[str, ...]  # level slugs
    circumstances: tuple[str, ...]
    locations: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    schedules: list[dict[str, Any]] = field(default_factory=list)
    languages: list[dict[str, Any]] = field(default_factory=list)
    areas: list[dict[str, Any]] = field(default_factory=list)
    overdue: bool = False


@dataclass
class _Site:
    archetype: Archetype
    index: int  # which site of the archetype, for rotating days and wording
    venue: Venue | None

    @property
    def key(self) -> str:
        return f"{self.archetype.key}/{self.venue.key}" if self.venue else self.archetype.key


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month, ``months`` earlier (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def choose_sites(archetypes: tuple[Archetype, ...] = ARCHETYPES) -> list[_Site]:
    """Place each archetype's sites, spreading services over as many venues as possible."""
    uses: Counter[str] = Counter()
    sites: list[_Site] = []
    for archetype in archetypes:
        if archetype.venues:
            venues = [VENUES_BY_KEY[key] for key in archetype.venues]
        elif archetype.sites:
            venues = _pick_venues(archetype, uses)
        else:
            venues = []
        for venue in venues:
            uses[venue.key] += 1
        if venues:
            sites.extend(_Site(archetype, index, venue) for index, venue in enumerate(venues))
        else:
            sites.append(_Site(archetype, 0, None))
    return sites


def _pick_venues(archetype: Archetype, uses: Counter[str]) -> list[Venue]:
    kinds = set(archetype.venue_kinds.split())
    candidates = sorted(
        (venue for venue in VENUES if venue.kind_set & kinds),
        # Least-used venues first; ties broken by a stable hash so choices look organic.
        key=lambda venue: (uses[venue.key], stable_int(SEED, archetype.key, venue.key)),
    )
    chosen: list[Venue] = []
    # Prefer different neighbourhoods, so "Stay and Play – Catford" is not listed twice.
    for venue in candidates:
        if len(chosen) < archetype.sites and venue.area not in {v.area for v in chosen}:
            chosen.append(venue)
    for venue in candidates:
        if len(chosen) < archetype.sites and venue not in chosen:
            chosen.append(venue)
    return chosen


def build_specs(today: datetime.date) -> list[ServiceSpec]:
    """Every demo service, in a stable order. ``today`` anchors review and contract dates."""
    sites = choose_sites()
    keys = [site.key for site in sites]
    overdue = set(_ranked(keys, "overdue")[:OVERDUE_COUNT])
    # Closures and alerts go to services with a building, never to helplines or the front door.
    venue_sites = {site.key: site for site in sites if site.venue and site.key not in overdue}
    # At most one notice per archetype, so two branches of one service are not both closed.
    noticed, archetypes_with_notice = [], set()
    for key in _ranked(list(venue_sites), "status"):
        archetype_key = venue_sites[key].archetype.key
        if archetype_key not in archetypes_with_notice:
            noticed.append(key)
            archetypes_with_notice.add(archetype_key)
    closed = noticed[:CLOSED_COUNT]
    alerts = noticed[CLOSED_COUNT : CLOSED_COUNT + ALERT_COUNT]

    titles: set[str] = set()
    slugs: set[str] = set()
    specs = []
    for number, site in enumerate(sites):
        spec = _build_spec(site, number, today, is_overdue=site.key in overdue)
        spec.title = _unique_title(site, titles)
        spec.slug = _unique_slug(spec.title, slugs)
        if site.key in closed:
            spec.fields["status"] = "temporarily closed"
            spec.fields["alert"] = CLOSED_ALERTS[closed.index(site.key)]
        elif site.key in alerts:
            spec.fields["alert"] = ALERTS[alerts.index(site.key)]
        specs.append(spec)
    return specs


def _ranked(keys: list[str], purpose: str) -> list[str]:
    return sorted(keys, key=lambda key: stable_int(SEED, purpose, key))


def _unique_title(site: _Site, taken: set[str]) -> str:
    archetype, venue = site.archetype, site.venue
    candidates = [_fill(archetype.title, site)]
    if venue:
        candidates.append(archetype.title.replace("{area}", "{venue}").format(**_words(site)))
    candidates.append(f"{candidates[-1]} ({venue.name if venue else site.key})")
    for title in candidates:
        if title not in taken:
            taken.add(title)
            return title
    raise ValueError(f"Cannot give {site.key} a unique title")


def _unique_slug(title: str, taken: set[str]) -> str:
    base = slugify(title)[:70].strip("-")
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _words(site: _Site) -> dict[str, str]:
    provider = PROVIDERS_BY_KEY[_provider_key(site)]
    venue = site.venue
    return {
        "area": venue.area if venue else AREA_NAME,
        "venue": venue.name if venue else AREA_NAME,
        "street": venue.street if venue else "",
        "provider": provider.name,
    }


def _fill(text: str, site: _Site) -> str:
    return text.format(**_words(site))


def _provider_key(site: _Site) -> str:
    providers = site.archetype.providers
    return providers[site.index % len(providers)]


def archetype_routes(archetype: Archetype) -> set[str]:
    """The ways in (self, professional, early_help, front): the archetype's, or its level's."""
    return set((archetype.routes or DEFAULT_ROUTES[archetype.levels[0]]).split())


def archetype_fields(archetype: Archetype) -> dict[str, Any]:
    """The ServicePage fields an archetype fixes wherever it is delivered (the demo borough and
    generated catalogues both use it)."""
    routes, delivery = archetype_routes(archetype), set(archetype.delivery.split())
    fields: dict[str, Any] = {
        "minimum_age": archetype.ages[0],
        "maximum_age": archetype.ages[1],
        "for_expectant_parents": archetype.expectant,
        "for_parents_and_carers": archetype.parents,
        "eligibility": archetype.eligibility,
        "is_free": not archetype.fees,
        "fees_description": archetype.fees,
        "term_time_only": archetype.term_time,
        "schedule_notes": archetype.schedule_notes,
    }
    for token, field_name in ROUTE_FIELDS.items():
        fields[field_name] = token in routes
    for token, field_name in DELIVERY_FIELDS.items():
        fields[field_name] = token in delivery
    return fields


def _build_spec(site: _Site, number: int, today: datetime.date, *, is_overdue: bool) -> ServiceSpec:
    archetype, venue = site.archetype, site.venue
    rng = random.Random(f"{SEED}:{site.key}")
    provider = PROVIDERS_BY_KEY[_provider_key(site)]
    primary_level = archetype.levels[0]
    routes = archetype_routes(archetype)
    summary_options = (archetype.summary, *archetype.alt_summaries)
    review_months = 6 if stable_int(SEED, "interval", site.key) % 8 == 0 else 12

    fields: dict[str, Any] = {
        **archetype_fields(archetype),
        "summary": _fill(summary_options[site.index % len(summary_options)], site),
        "description": _description(site, rng),
        "status": "active",
        "alert": "",
        "website": _url(provider.domain, archetype.key) if archetype.website else "",
        "email": f"{_email_local(archetype, site)}@{provider.domain}.example.org",
        "who_can_refer": archetype.who_can_refer or DEFAULT_WHO_CAN_REFER[primary_level],
        "access_instructions": _fill(
            archetype.access or _default_access(archetype, primary_level, routes, rng), site
        ),
        "referral_url": (
            _url(provider.domain, f"refer/{archetype.key}") if archetype.referral_form else ""
        ),
        "available_across_area": archetype.area_wide,
        "review_interval_months": review_months,
        "last_reviewed": _last_reviewed(today, review_months, rng, is_overdue=is_overdue),
        **_commissioning(archetype, today, rng, number),
    }

    return ServiceSpec(
        key=site.key,
        oruk_id=demo_id("service", site.key),
        title="",
        slug="",
        organisation=provider.key,
        commissioner=archetype.commissioner,
        fields=fields,
        needs=archetype.needs,
        levels=archetype.levels,
        circumstances=archetype.circumstances,
        locations=[_location(site, venue)] if venue else [],
        contacts=_contacts(site, provider.domain, number),
        schedules=_schedules(site),
        languages=[
            {"oruk_id": demo_id("language", site.key, code), "code": code, "note": note}
            for code, note in archetype.languages
        ],
        areas=[
            {"oruk_id": demo_id("area", site.key, name), "name": name, "description": "Ward"}
            for name in archetype.areas
        ],
        overdue=is_overdue,
    )


def _url(domain: str, path: str) -> str:
    return f"https://{domain}.example.org/{path}"


def _email_local(archetype: Archetype, site: _Site) -> str:
    words = slugify(archetype.contact or archetype.key).split("-")
    words = [w for w in words if w not in EMAIL_STOPWORDS][:2] or words[:1]
    if site.venue:
        words.append(slugify(site.venue.area).replace("-", ""))
    return ".".join(words)


def _description(site: _Site, rng: random.Random) -> str:
    archetype = site.archetype
    paragraphs = [_fill(text, site) for text in archetype.description]
    if site.venue and "in_person" in archetype.delivery and rng.random() < 0.7:
        paragraphs.append(rng.choice(VENUE_NOTES))
    elif archetype.area_wide and not site.venue and SPECIALIST not in archetype.levels:
        paragraphs.append(f"Available to families anywhere in {AREA_NAME}.")
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in paragraphs)


def _default_access(archetype: Archetype, level: str, routes: set[str], rng: random.Random) -> str:
    if level == UNIVERSAL:
        in_person = "in_person" in archetype.delivery and archetype.schedule
        return rng.choice(DEFAULT_ACCESS["drop-in" if in_person else "remote"])
    return rng.choice(DEFAULT_ACCESS[level])


def _last_reviewed(
    today: datetime.date, interval: int, rng: random.Random, *, is_overdue: bool
) -> datetime.date:
    if is_overdue:
        # Between one and eight months past its review date.
        return months_before(today, interval + rng.randint(1, 8)) - datetime.timedelta(
            days=rng.randint(0, 20)
        )
    # Comfortably inside the interval, so the demo stays tidy for a few weeks after loading.
    return today - datetime.timedelta(days=rng.randint(3, interval * 30 - 60))


def _commissioning(
    archetype: Archetype, today: datetime.date, rng: random.Random, number: int
) -> dict[str, Any]:
    if not archetype.commissioner:
        return {
            "commissioned": False,
            "contract_reference": "",
            "contract_start": None,
            "contract_end": None,
        }
    # Contracts run for three financial years (April to March).
    financial_year = today.year if today.month >= 4 else today.year - 1
    start = datetime.date(financial_year - rng.randint(0, 2), 4, 1)
    prefix = {"council": "CF", "public-health": "PH", "health-partnership": "HCP"}
    return {
        "commissioned": True,
        "contract_reference": f"LBL-{prefix[archetype.commissioner]}-{start.year}-{number:03d}",
        "contract_start": start,
        "contract_end": datetime.date(start.year + 3, 3, 31),
    }


def _location(site: _Site, venue: Venue) -> dict[str, Any]:
    notes = ACCESSIBILITY_NOTES[venue.kinds.split()[0]]
    return {
        "oruk_id": demo_id("location", site.key),
        "name": venue.name,
        "address_1": venue.street,
        "address_2": venue.area,
        "city": CITY,
        "postcode": venue.postcode,
        "accessibility": notes[stable_int(venue.key) % len(notes)],
    }


def _contacts(site: _Site, domain: str, number: int) -> list[dict[str, Any]]:
    archetype = site.archetype
    # Ofcom's drama ranges: numbers reserved for fiction, never allocated to anyone.
    phone = f"0808 157 0{number:03d}" if archetype.freephone else f"020 7946 0{100 + number:03d}"
    name = archetype.contact or archetype.title.split(" – ")[0]
    contacts = [
        {
            "oruk_id": demo_id("contact", site.key, "main"),
            "name": name,
            "title": "",
            "phone": phone,
            "phone_description": _phone_hours(_schedules(site), archetype.freephone),
            "email": f"{_email_local(archetype, site)}@{domain}.example.org",
        }
    ]
    if archetype.text_line:
        contacts.append(
            {
                "oruk_id": demo_id("contact", site.key, "text"),
                "name": f"{name} (text)",
                "title": "",
                "phone": f"07700 900{number:03d}",
                "phone_description": "Text only. We reply within one working day.",
                "email": "",
            }
        )
    return contacts


def _phone_hours(schedules: list[dict[str, Any]], freephone: bool) -> str:
    """When someone answers, in the words a family would use."""
    free = "Free from mobiles and landlines. " if freephone else ""
    if not schedules:
        return f"{free}Leave a message and we will call you back."
    weekdays = [row for row in schedules if row["weekday"] in WEEKDAY_CODES[:5]]
    first = weekdays[0] if weekdays else schedules[0]
    hours = f"{_clock(first['opens_at'])} to {_clock(first['closes_at'])}"
    if len(weekdays) == 5 and len({(r["opens_at"], r["closes_at"]) for r in weekdays}) == 1:
        return f"{free}Monday to Friday, {hours}"
    day = WEEKDAY_NAMES[first["weekday"]]
    return f"{free}{day}s, {hours}. Leave a message at other times."


def _clock(value: datetime.time) -> str:
    suffix = "am" if value.hour < 12 else "pm"
    hour = value.hour % 12 or 12
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}.{value.minute:02d}{suffix}"


def _schedules(site: _Site) -> list[dict[str, Any]]:
    archetype = site.archetype
    offset = stable_int(SEED, "weekday", archetype.key) % 5
    rows: list[dict[str, Any]] = []
    for slot in archetype.schedule:
        for token in slot.days.split():
            if token.startswith("@"):
                shift = int(token[1:] or 0)
                day = WEEKDAY_CODES[(offset + shift + site.index) % 5]
            else:
                day = token
            rows.append(
                {
                    "oruk_id": demo_id("schedule", site.key, str(len(rows))),
                    "weekday": day,
                    "opens_at": datetime.time.fromisoformat(slot.opens),
                    "closes_at": datetime.time.fromisoformat(slot.closes),
                    "description": slot.note,
                }
            )
    return rows


def provider_specs() -> list[dict[str, Any]]:
    """Organisation rows, with contact details in the drama ranges too."""
    return [
        {
            "oruk_id": demo_id("organisation", provider.key),
            "name": provider.name,
            "description": provider.description,
            "email": f"hello@{provider.domain}.example.org",
            "website": f"https://{provider.domain}.example.org",
            "phone": f"020 7946 0{10 + number:03d}",
            "is_commissioner": provider.commissioner,
        }
        for number, provider in enumerate(PROVIDERS)
    ]
