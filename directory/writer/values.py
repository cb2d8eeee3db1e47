"""A service's values as plain data, applied to a page in memory and checked by the model's rules.

Importers turn their rows and records into ``ServiceValues``; nothing here writes to the
database. Applying sets the given fields (others keep the value the page has), replaces the
given child relations (rows are matched to the existing ones by ``oruk_id``, or by position,
so an unchanged row keeps its primary key and id), and sets levels and tags. Checking runs what
the admin's edit form runs: ``full_clean`` on the page (ages, cost, review date, …) and on every
child row (postcodes normalised and geocoded, phone numbers, times), returning each problem with
where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from wagtail.models import Orderable, Page

from ..models import (
    AgeBand,
    ServiceArea,
    ServiceContact,
    ServiceExternalTerm,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
)
from ..models.identifiers import derived_id
from ..models.tagging import set_tags

# The child relations a ServiceValues may replace, and their row models.
CHILD_MODELS: dict[str, type[Orderable]] = {
    "locations": ServiceLocation,
    "contacts": ServiceContact,
    "schedules": ServiceSchedule,
    "service_areas": ServiceArea,
    "languages": ServiceLanguage,
    "external_terms": ServiceExternalTerm,
}
# A field's new value, or a function of its current value (e.g. keep an editor's formatting when
# the feed's words are the same).
Value = Any | Callable[[Any], Any]


@dataclass
class ServiceValues:
    """What an importer wants a service to be. Only what is given is changed."""

    fields: dict[str, Value]  # ServicePage attributes: title, summary, organisation, …
    oruk_id: str = ""  # the service's Open Referral id; empty for a new service with a new id
    slug: str = ""  # a new service's preferred slug (default: from its title)
    levels: list[Any] | None = None  # None: leave as they are
    needs: list[Any] | None = None
    circumstances: list[Any] | None = None
    # relation -> rows of child attributes; a relation not given is left as it is
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # How rows find the existing row they replace: by the ``oruk_id`` in each row, or (for a
    # spreadsheet, whose rows carry no child ids) by position.
    match_children: Literal["oruk_id", "position"] = "oruk_id"


@dataclass(frozen=True)
class Problem:
    """A reason the values cannot be saved: on the service (``relation`` empty) or on the
    ``position``-th row of a child relation; ``field`` empty for the object as a whole."""

    message: str
    field: str = ""
    relation: str = ""
    position: int | None = None


class ChildIds:
    """Open Referral ids of child rows are unique across services. A row whose id another
    service's row already has (a location two services share in a feed) gets an id derived from
    its service's, so it becomes a row of each; ``taken`` holds the ids in use elsewhere."""

    def __init__(self, taken: dict[type[models.Model], dict[str, int]]) -> None:
        self.taken = taken  # model -> {oruk_id: page id}
        self.given: set[tuple[type[models.Model], str]] = set()

    def free(self, model: type[models.Model], wanted: str, service: ServicePage) -> str:
        owner = self.taken.get(model, {}).get(wanted)
        if (model, wanted) in self.given or (owner is not None and owner != service.pk):
            wanted = derived_id(model.__name__, service.oruk_id, wanted)
        self.given.add((model, wanted))
        return wanted


def apply_values(page: ServicePage, values: ServiceValues, child_ids: ChildIds) -> None:
    """Set ``values`` on ``page`` (in memory)."""
    for name, value in values.fields.items():
        setattr(page, name, value(getattr(page, name)) if callable(value) else value)
    if values.levels is not None:
        page.levels.set(values.levels)
    if values.needs is not None:
        set_tags(page, "needs", values.needs)
    if values.circumstances is not None:
        set_tags(page, "circumstances", values.circumstances)
    for relation, rows in values.children.items():
        model = CHILD_MODELS[relation]
        existing = list(getattr(page, relation).all())
        by_id = {child.oruk_id: child for child in existing if getattr(child, "oruk_id", "")}
        children = []
        for position, row in enumerate(rows):
            row = dict(row)
            wanted = row.pop("oruk_id", "")
            if values.match_children == "position":
                child = existing[position] if position < len(existing) else model()
            else:
                child = by_id.pop(wanted, None) if wanted else None
                if child is None:
                    child = model()
                    if wanted and hasattr(child, "oruk_id"):
                        child.oruk_id = child_ids.free(model, wanted, page)
            if isinstance(child, ServiceLocation) and child.pk:
                _keep_geocoding_honest(child, row)
            for name, value in row.items():
                setattr(child, name, value)
            child.sort_order = position
            children.append(child)
        setattr(page, relation, children)


def _keep_geocoding_honest(location: ServiceLocation, row: dict[str, Any]) -> None:
    """New coordinates given for an unchanged postcode: look the postcode up again, so the
    postcode wins when it is known and the given position is kept only when it is not."""
    given = (row.get("latitude"), row.get("longitude"))
    moved = "latitude" in row and given != (location.latitude, location.longitude)
    if moved and None not in given and "geocode_status" not in row:
        location.geocoded_postcode = ""
        location.geocode_status = ServiceLocation.GeocodeStatus.PENDING


def check(page: ServicePage, age_bands: list[AgeBand]) -> list[Problem]:
    """The model's own validation of the page and every child row; [] when it may be saved.

    Foreign keys that hold an object are not looked up again (the importer found them in the
    database, or made a new one the writer saves first; the database refuses a dangling one when
    the batch is written), and the age band vocabulary is the one read for the batch."""
    problems: list[Problem] = []
    for relation in CHILD_MODELS:
        for position, child in enumerate(getattr(page, relation).all()):
            try:
                child.full_clean(exclude=["page", "sort_order"], validate_unique=False)
            except ValidationError as error:
                problems += _problems(error, relation=relation, position=position)
    # The writer checks slugs against every sibling at once.
    page._slug_checked = True
    page._age_band_vocabulary = age_bands
    exclude = [name for name in _foreign_keys() if _refers(page, name)]
    exclude += _page_bookkeeping()
    try:
        page.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        problems += _problems(error)
    return problems


@cache
def _page_bookkeeping() -> list[str]:
    """Wagtail's own page fields (tree, revisions, locks, …), which the writer sets itself:
    of the page table only the title and slug come from values."""
    return [
        field.name for field in Page._meta.concrete_fields if field.name not in ("title", "slug")
    ]


def _refers(page: ServicePage, name: str) -> bool:
    """The key holds an id, or an object (one an importer will create, saved by the writer)."""
    field = ServicePage._meta.get_field(name)
    return (
        getattr(page, field.attname) is not None or field.get_cached_value(page, None) is not None
    )


@cache
def _foreign_keys() -> list[str]:
    return [
        field.name
        for field in ServicePage._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
    ]


def _problems(error: ValidationError, **where: Any) -> list[Problem]:
    return [
        Problem(message, field="" if name == NON_FIELD_ERRORS else name, **where)
        for name, messages in error.message_dict.items()
        for message in messages
    ]
