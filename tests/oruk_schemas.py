"""The official Open Referral UK schemas in tests/data/oruk/, for checking the API's answers
offline, formats included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "data" / "oruk"
PROFILE_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
# jsonschema checks "uri" and "date-time" only with rfc3986-validator and rfc3339-validator
# installed (dev dependencies); the tests using this prove they are.
FORMATS = FormatChecker()


def _registry() -> Registry:
    """Every schema file, under its own file name (how the per-object files and the OpenAPI
    document's "openapi.json#/components/..." refer to each other) and under the profile's
    published address (how the OpenAPI document refers to them)."""
    resources = []
    for path in SCHEMA_DIR.rglob("*.json"):
        relative = path.relative_to(SCHEMA_DIR).as_posix()
        resource = Resource.from_contents(json.loads(path.read_text()), DRAFT202012)
        resources += [(relative, resource), (PROFILE_URL + relative, resource)]
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validator(name: str) -> Draft202012Validator:
    """A validator for one schema file (a path under SCHEMA_DIR), formats checked."""
    schema = json.loads((SCHEMA_DIR / name).read_text())
    return Draft202012Validator(schema, registry=REGISTRY, format_checker=FORMATS)


def assert_valid(instance: Any, schema_name: str) -> None:
    errors = sorted(validator(schema_name).iter_errors(instance), key=lambda e: e.json_path)
    assert not errors, "\n".join(f"{e.json_path}: {e.message}" for e in errors[:10])
