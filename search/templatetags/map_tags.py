"""Template tags for the search results map (`search/_results_map.html`).

The map is an extra: its libraries come from npm (`make assets`) and may be missing, for instance
where npm was not installed. `{% static %}` raises for a missing file under the manifest storage
used in production, so the partial asks `map_assets_available` first and leaves the map out when
it says no.
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
    "js/results-map.js",
)

_available: bool | None = None


def _asset_available(path: str) -> bool:
    if not (finders.find(path) or staticfiles_storage.exists(path)):
        return False
    try:
        static(path)  # the manifest storage raises ValueError for a file it has not collected
    except ValueError:
        return False
    return True


def assets_available() -> bool:
    """Whether every map asset can be served. Checked once per process; while DEBUG is on, a
    "no" is checked again on the next request so that `make assets` needs no restart."""
    global _available
    if _available is None:
        answer = all(_asset_available(path) for path in MAP_ASSETS)
        if answer or not settings.DEBUG:
            _available = answer
        return answer
    return _available


def clear_cache() -> None:
    global _available
    _available = None


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
