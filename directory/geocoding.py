"""Postcodes and geocoding through geopy.

The default geocoder is ``PostcodeTableGeocoder``: a geopy ``Geocoder`` that answers from the
local ``Postcode`` table, so the site needs no online service. An online geopy geocoder can be
configured instead (settings.GEOCODER); it is cached and time-limited, and its failure is reported
to the editor rather than blocking a save.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver
from django.utils.module_loading import import_string
from geopy.exc import GeopyError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location as GeopyLocation

from .models.postcodes import Postcode

logger = logging.getLogger(__name__)

_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_INWARD = r"[0-9][A-Z]{2}"
FULL_POSTCODE_RE = re.compile(rf"^({_OUTWARD})({_INWARD})$")
OUTWARD_CODE_RE = re.compile(rf"^{_OUTWARD}$")


class InvalidPostcode(ValueError):
    """Not a UK postcode or postcode district."""


def normalise_postcode(value: str, *, allow_outward: bool = False) -> str:
    """'sw1a1aa' -> 'SW1A 1AA'; with allow_outward, 'se13' -> 'SE13'. Raises InvalidPostcode."""
    compact = re.sub(r"\s+", "", str(value or "")).upper()
    if match := FULL_POSTCODE_RE.match(compact):
        return f"{match.group(1)} {match.group(2)}"
    if compact == "GIR0AA":
        return "GIR 0AA"
    if allow_outward and OUTWARD_CODE_RE.match(compact):
        return compact
    expected = "a UK postcode such as SE13 6LH" + (
        " or a district such as SE13" if allow_outward else ""
    )
    raise InvalidPostcode(f"'{str(value).strip()[:20]}' is not {expected}.")


def outward_code(postcode: str) -> str:
    """The district part of a normalised postcode: 'SE13 6LH' -> 'SE13'."""
    return postcode.split(" ", 1)[0]


@dataclass(frozen=True)
class GeocodeResult:
    latitude: float
    longitude: float
    precision: str  # "postcode" (the postcode's own centroid) or "district"


class PostcodeTableGeocoder(Geocoder):
    """A geopy geocoder over the local Postcode table.

    A full postcode resolves to its own centroid; an outward code alone (``SE13``) to the mean
    of its postcodes, the district centroid.
    """

    def __init__(self, **kwargs: Any) -> None:
        # No network is used, so geopy's adapter, scheme and rate settings do not apply.
        super().__init__(**kwargs)

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
    ) -> GeopyLocation | list[GeopyLocation] | None:

        try:
            postcode = normalise_postcode(query, allow_outward=True)
        except InvalidPostcode:
            return None
        full = " " in postcode
        # Most searches from a place ask this: SQL written by hand, as the ORM's compiling
        # cost more than the indexed read itself.
        with connection.cursor() as cursor:
            cursor.execute(_POSTCODE_SQL if full else _DISTRICT_SQL, [postcode])
            row = cursor.fetchone()
        if row is None or row[0] is None:  # a district's averages are NULL when it has none
            return None
        raw = {"postcode": postcode, "precision": "postcode" if full else "district"}
        location = GeopyLocation(postcode, (row[0], row[1]), raw)
        return location if exactly_one else [location]


_POSTCODE_SQL = f"SELECT latitude, longitude FROM {Postcode._meta.db_table} WHERE postcode = %s"
_DISTRICT_SQL = (
    f"SELECT AVG(latitude), AVG(longitude) FROM {Postcode._meta.db_table} WHERE outward = %s"
)


def _cache_seconds() -> int:
    config: dict[str, Any] = settings.GEOCODER
    return int(config.get("CACHE_SECONDS", 86400))


@lru_cache(maxsize=1)
def get_geocoder() -> Geocoder:
    """The configured geopy geocoder (settings.GEOCODER['BACKEND'] with its OPTIONS)."""
    config: dict[str, Any] = settings.GEOCODER
    geocoder_class = import_string(config["BACKEND"])
    options = dict(config.get("OPTIONS") or {})
    options.setdefault("timeout", config.get("TIMEOUT", 3))
    return geocoder_class(**options)


@receiver(setting_changed)
def _forget_geocoder(*, setting: str, **kwargs: Any) -> None:
    # Tests and override_settings change GEOCODER; the cached instance must follow.
    if setting == "GEOCODER":
        get_geocoder.cache_clear()


def _is_local(geocoder: Geocoder) -> bool:
    return isinstance(geocoder, PostcodeTableGeocoder)


def geocode_postcode(value: str) -> GeocodeResult | None:
    """Where a postcode or postcode district is, or None if it is unknown or the lookup failed.

    Never raises for an unknown postcode or a failing online geocoder: callers save the record
    and tell the editor instead.
    """
    try:
        postcode = normalise_postcode(value, allow_outward=True)
    except InvalidPostcode:
        return None
    try:
        geocoder = get_geocoder()
    except GeopyError as error:  # e.g. Nominatim configured without a user agent
        logger.error("The configured geocoder cannot start: %s", error)
        return None
    precision = "postcode" if " " in postcode else "district"
    if _is_local(geocoder):
        found = geocoder.geocode(postcode)
        return GeocodeResult(found.latitude, found.longitude, precision) if found else None

    key = "geocode:" + hashlib.sha1(f"{type(geocoder).__name__}:{postcode}".encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return GeocodeResult(*cached) if cached else None
    try:
        found = geocoder.geocode(f"{postcode}, United Kingdom", exactly_one=True)
    except GeopyError as error:
        logger.warning("Online geocoder failed for %s: %s", postcode, error)
        return None  # Not cached: the next save tries again.
    result = GeocodeResult(found.latitude, found.longitude, precision) if found else None
    cache.set(
        key,
        (result.latitude, result.longitude, result.precision) if result else (),
        _cache_seconds(),
    )
    return result
