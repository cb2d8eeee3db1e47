"""The services spreadsheet template: its columns, in order, each documented once.

The downloadable template, the export, the importer's header check and the admin page's
column table all come from here, so they cannot drift apart.

One row is one service. Locations and contacts repeat in numbered groups of columns
(``location_1_name`` … ``location_3_accessibility``, ``contact_1_name`` … ``contact_2_email``);
the export adds groups when a service has more, and the import accepts any number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["id", "text", "html", "choice", "bool", "int", "date", "list", "number"]

# Separator for cells holding several values (levels, needs, schedules, …). One value per line
# works too (then a semicolon is part of a value): the export does that when a value has one.
LIST_SEPARATOR = ";"
TEMPLATE_LOCATION_GROUPS = 3
TEMPLATE_CONTACT_GROUPS = 2

BOOLEAN_HELP = "yes or no (also true/false, 1/0)."
# Vocabulary cells (directory/term_names.py): a name with a comma in it is still one term.
TERM_LIST_HELP = (
    "separated by semicolons, commas or line breaks; a name that has a comma in it, such as "
    "'Speech, language and communication', is read as one."
)
DATE_HELP = "A date: 2025-03-31 or 31/03/2025 (or a date cell in Excel)."


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind
    description: str
    example: str = ""
    # The ServicePage attribute (or child attribute for groups) it fills, when it maps to one.
    field: str = ""
    required: bool = False


SERVICE_COLUMNS: tuple[Column, ...] = (
    Column(
        "oruk_id",
        "id",
        "The service's reference in the directory, a long code like the example. Leave it "
        "empty for a new service; keep it as exported to update that service. A reference from "
        "another directory's export adds the service with that reference.",
        "0f6e3d52-2c55-4c7e-9f0e-6f8f3d7b2a11",
    ),
    Column("name", "text", "The service's name.", "Stay and Play", "title", required=True),
    Column(
        "organisation",
        "text",
        "Who runs it: the exact name of an organisation already in the directory "
        "(add new providers under Organisations first).",
        "Riverside Family Trust",
        required=True,
    ),
    Column(
        "summary",
        "text",
        "One or two plain-English sentences: what it is and who for (at most 300 characters).",
        "Play sessions for babies and toddlers with their parents or carers.",
        "summary",
        required=True,
    ),
    Column(
        "description",
        "html",
        "The full description. Plain text: a blank line starts a new paragraph. Simple web "
        "formatting (bold, italic, links, lists, subheadings) is kept; anything else is removed.",
        "Songs, messy play and a snack. Come along any week.",
        "description",
    ),
    Column(
        "status",
        "choice",
        "Whether families can use it now: active, temporarily closed, inactive, or defunct "
        "(closed for good). Empty means active.",
        "active",
        "status",
    ),
    Column("alert", "text", "A short-term notice.", "No sessions in August", "alert"),
    Column("website", "text", "The service's web address.", "https://example.org", "website"),
    Column("email", "text", "The service's email address.", "hello@example.org", "email"),
    Column(
        "minimum_age", "int", "Youngest age in years; empty for no lower limit.", "0", "minimum_age"
    ),
    Column(
        "maximum_age", "int", "Oldest age in years; empty for no upper limit.", "4", "maximum_age"
    ),
    Column(
        "for_expectant_parents",
        "bool",
        f"Offered during pregnancy: {BOOLEAN_HELP}",
        "no",
        "for_expectant_parents",
    ),
    Column(
        "for_parents_and_carers",
        "bool",
        f"Offered to parents and carers themselves: {BOOLEAN_HELP}",
        "yes",
        "for_parents_and_carers",
    ),
    Column("eligibility", "text", "Any other conditions.", "Lewisham residents", "eligibility"),
    Column(
        "levels",
        "list",
        f"Levels of need, by name or slug, {TERM_LIST_HELP} At least one.",
        "Universal; Universal plus",
        required=True,
    ),
    Column(
        "needs",
        "list",
        f"Needs from the directory's list, by name or slug, {TERM_LIST_HELP}",
        "Parenting programmes; Early years development",
    ),
    Column(
        "circumstances",
        "list",
        f"Who it is especially for, from the directory's list, {TERM_LIST_HELP}",
        "Lone parents",
    ),
    Column(
        "languages",
        "list",
        "Languages besides English, by name or code, separated by semicolons; add a note "
        "after a colon.",
        "Polish; Arabic: interpreter on request",
    ),
    Column(
        "is_free",
        "bool",
        f"Free to use: {BOOLEAN_HELP} Empty means yes; 'unknown' when the service has not said.",
        "yes",
        "is_free",
    ),
    Column(
        "fees_description",
        "text",
        "What it costs and any concessions (needed when it is not free).",
        "£2 a session, free with a Healthy Start card",
        "fees_description",
    ),
    Column(
        "self_referral",
        "bool",
        f"Families can get in touch directly: {BOOLEAN_HELP}",
        "yes",
        "self_referral",
    ),
    Column(
        "professional_referral",
        "bool",
        f"A professional can refer: {BOOLEAN_HELP}",
        "no",
        "professional_referral",
    ),
    Column(
        "early_help_assessment",
        "bool",
        f"Needs an early help assessment: {BOOLEAN_HELP}",
        "no",
        "early_help_assessment",
    ),
    Column(
        "front_door_referral",
        "bool",
        f"Referral through the council's front door: {BOOLEAN_HELP}",
        "no",
        "front_door_referral",
    ),
    Column(
        "who_can_refer", "text", "Who can refer.", "GP, health visitor or school", "who_can_refer"
    ),
    Column(
        "access_instructions",
        "text",
        "How to get it, step by step.",
        "Just turn up.",
        "access_instructions",
    ),
    Column("referral_url", "text", "Referral form link.", "", "referral_url"),
    Column("in_person", "bool", f"Delivered in person: {BOOLEAN_HELP}", "yes", "in_person"),
    Column("online", "bool", f"Delivered online: {BOOLEAN_HELP}", "no", "online"),
    Column("by_phone", "bool", f"Delivered by phone: {BOOLEAN_HELP}", "no", "by_phone"),
    Column("home_visits", "bool", f"Home visits: {BOOLEAN_HELP}", "no", "home_visits"),
    Column("group_sessions", "bool", f"Group sessions: {BOOLEAN_HELP}", "yes", "group_sessions"),
    Column(
        "available_across_area",
        "bool",
        f"Families anywhere in the area can use it: {BOOLEAN_HELP}",
        "no",
        "available_across_area",
    ),
    Column(
        "service_areas",
        "list",
        "Named areas served (when not the whole area), separated by semicolons; add a "
        "description after a colon.",
        "Bellingham ward; SE6: north of the railway",
    ),
    Column(
        "term_time_only", "bool", f"Runs in term time only: {BOOLEAN_HELP}", "no", "term_time_only"
    ),
    Column(
        "schedules",
        "list",
        "Weekly opening times: a day (Mon, Tue, … or the full name), opening and closing "
        "times (24-hour HH:MM), then an optional note; separated by semicolons.",
        "Mon 09:30-11:30; Wed 13:00-15:00 Drop-in, no need to book",
    ),
    Column(
        "schedule_notes",
        "text",
        "Opening notes (at most 255 characters).",
        "Closed on bank holidays",
        "schedule_notes",
    ),
    Column(
        "last_reviewed",
        "date",
        f"When the details were last checked with the provider. {DATE_HELP} "
        "Empty means never (it shows as overdue).",
        "2025-01-15",
        "last_reviewed",
    ),
    Column(
        "review_interval_months",
        "int",
        "Months between reviews, 1 to 36. Empty means 12.",
        "12",
        "review_interval_months",
    ),
    Column("commissioned", "bool", f"Commissioned: {BOOLEAN_HELP}", "no", "commissioned"),
    Column(
        "commissioner",
        "text",
        "Who commissions it: the name of an organisation marked as a commissioner. Needed "
        "when commissioned is yes.",
        "",
    ),
    Column("contract_reference", "text", "The contract reference.", "", "contract_reference"),
    Column("contract_start", "date", f"Contract start. {DATE_HELP}", "", "contract_start"),
    Column("contract_end", "date", f"Contract end. {DATE_HELP}", "", "contract_end"),
)

# Numbered groups: (suffix, kind, description, example, child model attribute).
LOCATION_FIELDS: tuple[Column, ...] = (
    Column(
        "name",
        "text",
        "The venue's name (needed if any other location cell is filled).",
        "Downham Family Hub",
        "name",
    ),
    Column("address", "text", "First line of the address.", "1 Hub Road", "address_1"),
    Column("address_2", "text", "Second line of the address.", "", "address_2"),
    Column("town", "text", "Town.", "London", "city"),
    Column(
        "postcode",
        "text",
        "Postcode; the map position is looked up from it.",
        "SE6 4RU",
        "postcode",
    ),
    Column(
        "latitude",
        "number",
        "Map position; used only when the postcode is empty or not found.",
        "",
        "latitude",
    ),
    Column("longitude", "number", "Map position, with latitude.", "", "longitude"),
    Column(
        "accessibility",
        "text",
        "Step-free access, accessible toilet, hearing loop, parking, …",
        "Step-free entrance",
        "accessibility",
    ),
)
CONTACT_FIELDS: tuple[Column, ...] = (
    Column("name", "text", "A person or a team.", "Family hub team", "name"),
    Column("role", "text", "Their role.", "", "title"),
    Column(
        "phone",
        "text",
        "A UK phone number (a phone or an email is needed for each contact).",
        "020 8314 6000",
        "phone",
    ),
    Column(
        "phone_description",
        "text",
        "When and how to call.",
        "Monday to Friday, 9am to 5pm",
        "phone_description",
    ),
    Column("email", "text", "Their email address.", "", "email"),
)
GROUPS: dict[str, tuple[Column, ...]] = {"location": LOCATION_FIELDS, "contact": CONTACT_FIELDS}
TEMPLATE_GROUPS = {"location": TEMPLATE_LOCATION_GROUPS, "contact": TEMPLATE_CONTACT_GROUPS}

SERVICE_HEADERS = tuple(column.header for column in SERVICE_COLUMNS)
COLUMNS_BY_HEADER = {column.header: column for column in SERVICE_COLUMNS}
_GROUP_HEADER = re.compile(r"^(location|contact)_([1-9][0-9]{0,2})_([a-z_0-9]+)$")


def group_header(group: str, number: int, suffix: str) -> str:
    return f"{group}_{number}_{suffix}"


def group_headers(group: str, number: int) -> list[str]:
    return [group_header(group, number, column.header) for column in GROUPS[group]]


def headers(
    locations: int = TEMPLATE_LOCATION_GROUPS, contacts: int = TEMPLATE_CONTACT_GROUPS
) -> list[str]:
    """Every header, in template order, with the given number of location and contact groups."""
    result = list(SERVICE_HEADERS)
    for number in range(1, locations + 1):
        result += group_headers("location", number)
    for number in range(1, contacts + 1):
        result += group_headers("contact", number)
    return result


def parse_group_header(header: str) -> tuple[str, int, Column] | None:
    """('location', 2, the postcode column) for 'location_2_postcode'; None if not a group's."""
    match = _GROUP_HEADER.match(header)
    if not match:
        return None
    group, number, suffix = match.group(1), int(match.group(2)), match.group(3)
    for column in GROUPS[group]:
        if column.header == suffix:
            return group, number, column
    return None


@dataclass(frozen=True)
class ColumnDoc:
    header: str
    description: str
    example: str
    required: bool


def documentation() -> list[ColumnDoc]:
    """One line per column for the admin page and the template's "Columns" sheet; groups are
    documented once, as location_N_… and contact_N_…."""
    docs = [
        ColumnDoc(column.header, column.description, column.example, column.required)
        for column in SERVICE_COLUMNS
    ]
    for group, columns in GROUPS.items():
        count = TEMPLATE_GROUPS[group]
        for column in columns:
            docs.append(
                ColumnDoc(
                    f"{group}_N_{column.header}",
                    f"{column.description} The template has {group} groups 1 to {count}; add "
                    f"more by numbering on.",
                    column.example,
                    False,
                )
            )
    return docs
