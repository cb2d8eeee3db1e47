"""A starting synonym list from early help practice; commissioners edit it in the admin."""

from django.db import migrations

DEFAULT_SYNONYMS = [
    ("DV, domestic abuse, domestic violence", "Common shorthand"),
    ("ASD, ASC, autism, autistic spectrum", "Autism and its abbreviations"),
    ("ADHD, attention deficit", ""),
    ("SEND, SEN, special educational needs", "Special educational needs and disabilities"),
    ("SENCO, special educational needs coordinator", ""),
    ("EHCP, education health and care plan", ""),
    ("CAMHS, child and adolescent mental health", ""),
    ("PND, postnatal depression, postnatal mental health", ""),
    ("SALT, SLT, speech and language, speech therapy", "Speech and language therapy"),
    ("CSE, child sexual exploitation", ""),
    ("CCE, child criminal exploitation, county lines", ""),
    ("YOT, youth offending, youth justice", ""),
    ("BSL, British Sign Language, sign language", ""),
    ("ESOL, English for speakers of other languages", ""),
    ("mum, mother", ""),
    ("dad, father", ""),
    ("baby, babies, infant, newborn", ""),
    ("teen, teenager, adolescent", ""),
    ("bereavement, grief", ""),
    ("substance misuse, drug misuse, drug use", ""),
    ("food bank, foodbank, food parcel", ""),
    ("nursery, childcare", ""),
]


def add_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, note in DEFAULT_SYNONYMS:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


def remove_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms__in=[terms for terms, _ in DEFAULT_SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_synonyms, remove_synonyms)]
