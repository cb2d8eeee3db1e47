"""The "still accurate" endpoints: the admin's button (POST only, for people who may edit the
service), and the reminder e-mail's one-click link (links.py: shows the listing, records the
review on POST, no login)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from directory.signed_in import signed_in_user

from .actions import record_review
from .links import LinkRefused, read_link
from .scope import reviewable_services


def safe_next_url(request: HttpRequest, fallback: str) -> str:
    """The ``next`` the form sent, if it points back into this site; else ``fallback``."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


@require_POST
def confirm_still_accurate(request: HttpRequest, page_id: int) -> HttpResponse:
    # Drafts count (they are reviewed too); services in the deleted-services bin do not.
    page = get_object_or_404(reviewable_services(live_only=False), pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        # A plain 403 (Wagtail's admin would turn PermissionDenied into a redirect home).
        return HttpResponseForbidden(
            "You cannot edit this service, so you cannot confirm it is still accurate."
        )
    review_due = record_review(page, signed_in_user(request))
    messages.success(
        request,
        f"'{page.title}' confirmed still accurate. "
        f"Next review due {review_due.day} {review_due:%B %Y}.",
    )
    return redirect(safe_next_url(request, reverse("wagtailadmin_pages:edit", args=[page.pk])))


@require_http_methods(["GET", "POST"])
def confirm_by_link(request: HttpRequest, service_id: int, token: str) -> HttpResponse:
    """GET: the listing, and a button to confirm it. POST: record the review, as the person the
    link was sent to. Neither logs anyone in."""
    template = "commissioning/reviews/confirm_by_link.html"
    try:
        link = read_link(service_id, token)
    except LinkRefused as refused:
        refusal = {"refused": str(refused), "edit_url": _edit_path(service_id)}
        return render(request, template, refusal, status=refused.status)
    service = link.service
    review_due = record_review(service, link.user) if request.method == "POST" else None
    context = {"service": service, "edit_url": _edit_path(service.pk), "review_due": review_due}
    return render(request, template, context)


def _edit_path(service_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[service_id])
