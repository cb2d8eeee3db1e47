"""Our vocabularies published as Open Referral taxonomies and taxonomy terms.

Each vocabulary is one taxonomy; its terms keep the ``oruk_id`` they already carry. Taxonomies
have no table of their own, so their ids are derived from their names: they never change, and
the future importer maps terms back by taxonomy name and term name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from directory.models import AgeBand, Circumstance, LevelOfNeed, Need
from directory.models.identifiers import derived_id


@dataclass(frozen=True)
class Taxonomy:
    name: str
    description: str
    model: type[models.Model]
    # The service field the vocabulary hangs on: a tag through-table or the levels M2M.
    service_relation: str

    @property
    def id(self) -> str:
        return derived_id("taxonomy", self.name)

    def as_oruk(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "description": self.description}


TAXONOMIES: tuple[Taxonomy, ...] = (
    Taxonomy(
        "Level of need",
        "Steps on the council's continuum of need, from universal help to specialist services.",
        LevelOfNeed,
        "levels",
    ),
    Taxonomy(
        "Need",
        "What a family needs help with: categories, each with the needs under it.",
        Need,
        "needs",
    ),
    Taxonomy(
        "Age band",
        "The ages and life stages a service is for, derived from its age range.",
        AgeBand,
        "age_bands",
    ),
    Taxonomy(
        "Circumstance",
        "Who a service is especially for, such as young carers or lone parents.",
        Circumstance,
        "circumstances",
    ),
)
TAXONOMIES_BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}


@dataclass(frozen=True)
class Term:
    """One vocabulary entry as an Open Referral taxonomy term."""

    taxonomy: Taxonomy
    pk: int
    id: str
    name: str
    code: str
    description: str
    parent_id: str | None
    # Place in the taxonomies' published order, so a service's attributes come out in one
    # order whatever order the database returns its tag rows in.
    position: int

    def as_oruk(self) -> dict[str, Any]:
        term: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "taxonomy": self.taxonomy.name,
            "taxonomy_id": self.taxonomy.id,
            "term": self.name,
            "code": self.code,
        }
        if self.parent_id:
            term["parent_id"] = self.parent_id
        return term


class TermIndex:
    """Every term of every taxonomy, read once per request (the vocabularies are small) as
    plain rows."""

    def __init__(self) -> None:
        self.terms: list[Term] = []
        self.by_id: dict[str, Term] = {}
        # (model, pk) -> term, to turn a service's tag rows into terms without more queries.
        self.by_key: dict[tuple[type[models.Model], int], Term] = {}
        for taxonomy in TAXONOMIES:
            model = taxonomy.model
            fields = ["pk", "oruk_id", "name", "slug", "description"]
            if any(field.name == "parent" for field in model._meta.fields):
                fields.append("parent_id")
            rows = _ordered(
                list(
                    model._default_manager.order_by(*(model._meta.ordering or ())).values_list(
                        *fields, named=True
                    )
                )
            )
            parent_ids = {row.pk: row.oruk_id for row in rows}
            for row in rows:
                parent_pk = getattr(row, "parent_id", None)
                term = Term(
                    taxonomy=taxonomy,
                    pk=row.pk,
                    id=row.oruk_id,
                    name=row.name,
                    code=row.slug,
                    description=row.description,
                    parent_id=parent_ids.get(parent_pk) if parent_pk else None,
                    position=len(self.terms),
                )
                self.terms.append(term)
                self.by_id[term.id] = term
                self.by_key[(model, row.pk)] = term

    def term_for(self, model: type[models.Model], pk: int) -> Term | None:
        return self.by_key.get((model, pk))

    def children_of(self, term: Term) -> list[Term]:
        return [other for other in self.terms if other.parent_id == term.id]


def _ordered(rows: list[Any]) -> list[Any]:
    """Needs as category then its needs, so a parent always comes before its children."""
    if not rows or not hasattr(rows[0], "parent_id"):
        return rows
    children: dict[int, list[Any]] = {}
    for row in rows:
        if row.parent_id:
            children.setdefault(row.parent_id, []).append(row)
    known = {row.pk for row in rows}
    ordered = []
    for row in rows:
        if not row.parent_id or row.parent_id not in known:
            ordered.append(row)
            ordered.extend(children.get(row.pk, []))
    return ordered
