"""Every filter a public search can be narrowed by, declared once.

One ``SearchFilter`` says all there is to know about a filter: its GET parameter, how the
parser checks a value (a vocabulary table, a fixed list, yes/no), what the search document
holds for it, and how its facet is labelled. The query (``search.query``), the facets
(``search.facets``), the search document (``search.documents``), the Elasticsearch mapping and
both engines read this table, so adding a filter is one entry here. Only a filter whose values
are judged when a search runs (``timed``, such as "open now") needs code in each engine too;
``tests/test_search_filters.py`` checks that both have it.

The table is in parameter order: the order links list parameters and the parser reports
problems. Facets are shown in ``facet_position`` order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from django.db.models import Model

from directory.choices import ACCESS_ROUTES, DELIVERY_MODES, LANGUAGES, WEEKDAYS
from directory.models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    ServicePage,
)
from directory.opening_hours import OPEN_CHOICES

# The value a yes/no filter holds when it is yes, in links, documents and facets alike.
YES = "true"


class Kind(Enum):
    # Needs: slugs of a two-level vocabulary; a category selects the needs under it.
    NEED = "need"
    # Slugs of a vocabulary kept in a table (``vocabulary``).
    TERMS = "terms"
    # Values fixed in code (``choices``).
    CHOICES = "choices"
    # Ticked or not: "true" when ticked.
    YES_NO = "yes_no"
    # A child's age in years: a range, matched against each service's ages (not a facet).
    AGE = "age"


@dataclass(frozen=True)
class SearchFilter:
    # The GET parameter; also the facet's name, the document's facet key and the index field.
    name: str
    # The SearchQuery attribute reading the choices (a tuple; True/None for yes/no).
    attribute: str
    kind: Kind
    # The facet's heading; empty for a filter that is not counted as a facet.
    label: str = ""
    facet_position: int = 0
    # Words for problems: one value and several ("a level of need", "levels of need"); for a
    # yes/no filter, the word on its tick box.
    one: str = ""
    many: str = ""
    # TERMS and NEED: the vocabulary model and its order (position field, tie-break field).
    vocabulary: type[Model] | None = None
    order: tuple[str, str] = ("sort_order", "name")
    # CHOICES and YES_NO: (value, label) in the order shown.
    choices: Callable[[], Iterable[tuple[str, str]]] | None = None
    # The values a service's search document holds, read from a page fetched through
    # ``search.documents.indexable_services``. None for a timed filter.
    document_values: Callable[[ServicePage], list[str]] | None = None
    # Values that depend on when the search runs: each engine works them out from the
    # service's opening minutes at the search's moment; never stored in the index.
    timed: bool = False
    # Counted (the API shows it) but not offered on the results page.
    on_page: bool = True
    # A chosen value reads well alone ("Free", "Open now"), without the facet's heading.
    names_itself: bool = False

    @property
    def is_facet(self) -> bool:
        return bool(self.label)

    @property
    def repeatable(self) -> bool:
        return self.kind in (Kind.NEED, Kind.TERMS, Kind.CHOICES)

    def allowed(self) -> list[tuple[str, str]]:
        """(value, label) of a filter whose values are fixed in code."""
        if self.choices is None:
            raise ValueError(f"the {self.name!r} filter has no fixed choices")
        return list(self.choices())


def _need_slugs(page: ServicePage) -> list[str]:
    rows = list(page.tagged_needs.all())
    slugs = {row.tag.slug for row in rows}
    # A category finds the services tagged with any of its needs.
    slugs |= {row.tag.parent.slug for row in rows if row.tag.parent_id}
    return sorted(slugs)


def _tags(relation: str) -> Callable[[ServicePage], list[str]]:
    return lambda page: [row.tag.slug for row in getattr(page, relation).all()]


def _flags(table: dict[str, tuple[str, str]]) -> Callable[[ServicePage], list[str]]:
    """Slugs of a fixed list whose boolean field on the page is set."""
    return lambda page: [slug for slug, (field, _) in table.items() if getattr(page, field)]


def _labels(table: dict[str, tuple[str, str]]) -> Callable[[], list[tuple[str, str]]]:
    return lambda: [(slug, label) for slug, (_, label) in table.items()]


def _yes(field: str) -> Callable[[ServicePage], list[str]]:
    return lambda page: [YES] if getattr(page, field) else []


def _fixed(pairs: Iterable[tuple[str, str]]) -> Callable[[], list[tuple[str, str]]]:
    kept = list(pairs)
    return lambda: kept


FILTERS: tuple[SearchFilter, ...] = (
    SearchFilter(
        "need",
        "needs",
        Kind.NEED,
        label="Need",
        facet_position=1,
        one="a need",
        many="needs",
        vocabulary=Need,
        document_values=_need_slugs,
    ),
    SearchFilter(
        "level",
        "levels",
        Kind.TERMS,
        label="Level of need",
        facet_position=2,
        one="a level of need",
        many="levels of need",
        vocabulary=LevelOfNeed,
        order=("rank", ""),
        document_values=lambda page: [level.slug for level in page.levels.all()],
    ),
    SearchFilter(
        "age_band",
        "age_bands",
        Kind.TERMS,
        label="Age",
        facet_position=3,
        one="an age group",
        many="age groups",
        vocabulary=AgeBand,
        document_values=_tags("tagged_age_bands"),
        # One age control on the page: the child's age (the API keeps age groups).
        on_page=False,
    ),
    SearchFilter(
        "circumstance",
        "circumstances",
        Kind.TERMS,
        label="Especially for",
        facet_position=4,
        one="a circumstance",
        many="circumstances",
        vocabulary=Circumstance,
        document_values=_tags("tagged_circumstances"),
    ),
    SearchFilter(
        "delivery",
        "delivery",
        Kind.CHOICES,
        label="How it is delivered",
        facet_position=6,
        many="how services are delivered",
        choices=_labels(DELIVERY_MODES),
        document_values=_flags(DELIVERY_MODES),
    ),
    SearchFilter(
        "access",
        "access",
        Kind.CHOICES,
        label="How to get it",
        facet_position=5,
        many="how to get in touch",
        choices=_labels(ACCESS_ROUTES),
        document_values=_flags(ACCESS_ROUTES),
    ),
    SearchFilter(
        "day",
        "days",
        Kind.CHOICES,
        label="Open on",
        facet_position=8,
        many="days of the week",
        choices=_fixed(WEEKDAYS),
        document_values=lambda page: sorted({s.weekday for s in page.schedules.all()}),
    ),
    SearchFilter(
        "open",
        "open",
        Kind.CHOICES,
        label="When",
        facet_position=7,
        many="when it is open",
        choices=_fixed(OPEN_CHOICES.items()),
        timed=True,
        names_itself=True,
    ),
    SearchFilter(
        "language",
        "languages",
        Kind.CHOICES,
        label="Language",
        facet_position=9,
        many="languages",
        choices=_fixed(LANGUAGES),
        document_values=lambda page: sorted({language.code for language in page.languages.all()}),
    ),
    SearchFilter("age", "age", Kind.AGE),
    SearchFilter(
        "free",
        "free",
        Kind.YES_NO,
        label="Cost",
        facet_position=10,
        one="Free",
        choices=_fixed([(YES, "Free")]),
        document_values=_yes("is_free"),
        names_itself=True,
    ),
    SearchFilter(
        "commissioned",
        "commissioned",
        Kind.YES_NO,
        label="Commissioned",
        facet_position=11,
        one="Commissioned",
        choices=_fixed([(YES, "Commissioned by the council")]),
        document_values=_yes("commissioned"),
        names_itself=True,
    ),
)
FILTERS_BY_NAME = {search_filter.name: search_filter for search_filter in FILTERS}
FILTERS_BY_ATTRIBUTE = {search_filter.attribute: search_filter for search_filter in FILTERS}
# The facets, in the order the page shows them.
FACETS: tuple[SearchFilter, ...] = tuple(
    sorted((f for f in FILTERS if f.is_facet), key=lambda f: f.facet_position)
)
# The filters whose values the search document holds.
STORED: tuple[SearchFilter, ...] = tuple(f for f in FILTERS if f.document_values is not None)


def document_facets(page: ServicePage) -> dict[str, list[str]]:
    """{filter name: values} for a service's search document."""
    return {f.name: f.document_values(page) for f in STORED}  # type: ignore[misc]
