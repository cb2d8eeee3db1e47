"""Realistic synthetic services from a seed: pure Python, no database.

Each service is one of the demo's hand-written archetypes (real wording, needs, levels, ages,
delivery and opening times) placed in a real English town (``places``), with 1–3 locations for
services delivered in buildings and none for those offered across the area. Everything is drawn
from one ``random.Random(seed)``, so the same seed and vocabulary give the same services.
"""

from __future__ import annotations

import datetime
import html
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify

from ..archetypes import ARCHETYPES
from ..data import ACCESSIBILITY_NOTES, VENUE_NOTES, Archetype
from ..plan import (
    DEFAULT_ACCESS,
    DEFAULT_WHO_CAN_REFER,
    WEEKDAY_CODES,
    archetype_fields,
)
from .places import ORGANISATION_KINDS, QUARTERS, STREETS, TOWNS, VENUE_NAMES, Town

INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters an inward code uses
DISTRICTS_PER_TOWN = 12
# How many of a building-based service's locations: mostly one, sometimes a few sites.
LOCATION_COUNTS = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3)
# A share of listings past their review date, as in a real directory.
OVERDUE_SHARE = 0.15
# Services with no building (helplines, online, home visits) match every place searched, so
# across a national catalogue they are a few per cent, not the third they are in one borough.
DEFAULT_AREA_WIDE_SHARE = 0.05
BUILDING_ARCHETYPES = tuple(archetype for archetype in ARCHETYPES if archetype.sites)
AREA_WIDE_ARCHETYPES = tuple(archetype for archetype in ARCHETYPES if not archetype.sites)


@dataclass
class Vocabulary:
    """The council's vocabularies, as ids by name or slug (read once from the database)."""

    need_ids: dict[str, int]
    circumstance_ids: dict[str, int]
    level_ids: dict[str, int]  # by slug
    levels_by_rank: list[int]  # ids, lowest level first: for councils with other level slugs

    def levels(self, slugs: tuple[str, ...]) -> list[int]:
        from ..data import LEVEL_SLUGS

        found = []
        for slug in slugs:
            if slug in self.level_ids:
                found.append(self.level_ids[slug])
            elif self.levels_by_rank:
                # A council with its own names: the same place on the continuum.
                share = LEVEL_SLUGS.index(slug) / max(len(LEVEL_SLUGS) - 1, 1)
                found.append(self.levels_by_rank[round(share * (len(self.levels_by_rank) - 1))])
        return list(dict.fromkeys(found))


@dataclass
class GeneratedService:
    oruk_id: str
    translation_key: str
    title: str
    slug: str
    organisation: str  # name
    fields: dict[str, Any]  # ServicePage's own columns
    published_at: datetime.datetime
    need_ids: list[int]
    level_ids: list[int]
    circumstance_ids: list[int]
    locations: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    schedules: list[dict[str, Any]] = field(default_factory=list)
    languages: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class District:
    outward: str
    latitude: float
    longitude: float


def districts() -> dict[Town, list[District]]:
    """Each town's made-up postcode districts around its centre (towns sharing a postcode area
    get separate district numbers)."""
    numbering: dict[str, int] = {}
    found: dict[Town, list[District]] = {}
    for town in TOWNS:
        first = numbering.get(town.area, 0) + 1
        numbering[town.area] = first + DISTRICTS_PER_TOWN - 1
        rng = random.Random(f"districts:{town.name}")
        found[town] = [
            District(
                f"{town.area}{number}",
                town.latitude + rng.uniform(-0.05, 0.05),
                town.longitude + rng.uniform(-0.08, 0.08),
            )
            for number in range(first, first + DISTRICTS_PER_TOWN)
        ]
    return found


