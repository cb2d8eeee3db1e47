"""Has applying values changed a service? A snapshot of everything the catalogue keeps on it.

Generic over the model, so a field or child table added later is compared without anyone
remembering to list it here: every concrete field of ServicePage's own table and the page's
title, every child relation's rows (in order where they have one, as sets where they do not),
and the levels.
"""

from __future__ import annotations

import hashlib
from functools import cache

from django.db import models
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME

from ..models import ServicePage

# Set by the writer or the tree, not by values.
_PAGE_SKIP = {"page_ptr", "review_due"}
_CHILD_SKIP = {"id", "sort_order"}


@cache
def child_relations() -> list[tuple[str, type[models.Model], str]]:
    """(accessor, row model, name of the row's key to the page) of every child relation a
    service has, except Wagtail's comments."""
    found = []
    for relation in get_all_child_relations(ServicePage):
        accessor = relation.get_accessor_name()
        if accessor != COMMENTS_RELATION_NAME:
            found.append((accessor, relation.related_model, relation.field.attname))
    return found


@cache
def m2m_fields() -> list[models.ManyToManyField]:
    return list(get_all_child_m2m_relations(ServicePage))


@cache
def _own_fields() -> list[str]:
    return [
        field.attname for field in ServicePage._meta.local_concrete_fields
        if field.name not in _PAGE_SKIP
    ] + ["title"]  # fmt: skip


@cache
def _row_fields(model: type[models.Model], key: str) -> tuple[list[str], bool]:
    names = [
        field.attname
        for field in model._meta.concrete_fields
        if field.name not in _CHILD_SKIP and field.attname != key
    ]
    ordered = any(field.name == "sort_order" for field in model._meta.concrete_fields)
    return names, ordered


def snapshot(page: ServicePage) -> tuple:
    parts: list = [tuple(getattr(page, name) for name in _own_fields())]
    for accessor, model, key in child_relations():
        names, ordered = _row_fields(model, key)
        rows = [
            tuple(getattr(row, name) for name in names) for row in getattr(page, accessor).all()
        ]
        parts.append(tuple(rows) if ordered else tuple(sorted(rows, key=repr)))
    for field in m2m_fields():
        parts.append(tuple(sorted(item.pk for item in getattr(page, field.name).all())))
    return tuple(parts)


def content_hash(taken: tuple) -> str:
    """A short fingerprint of a snapshot, to store and compare later."""
    return hashlib.sha256(repr(_plain(taken)).encode()).hexdigest()


def _plain(value: object) -> object:
    """Choices (str subclasses) as the plain strings a page read back from its revision has."""
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, str) and type(value) is not str:
        return str.__str__(value)
    return value
