import datetime

from django.db import migrations, models


def fill_review_due(apps, schema_editor):
    """Copy each entry's review due date from the document it already holds: no reindex."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    for pk, document in SearchEntry.objects.values_list("pk", "document").iterator():
        due = (document or {}).get("review_due")
        if due:
            SearchEntry.objects.filter(pk=pk).update(
                review_due=datetime.date.fromisoformat(due)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_default_synonyms"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="review_due",
            field=models.DateField(null=True),
        ),
        migrations.RunPython(fill_review_due, migrations.RunPython.noop),
    ]
