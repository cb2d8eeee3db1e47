"""Which services, locations and organisations the API publishes, and its service filters."""

from __future__ import annotations

import math
from functools import reduce
from operator import and_, or_

from django.db.models import Exists, OuterRef, Q, QuerySet

from directory.models import Organisation, ServiceLocation, ServicePage, ServiceSchedule

from .parameters import Proximity, ServiceFilters
from .serialisers import service_at_location_id, virtual_location_id
from .taxonomies import Taxonomy, Term, TermIndex

METRES_PER_DEGREE_LATITUDE = 111_320.0
EARTH_RADIUS_METRES = 6_371_008.8


def listed_by_name() -> QuerySet[ServicePage]:
    """The listed services (``ServicePageQuerySet.listed``), by name, then id, for paging."""
    return ServicePage.objects.listed().order_by("title", "oruk_id")


def published_organisations(
    services: QuerySet[ServicePage] | None = None, search: str = ""
) -> QuerySet[Organisation]:
    """Organisations running at least one of ``services`` (by default, any live service) whose
    name or description has every word of ``search``; by name."""
    services = listed_by_name() if services is None else services
    organisations = Organisation.objects.filter(
        pk__in=services.order_by().values("organisation_id")
    )
    return words_in(organisations, search, ("name", "description")).order_by("name", "oruk_id")


def words_in(items: QuerySet, search: str, fields: tuple[str, ...]) -> QuerySet:
    """Items with every word of ``search`` in one of ``fields`` (any case)."""
    for word in search.split():
        items = items.filter(reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields)))
    return items


def filter_services(
    services: QuerySet[ServicePage], filters: ServiceFilters, terms: TermIndex
) -> QuerySet[ServicePage]:
    if filters.unmatched:
        return services.none()
    if filters.organisation_id:
        services = services.filter(organisation__oruk_id=filters.organisation_id)
    if filters.near:
        # The services' ids first, as a list, as in the service_at_locations view.
        shown = list(services.order_by().values_list("pk", flat=True))
        places = ServiceLocation.objects.filter(page_id__in=shown)
        services = services.filter(
            pk__in={p.page_id for p, _ in locations_near(places, filters.near)}
        )
    if filters.search:
        services = services.filter(pk__in=_matching_search(filters.search))
    if filters.term:
        services = services.filter(pk__in=_with_terms(_term_and_children(filters.term, terms)))
    if filters.taxonomy:
        services = services.filter(pk__in=_with_taxonomy(filters.taxonomy))
    # As the standard words them: a minimum age of at least the value, a maximum age of at
    # most the value. A service without a lower limit starts at 0; without an upper, never ends.
    if filters.minimum_age:
        services = services.filter(minimum_age__gte=filters.minimum_age)
    if filters.maximum_age is not None:
        services = services.filter(maximum_age__lte=filters.maximum_age)
    if filters.day or filters.start_time or filters.end_time:
        # One opening must satisfy every condition given.
        openings = ServiceSchedule.objects.filter(page=OuterRef("pk"))
        if filters.day:
            openings = openings.filter(weekday=filters.day)
        if filters.start_time:
            openings = openings.filter(opens_at__gte=filters.start_time)
        if filters.end_time:
            openings = openings.filter(closes_at__lte=filters.end_time)
        services = services.filter(Exists(openings))
    if filters.modified_after:
        services = services.filter(last_published_at__gte=filters.modified_after)
    return services


def _matching_search(text: str) -> QuerySet:
    """Services the site's own search finds with every word (word forms and synonyms count)."""
    from search.models import SearchEntry
    from search.text_query import build_plan

    plan = build_plan(text)
    if not plan.groups:
        return SearchEntry.objects.values("page_id")
    matched = [
        reduce(or_, (Q(text__contains=f" {phrase.key} ") for phrase in group))
        for group in plan.groups
    ]
    return SearchEntry.objects.filter(reduce(and_, matched)).values("page_id")


