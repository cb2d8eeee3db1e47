"""The OpenAPI document this API conforms to.

It follows the Open Referral UK profile's own document (v3.0, schema/openapi.json) path for
path, with the object schemas referenced from the profile's published copies, and changes only
what is true of this API: our server, the parameters each endpoint really accepts (with their
limits and meaning), the 400/404/405/429 answers, and the paths we serve.
"""

from __future__ import annotations

import copy
from typing import Any

from .parameters import (
    DEFAULT_PER_PAGE,
    DEFAULT_PROXIMITY_METRES,
    ENDPOINTS,
    FORMATS,
    MAX_MINIMAL_PER_PAGE,
    MAX_PER_PAGE,
    MAX_PROXIMITY_METRES,
)

SCHEMAS = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"

_PARAMETERS: dict[str, dict[str, Any]] = {
    "search": {
        "description": "Full text search of the name, summary, description, organisation and "
        "needs. Every word must match; word forms and the directory's synonyms count.",
        "schema": {"type": "string"},
    },
    "page": {
        "description": "Page number of paginated result, from 1. A page past the last is "
        "returned empty.",
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    },
    "per_page": {
        "description": f"Number of results requested in a single page: up to {MAX_PER_PAGE:,}; "
        f"with `minimal`, up to {MAX_MINIMAL_PER_PAGE:,}, and that many by default.",
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_MINIMAL_PER_PAGE,
            "default": DEFAULT_PER_PAGE,
        },
    },
    "format": {
        "description": "`json` (the default): pages in the envelope. `ndjson`: every result, "
        "one JSON object a line, streamed without pages (`page` and `per_page` are ignored).",
        "schema": {"type": "string", "enum": list(FORMATS), "default": FORMATS[0]},
    },
    "taxonomy_term_id": {
        "description": "Services with this taxonomy term. A need category also matches the "
        "needs under it. An id we do not have matches nothing.",
        "schema": {"type": "string", "format": "uuid"},
    },
    "taxonomy_id": {
        "description": "Services with any term of this taxonomy.",
        "schema": {"type": "string", "format": "uuid"},
    },
    "organization_id": {
        "description": "Services run by this organisation.",
        "schema": {"type": "string", "format": "uuid"},
    },
    "minimal": {
        "description": "Only each service's id, name, status and last_modified: enough to "
        "tell what changed since the last pull, all in one page by default.",
        "schema": {"type": "boolean", "default": False},
    },
    "full": {
        "description": "Services fully nested (the default), or only their one-to-one "
        "fields with `false`.",
        "schema": {"type": "boolean", "default": True},
    },
    "service_at_locations.full": {
        "description": "Each service_at_location with its service fully nested; by default "
        "only the service's one-to-one fields.",
        "schema": {"type": "boolean", "default": False},
    },
    "organizations.full": {
        "description": "Each organisation with its identifiers and its live services' "
        "one-to-one fields.",
        "schema": {"type": "boolean", "default": False},
    },
    "full_service": {
        "description": "The organisation's live services fully nested.",
        "schema": {"type": "boolean", "default": False},
    },
    "minimum_age": {
        "description": "Services with a minimum age of at least the specified value (a "
        "service without a minimum age counts as 0).",
        "schema": {"type": "number", "minimum": 0, "maximum": 120},
    },
    "maximum_age": {
        "description": "Services with a maximum age equal to or below the specified value "
        "(a service without a maximum age never matches).",
        "schema": {"type": "number", "minimum": 0, "maximum": 120},
    },
    "start_time": {
        "description": "Services with an opening that starts at or after this time (HH:MM or "
        "HH:MM:SS). With day or end_time, one opening must meet them all.",
        "schema": {"type": "string", "pattern": "^\\d{2}:\\d{2}(:\\d{2})?$"},
    },
    "end_time": {
        "description": "Services with an opening that ends at or before this time.",
        "schema": {"type": "string", "pattern": "^\\d{2}:\\d{2}(:\\d{2})?$"},
    },
    "day": {
        "description": "Services with an opening on this day: MO, TU, WE, TH, FR, SA or SU "
        "(or the day's English name).",
        "schema": {"type": "string"},
    },
    "modified_after": {
        "description": "Services published on or after this date-time (ISO 8601; a date "
        "alone means its midnight; without a zone, UK time).",
        "schema": {"type": "string", "format": "date-time"},
    },
    "postcode": {
        "description": "A UK postcode or postcode district: only locations within `proximity` "
        "metres of its centre, nearest first (on /services: services with such a location).",
        "schema": {"type": "string"},
    },
    "proximity": {
        "description": "Distance in metres from the postcode's centre (needs `postcode`).",
        "schema": {
            "type": "number",
            "minimum": 1,
            "maximum": MAX_PROXIMITY_METRES,
            "default": DEFAULT_PROXIMITY_METRES,
        },
    },
    "taxonomy_terms.taxonomy_id": {
        "description": "Terms of this taxonomy only.",
        "schema": {"type": "string", "format": "uuid"},
    },
    "organizations.search": {
        "description": "Organisations with every word in their name or description.",
        "schema": {"type": "string"},
    },
    "organizations.taxonomy_term_id": {
        "description": "Organisations running a live service with this taxonomy term.",
        "schema": {"type": "string", "format": "uuid"},
    },
    "organizations.taxonomy_id": {
        "description": "Organisations running a live service with any term of this taxonomy.",
        "schema": {"type": "string", "format": "uuid"},
    },
    "taxonomies.search": {
        "description": "Taxonomies with every word in their name or description.",
        "schema": {"type": "string"},
    },
    "taxonomy_terms.search": {
        "description": "Terms with every word in their name or description.",
        "schema": {"type": "string"},
    },
    "parent_id": {
        "description": "Terms whose parent is this term (the needs of a need category).",
        "schema": {"type": "string", "format": "uuid"},
    },
    "top_only": {
        "description": "Only terms without a parent.",
        "schema": {"type": "boolean", "default": False},
    },
}

