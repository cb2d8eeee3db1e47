"""Public search. Until the full search issue lands: words only, live services, database engine."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from directory.models import ServicePage

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    error = ""
    results = ServicePage.objects.none()
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Please search with fewer words (at most {MAX_QUERY_LENGTH} characters)."
    elif query:
        results = ServicePage.objects.live().public().select_related("organisation").search(query)
    paginator = Paginator(results, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(1)
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": page, "error": error},
        status=400 if error else 200,
    )
