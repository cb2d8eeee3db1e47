"""INSERT and UPDATE many rows with one ``executemany`` each.

Django's ``bulk_create`` and ``bulk_update`` compile every value of every row into one large
statement, which for a batch of services (about 150 values a service across a dozen tables)
costs more than the database's own work. Here one short statement is prepared and the driver
runs it for each row. Values go through each field's ``pre_save`` and ``get_db_prep_save``, as
Django's own insert does.

New primary keys are read back with one query when asked for, by columns that tell the new rows
apart (a page's tree path; a child row's page and position).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Field, Model


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _column(field: Field) -> str:
    """A concrete field's quoted column (only virtual fields have none)."""
    if field.column is None:
        raise TypeError(f"{field} has no column of its own")
    return _quote(field.column)


def _local_field(model: type[Model], name: str) -> Field:
    """The field of ``model`` called ``name`` (by name or attname), which must be a column of
    its own table rather than the far side of a relation."""
    field = model._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{model._meta.label}.{name} is a reverse relation, not a column")
    return field


def insert_rows(
    model: type[Model],
    objs: Sequence[Model],
    *,
    read_back: Sequence[str] = (),
) -> None:
    """INSERT ``objs``. Rows with a primary key keep it; for the others, with ``read_back``
    (attribute names whose values are unique among these rows and all of the table's rows that
    share the first one's values) the new keys are read and set on the objects."""
    if not objs:
        return
    meta = model._meta
    pk = meta.pk
    fields = [field for field in meta.local_concrete_fields if field is not pk]
    with_pk = [obj for obj in objs if obj.pk is not None]
    without_pk = [obj for obj in objs if obj.pk is None]
    for group, columns in ((with_pk, [pk, *fields]), (without_pk, fields)):
        if not group:
            continue
        names = ", ".join(_column(field) for field in columns)
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {_quote(meta.db_table)} ({names}) VALUES ({marks})"
        with connection.cursor() as cursor:
            cursor.executemany(sql, [_values(obj, columns) for obj in group])
    if read_back and without_pk:
        _read_back_keys(model, without_pk, read_back)


def _values(obj: Model, fields: list[Field]) -> list[Any]:
    return [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]


def _read_back_keys(model: type[Model], objs: Sequence[Model], names: Sequence[str]) -> None:
    meta = model._meta
    fields = [_local_field(model, name) for name in names]
    first = fields[0]
    found = model._base_manager.filter(
        **{f"{first.attname}__in": {getattr(obj, first.attname) for obj in objs}}
    ).values_list(meta.pk.attname, *(field.attname for field in fields))
    keys = {tuple(row[1:]): row[0] for row in found}
    for obj in objs:
        obj.pk = keys[tuple(getattr(obj, field.attname) for field in fields)]


def update_rows(model: type[Model], names: list[str], rows: list[dict[str, Any]]) -> None:
    """UPDATE each row: a dict of field names to database values (foreign keys as ids), with
    the primary key's name to the row's key."""
    if not rows:
        return
    meta = model._meta
    fields = [_local_field(model, name) for name in names]
    pk = meta.pk
    assignments = ", ".join(f"{_column(field)} = %s" for field in fields)
    sql = f"UPDATE {_quote(meta.db_table)} SET {assignments} WHERE {_column(pk)} = %s"
    params = [
        [field.get_db_prep_save(row[field.name], connection) for field in fields] + [row[pk.name]]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
