"""The one public search query: parsed and validated from GET parameters.

Both engines (database and Elasticsearch), the HTML page and the JSON API consume the
``SearchQuery`` made here, so every rule about what a parameter means lives in this module.

Decisions worth knowing:

* Bad input never raises anything but ``SearchQueryError``, which carries every problem at once
  as ``{param: message}`` so the page can show an error summary and the API a 400.
* Blank values count as absent: HTML forms submit empty fields.
* A postcode wins over ``lat``/``lng``: the postcode is what the person typed, while the
  coordinates come from a "use my location" button and may linger in hidden fields. When a
  postcode is given, ``lat``/``lng`` are ignored entirely, not even validated.
* ``radius`` is validated whenever given but only kept with a location; without one it is the
  default, so equal searches compare (and cache) equal.
* The default sort follows the query (nearest first for a place without words, else relevance,
  where distance is a factor),
  and a sort equal to that default is not written back into links. So ``sort=relevance`` given
  explicitly is the same query as leaving it out.
* Unknown parameters (``utm_source`` and friends) are ignored.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.http import QueryDict

from directory.geocoding import (
    InvalidPostcode,
    geocode_postcode,
    normalise_postcode,
    outward_code,
)
from directory.opening_hours import WeekMoment, week_moment

from .area import is_outside
from .filters import FILTERS, FILTERS_BY_ATTRIBUTE, FILTERS_BY_NAME, YES, Kind, SearchFilter
from .intent import has_search_words
from .stored_terms import stored_terms

MAX_Q_LENGTH = 200
DEFAULT_RADIUS = 3.0
MAX_RADIUS = 50.0
MIN_AGE, MAX_AGE = 0, 120
MAX_PAGE = 1000
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# More than every term in a vocabulary: bounds the work a crafted URL can cause.
MAX_CHOICES = 100
# Anything longer than this cannot be a number we accept; checked before converting.
MAX_NUMBER_LENGTH = 32

# The UK, generously: Scilly to Shetland, Northern Ireland to Lowestoft.
UK_LATITUDE = (49.0, 61.0)
UK_LONGITUDE = (-9.0, 2.5)
# A metre: GPS is no better, and rounding lets near-identical locations share a cache entry.
COORDINATE_DECIMALS = 5
# About a kilometre: the most the anonymous search log may know about where someone is.
LOG_COORDINATE_DECIMALS = 2

SORTS = ("relevance", "distance", "name")
TRUE_VALUES = frozenset({"true", "1", "on", "yes"})
# Slugs as Django's SlugField allows them; anything else cannot be a term.
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")

# Full postcodes a person typed into the words box, for scrubbing from the log.
_POSTCODE_IN_TEXT_RE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
# A full postcode among the words, taken as the place when no place was given.
_FULL_POSTCODE_IN_WORDS_RE = re.compile(
    r"\b([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})\b", re.IGNORECASE
)
# A district alone after a place word ("groups near SE6"), or last and inside the area served.
_DISTRICT_AFTER_PLACE_WORD_RE = re.compile(
    r"\b(?:in|near|around|nearby)\s+([A-Z]{1,2}[0-9][A-Z0-9]?)\b", re.IGNORECASE
)
_DISTRICT_LAST_RE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*$", re.IGNORECASE)
_PLACES_IN_WORDS = (_FULL_POSTCODE_IN_WORDS_RE, _DISTRICT_AFTER_PLACE_WORD_RE, _DISTRICT_LAST_RE)


class SearchQueryError(ValueError):
    """Input the person can fix. ``errors`` maps each parameter to a plain-English message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


