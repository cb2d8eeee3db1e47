"""Template tags for the maps (`{% load maps %}`): the search results map
(`search/_results_map.html`) and the small map of a service's locations on its page
(`directory/service_page.html`). They live with the catalogue, which both pages build on, so the
service page needs nothing from search.

Each map is an extra: its libraries come from npm (`make assets`) and may be missing, for
instance where npm was not installed. `{% static %}` raises for a missing file under the manifest
storage used in production, so the templates ask `map_assets_available` (or
`service_map_assets_available`) first and leave the map out when it says no.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static

register = template.Library()

# Every static file the partial links to or hands to the script.
MAP_ASSETS = (
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/images/marker-icon.png",
    "vendor/leaflet/images/marker-icon-2x.png",
    "vendor/leaflet/images/marker-shadow.png",
    "vendor/leaflet.markercluster/MarkerCluster.css",
    "vendor/leaflet.markercluster/MarkerCluster.Default.css",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "js/map-keyboard.js",
    "js/results-map.js",
)

# The service page's map: Leaflet without markercluster, and its own script.
SERVICE_MAP_ASSETS = (
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/images/marker-icon.png",
    "vendor/leaflet/images/marker-icon-2x.png",
    "vendor/leaflet/images/marker-shadow.png",
    "js/map-keyboard.js",
    "js/service-map.js",
)

# Answers kept per map: {"results": True, ...}.
_answers: dict[str, bool] = {}


def _asset_available(path: str) -> bool:
    if not (finders.find(path) or staticfiles_storage.exists(path)):
        return False
    try:
        static(path)  # the manifest storage raises ValueError for a file it has not collected
    except ValueError:
        return False
    return True


def _checked(name: str, paths: Iterable[str]) -> bool:
    """Whether every path can be served. Kept once per process; while DEBUG is on, a "no" is
    checked again on the next request so that `make assets` needs no restart."""
    if name not in _answers:
        answer = all(_asset_available(path) for path in paths)
        if answer or not settings.DEBUG:
            _answers[name] = answer
        return answer
    return _answers[name]


def assets_available() -> bool:
    """Whether every asset of the results map can be served."""
    return _checked("results", MAP_ASSETS)


def service_map_assets_available() -> bool:
    """Whether every asset of the service page's map can be served: the results map's answer
    (which covers Leaflet), then the service map's own files."""
    return assets_available() and _checked("service", SERVICE_MAP_ASSETS)


def clear_cache() -> None:
    _answers.clear()


@receiver(setting_changed)
def _forget_on_settings_change(*, setting: str, **kwargs: Any) -> None:
    if setting in {"STORAGES", "STATIC_URL", "STATIC_ROOT", "STATICFILES_DIRS", "DEBUG"}:
        clear_cache()


@register.simple_tag
def map_assets_available() -> bool:
    """`{% map_assets_available as ok %}`: whether the map's scripts and styles can be linked."""
    return assets_available()


@register.simple_tag
def map_tiles() -> dict[str, str]:
    """`{% map_tiles as tiles %}`: the tile server's URL template and attribution (HTML)."""
    return {
        "url": getattr(settings, "MAP_TILES_URL", ""),
        "attribution": getattr(settings, "MAP_TILES_ATTRIBUTION", ""),
    }


@register.filter
def has_map_locations(results: Iterable[Mapping[str, Any]] | None) -> bool:
    """Whether any result has a location with coordinates: no point loading a map otherwise."""
    for result in results or ():
        for location in result.get("locations") or ():
            if location.get("latitude") is not None and location.get("longitude") is not None:
                return True
    return False


# -- the service page's map --------------------------------------------------------------------


@register.simple_tag(name="service_map_assets_available")
def service_map_assets_tag() -> bool:
    """`{% service_map_assets_available as ok %}`: whether the service map can be linked."""
    return service_map_assets_available()


def _field(location: Any, name: str) -> Any:
    if isinstance(location, Mapping):
        return location.get(name)
    return getattr(location, name, None)


@register.filter
def service_map_places(locations: Iterable[Any] | None) -> list[dict[str, Any]]:
    """A service's locations that have coordinates, as the data for its map:
    `[{"name", "address": [lines], "latitude", "longitude", "approximate"}]`.

    Takes `ServiceLocation`s (or mappings with the same fields); `approximate` is true when the
    position came from the postcode district only. An empty list means no map.
    """
    places = []
    for location in locations or ():
        latitude, longitude = _field(location, "latitude"), _field(location, "longitude")
        if latitude is None or longitude is None:
            continue
        address = _field(location, "address_lines")
        if address is None:
            parts = ("address_1", "address_2", "city", "postcode")
            address = [line for line in (_field(location, part) for part in parts) if line]
        places.append(
            {
                "name": str(_field(location, "name") or ""),
                "address": [str(line) for line in address],
                "latitude": float(latitude),
                "longitude": float(longitude),
                "approximate": _field(location, "geocode_status") == "district",
            }
        )
    return places
