"""The same trigram index as 0008 for the entries' analysed names, which rank name matches
first (search.engines.text_index): on SQLite, reading a name from the entry's row meant reading
its whole document, which fills several pages. PostgreSQL keeps large documents apart from the
row, so there the column is read as it is."""

from django.db import migrations

TABLE = "search_entry_name_trigrams"
ENTRIES = "search_searchentry"
SQLITE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(name_text, tokenize='trigram', detail=none)",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON {ENTRIES} BEGIN "
    f"INSERT INTO {TABLE}(rowid, name_text) VALUES (NEW.page_id, NEW.name_text); END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF name_text, page_id ON {ENTRIES} BEGIN "
    f"DELETE FROM {TABLE} WHERE rowid = OLD.page_id; "
    f"INSERT INTO {TABLE}(rowid, name_text) VALUES (NEW.page_id, NEW.name_text); END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON {ENTRIES} BEGIN "
    f"DELETE FROM {TABLE} WHERE rowid = OLD.page_id; END",
    f"INSERT INTO {TABLE}(rowid, name_text) SELECT page_id, name_text FROM {ENTRIES}",
]
SQLITE_REVERSE = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def _has_text_trigrams(schema_editor) -> bool:
    # Made by 0008 only where SQLite has the trigram tokenizer.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_entry_trigrams'")
        return cursor.fetchone() is not None


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite" and _has_text_trigrams(schema_editor):
        for statement in SQLITE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0008_search_entry_text_trigram_index")]

    operations = [migrations.RunPython(create, drop)]
