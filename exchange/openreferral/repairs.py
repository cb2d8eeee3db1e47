"""Common defects of real feeds, repaired before a record is checked against the standard.

Publishers' systems write absent values as ``""`` or ``null``, leave spaces (and non-breaking
spaces) around values, write web addresses without ``https://`` and e-mail addresses with
``mailto:`` or stray spaces, give numbers as strings, and leave ids off nested objects. Each
record is repaired on a copy:

- empty strings, ``null`` and blank text are absent (counted);
- spaces, non-breaking and zero-width spaces around text are trimmed (counted);
- web addresses without a scheme get ``https://`` (a warning names each);
- e-mail addresses lose ``mailto:`` and inner spaces (a warning names each);
- ages and coordinates given as strings become numbers;
- nested objects without an id get one derived from their place (so re-importing gives the
  same id); a service id that is not a UUID gets a UUID derived from it (a warning says which).

Then the record is checked against the ORUK ``service_full`` schema: a part that breaks it (a
contact, a location, a term) is dropped with a warning naming it, rather than the service
refused; only a service without a usable id, name or status is refused.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from directory.models.identifiers import derived_id

JSON = dict[str, Any]
SCHEMA_PATH = Path(__file__).parent / "schemas" / "service_full.json"

URL_KEYS = {"url", "website", "uri", "term_uri", "logo", "schedule_link"}
EMAIL_KEYS = {"email", "assurer_email"}
NUMBER_KEYS = {"minimum_age", "maximum_age", "latitude", "longitude", "amount"}
# Arrays whose items are objects with ids, at any depth.
ID_ARRAYS = {
    "schedules", "service_areas", "service_at_locations", "languages", "funding",
    "cost_options", "contacts", "attributes", "phones", "addresses", "accessibility",
    "organization_identifiers",
}  # fmt: skip
# Objects, at any depth, and the one field of items of ID_ARRAYS that publishers give as text.
OBJECT_KEYS = {"organization", "location", "taxonomy_term", "taxonomy_detail"}
TEXT_ITEMS = {"phones": "number", "languages": "name"}
# Required by the schema, but nothing we need: an absent one is as good as empty.
EMPTY_IF_ABSENT = {
    "organization": ("description",),
    "taxonomy_term": ("description",),
    "addresses": ("address_1", "city", "state_province", "postal_code", "country"),
}
ESSENTIAL = {"id", "name", "status"}
STATUSES = {"active", "inactive", "defunct", "temporarily closed"}

_DOMAIN = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#].*)?$", re.I)
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SPACE_CHARS = " \t\r\n\xa0\u200b\u200c\u200d\u2060\ufeff"


class Repairs:
    """What was repaired in one record: counted kinds, and warnings (path, message)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.warnings: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []

    def warn(self, path: str, message: str) -> None:
        self.warnings.append((path, message))


def repair(record: Any) -> tuple[JSON | None, Repairs]:
    """A repaired copy of ``record`` (None when it cannot be imported, with the errors)."""
    repairs = Repairs()
    if not isinstance(record, dict):
        repairs.errors.append(("$", "Not a service record (a JSON object)."))
        return None, repairs
    cleaned = _clean(record, "$", repairs, key="")
    if not isinstance(cleaned, dict):
        cleaned = {}
    _service_id(cleaned, repairs)
    if not isinstance(cleaned.get("name"), str) or not cleaned.get("name"):
        repairs.errors.append(("$.name", "No name (or a name of only spaces)."))
    status = cleaned.get("status")
    if status is None:
        cleaned["status"] = "active"
        repairs.warn("$.status", "No status given: taken as active.")
    elif isinstance(status, str) and status.lower() in STATUSES:
        cleaned["status"] = status.lower()
    elif isinstance(status, str):  # "closed", "live", "withdrawn"…: kept, but not published
        cleaned["status"] = "inactive"
        repairs.warn("$.status", f"'{status[:60]}' is not a status the standard has: taken as "
                     "inactive (not published).")  # fmt: skip
    if repairs.errors:
        return None, repairs
    _shape(cleaned, "$", repairs)
    _give_ids(cleaned, cleaned["id"], "$", repairs)
    _fill_required(cleaned)
    _drop_what_breaks_the_schema(cleaned, repairs)
    return (None if repairs.errors else cleaned), repairs


