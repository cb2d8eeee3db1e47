"""Import Open Referral UK ``service_full`` records: all or nothing, with a report.

Each record is checked against the standard's schema, then upserted by its ``id``: an existing
service gets the record applied to its latest revision, a new one is created under the
directory page with the feed's id. The model's own validation (``full_clean``, the child rows'
``clean`` with postcode normalisation and geocoding, the contacts' phone check) runs on every
record, as for the admin's edit form and the spreadsheet import. Everything happens in one
transaction that is rolled back when any record has an error, so a feed is imported whole or not
at all; search indexing waits until it has committed.

How the standard's objects become ours:

- ``description``: its first paragraph (up to 300 characters) is the summary, the rest the
  description, which is how our API joins them.
- organisations are matched by id, then by name, and created when neither is found.
- locations: ``physical`` ones are kept (geocoded from the postcode when they have no
  coordinates); a service with no physical location and no named service areas is delivered
  across the whole area, and a ``virtual`` location makes it online.
- a service is free when none of its cost options has an amount above zero (with no amount at
  all, a ``fees`` text other than "Free" means it is charged).
- schedules: one opening per day of ``byday`` (weekly schedules with opening times only).
- attributes: terms of our taxonomies (``Need``, ``Level of need``, ``Age band``,
  ``Circumstance``, matched case-insensitively by name or id) are matched by id, name or code.
  An unknown need or circumstance is created marked "to review"; unknown levels and age bands
  are not created (levels are the council's own, age bands come from the age range) and are
  kept like terms of other taxonomies, which are stored on the service as they came. A managed
  taxonomy the record does not use at all is left as it is, so levels and needs an editor set
  on an imported service survive the next import.
- services whose status is ``defunct`` or ``inactive`` are not published (a live one is
  unpublished).
"""

from __future__ import annotations

import datetime
import html
import json
import time
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.text import slugify
from jsonschema import Draft202012Validator, FormatChecker
from tqdm import tqdm
from wagtail.log_actions import log

from search.signals import deferred_index_updates

from ..choices import LANGUAGES, WEEKDAYS
from ..geocoding import InvalidPostcode, normalise_postcode
from ..models import (
    AgeBand,
    Circumstance,
    DeletedService,
    DirectoryIndexPage,
    Need,
    Organisation,
    ServiceArea,
    ServiceContact,
    ServiceExternalTerm,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
)
from ..term_names import find_term
from .serialisers import plain_text
from .taxonomies import TAXONOMIES, Taxonomy, derived_id

JSON = dict[str, Any]
Outcome = Literal["created", "updated", "unchanged"]

SCHEMA_PATH = Path(__file__).parent / "schemas" / "service_full.json"
SUMMARY_LENGTH = 300
SLUG_LENGTH = 80
NOT_PUBLISHED = {ServicePage.Status.DEFUNCT, ServicePage.Status.INACTIVE}
DAYS = {code.upper(): code for code, _ in WEEKDAYS}
LANGUAGE_CODES = {code for code, _ in LANGUAGES}
LANGUAGE_NAMES = {name.lower(): code for code, name in LANGUAGES}
TAXONOMIES_BY_NAME = {taxonomy.name.lower(): taxonomy for taxonomy in TAXONOMIES}
CREATED_WHEN_UNKNOWN = (Need, Circumstance)

# Where a model field's error points in the record.
SERVICE_PATHS = {
    "title": "name",
    "draft_title": "name",
    "slug": "name",
    "summary": "description",
    "description": "description",
    "website": "url",
    "last_reviewed": "assured_date",
    "fees_description": "fees",
    "organisation": "organization",
    # The standard's own names.
    **{name: name for name in ("status", "email", "alert", "minimum_age", "maximum_age")},
}
LOCATION_PATHS = {
    "address_1": "addresses[0].address_1",
    "address_2": "addresses[0].address_2",
    "city": "addresses[0].city",
    "postcode": "addresses[0].postal_code",
    "accessibility": "accessibility",
}
CONTACT_PATHS = {"phone": "phones[0].number", "phone_description": "phones[0].description"}
SCHEDULE_PATHS = {"weekday": "byday", "schedule_notes": "notes"}


