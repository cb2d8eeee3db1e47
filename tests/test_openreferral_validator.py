"""The checks the official Open Referral UK validator runs, run here on the demo borough.

As the validator does (tpximpact/oruk-validator, OpenApiValidationService): every path of the
profile's OpenAPI document (tests/data/oruk/openapi.json), plus the two HSDS 3.0 paths it leaves
out (/organizations and /organizations/{id}); each list at page 1, its middle page
(total_pages / 2, when there are more than 2) and its last page; up to 10 ids per ``{id}`` path,
taken from its list; every answer checked against the schema the document gives for it, with
formats checked (uuid, email, uri and date-time: jsonschema checks the last two only with
rfc3986-validator and rfc3339-validator installed, which the first test proves).
"""

from __future__ import annotations

import json
import math
import random
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.oruk_schemas import FORMATS, PROFILE_URL, REGISTRY, SCHEMA_DIR

pytestmark = pytest.mark.django_db

API = "/api/openreferral"
DOCUMENT = json.loads((SCHEMA_DIR / "openapi.json").read_text())
# The HSDS 3.0 document's organisation paths, with the profile's compiled schemas.
HSDS_ONLY_PATHS = {
    "/organizations": {
        "get": {
            "parameters": [{"$ref": "#/components/parameters/page"}],
            "responses": {
                "200": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "properties": {
                                    "contents": {
                                        "type": "array",
                                        "items": {
                                            "$ref": PROFILE_URL + "compiled/organization_list.json"
                                        },
                                    }
                                },
                                "allOf": [{"$ref": "#/components/schemas/Page"}],
                            }
                        }
                    }
                }
            },
        }
    },
    "/organizations/{id}": {
        "get": {
            "responses": {
                "200": {
                    "content": {
                        "application/json": {
                            "schema": {"$ref": PROFILE_URL + "compiled/organization.json"}
                        }
                    }
                }
            }
        }
    },
}
PATHS = {**DOCUMENT["paths"], **HSDS_ONLY_PATHS}
IDS_PER_PATH = 10


def _response_schema(path: str) -> dict[str, Any]:
    schema = PATHS[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    # The document's own references (#/components/...) resolve against the document.
    return json.loads(json.dumps(schema).replace('"#/components/', '"openapi.json#/components/'))


def _check(client, url: str, path: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    body = response.json()
    validator = Draft202012Validator(
        _response_schema(path), registry=REGISTRY, format_checker=FORMATS
    )
    errors = sorted(validator.iter_errors(body), key=lambda error: error.json_path)
    assert not errors, (url, [f"{e.json_path}: {e.message}" for e in errors[:5]])
    return body


def _is_list(path: str) -> bool:
    parameters = PATHS[path]["get"].get("parameters", [])
    return any(p.get("name") == "page" or p.get("$ref", "").endswith("/page") for p in parameters)


def test_formats_are_really_checked() -> None:
    for value, format_name in [
        ("2025-01-01", "date-time"),
        ("yesterday", "date-time"),
        ("www.example.co.uk", "uri"),
        ("not a uuid", "uuid"),
        ("no-at-sign", "email"),
    ]:
        assert not FORMATS.conforms(value, format_name), (value, format_name)
    assert FORMATS.conforms("2025-01-01T09:00:00+00:00", "date-time")
    assert FORMATS.conforms("https://www.example.co.uk/x", "uri")


def test_every_list_at_its_first_middle_and_last_page(client, demo, settings) -> None:
    settings.OPENREFERRAL_RATE_LIMIT = 0
    lists = [path for path in PATHS if _is_list(path)]
    assert set(lists) >= {"/services", "/service_at_locations", "/organizations", "/taxonomies"}
    for path in lists:
        first = _check(client, f"{API}{path}?page=1", path)
        assert first["total_items"] > 0, path
        pages = first["total_pages"]
        assert pages == math.ceil(first["total_items"] / first["size"]), path
        wanted = {1, pages}
        if pages > 2:
            wanted.add(pages // 2)
        for number in sorted(wanted - {1}):
            body = _check(client, f"{API}{path}?page={number}", path)
            assert body["page_number"] == number
            assert body["size"] == len(body["contents"]) > 0
            assert body["first_page"] is False
            assert body["last_page"] is (number == pages)


def test_up_to_ten_ids_of_every_id_path(client, demo, settings) -> None:
    settings.OPENREFERRAL_RATE_LIMIT = 0
    chooser = random.Random(17)
    by_id = [path for path in PATHS if path.endswith("/{id}")]
    assert set(by_id) >= {"/services/{id}", "/service_at_locations/{id}", "/organizations/{id}"}
    for path in by_id:
        listed = client.get(f"{API}{path.removesuffix('/{id}')}?per_page=1000").json()
        ids = [item["id"] for item in listed["contents"]]
        assert ids, path
        for item_id in chooser.sample(ids, min(IDS_PER_PATH, len(ids))):
            body = _check(client, f"{API}{path.replace('{id}', item_id)}", path)
            assert body["id"] == item_id