def _term_and_children(term: Term, terms: TermIndex) -> list[Term]:
    """A need category stands for every need under it, as on the public site."""
    return [term, *terms.children_of(term)]


def _with_terms(chosen: list[Term]) -> QuerySet:
    taxonomy = chosen[0].taxonomy
    pks = [term.pk for term in chosen]
    if taxonomy.service_relation == "levels":
        return ServicePage.levels.through.objects.filter(levelofneed_id__in=pks).values(
            "servicepage_id"
        )
    through = ServicePage._meta.get_field(taxonomy.service_relation).remote_field.through
    return through.objects.filter(tag_id__in=pks).values("content_object_id")


def _with_taxonomy(taxonomy: Taxonomy) -> QuerySet:
    if taxonomy.service_relation == "levels":
        return ServicePage.levels.through.objects.values("servicepage_id")
    through = ServicePage._meta.get_field(taxonomy.service_relation).remote_field.through
    return through.objects.values("content_object_id")


def locations_near(
    locations: QuerySet[ServiceLocation], near: Proximity
) -> list[tuple[ServiceLocation, float]]:
    """Locations within the distance, nearest first, with their distance in metres."""
    lat_delta = near.metres / METRES_PER_DEGREE_LATITUDE
    lng_delta = lat_delta / max(math.cos(math.radians(near.latitude)), 0.01)
    boxed = locations.filter(
        latitude__range=(near.latitude - lat_delta, near.latitude + lat_delta),
        longitude__range=(near.longitude - lng_delta, near.longitude + lng_delta),
    )
    found = []
    for place in boxed:
        if place.latitude is None or place.longitude is None:
            continue  # never: the box's ranges leave out places with no coordinates
        metres = distance_metres(near.latitude, near.longitude, place.latitude, place.longitude)
        if metres <= near.metres:
            found.append((place, metres))
    found.sort(key=lambda pair: (pair[1], pair[0].name, pair[0].oruk_id))
    return found


def distance_metres(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(a))


# A service_at_location: the service's pk and its location's, or None for its virtual location.
Link = tuple[int, int | None]


def service_location_links(services: QuerySet[ServicePage], near: Proximity | None) -> list[Link]:
    """Every place ``services`` are delivered, in the list's order: by service, each one's
    buildings in their order, or its virtual location if it has no building and is delivered
    online. With ``near``: the buildings within the distance, nearest first."""
    # The services' ids first, as a list: locations IN (services IN (search entries ...)) as
    # one statement leaves PostgreSQL's planner room for nested loops that take minutes.
    ordered = list(services.values_list("pk", "online"))
    places = ServiceLocation.objects.filter(page_id__in=[pk for pk, _ in ordered])
    if near:
        return [(place.page_id, place.pk) for place, _ in locations_near(places, near)]
    buildings: dict[int, list[int]] = {}
    for page_id, pk in places.order_by("sort_order", "pk").values_list("page_id", "pk"):
        buildings.setdefault(page_id, []).append(pk)
    links: list[Link] = []
    for pk, online in ordered:
        if pk in buildings:
            links.extend((pk, place) for place in buildings[pk])
        elif online:
            links.append((pk, None))
    return links


def find_service_at_location(link_id: str) -> Link | None:
    """The live service_at_location with this id. Its id is derived from its location's, one
    way, so each candidate's is derived in turn (a few milliseconds a thousand locations)."""
    live = listed_by_name()
    places = ServiceLocation.objects.filter(page__in=live.order_by().values("pk"))
    for page_id, pk, oruk_id in places.values_list("page_id", "pk", "oruk_id").iterator():
        if service_at_location_id(oruk_id) == link_id:
            return page_id, pk
    remote = live.filter(online=True, locations__isnull=True)
    for pk, oruk_id in remote.values_list("pk", "oruk_id").iterator():
        if service_at_location_id(virtual_location_id(oruk_id)) == link_id:
            return pk, None
    return None