@dataclass(frozen=True)
class SearchQuery:
    """A validated public search. Build it with ``parse_search_query``.

    Repeatable selections are sorted, de-duplicated tuples, so equal searches compare equal
    whatever order their parameters came in.
    """

    q: str = ""
    # Normalised full postcode ("SE13 6LH") or district ("SE13"); empty when lat/lng were given.
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    radius: float = DEFAULT_RADIUS
    # Every filter's choices but the age, as (parameter, sorted values) in the order of
    # search.filters.FILTERS, only those with a choice; yes/no filters hold ("true",). Read
    # them by attribute (``query.levels``, ``query.free``) or with ``chosen(name)``.
    selections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Every need id the chosen needs select (a category brings its needs).
    need_ids: frozenset[int] = frozenset()
    age: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    # slug -> ids it selects, so removing one need needs no database query. Derived from
    # ``needs``, so it takes no part in equality.
    need_expansion: tuple[tuple[str, frozenset[int]], ...] = field(
        default=(), compare=False, repr=False
    )
    # "district" when the full postcode is not known and its district's centre was used.
    postcode_precision: str = field(default="", compare=False)
    # A real-looking postcode we cannot place, even by its district: not in the area served,
    # so only services available wherever you are match (search.area).
    place_unknown: bool = False
    # When "open now" and "open today" are judged: set once per search (``at_moment``), so
    # every engine and every try of one search agree. Not a parameter.
    moment: WeekMoment | None = field(default=None, compare=False, repr=False)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def origin(self) -> tuple[float, float] | None:
        """(latitude, longitude) for geopy, or None."""
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    def __getattr__(self, name: str) -> Any:
        """A filter's choices by its attribute: a tuple, or True/None for a yes/no filter."""
        search_filter = FILTERS_BY_ATTRIBUTE.get(name)
        if search_filter is None or search_filter.kind is Kind.AGE:
            raise AttributeError(name)
        values = self.chosen(search_filter.name)
        if search_filter.kind is Kind.YES_NO:
            return True if values else None
        return values

    def chosen(self, name: str) -> tuple[str, ...]:
        """The values chosen for the filter with parameter ``name`` (yes/no: ("true",))."""
        for selected, values in self.selections:
            if selected == name:
                return values
        return ()

    @property
    def has_filters(self) -> bool:
        return bool(self.selections) or self.age is not None

    @property
    def is_empty(self) -> bool:
        """Nothing asked for yet: no words, place or filter (sort and page do not count)."""
        return not (self.q or self.has_location or self.place_unknown or self.has_filters)

    @property
    def default_sort(self) -> str:
        return _default_sort(self.q, self.has_location)

    def to_params(self) -> QueryDict:
        """Canonical GET parameters for links; ``parse_search_query(q.to_params()) == q``.

        Defaults are left out so links stay short and equal searches share one URL.
        """
        params = QueryDict(mutable=True)
        for name, values in self._param_items():
            params.setlist(name, values)
        params._mutable = False
        return params

    def to_querystring(self) -> str:
        """``to_params()`` url-encoded, without the leading '?'."""
        return self.to_params().urlencode()

    def without(self, name: str, value: str | None = None) -> SearchQuery:
        """This query with one selection removed, for "remove filter" links.

        ``name`` is a parameter name. For repeatable ones, ``value`` removes that one choice and
        None removes them all. Any of ``postcode``, ``lat``, ``lng`` or ``location`` removes the
        place (and with it the radius). The page goes back to 1, since the results change.
        """
        changes: dict[str, Any] = {"page": 1}
        search_filter = FILTERS_BY_NAME.get(name)
        if search_filter is not None and search_filter.kind is not Kind.AGE:
            changes["selections"] = tuple(
                (selected, kept)
                for selected, values in self.selections
                if (kept := values if selected != name else _less(values, value))
            )
            if name == "need":
                changes["need_expansion"] = tuple(
                    (slug, ids)
                    for slug, ids in self.need_expansion
                    if value is not None and slug != value
                )
                changes["need_ids"] = frozenset().union(
                    *(ids for _, ids in changes["need_expansion"])
                )
        elif name in {"postcode", "lat", "lng", "location"}:
            changes.update(postcode="", latitude=None, longitude=None, radius=DEFAULT_RADIUS)
        elif name == "sort":
            return replace(self, page=1, sort=self.default_sort)
        elif name in _SINGLE_DEFAULTS:
            changes[name] = _SINGLE_DEFAULTS[name]
        elif name != "page":
            raise ValueError(f"{name!r} is not a search parameter")
        changed = replace(self, **changes)
        # A sort that was only the default follows the new query's default; distance needs a place.
        if self.sort == self.default_sort or (
            changed.sort == "distance" and not changed.has_location
        ):
            changed = replace(changed, sort=changed.default_sort)
        return changed

    def at_moment(self) -> SearchQuery:
        """This query with its moment fixed: the one it has, else now in the council's time."""
        return self if self.moment is not None else replace(self, moment=week_moment())

    @property
    def opening_moment(self) -> WeekMoment:
        return self.moment if self.moment is not None else week_moment()

    def with_page(self, page: int) -> SearchQuery:
        """The same search on another page, for pagination links."""
        return replace(self, page=max(1, min(int(page), MAX_PAGE)))

    def cache_key(self) -> str:
        """A stable key for caching this page of results.

        Built from the resolved values (coordinates and need ids too), so a vocabulary edit
        that changes what a category covers gives a new key.
        """
        payload = json.dumps(
            {
                "params": self._param_items(),
                "latitude": self.latitude,
                "longitude": self.longitude,
                "need_ids": sorted(self.need_ids),
                # "Open now" changes by the minute.
                "moment": [self.opening_moment.minute, self.opening_moment.school_holiday]
                if any(self.chosen(f.name) for f in FILTERS if f.timed)
                else None,
            },
            sort_keys=True,
            separators=(",", ":"),
        )
        return "search-query:v1:" + hashlib.sha256(payload.encode()).hexdigest()

    def log_params(self) -> dict[str, Any]:
        """The parameters for the anonymous search log.

        A postcode is cut to its district and its centroid is not logged; coordinates from a
        device are rounded to about a kilometre; full postcodes typed into the words are cut to
        their district too.
        """
        logged: dict[str, Any] = {}
        for name, values in self._param_items():
            if name in {"postcode", "lat", "lng"}:
                continue
            repeatable = name in FILTERS_BY_NAME and FILTERS_BY_NAME[name].repeatable
            logged[name] = values if repeatable else values[0]
        if self.q:
            logged["q"] = _POSTCODE_IN_TEXT_RE.sub(lambda match: match.group(1).upper(), self.q)
        if self.postcode:
            logged["postcode"] = outward_code(self.postcode)
        elif (origin := self.origin) is not None:
            logged["lat"], logged["lng"] = (round(part, LOG_COORDINATE_DECIMALS) for part in origin)
        return logged

    def _param_items(self) -> list[tuple[str, list[str]]]:
        items: list[tuple[str, list[str]]] = []

        def add(name: str, values: Iterable[str]) -> None:
            values = list(values)
            if values:
                items.append((name, values))

        add("q", [self.q] if self.q else [])
        if self.postcode:
            add("postcode", [self.postcode])
        elif (origin := self.origin) is not None:
            add("lat", [_format_float(origin[0])])
            add("lng", [_format_float(origin[1])])
        if self.has_location and self.radius != DEFAULT_RADIUS:
            add("radius", [_format_float(self.radius)])
        for search_filter in FILTERS:
            if search_filter.kind is Kind.AGE:
                add("age", [str(self.age)] if self.age is not None else [])
            else:
                add(search_filter.name, self.chosen(search_filter.name))
        add("sort", [self.sort] if self.sort != self.default_sort else [])
        add("page", [str(self.page)] if self.page != 1 else [])
        add("per_page", [str(self.per_page)] if self.per_page != DEFAULT_PER_PAGE else [])
        return items


