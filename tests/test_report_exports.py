"""Exports from Wagtail's own reports are as safe to open in a spreadsheet as the site's own:
a cell a spreadsheet would run as a formula gets one apostrophe in front."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from directory.models import Organisation
from directory.site_setup import COMMISSIONERS
from tests.service_form import service_form

pytestmark = pytest.mark.django_db

EVIL_TITLE = '=HYPERLINK("http://evil","x")'
SAFE_TITLE = "'" + EVIL_TITLE
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WAGTAIL_REPORTS = ("site_history", "aging_pages", "locked_pages", "workflow", "workflow_tasks")


def exported_cells(response) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return [cell for row in csv.reader(io.StringIO(body.decode())) for cell in row]
    workbook = openpyxl.load_workbook(io.BytesIO(body))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells), "an XLSX cell is a formula"
    return [str(cell.value) for cell in cells if cell.value is not None]


@pytest.fixture
def hostile_service(client, site_structure, make_user, make_service, postcodes):
    """A service titled as a formula, published, resubmitted for approval and locked, so it is
    in every Wagtail report."""
    commissioner = make_user(COMMISSIONERS, "=cmd|' /C calc'!A0")
    page = make_service(title=EVIL_TITLE, slug="evil")
    client.force_login(commissioner)
    data = service_form(
        page.organisation, title=EVIL_TITLE, slug="evil", **{"action-submit": "Submit"}
    )
    assert client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:lock", args=(page.pk,))).status_code == 302
    page.refresh_from_db()
    assert page.locked and page.workflow_in_progress
    return page


@pytest.mark.parametrize("report", WAGTAIL_REPORTS)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_wagtail_report_exports_neutralise_formulas(client, hostile_service, report, file_format):
    # The commissioner is still logged in (they made the history).
    response = client.get(reverse(f"wagtailadmin_reports:{report}"), {"export": file_format})
    assert response.status_code == 200
    cells = exported_cells(response)
    assert SAFE_TITLE in cells, f"{report} did not export the service"
    assert EVIL_TITLE not in cells
    formulas = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert formulas == [], f"{report} exported formulas {formulas}"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_site_history_export_names_the_user_safely(client, hostile_service, file_format):
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": file_format})
    assert "'=cmd|' /C calc'!A0" in exported_cells(response)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_project_listing_exports_neutralise_formulas(
    client, commissioner, make_service, file_format
):
    Organisation.objects.create(name="@SUM(1+1)*cmd|' /C calc'!A0", phone="+44 20 7946 0000")
    make_service(title="-2+3+cmd|' /C calc'!A0", slug="minus", last_reviewed=None)
    client.force_login(commissioner)
    organisations = exported_cells(
        client.get(reverse("wagtailsnippets_directory_organisation:list"), {"export": file_format})
    )
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in organisations
    assert "+44 20 7946 0000" in organisations  # a phone number is not a formula
    reviews = exported_cells(
        client.get(reverse("directory_reviews:report"), {"export": file_format})
    )
    assert "'-2+3+cmd|' /C calc'!A0" in reviews


def test_page_history_has_no_export_to_neutralise(client, hostile_service):
    """Wagtail offers no export of a page's own history: asking for one gets the HTML page."""
    url = reverse("wagtailadmin_pages:history", args=(hostile_service.pk,))
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
