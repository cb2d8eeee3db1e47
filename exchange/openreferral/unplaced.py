"""The fields of a record the catalogue has no place for, so an import can list them.

Each kind of object the standard nests in a service has the keys ``record_reader`` reads (or
that only link objects together, such as ``service_id``); any other key with a value is
reported, as a JSON path with list positions written ``[*]`` (``$.funding[*].source``), so the
import report can say how many records had it. An unknown object is reported whole.
"""

from __future__ import annotations

from typing import Any

# Keys that link objects or describe the record itself: nothing to keep.
_LINKS = {"id", "service_id", "location_id", "organization_id", "contact_id", "link_id",
          "link_type", "link_entity", "service_at_location_id", "phone_id", "program_id",
          "taxonomy_term_id", "last_modified", "metadata", "parent_organization_id"}  # fmt: skip

# What is read of each kind of object, by the key it hangs from.
_READ: dict[str, set[str]] = {
    "$": {"name", "status", "description", "url", "email", "alert", "minimum_age",
          "maximum_age", "assured_date", "eligibility_description", "application_process",
          "organization", "cost_options", "fees_description", "fees", "schedules", "languages",
          "service_areas", "service_at_locations", "contacts", "phones", "attributes",
          "attending_type", "attending_access"},
    "organization": {"name", "description", "email", "website", "phone", "phones",
                     "organization_identifiers"},
    "organization_identifiers": {"identifier_scheme", "identifier", "identifier_type"},
    "cost_options": {"option", "amount", "currency", "amount_description"},
    "schedules": {"freq", "byday", "opens_at", "closes_at", "description", "notes", "interval"},
    "languages": {"name", "code", "note"},
    "service_areas": {"name", "service_area", "description", "extent"},
    "service_at_locations": {"location", "phones", "contacts", "schedules"},
    "location": {"location_type", "name", "description", "transportation", "latitude",
                 "longitude", "addresses", "accessibility", "phones", "contacts", "schedules"},
    "addresses": {"address_1", "address_2", "city", "postal_code", "address_type",
                  "state_province", "country", "region"},
    "accessibility": {"description", "details", "accessibility"},
    "contacts": {"name", "title", "email", "phones"},
    "phones": {"number", "description", "type"},
    "attributes": {"taxonomy_term"},
    "taxonomy_term": {"name", "term", "description", "taxonomy", "taxonomy_id", "code",
                      "term_uri", "parent_id", "vocabulary", "taxonomy_detail"},
}  # fmt: skip


def unplaced(record: dict[str, Any]) -> set[str]:
    """The paths (list positions as ``[*]``) of values in ``record`` that nothing reads."""
    found: set[str] = set()
    _walk(record, "$", "$", found)
    return found


def _walk(obj: dict[str, Any], kind: str, path: str, found: set[str]) -> None:
    read = _READ[kind]
    for key, value in obj.items():
        if key in _LINKS or value in ("", None, [], {}):
            continue
        here = f"{path}.{key}"
        if key not in read:
            _leaves(value, here, found)
            continue
        if key in _READ:  # an object, or a list of them, of a kind we read
            items = value if isinstance(value, list) else [value]
            suffix = "[*]" if isinstance(value, list) else ""
            for item in items:
                if isinstance(item, dict):
                    _walk(item, key, here + suffix, found)


def _leaves(value: Any, path: str, found: set[str]) -> None:
    """Every value inside something nothing reads, by its own path."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _LINKS and item not in ("", None, [], {}):
                _leaves(item, f"{path}.{key}", found)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for item in value:
            _leaves(item, f"{path}[*]", found)
    else:
        found.add(path)
