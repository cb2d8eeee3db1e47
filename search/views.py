"""Public search: the HTML page and the JSON API. Views translate HTTP to calls and back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from directory.json_response import FastJsonResponse
from directory.menu import need_menu
from directory.models import Need
from directory.models.vocabularies import sensitive_needs

from .engines import Hit
from .filters import FILTERS_BY_NAME
from .guidance import guidance_for
from .models import IndexGeneration
from .pathways import build_pathway
from .presenters import (
    active_filters,
    facets_json,
    map_results,
    result_item,
    result_json,
    search_in_words,
)
from .query import (
    DEFAULT_RADIUS,
    MAX_Q_LENGTH,
    SearchQuery,
    SearchQueryError,
    parse_search_query,
)
from .runner import SearchOutcome, run_search, suggest
from .text_query import NEED

RADIUS_CHOICES = (1, 2, 3, 5, 10, 20)


class _CountedHits(Sequence):
    """The engine's one page of hits, standing in for the whole list so Paginator can count."""

    def __init__(self, hits: list[Hit], count: int) -> None:
        self.hits, self.total = hits, count

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: Any) -> Any:
        # Paginator only ever slices out the page the engine already fetched.
        return self.hits if isinstance(index, slice) else self.hits[index]


def _outcome_for_page(query: SearchQuery, *, api: bool) -> tuple[SearchOutcome, Any]:
    """Run the search; past the last page, show the last page instead of nothing."""
    outcome = run_search(query, api=api)
    paginator = Paginator(_CountedHits(outcome.results.hits, outcome.results.count), query.per_page)
    try:
        page = paginator.page(query.page)
    except EmptyPage:
        last = query.with_page(paginator.num_pages)
        outcome = run_search(last, log=False, api=api)
        paginator = Paginator(
            _CountedHits(outcome.results.hits, outcome.results.count), query.per_page
        )
        page = paginator.page(last.page)
    return outcome, page


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    # Reading the query (its vocabularies), the search and the guidance drawn from it all see
    # one generation of the index, read once.
    with IndexGeneration.pinned():
        try:
            query = parse_search_query(request.GET)
        except SearchQueryError as problem:
            return _render(request, SearchQuery(), errors=problem.errors)
        outcome, page = _outcome_for_page(query, api=False)
        response = _render(request, outcome.query, outcome=outcome, page=page)
    response["Server-Timing"] = server_timing(outcome)
    return response


def server_timing(outcome: SearchOutcome) -> str:
    """Where a search's time went, for browsers' developer tools and the benchmarks: the
    engine's own time over every try ("took" for Elasticsearch), the same tries as the site
    waited on them (with the requests' building, sending and reading), and the whole search."""
    return (
        f'engine;dur={outcome.engine_ms:.1f};desc="{outcome.engine}", '
        f'round-trip;dur={outcome.round_trip_ms:.1f};desc="the engine as the site waited on it", '
        f"search;dur={outcome.duration_ms}"
    )


def is_sensitive(outcome: SearchOutcome) -> bool:
    """Whether the search is about a sensitive need, chosen or named by its words: the page then
    offers "Exit this page", as the need's own pages do."""
    named = [
        found.term.slug for found in outcome.understood.reading.named if found.term.kind == NEED
    ]
    if not (named or outcome.query.need_ids):
        return False  # no query for words that name no need
    chosen = Q(pk__in=outcome.query.need_ids) | Q(slug__in=named)
    return sensitive_needs(Need.objects.filter(chosen)).exists()


def _render(
    request: HttpRequest,
    query: SearchQuery,
    *,
    outcome: SearchOutcome | None = None,
    page: Any = None,
    errors: dict[str, str] | None = None,
) -> HttpResponse:
    items = [result_item(hit) for hit in page.object_list] if page is not None else []
    facets = outcome.facets if outcome else []
    context = {
        "search": query,
        "outcome": outcome,
        "results": page,
        "items": items,
        # The API and old links still take filters the page does not offer (search.filters).
        "facets": [
            facet for facet in facets if facet.values and FILTERS_BY_NAME[facet.name].on_page
        ],
        "search_in_words": search_in_words(query),
        "sensitive": is_sensitive(outcome) if outcome else False,
        "active_filters": active_filters(query, facets) if outcome else [],
        "facet_choices": sum(value.selected for facet in facets for value in facet.values),
        "chosen_needs": [
            value.label
            for facet in facets
            if facet.name == "need"
            for value in facet.values
            if value.selected
        ],
        "guidance": guidance_for(outcome, request) if outcome else None,
        "errors": errors or {},
        # What the person typed, kept in the form even when it was wrong.
        "typed": {
            name: request.GET.get(name, "")[: MAX_Q_LENGTH + 50]
            for name in ("q", "postcode", "age", "radius")
        },
        # The radius in use is always offered, so submitting the form again keeps it.
        "radius_choices": sorted({*RADIUS_CHOICES, query.radius}),
        "default_radius": DEFAULT_RADIUS,
        "map_results": map_results(items),
        "map_origin": {
            "latitude": query.latitude,
            "longitude": query.longitude,
            "radius_miles": query.radius,
        }
        if query.has_location
        else None,
    }
    return TemplateResponse(request, "search/search.html", context, status=400 if errors else 200)