# -- the report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    index: int  # the record's position in the feed, from 0
    path: str  # a JSON path inside the record, "$" for the record as a whole
    message: str

    def __str__(self) -> str:
        return f"record {self.index} at {self.path}: {self.message}"


@dataclass(frozen=True)
class UnknownTerm:
    taxonomy: str
    name: str
    created: bool  # created "to review" (needs, circumstances); else kept as it came

    def __str__(self) -> str:
        action = "created, to review" if self.created else "not created; kept on the service"
        return f"{self.taxonomy}: {self.name} ({action})"


@dataclass
class ImportReport:
    publish: bool
    dry_run: bool = False
    records: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    organisations_created: list[str] = field(default_factory=list)
    unknown_terms: list[UnknownTerm] = field(default_factory=list)
    other_terms: int = 0  # terms of other taxonomies kept on services
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    source_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.source_errors

    def summary(self) -> str:
        if self.source_errors:
            return "Nothing was imported: " + " ".join(self.source_errors)
        if self.errors:
            bad = len({error.index for error in self.errors})
            return (
                f"Nothing was imported: {bad:,} of {self.records:,} services have problems "
                f"({len(self.errors):,} in all)."
            )
        counts = (
            f"{len(self.created):,} created, {len(self.updated):,} updated, "
            f"{len(self.unchanged):,} unchanged; "
            f"{_counted(len(self.organisations_created), 'organisation')} created, "
            f"{_counted(len(self.unknown_terms), 'unknown term')}, "
            f"{_counted(self.other_terms, 'term')} of other taxonomies kept"
        )
        services = _counted(self.records, "service")
        if self.dry_run:
            # Only a check: say so once, and what importing would do.
            return (
                f"Checked {services}: all can be imported. Nothing was saved; importing the "
                f"file would give {counts}."
            )
        state = "published" if self.publish else "saved as drafts"
        return f"Imported {services} ({state}): {counts}."

    def lines(self) -> list[str]:
        """The summary, then every error, unknown term and warning, one a line."""
        lines = [self.summary()]
        lines += [f"Error: {error}" for error in self.errors]
        lines += [f"Unknown term: {term}" for term in self.unknown_terms]
        lines += [f"Warning: {warning}" for warning in self.warnings]
        return lines


