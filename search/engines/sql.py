"""SQL text with its parameters, for the statements the ORM cannot write: the database engine's
facet counts (search.engines.sql_facets) and its words' postings (search.engines.text_index)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


@dataclass(frozen=True)
class Sql:
    """SQL text with its parameters, kept together as a statement is put together."""

    text: str
    params: tuple[Any, ...] = ()

    def __add__(self, other: Sql | str) -> Sql:
        if isinstance(other, str):
            return Sql(self.text + other, self.params)
        return Sql(self.text + other.text, self.params + other.params)

    def raw(self) -> RawSQL:
        """For the ORM: ``filter(pk__in=sql.raw())``."""
        return RawSQL(self.text, self.params)

    @classmethod
    def of(cls, queryset: QuerySet[Any]) -> Sql:
        text, params = queryset.query.sql_with_params()
        return cls(text, tuple(params))

    @classmethod
    def values(cls, values: list[str]) -> Sql:
        return cls(", ".join(["%s"] * len(values)), tuple(values))

    @classmethod
    def literal(cls, value: str) -> Sql:
        # Typed, so every part of the UNION has text columns on PostgreSQL.
        return cls("CAST(%s AS VARCHAR(255))", (value,))

    @staticmethod
    def join(separator: str, parts: list[Sql]) -> Sql:
        return Sql(
            separator.join(part.text for part in parts),
            tuple(param for part in parts for param in part.params),
        )
