"""Query parameters: parsed and checked, with one plain message per bad parameter.

Each endpoint accepts every parameter HSDS 3.0 and the UK profile define for it (``ENDPOINTS``);
anything else is an error, so a typo such as ``?per_pge=10`` is reported instead of silently
ignored. An empty value counts as not given. An id that is a well-formed UUID but names nothing
we have is not an error: the filter simply matches nothing.
"""

from __future__ import annotations

import datetime
import math
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from directory.geocoding import InvalidPostcode, geocode_postcode, normalise_postcode

from .taxonomies import TAXONOMIES_BY_ID, Taxonomy, Term, TermIndex

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
# ``minimal`` lists (id, name, status, last_modified) are cheap, and the standard asks for the
# whole list in one call.
MAX_MINIMAL_PER_PAGE = 10_000
FORMATS = ("json", "ndjson")
MAX_AGE = 120
DEFAULT_PROXIMITY_METRES = 1609.344  # a mile
MAX_PROXIMITY_METRES = 100_000.0
DAYS = {
    "MO": "mo",
    "TU": "tu",
    "WE": "we",
    "TH": "th",
    "FR": "fr",
    "SA": "sa",
    "SU": "su",
}
DAY_NAMES = {
    "MONDAY": "MO",
    "TUESDAY": "TU",
    "WEDNESDAY": "WE",
    "THURSDAY": "TH",
    "FRIDAY": "FR",
    "SATURDAY": "SA",
    "SUNDAY": "SU",
}
_TIME_RE = re.compile(r"^\d{2}:\d{2}(:\d{2})?$")
_PLUS_AS_SPACE = re.compile(r"(\d{2}:\d{2}:\d{2}(?:\.\d+)?) (\d{2}:?\d{2})$")

PAGING = ("page", "per_page", "format")
SERVICE_FILTERS = (
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "minimum_age",
    "maximum_age",
    "day",
    "start_time",
    "end_time",
    "modified_after",
    "postcode",
    "proximity",
)
TERM_FILTERS = ("search", "taxonomy_id", "parent_id", "top_only")
# What each endpoint accepts, by the name of its view.
ENDPOINTS: dict[str, tuple[str, ...]] = {
    "index": (),
    "openapi": (),
    "services": (*PAGING, *SERVICE_FILTERS, "minimal", "full"),
    "service": (),
    "service_at_locations": (*PAGING, *SERVICE_FILTERS, "full"),
    "service_at_location": (),
    "organizations": (
        *PAGING,
        "search",
        "taxonomy_term_id",
        "taxonomy_id",
        "full",
        "full_service",
    ),
    "organization": ("full_service",),
    "taxonomies": (*PAGING, "search"),
    "taxonomy": (),
    "taxonomy_terms": (*PAGING, *TERM_FILTERS),
    "taxonomy_term": (),
}


