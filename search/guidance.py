"""What the results page says about a search beyond its results, so no search is a dead end.

* "Showing help with: Speech, language and communication": the needs (and circumstances) the
  words named, each linking to its menu of support;
* the place: "near me" without one asks for a postcode; a full postcode we do not know was
  searched from its district's centre; nothing near was found so the search went wider; a
  place outside the area the directory serves (worked out from its own services' locations)
  is named as such, with a national directory to try;
* when nothing matched: the menus of support for the closest needs, services available across
  the whole area, and the council's front door.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.http import urlencode

from directory.models import Need, current_settings

from .lexicon import CIRCUMSTANCE, NEED, current_lexicon
from .models import SearchEntry, SearchEntryFacet
from .runner import SearchOutcome

# How many services available across the area a search that found nothing suggests.
AREA_WIDE_SHOWN = 5
CLOSEST_NEEDS_SHOWN = 3


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class Guidance:
    # Needs and circumstances the words named, strongest first.
    showing_help_with: list[Link] = field(default_factory=list)
    # The words asked for a place ("near me") and none was given.
    asks_for_place: bool = False
    # The full postcode was not known; its district's centre was used.
    district_only: bool = False
    widened_from: float | None = None
    outside_area: bool = False
    area_name: str = ""
    national_service: Link | None = None
    # When nothing matched.
    closest_needs: list[Link] = field(default_factory=list)
    area_wide_services: list[Link] = field(default_factory=list)
    front_door: Any = None


def guidance_for(outcome: SearchOutcome, request: Any = None) -> Guidance:
    """Everything the page should say about ``outcome`` besides its results."""
    query, understood = outcome.query, outcome.understood
    settings = current_settings(request)
    guidance = Guidance(
        showing_help_with=named_links(outcome),
        asks_for_place=understood.wants_place and not query.has_location,
        district_only=query.postcode_precision == "district" and " " in query.postcode,
        widened_from=outcome.widened_from,
        outside_area=outcome.outside_area,
        area_name=settings.area_name or settings.council_name,
    )
    if outcome.outside_area:
        guidance.national_service = Link(
            settings.national_service_name, settings.national_service_url
        )
    if not outcome.results.count:
        guidance.closest_needs = guidance.showing_help_with[:CLOSEST_NEEDS_SHOWN] or (
            closest_needs(query.q)
        )
        guidance.area_wide_services = area_wide_services(outcome)
        guidance.front_door = settings if settings.has_front_door else None
    return guidance


def named_links(outcome: SearchOutcome) -> list[Link]:
    """The terms the words named: needs to their menu of support, circumstances to a search
    for services especially for them."""
    links = []
    for named in outcome.understood.reading.named:
        term = named.term
        if term.kind == NEED:
            links.append(Link(term.name, reverse("pathway", args=[term.slug])))
        elif term.kind == CIRCUMSTANCE and not any(link.label == term.name for link in links):
            links.append(
                Link(term.name, f"{reverse('search')}?{urlencode({'circumstance': term.slug})}")
            )
    return links


def closest_needs(q: str) -> list[Link]:
    """Needs sharing a word with the words searched, most shared first, when none was named."""
    scores = current_lexicon().related(q)
    slugs = [term.slug for term, _ in scores if term.kind == NEED][:CLOSEST_NEEDS_SHOWN]
    names = dict(Need.objects.filter(slug__in=slugs).values_list("slug", "name"))
    return [Link(names[slug], reverse("pathway", args=[slug])) for slug in slugs if slug in names]


def area_wide_services(outcome: SearchOutcome) -> list[Link]:
    """Services available wherever you are in the area, those of the named needs first."""
    named = {term.slug for found in outcome.understood.reading.evidence for term in found.terms}
    entries = SearchEntry.objects.filter(area_wide=True).order_by("sort_name", "pk")
    if named:
        of_named_need = SearchEntryFacet.objects.filter(
            entry=OuterRef("pk"), value__facet=NEED, value__value__in=named
        )
        entries = entries.alias(of_named_need=Exists(of_named_need)).order_by(
            "-of_named_need", "sort_name", "pk"
        )
    # Ordered and cut in SQL: at 10,000 services thousands reach the whole area, and reading
    # every one's document to keep five took longer than the search.
    documents = entries.values_list("document", flat=True)[:AREA_WIDE_SHOWN]
    return [Link(document["name"], document["url"]) for document in documents]
