"""The read API's endpoints: plain Django views returning JSON.

Every response, errors included, is JSON with ``Access-Control-Allow-Origin: *``, so any
directory or app can read it from a browser. Only GET, HEAD and OPTIONS are allowed. Lists are
paged JSON, or with ``format=ndjson`` every item, one JSON object a line, streamed. What each
request costs its client, and which need a shared slot, is ``throttling``'s business.
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from directory.client_address import client_address
from directory.json_response import FastJsonResponse, dumps
from directory.models import ServiceLocation, ServicePage

from . import throttling
from .openapi import openapi_document
from .paging import collection_paused, paged
from .parameters import (
    ENDPOINTS,
    MAX_MINIMAL_PER_PAGE,
    Paging,
    ParameterError,
    Parameters,
    ServiceFilters,
)
from .queries import (
    Link,
    filter_services,
    find_service_at_location,
    listed_by_name,
    published_organisations,
    service_location_links,
)
from .records import LOCATION_FIELDS, ServiceRecord, organisation_rows, records, service_rows
from .serialisers import (
    location,
    organization_full,
    service_at_location_full,
    service_at_location_listed,
    service_full,
    service_minimal,
    service_summary,
    virtual_location,
    without_organization,
)
from .serialisers import organization as organization_object
from .taxonomies import TAXONOMIES, TAXONOMIES_BY_ID, TermIndex

JSON = dict[str, Any]
VERSION = "3.0"
PROFILE_URL = "https://openreferral.org/uk-profile/"
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
NDJSON_CHUNK = 500


class NotFound(Exception):
    pass


@dataclasses.dataclass
class Listing:
    """A list endpoint's answer before it is built: every item the filters matched (a queryset
    or a list, in order), how to render a chunk of them, and what each rendered item costs."""

    items: QuerySet | Sequence[Any]
    paging: Paging
    render: Callable[[list[Any]], list[JSON]]
    cost: throttling.Cost
    # Units a render spent beyond its items' cost (services nested in organisations).
    spent: int = 0


@dataclasses.dataclass
class Answer:
    """One object, and the units it cost beyond the request itself."""

    body: JSON
    units: int = 0


def _json(body: Any, status: int = 200) -> FastJsonResponse:
    return FastJsonResponse(body, status=status, safe=False)


def _error(status: int, message: str, **extra: Any) -> FastJsonResponse:
    return _json({"status": status, "message": message, **extra}, status=status)


def _with_cors(response: HttpResponseBase) -> HttpResponseBase:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response["Access-Control-Expose-Headers"] = "Retry-After"
    return response


def _page(listing: Listing, client: str) -> HttpResponse:
    with throttling.costly_slot(listing.cost.of(listing.paging.per_page)):
        body = paged(listing.items, listing.paging, listing.render)
    throttling.charge(client, listing.cost.of(body["size"]) + listing.spent)
    return _json(body)


def _stream(listing: Listing, client: str) -> HttpResponseBase:
    """Every item as a line of JSON. The slot is held, and the cost charged chunk by chunk,
    until the last line is sent (or the client goes away)."""
    items = list(listing.items)
    held = ExitStack()
    held.enter_context(throttling.costly_slot(listing.cost.of(len(items))))

    def lines() -> Iterator[bytes]:
        with held:
            for start in range(0, len(items), NDJSON_CHUNK):
                listing.spent = 0
                with collection_paused():
                    chunk = listing.render(items[start : start + NDJSON_CHUNK])
                throttling.charge(client, listing.cost.of(len(chunk)) + listing.spent)
                yield b"".join(dumps(item) + b"\n" for item in chunk)

    return StreamingHttpResponse(lines(), content_type="application/x-ndjson")


def _respond(result: Listing | Answer | JSON, client: str) -> HttpResponseBase:
    if isinstance(result, Listing):
        return (
            _stream(result, client) if result.paging.format == "ndjson" else _page(result, client)
        )
    if isinstance(result, Answer):
        throttling.charge(client, result.units)
        return _json(result.body)
    return _json(result)


def api_endpoint(view: Callable[..., Any]) -> Callable[..., HttpResponseBase]:
    """Method check, rate limit, CORS, and JSON errors for bad parameters, unknown ids and a
    busy server. The view gets the request's parameters, checked against what it accepts."""
    accepted = ENDPOINTS.get(view.__name__, ())

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        client = client_address(request)
        response: HttpResponseBase
        if request.method not in ALLOWED_METHODS:
            response = _error(405, "This API is read-only: use GET.")
            response["Allow"] = ", ".join(ALLOWED_METHODS)
        elif request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Max-Age"] = "86400"
        elif (wait := throttling.wait_seconds(client)) is not None:
            response = _error(
                429,
                f"Too many requests, or too large ones: try again in {wait} seconds.",
            )
            response["Retry-After"] = str(wait)
        else:
            throttling.charge(client, throttling.REQUEST_COST)
            try:
                response = _respond(
                    view(request, Parameters(request.GET, accepted), **kwargs), client
                )
            except ParameterError as error:
                response = _error(400, "Bad query parameters.", errors=error.errors)
            except NotFound as error:
                response = _error(404, str(error) or "Not found.")
            except throttling.Busy as busy:
                response = _error(
                    503,
                    "The API is busy with other large requests: try again in "
                    f"{busy.retry_after} seconds, or ask for smaller pages.",
                )
                response["Retry-After"] = str(busy.retry_after)
        return _with_cors(response)

    return wrapped


