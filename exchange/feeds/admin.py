"""The admin's "Feeds and imports" screens: feeds to pull on a schedule, every import's run with
its progress and report, and a service's feed conflict. Needs ``directory.import_services``
(commissioners); anyone else is refused.

A run's page refreshes itself while the run is going: without JavaScript by a ``<meta>`` refresh
inside ``<noscript>``, with it by polling the run's JSON (``static/exchange/js/import-run.js``)
and updating the progress bar in place.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from background.worker import uses_worker, worker_alive
from directory.models import FeedSource, ImportRun, ServiceFeedLink, ServicePage
from directory.models.services import IMPORT_SERVICES
from directory.writer.changes import content_hash, snapshot
from directory.writer.revisions import latest_versions

from .runs import queue_feed_pull
from .tasks import start

PERMISSION = IMPORT_SERVICES


def _check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class FeedForm(forms.ModelForm):
    url = forms.URLField(
        label="Feed address",
        max_length=1000,
        assume_scheme="https",
        help_text=FeedSource._meta.get_field("url").help_text,
    )

    class Meta:
        model = FeedSource
        fields = ["name", "url", "publish", "every_hours", "enabled"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Give an http:// or https:// address.")
        return url


def index(request: HttpRequest) -> HttpResponse:
    _check_permission(request)
    context = {
        "page_title": "Feeds and imports",
        "header_icon": "download",
        "feeds": FeedSource.objects.all(),
        "runs": ImportRun.objects.select_related("feed", "user")[:50],
        "conflicts": ServiceFeedLink.objects.filter(conflict_at__isnull=False).select_related(
            "page", "feed"
        ),
    }
    return TemplateResponse(request, "exchange/feeds/index.html", context)


def feed_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _check_permission(request)
    feed = get_object_or_404(FeedSource, pk=pk) if pk else None
    form = FeedForm(request.POST or None, instance=feed)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"Feed '{saved.name}' saved.")
        return redirect("directory_feeds:index")
    context = {
        "page_title": f"Feed: {feed.name}" if feed else "Add a feed",
        "header_icon": "download",
        "form": form,
        "feed": feed,
    }
    return TemplateResponse(
        request, "exchange/feeds/feed_form.html", context, status=400 if form.errors else 200
    )


@require_POST
def pull_now(request: HttpRequest, pk: int) -> HttpResponse:
    _check_permission(request)
    feed = get_object_or_404(FeedSource, pk=pk)
    run = queue_feed_pull(feed, request.user)
    start(run)
    return redirect("directory_feeds:run", pk=run.pk)


def run_page(request: HttpRequest, pk: int) -> HttpResponse:
    _check_permission(request)
    run = get_object_or_404(ImportRun.objects.select_related("feed", "user"), pk=pk)
    context = {
        "page_title": str(run),
        "header_icon": "download",
        "run": run,
        "report": run.report or None,
        "status_url": reverse("directory_feeds:run_status", args=[run.pk]),
        "no_worker": run.status == ImportRun.Status.QUEUED and uses_worker() and not worker_alive(),
    }
    return TemplateResponse(request, "exchange/feeds/run.html", context)


def run_status(request: HttpRequest, pk: int) -> JsonResponse:
    _check_permission(request)
    run = get_object_or_404(ImportRun, pk=pk)
    return JsonResponse(
        {
            "status": run.status,
            "status_label": run.get_status_display(),
            "stage": run.stage,
            "done": run.done,
            "total": run.total,
            "percent": run.percent,
            "finished": run.finished,
            "summary": run.summary,
        }
    )


@require_POST
def take_feed_version(request: HttpRequest, page_id: int) -> HttpResponse:
    """The commissioner chooses the feed's version: the next pull applies it (one is queued)."""
    _check_permission(request)
    link = get_object_or_404(ServiceFeedLink.objects.select_related("feed"), page_id=page_id)
    page = ServicePage.objects.get(pk=page_id)
    directory = page.get_parent()
    latest = latest_versions([page], directory)[page.pk]
    ServiceFeedLink.objects.filter(pk=link.pk).update(
        content_hash=content_hash(snapshot(latest)),
        record_hash="",
        conflict_at=None,
        conflict_note="",
    )
    run = queue_feed_pull(link.feed, request.user)
    start(run)
    messages.success(request, f"'{page.title}' will take the feed's version: pulling it now.")
    return redirect("directory_feeds:run", pk=run.pk)


urlpatterns = [
    path("", index, name="index"),
    path("feeds/add/", feed_form, name="add"),
    path("feeds/<int:pk>/", feed_form, name="edit"),
    path("feeds/<int:pk>/pull/", pull_now, name="pull"),
    path("runs/<int:pk>/", run_page, name="run"),
    path("runs/<int:pk>/status.json", run_status, name="run_status"),
    path("services/<int:page_id>/take-feed-version/", take_feed_version, name="take_feed"),
]


def say_where_the_service_comes_from(request: HttpRequest, page: Any) -> None:
    """The edit page says which feed a service came from, and shows a conflict."""
    if not isinstance(page.specific, ServicePage) or request.method != "GET":
        return
    link = ServiceFeedLink.objects.filter(page_id=page.pk).select_related("feed").first()
    if link is None:
        return
    pulled = f"{link.last_seen_at:%-d %B %Y %H:%M}" if link.last_seen_at else "not yet"
    messages.info(
        request,
        f"This service comes from the feed '{link.feed.name}' (last pulled {pulled}). The feed "
        "updates what it sends on each pull; an edit made here is kept, and a later change in "
        "the feed is then shown here instead of applied.",
    )
    if link.conflict_at and request.user.has_perm(PERMISSION):
        url = reverse("directory_feeds:index") + f"#conflict-{page.pk}"
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">Review it under Feeds and imports</a>.', link.conflict_note, url
            ),
        )
