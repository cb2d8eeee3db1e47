"""The vocabularies a search checks its filters against and labels its facets with
(search.stored_terms) are kept in each process's memory for the index's generation: every save
or delete of a term must move it, so the next search sees the change, in this process or any
other (they all read the generation from the database)."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from directory.models import AgeBand, Circumstance, LevelOfNeed, Need
from search.models import IndexGeneration
from search.query import SearchQueryError, parse_search_query
from search.runner import run_search

pytestmark = pytest.mark.django_db

NEW_TERMS = [
    ("level", lambda: LevelOfNeed.objects.create(name="Early help", slug="early-help", rank=9)),
    ("age_band", lambda: AgeBand.objects.create(name="Over 80", slug="over-80", min_age=80)),
    ("circumstance", lambda: Circumstance.objects.create(name="Veterans", slug="veterans")),
    ("need", lambda: Need.objects.create(name="Allotments", slug="allotments")),
]


def _parses(parameter: str, slug: str) -> bool:
    try:
        parse_search_query(QueryDict(f"{parameter}={slug}"))
    except SearchQueryError as problem:
        assert parameter in problem.errors
        return False
    return True


@pytest.mark.parametrize(("parameter", "create"), NEW_TERMS, ids=[n for n, _ in NEW_TERMS])
def test_a_term_added_after_a_search_is_a_filter_at_the_next_one(site_structure, parameter, create):
    with IndexGeneration.pinned():  # a search before the term exists, as a page would run
        assert not _parses(parameter, "no-such-term")
    term = create()
    assert _parses(parameter, term.slug)
    term.delete()
    assert not _parses(parameter, term.slug)


def test_a_renamed_term_is_labelled_by_its_new_name_at_the_next_search(make_service):
    make_service(title="Family support", levels=["targeted"])
    query = parse_search_query(QueryDict("level=targeted"))

    def label() -> str:
        facets = {facet.name: facet for facet in run_search(query, log=False).facets}
        (value,) = [value for value in facets["level"].values if value.value == "targeted"]
        return value.label

    assert label() == "Targeted"
    level = LevelOfNeed.objects.get(slug="targeted")
    level.name = "Targeted early help"
    level.save()
    assert label() == "Targeted early help"


def test_a_need_category_takes_in_a_need_put_under_it_later(site_structure):
    category = Need.objects.filter(parent__isnull=True, children__isnull=False).first()
    before = parse_search_query(QueryDict(f"need={category.slug}")).need_ids
    added = Need.objects.create(name="Wraparound care", slug="wraparound-care", parent=category)
    after = parse_search_query(QueryDict(f"need={category.slug}")).need_ids
    assert after == before | {added.pk}
    assert category.pk in after


def test_needs_chosen_take_in_only_their_own_needs(site_structure):
    category = Need.objects.filter(parent__isnull=True, children__isnull=False).first()
    other = Need.objects.exclude(pk=category.pk).exclude(parent=category).first()
    query = parse_search_query(QueryDict(f"need={other.slug}"))
    assert query.need_ids == {other.pk, *other.children.values_list("pk", flat=True)}
    assert category.pk not in query.need_ids
