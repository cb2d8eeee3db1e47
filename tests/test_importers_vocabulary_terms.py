"""Both importers take every term of every vocabulary, however its name is punctuated: the
seeded ones ("Speech, language and communication", "Gypsy, Roma and Traveller families") and
terms a commissioner made with semicolons, commas, quotes, brackets, ampersands and other
scripts. Terms are added and, on the next import, taken off again.
"""

from __future__ import annotations

import uuid

import pytest

from directory.models import AgeBand, Circumstance, LevelOfNeed, Need, ServicePage
from directory.term_names import split_term_list, term_key
from exchange.openreferral.importing import import_services as import_openreferral
from exchange.spreadsheets.importer import import_services as import_spreadsheet

from .hostile_terms import HOSTILE_CIRCUMSTANCES, HOSTILE_NEEDS
from .oruk_records import attribute, record
from .spreadsheet_files import csv_file, row, xlsx_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile_terms(db) -> None:
    """Terms a commissioner made, one of them a category of its own."""
    health = Need.objects.get(name="Health and wellbeing")
    for number, name in enumerate(HOSTILE_NEEDS):
        Need.objects.create(
            name=name, slug=f"hostile-need-{number}", parent=None if number == 0 else health
        )
    for number, name in enumerate(HOSTILE_CIRCUMSTANCES):
        Circumstance.objects.create(name=name, slug=f"hostile-circumstance-{number}")


def every_name(model) -> list[str]:
    return list(model.objects.order_by("pk").values_list("name", flat=True))


def names(terms) -> set[str]:
    return {term.name for term in terms.all()}


def shouted(name: str) -> str:
    """The same name typed in capitals with extra spaces around its punctuation."""
    return name.upper().replace(", ", " ,  ").replace("; ", " ;   ")


# -- splitting a list cell ---------------------------------------------------------------------


def test_a_list_cell_is_split_into_whole_terms():
    terms = {
        term_key(name): name
        for name in ("Speech, language and communication", "Young carers", ",odd,", "A; B")
    }
    found, unknown = split_term_list(
        "Speech , language and communication; young  carers,,odd,\nA;B, Nonsense, Speech", terms
    )
    assert found == ["Speech, language and communication", "Young carers", ",odd,", "A; B"]
    assert unknown == ["Nonsense", "Speech"]
    assert split_term_list("", terms) == ([], [])


# -- the spreadsheet importer -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("separator", "file_type"), [("; ", "csv"), (", ", "xlsx"), ("\n", "xlsx"), (";", "csv")]
)
def test_the_spreadsheet_importer_adds_and_removes_every_term(
    site_structure, organisation, postcodes, hostile_terms, commissioner, separator, file_type
):
    write = csv_file if file_type == "csv" else xlsx_file
    levels, needs, circumstances = (
        every_name(LevelOfNeed),
        every_name(Need),
        every_name(Circumstance),
    )
    full = row(
        levels=separator.join(levels),
        needs=separator.join(needs),
        circumstances=separator.join(shouted(name) for name in circumstances),
        minimum_age="0",
        maximum_age="25",
        for_expectant_parents="yes",
        for_parents_and_carers="yes",
    )
    report = import_spreadsheet(
        write([full]), f"services.{file_type}", publish=True, user=commissioner
    )
    assert report.ok, report.errors
    service = ServicePage.objects.get(title=full["name"])
    assert names(service.needs) == set(needs)
    assert names(service.circumstances) == set(circumstances)
    assert names(service.levels) == set(levels)
    assert names(service.age_bands) == set(every_name(AgeBand))

    # The same service again with one of the hostile terms: the others come off.
    fewer = {**full, "oruk_id": service.oruk_id, "needs": HOSTILE_NEEDS[1], "circumstances": ""}
    report = import_spreadsheet(
        write([fewer]), f"services.{file_type}", publish=True, user=commissioner
    )
    assert report.ok, report.errors
    assert report.updated == 1
    service = ServicePage.objects.get(pk=service.pk)
    assert names(service.needs) == {HOSTILE_NEEDS[1]}
    assert names(service.circumstances) == set()


def test_the_spreadsheet_importer_names_the_parts_that_are_not_terms(
    site_structure, organisation, hostile_terms
):
    cell = f"Speech, language and communication; Speech, nonsense; {HOSTILE_NEEDS[1]}"
    report = import_spreadsheet(csv_file([row(needs=cell)]), "services.csv")
    assert not report.ok
    [error] = report.errors
    assert error.column == "needs"
    assert "'Speech', 'nonsense'" in error.message
    assert not ServicePage.objects.exists()


# -- the Open Referral importer -----------------------------------------------------------------


def attributes_for_every_term(spell=lambda name: name) -> list[dict]:
    """Attributes naming every term by name only (ids this directory has never seen)."""
    return [
        attribute(taxonomy, spell(name))
        for taxonomy, model in (
            ("Level of need", LevelOfNeed),
            ("Need", Need),
            ("Circumstance", Circumstance),
            ("Age band", AgeBand),
        )
        for name in every_name(model)
    ]


@pytest.mark.parametrize("spell", [lambda name: name, shouted], ids=["as-named", "shouted"])
def test_the_openreferral_importer_adds_and_removes_every_term(
    site_structure, postcodes, hostile_terms, spell
):
    before = (Need.objects.count(), Circumstance.objects.count())
    service_id = str(uuid.uuid4())
    report = import_openreferral(
        [record(id=service_id, attributes=attributes_for_every_term(spell))], publish=True
    )
    assert report.ok, report.lines()
    assert report.unknown_terms == []
    assert (Need.objects.count(), Circumstance.objects.count()) == before  # none invented
    service = ServicePage.objects.get(oruk_id=service_id)
    assert names(service.needs) == set(every_name(Need))
    assert names(service.circumstances) == set(every_name(Circumstance))
    assert names(service.levels) == set(every_name(LevelOfNeed))
    assert service.for_expectant_parents and service.for_parents_and_carers

    fewer = [
        attribute("Level of need", "Universal"),
        attribute("Need", spell(HOSTILE_NEEDS[2])),
        attribute("Circumstance", spell(HOSTILE_CIRCUMSTANCES[0])),
    ]
    report = import_openreferral([record(id=service_id, attributes=fewer)], publish=True)
    assert report.ok, report.lines()
    service = ServicePage.objects.get(pk=service.pk)
    assert names(service.needs) == {HOSTILE_NEEDS[2]}
    assert names(service.circumstances) == {HOSTILE_CIRCUMSTANCES[0]}


def test_an_unknown_term_in_another_script_gets_a_usable_web_address(site_structure, postcodes):
    service_id = str(uuid.uuid4())
    attributes = [
        attribute("Level of need", "Universal"),
        attribute("Need", "家庭支援"),
        attribute("Need", "דאגה למשפחה"),
    ]
    report = import_openreferral([record(id=service_id, attributes=attributes)], publish=True)
    assert report.ok, report.lines()
    created = Need.objects.filter(name__in=["家庭支援", "דאגה למשפחה"])
    assert created.count() == 2
    assert all(need.needs_review for need in created)
    slugs = sorted(need.slug for need in created)
    assert slugs == ["term", "term-1"]
