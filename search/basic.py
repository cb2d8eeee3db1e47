"""Interim public search on the database: words, needs and place over live services.

Takes the same validated SearchQuery the engines of the search issue will take; facets, the
other filters and the Elasticsearch engine arrive there. It already keeps the public contract:
only live, public services, and a place sorts results nearest first within the radius, with
services available across the whole area listed after the nearby ones.
"""

from __future__ import annotations

from geopy.distance import great_circle

from directory.models import ServicePage

from .query import SearchQuery


def run_basic_search(query: SearchQuery) -> list[ServicePage]:
    """Matching live services for the words, needs and place of `query`."""
    if not (query.q or query.need_ids or query.has_location):
        return []
    pages = ServicePage.objects.live().public()
    if query.need_ids:
        pages = pages.filter(tagged_needs__tag_id__in=query.need_ids).distinct()
    order: dict[int, int] = {}
    if query.q:
        # Search first, then filter by id: the database backend only filters on indexed fields.
        matched = [page.pk for page in ServicePage.objects.live().public().search(query.q)]
        order = {pk: index for index, pk in enumerate(matched)}
        pages = pages.filter(pk__in=matched)
    results = list(pages.select_related("organisation").prefetch_related("levels", "locations"))
    results.sort(key=lambda page: (order.get(page.pk, 0), page.title))
    if query.origin is None:
        return results
    nearby = []
    for page in results:
        distances = [
            great_circle(query.origin, (location.latitude, location.longitude)).miles
            for location in page.locations.all()
            if location.has_coordinates
        ]
        page.distance_miles = round(min(distances), 1) if distances else None
        if page.distance_miles is not None and page.distance_miles <= query.radius:
            nearby.append(page)
        elif page.is_area_wide:
            page.distance_miles = None  # listed as "Available across the area"
            nearby.append(page)
    nearby.sort(key=lambda page: (page.distance_miles is None, page.distance_miles or 0))
    return nearby
