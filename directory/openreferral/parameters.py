"""Query parameters: parsed and checked, with one plain message per bad parameter.

Every endpoint says which parameters it accepts; anything else is an error too, so a typo such
as ``?per_pge=10`` is reported instead of silently ignored. An empty value counts as not given.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from ..geocoding import InvalidPostcode, geocode_postcode, normalise_postcode
from .taxonomies import TAXONOMIES_BY_ID, Taxonomy, Term, TermIndex

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
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

PAGING = ("page", "per_page")
SERVICE_FILTERS = (
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "minimum_age",
    "maximum_age",
    "day",
    "start_time",
    "end_time",
    "modified_after",
)
LOCATION_FILTERS = ("postcode", "proximity")
TERM_FILTERS = ("taxonomy_id", "parent_id", "top_only")


class ParameterError(ValueError):
    """Bad query parameters: ``errors`` maps each parameter to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Paging:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE


@dataclass(frozen=True)
class ServiceFilters:
    search: str = ""
    term: Term | None = None
    taxonomy: Taxonomy | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    day: str | None = None  # our weekday value, "mo".."su"
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    modified_after: datetime.datetime | None = None


@dataclass(frozen=True)
class Proximity:
    latitude: float
    longitude: float
    metres: float


@dataclass(frozen=True)
class TermFilters:
    taxonomy: Taxonomy | None = None
    parent: Term | None = None
    top_only: bool = False


class Parameters:
    """Reads one request's parameters, collecting errors; ``done()`` raises them together."""

    def __init__(self, params: QueryDict, accepted: Iterable[str]) -> None:
        self.params = params
        self.errors: dict[str, str] = {}
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

    def boolean(self, name: str) -> bool:
        value = self.text(name).lower()
        if value in ("", "false", "0", "no"):
            return False
        if value in ("true", "1", "yes"):
            return True
        self.errors[name] = "Give true or false."
        return False

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
        value = self.text(name)
        if not value:
            return None
        term = terms.by_id.get(value.lower())
        if term is None:
            self.errors[name] = "No taxonomy term has this id; see /taxonomy_terms."
        return term

    def taxonomy(self, name: str) -> Taxonomy | None:
        value = self.text(name)
        if not value:
            return None
        taxonomy = TAXONOMIES_BY_ID.get(value.lower())
        if taxonomy is None:
            self.errors[name] = "No taxonomy has this id; see /taxonomies."
        return taxonomy

    # -- groups ---------------------------------------------------------------------------

    def paging(self) -> Paging:
        return Paging(
            page=self.integer("page", 1, 1, 10**9),
            per_page=self.integer("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        )

    def service_filters(self, terms: TermIndex) -> ServiceFilters:
        filters = ServiceFilters(
            search=self.text("search"),
            term=self.term("taxonomy_term_id", terms),
            taxonomy=self.taxonomy("taxonomy_id"),
            minimum_age=self.number("minimum_age", 0, MAX_AGE, "an age in years"),
            maximum_age=self.number("maximum_age", 0, MAX_AGE, "an age in years"),
            day=self.day("day"),
            start_time=self.time("start_time"),
            end_time=self.time("end_time"),
            modified_after=self.moment("modified_after"),
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
            taxonomy=self.taxonomy("taxonomy_id"),
            parent=self.term("parent_id", terms),
            top_only=self.boolean("top_only"),
        )
