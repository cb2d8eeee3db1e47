"""Every term of every vocabulary can be added to and taken off a service through the real admin
edit form: the seeded ones with commas ("Speech, language and communication"), and terms a
commissioner makes with quotes, brackets, ampersands, semicolons and other scripts.

The tests read the edit form the admin renders (tests/admin_forms.py), change only the
vocabulary fields and post it back as a browser would.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import AgeBand, Circumstance, LevelOfNeed, Need, ServicePage
from directory.site_setup import EDITORS

from .admin_forms import choice_labels, form_values
from .hostile_terms import HOSTILE_CIRCUMSTANCES, HOSTILE_NEEDS

pytestmark = pytest.mark.django_db
EDIT_FORM = "#page-edit-form"


@pytest.fixture
def editor(make_user):
    return make_user(EDITORS, "editor")


@pytest.fixture
def chatterbox(make_service):
    """A live service carrying seeded terms with commas, as 13 demo services do."""
    return make_service(
        title="Chatterbox – Deptford",
        needs=["Speech, language and communication", "Early years development"],
        circumstances=["Gypsy, Roma and Traveller families"],
    )


def add_term_as_commissioner(client, model, name: str, slug: str, **fields: str) -> None:
    """A new term through the vocabulary's own admin add form."""
    url = reverse(f"wagtailsnippets_directory_{model._meta.model_name}:add")
    data = form_values(client.get(url).content)
    data.update({"name": [name], "slug": [slug], **{key: [value] for key, value in fields.items()}})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert model.objects.filter(name=name).exists()


def edit_url(page: ServicePage) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def post_edit(client, page: ServicePage, data: dict[str, list[str]], action: str):
    return client.post(edit_url(page), {**data, action: ["on"]})


def assert_saved(response) -> None:
    if response.status_code != 302:
        form = response.context and response.context.get("form")
        raise AssertionError(f"not saved: {form.errors if form else response.status_code}")


def latest_revision(page: ServicePage) -> ServicePage:
    return ServicePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def names(terms) -> set[str]:
    return {term.name for term in terms.all()}


def test_the_editor_shows_terms_with_commas_whole_and_ticked(client, editor, chatterbox):
    client.force_login(editor)
    html = client.get(edit_url(chatterbox)).content
    labels = choice_labels(html, "needs")
    ticked = form_values(html, EDIT_FORM)["needs"]
    assert {labels[value] for value in ticked} == {
        "Speech, language and communication",
        "Early years development",
    }
    circumstance_labels = choice_labels(html, "circumstances")
    assert [circumstance_labels[v] for v in form_values(html, EDIT_FORM)["circumstances"]] == [
        "Gypsy, Roma and Traveller families"
    ]
    # Submitting it unchanged keeps every term: the blocker was "these are not needs: Speech,".
    response = post_edit(client, chatterbox, form_values(html, EDIT_FORM), "action-submit")
    assert_saved(response)
    assert names(latest_revision(chatterbox).needs) == {
        "Speech, language and communication",
        "Early years development",
    }


def test_every_seeded_and_commissioner_made_term_is_added_and_removed_through_the_form(
    client, commissioner, editor, chatterbox
):
    client.force_login(commissioner)
    health = Need.objects.get(name="Health and wellbeing")
    for number, name in enumerate(HOSTILE_NEEDS):
        # The first is a category of its own; the others sit under a seeded category.
        parent = {} if number == 0 else {"parent": str(health.pk)}
        add_term_as_commissioner(client, Need, name, f"hostile-need-{number}", **parent)
    for number, name in enumerate(HOSTILE_CIRCUMSTANCES):
        add_term_as_commissioner(client, Circumstance, name, f"hostile-circumstance-{number}")

    # The editor ticks every need, circumstance and level, with ages that span every age band.
    client.force_login(editor)
    html = client.get(edit_url(chatterbox)).content
    need_labels = choice_labels(html, "needs")
    circumstance_labels = choice_labels(html, "circumstances")
    every_need = sorted(str(pk) for pk in Need.objects.values_list("pk", flat=True))
    assert sorted(need_labels) == every_need
    assert set(need_labels.values()) >= set(HOSTILE_NEEDS[1:])
    assert f"{HOSTILE_NEEDS[0]} (in general)" in need_labels.values()
    assert set(circumstance_labels.values()) == set(
        Circumstance.objects.values_list("name", flat=True)
    )
    data = form_values(html, EDIT_FORM)
    data.update(
        {
            "needs": list(need_labels),
            "circumstances": list(circumstance_labels),
            "levels": [str(pk) for pk in LevelOfNeed.objects.values_list("pk", flat=True)],
            "minimum_age": ["0"],
            "maximum_age": ["25"],
            "for_expectant_parents": ["on"],
            "for_parents_and_carers": ["on"],
        }
    )
    assert_saved(post_edit(client, chatterbox, data, "action-submit"))
    state = WorkflowState.objects.get(object_id=str(chatterbox.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    submitted = latest_revision(chatterbox)
    assert names(submitted.needs) == set(Need.objects.values_list("name", flat=True))
    every_circumstance = set(Circumstance.objects.values_list("name", flat=True))
    assert names(submitted.circumstances) == every_circumstance

    # The commissioner approves: the live service carries every term, age bands included.
    client.force_login(commissioner)
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(chatterbox.pk, "approve", task_state.pk)
    )
    response = client.post(approve, {"comment": ""})
    edit = reverse("wagtailadmin_pages:edit", args=(chatterbox.pk,))
    assert (response.status_code, response.headers.get("Location")) == (302, edit)
    live = ServicePage.objects.get(pk=chatterbox.pk)
    assert live.live and not live.has_unpublished_changes
    assert names(live.needs) == set(Need.objects.values_list("name", flat=True))
    assert names(live.circumstances) == set(Circumstance.objects.values_list("name", flat=True))
    assert names(live.age_bands) == set(AgeBand.objects.values_list("name", flat=True))
    assert live.levels.count() == LevelOfNeed.objects.count()

    # And every one can be taken off again, leaving just the terms still ticked.
    client.force_login(editor)
    html = client.get(edit_url(chatterbox)).content
    data = form_values(html, EDIT_FORM)
    assert sorted(data["needs"]) == sorted(need_labels)
    keep = next(pk for pk, label in need_labels.items() if label == HOSTILE_NEEDS[2])
    data.update({"needs": [keep], "circumstances": []})
    assert_saved(post_edit(client, chatterbox, data, "action-submit"))
    edited = latest_revision(chatterbox)
    assert names(edited.needs) == {HOSTILE_NEEDS[2]}
    assert names(edited.circumstances) == set()


def test_a_term_that_is_not_in_the_vocabulary_is_refused_not_invented(client, editor, chatterbox):
    client.force_login(editor)
    data = form_values(client.get(edit_url(chatterbox)).content, EDIT_FORM)
    before = Need.objects.count()
    for bad in (["999999"], ["Speech, language and communication"], ["Made-up need"]):
        response = post_edit(client, chatterbox, {**data, "needs": bad}, "action-submit")
        assert response.status_code == 200
        assert "needs" in response.context["form"].errors
    assert Need.objects.count() == before
    assert not WorkflowState.objects.filter(object_id=str(chatterbox.pk)).exists()