_ERROR = {
    "type": "object",
    "required": ["status", "message"],
    "properties": {
        "status": {"type": "integer"},
        "message": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "What is wrong with each bad parameter, by parameter name.",
            "additionalProperties": {"type": "string"},
        },
    },
}


def _parameter(endpoint: str, name: str) -> dict[str, Any]:
    spec = copy.deepcopy(_PARAMETERS.get(f"{endpoint}.{name}") or _PARAMETERS[name])
    # An empty value means "not given" (as a blank HTML form field sends it): say so, or a
    # client reading the types would think ?page= is an error.
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        **spec,
    }


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _responses(
    schema: dict[str, Any], description: str, *, by_id: bool = False, listing: bool = False
) -> dict:
    content: dict[str, Any] = {"application/json": {"schema": schema}}
    if listing:
        content["application/x-ndjson"] = {
            "schema": {"type": "string", "description": "With format=ndjson: one item a line."}
        }
    responses = {
        "200": {"description": description, "content": content},
        "400": _error("Unknown or malformed query parameters."),
        "405": _error("Any method but GET, HEAD or OPTIONS."),
        "429": _error(
            "This address has used its share of the API for now (requests are weighed by "
            "what they return); see the Retry-After header."
        ),
    }
    if by_id:
        responses["404"] = _error("No object with this id (or the id is not a UUID).")
    if listing or by_id:
        responses["503"] = _error(
            "Too many large requests are being answered at once; see the Retry-After header."
        )
    return responses


def _page_of(items_ref: str) -> dict[str, Any]:
    return {
        "allOf": [{"$ref": "#/components/schemas/Page"}],
        "properties": {"contents": {"type": "array", "items": {"$ref": items_ref}}},
    }


def _operation(
    endpoint: str, operation_id: str, summary: str, schema: dict, **kw: Any
) -> dict[str, Any]:
    """The GET operation of the view named ``endpoint``, with the parameters it accepts."""
    parameters = ENDPOINTS[endpoint]
    return {
        "get": {
            "summary": summary,
            "description": summary,
            "operationId": operation_id,
            "parameters": [_parameter(endpoint, name) for name in parameters],
            "responses": _responses(schema, summary, listing="page" in parameters, **kw),
        }
    }


def _id_parameter(what: str) -> list[dict[str, Any]]:
    return [
        {
            "in": "path",
            "name": "id",
            "required": True,
            "description": f"The id of the {what}.",
            "schema": {"type": "string", "format": "uuid"},
        }
    ]


