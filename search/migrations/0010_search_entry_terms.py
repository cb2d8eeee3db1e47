"""Each entry's analysed terms as rows (``SearchEntryTerm``), which replace the trigram indexes
of 0008 and 0009: the database engine finds a word's entries through a B-tree on the terms
instead of checking ``LIKE`` against every row holding the word's trigrams (search.engines.
text_index). Undone, the trigram indexes are made again."""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

from search.analysis import MAX_INDEXED_TERM_LENGTH, stored_terms

TRIGRAM_INDEXES = (
    import_module("search.migrations.0008_search_entry_text_trigram_index"),
    import_module("search.migrations.0009_search_entry_name_trigram_index"),
)


def fill_from_entries(apps, schema_editor):
    """The rows of the entries already indexed, so searches keep finding words before the next
    rebuild (search.indexing writes them with every entry from now on)."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchEntryTerm = apps.get_model("search", "SearchEntryTerm")
    rows = []
    for pk, text, name_text in SearchEntry.objects.values_list("pk", "text", "name_text"):
        in_name = stored_terms(name_text)
        rows.extend(
            SearchEntryTerm(entry_id=pk, term=term, in_name=term in in_name)
            for term in stored_terms(text)
            if len(term) <= MAX_INDEXED_TERM_LENGTH
        )
    SearchEntryTerm.objects.bulk_create(rows, batch_size=5000)


def drop_trigram_indexes(apps, schema_editor):
    for migration in reversed(TRIGRAM_INDEXES):
        migration.drop(apps, schema_editor)


def create_trigram_indexes(apps, schema_editor):
    for migration in TRIGRAM_INDEXES:
        migration.create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_search_entry_name_trigram_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntryTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=64)),
                ("in_name", models.BooleanField(default=False)),
                (
                    "entry",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="terms",
                        to="search.searchentry",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["term", "in_name", "entry"], name="search_term_entries")
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("entry", "term"), name="unique_entry_term")
                ],
            },
        ),
        migrations.RunPython(fill_from_entries, migrations.RunPython.noop),
        migrations.RunPython(drop_trigram_indexes, create_trigram_indexes),
    ]
