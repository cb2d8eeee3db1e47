"""Open Referral UK v1 records in the shape of v3 ``service_full``, so one reader takes both.

Councils' directories still publish ORUK v1 (HSDS 2 names): ``regular_schedules``,
``service_taxonomys``, ``eligibilitys``, ``fundings``, locations with ``physical_addresses``
and ``accessibility_for_disabilities``, ``fees`` as text, an organisation's ``url``. The version
is told from the record itself (``version_of``); a v1 record is rewritten with the v3 names
(``as_v3``), keeping everything it had, and ``v1_path`` turns a v3 JSON path back into the
record's own, so every message points at what the publisher wrote.

v1's delivery fields are kept where the catalogue has a place: ``attending_type`` ("Venue",
"Online", "Phone", "Home visit") says how the service is delivered, ``attending_access``
("Drop-in", "Self referral", "Appointment") that families can get in touch directly.
"""

from __future__ import annotations

import re
from typing import Any, Literal

JSON = dict[str, Any]
Version = Literal["1", "3"]

# Keys only v1 has, at the service or its locations.
_V1_KEYS = {
    "regular_schedules",
    "holiday_schedules",
    "service_taxonomys",
    "eligibilitys",
    "fundings",
    "reviews",
    "accreditations",
    "attending_type",
    "attending_access",
    "deliverable_type",
}
_V3_KEYS = {"attributes", "schedules", "fees_description", "eligibility_description"}


def version_of(record: JSON) -> Version:
    keys = set(record)
    if keys & _V3_KEYS:
        return "3"
    if keys & _V1_KEYS:
        return "1"
    for link in record.get("service_at_locations") or []:
        place = link.get("location") if isinstance(link, dict) else None
        if isinstance(place, dict) and (
            "physical_addresses" in place or "accessibility_for_disabilities" in place
        ):
            return "1"
    return "3"


# (v3 path pattern, v1 replacement), most specific first.
_PATHS = [
    (r"^\$\.schedules\[", "$.regular_schedules["),
    (r"^\$\.attributes\[(\d+|\*)\]\.taxonomy_term", r"$.service_taxonomys[\1].taxonomy"),
    (r"^\$\.attributes\[", "$.service_taxonomys["),
    (r"^\$\.funding\[(\d+|\*)\]", r"$.fundings[\1]"),
    (r"^\$\.fees_description", "$.fees"),
    (r"^\$\.eligibility_description", "$.eligibilitys"),
    (r"^\$\.organization\.website", "$.organization.url"),
    (r"^\$\.languages\[(\d+|\*)\]\.name", r"$.languages[\1].language"),
    (r"\.location\.addresses\[", ".location.physical_addresses["),
    (
        r"\.location\.accessibility\[(\d+|\*)\]\.description",
        r".location.accessibility_for_disabilities[\1].accessibility",
    ),
    (r"\.location\.accessibility\[", ".location.accessibility_for_disabilities["),
    (r"\.location\.schedules\[", ".regular_schedules["),
]


def v1_path(path: str) -> str:
    for pattern, replacement in _PATHS:
        path = re.sub(pattern, replacement, path)
    return path


def as_v3(record: JSON) -> JSON:
    """A v1 record with v3's names; keys v3 has no name for are kept as they are."""
    out = dict(record)
    _rename(out, "regular_schedules", "schedules")
    _rename(out, "fundings", "funding")
    if "fees" in out:
        out["fees_description"] = out.pop("fees")
    if "service_taxonomys" in out:
        out["attributes"] = [_attribute(item) for item in _list(out.pop("service_taxonomys"))]
    if "eligibilitys" in out:
        _eligibility(out, _list(out.pop("eligibilitys")))
    out["languages"] = [_language(item) for item in _list(out.get("languages"))]
    out["service_areas"] = [_area(item) for item in _list(out.get("service_areas"))]
    out["service_at_locations"] = [_link(item) for item in _list(out.get("service_at_locations"))]
    if "service_at_locations" not in record:
        del out["service_at_locations"]
    for key in ("languages", "service_areas"):
        if key not in record:
            del out[key]
    organization = out.get("organization")
    if isinstance(organization, dict) and "url" in organization:
        organization = dict(organization)
        organization["website"] = organization.pop("url")
        out["organization"] = organization
    return out


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _rename(obj: JSON, old: str, new: str) -> None:
    if old in obj:
        obj[new] = obj.pop(old)


def _attribute(item: Any) -> Any:
    if not isinstance(item, dict) or not isinstance(item.get("taxonomy"), dict):
        return item
    taxonomy = item["taxonomy"]
    term = {
        "id": taxonomy.get("id"),
        "name": taxonomy.get("name"),
        "description": taxonomy.get("description") or "",
        "taxonomy": taxonomy.get("vocabulary") or "",
        **({"parent_id": taxonomy["parent"]} if taxonomy.get("parent") else {}),
    }
    return {"id": item.get("id"), "taxonomy_term_id": taxonomy.get("id"), "taxonomy_term": term}


def _eligibility(out: JSON, items: list[Any]) -> None:
    texts, minimums, maximums = [], [], []
    for item in items:
        if not isinstance(item, dict):
            continue
        if item.get("eligibility"):
            texts.append(str(item["eligibility"]))
        if isinstance(item.get("minimum_age"), int | float):
            minimums.append(item["minimum_age"])
        if isinstance(item.get("maximum_age"), int | float):
            maximums.append(item["maximum_age"])
    if texts:
        out["eligibility_description"] = "\n".join(texts)
    if minimums and "minimum_age" not in out:
        out["minimum_age"] = min(minimums)
    if maximums and "maximum_age" not in out:
        out["maximum_age"] = max(maximums)


def _language(item: Any) -> Any:
    if isinstance(item, dict) and "language" in item and "name" not in item:
        item = dict(item)
        item["name"] = item.pop("language")
    return item


def _area(item: Any) -> Any:
    if isinstance(item, dict) and "service_area" in item and "name" not in item:
        return {**item, "name": item["service_area"]}
    return item


def _link(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    link = dict(item)
    place = link.get("location")
    if isinstance(place, dict):
        place = dict(place)
        place.setdefault("location_type", "physical")
        if "physical_addresses" in place:
            place["addresses"] = [
                {**address, "address_type": "physical"} if isinstance(address, dict) else address
                for address in _list(place.pop("physical_addresses"))
            ]
        if "accessibility_for_disabilities" in place:
            place["accessibility"] = [
                {**item, "description": item.get("accessibility")}
                if isinstance(item, dict)
                else item
                for item in _list(place.pop("accessibility_for_disabilities"))
            ]
        link["location"] = place
    _rename(link, "regular_schedules", "schedules")
    return link


# attending_type -> the service's delivery fields; attending_access -> ways in.
ATTENDING_TYPES = {
    "venue": "in_person",
    "online": "online",
    "phone": "by_phone",
    "telephone": "by_phone",
    "home visit": "home_visits",
}
SELF_REFERRAL_ACCESS = {"drop-in", "drop in", "self referral", "self-referral", "appointment"}