def _clean(value: Any, path: str, repairs: Repairs, key: str) -> Any:
    if isinstance(value, dict):
        out = {}
        for name, item in value.items():
            cleaned = _clean(item, f"{path}.{name}", repairs, key=name)
            if cleaned is not None:
                out[name] = cleaned
        return out
    if isinstance(value, list):
        items = [_clean(item, f"{path}[{n}]", repairs, key=key) for n, item in enumerate(value)]
        return [item for item in items if item is not None]
    if value is None:
        repairs.counts["empty values treated as absent"] += 1
        return None
    if not isinstance(value, str):
        return value
    text = value.strip(_SPACE_CHARS)
    if text != value and text:
        repairs.counts["values with spaces around them trimmed"] += 1
    if not text:
        repairs.counts["empty values treated as absent"] += 1
        return None
    if key in URL_KEYS:
        return _url(text, path, repairs)
    if key in EMAIL_KEYS:
        return _email(text, path, repairs)
    if key in NUMBER_KEYS:
        return _number(text, path, repairs)
    return text


def _shape(obj: JSON, path: str, repairs: Repairs) -> None:
    """Lists of objects and objects where the standard has them, at any depth (the schema does
    not reach every nested part, e.g. a contact's phones): one object given alone becomes a
    list of one, a phone or language given as text becomes an object, and anything else of the
    wrong shape is dropped with a warning."""
    for key in list(obj):
        value, where = obj[key], f"{path}.{key}"
        if key in ID_ARRAYS:
            if isinstance(value, dict):
                value = obj[key] = [value]
                repairs.counts["single objects given where a list belongs made lists"] += 1
            if not isinstance(value, list):
                del obj[key]
                repairs.warn(where, f"Not kept: a list was expected, not {_kind(value)}.")
                continue
            kept = []
            for number, item in enumerate(value):
                if isinstance(item, str | int | float) and key in TEXT_ITEMS:
                    item = {TEXT_ITEMS[key]: str(item)}
                    repairs.counts[f"{key} given as text made objects"] += 1
                if isinstance(item, dict):
                    _shape(item, f"{where}[{number}]", repairs)
                    kept.append(item)
                else:
                    repairs.warn(f"{where}[{number}]", f"Not kept: {_kind(item)}, not an object.")
            obj[key] = kept
        elif key in OBJECT_KEYS:
            if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
                value = obj[key] = value[0]
                repairs.counts["lists of one given where an object belongs unwrapped"] += 1
            if not isinstance(value, dict):
                del obj[key]
                repairs.warn(where, f"Not kept: an object was expected, not {_kind(value)}.")
                continue
            _shape(value, where, repairs)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"the value {str(value)[:40]!r}"


def _url(text: str, path: str, repairs: Repairs) -> str:
    if "://" not in text and _DOMAIN.match(text):
        repairs.warn(path, f"'{text}' has no https:// in front: added.")
        return f"https://{text}"
    return text


def _email(text: str, path: str, repairs: Repairs) -> str:
    fixed = re.sub(r"^mailto:", "", text, flags=re.I)
    fixed = "".join(fixed.split())
    if fixed != text:
        repairs.warn(path, f"'{text}' read as '{fixed}'.")
    return fixed


def _number(text: str, path: str, repairs: Repairs) -> Any:
    try:
        number = float(text)
    except ValueError:
        return text  # the schema check names it
    repairs.counts["numbers given as text read as numbers"] += 1
    return int(number) if number.is_integer() and "." not in text else number


def _service_id(record: JSON, repairs: Repairs) -> None:
    given = record.get("id")
    if isinstance(given, int) and not isinstance(given, bool):
        given = str(given)
    if not isinstance(given, str) or not given:
        repairs.errors.append(("$.id", "No id: a service needs one to be matched next time."))
        return
    try:
        record["id"] = str(uuid.UUID(given))
    except ValueError:
        record["id"] = derived_id("feed-service", given)
        repairs.warn("$.id", f"'{given}' is not a UUID: the service's id is {record['id']}.")


