"""The read API's endpoints: plain Django views returning JSON.

Every response, errors included, is JSON with ``Access-Control-Allow-Origin: *``, so any
directory or app can read it from a browser. Only GET, HEAD and OPTIONS are allowed.
"""

from __future__ import annotations

import functools
import math
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from .openapi import openapi_document
from .paging import paged
from .parameters import (
    LOCATION_FILTERS,
    PAGING,
    SERVICE_FILTERS,
    TERM_FILTERS,
    ParameterError,
    Parameters,
)
from .queries import filter_services, live_services, locations_near, published_organisations
from .records import organisation_rows, records, service_rows
from .serialisers import (
    location,
    organization,
    service_at_location,
    service_full,
    service_summary,
)
from .taxonomies import TAXONOMIES, TAXONOMIES_BY_ID, TermIndex

VERSION = "3.0"
PROFILE_URL = "https://openreferral.org/uk-profile/"
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
RATE_WINDOW_SECONDS = 60


class NotFound(Exception):
    pass


def _json(body: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(
        body, status=status, safe=False, json_dumps_params={"separators": (",", ":")}
    )


def _error(status: int, message: str, **extra: Any) -> JsonResponse:
    return _json({"status": status, "message": message, **extra}, status=status)


def _client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client says unless a trusted proxy
    # rewrites it, and a limit keyed on it could be dodged by changing the header.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _rate_limited(request: HttpRequest) -> int | None:
    """Seconds to wait when this client has used up the current minute's requests."""
    limit = settings.OPENREFERRAL_RATE_LIMIT
    if not limit:
        return None
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    key = f"openreferral-rate:{_client_ip(request)}:{window}"
    cache.add(key, 0, RATE_WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS + 5)
        count = 1
    if count > limit:
        return max(1, math.ceil((window + 1) * RATE_WINDOW_SECONDS - now))
    return None


def _with_cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response["Access-Control-Expose-Headers"] = "Retry-After"
    return response


def api_endpoint(view: Callable[..., Any]) -> Callable[..., HttpResponse]:
    """Method check, rate limit, CORS, and JSON errors for bad parameters and unknown ids."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            response = _error(405, "This API is read-only: use GET.")
            response["Allow"] = ", ".join(ALLOWED_METHODS)
        elif request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Max-Age"] = "86400"
        elif (wait := _rate_limited(request)) is not None:
            response = _error(429, f"Too many requests: try again in {wait} seconds.")
            response["Retry-After"] = str(wait)
        else:
            try:
                response = _json(view(request, *args, **kwargs))
            except ParameterError as error:
                response = _error(400, "Bad query parameters.", errors=error.errors)
            except NotFound as error:
                response = _error(404, str(error) or "Not found.")
        return _with_cors(response)

    return wrapped


def _valid_uuid(value: str) -> str:
    """The id in canonical form, or NotFound: a non-UUID id can never match."""
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise NotFound(f"No object has the id '{value[:64]}': ids are UUIDs.") from error


# -- endpoints ------------------------------------------------------------------------------


@api_endpoint
def index(request: HttpRequest) -> dict[str, Any]:
    Parameters(request.GET, ()).done()
    return {
        "version": VERSION,
        "profile": PROFILE_URL,
        "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
    }


@api_endpoint
def openapi(request: HttpRequest) -> dict[str, Any]:
    Parameters(request.GET, ()).done()
    return openapi_document(request.build_absolute_uri(reverse("openreferral:index")))


@api_endpoint
def services(request: HttpRequest) -> dict[str, Any]:
    params = Parameters(request.GET, (*PAGING, *SERVICE_FILTERS))
    terms = TermIndex()
    paging = params.paging()
    filters = params.service_filters(terms)
    params.done()
    found = service_rows(filter_services(live_services(), filters, terms))
    return paged(found, paging, lambda rows: [service_full(r) for r in records(rows, terms)])


@api_endpoint
def service(request: HttpRequest, id: str) -> dict[str, Any]:
    Parameters(request.GET, ()).done()
    found = service_rows(live_services().filter(oruk_id=_valid_uuid(id)))
    if not found:
        raise NotFound(f"No published service has the id {id}.")
    return service_full(records(found, TermIndex())[0])


@api_endpoint
def service_at_locations(request: HttpRequest) -> dict[str, Any]:
    params = Parameters(request.GET, (*PAGING, *SERVICE_FILTERS, *LOCATION_FILTERS))
    terms = TermIndex()
    paging = params.paging()
    filters = params.service_filters(terms)
    near = params.proximity()
    params.done()
    from ..models import ServiceLocation

    # The services' ids first, as a list: locations IN (services IN (search entries ...)) as
    # one statement leaves PostgreSQL's planner room for nested loops that take minutes.
    shown = list(filter_services(live_services(), filters, terms).values_list("pk", flat=True))
    places = ServiceLocation.objects.filter(page_id__in=shown)
    if near:
        listed: Any = [place for place, _ in locations_near(places, near)]
    else:
        listed = places.order_by("page__title", "page_id", "sort_order", "pk")

    def render(chunk: list) -> list[dict[str, Any]]:
        services = live_services().filter(pk__in={place.page_id for place in chunk})
        by_pk = {record.service.pk: record for record in records(service_rows(services))}
        return [
            service_at_location(by_pk[place.page_id].service, location(place))
            | {"service": service_summary(by_pk[place.page_id])}
            for place in chunk
        ]

    return paged(listed, paging, render)


@api_endpoint
def organizations(request: HttpRequest) -> dict[str, Any]:
    params = Parameters(request.GET, PAGING)
    paging = params.paging()
    params.done()
    found = organisation_rows(published_organisations())
    return paged(found, paging, lambda page: [organization(o) for o in page])


@api_endpoint
def taxonomies(request: HttpRequest) -> dict[str, Any]:
    params = Parameters(request.GET, PAGING)
    paging = params.paging()
    params.done()
    return paged(list(TAXONOMIES), paging, lambda page: [t.as_oruk() for t in page])


@api_endpoint
def taxonomy(request: HttpRequest, id: str) -> dict[str, Any]:
    Parameters(request.GET, ()).done()
    found = TAXONOMIES_BY_ID.get(_valid_uuid(id))
    if found is None:
        raise NotFound(f"No taxonomy has the id {id}.")
    terms = TermIndex()
    return found.as_oruk() | {
        "taxonomy_terms": [term.as_oruk() for term in terms.terms if term.taxonomy == found]
    }


@api_endpoint
def taxonomy_terms(request: HttpRequest) -> dict[str, Any]:
    params = Parameters(request.GET, (*PAGING, *TERM_FILTERS))
    terms = TermIndex()
    paging = params.paging()
    filters = params.term_filters(terms)
    params.done()
    chosen = [
        term
        for term in terms.terms
        if (filters.taxonomy is None or term.taxonomy == filters.taxonomy)
        and (filters.parent is None or term.parent_id == filters.parent.id)
        and (not filters.top_only or term.parent_id is None)
    ]
    return paged(chosen, paging, lambda page: [term.as_oruk() for term in page])


@api_endpoint
def taxonomy_term(request: HttpRequest, id: str) -> dict[str, Any]:
    Parameters(request.GET, ()).done()
    term = TermIndex().by_id.get(_valid_uuid(id))
    if term is None:
        raise NotFound(f"No taxonomy term has the id {id}.")
    return term.as_oruk()


@api_endpoint
def not_found(request: HttpRequest, path: str = "") -> dict[str, Any]:
    raise NotFound("No such endpoint: see the OpenAPI document at /api/openreferral/openapi.json.")
