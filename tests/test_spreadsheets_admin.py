"""The admin's "Import and export" screen: a commissioner imports a provider's spreadsheet in
the same sitting; everyone else is kept out."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from directory.models import ImportRun, ServicePage
from directory.site_setup import EDITORS, PROVIDERS
from exchange.spreadsheets.columns import headers
from exchange.spreadsheets.reading import MAX_FILE_BYTES

pytestmark = pytest.mark.django_db

INDEX = "directory_spreadsheets:index"


def provider_rows() -> list[dict[str, str]]:
    return [
        {
            "name": "Stay and Play",
            "organisation": "Riverside Family Trust",
            "summary": "Play sessions for babies and toddlers with their parents or carers.",
            "levels": "Universal",
            "needs": "Early years development",
            "maximum_age": "4",
            "self_referral": "yes",
            "in_person": "yes",
            "schedules": "Mon 09:30-11:30",
            "location_1_name": "Catford Family Hub",
            "location_1_postcode": "SE6 4RU",
            "contact_1_phone": "020 7946 0002",
        },
        {
            "name": "Baby Massage",
            "organisation": "Riverside Family Trust",
            "summary": "Learn baby massage with a trained instructor.",
            "levels": "Universal",
            "needs": "Infant feeding",
            "maximum_age": "1",
            "contact_1_email": "massage@riverside.example",
        },
    ]


def filled_template(template: bytes, rows: list[dict[str, str]]) -> bytes:
    """What a provider does with the downloaded template: add rows under its header."""
    columns = next(csv.reader(io.StringIO(template.decode("utf-8-sig"))))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for values in rows:
        writer.writerow([values.get(column, "") for column in columns])
    return out.getvalue().encode("utf-8")


def upload(content: bytes, name: str = "provider.csv", arrive_as: str = "publish") -> dict:
    return {"file": SimpleUploadedFile(name, content), "arrive_as": arrive_as}


@pytest.fixture
def run_upload(client, django_capture_on_commit_callbacks):
    """Post an upload and run its import as the worker would; the run's page."""

    def post(data: dict) -> tuple[Any, str]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse(INDEX), data)
        assert response.status_code == 302 and "/admin/imports/runs/" in response.url
        return response, client.get(response.url).content.decode()

    return post


def test_commissioner_imports_a_providers_spreadsheet_in_one_sitting(
    client, commissioner, organisation, postcodes, run_upload
):
    client.force_login(commissioner)
    admin_home = client.get(reverse("wagtailadmin_home"))
    assert "Import and export" in admin_home.content.decode()

    page = client.get(reverse(INDEX))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'enctype="multipart/form-data"' in html and "csrfmiddlewaretoken" in html
    assert '<label class="w-field__label" for="id_file"' in html
    assert '<legend class="w-field__label">Imported services arrive</legend>' in html
    assert '<label for="id_arrive_as_1">Published now</label>' in html
    assert "<caption" in html and "location_N_postcode" in html  # the column documentation
    template_url = reverse("directory_spreadsheets:template", args=["csv"])
    assert template_url in html

    template = client.get(template_url)
    assert template.status_code == 200
    assert template["Content-Disposition"] == 'attachment; filename="services-template.csv"'

    _response, page = run_upload(upload(filled_template(template.content, provider_rows())))

    assert "2 services created, 0 updated, 0 unchanged" in page
    run = ImportRun.objects.get()  # its progress counted to the end
    assert (run.status, run.stage, run.done, run.total) == ("done", "Importing", 2, 2)
    services = ServicePage.objects.live().order_by("title")
    assert [service.title for service in services] == ["Baby Massage", "Stay and Play"]
    assert services[1].latest_revision.user == commissioner

    # The export has them, in the same template, ready for the next round.
    export = client.get(reverse("directory_spreadsheets:export", args=["csv"]))
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ["Baby Massage", "Stay and Play"]
    assert rows[1]["location_1_postcode"] == "SE6 4RU"


