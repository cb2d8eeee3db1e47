"""Managed vocabularies: needs, levels of need, age bands and circumstances.

Commissioners edit these in the admin; editors only choose from them. Needs, age bands and
circumstances are django-taggit tag models with ``free_tagging = False`` so Wagtail's tag widget
offers existing terms only, and ``VocabularyTaggableManager`` refuses unknown names outright.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.text import slugify
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel

from .identifiers import OrukIdField, new_oruk_id  # noqa: F401  (0001_initial refers to it here)

ASCII_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class VocabularyTerm(TagBase):
    """A tag that editors can choose but never invent."""

    free_tagging = False

    oruk_id = OrukIdField()
    description = models.TextField(blank=True, help_text="Plain English, shown to the public.")
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def slugify(self, tag: str, i: int | None = None) -> str:
        # A name in another script has no ASCII slug: the term still needs a web address.
        slug = slugify(tag)[:90] or "term"
        return f"{slug}-{i}" if i is not None else slug

    def clean(self) -> None:
        super().clean()
        # Pages link to a need as /needs/<slug>/, and that address takes ASCII letters only.
        if self.slug and not ASCII_SLUG.fullmatch(self.slug):
            raise ValidationError(
                {
                    "slug": "Use only English letters, numbers and hyphens, "
                    f"such as '{self.slugify(self.name)}'."
                }
            )


def search_words_field() -> models.TextField:
    """The "words families use" of a need or circumstance (read by search.lexicon)."""
    return models.TextField(
        "words families use",
        blank=True,
        help_text="Words and phrases families and practitioners search with that mean this, one "
        "a line: everyday words, abbreviations, slang, common misspellings ('late talker', "
        "'SALT', 'speach'). Endings do not matter ('bullied' finds 'bullying'). Write "
        "{someone} for any family member ('lost {someone}'), or {parent}, {child} or {sibling}. "
        "Used from the next search.",
    )


class Need(VocabularyTerm):
    """What a family needs help with. Two levels: a category (no parent) and its needs."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Leave empty for a category such as 'Parenting'.",
    )
    # Set on terms an Open Referral import created because a feed used them; a commissioner
    # checks the name and place, then clears it.
    needs_review = models.BooleanField(
        "to review",
        default=False,
        help_text="Added by an Open Referral import: check it, then untick.",
    )
    search_words = search_words_field()
    # Someone reading about it may be at risk if seen: its pages and its services' pages get an
    # "Exit this page" button.
    sensitive = models.BooleanField(
        "sensitive",
        default=False,
        help_text="Show an 'Exit this page' button on this need's pages and its services' pages, "
        "for people who may be at risk if someone sees what they are reading (domestic abuse, "
        "for example). A category's needs are sensitive with it.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("description"),
        FieldPanel("search_words"),
        FieldPanel("sort_order"),
        FieldPanel("sensitive"),
        FieldPanel("needs_review"),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "need"

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent else self.name

    @property
    def is_category(self) -> bool:
        return self.parent_id is None

    def clean(self) -> None:
        super().clean()
        if self.parent:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": "A need cannot be its own category."})
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": "Choose a category (a need with no parent of its own)."}
                )
            if self.pk and self.children.exists():
                raise ValidationError(
                    {"parent": "This need is a category with needs under it; it cannot move."}
                )

    @property
    def is_sensitive(self) -> bool:
        """Marked sensitive, itself or through its category."""
        return self.sensitive or bool(self.parent and self.parent.sensitive)

    def page_is_sensitive(self) -> bool:
        """Whether this need's page lists sensitive services: it is sensitive, or it is a
        category with a sensitive need under it."""
        return self.is_sensitive or (
            self.is_category and self.children.filter(sensitive=True).exists()
        )

    def descendant_ids(self) -> list[int]:
        """This need and, for a category, every need under it."""
        return [self.pk, *self.children.values_list("pk", flat=True)]


def sensitive_needs(needs: QuerySet[Need]) -> QuerySet[Need]:
    """The needs among these that are sensitive, themselves or through their category: the
    query form of ``Need.is_sensitive``."""
    return needs.filter(Q(sensitive=True) | Q(parent__sensitive=True))


class AgeBand(VocabularyTerm):
    """An ordered age band. Services get their bands from their age range, never by hand."""

    class Kind(models.TextChoices):
        AGE = "age", "Ages"
        PREGNANCY = "pregnancy", "Pregnancy"
        PARENTS = "parents", "Parents and carers"

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.AGE)
    min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("min_age"),
        FieldPanel("max_age"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "age band"

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.AGE:
            if self.min_age is None or self.max_age is None:
                raise ValidationError("An age band needs both a youngest and an oldest age.")
            if self.min_age > self.max_age:
                raise ValidationError({"max_age": "The oldest age must not be below the youngest."})

    def overlaps(self, minimum_age: int | None, maximum_age: int | None) -> bool:
        """Whether a service for ages minimum..maximum (open-ended when None) serves this band."""
        if self.kind != self.Kind.AGE or self.min_age is None or self.max_age is None:
            return False
        low = 0 if minimum_age is None else minimum_age
        high = 200 if maximum_age is None else maximum_age
        return low <= self.max_age and high >= self.min_age


class Circumstance(VocabularyTerm):
    """Who a service is especially for: young carers, care leavers, lone parents, …"""

    # Set on terms an Open Referral import created because a feed used them; a commissioner
    # checks the name and place, then clears it.
    needs_review = models.BooleanField(
        "to review",
        default=False,
        help_text="Added by an Open Referral import: check it, then untick.",
    )
    search_words = search_words_field()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("search_words"),
        FieldPanel("sort_order"),
        FieldPanel("needs_review"),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "circumstance"


class LevelOfNeed(models.Model):
    """A step on the continuum of need, named and ordered by each council."""

    oruk_id = OrukIdField()
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    # Not unique: the admin's drag-and-drop reordering shifts ranks one row at a time.
    rank = models.PositiveSmallIntegerField(
        default=0, help_text="Lower comes first: the most universal level is at the top."
    )
    description = models.TextField(
        help_text="Plain English: what this level means for a family.", blank=True
    )
    how_to_get_help = models.TextField(
        blank=True, help_text="Plain English: how families get help at this level."
    )

    sort_order_field = "rank"

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("how_to_get_help"),
    ]

    class Meta:
        ordering = ["rank", "pk"]
        verbose_name = "level of need"
        verbose_name_plural = "levels of need"

    def __str__(self) -> str:
        return self.name