def _counted(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class _RecordFailed(Exception):
    """A record's errors are in the report; roll its savepoint back and go on checking."""


class _RollBack(Exception):
    """Some record failed: undo the whole import."""


# -- entry point ----------------------------------------------------------------------------


def import_services(
    records: list[Any],
    *,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    dry_run: bool = False,
    progress: bool = False,
) -> ImportReport:
    """Check and upsert ``records`` (``service_full`` objects). Writes nothing unless every
    record is good; with ``dry_run`` writes nothing at all but reports as if it had."""
    started = time.perf_counter()
    report = ImportReport(publish=publish, dry_run=dry_run, records=len(records))
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        report.source_errors = ["The site has no directory page yet; run manage.py setup_site."]
        return report
    if not records:
        report.source_errors = ["The source has no services."]
        return report
    valid = _check_schema(records, report)
    try:
        with deferred_index_updates(), transaction.atomic():
            importer = _Importer(directory, report, publish=publish, user=user)
            for index in tqdm(valid, desc="Importing", unit="service", disable=not progress):
                try:
                    with transaction.atomic():
                        importer.upsert(index, records[index])
                except _RecordFailed:
                    pass
                except DatabaseError as error:
                    report.errors.append(Problem(index, "$", f"The database refused it: {error}"))
            if report.errors or dry_run:
                raise _RollBack
    except _RollBack:
        if report.errors:
            report.created, report.updated, report.unchanged = [], [], []
            report.organisations_created, report.unknown_terms = [], []
    report.errors.sort(key=lambda error: error.index)
    report.seconds = time.perf_counter() - started
    return report


@cache
def _schema_validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _check_schema(records: list[Any], report: ImportReport) -> list[int]:
    """Indexes of the records that are valid service_full objects; the rest are reported."""
    valid: list[int] = []
    first: dict[str, int] = {}
    for index, record in enumerate(records):
        errors = sorted(_schema_validator().iter_errors(record), key=lambda e: e.json_path)
        report.errors += [Problem(index, error.json_path, error.message) for error in errors]
        if errors:
            continue
        oruk_id = str(uuid.UUID(record["id"]))
        if oruk_id in first:
            report.errors.append(
                Problem(
                    index,
                    "$.id",
                    f"Record {first[oruk_id]} has the same id; each service may appear only once.",
                )
            )
            continue
        first[oruk_id] = index
        valid.append(index)
    return valid


# -- one record -----------------------------------------------------------------------------


class _Importer:
    """State shared by the records of one import: vocabularies, organisations, taken ids."""

    def __init__(
        self,
        directory: DirectoryIndexPage,
        report: ImportReport,
        *,
        publish: bool,
        user: AbstractBaseUser | None,
    ) -> None:
        self.directory = directory
        self.report = report
        self.publish = publish
        self.user = user
        self.slugs = set(directory.get_children().values_list("slug", flat=True))
        self.unknown_seen: set[tuple[str, str]] = set()
        # Child ids given out in this import, so two services sharing a location get two rows.
        self.child_ids: set[str] = set()

    # -- the service ----------------------------------------------------------------------

    def upsert(self, index: int, record: JSON) -> None:
        self.index, self.problems = index, []
        oruk_id = str(uuid.UUID(record["id"]))
        page = ServicePage.objects.filter(oruk_id=oruk_id).first()
        if page is not None:
            outcome, service = self._existing(page)
        else:
            outcome, service = "created", ServicePage(live=False, owner=self.user, oruk_id=oruk_id)
        if self.problems:
            self._fail()
        before = snapshot(service) if outcome != "created" else None
        self._apply(service, record)
        if outcome == "created":
            service.slug = self._free_slug(service.title)
        self._validate(service)
        if self.problems:
            self._fail()
        changed = before is None or snapshot(service) != before
        wanted_live = self.publish and service.status not in NOT_PUBLISHED
        stale = page is not None and (
            (wanted_live and (not page.live or page.has_unpublished_changes))
            or (page.live and service.status in NOT_PUBLISHED)
        )
        label = f"{record['name']} ({oruk_id})"
        if not changed and not stale:
            self.report.unchanged.append(label)
            return
        if outcome == "created":
            self.directory.add_child(instance=service)
            log(instance=service, action="wagtail.create", user=self.user)
        else:
            outcome = "updated"
        revision = service.save_revision(user=self.user, clean=False)
        if wanted_live:
            revision.publish(user=self.user)
        elif page is not None and page.live and service.status in NOT_PUBLISHED:
            page.refresh_from_db()
            page.unpublish(user=self.user)
        getattr(self.report, outcome).append(label)

    def _existing(self, page: ServicePage) -> tuple[Outcome, ServicePage]:
        if DeletedService.objects.filter(page=page).exists():
            self._problem("$.id", f"'{page.title}' is in the deleted services; restore it first.")
        if page.locked and (self.user is None or page.locked_by_id != self.user.pk):
            self._problem("$.id", f"'{page.title}' is locked in the admin; unlock it first.")
        return "unchanged", page.get_latest_revision_as_object()

    def _fail(self) -> None:
        self.report.errors += self.problems
        raise _RecordFailed

    def _problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.index, path, message))

    def _warn(self, path: str, message: str) -> None:
        self.report.warnings.append(Problem(self.index, path, message))

    def _free_slug(self, title: str) -> str:
        base = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") or "service"
        candidate, number = base, 2
        while candidate in self.slugs:
            candidate, number = f"{base}-{number}", number + 1
        self.slugs.add(candidate)
        return candidate

    def _apply(self, service: ServicePage, record: JSON) -> None:
        service.title = service.draft_title = record["name"]
        service.status = record["status"]
        summary, description = split_description(record.get("description", ""))
        if plain_text(description) != plain_text(service.description):
            service.description = description  # else keep our formatting (lists, links, …)
        service.summary = summary
        service.website = record.get("url", "")
        service.email = record.get("email", "")
        service.alert = record.get("alert", "")
        service.minimum_age = record.get("minimum_age")
        service.maximum_age = record.get("maximum_age")
        service.last_reviewed = self._date(record.get("assured_date"), "$.assured_date")
        service.organisation = self._organisation(record)
        self._cost(service, record.get("cost_options", []), record.get("fees", ""))
        self._schedules(service, record.get("schedules", []))
        self._languages(service, record.get("languages", []))
        self._areas(service, record.get("service_areas", []))
        self._locations(service, record.get("service_at_locations", []))
        self._contacts(service, record.get("contacts", []))
        self._attributes(service, record.get("attributes", []))

    def _date(self, value: str | None, path: str) -> datetime.date | None:
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            self._problem(path, f"'{value}' is not a date such as 2025-03-31.")
            return None

    def _validate(self, service: ServicePage) -> None:
        try:
            service.full_clean(exclude=["path", "depth"] if service.pk is None else None)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name == NON_FIELD_ERRORS:
                    path = "$"
                elif name in SERVICE_PATHS:
                    path = f"$.{SERVICE_PATHS[name]}"
                else:
                    path = "$"
                    label = ServicePage._meta.get_field(name).verbose_name
                    messages = [f"{label}: {message}" for message in messages]
                for message in messages:
                    self._problem(path, message)

    # -- organisation ---------------------------------------------------------------------

    def _organisation(self, record: JSON) -> Organisation | None:
        given = record.get("organization")
        wanted_id = (given or {}).get("id") or record.get("organization_id")
        if wanted_id:
            found = Organisation.objects.filter(oruk_id=str(uuid.UUID(wanted_id))).first()
            if found:
                return found
        if not given:
            self._problem("$.organization", "Give the organisation that runs the service.")
            return None
        found = Organisation.objects.filter(name__iexact=given["name"].strip()).first()
        if found:
            return found
        identifiers = {
            item.get("identifier_scheme"): item.get("identifier", "")
            for item in given.get("organization_identifiers", [])
        }
        organisation = Organisation(
            oruk_id=str(uuid.UUID(given["id"])),
            name=given["name"].strip(),
            description=given.get("description", ""),
            email=given.get("email", ""),
            website=given.get("website", ""),
            phone=given.get("phone", ""),
            charity_number=identifiers.get("GB-CHC", ""),
            company_number=identifiers.get("GB-COH", ""),
        )
        try:
            organisation.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self._problem(f"$.organization.{name}", message)
            return None
        organisation.save()
        self.report.organisations_created.append(organisation.name)
        return organisation

    # -- cost -----------------------------------------------------------------------------

    def _cost(self, service: ServicePage, options: list[JSON], fees: str) -> None:
        amounts = [option["amount"] for option in options if option.get("amount") is not None]
        if amounts:
            service.is_free = not any(amount > 0 for amount in amounts)
        else:
            service.is_free = not fees or fees.strip().lower().startswith("free")
        if service.is_free:
            words = [
                option["amount_description"]
                for option in options
                if option.get("amount_description") and not option.get("amount")
            ]
            service.fees_description = "\n".join(words)
        elif fees and fees.strip().lower() != "free":
            service.fees_description = fees
        else:
            service.fees_description = "\n".join(
                _cost_words(option) for option in options if _cost_words(option)
            )

    # -- child rows -----------------------------------------------------------------------

    def _children(
        self, service: ServicePage, relation: str, model: type[models.Model], rows: list[JSON]
    ) -> list[Any]:
        """Rows for ``relation``: the existing row with each id reused (keeping its primary
        key), a new row otherwise. An id another service's row has already gets a derived one,
        so a location two services share in the feed becomes a row of each."""
        existing = {child.oruk_id: child for child in getattr(service, relation).all()}
        children = []
        for position, values in enumerate(rows):
            wanted = values.pop("oruk_id")
            child = existing.pop(wanted, None)
            if child is None:
                child = model(oruk_id=self._free_child_id(model, wanted, service))
            self.child_ids.add(child.oruk_id)
            for name, value in values.items():
                setattr(child, name, value)
            child.sort_order = position
            children.append(child)
        return children

    def _free_child_id(self, model: type[models.Model], wanted: str, service: ServicePage) -> str:
        taken = wanted in self.child_ids or (
            model.objects.filter(oruk_id=wanted).exclude(page_id=service.pk).exists()
        )
        return derived_id(model.__name__, service.oruk_id, wanted) if taken else wanted

    def _clean_children(
        self, children: list[Any], paths: list[str], field_paths: dict[str, str]
    ) -> None:
        for child, path in zip(children, paths, strict=True):
            try:
                child.full_clean(exclude=["page", "sort_order"], validate_unique=False)
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    where = (
                        path
                        if name == NON_FIELD_ERRORS
                        else f"{path}.{field_paths.get(name, name)}"
                    )
                    for message in messages:
                        self._problem(where, message)

    def _schedules(self, service: ServicePage, schedules: list[JSON]) -> None:
        rows, paths, notes = [], [], ""
        for number, schedule in enumerate(schedules):
            path = f"$.schedules[{number}]"
            notes = notes or schedule.get("notes", "")
            days = [day.strip().upper() for day in schedule.get("byday", "").split(",") if day]
            opens = self._time(schedule.get("opens_at"), f"{path}.opens_at")
            closes = self._time(schedule.get("closes_at"), f"{path}.closes_at")
            freq = (schedule.get("freq") or "WEEKLY").upper()
            if freq != "WEEKLY" or not days or opens is None or closes is None:
                self._warn(path, "Not kept: only weekly schedules with days and opening times are.")
                continue
            unknown = [day for day in days if day not in DAYS]
            if unknown:
                self._problem(f"{path}.byday", f"Not days of the week: {', '.join(unknown)}.")
                continue
            for position, day in enumerate(days):
                own_id = (
                    schedule["id"] if position == 0 else derived_id("schedule", schedule["id"], day)
                )
                rows.append(
                    {
                        "oruk_id": own_id,
                        "weekday": DAYS[day],
                        "opens_at": opens,
                        "closes_at": closes,
                        "description": schedule.get("description", ""),
                    }
                )
                paths.append(path)
        service.schedule_notes = notes
        children = self._children(service, "schedules", ServiceSchedule, rows)
        self._clean_children(children, paths, SCHEDULE_PATHS)
        service.schedules = children

    def _time(self, value: str | None, path: str) -> datetime.time | None:
        if not value:
            return None
        try:
            return datetime.time.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            self._problem(path, f"'{value}' is not a time such as 09:30.")
            return None

    def _languages(self, service: ServicePage, languages: list[JSON]) -> None:
        rows, paths = [], []
        for number, language in enumerate(languages):
            code = (language.get("code") or "").lower()
            code = (
                code
                if code in LANGUAGE_CODES
                else LANGUAGE_NAMES.get((language.get("name") or "").lower())
            )
            if code is None:
                self._warn(
                    f"$.languages[{number}]", "Not kept: not a language the directory lists."
                )
                continue
            rows.append({"oruk_id": language["id"], "code": code, "note": language.get("note", "")})
            paths.append(f"$.languages[{number}]")
        children = self._children(service, "languages", ServiceLanguage, rows)
        self._clean_children(children, paths, {})
        service.languages = children

    def _areas(self, service: ServicePage, areas: list[JSON]) -> None:
        rows, paths = [], []
        for number, area in enumerate(areas):
            name = area.get("name") or area.get("service_area") or ""
            rows.append(
                {"oruk_id": area["id"], "name": name, "description": area.get("description", "")}
            )
            paths.append(f"$.service_areas[{number}]")
        children = self._children(service, "service_areas", ServiceArea, rows)
        self._clean_children(children, paths, {"name": "name"})
        service.service_areas = children

    def _locations(self, service: ServicePage, links: list[JSON]) -> None:
        rows, paths, virtual = [], [], False
        for number, link in enumerate(links):
            path = f"$.service_at_locations[{number}].location"
            place = link.get("location")
            if not place:
                self._warn(path, "Not kept: the link gives no location.")
                continue
            if place.get("location_type") != "physical":
                virtual = virtual or place.get("location_type") == "virtual"
                continue
            rows.append(self._location(place, path, service.title))
            paths.append(path)
        if rows:
            service.in_person = True
        elif not service.service_areas.all():
            # Nowhere in particular and no named areas: families anywhere can use it.
            service.available_across_area = True
        if virtual:
            service.online = True
        geocoding = [row.pop("geocoding") for row in rows]
        _keep_address_lines(service, rows)
        children = self._children(service, "locations", ServiceLocation, rows)
        for child, (status, postcode) in zip(children, geocoding, strict=True):
            if status is not None:
                child.geocode_status, child.geocoded_postcode = status, postcode
        self._clean_children(children, paths, LOCATION_PATHS)
        service.locations = children

    def _location(self, place: JSON, path: str, service_name: str) -> JSON:
        addresses = place.get("addresses", [])
        address = next(
            (item for item in addresses if item.get("address_type") == "physical"),
            addresses[0] if addresses else {},
        )
        postcode, address_2 = address.get("postal_code", ""), address.get("address_2", "")
        if postcode:
            try:
                postcode = normalise_postcode(postcode)
            except InvalidPostcode:
                self._warn(
                    f"{path}.addresses[0].postal_code",
                    f"'{postcode}' is not a UK postcode: kept in the address, not on the map.",
                )
                address_2 = ", ".join(part for part in (address_2, postcode) if part)
                postcode = ""
        latitude, longitude = place.get("latitude"), place.get("longitude")
        if (
            latitude is not None
            and longitude is not None
            and not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
        ):
            self._warn(path, f"({latitude}, {longitude}) is not a position on Earth: not kept.")
            latitude = longitude = None
        if latitude is None or longitude is None:
            latitude = longitude = None
            geocoding = (None, "")  # looked up from the postcode when the row is cleaned
        else:
            # The feed's own position wins over the postcode's centre.
            geocoding = (ServiceLocation.GeocodeStatus.MANUAL, postcode)
        accessibility = "\n".join(
            item.get("description") or item.get("accessibility") or ""
            for item in place.get("accessibility", [])
            if item.get("description") or item.get("accessibility")
        )
        return {
            "oruk_id": place["id"],
            "name": place.get("name") or address.get("address_1") or service_name,
            "address_1": address.get("address_1", ""),
            "address_2": address_2,
            "city": address.get("city", ""),
            "postcode": postcode,
            "latitude": latitude,
            "longitude": longitude,
            "accessibility": accessibility,
            "geocoding": geocoding,
        }

    def _contacts(self, service: ServicePage, contacts: list[JSON]) -> None:
        rows, paths = [], []
        for number, contact in enumerate(contacts):
            path = f"$.contacts[{number}]"
            phones = [phone for phone in contact.get("phones", []) if phone.get("number")]
            if not phones and not contact.get("email"):
                self._warn(path, "Not kept: a contact needs a phone number or an email address.")
                continue
            for position, phone in enumerate(phones or [{}]):
                own_id = contact["id"] if position == 0 else derived_id("contact", phone["id"])
                rows.append(
                    {
                        "oruk_id": own_id,
                        "name": contact.get("name", ""),
                        "title": contact.get("title", ""),
                        "email": contact.get("email", ""),
                        "phone": phone.get("number", ""),
                        "phone_description": phone.get("description", ""),
                    }
                )
                paths.append(path)
        children = self._children(service, "contacts", ServiceContact, rows)
        self._clean_children(children, paths, CONTACT_PATHS)
        service.contacts = children

    # -- taxonomy terms -------------------------------------------------------------------

    def _attributes(self, service: ServicePage, attributes: list[JSON]) -> None:
        chosen: dict[str, list[Any]] = {taxonomy.name: [] for taxonomy in TAXONOMIES}
        external = []
        for number, attribute in enumerate(attributes):
            path = f"$.attributes[{number}].taxonomy_term"
            term = attribute.get("taxonomy_term") or {}
            term_id = term.get("id") or attribute.get("taxonomy_term_id")
            if not term:
                found = _ours_by_id(term_id) if term_id else None
                if found is None:
                    self._warn(path, "Not kept: the attribute does not say which term it is.")
                else:
                    chosen[found[0].name].append(found[1])
                continue
            taxonomy = _our_taxonomy(term)
            if taxonomy is None:
                external.append(_external(term))
                continue
            match = _our_term(taxonomy, term)
            if match is None and taxonomy.model in CREATED_WHEN_UNKNOWN:
                match = self._create_term(taxonomy, term, path)
            if match is None:
                self._unknown(taxonomy, term, created=False)
                external.append(_external(term))
            elif match not in chosen[taxonomy.name]:
                chosen[taxonomy.name].append(match)
        self.report.other_terms += sum(
            1 for item in external if item.taxonomy.lower() not in TAXONOMIES_BY_NAME
        )
        if chosen["Level of need"]:
            service.levels.set(chosen["Level of need"])
        if chosen["Need"]:
            service.needs.set(chosen["Need"])
        if chosen["Circumstance"]:
            service.circumstances.set(chosen["Circumstance"])
        if chosen["Age band"]:
            # Bands come from the age range, except the two that say who besides children.
            kinds = {band.kind for band in chosen["Age band"]}
            service.for_expectant_parents = AgeBand.Kind.PREGNANCY in kinds
            service.for_parents_and_carers = AgeBand.Kind.PARENTS in kinds
        if not service.levels.all():
            self._warn(
                "$.attributes",
                "No level of need: set one so the service shows on the menu of support.",
            )
        service.external_terms = [
            ServiceExternalTerm(sort_order=position, **vars_of(item))
            for position, item in enumerate(external)
        ]

    def _create_term(self, taxonomy: Taxonomy, term: JSON, path: str) -> Any:
        name = (term.get("name") or term.get("term") or "").strip()[:100]
        model = taxonomy.model
        values: dict[str, Any] = {
            "name": name,
            "description": term.get("description", ""),
            "needs_review": True,
        }
        if term.get("id") and not model.objects.filter(oruk_id=term["id"]).exists():
            values["oruk_id"] = str(uuid.UUID(term["id"]))
        if model is Need:
            parent = _ours_by_id(term.get("parent_id")) if term.get("parent_id") else None
            if parent and parent[1].__class__ is Need and parent[1].parent_id is None:
                values["parent"] = parent[1]
        created = model(**values)
        try:
            created.full_clean(exclude=["slug"])
        except ValidationError as error:
            for messages in error.message_dict.values():
                for message in messages:
                    self._problem(
                        path, f"Cannot add '{name}' to the {taxonomy.name} list: {message}"
                    )
            return None
        created.save()
        self._unknown(taxonomy, term, created=True)
        return created

    def _unknown(self, taxonomy: Taxonomy, term: JSON, *, created: bool) -> None:
        name = term.get("name") or term.get("term") or ""
        if (taxonomy.name, name.lower()) not in self.unknown_seen:
            self.unknown_seen.add((taxonomy.name, name.lower()))
            self.report.unknown_terms.append(UnknownTerm(taxonomy.name, name, created))