@require_GET
def search_api(request: HttpRequest) -> FastJsonResponse:
    """GET /api/search: the same search as JSON (DESIGN.md section 4)."""
    with IndexGeneration.pinned():  # as the page: the index's generation read once
        return _search_json(request)


def _search_json(request: HttpRequest) -> FastJsonResponse:
    try:
        query = parse_search_query(request.GET)
    except SearchQueryError as problem:
        return FastJsonResponse(
            {"error": "Some search parameters are not valid.", "errors": problem.errors},
            status=400,
        )
    outcome, page = _outcome_for_page(query, api=True)
    origin = request.build_absolute_uri("/").removesuffix("/")
    response = FastJsonResponse(
        {
            "count": outcome.results.count,
            "page": page.number,
            "num_pages": page.paginator.num_pages,
            "per_page": query.per_page,
            "results": [result_json(hit, origin) for hit in page.object_list],
            "facets": facets_json(outcome.facets),
            "engine": outcome.engine,
            "match": outcome.match,
            "corrected_q": outcome.corrected,
        }
    )
    response["Server-Timing"] = server_timing(outcome)
    return response


@require_GET
def suggest_api(request: HttpRequest) -> FastJsonResponse:
    """GET /api/search/suggest?q=: needs and services for as-you-type."""
    prefix = request.GET.get("q", "")
    if len(prefix) > MAX_Q_LENGTH:
        return FastJsonResponse(
            {"error": f"Type at most {MAX_Q_LENGTH} characters.", "errors": {"q": "Too long."}},
            status=400,
        )
    return FastJsonResponse(
        {
            "q": prefix,
            "suggestions": [
                {"label": s.label, "url": s.url, "type": s.kind} for s in suggest(prefix)
            ],
        }
    )


# Only the place and the age narrow a pathway; it always shows every level of its need.
PATHWAY_PARAMETERS = ("postcode", "lat", "lng", "radius", "age")


@require_GET
def pathway(request: HttpRequest, slug: str) -> HttpResponse:
    """GET /needs/<slug>/: the menu of support for one need, by level of need."""
    need = Need.objects.select_related("parent").filter(slug=slug).first()
    if need is None:
        return TemplateResponse(
            request,
            "search/pathway_missing.html",
            {"slug": slug[:60], "categories": need_menu()},
            status=404,
        )
    params = QueryDict(mutable=True)
    for name in PATHWAY_PARAMETERS:
        params.setlist(name, request.GET.getlist(name))
    params["need"] = need.slug
    context: dict[str, Any] = {
        "need": need,
        "children": need.children.order_by("sort_order", "name") if need.is_category else [],
        "typed": {name: request.GET.get(name, "")[:20] for name in PATHWAY_PARAMETERS},
        "radius_choices": RADIUS_CHOICES,
    }
    try:
        query = parse_search_query(params)
    except SearchQueryError as problem:
        context.update(errors=problem.errors, search=SearchQuery())
        return TemplateResponse(request, "search/pathway.html", context, status=400)
    built = build_pathway(need, query)
    context.update(
        pathway=built,
        search=built.query,
        errors={},
        radius_choices=sorted({*RADIUS_CHOICES, built.query.radius}),
        search_url=f"{reverse('search')}?{built.query.without('page').to_querystring()}",
    )
    return TemplateResponse(request, "search/pathway.html", context)


@require_GET
def needs_index(request: HttpRequest) -> HttpResponse:
    """GET /needs/: every need with services, by category: the way into the pathways."""
    return TemplateResponse(request, "search/needs.html", {"categories": need_menu()})
