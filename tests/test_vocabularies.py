"""Vocabularies: seeded defaults, no free tagging, hierarchy, derived age bands."""

import pytest
from django.core.exceptions import ValidationError

from directory.age_bands import derive_age_bands
from directory.models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    ServicePage,
    UnknownVocabularyTerm,
)
from directory.models.tagging import VocabularyChoiceField
from directory.vocabulary_defaults import NEEDS, seed_vocabularies

pytestmark = pytest.mark.django_db


def test_defaults_are_seeded_by_migration():
    assert list(LevelOfNeed.objects.values_list("name", flat=True)) == [
        "Universal",
        "Universal plus",
        "Targeted",
        "Specialist",
    ]
    assert Need.objects.filter(parent__isnull=True).count() == len(NEEDS)
    assert Need.objects.filter(parent__isnull=False).count() >= 25
    assert Need.objects.get(name="Domestic abuse").parent.name == "Staying safe"
    assert AgeBand.objects.filter(kind="pregnancy").exists()
    assert Circumstance.objects.filter(name="Young carers").exists()


def test_seeding_again_changes_nothing_and_keeps_renames():
    universal = LevelOfNeed.objects.get(slug="universal")
    universal.name = "Everyone"
    universal.save()
    assert seed_vocabularies() == {"levels": 0, "needs": 0, "age_bands": 0, "circumstances": 0}
    assert LevelOfNeed.objects.get(slug="universal").name == "Everyone"


def test_taggit_models_refuse_free_tagging():
    for model in (Need, AgeBand, Circumstance):
        assert model.free_tagging is False


def test_tagging_a_service_with_an_unknown_need_is_refused(make_service):
    page = make_service()
    with pytest.raises(UnknownVocabularyTerm, match="Made-up need"):
        page.needs.add("Made-up need")
    assert not Need.objects.filter(name="Made-up need").exists()


def test_known_terms_are_matched_case_insensitively(make_service):
    page = make_service(needs=["domestic abuse"])
    assert [need.name for need in page.needs.all()] == ["Domestic abuse"]


def test_admin_vocabulary_field_refuses_what_is_not_a_term_instead_of_dropping_it():
    field = VocabularyChoiceField(tag_model=Need, required=False)
    chosen = Need.objects.filter(name__in=["Domestic abuse", "Bereavement"])
    assert set(field.clean([str(need.pk) for need in chosen])) == set(chosen)
    with pytest.raises(ValidationError, match="“Nonsense” is not in the need list"):
        field.clean([str(chosen[0].pk), "Nonsense"])
    assert not Need.objects.filter(name="Nonsense").exists()


def test_levels_can_be_renamed_added_and_reordered():
    specialist = LevelOfNeed.objects.get(slug="specialist")
    LevelOfNeed.objects.create(name="Intensive", slug="intensive", rank=specialist.rank)
    specialist.rank += 1
    specialist.save()
    assert list(LevelOfNeed.objects.values_list("slug", flat=True))[-2:] == [
        "intensive",
        "specialist",
    ]


def test_need_hierarchy_is_two_levels():
    category = Need.objects.get(name="Staying safe")
    child = Need.objects.get(name="Domestic abuse")
    grandchild = Need(name="Coercive control", slug="coercive-control", parent=child)
    with pytest.raises(ValidationError, match="category"):
        grandchild.full_clean()
    assert set(category.descendant_ids()) >= {category.pk, child.pk}
    category.parent = Need.objects.get(name="Health and wellbeing")
    with pytest.raises(ValidationError):
        category.full_clean()


def band_names(*args, **kwargs):
    return [band.name for band in derive_age_bands(*args, **kwargs)]


@pytest.mark.parametrize(
    ("minimum", "maximum", "flags", "expected"),
    [
        (0, 4, {}, ["0 to 1", "2 to 4"]),
        (3, 3, {}, ["2 to 4"]),
        (5, 18, {}, ["5 to 11", "12 to 16", "17 to 19"]),
        (16, 25, {}, ["12 to 16", "17 to 19", "20 to 25"]),
        (11, None, {}, ["5 to 11", "12 to 16", "17 to 19", "20 to 25"]),
        (None, None, {}, ["0 to 1", "2 to 4", "5 to 11", "12 to 16", "17 to 19", "20 to 25"]),
        (None, None, {"expectant_parents": True}, ["Pregnancy"]),
        (0, 1, {"expectant_parents": True}, ["Pregnancy", "0 to 1"]),
        (None, None, {"parents_and_carers": True}, ["Parents and carers"]),
        (30, 40, {}, []),
    ],
)
def test_age_bands_are_derived_from_the_age_range(minimum, maximum, flags, expected):
    assert band_names(minimum, maximum, **flags) == expected


def test_a_services_age_bands_follow_its_ages_on_every_save(make_service):
    page = make_service(minimum_age=0, maximum_age=4)
    assert sorted(b.name for b in page.age_bands.all()) == ["0 to 1", "2 to 4"]
    page.minimum_age, page.maximum_age = 12, 19
    page.save_revision().publish()
    page.refresh_from_db()
    assert sorted(b.name for b in page.age_bands.all()) == ["12 to 16", "17 to 19"]


def test_age_band_validation():
    band = AgeBand(name="Odd", slug="odd", kind="age", min_age=9, max_age=3)
    with pytest.raises(ValidationError):
        band.full_clean()
    with pytest.raises(ValidationError):
        AgeBand(name="Open", slug="open", kind="age", min_age=3).full_clean()


def test_editing_an_age_band_in_the_admin_retags_services(client, make_service, admin_user):
    page = make_service(minimum_age=17, maximum_age=18)
    assert [b.name for b in page.age_bands.all()] == ["17 to 19"]
    band = AgeBand.objects.get(name="12 to 16")
    client.force_login(admin_user)
    response = client.post(
        f"/admin/snippets/directory/ageband/edit/{band.pk}/",
        {
            "name": "12 to 17",
            "slug": band.slug,
            "kind": "age",
            "min_age": 12,
            "max_age": 17,
            "description": "",
            "sort_order": band.sort_order,
        },
    )
    assert response.status_code == 302
    page = ServicePage.objects.get(pk=page.pk)
    assert sorted(b.name for b in page.age_bands.all()) == ["12 to 17", "17 to 19"]


def test_terms_an_import_added_can_be_listed_for_review(client, commissioner):
    from django.urls import reverse

    from directory.models import Circumstance, Need

    parent = Need.objects.filter(parent__isnull=True).first()
    Need.objects.create(
        name="Gambling harm", slug="gambling-harm", parent=parent, needs_review=True
    )
    Circumstance.objects.create(name="Boat dwellers", slug="boat-dwellers", needs_review=True)
    client.force_login(commissioner)
    needs = client.get(reverse("wagtailsnippets_directory_need:list") + "?needs_review=true")
    assert needs.status_code == 200
    html = needs.content.decode()
    assert "Gambling harm" in html
    assert "Parenting programmes</span>" not in html  # a need nobody has to review
    circumstances = client.get(
        reverse("wagtailsnippets_directory_circumstance:list") + "?needs_review=true"
    )
    assert "Boat dwellers" in circumstances.content.decode()