def _give_ids(obj: Any, owner: str, path: str, repairs: Repairs | None = None) -> None:
    """Every object in an id array gets an id, derived from its owner's and its place; every
    nested id that is not a UUID (the standard's ids are) gets a UUID made from it."""
    if not isinstance(obj, dict):
        return
    for key, value in obj.items():
        if key.endswith("_id") and isinstance(value, str | int) and value != "":
            obj[key] = _as_uuid(str(value), repairs)
        if isinstance(value, list) and key in ID_ARRAYS:
            for number, item in enumerate(value):
                if isinstance(item, dict):
                    given = item.get("id")
                    if not isinstance(given, str | int) or given == "":
                        item["id"] = derived_id(owner, key, str(number))
                    else:
                        item["id"] = _as_uuid(str(given), repairs)
                    _give_ids(item, item["id"], f"{path}.{key}[{number}]", repairs)
        elif isinstance(value, dict):
            if key in ("organization", "location", "taxonomy_term") and value.get("id"):
                value["id"] = _as_uuid(str(value["id"]), repairs)
            _give_ids(value, str(value.get("id") or owner), f"{path}.{key}", repairs)


def _as_uuid(given: str, repairs: Repairs | None) -> str:
    if _CANONICAL_UUID.fullmatch(given):  # (as str(uuid.UUID(given)) would write it; most are)
        return given
    try:
        return str(uuid.UUID(given))
    except ValueError:
        if repairs is not None:
            repairs.counts["ids that were not UUIDs given UUIDs made from them"] += 1
        return derived_id("feed-id", given)


def _fill_required(obj: Any, key: str = "") -> None:
    if isinstance(obj, list):
        for item in obj:
            _fill_required(item, key)
        return
    if not isinstance(obj, dict):
        return
    for name in EMPTY_IF_ABSENT.get(key, ()):
        obj.setdefault(name, "")
    if key == "addresses":
        obj.setdefault("address_type", "physical")
    for name, value in obj.items():
        if isinstance(value, dict | list):
            _fill_required(value, name)


@cache
def _validator() -> jsonschema_rs.Draft202012Validator:
    # jsonschema-rs (Rust): about a hundred times faster than the pure-Python jsonschema, which
    # took a third of an import's time.
    schema = json.loads(SCHEMA_PATH.read_text())
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def _drop_what_breaks_the_schema(record: JSON, repairs: Repairs) -> None:
    for _ in range(20):  # each pass drops the parts the last one found
        errors = list(_validator().iter_errors(record))
        if not errors:
            return
        cuts: dict[tuple, str] = {}
        for error in errors:
            where = list(error.instance_path)
            if not where or (len(where) == 1 and where[0] in ESSENTIAL):
                repairs.errors.append((_path(where), _plain(error.message)))
                continue
            cut = tuple(_part(where))
            detail = _path(where[len(cut) :])[1:].lstrip(".")
            cuts.setdefault(cut, f"Not kept: {detail or 'it'}: {_plain(error.message)}")
        if repairs.errors:
            return
        # Outermost first, and later list items before earlier ones, so positions hold.
        kept = [cut for cut in cuts if not any(cut[: len(o)] == o for o in cuts if o != cut)]
        for cut in sorted(kept, key=_sort_key, reverse=True):
            _remove(record, list(cut))
            repairs.warn(_path(list(cut)), cuts[cut])
    repairs.errors.append(("$", "The record still breaks the standard after repairs."))


def _path(where: list[Any]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where)


def _sort_key(cut: tuple) -> tuple:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in cut)


def _part(where: list[Any]) -> list[Any]:
    """The smallest thing to drop for an error at ``where``: the innermost list item holding
    it, or else the top-level field."""
    for position in range(len(where) - 1, -1, -1):
        if isinstance(where[position], int):
            return where[: position + 1]
    return where[:1]


def _remove(record: JSON, where: list[Any]) -> None:
    parent: Any = record
    for step in where[:-1]:
        parent = parent[step]
    del parent[where[-1]]


def _plain(message: str) -> str:
    """jsonschema's message, shortened where it quotes a whole object."""
    return message if len(message) <= 200 else message[:197] + "…"
