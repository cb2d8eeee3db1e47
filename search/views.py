"""Public search page (HTML). Views translate HTTP to calls and back."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from directory.models import Need

from .basic import run_basic_search
from .query import SearchQuery, SearchQueryError, parse_search_query


def search(request: HttpRequest) -> HttpResponse:
    errors: dict[str, str] = {}
    try:
        query = parse_search_query(request.GET)
    except SearchQueryError as problem:
        errors, query = problem.errors, SearchQuery()
    results = run_basic_search(query)
    page = Paginator(results, query.per_page).get_page(query.page)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query.q,
            "search": query,
            "chosen_needs": Need.objects.filter(slug__in=query.needs) if query.needs else [],
            "searched": not query.is_empty,
            "results": page,
            "errors": errors,
            "error": next(iter(errors.values()), ""),
        },
        status=400 if errors else 200,
    )