# -- helpers --------------------------------------------------------------------------------


def split_description(text: str) -> tuple[str, str]:
    """(summary, rich text description) from the standard's one plain-text description."""
    text = (text or "").replace("\r\n", "\n").strip()
    first, _, rest = text.partition("\n\n")
    first = " ".join(first.split())
    if len(first) > SUMMARY_LENGTH:
        # No short first paragraph: the summary is its opening sentences, the whole text stays.
        cut = first[: SUMMARY_LENGTH - 1]
        end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
        first = cut[: end + 1] if end > 0 else cut.rsplit(" ", 1)[0] + "…"
        rest = text
    lines = [" ".join(line.split()) for line in rest.splitlines()]
    description = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)
    return first, description


def _keep_address_lines(service: ServicePage, rows: list[JSON]) -> None:
    """Our API joins address lines 1 and 2 into the standard's address_1; an unchanged address
    coming back keeps the two lines it had."""
    existing = {place.oruk_id: place for place in service.locations.all()}
    for row in rows:
        place = existing.get(row["oruk_id"])
        if place is None or row["address_2"]:
            continue
        joined = ", ".join(line for line in (place.address_1, place.address_2) if line)
        if joined == row["address_1"]:
            row["address_1"], row["address_2"] = place.address_1, place.address_2