def _valid_uuid(value: str) -> str:
    """The id in canonical form, or NotFound: a non-UUID id can never match."""
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise NotFound(f"No object has the id '{value[:64]}': ids are UUIDs.") from error


def _service_records(pks: Sequence[int], terms: TermIndex | None) -> list[ServiceRecord]:
    """Records for the services with these pks, in this order (nested when given terms)."""
    rows = service_rows(ServicePage.objects.filter(pk__in=pks).order_by())
    found = {record.service.pk: record for record in records(list(rows), terms, nested=bool(terms))}
    return [found[pk] for pk in pks if pk in found]


# -- endpoints ------------------------------------------------------------------------------


@api_endpoint
def index(request: HttpRequest, params: Parameters) -> JSON:
    params.done()
    return {
        "version": VERSION,
        "profile": PROFILE_URL,
        "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
    }


@api_endpoint
def openapi(request: HttpRequest, params: Parameters) -> JSON:
    params.done()
    return openapi_document(request.build_absolute_uri(reverse("openreferral:index")))


@api_endpoint
def services(request: HttpRequest, params: Parameters) -> Listing:
    terms = TermIndex()
    minimal = params.boolean("minimal")
    full = params.boolean("full", default=True)
    paging = params.paging(*((MAX_MINIMAL_PER_PAGE,) * 2 if minimal else ()))
    filters = params.service_filters(terms)
    params.done()
    found = filter_services(listed_by_name(), filters, terms)
    if minimal:
        columns = ("oruk_id", "title", "status", "last_published_at")
        return Listing(
            found.values_list(*columns, named=True),
            paging,
            lambda rows: [service_minimal(row) for row in rows],
            throttling.MINIMAL_SERVICE,
        )
    if full:
        return Listing(
            found.values_list("pk", flat=True),
            paging,
            lambda pks: [service_full(record) for record in _service_records(pks, terms)],
            throttling.FULL_SERVICE,
        )
    return Listing(
        found.values_list("pk", flat=True),
        paging,
        lambda pks: [service_summary(record) for record in _service_records(pks, None)],
        throttling.SERVICE,
    )


@api_endpoint
def service(request: HttpRequest, params: Parameters, id: str) -> JSON:
    params.done()
    pks = list(listed_by_name().filter(oruk_id=_valid_uuid(id)).values_list("pk", flat=True))
    if not pks:
        raise NotFound(f"No published service has the id {id}.")
    return service_full(_service_records(pks, TermIndex())[0])


def _links_rendered(links: Sequence[Link], terms: TermIndex | None) -> list[JSON]:
    """service_at_location objects for these links: with the service's one-to-one fields, or
    fully nested when given terms."""
    service_pks = list(dict.fromkeys(pk for pk, _ in links))
    by_pk = {record.service.pk: record for record in _service_records(service_pks, terms)}
    places = ServiceLocation.objects.filter(pk__in=[place for _, place in links if place])
    rows = {row.pk: row for row in places.values_list(*LOCATION_FIELDS, named=True)}
    render = service_at_location_full if terms else service_at_location_listed
    rendered = []
    for service_pk, place_pk in links:
        record = by_pk[service_pk]
        place = location(rows[place_pk]) if place_pk else virtual_location(record.service)
        if place is not None:  # a link with no building is made only for an online service
            rendered.append(render(record, place))
    return rendered


@api_endpoint
def service_at_locations(request: HttpRequest, params: Parameters) -> Listing:
    terms = TermIndex()
    full = params.boolean("full")
    paging = params.paging()
    filters = params.service_filters(terms)
    params.done()
    shown = filter_services(listed_by_name(), dataclasses.replace(filters, near=None), terms)
    return Listing(
        service_location_links(shown, filters.near),
        paging,
        lambda links: _links_rendered(links, terms if full else None),
        throttling.FULL_SERVICE_AT_LOCATION if full else throttling.SERVICE_AT_LOCATION,
    )


