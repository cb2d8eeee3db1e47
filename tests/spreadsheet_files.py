"""Spreadsheets of services as councils send them, written independently of the site's own
exporter: ``row`` is a valid new-service row, ``csv_file`` and ``xlsx_file`` the files."""

from __future__ import annotations

import csv
import io

import openpyxl

from exchange.spreadsheets.columns import headers


def row(**cells: object) -> dict[str, object]:
    """A valid new-service row; keyword arguments set (or blank) cells."""
    values: dict[str, object] = {
        "name": "Bumps and Babies",
        "organisation": "Riverside Family Trust",
        "summary": "A friendly group for parents-to-be and new parents.",
        "description": "Meet other parents.\n\nA midwife comes every week.",
        "levels": "Universal",
        "needs": "Pregnancy and birth; Infant feeding",
        "minimum_age": "0",
        "maximum_age": "1",
        "for_expectant_parents": "yes",
        "self_referral": "yes",
        "in_person": "Yes",
        "schedules": "Tue 09:30-11:30 Drop-in; Thursday 13:00-14:30",
        "languages": "Polish; ar: interpreter on request",
        "last_reviewed": "01/02/2025",
        "location_1_name": "Catford Family Hub",
        "location_1_address": "1 Hub Road",
        "location_1_postcode": "se64ru",
        "contact_1_name": "Hub team",
        "contact_1_phone": "020 7946 0001",
    }
    values.update(cells)
    return values


def csv_file(rows: list[dict[str, object]], columns: list[str] | None = None) -> bytes:
    """A CSV written independently of the exporter (the standard csv module)."""
    columns = columns or headers()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for values in rows:
        writer.writerow(["" if values.get(c) is None else values.get(c) for c in columns])
    return out.getvalue().encode("utf-8")


def xlsx_file(rows: list[dict[str, object]], columns: list[str] | None = None) -> bytes:
    columns = columns or headers()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for values in rows:
        sheet.append([values.get(c) for c in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