# Repeatable parameter -> SearchQuery attribute, in the order links list them.
_REPEATABLE = {
    "need": "needs",
    "level": "levels",
    "age_band": "age_bands",
    "circumstance": "circumstances",
    "delivery": "delivery",
    "access": "access",
    "day": "days",
    "open": "open",
    "language": "languages",
}
_SINGLE_DEFAULTS: dict[str, Any] = {
    "q": "",
    "radius": DEFAULT_RADIUS,
    "age": None,
    "per_page": DEFAULT_PER_PAGE,
}


def _less(values: tuple[str, ...], value: str | None) -> tuple[str, ...]:
    """``values`` without ``value``; None removes them all."""
    return () if value is None else tuple(v for v in values if v != value)


def _default_sort(q: str, has_location: bool) -> str:
    # Words ask "what answers this best": relevance, with distance as a factor. A place alone
    # (or words like "near me") asks "what is near": nearest first.
    return "distance" if has_location and not has_search_words(q) else "relevance"


def _format_float(value: float) -> str:
    # repr round-trips exactly; "3" reads better than "3.0" in a link.
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


class _Params:
    """Uniform access to a QueryDict or a plain mapping of str or list values."""

    def __init__(self, params: QueryDict | Mapping[str, Any]) -> None:
        self._params = params
        self._overrides: dict[str, list[str]] = {}

    def override(self, name: str, value: str) -> None:
        """Read ``value`` for ``name`` from now on, whatever was given."""
        self._overrides[name] = [value]

    def getlist(self, name: str) -> list[str]:
        """Every non-blank value, stripped."""
        if name in self._overrides:
            raw = self._overrides[name]
        elif hasattr(self._params, "getlist"):
            raw = self._params.getlist(name)
        else:
            value = self._params.get(name)
            if value is None:
                raw = []
            elif isinstance(value, list | tuple | set | frozenset):
                raw = list(value)
            else:
                raw = [value]
        values = [str(item).strip() for item in raw if item is not None]
        return [value for value in values if value]

    def get(self, name: str) -> str:
        """The last non-blank value (Django's rule for repeated single parameters), or ''."""
        values = self.getlist(name)
        return values[-1] if values else ""