def openapi_document(server_url: str) -> dict[str, Any]:
    """The document, with ``server_url`` (this API's root) as its only server."""
    paths = {
        "/": _operation(
            "index",
            "getAPIMetaInformation",
            "Information about this API and its relationship with HSDS.",
            {
                "type": "object",
                "properties": {
                    "version": {"type": "string"},
                    "profile": {"type": "string", "format": "uri"},
                    "openapi_url": {"type": "string", "format": "uri"},
                },
            },
        ),
        "/services": _operation(
            "services",
            "getPaginatedListOfServices",
            "Paginated list of live services, by name, each fully nested unless asked not to.",
            _page_of(SCHEMAS + "compiled/service.json"),
        ),
        "/services/{id}": {
            "parameters": _id_parameter("service"),
            **_operation(
                "service",
                "getFullyNestedServiceById",
                "A fully nested live service.",
                {"$ref": SCHEMAS + "compiled/service.json"},
                by_id=True,
            ),
        },
        "/service_at_locations": _operation(
            "service_at_locations",
            "getPaginatedListOfServiceAtLocation",
            "Paginated list of the places live services are delivered (a service with no "
            "building that is delivered online has a virtual location), with the "
            "service's one-to-one fields; by service name, or nearest first with a postcode.",
            _page_of(SCHEMAS + "compiled/service_at_location_list.json"),
        ),
        "/service_at_locations/{id}": {
            "parameters": _id_parameter("service_at_location"),
            **_operation(
                "service_at_location",
                "getServiceAtLocationWithNestedDataById",
                "A service_at_location with its location and its service fully nested. It also "
                "carries the service's name and status, so it is valid as the service the UK "
                "profile's own document says this path returns.",
                {"$ref": SCHEMAS + "compiled/service_at_location.json"},
                by_id=True,
            ),
        },
        "/organizations": _operation(
            "organizations",
            "getPaginatedListOfOrganizations",
            "Paginated list of organisations running live services, by name.",
            _page_of(SCHEMAS + "compiled/organization_list.json"),
        ),
        "/organizations/{id}": {
            "parameters": _id_parameter("organization"),
            **_operation(
                "organization",
                "getOrganizationById",
                "An organisation running live services, with its identifiers and its live "
                "services (their one-to-one fields, or fully nested with full_service).",
                {"$ref": SCHEMAS + "compiled/organization.json"},
                by_id=True,
            ),
        },
        "/taxonomies": _operation(
            "taxonomies",
            "getPaginatedListOfTaxonomies",
            "Paginated list of taxonomies: Level of need, Need, Age band, Circumstance.",
            _page_of(SCHEMAS + "taxonomy.json"),
        ),
        "/taxonomies/{id}": {
            "parameters": _id_parameter("taxonomy"),
            **_operation(
                "taxonomy",
                "getTaxonomyById",
                "A taxonomy with all its terms.",
                {"$ref": SCHEMAS + "taxonomy.json"},
                by_id=True,
            ),
        },
        "/taxonomy_terms": _operation(
            "taxonomy_terms",
            "getPaginatedListOfTaxonomyTerms",
            "Paginated list of taxonomy terms; a parent always comes before its children.",
            _page_of(SCHEMAS + "taxonomy_term.json"),
        ),
        "/taxonomy_terms/{id}": {
            "parameters": _id_parameter("taxonomy term"),
            **_operation(
                "taxonomy_term",
                "getTaxonomyTermById",
                "A taxonomy term.",
                {"$ref": SCHEMAS + "taxonomy_term.json"},
                by_id=True,
            ),
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Open Referral UK Profile",
            "version": "3.0",
            "description": "Open Referral UK Profile for Version 3: this directory's live "
            "services, read-only. Every response carries Access-Control-Allow-Origin: *.",
            "license": {
                "name": "Creative Commons Attribution Share-Alike 4.0 license",
                "url": "https://creativecommons.org/licenses/by/4.0/",
            },
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": paths,
        "components": {"schemas": {"Page": copy.deepcopy(PAGE), "Error": copy.deepcopy(_ERROR)}},
    }


PAGE: dict[str, Any] = {
    "type": "object",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer", "description": "The total number of entities."},
        "total_pages": {"type": "integer", "description": "Count of total pages."},
        "page_number": {"type": "integer", "description": "The number of the current page."},
        "size": {"type": "integer", "description": "The number of entities in this page."},
        "first_page": {"type": "boolean", "description": "Whether this is the first page."},
        "last_page": {"type": "boolean", "description": "Whether this is the last page."},
        "empty": {"type": "boolean", "description": "Whether this page has no entities."},
    },
}