def _cost_words(option: JSON) -> str:
    """'Under 18s: 35 GBP per 1 hour session' from a cost option."""
    amount = option.get("amount")
    price = f"{amount:g} {option.get('currency') or 'GBP'}" if amount is not None else ""
    details = " ".join(part for part in (price, option.get("amount_description", "")) if part)
    return ": ".join(part for part in (option.get("option", ""), details) if part)


def _our_taxonomy(term: JSON) -> Taxonomy | None:
    name = (term.get("taxonomy") or "").strip().lower()
    if name in TAXONOMIES_BY_NAME:
        return TAXONOMIES_BY_NAME[name]
    return next((t for t in TAXONOMIES if term.get("taxonomy_id") == t.id), None)


def _our_term(taxonomy: Taxonomy, term: JSON) -> Any:
    model = taxonomy.model
    if term.get("id"):
        found = model.objects.filter(oruk_id=term["id"]).first()
        if found:
            return found
    for name in {term.get("name"), term.get("term")} - {None, ""}:
        found = find_term(model, name)
        if found:
            return found
    if term.get("code"):
        return model.objects.filter(slug__iexact=term["code"]).first()
    return None


def _ours_by_id(term_id: str) -> tuple[Taxonomy, Any] | None:
    for taxonomy in TAXONOMIES:
        found = taxonomy.model.objects.filter(oruk_id=term_id).first()
        if found:
            return taxonomy, found
    return None