def test_drafts_chosen_in_the_form_are_not_published(
    client, commissioner, organisation, run_upload
):
    client.force_login(commissioner)
    template = client.get(reverse("directory_spreadsheets:template", args=["csv"])).content
    run_upload(upload(filled_template(template, provider_rows()), arrive_as="draft"))
    assert ServicePage.objects.count() == 2 and not ServicePage.objects.live().exists()


def test_bad_rows_show_every_problem_and_write_nothing(
    client, commissioner, organisation, run_upload
):
    client.force_login(commissioner)
    rows = provider_rows()
    rows[1]["needs"] = "Infant feeding; Moon landings"
    rows[1]["maximum_age"] = "old"
    template = client.get(reverse("directory_spreadsheets:template", args=["csv"])).content

    _response, html = run_upload(upload(filled_template(template, rows)))

    assert "Nothing was imported" in html
    assert '<th scope="col">Row</th>' in html and '<th scope="col">Column</th>' in html
    assert "<td>3</td>" in html and "<td>needs</td>" in html and "<td>maximum_age</td>" in html
    assert "Moon landings" in html
    assert ServicePage.objects.count() == 0


def test_wrong_columns_are_reported_on_the_page(client, commissioner, organisation):
    client.force_login(commissioner)
    content = b"name,summary,favourite_colour\r\nStay and Play,Play,blue\r\n"
    response = client.post(reverse(INDEX), upload(content))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unknown columns: favourite_colour." in html and "Missing columns: oruk_id" in html


def test_xlsx_upload_and_template(client, commissioner, organisation, run_upload):
    client.force_login(commissioner)
    template = client.get(reverse("directory_spreadsheets:template", args=["xlsx"]))
    assert template["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(template.content))
    assert workbook.sheetnames == ["Services", "Columns", "Lists"]
    sheet = workbook["Services"]
    assert [cell.value for cell in sheet[1]] == headers()
    for values in provider_rows():
        sheet.append([values.get(header) for header in headers()])
    out = io.BytesIO()
    workbook.save(out)

    run_upload(upload(out.getvalue(), "provider.xlsx"))
    assert ServicePage.objects.live().count() == 2


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("services.xls", 100, "Save it as Excel Workbook (.xlsx)"),
        ("services.csv", MAX_FILE_BYTES + 1, "the most that can be imported at once is 10 MB"),
    ],
)
def test_wrong_kind_or_size_of_file_is_a_form_error(client, commissioner, name, size, message):
    client.force_login(commissioner)
    response = client.post(reverse(INDEX), upload(b"x" * size, name))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode() or "error-message" in (
        response.content.decode()
    )


def test_upload_needs_the_csrf_token(commissioner, organisation):
    client = Client(enforce_csrf_checks=True)
    client.force_login(commissioner)
    response = client.post(reverse(INDEX), upload(b"name\r\n"))
    assert response.status_code == 403


@pytest.mark.parametrize("group", [EDITORS, PROVIDERS])
def test_editors_and_providers_are_kept_out(client, make_user, organisation, group):
    user = make_user(group, organisations=(organisation,) if group == PROVIDERS else ())
    client.force_login(user)
    assert "Import and export" not in client.get(reverse("wagtailadmin_home")).content.decode()
    urls = [
        reverse(INDEX),
        reverse("directory_spreadsheets:template", args=["csv"]),
        reverse("directory_spreadsheets:export", args=["xlsx"]),
    ]
    responses = [client.get(url) for url in urls]
    responses.append(client.post(reverse(INDEX), upload(b"name\r\n")))
    for response in responses:
        # Wagtail's admin turns a refusal into a redirect to the dashboard, with a message.
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert "Content-Disposition" not in response
    assert ServicePage.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("directory_spreadsheets:export", args=["csv"]))
    assert response.status_code == 302 and "login" in response.url