def _clean_text(value: str) -> str:
    # Control characters (NUL above all) break PostgreSQL and mean nothing to a search.
    cleaned = "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)
    return " ".join(cleaned.split())


def _parse_float(value: str) -> float | None:
    if len(value) > MAX_NUMBER_LENGTH:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _parse_int(value: str) -> int | None:
    if len(value) > MAX_NUMBER_LENGTH:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _quote_list(values: Iterable[str]) -> str:
    shown = [f"'{value[:40]}'" for value in list(values)[:3]]
    return ", ".join(shown)


class _Parser:
    def __init__(self, params: QueryDict | Mapping[str, Any]) -> None:
        self.params = _Params(params)
        self.errors: dict[str, str] = {}
        self.values: dict[str, Any] = {}
        # Each filter's chosen values, by parameter.
        self.selections: dict[str, tuple[str, ...]] = {}

    def parse(self) -> SearchQuery:
        self._q()
        location_error = self._location()
        self._radius()
        for search_filter in FILTERS:
            self._filter(search_filter)
        self._sort(location_error)
        self._bounded_int("page", 1, MAX_PAGE, f"Enter a page number from 1 to {MAX_PAGE}.")
        self._bounded_int(
            "per_page",
            1,
            MAX_PER_PAGE,
            f"Choose how many results to show on a page, from 1 to {MAX_PER_PAGE}.",
        )
        if self.errors:
            raise SearchQueryError(self.errors)
        if self.values.get("latitude") is None:
            # The radius only means something around a place; keep equal searches equal.
            self.values["radius"] = DEFAULT_RADIUS
        selections = tuple(
            (f.name, self.selections[f.name]) for f in FILTERS if self.selections.get(f.name)
        )
        return SearchQuery(selections=selections, **self.values)

    def _filter(self, search_filter: SearchFilter) -> None:
        if search_filter.kind is Kind.NEED:
            self._needs()
        elif search_filter.kind is Kind.TERMS:
            self._vocabulary(search_filter)
        elif search_filter.kind is Kind.CHOICES:
            self._choices(search_filter)
        elif search_filter.kind is Kind.YES_NO:
            self._boolean(search_filter)
        else:
            self._age()

    def _q(self) -> None:
        q = _clean_text(self.params.get("q"))
        if not (self.params.get("postcode") or self.params.get("lat") or self.params.get("lng")):
            q = self._postcode_from_words(q)
        if len(q) > MAX_Q_LENGTH:
            self.errors["q"] = (
                f"Search with fewer words: at most {MAX_Q_LENGTH} characters, "
                f"and you entered {len(q)}."
            )
        else:
            self.values["q"] = q

    def _postcode_from_words(self, q: str) -> str:
        """A postcode typed among the words ("speech therapy SE13 6LH", "toddler groups near
        SE6") becomes the place, when it is one we know: the words keep the rest."""
        for pattern in _PLACES_IN_WORDS:
            match = pattern.search(q)
            if match is None or (found := geocode_postcode(match.group(1))) is None:
                continue
            if pattern is _DISTRICT_LAST_RE and is_outside(found.latitude, found.longitude, 0):
                continue  # "vitamin B12" in Lewisham: a word, not Birmingham
            self.params.override("postcode", match.group(1))
            return " ".join((q[: match.start()] + " " + q[match.end() :]).split())
        return q

    def _location(self) -> bool:
        """Resolve the place. Returns whether the place given was wrong."""
        raw_postcode = self.params.get("postcode")
        if raw_postcode:
            # A postcode wins over lat/lng (see the module docstring).
            try:
                postcode = normalise_postcode(raw_postcode, allow_outward=True)
            except InvalidPostcode:
                self.errors["postcode"] = (
                    f"'{_clean_text(raw_postcode)[:20]}' is not a postcode. Enter a postcode "
                    "such as SE13 6LH, or just the first part, such as SE13."
                )
                return True
            found = geocode_postcode(postcode)
            precision = found.precision if found else ""
            if found is None and " " in postcode:
                # A new or mistyped full postcode: its district still says roughly where.
                found = geocode_postcode(outward_code(postcode))
                precision = "district"
            if found is None:
                # Neither it nor its district is in the table, which holds at least the area
                # served: somewhere else. The page says so and offers what reaches everywhere.
                self.values.update(postcode=postcode, place_unknown=True)
                return False
            self.values.update(
                postcode=postcode,
                latitude=found.latitude,
                longitude=found.longitude,
                postcode_precision=precision,
            )
            return False

        raw_lat, raw_lng = self.params.get("lat"), self.params.get("lng")
        if not raw_lat and not raw_lng:
            return False
        failed = False
        coordinates: dict[str, float] = {}
        for name, raw, (low, high), other in (
            ("lat", raw_lat, UK_LATITUDE, "lng"),
            ("lng", raw_lng, UK_LONGITUDE, "lat"),
        ):
            if not raw:
                self.errors[name] = (
                    f"Give both a latitude and a longitude, or search by postcode instead. "
                    f"Only '{other}' was given."
                )
                failed = True
                continue
            number = _parse_float(raw)
            if number is None or not low <= number <= high:
                self.errors[name] = (
                    "That location is not in the UK. Search by postcode instead, such as SE13."
                    if number is not None
                    else "That location was not understood. Search by postcode instead, "
                    "such as SE13."
                )
                failed = True
                continue
            coordinates[name] = round(number, COORDINATE_DECIMALS)
        if not failed:
            self.values.update(latitude=coordinates["lat"], longitude=coordinates["lng"])
        return failed

    def _radius(self) -> None:
        raw = self.params.get("radius")
        if not raw:
            self.values["radius"] = DEFAULT_RADIUS
            return
        radius = _parse_float(raw.lower().removesuffix("miles").removesuffix("mi").strip())
        if radius is None or not 0 < radius <= MAX_RADIUS:
            self.errors["radius"] = (
                f"Choose a distance of up to {MAX_RADIUS:g} miles, such as 3 miles."
            )
        else:
            self.values["radius"] = radius

    def _slugs(self, name: str, label_plural: str) -> list[str] | None:
        """The distinct slugs given for ``name``, or None after recording an error."""
        slugs = sorted(set(self.params.getlist(name)))
        if len(slugs) > MAX_CHOICES:
            self.errors[name] = f"Choose fewer {label_plural}: at most {MAX_CHOICES}."
            return None
        return slugs

    def _unknown(self, name: str, unknown: list[str], singular: str, plural: str) -> None:
        if len(unknown) == 1:
            self.errors[name] = (
                f"We do not have {singular} called {_quote_list(unknown)}. Choose from the list."
            )
        else:
            self.errors[name] = (
                f"We do not have {plural} called {_quote_list(unknown)}. Choose from the list."
            )

    def _needs(self) -> None:
        slugs = self._slugs("need", "needs")
        if slugs is None:
            return
        # Only what could be a slug is looked up: anything else cannot exist.
        wanted = [slug for slug in slugs if SLUG_RE.match(slug)]
        expansion = stored_terms().need_expansion if wanted else {}
        unknown = [slug for slug in slugs if slug not in expansion]
        if unknown:
            self._unknown("need", unknown, "a need", "needs")
            return
        self.selections["need"] = tuple(slugs)
        self.values["need_expansion"] = tuple((slug, expansion[slug]) for slug in slugs)
        self.values["need_ids"] = frozenset().union(*(expansion[slug] for slug in slugs))

    def _vocabulary(self, search_filter: SearchFilter) -> None:
        name = search_filter.name
        slugs = self._slugs(name, search_filter.many)
        if slugs is None or search_filter.vocabulary is None:
            return
        wanted = [slug for slug in slugs if SLUG_RE.match(slug)]
        known = stored_terms().known(name, wanted) if wanted else set()
        unknown = [slug for slug in slugs if slug not in known]
        if unknown:
            self._unknown(name, unknown, search_filter.one, search_filter.many)
        else:
            self.selections[name] = tuple(slugs)

    def _choices(self, search_filter: SearchFilter) -> None:
        name = search_filter.name
        allowed = {value for value, _ in search_filter.allowed()}
        values = sorted({value.lower() for value in self.params.getlist(name)})
        unknown = [value for value in values if value not in allowed]
        if unknown:
            self.errors[name] = (
                f"We do not recognise {_quote_list(unknown)}. "
                f"Choose {search_filter.many} from the list."
            )
        else:
            self.selections[name] = tuple(values)

    def _age(self) -> None:
        raw = self.params.get("age")
        if not raw:
            return
        age = _parse_int(raw)
        if age is None:
            self.errors["age"] = "Enter an age in years, like 4."
        elif not MIN_AGE <= age <= MAX_AGE:
            self.errors["age"] = f"Enter an age in years between {MIN_AGE} and {MAX_AGE}, like 4."
        else:
            self.values["age"] = age

    def _boolean(self, search_filter: SearchFilter) -> None:
        name, tick = search_filter.name, search_filter.one
        raw = self.params.get(name)
        if not raw:
            return
        if raw.lower() in TRUE_VALUES:
            self.selections[name] = (YES,)
        else:
            self.errors[name] = (
                f"Tick '{tick}' to see only {tick.lower()} services, or leave it out."
            )

    def _sort(self, location_error: bool) -> None:
        raw = self.params.get("sort").lower()
        has_location = self.values.get("latitude") is not None
        if not raw:
            self.values["sort"] = _default_sort(self.values.get("q", ""), has_location)
        elif raw not in SORTS:
            self.errors["sort"] = "Sort by relevance, distance or name."
        elif raw == "distance" and self.values.get("place_unknown"):
            # Nothing has a distance from a place we cannot find; the page says why.
            self.values["sort"] = _default_sort(self.values.get("q", ""), has_location)
        elif raw == "distance" and not has_location:
            # A wrong postcode already has its own message; do not pile on.
            if not location_error:
                self.errors["sort"] = "Enter a postcode to sort by distance."
        else:
            self.values["sort"] = raw

    def _bounded_int(self, name: str, low: int, high: int, message: str) -> None:
        raw = self.params.get(name)
        if not raw:
            return
        number = _parse_int(raw)
        if number is None or not low <= number <= high:
            self.errors[name] = message
        else:
            self.values[name] = number


def parse_search_query(params: QueryDict | Mapping[str, Any]) -> SearchQuery:
    """Validate GET parameters into a SearchQuery.

    Raises SearchQueryError listing every problem found; never anything else for any input.
    The vocabularies come from memory (search.stored_terms, read once per index generation);
    a postcode is one query.
    """
    return _Parser(params).parse()
