"""Presentation helpers for the public site: ages, opening times, status, site-wide names.

The wording lives here, in plain functions that tests can call directly, so templates stay free
of formatting logic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, QueryDict
from django.templatetags.static import static
from wagtail.models import Site

from directory.getting_in_touch import how_to_get_it, tel_uri, ways_to_get_in_touch
from directory.opening_hours import OpeningToday, clock, opening_times, opening_today

register = template.Library()

STATUS_NOTICES = {
    "temporarily closed": "This service is temporarily closed.",
    "inactive": "This service is not running at the moment.",
    "defunct": "This service has closed for good.",
}


# -- who it is for ------------------------------------------------------------------------------


def ages_in_words(minimum_age: int | None, maximum_age: int | None) -> str:
    """An age range as a family would say it: 'Ages 0 to 4', 'Up to 11', '16 and over'."""
    low = None if minimum_age in (None, 0) else minimum_age
    if maximum_age is None:
        return "All ages" if low is None else f"{low} and over"
    if maximum_age == 0:
        return "Babies under 1"
    if minimum_age is None:
        return f"Up to {maximum_age}"
    if minimum_age == maximum_age:
        return f"Age {minimum_age}"
    return f"Ages {minimum_age} to {maximum_age}"


@register.simple_tag
def who_for(page: Any) -> list[str]:
    """Who a service is for, as short phrases: expectant parents, an age range, parents."""
    phrases = []
    if page.for_expectant_parents:
        phrases.append("For expectant parents")
    has_ages = page.minimum_age is not None or page.maximum_age is not None
    if has_ages or not (page.for_expectant_parents or page.for_parents_and_carers):
        phrases.append(ages_in_words(page.minimum_age, page.maximum_age))
    if page.for_parents_and_carers:
        phrases.append("For parents and carers")
    return phrases


@register.filter
def vocabulary_order(terms: Iterable[Any]) -> list[Any]:
    """Vocabulary terms in the order commissioners gave them, not the order they were tagged."""
    return sorted(terms, key=lambda term: (getattr(term, "sort_order", 0), term.name.lower()))


# -- when -----------------------------------------------------------------------------------------
# The rules live in directory.opening_hours; these only make them usable in templates.

register.filter("clock", clock)
register.filter("opening_times", opening_times)


@register.simple_tag
def opening_today_of(page: Any) -> OpeningToday | None:
    """`{% opening_today_of page as today %}`: open now / today / next, for a running service;
    None when it is not running or has no weekly schedules."""
    if status_notice(page):
        return None
    return opening_today(page.schedules.all(), term_time_only=page.term_time_only)


# -- getting in touch ---------------------------------------------------------------------------
# directory.getting_in_touch decides; `{% ways_to_get_in_touch page as ways %}` and
# `{% how_to_get_it page as access %}` hand its answers to templates.

register.simple_tag(ways_to_get_in_touch)
register.simple_tag(how_to_get_it)
register.filter("tel_uri", tel_uri)


# -- status -------------------------------------------------------------------------------------


@register.filter
def status_notice(page: Any) -> str:
    """A plain sentence when a service is not running normally; empty when it is."""
    return STATUS_NOTICES.get(getattr(page, "status", ""), "")


@register.filter
def any_sensitive(services: Iterable[Any]) -> bool:
    """Whether any of these services is for a sensitive need (the page then offers "Exit this
    page")."""
    return any(service.is_sensitive for service in services)


# -- links ------------------------------------------------------------------------------------


@register.filter
def display_url(url: str | None) -> str:
    """A web address as people read it: 'https://www.example.org/' -> 'www.example.org'."""
    text = (url or "").strip()
    for scheme in ("https://", "http://"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
            break
    return text.rstrip("/")


# -- A to Z -----------------------------------------------------------------------------------


@dataclass
class LetterGroup:
    letter: str
    anchor: str
    items: list[Any]


@register.filter
def a_to_z(services: Iterable[Any]) -> list[LetterGroup]:
    """Services grouped under their first letter, in the order given (titles A to Z)."""
    groups: dict[str, LetterGroup] = {}
    for service in services:
        first = (service.title or "?")[:1].upper()
        letter = first if first.isalpha() else "0–9"
        anchor = f"letter-{first.lower()}" if first.isalpha() else "letter-0-9"
        groups.setdefault(letter, LetterGroup(letter, anchor, [])).items.append(service)
    return list(groups.values())


# -- paging -----------------------------------------------------------------------------------


@register.filter
def page_links(page: Any) -> list[int | str]:
    """Page numbers to link to, with '…' gaps on long lists: 1 … 4 5 6 … 20."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))


# -- site-wide ------------------------------------------------------------------------------


def site_name_for(request: HttpRequest | None) -> str:
    """The name of the request's Wagtail Site, or settings.WAGTAIL_SITE_NAME."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None and site.site_name:
        return site.site_name
    return getattr(settings, "WAGTAIL_SITE_NAME", "Family support directory")


@register.simple_tag(takes_context=True)
def site_name(context: template.Context) -> str:
    """The Wagtail Site's name, or settings.WAGTAIL_SITE_NAME."""
    return site_name_for(context.get("request"))


@register.simple_tag(takes_context=True)
def directory_settings(context: template.Context) -> Any:
    """`{% directory_settings as site_settings %}`: the site's Directory settings, read once per
    request and never written by a public page (directory.models.current_settings)."""
    from directory.models import current_settings

    return current_settings(context.get("request"))


@register.simple_tag(takes_context=True)
def council_name(context: template.Context) -> str:
    """The council running the directory: the admin's directory settings, else
    settings.COUNCIL_NAME, else empty."""
    from directory.models import current_settings

    return current_settings(context.get("request")).council_name or getattr(
        settings, "COUNCIL_NAME", ""
    )


@register.simple_tag(takes_context=True)
def directory_url(context: template.Context) -> str:
    """Where the A to Z list of services lives (the live DirectoryIndexPage), else /services/."""
    from directory.models import DirectoryIndexPage

    request = context.get("request")
    directory = DirectoryIndexPage.objects.live().public().first()
    url = directory.get_url(request) if directory is not None else None
    return url or "/services/"


# Static files that may be missing: the ones `make assets` copies from npm.
_present: dict[str, str] = {}


@register.simple_tag
def static_if_present(path: str) -> str:
    """`{% static_if_present "vendor/x.js" as url %}`: the file's URL, or '' when it cannot be
    served (npm was not run; the manifest storage would raise for it). A missing file is looked
    for again while DEBUG is on, so `make assets` needs no restart."""
    if path not in _present:
        url = ""
        if finders.find(path) or staticfiles_storage.exists(path):
            try:
                url = static(path)
            except ValueError:  # not collected
                url = ""
        if url or not settings.DEBUG:
            _present[path] = url
        return url
    return _present[path]


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """The current query string with some parameters replaced (for pagination links)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