def postcode_in(district: District, rng: random.Random) -> tuple[str, float, float]:
    """A postcode in the district, with a centroid that depends only on the postcode."""
    inward = f"{rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    code = f"{district.outward} {inward}"
    spot = random.Random(f"postcode:{code}")
    return (
        code,
        round(district.latitude + spot.uniform(-0.012, 0.012), 6),
        round(district.longitude + spot.uniform(-0.018, 0.018), 6),
    )


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class ServiceFactory:
    """Draws services one after another from a seed."""

    def __init__(
        self,
        seed: int,
        vocabulary: Vocabulary,
        today: datetime.date,
        area_wide_share: float = DEFAULT_AREA_WIDE_SHARE,
    ) -> None:
        self.rng = random.Random(seed)
        self.area_wide_share = area_wide_share
        self.vocabulary = vocabulary
        self.today = today
        self.districts = districts()
        self.town_weights = [town.weight for town in TOWNS]
        self.now = datetime.datetime.combine(today, datetime.time(9), tzinfo=datetime.UTC)

    def services(self, count: int, first_number: int = 1) -> Iterator[GeneratedService]:
        for number in range(first_number, first_number + count):
            yield self.service(number)

    def service(self, number: int) -> GeneratedService:
        rng = self.rng
        area_wide = rng.random() < self.area_wide_share
        archetype: Archetype = rng.choice(
            AREA_WIDE_ARCHETYPES if area_wide else BUILDING_ARCHETYPES
        )
        town = rng.choices(TOWNS, weights=self.town_weights)[0]
        quarter = rng.choice(QUARTERS)
        organisation = f"{town.name} {rng.choice(ORGANISATION_KINDS)}"
        locations = self._locations(archetype, town, rng) if archetype.sites else []
        venue = locations[0]["name"] if locations else town.name
        words = {
            "area": f"{town.name} {quarter}" if locations else town.name,
            "venue": venue,
            "street": locations[0]["address_1"] if locations else "",
            "provider": organisation,
        }
        title = archetype.title.format(**words)
        primary_level = archetype.levels[0]
        summaries = (archetype.summary, *archetype.alt_summaries)
        interval = rng.choice((6, 12, 12, 12))
        fields: dict[str, Any] = {
            **archetype_fields(archetype),
            "summary": rng.choice(summaries).format(**words),
            "description": self._description(archetype, words, bool(locations)),
            "status": "active",
            "alert": "",
            "website": f"https://{slugify(organisation)}.example.org/{archetype.key}",
            "email": f"{archetype.key.split('-')[0]}@{slugify(organisation)}.example.org",
            "who_can_refer": (
                archetype.who_can_refer or DEFAULT_WHO_CAN_REFER[primary_level]
            ).replace("Lewisham", town.name),
            "access_instructions": self._access(archetype, primary_level, town).format(**words),
            "referral_url": "",
            "available_across_area": archetype.area_wide or not locations,
            "commissioned": False,
            "contract_reference": "",
            "contract_start": None,
            "contract_end": None,
            "review_interval_months": interval,
            "last_reviewed": self._last_reviewed(interval),
        }
        vocabulary = self.vocabulary
        return GeneratedService(
            oruk_id=_uuid(rng),
            translation_key=_uuid(rng),
            title=title,
            slug=f"{slugify(title)[:80]}-{number}",
            organisation=organisation,
            fields=fields,
            published_at=self.now - datetime.timedelta(minutes=rng.randint(60, 3 * 365 * 1440)),
            need_ids=[vocabulary.need_ids[n] for n in archetype.needs if n in vocabulary.need_ids],
            level_ids=vocabulary.levels(archetype.levels),
            circumstance_ids=[
                vocabulary.circumstance_ids[name]
                for name in archetype.circumstances
                if name in vocabulary.circumstance_ids
            ],
            locations=locations,
            contacts=[self._contact(archetype, title, number)],
            schedules=self._schedules(archetype),
            languages=[
                {"oruk_id": _uuid(rng), "code": code, "note": note}
                for code, note in archetype.languages
            ],
        )

    def _locations(
        self, archetype: Archetype, town: Town, rng: random.Random
    ) -> list[dict[str, Any]]:
        kinds = (archetype.venue_kinds or "community").split()
        found = []
        for _ in range(rng.choice(LOCATION_COUNTS)):
            district = rng.choice(self.districts[town])
            postcode, latitude, longitude = postcode_in(district, rng)
            kind = rng.choice(kinds)
            street = rng.choice(STREETS)
            quarter = rng.choice(QUARTERS)
            found.append(
                {
                    "oruk_id": _uuid(rng),
                    "name": f"{town.name} {quarter} {rng.choice(VENUE_NAMES[kind])}",
                    "address_1": f"{rng.randint(1, 240)} {street}",
                    "address_2": quarter if quarter != "Central" else "",
                    "city": town.name,
                    "postcode": postcode,
                    "latitude": latitude,
                    "longitude": longitude,
                    "geocoded_postcode": postcode,
                    "geocode_status": "postcode",
                    "accessibility": rng.choice(ACCESSIBILITY_NOTES[kind]),
                }
            )
        return found

    def _description(self, archetype: Archetype, words: dict[str, str], in_person: bool) -> str:
        paragraphs = [text.format(**words) for text in archetype.description]
        if in_person and self.rng.random() < 0.7:
            paragraphs.append(self.rng.choice(VENUE_NOTES))
        return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in paragraphs)

    def _access(self, archetype: Archetype, level: str, town: Town) -> str:
        if archetype.access:
            return archetype.access.replace("Lewisham", town.name)
        if level == "universal":
            kind = (
                "drop-in" if "in_person" in archetype.delivery and archetype.schedule else "remote"
            )
        else:
            kind = level
        return self.rng.choice(DEFAULT_ACCESS[kind]).replace("Lewisham", town.name)

    def _last_reviewed(self, interval: int) -> datetime.date:
        days = interval * 30
        if self.rng.random() < OVERDUE_SHARE:
            return self.today - datetime.timedelta(days=days + self.rng.randint(10, 240))
        return self.today - datetime.timedelta(days=self.rng.randint(3, days - 30))

    def _contact(self, archetype: Archetype, title: str, number: int) -> dict[str, Any]:
        # Ofcom's drama range (01632 960000-960999): numbers never given to anyone.
        return {
            "oruk_id": _uuid(self.rng),
            "name": archetype.contact or title.split(" – ")[0],
            "title": "",
            "phone": f"01632 960{number % 1000:03d}",
            "phone_description": "",
            "email": "",
        }

    def _schedules(self, archetype: Archetype) -> list[dict[str, Any]]:
        rows = []
        for slot in archetype.schedule:
            for token in slot.days.split():
                day = self.rng.choice(WEEKDAY_CODES[:5]) if token.startswith("@") else token
                rows.append(
                    {
                        "oruk_id": _uuid(self.rng),
                        "weekday": day,
                        "opens_at": datetime.time.fromisoformat(slot.opens),
                        "closes_at": datetime.time.fromisoformat(slot.closes),
                        "description": slot.note,
                    }
                )
        return rows
