"""INSERT and UPDATE many rows, faster than Django's ``bulk_create`` and ``bulk_update``.

Django compiles every value of every row into one large statement (on PostgreSQL, arrays for
``UNNEST`` quoted value by value in Python; for ``bulk_update`` a CASE a column), which for a
batch of services (about 150 values a service across a dozen tables) costs more than the
database's own work. Here:

- on PostgreSQL, rows are inserted with ``COPY … FROM STDIN`` (psycopg formats the rows in C and
  the server parses no statement per row), new rows taking primary keys reserved from the
  table's sequence first, so nothing is read back; rows are updated with one ``UPDATE … FROM
  (VALUES …)`` a batch;
- elsewhere (SQLite), one short statement is prepared and the driver runs it for each row
  (``executemany``); new primary keys are read back with one query, by columns that tell the
  new rows apart (a page's tree path; a child row's page and position).

Values go through each field's ``pre_save`` and ``get_db_prep_save``, as Django's own insert
does, and database errors come out as Django's (``IntegrityError``, …). COPY is not a statement
Django's cursor runs, so ``execute_wrapper`` and ``connection.queries`` do not see it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import AutoField, BigAutoField, Field, Model, SmallAutoField

_AUTOMATIC_KEYS = (AutoField, BigAutoField, SmallAutoField)


def _database() -> BaseDatabaseWrapper:
    # The connection itself: ``django.db.connection`` is a proxy that looks it up again on
    # every attribute, and each value's preparation reads several.
    return connections[DEFAULT_DB_ALIAS]


def _column(database: BaseDatabaseWrapper, field: Field) -> str:
    """A concrete field's quoted column (only virtual fields have none)."""
    if field.column is None:
        raise TypeError(f"{field} has no column of its own")
    return database.ops.quote_name(field.column)


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
    """INSERT ``objs`` into ``model``'s own table (the objects may be of a model that inherits
    from it: their values for its columns are read). Rows with a key keep it; the others get a
    new one, set on the object: reserved beforehand on PostgreSQL; elsewhere read back, which
    needs ``read_back`` (attribute names whose values are unique among these rows and all of
    the table's rows that share the first one's values)."""
    if not objs:
        return
    database = _database()
    meta = model._meta
    pk = meta.pk
    fields = [field for field in meta.local_concrete_fields if field is not pk]
    without_pk = [obj for obj in objs if getattr(obj, pk.attname) is None]
    if database.vendor == "postgresql":
        _reserve_keys(database, model, without_pk)
        _copy(database, model, objs, [pk, *fields])
        return
    with_pk = [obj for obj in objs if getattr(obj, pk.attname) is not None]
    for group, columns in ((with_pk, [pk, *fields]), (without_pk, fields)):
        if not group:
            continue
        names = ", ".join(_column(database, field) for field in columns)
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {database.ops.quote_name(meta.db_table)} ({names}) VALUES ({marks})"
        with database.cursor() as cursor:
            cursor.executemany(sql, [_values(database, obj, columns) for obj in group])
    if read_back and without_pk:
        _read_back_keys(model, without_pk, read_back)


def _values(database: BaseDatabaseWrapper, obj: Model, fields: list[Field]) -> list[Any]:
    return [field.get_db_prep_save(field.pre_save(obj, True), database) for field in fields]


def _reserve_keys(database: BaseDatabaseWrapper, model: type[Model], objs: list[Model]) -> None:
    """Give each object a new key from its table's sequence (PostgreSQL)."""
    if not objs:
        return
    pk = model._meta.pk
    if not isinstance(pk, _AUTOMATIC_KEYS):
        raise TypeError(f"{model._meta.label} has no automatic key; give each row its own")
    with database.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [database.ops.quote_name(model._meta.db_table), pk.column, len(objs)],
        )
        for obj, (key,) in zip(objs, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, key)


def _copy(
    database: BaseDatabaseWrapper, model: type[Model], objs: Sequence[Model], fields: list[Field]
) -> None:
    names = ", ".join(_column(database, field) for field in fields)
    sql = f"COPY {database.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN"
    database.ensure_connection()
    with (
        database.wrap_database_errors,
        database.connection.cursor() as cursor,
        cursor.copy(sql) as copy,
    ):
        for obj in objs:
            copy.write_row(_values(database, obj, fields))


def _read_back_keys(model: type[Model], objs: Sequence[Model], names: Sequence[str]) -> None:
    meta = model._meta
    fields = [_local_field(model, name) for name in names]
    first = fields[0]
    found = (
        model._base_manager.filter(
            **{f"{first.attname}__in": {getattr(obj, first.attname) for obj in objs}}
        )
        .order_by(meta.pk.attname)  # (so of two rows alike, the newer wins)
        .values_list(meta.pk.attname, *(field.attname for field in fields))
    )
    keys = {tuple(row[1:]): row[0] for row in found}
    for obj in objs:
        setattr(obj, meta.pk.attname, keys[tuple(getattr(obj, f.attname) for f in fields)])


def update_rows(model: type[Model], names: list[str], rows: list[dict[str, Any]]) -> None:
    """UPDATE each row: a dict of field names to database values (foreign keys as ids), with
    the primary key's name to the row's key."""
    if not rows:
        return
    database = _database()
    quote = database.ops.quote_name
    meta = model._meta
    pk = meta.pk
    fields = [_local_field(model, name) for name in names]
    params = [
        [row[pk.name]] + [field.get_db_prep_save(row[field.name], database) for field in fields]
        for row in rows
    ]
    table = quote(meta.db_table)
    with database.cursor() as cursor:
        if database.vendor != "postgresql":
            assignments = ", ".join(f"{_column(database, field)} = %s" for field in fields)
            sql = f"UPDATE {table} SET {assignments} WHERE {_column(database, pk)} = %s"
            cursor.executemany(sql, [[*values[1:], values[0]] for values in params])
            return
        # One statement: the values as a table, each typed (a VALUES list has no types of its
        # own), joined to the rows on the key.
        names_as = ", ".join(quote(f"v{n}") for n in range(len(fields) + 1))
        typed = ", ".join(f"%s::{field.db_type(database)}" for field in [pk, *fields])
        assignments = ", ".join(
            f"{_column(database, field)} = v.{quote(f'v{n}')}"
            for n, field in enumerate(fields, start=1)
        )
        sql = (
            f"UPDATE {table} SET {assignments} "
            f"FROM (VALUES {', '.join([f'({typed})'] * len(params))}) AS v ({names_as}) "
            f"WHERE {table}.{_column(database, pk)} = v.{quote('v0')}"
        )
        cursor.execute(sql, [value for values in params for value in values])
