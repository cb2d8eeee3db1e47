"""How complete a listing is on the things families need to know.

Eight checks, equal weight, from the issue: summary, description, age range, a contact, how to
get it, where (a location or area-wide delivery), when, and cost. ``score_service`` reads only
the page and its prefetched children, so scoring every service costs a fixed number of
queries (``scored_services``).

What is scored: live services as published, because that is what families read. A draft's
unpublished changes are scored once they are published; deleted services (unpublished, in the
bin) are not scored.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags

from directory.models import ServiceContact, ServiceLocation, ServicePage, ServiceSchedule

from .readability import Readability, readability


def _has_text(value: str | None) -> bool:
    return bool(value and value.strip())


def has_summary(page: ServicePage) -> bool:
    return _has_text(page.summary)


def has_description(page: ServicePage) -> bool:
    # Rich text: an emptied editor leaves "<p></p>" behind.
    return _has_text(html.unescape(strip_tags(page.description or "")))


def has_age_range(page: ServicePage) -> bool:
    """An age limit at either end, or a service for expectant parents or parents themselves
    (those are who it is for, even with no child's age)."""
    return (
        page.minimum_age is not None
        or page.maximum_age is not None
        or page.for_expectant_parents
        or page.for_parents_and_carers
    )


def has_contact(page: ServicePage) -> bool:
    """A contact with a phone number or email, or the service's own email. A website alone does
    not count: a family cannot ask a website whether the service is right for them."""
    return _has_text(page.email) or any(
        _has_text(contact.phone) or _has_text(contact.email) for contact in page.contacts.all()
    )


def has_access_route(page: ServicePage) -> bool:
    return bool(page.access_routes)


def has_access_steps(page: ServicePage) -> bool:
    return _has_text(page.access_instructions) or _has_text(page.referral_url)


def has_place(page: ServicePage) -> bool:
    """Somewhere a family can find on a map (a location with a postcode or map position), or
    delivery across the whole area (online, phone, home visits, or ticked as area-wide)."""
    return page.is_area_wide or any(
        _has_text(location.postcode) or location.has_coordinates
        for location in page.locations.all()
    )


def has_schedule(page: ServicePage) -> bool:
    return bool(page.schedules.all()) or _has_text(page.schedule_notes)


def has_cost(page: ServicePage) -> bool:
    return page.is_free or _has_text(page.fees_description)


@dataclass(frozen=True)
class Check:
    """One thing families need: its name, and what the report says when it is missing."""

    name: str
    missing: str
    passes: Callable[[ServicePage], bool]


# How to get it is one criterion with two parts; each part says what is missing.
ACCESS = "How to get it"
CHECKS: tuple[Check, ...] = (
    Check("Summary", "No summary", has_summary),
    Check("Description", "No description", has_description),
    Check("Age range", "No age range (or 'for parents' / 'expectant parents')", has_age_range),
    Check("Contact", "No phone number or email to contact", has_contact),
    Check(ACCESS, "No way in ticked (self-referral, professional referral, …)", has_access_route),
    Check(ACCESS, "No instructions or referral link saying how to get it", has_access_steps),
    Check("Where", "No location with a postcode, and not delivered across the area", has_place),
    Check("When", "No opening times or opening notes", has_schedule),
    Check("Cost", "Not free, and the cost is not described", has_cost),
)
CRITERIA: tuple[str, ...] = tuple(dict.fromkeys(check.name for check in CHECKS))


@dataclass(frozen=True)
class Completeness:
    score: int  # 0-100: the share of the criteria met
    missing: tuple[str, ...]  # plain English, in the order of CRITERIA
    readability: Readability

    @property
    def missing_text(self) -> str:
        return "; ".join(self.missing)


def score_service(page: ServicePage) -> Completeness:
    """Score a service fetched with its contacts, locations and schedules (see
    ``scored_services``): each criterion met adds an equal share of 100."""
    missing = [check for check in CHECKS if not check.passes(page)]
    failed = {check.name for check in missing}
    met = sum(1 for name in CRITERIA if name not in failed)
    return Completeness(
        score=round(100 * met / len(CRITERIA)),
        missing=tuple(check.missing for check in missing),
        readability=readability(page.summary),
    )


def with_what_is_scored(pages: QuerySet[ServicePage]) -> QuerySet[ServicePage]:
    """``pages`` with the children ``score_service`` reads, in a fixed number of queries."""
    return pages.prefetch_related(
        Prefetch("contacts", queryset=ServiceContact.objects.only("page_id", "phone", "email")),
        Prefetch(
            "locations",
            queryset=ServiceLocation.objects.only("page_id", "postcode", "latitude", "longitude"),
        ),
        Prefetch("schedules", queryset=ServiceSchedule.objects.only("page_id")),
    )


def services_to_score() -> QuerySet[ServicePage]:
    """Listed services (those families can find) with what ``score_service`` reads, in a fixed
    number of queries."""
    return with_what_is_scored(ServicePage.objects.listed().select_related("organisation"))


def scored_services(pages: Iterable[ServicePage]) -> list[ServicePage]:
    """The pages with ``page.completeness`` set, worst first (then by name)."""
    scored = []
    for page in pages:
        page.completeness = score_service(page)
        scored.append(page)
    scored.sort(key=lambda page: (page.completeness.score, page.title.lower(), page.pk))
    return scored
