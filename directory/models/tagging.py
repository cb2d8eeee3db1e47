"""Tagging that refuses free tags: editors choose vocabulary terms, they never invent them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from wagtail.admin.forms.models import register_form_field_override


class UnknownVocabularyTerm(ValueError):
    """A tag name that is not in the managed vocabulary."""


def _unknown_names(tag_model: Any, names: Iterable[str]) -> list[str]:
    names = [name for name in names if isinstance(name, str)]
    if not names:
        return []
    known = {
        name.lower()
        for name in tag_model._default_manager.filter(name__in=names).values_list("name", flat=True)
    }
    unknown = [name for name in names if name.lower() not in known]
    # Names differing only in case from a term are the term (TAGGIT_CASE_INSENSITIVE).
    return [
        name
        for name in unknown
        if not tag_model._default_manager.filter(name__iexact=name).exists()
    ]


class _VocabularyManager(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags: Iterable[Any], tag_kwargs: dict) -> list:
        tags = list(tags)
        tag_model = self.through.tag_model()
        if not getattr(tag_model, "free_tagging", True):
            unknown = _unknown_names(tag_model, tags)
            if unknown:
                raise UnknownVocabularyTerm(
                    f"Not in the {tag_model._meta.verbose_name} vocabulary: {', '.join(unknown)}"
                )
        return super()._to_tag_model_instances(tags, tag_kwargs)


class VocabularyTaggableManager(ClusterTaggableManager):
    """A ClusterTaggableManager whose tags must already exist in their vocabulary."""

    def __get__(self, instance: Any, model: Any) -> _VocabularyManager:
        return _VocabularyManager(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )


# taggit's help text for its own comma-separated box.
TAGGIT_HELP_TEXT = "A comma-separated list of tags."


class VocabularyChoiceIterator(ModelChoiceIterator):
    """The terms as choices; needs grouped under their category (the category itself first, for
    services about the category as a whole), other vocabularies as one flat list."""

    def __iter__(self) -> Iterator[Any]:
        terms = list(self.queryset)
        if not any(getattr(term, "parent_id", None) for term in terms):
            yield from (self.choice(term) for term in terms)
            return
        children: dict[int, list[Any]] = {}
        for term in terms:
            if term.parent_id:
                children.setdefault(term.parent_id, []).append(term)
        for category in (term for term in terms if not term.parent_id):
            value, _ = self.choice(category)
            options = [(value, f"{category.name} (in general)")]
            options += [self.choice(term) for term in children.get(category.pk, [])]
            yield category.name, options


class VocabularyCheckboxes(forms.CheckboxSelectMultiple):
    """One checkbox per term, each group of terms in a fieldset with its category as legend."""

    template_name = "directory/widgets/vocabulary_checkboxes.html"


class VocabularyChoiceField(forms.ModelMultipleChoiceField):
    """The admin form field for a managed vocabulary: the editor ticks existing terms.

    Each term is one value whatever its name holds (commas, quotes, brackets, any script); a
    free-text tag box would split "Speech, language and communication" at its comma. A value
    that is not a term of the vocabulary is refused, so no tag is ever invented here.
    """

    widget = VocabularyCheckboxes
    iterator = VocabularyChoiceIterator

    def __init__(self, *, tag_model: Any, **kwargs: Any) -> None:
        self.tag_model = tag_model
        if kwargs.get("help_text") == TAGGIT_HELP_TEXT:
            kwargs["help_text"] = f"Tick every {tag_model._meta.verbose_name} that applies."
        label = tag_model._meta.verbose_name
        not_a_term = (
            f"“%(value)s” is not in the {label} list. Ask a commissioner to add a new {label}."
        )
        kwargs.setdefault("error_messages", {}).update(
            invalid_choice=not_a_term, invalid_pk_value=not_a_term.replace("value", "pk")
        )
        super().__init__(queryset=tag_model._default_manager.all(), **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return obj.name


register_form_field_override(
    VocabularyTaggableManager,
    override=lambda db_field: {
        "form_class": VocabularyChoiceField,
        "tag_model": db_field.related_model,
    },
    exact_class=True,
)


def set_tags(instance: Any, manager_name: str, tags: Iterable[Any]) -> None:
    """Set a clusterable instance's tags in memory, as ``instance.<manager>.set(tags)`` does,
    through the child rows of its through model (kept for tags it keeps). taggit's ``set``
    builds and runs querysets on every call, which a bulk import of thousands cannot afford."""
    through = instance._meta.get_field(manager_name).through
    accessor = through._meta.get_field("content_object").remote_field.related_name
    current = {row.tag_id: row for row in getattr(instance, accessor).all()}
    rows, seen = [], set()
    for tag in tags:
        key = tag.pk if tag.pk is not None else id(tag)  # a new term, saved with the page
        if key not in seen:
            seen.add(key)
            rows.append(current.get(tag.pk) if tag.pk is not None and tag.pk in current else None)
            rows[-1] = rows[-1] or through(tag=tag)
    setattr(instance, accessor, rows)
