"""A trigram index on the entries' analysed text, so the database engine's ``LIKE '% term %'``
finds its rows without reading every entry (search.engines.text_index).

SQLite: an FTS5 table with the trigram tokenizer holding each entry's text, kept by triggers on
the entries (as Wagtail's own SQLite search index is), so every write to them, whichever way,
reaches it. Left out, and searches read every row as before, where SQLite lacks FTS5's trigram
tokenizer (before 3.34). PostgreSQL: pg_trgm's GIN index on the column itself.
"""

from django.db import migrations

TABLE = "search_entry_trigrams"
ENTRIES = "search_searchentry"
SQLITE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, tokenize='trigram', detail=none)",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON {ENTRIES} BEGIN "
    f"INSERT INTO {TABLE}(rowid, text) VALUES (NEW.page_id, NEW.text); END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF text, page_id ON {ENTRIES} BEGIN "
    f"DELETE FROM {TABLE} WHERE rowid = OLD.page_id; "
    f"INSERT INTO {TABLE}(rowid, text) VALUES (NEW.page_id, NEW.text); END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON {ENTRIES} BEGIN "
    f"DELETE FROM {TABLE} WHERE rowid = OLD.page_id; END",
    f"INSERT INTO {TABLE}(rowid, text) SELECT page_id, text FROM {ENTRIES}",
]
SQLITE_REVERSE = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TABLE IF EXISTS {TABLE}",
]
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS {TABLE} ON {ENTRIES} USING gin (text gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [f"DROP INDEX IF EXISTS {TABLE}"]


def _sqlite_has_trigrams(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute("CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(x, tokenize='trigram')")
        except Exception:
            return False
        cursor.execute("DROP TABLE temp.trigram_probe")
    return True


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = POSTGRESQL
    elif vendor == "sqlite" and _sqlite_has_trigrams(schema_editor):
        statements = SQLITE
    else:
        return
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_search_entry_facet_and_opening_rows")]

    operations = [migrations.RunPython(create, drop)]
