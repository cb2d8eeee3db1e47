"""The menu of support for one need: its services grouped by level of need, in order.

A pathway is a search for the need (so it honours a postcode and an age, and works on either
engine), laid out the way early help strategies describe support: universal help first, then
each step up the continuum, each level saying who it is for and how families get in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from directory.models import ACCESS_ROUTES, LevelOfNeed, Need

from .engines import Hit
from .presenters import ResultItem, result_item
from .query import MAX_PER_PAGE, SearchQuery
from .runner import SearchOutcome, run_search

# A pathway lists every service for the need; past this, it asks for a postcode instead.
MAX_PATHWAY_SERVICES = 300
SELF_REFERRAL = "self-referral"


@dataclass(frozen=True)
class PathwayService:
    item: ResultItem
    self_referral: bool
    # How else families get in, as plain-English phrases.
    routes: tuple[str, ...]
    # The service's other levels, for "Also offered at: …".
    other_levels: tuple[str, ...]


@dataclass
class PathwayLevel:
    level: LevelOfNeed
    services: list[PathwayService] = field(default_factory=list)

    @property
    def self_referral_count(self) -> int:
        return sum(service.self_referral for service in self.services)


@dataclass
class Pathway:
    need: Need
    query: SearchQuery
    levels: list[PathwayLevel]
    count: int
    truncated: bool
    outcome: SearchOutcome


def _service(hit: Hit, level_slug: str) -> PathwayService:
    document = hit.document
    access = document["facets"]["access"]
    routes = tuple(
        label
        for slug, (_, label) in ACCESS_ROUTES.items()
        if slug in access and slug != SELF_REFERRAL
    )
    others = tuple(level["label"] for level in document["levels"] if level["value"] != level_slug)
    return PathwayService(result_item(hit), SELF_REFERRAL in access, routes, others)


def build_pathway(need: Need, query: SearchQuery) -> Pathway:
    """The need's live services (near the place and for the age in ``query``), by level."""
    query = replace(
        query,
        page=1,
        per_page=MAX_PER_PAGE,
        sort="distance" if query.has_location else "name",
    )
    outcome = run_search(query)
    hits = list(outcome.results.hits)
    page = 1
    while len(hits) < min(outcome.results.count, MAX_PATHWAY_SERVICES):
        page += 1
        more = run_search(query.with_page(page), log=False).results.hits
        if not more:
            break
        hits.extend(more)
    hits = hits[:MAX_PATHWAY_SERVICES]
    levels = [PathwayLevel(level) for level in LevelOfNeed.objects.order_by("rank", "pk")]
    for group in levels:
        group.services = [
            _service(hit, group.level.slug)
            for hit in hits
            if any(level["value"] == group.level.slug for level in hit.document["levels"])
        ]
    return Pathway(
        need=need,
        query=query,
        levels=levels,
        count=outcome.results.count,
        truncated=outcome.results.count > len(hits),
        outcome=outcome,
    )
