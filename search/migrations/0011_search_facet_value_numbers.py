"""Entries' facet rows carry a number for each (facet, value) (``SearchFacetValue``) instead of
the two strings, so SQL groups and compares integers when it counts facets. The rows are
written again from the entries' facets."""

import django.db.models.deletion
from django.db import migrations, models


def _entry_facets(SearchEntry):
    for pk, stored in SearchEntry.objects.values_list("pk", "facets").iterator(chunk_size=2000):
        for facet, values in stored.items():
            for value in dict.fromkeys(values):
                yield pk, facet, value


def clear_facet_rows(apps, schema_editor):
    apps.get_model("search", "SearchEntryFacet").objects.all().delete()


def fill_numbered_rows(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchFacetValue = apps.get_model("search", "SearchFacetValue")
    SearchEntryFacet = apps.get_model("search", "SearchEntryFacet")
    rows = list(_entry_facets(SearchEntry))
    SearchFacetValue.objects.bulk_create(
        [SearchFacetValue(facet=facet, value=value) for facet, value in {r[1:] for r in rows}],
        ignore_conflicts=True,
    )
    numbers = {(v.facet, v.value): v.pk for v in SearchFacetValue.objects.all()}
    SearchEntryFacet.objects.bulk_create(
        [SearchEntryFacet(entry_id=pk, value_id=numbers[facet, value]) for pk, facet, value in rows],
        batch_size=5000,
    )


def fill_string_rows(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchEntryFacet = apps.get_model("search", "SearchEntryFacet")
    SearchEntryFacet.objects.bulk_create(
        [
            SearchEntryFacet(entry_id=pk, facet=facet, value=value)
            for pk, facet, value in _entry_facets(SearchEntry)
        ],
        batch_size=5000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0010_search_entry_terms"),
    ]

    operations = [
        migrations.RunPython(clear_facet_rows, fill_string_rows),
        migrations.CreateModel(
            name="SearchFacetValue",
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
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("facet", "value"), name="unique_facet_value")
                ],
            },
        ),
        migrations.RemoveConstraint(
            model_name="searchentryfacet",
            name="unique_entry_facet",
        ),
        migrations.RemoveIndex(
            model_name="searchentryfacet",
            name="search_sear_facet_c23b58_idx",
        ),
        migrations.RemoveField(
            model_name="searchentryfacet",
            name="facet",
        ),
        migrations.RemoveField(
            model_name="searchentryfacet",
            name="value",
        ),
        migrations.AddField(
            model_name="searchentryfacet",
            name="value",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="search.searchfacetvalue",
            ),
            # No default: the table is empty (cleared above).
        ),
        migrations.AddIndex(
            model_name="searchentryfacet",
            index=models.Index(fields=["value", "entry"], name="search_facet_value_entries"),
        ),
        migrations.AddConstraint(
            model_name="searchentryfacet",
            constraint=models.UniqueConstraint(
                fields=("entry", "value"), name="unique_entry_facet_value"
            ),
        ),
        migrations.RunPython(fill_numbered_rows, clear_facet_rows),
    ]
