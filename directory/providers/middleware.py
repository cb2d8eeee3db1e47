"""Admin URLs naming another organisation's service answer 404 to a provider.

Wagtail's page views check the permission tester, but many show the page (its title, status,
history or the error message naming it) before or instead of refusing; the explorer of a page,
the chooser opened at a page and the workflow actions do. Rather than patch each view, every
admin URL carrying a page id is checked here before its view runs, so a view Wagtail adds later
is covered too.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.defaults import page_not_found
from wagtail.models import AbstractPage

from .visibility import hidden_page_ids

# URL keyword arguments that always name a page in Wagtail's admin.
PAGE_ID_KWARGS = frozenset(
    {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
)
# URL namespaces where "pk" names a page.
PAGE_PK_NAMESPACES = frozenset({"wagtailadmin_pages", "wagtailadmin_api:pages"})


def page_ids_in_url(request: HttpRequest) -> list[Any]:
    match = request.resolver_match
    if match is None:  # before URL resolution: nothing named yet
        return []
    kwargs = match.kwargs
    ids = [value for name, value in kwargs.items() if name in PAGE_ID_KWARGS]
    if "pk" in kwargs and match.namespace in PAGE_PK_NAMESPACES:
        ids.append(kwargs["pk"])
    is_page_model = _is_page_model(kwargs.get("app_label"), kwargs.get("model_name"))
    if "object_id" in kwargs and is_page_model:
        ids.append(kwargs["object_id"])
    if match.url_name == "wagtail_bulk_action" and is_page_model:
        # A page bulk action's confirmation lists the pages its query string names.
        ids.extend(request.GET.getlist("id"))
    return ids


def _is_page_model(app_label: Any, model_name: Any) -> bool:
    if not (isinstance(app_label, str) and isinstance(model_name, str)):
        return False
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return False
    return issubclass(model, AbstractPage)


class HiddenPagesNotFoundMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if hidden_page_ids(request.user, page_ids_in_url(request)):
            return page_not_found(request, None, template_name="wagtailadmin/404.html")
        return None