class ParameterError(ValueError):
    """Bad query parameters: ``errors`` maps each parameter to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Paging:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    format: str = "json"  # or "ndjson": every item, one per line, no pages


@dataclass(frozen=True)
class Proximity:
    latitude: float
    longitude: float
    metres: float


@dataclass(frozen=True)
class ServiceFilters:
    search: str = ""
    term: Term | None = None
    taxonomy: Taxonomy | None = None
    organisation_id: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    day: str | None = None  # our weekday value, "mo".."su"
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    modified_after: datetime.datetime | None = None
    near: Proximity | None = None
    # A term or taxonomy id that names nothing we have: no service matches.
    unmatched: bool = False


@dataclass(frozen=True)
class TermFilters:
    search: str = ""
    taxonomy: Taxonomy | None = None
    parent: Term | None = None
    top_only: bool = False
    unmatched: bool = False


class Parameters:
    """Reads one request's parameters, collecting errors; ``done()`` raises them together."""

    def __init__(self, params: QueryDict, accepted: Iterable[str]) -> None:
        self.params = params
        self.errors: dict[str, str] = {}
        self.unmatched = False  # an id named something we do not have
        accepted = set(accepted)
        for name in params:
            if name not in accepted:
                self.errors[name] = (
                    "Unknown parameter. This endpoint accepts: "
                    + (", ".join(sorted(accepted)) or "no parameters")
                    + "."
                )
            elif len(params.getlist(name)) > 1:
                self.errors[name] = "Give this parameter once."

    def done(self) -> None:
        if self.errors:
            raise ParameterError(self.errors)

    def text(self, name: str) -> str:
        if name in self.errors:
            return ""
        return (self.params.get(name) or "").strip()

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        value = self.text(name)
        if not value:
            return default
        try:
            number = int(value)
        except ValueError:
            self.errors[name] = f"Give a whole number from {low} to {high}."
            return default
        if not low <= number <= high:
            self.errors[name] = f"Give a whole number from {low} to {high}; {number} is outside."
            return default
        return number

    def number(self, name: str, low: float, high: float, what: str) -> float | None:
        value = self.text(name)
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or not low <= number <= high:
            self.errors[name] = f"Give {what} from {low:g} to {high:g}."
            return None
        return number

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.text(name).lower()
        if not value:
            return default
        if value in ("false", "0", "no"):
            return False
        if value in ("true", "1", "yes"):
            return True
        self.errors[name] = "Give true or false."
        return default

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        value = self.text(name).lower()
        if not value:
            return choices[0]
        if value not in choices:
            self.errors[name] = f"Give one of: {', '.join(choices)}."
            return choices[0]
        return value

    def identifier(self, name: str) -> str | None:
        """A UUID in its canonical form (our ids are all UUIDs)."""
        value = self.text(name)
        if not value:
            return None
        try:
            return str(uuid.UUID(value))
        except ValueError:
            self.errors[name] = "Give an id: a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6."
            return None

    def time(self, name: str) -> datetime.time | None:
        value = self.text(name)
        if not value:
            return None
        try:
            if not _TIME_RE.match(value):
                raise ValueError
            return datetime.time.fromisoformat(value)
        except ValueError:
            self.errors[name] = "Give a time as HH:MM or HH:MM:SS, such as 09:30."
            return None

    def day(self, name: str) -> str | None:
        value = self.text(name).upper()
        if not value:
            return None
        value = DAY_NAMES.get(value, value)
        if value not in DAYS:
            self.errors[name] = "Give a day as MO, TU, WE, TH, FR, SA or SU."
            return None
        return DAYS[value]

    def moment(self, name: str) -> datetime.datetime | None:
        """An ISO 8601 date-time or date; without a time zone, the site's time zone."""
        value = self.text(name)
        if not value:
            return None
        try:
            # An unencoded "+01:00" in a query string arrives as " 01:00".
            moment = parse_datetime(_PLUS_AS_SPACE.sub(r"\1+\2", value))
            if moment is None and (day := parse_date(value)) is not None:
                moment = datetime.datetime.combine(day, datetime.time())
        except ValueError:
            moment = None
        if moment is None:
            self.errors[name] = "Give a date-time such as 2025-04-01T09:00:00Z, or a date."
            return None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    def term(self, name: str, terms: TermIndex) -> Term | None:
        value = self.identifier(name)
        term = terms.by_id.get(value) if value else None
        self.unmatched |= bool(value) and term is None
        return term

    def taxonomy(self, name: str) -> Taxonomy | None:
        value = self.identifier(name)
        taxonomy = TAXONOMIES_BY_ID.get(value) if value else None
        self.unmatched |= bool(value) and taxonomy is None
        return taxonomy

    # -- groups ---------------------------------------------------------------------------

    def paging(self, default: int = DEFAULT_PER_PAGE, maximum: int = MAX_PER_PAGE) -> Paging:
        return Paging(
            page=self.integer("page", 1, 1, 10**9),
            per_page=self.integer("per_page", default, 1, maximum),
            format=self.choice("format", FORMATS),
        )

    def service_filters(self, terms: TermIndex) -> ServiceFilters:
        filters = ServiceFilters(
            search=self.text("search"),
            term=self.term("taxonomy_term_id", terms),
            taxonomy=self.taxonomy("taxonomy_id"),
            organisation_id=self.identifier("organization_id"),
            minimum_age=self.number("minimum_age", 0, MAX_AGE, "an age in years"),
            maximum_age=self.number("maximum_age", 0, MAX_AGE, "an age in years"),
            day=self.day("day"),
            start_time=self.time("start_time"),
            end_time=self.time("end_time"),
            modified_after=self.moment("modified_after"),
            near=self.proximity(),
            unmatched=self.unmatched,
        )
        if filters.start_time and filters.end_time and filters.end_time <= filters.start_time:
            self.errors["end_time"] = "The end time must be after the start time."
        return filters

    def proximity(self) -> Proximity | None:
        metres = self.number("proximity", 1, MAX_PROXIMITY_METRES, "a distance in metres")
        value = self.text("postcode")
        if not value:
            if metres is not None:
                self.errors["proximity"] = "Give a postcode to measure the distance from."
            return None
        try:
            postcode = normalise_postcode(value, allow_outward=True)
        except InvalidPostcode as error:
            self.errors["postcode"] = str(error)
            return None
        place = geocode_postcode(postcode)
        if place is None:
            self.errors["postcode"] = f"We could not find where {postcode} is."
            return None
        return Proximity(place.latitude, place.longitude, metres or DEFAULT_PROXIMITY_METRES)

    def term_filters(self, terms: TermIndex) -> TermFilters:
        return TermFilters(
            search=self.text("search"),
            taxonomy=self.taxonomy("taxonomy_id"),
            parent=self.term("parent_id", terms),
            top_only=self.boolean("top_only"),
            unmatched=self.unmatched,
        )
