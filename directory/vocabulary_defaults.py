"""Default vocabularies, from the outcome areas of English councils' early help strategies.

Seeded by a data migration so a new site starts usable; commissioners then rename, add and
reorder in the admin. ``seed_vocabularies`` only adds what is missing, so it never undoes edits.
"""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify

LEVELS_OF_NEED = [
    (
        "Universal",
        "Open to every family, with no referral: health visiting, children's centres and family "
        "hubs, libraries, youth clubs, school nurses.",
        "Just turn up or get in touch yourself.",
    ),
    (
        "Universal plus",
        "Extra help for families who need a little more support for a while, usually from "
        "people who already know them, such as a health visitor, school or nursery.",
        "Get in touch yourself, or ask your health visitor, school or GP.",
    ),
    (
        "Targeted",
        "Early help for families with several needs or worries, with a lead practitioner and "
        "a family plan agreed with you.",
        "Usually through an early help assessment. A professional can refer you, or you can "
        "ask for help yourself.",
    ),
    (
        "Specialist",
        "For children and families with complex needs or where a child may be at risk of harm, "
        "including children's social care.",
        "Through the council's front door (the multi-agency safeguarding hub). If a child is in "
        "danger, call 999.",
    ),
]

# Category -> needs. Categories follow the Supporting Families outcome framework.
NEEDS: dict[str, list[str]] = {
    "Early years and healthy start": [
        "Pregnancy and birth",
        "Infant feeding",
        "Healthy Start food and vitamins",
        "Early years development",
        "Speech, language and communication",
        "Childcare and early education",
    ],
    "Parenting and family relationships": [
        "Parenting programmes",
        "Parenting teenagers",
        "Parental conflict",
        "Separation and divorce",
        "Dads and male carers",
        "Kinship care",
    ],
    "Getting a good education": [
        "School attendance",
        "Special educational needs and disabilities (SEND)",
        "Behaviour and exclusion from school",
        "Education, employment and training after 16",
    ],
    "Health and wellbeing": [
        "Emotional wellbeing and mental health",
        "Parental mental health",
        "Autism and ADHD",
        "Healthy weight and being active",
        "Sexual health and relationships",
        "Disabled children and young people",
    ],
    "Staying safe": [
        "Domestic abuse",
        "Exploitation (criminal and sexual)",
        "Youth crime prevention",
        "Bullying and online safety",
    ],
    "Drugs and alcohol": [
        "Parents' drug and alcohol use",
        "Young people's drug and alcohol use",
    ],
    "Money, work and housing": [
        "Money and debt advice",
        "Benefits and cost of living",
        "Employment and skills",
        "Housing and homelessness",
        "Food and essentials",
    ],
    "Family circumstances": [
        "Young carers",
        "Bereavement",
        "Refugee and asylum-seeking families",
        "Youth clubs and activities",
    ],
}

# Needs whose pages, and their services' pages, get "Exit this page": someone reading about them
# may be at risk if seen. A category's needs are sensitive with it.
SENSITIVE_NEEDS = {
    "Domestic abuse",
    "Exploitation (criminal and sexual)",
    "Sexual health and relationships",
    "Drugs and alcohol",
    "Parents' drug and alcohol use",
    "Young people's drug and alcohol use",
}

# name, kind, min_age, max_age
AGE_BANDS = [
    ("Pregnancy", "pregnancy", None, None),
    ("0 to 1", "age", 0, 1),
    ("2 to 4", "age", 2, 4),
    ("5 to 11", "age", 5, 11),
    ("12 to 16", "age", 12, 16),
    ("17 to 19", "age", 17, 19),
    ("20 to 25", "age", 20, 25),
    ("Parents and carers", "parents", None, None),
]

CIRCUMSTANCES = [
    "Young carers",
    "Care leavers",
    "Teenage parents",
    "Lone parents",
    "Families in temporary accommodation",
    "Refugee and asylum-seeking families",
    "Kinship carers",
    "Children with a parent in prison",
    "Armed forces families",
    "Gypsy, Roma and Traveller families",
    "Families with a disabled child",
    "Dads and male carers",
]


def seed_vocabularies(apps: Any = None) -> dict[str, int]:
    """Create any missing default terms. Pass a migration's ``apps`` to use historical models."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    level_model = apps.get_model("directory", "LevelOfNeed")
    need_model = apps.get_model("directory", "Need")
    band_model = apps.get_model("directory", "AgeBand")
    circumstance_model = apps.get_model("directory", "Circumstance")
    created = {"levels": 0, "needs": 0, "age_bands": 0, "circumstances": 0}

    if not level_model.objects.exists():
        for rank, (name, description, how) in enumerate(LEVELS_OF_NEED, start=1):
            level_model.objects.create(
                name=name,
                slug=slugify(name),
                rank=rank,
                description=description,
                how_to_get_help=how,
            )
            created["levels"] += 1

    # Migrations before the flag existed seed without it; the one adding it marks them.
    flag_sensitive = any(field.name == "sensitive" for field in need_model._meta.get_fields())

    def need_defaults(name: str, **fields: Any) -> dict[str, Any]:
        if flag_sensitive:
            fields["sensitive"] = name in SENSITIVE_NEEDS
        return {"slug": slugify(name), **fields}

    for category_order, (category_name, needs) in enumerate(NEEDS.items(), start=1):
        category, made = need_model.objects.get_or_create(
            name=category_name, defaults=need_defaults(category_name, sort_order=category_order)
        )
        created["needs"] += made
        for order, name in enumerate(needs, start=1):
            _, made = need_model.objects.get_or_create(
                name=name, defaults=need_defaults(name, parent=category, sort_order=order)
            )
            created["needs"] += made

    for order, (name, kind, low, high) in enumerate(AGE_BANDS, start=1):
        _, made = band_model.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name),
                "kind": kind,
                "min_age": low,
                "max_age": high,
                "sort_order": order,
            },
        )
        created["age_bands"] += made

    for order, name in enumerate(CIRCUMSTANCES, start=1):
        _, made = circumstance_model.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "sort_order": order}
        )
        created["circumstances"] += made
    if any(field.name == "search_words" for field in need_model._meta.get_fields()):
        seed_search_words(apps)
    return created


def seed_search_words(apps: Any = None) -> int:
    """Give each default need and circumstance whose "words families use" are blank the default
    list (``directory.vocabulary_words``). Returns how many terms it filled."""
    from .vocabulary_words import default_words

    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    filled = 0
    for model_name, circumstance in (("Need", False), ("Circumstance", True)):
        model = apps.get_model("directory", model_name)
        for term in model.objects.filter(search_words=""):
            words = default_words(term.name, circumstance=circumstance)
            if words:
                term.search_words = words
                term.save(update_fields=["search_words"])
                filled += 1
    return filled
