"""Shortlist pages and actions. Every action is a form POST that works without JavaScript and
redirects back; ``static/js/shortlist.js`` sends the same POSTs asking for JSON instead."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ..models import ServicePage
from ..templatetags.directory_tags import display_url, site_name_for
from . import store
from .emails import EmailRateLimited, send_shortlist
from .handover import qr_code_data_uri, sms_link

ACTIONS = ("add", "remove", "up", "down", "clear")


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address to send the list to.",
            "invalid": "Enter an email address like name@example.com.",
        },
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _back(request: HttpRequest) -> str:
    """Where to go after an action: the page it came from, if it is ours."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("shortlist")


def _problem(request: HttpRequest, message: str, status: int) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return TemplateResponse(
        request, "directory/shortlist/problem.html", {"message": message}, status=status
    )


@require_POST
def change(request: HttpRequest, action: str) -> HttpResponse:
    """Add, remove, move up or down, or clear."""
    if action not in ACTIONS:
        return _problem(request, "That is not something a list can do.", 404)
    raw = request.POST.get("service", "")
    if action != "clear" and (not raw.isdigit() or len(raw) > 18):
        return _problem(request, "Choose a service to change your list.", 400)
    page_id = int(raw) if action != "clear" else 0  # clear names no service
    session = request.session
    message = ""
    if action == "add":
        try:
            if store.add(session, page_id):
                message = "Added to your list."
        except store.ShortlistFull as error:
            return _problem(request, str(error), 400)
        except ServicePage.DoesNotExist:
            return _problem(request, "That service is not in the directory any more.", 404)
    elif action == "remove":
        store.remove(session, page_id)
        message = "Removed from your list."
    elif action in ("up", "down"):
        store.move(session, page_id, -1 if action == "up" else 1)
    else:
        store.clear(session)
        message = "Your list is empty now."
    ids = store.shortlist_ids(session)
    if _wants_json(request):
        return JsonResponse(
            {"count": len(ids), "in_list": page_id in ids, "message": message, "ids": ids}
        )
    if message:
        messages.success(request, message)
    return redirect(_back(request), permanent=False)


def _list_context(request: HttpRequest, ids: list[int], *, shared: bool) -> dict[str, Any]:
    services = store.services_in_order(ids)
    token = store.share_token([page.pk for page in services]) if services else ""
    share_url = (
        request.build_absolute_uri(reverse("shortlist_shared", args=[token])) if token else ""
    )
    return {
        "services": services,
        "shared": shared,
        "token": token,
        "share_url": share_url,
        # Printed without "https://": shorter to copy by hand, and browsers add it back.
        "share_url_printed": display_url(share_url),
        "share_qr": qr_code_data_uri(share_url) if share_url else "",
        "share_sms": sms_link(share_url, site_name_for(request)) if share_url else "",
        "share_days": store.SHARE_MAX_AGE_DAYS,
        "base_url": request.build_absolute_uri("/").rstrip("/"),
        "max_items": store.MAX_ITEMS,
    }


@require_GET
def shortlist(request: HttpRequest) -> HttpResponse:
    context = _list_context(request, store.shortlist_ids(request.session), shared=False)
    context["email_form"] = EmailForm()
    return TemplateResponse(request, "directory/shortlist/list.html", context)


@require_GET
def print_list(request: HttpRequest) -> HttpResponse:
    context = _list_context(request, store.shortlist_ids(request.session), shared=False)
    return TemplateResponse(request, "directory/shortlist/print.html", context)


def _shared_ids(request: HttpRequest, token: str) -> list[int] | HttpResponse:
    try:
        return store.ids_from_token(token)
    except store.InvalidShareLink as error:
        return _problem(request, str(error), 404)


def _shared_page(request: HttpRequest, token: str, template: str) -> HttpResponse:
    ids = _shared_ids(request, token)
    if isinstance(ids, HttpResponse):
        return ids
    return TemplateResponse(request, template, _list_context(request, ids, shared=True))


@require_GET
def shared(request: HttpRequest, token: str) -> HttpResponse:
    return _shared_page(request, token, "directory/shortlist/list.html")


@require_GET
def shared_print(request: HttpRequest, token: str) -> HttpResponse:
    return _shared_page(request, token, "directory/shortlist/print.html")


@require_POST
def keep_shared(request: HttpRequest, token: str) -> HttpResponse:
    """Make a shared list this browser's own list, to change it."""
    ids = _shared_ids(request, token)
    if isinstance(ids, HttpResponse):
        return ids
    store.replace_with(request.session, [page.pk for page in store.services_in_order(ids)])
    messages.success(request, "This is now your list: you can change it.")
    return redirect("shortlist")


@require_POST
def email(request: HttpRequest) -> HttpResponse:
    """Send the list to an address typed in; the address is used once and never stored."""
    form = EmailForm(request.POST)
    ids = store.shortlist_ids(request.session)
    context = _list_context(request, ids, shared=False)
    context["email_form"] = form
    if not context["services"]:
        return _problem(request, "Your list is empty: add services before sending it.", 400)
    if not form.is_valid():
        return TemplateResponse(request, "directory/shortlist/list.html", context, status=400)
    try:
        send_shortlist(
            request, form.cleaned_data["email"], context["services"], context["share_url"]
        )
    except EmailRateLimited as error:
        return _problem(request, str(error), 429)
    messages.success(request, "We have sent the list. It may take a few minutes to arrive.")
    return redirect("shortlist")
