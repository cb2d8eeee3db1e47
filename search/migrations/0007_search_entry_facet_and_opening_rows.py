import django.db.models.deletion
from django.db import migrations, models


def fill_from_entries(apps, schema_editor):
    """The rows of the entries already indexed, so search keeps its facets before the next
    rebuild (search.indexing writes them with every entry from now on)."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchEntryFacet = apps.get_model("search", "SearchEntryFacet")
    SearchEntryOpening = apps.get_model("search", "SearchEntryOpening")
    facets, openings = [], []
    rows = SearchEntry.objects.values_list("pk", "facets", "opening", "term_time_only")
    for pk, stored, opening, term_time_only in rows.iterator(chunk_size=2000):
        facets.extend(
            SearchEntryFacet(entry_id=pk, facet=facet, value=value)
            for facet, values in stored.items()
            for value in dict.fromkeys(values)
        )
        openings.extend(
            SearchEntryOpening(
                entry_id=pk, opens=opens, closes=closes, term_time_only=term_time_only
            )
            for opens, closes in opening or ()
        )
    SearchEntryFacet.objects.bulk_create(facets, batch_size=2000)
    SearchEntryOpening.objects.bulk_create(openings, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_search_entry_opening_and_parents"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntryFacet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("facet", models.CharField(max_length=32)),
                ("value", models.CharField(max_length=255)),
            ],
        ),
        migrations.CreateModel(
            name="SearchEntryOpening",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("opens", models.PositiveIntegerField()),
                ("closes", models.PositiveIntegerField()),
                ("term_time_only", models.BooleanField(default=False)),
            ],
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="sort_name",
            field=models.CharField(max_length=255),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["area_wide", "minimum_age", "maximum_age", "parents_and_carers"],
                name="search_entry_place_and_ages",
            ),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["sort_name", "review_due"], name="search_entry_order"),
        ),
        migrations.AddField(
            model_name="searchentryfacet",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="facet_values",
                to="search.searchentry",
            ),
        ),
        migrations.AddField(
            model_name="searchentryopening",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="openings",
                to="search.searchentry",
            ),
        ),
        migrations.AddIndex(
            model_name="searchentryfacet",
            index=models.Index(
                fields=["facet", "value", "entry"], name="search_sear_facet_c23b58_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="searchentryfacet",
            constraint=models.UniqueConstraint(
                fields=("entry", "facet", "value"), name="unique_entry_facet"
            ),
        ),
        migrations.AddIndex(
            model_name="searchentryopening",
            index=models.Index(
                fields=["entry", "opens", "closes"], name="search_sear_entry_i_8fd8bb_idx"
            ),
        ),
        migrations.RunPython(fill_from_entries, migrations.RunPython.noop),
    ]