@dataclass(frozen=True)
class _ExternalTerm:
    taxonomy: str
    taxonomy_id: str
    term: str
    term_id: str
    code: str
    description: str
    term_uri: str


def _external(term: JSON) -> _ExternalTerm:
    name = term.get("name") or term.get("term") or ""
    return _ExternalTerm(
        taxonomy=(term.get("taxonomy") or "")[:255],
        taxonomy_id=(term.get("taxonomy_id") or "")[:64],
        term=name[:255],
        term_id=term.get("id") or derived_id("external_term", term.get("taxonomy", ""), name),
        code=(term.get("code") or "")[:100],
        description=term.get("description") or "",
        term_uri=(term.get("term_uri") or "")[:500],
    )


def vars_of(item: _ExternalTerm) -> dict[str, str]:
    return dict(item.__dict__)


# -- change detection -----------------------------------------------------------------------

_CHILD_SKIP = {"id", "page", "sort_order", "geocoded_postcode", "geocode_status"}


def _row(obj: models.Model, skip: set[str] = _CHILD_SKIP) -> tuple:
    return tuple(getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.name not in skip)


def snapshot(service: ServicePage) -> tuple:
    """Everything an import sets on a service, to tell an unchanged record from a changed one."""
    fields = (
        "title", "status", "summary", "description", "website", "email", "alert",
        "minimum_age", "maximum_age", "last_reviewed", "organisation_id", "is_free",
        "fees_description", "schedule_notes", "in_person", "online", "available_across_area",
        "for_expectant_parents", "for_parents_and_carers",
    )  # fmt: skip
    return (
        tuple(getattr(service, name) for name in fields),
        *(
            tuple(_row(child) for child in getattr(service, relation).all())
            for relation in (
                "locations",
                "contacts",
                "schedules",
                "service_areas",
                "languages",
                "external_terms",
            )  # fmt: skip
        ),
        tuple(sorted(level.pk for level in service.levels.all())),
        tuple(sorted(tag.pk for tag in service.needs.all())),
        tuple(sorted(tag.pk for tag in service.circumstances.all())),
    )
