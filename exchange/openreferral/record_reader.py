"""One repaired ``service_full`` record (v3 names) -> the service writer's values.

Everything the catalogue has a place for is read; what does not fit is cut or dropped with a
warning naming it; fields with no place at all are listed by ``unplaced``. Nothing here writes:
new organisations and new terms are objects the writer saves with the batch.

How the standard's objects become ours:

- ``description`` (HTML or plain text): the first paragraph, at most 300 characters (cut at a
  sentence), is the plain summary, the rest the rich text description (``directory.rich_text``);
  a plain-text description whose words are those the service has keeps the service's formatting.
- organisations are matched by id, then by name; a matched one takes the feed's details (name
  aside); an unmatched one is created. A record with no organisation keeps the service's, or (a
  new service) goes under one organisation named "Organisation not given by the feed".
- cost: cost options with amounts say free (all 0) or charged; without amounts a ``fees`` or
  ``fees_description`` text says charged unless it says free; with neither, the cost is unknown.
  Every option's words and the fees text are kept together in the cost details.
- phones: the service's, its contacts', its locations', its service-at-locations' (named after
  the place) are contacts; the organisation's is the organisation's phone.
- locations: physical ones are kept with their description, transport notes, accessibility and
  opening times (the location's and the service-at-location's schedules, as text); a virtual one
  makes the service online. With locations given and none physical, and no named areas, the
  service is available across the area. A record without ``service_at_locations`` leaves the
  service's locations as they are.
- ``eligibility_description`` is who can use it, ``application_process`` how to get it.
- schedules: one opening per day of ``byday`` (weekly ones with opening times); others are
  reported.
- attributes: terms of our vocabularies by id, name or code; unknown needs and circumstances are
  created "to review"; other taxonomies' terms are kept on the service as they came.
- v1's ``attending_type`` and ``attending_access`` set delivery and self-referral.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone

from directory.choices import LANGUAGES, WEEKDAYS
from directory.geocoding import InvalidPostcode, normalise_postcode
from directory.models import AgeBand, Circumstance, Need, Organisation, ServicePage
from directory.models.identifiers import derived_id
from directory.models.services import ServiceLocation
from directory.rich_text import looks_like_html, plain_text_of, summary_and_description
from directory.term_names import find_term, term_key
from directory.writer import ServiceValues

from .feed_versions import ATTENDING_TYPES, SELF_REFERRAL_ACCESS
from .serialisers import plain_text
from .taxonomies import TAXONOMIES, Taxonomy

JSON = dict[str, Any]

DAYS = {code.upper(): code for code, _ in WEEKDAYS}
DAY_NAMES = dict(WEEKDAYS)
LANGUAGE_CODES = {code for code, _ in LANGUAGES}
LANGUAGE_NAMES = {name.lower(): code for code, name in LANGUAGES}
TAXONOMIES_BY_NAME = {taxonomy.name.lower(): taxonomy for taxonomy in TAXONOMIES}
CREATED_WHEN_UNKNOWN = (Need, Circumstance)
NO_ORGANISATION = "Organisation not given by the feed"
FREE_WORDS = ("free", "no charge", "no cost", "none")
_MONEY = re.compile(r"[£$€]|\d")
# Cost option names that say nothing the amount does not (our own export writes them).
GENERIC_OPTIONS = {"free", "fee", "fees", "cost", "price", "charge", "charged"}
MAX_AGE = 120
_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()


@dataclass
class Found:
    """What an import found across records: organisations and terms, new ones included."""

    organisations_by_id: dict[str, Organisation] = field(default_factory=dict)
    organisations_by_name: dict[str, Organisation] = field(default_factory=dict)
    new_organisations: list[Organisation] = field(default_factory=list)
    organisation_changes: dict[int, tuple[Organisation, dict[str, Any]]] = field(
        default_factory=dict
    )
    terms: dict[tuple[str, str], Any] = field(default_factory=dict)
    new_terms: list[tuple[Taxonomy, Any]] = field(default_factory=list)
    unknown_seen: set[tuple[str, str]] = field(default_factory=set)
    unknown: list[tuple[str, str, bool]] = field(default_factory=list)
    other_terms: int = 0

    def load(self) -> None:
        for org in Organisation.objects.all():
            self.organisations_by_id[org.oruk_id] = org
            self.organisations_by_name.setdefault(term_key(org.name), org)


class RecordReader:
    """Reads one record; ``problems`` are errors (the record is not imported), ``warnings``
    what was repaired or not kept; both as (path, message)."""

    def __init__(self, record: JSON, found: Found, existing: ServicePage | None) -> None:
        self.record = record
        self.found = found
        self.existing = existing  # the service this record updates, if any
        self.problems: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []
        self.notes: Counter[str] = Counter()  # things to say once for the whole import
        # JSON paths of the child rows given, by relation, for the writer's problems.
        self.child_paths: dict[str, list[str]] = {}

    def warn(self, path: str, message: str) -> None:
        self.warnings.append((path, message))

    def problem(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    # -- the service ------------------------------------------------------------------------

    def values(self) -> ServiceValues:
        record = self.record
        fields: dict[str, Any] = {
            "title": self._text(" ".join(record["name"].split()), 255, "$.name"),
            "status": record["status"],
        }
        self._description(fields)
        fields["website"] = self._link(record.get("url"), "$.url")
        fields["email"] = self._mail(record.get("email"), "$.email")
        fields["alert"] = self._text(record.get("alert", ""), 255, "$.alert")
        fields["minimum_age"] = self._age(record.get("minimum_age"), "$.minimum_age")
        fields["maximum_age"] = self._age(record.get("maximum_age"), "$.maximum_age")
        youngest, oldest = fields["minimum_age"], fields["maximum_age"]
        if youngest is not None and oldest is not None and oldest < youngest:
            self.warn("$.maximum_age", f"Ages {youngest} to {oldest} run backwards: not kept.")
            fields["minimum_age"] = fields["maximum_age"] = None
        fields["last_reviewed"] = self._date(record.get("assured_date"), "$.assured_date")
        if "eligibility_description" in record:
            fields["eligibility"] = plain_text_of(str(record["eligibility_description"]))
        if "application_process" in record:
            fields["access_instructions"] = plain_text_of(str(record["application_process"]))
        organisation = self._organisation()
        if organisation is not None:
            fields["organisation"] = organisation
        self._cost(fields)
        self._delivery(fields)
        children: dict[str, list[dict[str, Any]]] = {}
        notes = self._schedules(children)
        if "schedules" in record:
            fields["schedule_notes"] = self._text(notes, 255, "$.schedules")
        self._languages(children)
        self._areas(children)
        if "service_at_locations" in record:
            self._locations(children, fields)
        self._contacts(children)
        levels, needs, circumstances, external, bands = self._attributes()
        children["external_terms"] = external
        if bands is not None:
            fields["for_expectant_parents"] = AgeBand.Kind.PREGNANCY in bands
            fields["for_parents_and_carers"] = AgeBand.Kind.PARENTS in bands
        return ServiceValues(
            fields=fields,
            oruk_id=record["id"],
            levels=levels,
            needs=needs,
            circumstances=circumstances,
            children=children,
        )

    def _description(self, fields: dict[str, Any]) -> None:
        given = str(self.record.get("description", ""))
        summary, description = summary_and_description(given)
        if not summary:
            summary = fields["title"]
            self.warn("$.description", "No description: the summary repeats the name.")
        fields["summary"] = self._text(summary, 300, "$.description")
        if looks_like_html(given):
            fields["description"] = description
        else:
            # Plain text (another directory's export of ours): keep the service's own formatting
            # when the words are the same.
            def keep_formatting(current: str) -> str:
                if not current or current == description:
                    return description
                same = plain_text(description) == plain_text(current)
                return current if same else description

            fields["description"] = keep_formatting

    # -- plain values ----------------------------------------------------------------------

    def _text(self, value: Any, length: int, path: str) -> str:
        text = str(value or "")
        if len(text) > length:
            self.warn(path, f"{len(text):,} characters; the most is {length}: cut.")
            text = text[: length - 1].rstrip() + "…"
        return text

    def _link(self, value: Any, path: str, length: int = 200) -> str:
        if not value:
            return ""
        text = str(value)
        if len(text) > length:
            self.warn(
                path,
                f"'{text[:80]}…' is {len(text):,} characters long (the most is "
                f"{length}): not kept.",
            )
            return ""
        try:
            _url(text)
        except ValidationError:
            self.warn(path, f"'{text[:200]}' is not a web address: not kept.")
            return ""
        return text

    def _mail(self, value: Any, path: str) -> str:
        if not value:
            return ""
        text = str(value)
        try:
            _email(text)
        except ValidationError:
            self.warn(path, f"'{text[:200]}' is not an e-mail address: not kept.")
            return ""
        return text

    def _age(self, value: Any, path: str) -> int | None:
        if value is None:
            return None
        if not isinstance(value, int | float) or not 0 <= value <= MAX_AGE:
            self.warn(path, f"{value!r} is not an age from 0 to {MAX_AGE}: not kept.")
            return None
        if value != int(value):
            self.warn(path, f"{value} is not a whole number of years: read as {int(value)}.")
        return int(value)

    def _date(self, value: Any, path: str) -> datetime.date | None:
        if not value:
            return None
        try:
            day = datetime.date.fromisoformat(str(value)[:10])
        except ValueError:
            self.warn(path, f"'{value}' is not a date such as 2025-03-31: not kept.")
            return None
        if day > timezone.localdate():
            self.warn(path, f"{day} is in the future: not kept.")
            return None
        return day

    def _time(self, value: Any, path: str) -> datetime.time | None:
        if not value:
            return None
        try:
            return datetime.time.fromisoformat(str(value)).replace(tzinfo=None)
        except ValueError:
            self.warn(path, f"'{value}' is not a time such as 09:30.")
            return None

    # -- organisation ----------------------------------------------------------------------

    def _organisation(self) -> Organisation | None:
        given = self.record.get("organization")
        given = given if isinstance(given, dict) else {}
        wanted_id = given.get("id") or self.record.get("organization_id")
        found = self.found
        organisation = None
        if wanted_id:
            organisation = found.organisations_by_id.get(_uuid(str(wanted_id)))
            if organisation is not None and given.get("name"):
                # The feed's own organisation: it says what its details are now.
                self._update_organisation(organisation, given)
        if organisation is None and given.get("name"):
            organisation = found.organisations_by_name.get(term_key(given["name"]))
        if organisation is not None:
            return organisation
        if given.get("name"):
            return self._new_organisation(given, str(given.get("id") or ""))
        if self.existing is not None and self.existing.organisation_id:
            return None  # the service keeps its own
        self.warn(
            "$.organization",
            f"No organisation given: put under '{NO_ORGANISATION}'; "
            "choose the right one in the admin.",
        )
        placeholder = found.organisations_by_name.get(term_key(NO_ORGANISATION))
        return placeholder or self._new_organisation({"name": NO_ORGANISATION}, "")

    def _organisation_details(self, given: JSON) -> dict[str, Any]:
        identifiers = {
            item.get("identifier_scheme"): str(item.get("identifier", ""))
            for item in given.get("organization_identifiers", [])
        }
        phones = [p.get("number") for p in given.get("phones", []) if p.get("number")]
        details = {
            "description": plain_text_of(str(given.get("description") or "")),
            "email": self._mail(given.get("email"), "$.organization.email"),
            "website": self._link(given.get("website"), "$.organization.website"),
            "phone": self._phone_text(phones[0], "$.organization.phones[0].number")
            if phones
            else self._phone_text(given.get("phone"), "$.organization.phone"),
            "charity_number": identifiers.get("GB-CHC", "")[:20],
            "company_number": identifiers.get("GB-COH", "")[:20],
        }
        return {name: value for name, value in details.items() if value}

    def _new_organisation(self, given: JSON, given_id: str) -> Organisation:
        name = self._text(" ".join(str(given["name"]).split()), 255, "$.organization.name")
        oruk_id = _uuid(given_id) if given_id else str(uuid.uuid4())
        if oruk_id in self.found.organisations_by_id:
            oruk_id = str(uuid.uuid4())
        organisation = Organisation(oruk_id=oruk_id, name=name, **self._organisation_details(given))
        self.found.organisations_by_id[oruk_id] = organisation
        self.found.organisations_by_name[term_key(name)] = organisation
        self.found.new_organisations.append(organisation)
        return organisation

    def _update_organisation(self, organisation: Organisation, given: JSON) -> None:
        if organisation.pk is None:
            return  # made by this import: its details are the first record's
        changes = {
            name: value
            for name, value in self._organisation_details(given).items()
            if getattr(organisation, name) != value
        }
        if changes:
            pending = self.found.organisation_changes.setdefault(
                organisation.pk, (organisation, {})
            )
            pending[1].update(changes)

    # -- cost ------------------------------------------------------------------------------

    def _cost(self, fields: dict[str, Any]) -> None:
        options = [o for o in self.record.get("cost_options", []) if isinstance(o, dict)]
        given = [self.record.get(key) for key in ("fees_description", "fees")]
        fees = "\n".join(dict.fromkeys(plain_text_of(str(text)) for text in given if text))
        words = [_cost_words(option) for option in options]
        amounts = [o["amount"] for o in options if isinstance(o.get("amount"), int | float)]
        if amounts:
            fields["is_free"] = all(amount == 0 for amount in amounts)
        elif fees or any(words):
            # "Free" is free; "Free for members, £2 otherwise" is a charge, described.
            said = " ".join([fees, *words]).strip().lower()
            fields["is_free"] = said.startswith(FREE_WORDS) and not _MONEY.search(said)
        else:
            fields["is_free"] = None  # the feed does not say: not known, never "free"
        details = [text for text in (*words, fees) if text and text.lower() != "free"]
        fields["fees_description"] = "\n".join(dict.fromkeys(details))

    # -- delivery --------------------------------------------------------------------------

    def _delivery(self, fields: dict[str, Any]) -> None:
        attending = str(self.record.get("attending_type", "")).strip().lower()
        for word, name in ATTENDING_TYPES.items():
            if word in attending:
                fields[name] = True
        access = str(self.record.get("attending_access", "")).strip().lower()
        if access in SELF_REFERRAL_ACCESS:
            fields["self_referral"] = True

    # -- child rows ------------------------------------------------------------------------

    def _schedules(self, children: dict[str, list]) -> str:
        if "schedules" not in self.record:
            return ""
        rows, paths, notes = [], [], []
        for number, schedule in enumerate(self.record["schedules"]):
            path = f"$.schedules[{number}]"
            if schedule.get("notes"):
                notes.append(str(schedule["notes"]))
            for row in self._openings(schedule, path):
                rows.append(row)
                paths.append(path)
        children["schedules"] = rows
        self.child_paths["schedules"] = paths
        return " ".join(dict.fromkeys(notes))

    def _openings(self, schedule: JSON, path: str) -> list[dict[str, Any]]:
        days = [day.strip().upper() for day in str(schedule.get("byday", "")).split(",") if day]
        opens = self._time(schedule.get("opens_at"), f"{path}.opens_at")
        closes = self._time(schedule.get("closes_at"), f"{path}.closes_at")
        freq = str(schedule.get("freq") or "WEEKLY").upper()
        if freq != "WEEKLY" or not days or opens is None or closes is None:
            said = schedule.get("description") or schedule.get("notes") or ""
            self.warn(
                path,
                "Not kept as an opening time (only weekly ones with days and times "
                f"are){': ' + str(said)[:200] if said else ''}.",
            )
            return []
        unknown = [day for day in days if day not in DAYS]
        if unknown or closes <= opens:
            self.warn(path, f"Not kept: {', '.join(unknown) or 'closing before opening'}.")
            return []
        return [
            {
                "oruk_id": schedule["id"]
                if n == 0
                else derived_id("schedule", schedule["id"], day),
                "weekday": DAYS[day],
                "opens_at": opens,
                "closes_at": closes,
                "description": self._text(
                    schedule.get("description", ""), 255, f"{path}.description"
                ),
            }
            for n, day in enumerate(days)
        ]

    def _languages(self, children: dict[str, list]) -> None:
        if "languages" not in self.record:
            return
        rows, paths = [], []
        for number, language in enumerate(self.record["languages"]):
            code = str(language.get("code") or "").lower()
            if code not in LANGUAGE_CODES:
                code = LANGUAGE_NAMES.get(str(language.get("name") or "").strip().lower(), "")
            path = f"$.languages[{number}]"
            if not code:
                self.warn(
                    path,
                    "Not kept: not a language the directory lists "
                    f"({language.get('name') or language.get('code') or 'none given'}).",
                )
                continue
            if code == "en":
                continue  # every service is offered in English
            note = self._text(language.get("note", ""), 255, f"{path}.note")
            rows.append({"oruk_id": language["id"], "code": code, "note": note})
            paths.append(path)
        children["languages"] = rows
        self.child_paths["languages"] = paths

    def _areas(self, children: dict[str, list]) -> None:
        if "service_areas" not in self.record:
            return
        rows, paths = [], []
        for number, area in enumerate(self.record["service_areas"]):
            path = f"$.service_areas[{number}]"
            name = area.get("name") or area.get("service_area") or area.get("extent") or ""
            if not name:
                self.warn(path, "Not kept: the area has no name.")
                continue
            rows.append(
                {
                    "oruk_id": area["id"],
                    "name": self._text(name, 255, f"{path}.name"),
                    "description": self._text(area.get("description", ""), 255, path),
                }
            )
            paths.append(path)
        children["service_areas"] = rows
        self.child_paths["service_areas"] = paths

    def _locations(self, children: dict[str, list], fields: dict[str, Any]) -> None:
        rows, paths, virtual = [], [], False
        known = (
            {place.oruk_id: place for place in self.existing.locations.all()}
            if self.existing is not None
            else {}
        )
        for number, link in enumerate(self.record["service_at_locations"]):
            path = f"$.service_at_locations[{number}].location"
            place = link.get("location")
            if not isinstance(place, dict):
                self.warn(path, "Not kept: the link gives no location.")
                continue
            if place.get("location_type") == "virtual":
                virtual = True
                continue
            if place.get("location_type") != "physical":
                self.warn(path, f"Not kept: a '{place.get('location_type')}' location.")
                continue
            row = self._location(link, place, path, fields["title"])
            _as_we_had_it(row, known.get(place["id"]))
            rows.append(row)
            paths.append(path)
        if rows:
            fields["in_person"] = True
        if "service_areas" in self.record:
            has_areas = bool(children.get("service_areas"))
        else:
            has_areas = self.existing is not None and self.existing.service_areas.exists()
        if not rows and not has_areas:
            # Nowhere in particular and no named areas: families anywhere can use it.
            fields["available_across_area"] = True
        if virtual:
            fields["online"] = True
        children["locations"] = rows
        self.child_paths["locations"] = paths

    def _location(self, link: JSON, place: JSON, path: str, service_name: str) -> dict[str, Any]:
        addresses = place.get("addresses", [])
        address = next(
            (item for item in addresses if item.get("address_type") == "physical"),
            addresses[0] if addresses else {},
        )
        at = f"{path}.addresses[{addresses.index(address)}]" if address else path
        postcode, address_2 = str(address.get("postal_code", "")), str(address.get("address_2", ""))
        if postcode:
            try:
                postcode = normalise_postcode(postcode)
            except InvalidPostcode:
                self.warn(
                    f"{at}.postal_code",
                    f"'{postcode}' is not a UK postcode: kept in the address, not on the map.",
                )
                address_2 = ", ".join(part for part in (address_2, postcode) if part)
                postcode = ""
        latitude, longitude = place.get("latitude"), place.get("longitude")
        row: dict[str, Any] = {}
        if isinstance(latitude, int | float) and isinstance(longitude, int | float):
            if -90 <= latitude <= 90 and -180 <= longitude <= 180:
                # The feed's own position wins over the postcode's centre.
                row |= {
                    "latitude": latitude,
                    "longitude": longitude,
                    "geocode_status": ServiceLocation.GeocodeStatus.MANUAL,
                    "geocoded_postcode": postcode,
                }
            else:
                self.warn(path, f"({latitude}, {longitude}) is not a position on Earth: not kept.")
        if "latitude" not in row:
            row |= {"latitude": None, "longitude": None}
        accessibility = "\n".join(
            str(item.get("description") or item.get("details") or item.get("accessibility"))
            for item in place.get("accessibility", [])
            if item.get("description") or item.get("details") or item.get("accessibility")
        )
        opening = self._location_hours(link, place, path)
        name = place.get("name") or address.get("address_1") or service_name
        return row | {
            "oruk_id": place["id"],
            "name": self._text(name, 255, f"{path}.name"),
            "address_1": self._text(address.get("address_1", ""), 255, f"{at}.address_1"),
            "address_2": self._text(address_2, 255, f"{at}.address_2"),
            "city": self._text(address.get("city", ""), 100, f"{at}.city"),
            "postcode": postcode,
            "accessibility": plain_text_of(accessibility),
            "description": plain_text_of(str(place.get("description") or "")),
            "transportation": plain_text_of(str(place.get("transportation") or "")),
            "opening_hours": opening,
        }

    def _location_hours(self, link: JSON, place: JSON, path: str) -> str:
        """The location's own schedules and the service-at-location's, as lines of text."""
        lines = []
        for owner, owner_path in ((place, path), (link, path.rsplit(".location", 1)[0])):
            for number, schedule in enumerate(owner.get("schedules", [])):
                at = f"{owner_path}.schedules[{number}]"
                openings = self._openings(schedule, at)
                for row in openings:
                    line = (
                        f"{DAY_NAMES[row['weekday']]} {row['opens_at']:%H:%M}–"
                        f"{row['closes_at']:%H:%M}"
                    )
                    lines.append(f"{line} ({row['description']})" if row["description"] else line)
                if not openings and (schedule.get("description") or schedule.get("notes")):
                    lines.append(str(schedule.get("description") or schedule.get("notes")))
        return "\n".join(dict.fromkeys(lines))

    def _contacts(self, children: dict[str, list]) -> None:
        """Contacts from every place the standard allows phones and contacts."""
        rows, paths = [], []
        seen: set[str] = set()
        sources: list[tuple[JSON, str, str]] = []  # (contact or phone owner, path, place name)
        for number, contact in enumerate(self.record.get("contacts", [])):
            sources.append((contact, f"$.contacts[{number}]", ""))
        if self.record.get("phones"):
            sources.append(
                (
                    {
                        "id": derived_id("phones", self.record["id"]),
                        "phones": self.record["phones"],
                    },
                    "$",
                    "",
                )
            )
        for number, link in enumerate(self.record.get("service_at_locations", [])):
            place = link.get("location") if isinstance(link.get("location"), dict) else {}
            name = str(place.get("name") or "")
            for owner, owner_path in (
                (link, f"$.service_at_locations[{number}]"),
                (place, f"$.service_at_locations[{number}].location"),
            ):
                for n, contact in enumerate(owner.get("contacts", [])):
                    sources.append((contact, f"{owner_path}.contacts[{n}]", name))
                if owner.get("phones"):
                    holder = {
                        "id": derived_id("phones", str(owner.get("id", ""))),
                        "phones": owner["phones"],
                    }
                    sources.append((holder, owner_path, name))
        for contact, path, place_name in sources:
            for row in self._contact_rows(contact, path, place_name):
                key = "".join(ch for ch in row["phone"] if ch.isdigit()) or row["email"]
                if key in seen:
                    continue
                seen.add(key)
                rows.append(row)
                paths.append(path)
        if rows or any(key in self.record for key in ("contacts", "phones")):
            children["contacts"] = rows
            self.child_paths["contacts"] = paths

    def _contact_rows(self, contact: JSON, path: str, place_name: str) -> list[dict[str, Any]]:
        email = self._mail(contact.get("email"), f"{path}.email")
        phones = []
        for position, phone in enumerate(contact.get("phones", [])):
            text = self._phone_text(phone.get("number"), f"{path}.phones[{position}].number")
            if text:
                phones.append((phone, text))
        if not phones and not email:
            if path != "$" and "phones" not in contact:
                self.warn(path, "Not kept: a contact needs a phone number or an email address.")
            return []
        name = contact.get("name") or place_name
        rows = []
        for position, (phone, number) in enumerate(phones or [({}, "")]):
            description = " ".join(
                str(part) for part in (phone.get("description"), phone.get("type")) if part
            )
            rows.append(
                {
                    "oruk_id": contact["id"]
                    if position == 0
                    else derived_id("contact", str(phone.get("id", position))),
                    "name": self._text(name, 255, f"{path}.name"),
                    "title": self._text(contact.get("title", ""), 255, f"{path}.title"),
                    "email": email if position == 0 else "",
                    "phone": number,
                    "phone_description": self._text(description, 255, path),
                }
            )
        return rows

    def _phone_text(self, value: Any, path: str) -> str:
        if not value:
            return ""
        text = " ".join(str(value).split())
        text = re.sub(r"^(tel|callto):\s*", "", text, flags=re.I)  # a link's address, not a number
        digits = sum(ch.isdigit() for ch in text)
        if not 10 <= digits <= 13 or len(text) > 40:
            self.warn(path, f"'{text[:60]}' is not a UK phone number: not kept.")
            return ""
        return text

    # -- taxonomy terms --------------------------------------------------------------------

    def _attributes(self) -> tuple[Any, Any, Any, list[dict[str, Any]], set | None]:
        chosen: dict[str, list[Any]] = {taxonomy.name: [] for taxonomy in TAXONOMIES}
        external: list[dict[str, Any]] = []
        for number, attribute in enumerate(self.record.get("attributes", [])):
            path = f"$.attributes[{number}].taxonomy_term"
            term = attribute.get("taxonomy_term") or {}
            term_id = term.get("id") or attribute.get("taxonomy_term_id")
            if not term:
                found = self._ours_by_id(str(term_id)) if term_id else None
                if found is None:
                    self.warn(path, "Not kept: the attribute does not say which term it is.")
                else:
                    chosen[found[0].name].append(found[1])
                continue
            taxonomy = _our_taxonomy(term)
            if taxonomy is None:
                external.append(_external(term))
                continue
            match = self._our_term(taxonomy, term)
            if match is None and taxonomy.model in CREATED_WHEN_UNKNOWN:
                match = self._new_term(taxonomy, term, path)
            if match is None:
                self._unknown(taxonomy, term, created=False)
                external.append(_external(term))
            elif match not in chosen[taxonomy.name]:
                chosen[taxonomy.name].append(match)
        self.found.other_terms += sum(
            1 for item in external if item["taxonomy"].lower() not in TAXONOMIES_BY_NAME
        )
        if not chosen["Level of need"] and (
            self.existing is None or not self.existing.levels.exists()
        ):
            self.notes[
                "services with no level of need (set one so they show on the menu of support)"
            ] += 1
        bands = {band.kind for band in chosen["Age band"]} if chosen["Age band"] else None
        for position, item in enumerate(external):
            item["sort_order"] = position
        return (
            chosen["Level of need"] or None,
            chosen["Need"] or None,
            chosen["Circumstance"] or None,
            external,
            bands,
        )

    def _our_term(self, taxonomy: Taxonomy, term: JSON) -> Any:
        model = taxonomy.model
        cache = self.found.terms
        if term.get("id"):
            key = (taxonomy.name, "id:" + str(term["id"]))
            if key not in cache:
                cache[key] = model._default_manager.filter(oruk_id=str(term["id"])).first()
            if cache[key] is not None:
                return cache[key]
        for name in {term.get("name"), term.get("term")} - {None, ""}:
            key = (taxonomy.name, "name:" + term_key(str(name)))
            if key not in cache:
                cache[key] = find_term(model, str(name))
            if cache[key] is not None:
                return cache[key]
        if term.get("code"):
            key = (taxonomy.name, "code:" + str(term["code"]).lower())
            if key not in cache:
                cache[key] = model._default_manager.filter(slug__iexact=str(term["code"])).first()
            return cache[key]
        return None

    def _ours_by_id(self, term_id: str) -> tuple[Taxonomy, Any] | None:
        for taxonomy in TAXONOMIES:
            found = self._our_term(taxonomy, {"id": term_id})
            if found is not None:
                return taxonomy, found
        return None

    def _new_term(self, taxonomy: Taxonomy, term: JSON, path: str) -> Any:
        name = " ".join(str(term.get("name") or term.get("term") or "").split())[:100]
        model = taxonomy.model
        values: dict[str, Any] = {
            "name": name,
            "description": plain_text_of(str(term.get("description") or "")),
            "needs_review": True,
        }
        if term.get("id"):
            wanted = _uuid(str(term["id"]))
            if not model._default_manager.filter(oruk_id=wanted).exists():
                values["oruk_id"] = wanted
        if model is Need and term.get("parent_id"):
            parent = self._ours_by_id(str(term["parent_id"]))
            if parent and isinstance(parent[1], Need) and parent[1].parent_id is None:
                values["parent"] = parent[1]
        created = model(**values)
        try:
            created.full_clean(exclude=["slug", "oruk_id"])
        except ValidationError as error:
            for messages in error.message_dict.values():
                for message in messages:
                    self.warn(path, f"Cannot add '{name}' to the {taxonomy.name} list: {message}")
            return None
        self.found.terms[(taxonomy.name, "name:" + term_key(name))] = created
        if term.get("id"):
            self.found.terms[(taxonomy.name, "id:" + str(term["id"]))] = created
        self.found.new_terms.append((taxonomy, created))
        self._unknown(taxonomy, term, created=True)
        return created

    def _unknown(self, taxonomy: Taxonomy, term: JSON, *, created: bool) -> None:
        name = str(term.get("name") or term.get("term") or "")
        if (taxonomy.name, name.lower()) not in self.found.unknown_seen:
            self.found.unknown_seen.add((taxonomy.name, name.lower()))
            self.found.unknown.append((taxonomy.name, name, created))


def _as_we_had_it(row: dict[str, Any], place: ServiceLocation | None) -> None:
    """Our API joins address lines 1 and 2 into the standard's address_1, and gives the
    position whatever it came from: an unchanged address and position coming back keep the two
    lines and the geocoding they had."""
    if place is None:
        return
    joined = ", ".join(line for line in (place.address_1, place.address_2) if line)
    if not row["address_2"] and joined == row["address_1"]:
        row["address_1"], row["address_2"] = place.address_1, place.address_2
    if (row["latitude"], row["longitude"]) == (place.latitude, place.longitude):
        row.pop("geocode_status", None)
        row.pop("geocoded_postcode", None)


def _uuid(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return derived_id("feed-id", value)


def _cost_words(option: JSON) -> str:
    """'Under 18s: 35 GBP per 1 hour session' from a cost option; a free one's words are only
    what it says besides being free."""
    amount = option.get("amount")
    price = (
        f"{amount:g} {option.get('currency') or 'GBP'}"
        if isinstance(amount, int | float) and amount > 0
        else ""
    )
    label = str(option.get("option") or "")
    if label.strip().lower() in GENERIC_OPTIONS:
        option = {**option, "option": ""}
    details = " ".join(
        part for part in (price, str(option.get("amount_description") or "")) if part
    )
    return ": ".join(part for part in (str(option.get("option") or ""), details) if part)


def _taxonomy_name(term: JSON) -> str:
    """The term's taxonomy as v3 names it, or in HSDS 3's ``taxonomy_detail``, or as v1's
    ``vocabulary``; a term that names none is kept under "Not named"."""
    detail = term.get("taxonomy_detail")
    for given in (term.get("taxonomy"), detail.get("name") if isinstance(detail, dict) else None,
                  term.get("vocabulary")):  # fmt: skip
        if isinstance(given, str) and given.strip():
            return given.strip()
    return "Not named"


def _our_taxonomy(term: JSON) -> Taxonomy | None:
    name = _taxonomy_name(term).lower()
    if name in TAXONOMIES_BY_NAME:
        return TAXONOMIES_BY_NAME[name]
    return next((t for t in TAXONOMIES if term.get("taxonomy_id") == t.id), None)


def _external(term: JSON) -> dict[str, Any]:
    name = str(term.get("name") or term.get("term") or "")
    taxonomy = _taxonomy_name(term)
    return {
        "taxonomy": taxonomy[:255],
        "taxonomy_id": str(term.get("taxonomy_id") or "")[:64],
        "term": name[:255],
        "term_id": str(term.get("id") or derived_id("external_term", taxonomy, name))[:64],
        "code": str(term.get("code") or "")[:100],
        "description": str(term.get("description") or ""),
        "term_uri": str(term.get("term_uri") or "")[:500],
    }
