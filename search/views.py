"""Public search page (HTML). Views translate HTTP to calls and back."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from .basic import BasicQuery, SearchInputError, parse_query, run_basic_search

PAGE_SIZE = 20


def search(request: HttpRequest) -> HttpResponse:
    error = ""
    try:
        query = parse_query(request.GET)
    except SearchInputError as problem:
        error, query = str(problem), BasicQuery()
    results = run_basic_search(query)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query.q,
            "search": query,
            "searched": not query.is_empty,
            "results": page,
            "error": error,
        },
        status=400 if error else 200,
    )