@api_endpoint
def service_at_location(request: HttpRequest, params: Parameters, id: str) -> JSON:
    params.done()
    link = find_service_at_location(_valid_uuid(id))
    if link is None:
        raise NotFound(f"No published service_at_location has the id {id}.")
    return _links_rendered([link], TermIndex())[0]


def _organisations_rendered(
    orgs: Sequence[Any], full: bool, full_service: bool, listing: Listing | None = None
) -> list[JSON]:
    """Organisation objects; ``full``: with identifiers and their live services' one-to-one
    fields; ``full_service``: with their services fully nested. Nested services' cost is added
    to ``listing.spent``."""
    if not (full or full_service):
        return [organization_object(org) for org in orgs]
    services = listed_by_name().filter(organisation_id__in=[org.pk for org in orgs])
    found = _service_records(
        list(services.values_list("pk", flat=True)), TermIndex() if full_service else None
    )
    if listing is not None:
        cost = throttling.FULL_SERVICE if full_service else throttling.SERVICE
        listing.spent += cost.of(len(found))
    nested: dict[int, list[JSON]] = {org.pk: [] for org in orgs}
    for record in found:
        body = service_full(record) if full_service else service_summary(record)
        nested[record.service.organisation_id].append(without_organization(body))
    return [organization_full(org, nested[org.pk]) for org in orgs]


@api_endpoint
def organizations(request: HttpRequest, params: Parameters) -> Listing:
    terms = TermIndex()
    full = params.boolean("full")
    full_service = params.boolean("full_service")
    paging = params.paging()
    search = params.text("search")
    running = ServiceFilters(
        term=params.term("taxonomy_term_id", terms),
        taxonomy=params.taxonomy("taxonomy_id"),
        unmatched=params.unmatched,
    )
    params.done()
    found = published_organisations(filter_services(listed_by_name(), running, terms), search)
    listing = Listing(
        organisation_rows(found),
        paging,
        lambda orgs: _organisations_rendered(orgs, full, full_service, listing),
        # Each organisation runs at least one service, nested with it when asked.
        throttling.FULL_SERVICE if full_service else throttling.ORGANISATION,
    )
    return listing


@api_endpoint
def organization(request: HttpRequest, params: Parameters, id: str) -> Answer:
    full_service = params.boolean("full_service")
    params.done()
    found = list(organisation_rows(published_organisations().filter(oruk_id=_valid_uuid(id))))
    if not found:
        raise NotFound(f"No organisation running a published service has the id {id}.")
    count = listed_by_name().filter(organisation_id=found[0].pk).count()
    cost = throttling.FULL_SERVICE if full_service else throttling.SERVICE
    with throttling.costly_slot(cost.of(count)), collection_paused():
        (body,) = _organisations_rendered(found, True, full_service)
    return Answer(body, cost.of(count))


@api_endpoint
def taxonomies(request: HttpRequest, params: Parameters) -> Listing:
    paging = params.paging()
    words = params.text("search").lower().split()
    params.done()
    chosen = [
        taxonomy
        for taxonomy in TAXONOMIES
        if all(word in f"{taxonomy.name} {taxonomy.description}".lower() for word in words)
    ]
    return Listing(chosen, paging, lambda page: [t.as_oruk() for t in page], throttling.TERM)


@api_endpoint
def taxonomy(request: HttpRequest, params: Parameters, id: str) -> JSON:
    params.done()
    found = TAXONOMIES_BY_ID.get(_valid_uuid(id))
    if found is None:
        raise NotFound(f"No taxonomy has the id {id}.")
    terms = TermIndex()
    return found.as_oruk() | {
        "taxonomy_terms": [term.as_oruk() for term in terms.terms if term.taxonomy == found]
    }


@api_endpoint
def taxonomy_terms(request: HttpRequest, params: Parameters) -> Listing:
    terms = TermIndex()
    paging = params.paging()
    filters = params.term_filters(terms)
    params.done()
    words = filters.search.lower().split()
    chosen = [
        term
        for term in terms.terms
        if not filters.unmatched
        and (filters.taxonomy is None or term.taxonomy == filters.taxonomy)
        and (filters.parent is None or term.parent_id == filters.parent.id)
        and (not filters.top_only or term.parent_id is None)
        and all(word in f"{term.name} {term.description}".lower() for word in words)
    ]
    return Listing(chosen, paging, lambda page: [term.as_oruk() for term in page], throttling.TERM)


@api_endpoint
def taxonomy_term(request: HttpRequest, params: Parameters, id: str) -> JSON:
    params.done()
    term = TermIndex().by_id.get(_valid_uuid(id))
    if term is None:
        raise NotFound(f"No taxonomy term has the id {id}.")
    return term.as_oruk()


@api_endpoint
def not_found(request: HttpRequest, params: Parameters, path: str = "") -> JSON:
    raise NotFound("No such endpoint: see the OpenAPI document at /api/openreferral/openapi.json.")
