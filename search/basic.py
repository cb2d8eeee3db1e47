"""Basic public search: words, need and postcode over live services, on the database.

A stepping stone: the full query object, facets and the Elasticsearch engine replace this in
the search issue. It already keeps the public contract: only live, public services; bad input is
a clear message, never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geopy.distance import great_circle

from directory.geocoding import InvalidPostcode, geocode_postcode, normalise_postcode
from directory.models import Need, ServicePage

MAX_QUERY_LENGTH = 200
MAX_NEEDS = 20


class SearchInputError(ValueError):
    """Input the person can fix; the message is shown to them."""


@dataclass
class BasicQuery:
    q: str = ""
    needs: list[Need] = field(default_factory=list)
    postcode: str = ""
    origin: tuple[float, float] | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.q or self.needs or self.origin)


def parse_query(params) -> BasicQuery:
    """Validate GET parameters. Raises SearchInputError with a message for the person."""
    q = " ".join(params.get("q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise SearchInputError(
            f"Please search with fewer words (at most {MAX_QUERY_LENGTH} characters)."
        )
    slugs = [slug.strip() for slug in params.getlist("need") if slug.strip()][:MAX_NEEDS]
    needs = list(Need.objects.filter(slug__in=slugs))
    unknown = sorted(set(slugs) - {need.slug for need in needs})
    if unknown:
        raise SearchInputError(f"We do not have a need called '{unknown[0][:40]}'.")
    query = BasicQuery(q=q, needs=needs)
    raw_postcode = params.get("postcode", "").strip()
    if raw_postcode:
        try:
            query.postcode = normalise_postcode(raw_postcode, allow_outward=True)
        except InvalidPostcode as error:
            raise SearchInputError(f"Enter a real postcode: {error}") from error
        found = geocode_postcode(query.postcode)
        if found is None:
            raise SearchInputError(
                f"We could not find the postcode {query.postcode}. Check it, or try just the "
                "first part, such as SE13."
            )
        query.origin = (found.latitude, found.longitude)
    return query


def run_basic_search(query: BasicQuery) -> list[ServicePage]:
    """Matching live services; nearest first when a postcode is given (area-wide ones last)."""
    if query.is_empty:
        return []
    pages = ServicePage.objects.live().public()
    if query.needs:
        need_ids = {pk for need in query.needs for pk in need.descendant_ids()}
        pages = pages.filter(tagged_needs__tag_id__in=need_ids).distinct()
    if query.q:
        # Search first, then filter by id: the database backend only filters on indexed fields.
        matched = [page.pk for page in ServicePage.objects.live().public().search(query.q)]
        order = {pk: index for index, pk in enumerate(matched)}
        pages = pages.filter(pk__in=matched)
    else:
        order = {}
    results = list(pages.select_related("organisation").prefetch_related("levels", "locations"))
    results.sort(key=lambda page: (order.get(page.pk, 0), page.title))
    if query.origin:
        for page in results:
            distances = [
                great_circle(query.origin, (loc.latitude, loc.longitude)).miles
                for loc in page.locations.all()
                if loc.has_coordinates
            ]
            page.distance_miles = round(min(distances), 1) if distances else None
        results.sort(key=lambda page: (page.distance_miles is None, page.distance_miles or 0))
    return results
