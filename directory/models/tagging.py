"""Tagging that refuses free tags: editors choose vocabulary terms, they never invent them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField


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


class VocabularyTagField(TagField):
    """The admin form field: unknown terms are an error the editor sees, not silently dropped."""

    def clean(self, value: Any) -> list[str]:
        names = super(TagField, self).clean(value)  # taggit's parsing, before Wagtail's filter
        unknown = _unknown_names(self.tag_model, names)
        if unknown:
            label = self.tag_model._meta.verbose_name
            raise ValidationError(
                f"Choose from the {label} list; these are not {label}s: {', '.join(unknown)}. "
                f"Ask a commissioner to add a new {label}."
            )
        return super().clean(value)


register_form_field_override(
    VocabularyTaggableManager,
    override=lambda db_field: {
        "form_class": VocabularyTagField,
        "tag_model": db_field.related_model,
    },
    exact_class=True,
)
