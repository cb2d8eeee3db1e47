"""Hostile files and feeds are refused quickly with a clear message, never a 500 or a traceback
(issue 15, item 5): XLSX dimension bombs, blank-row floods and over-wide rows; deeply nested JSON
and huge numbers; feed URLs that lead to loopback, private or link-local addresses, directly,
through DNS or after a redirect; and feeds that trickle their answer.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from exchange.openreferral.fetching import SourceError, load_records
from exchange.openreferral.json_limits import JSONLimitError, load_json
from exchange.openreferral.safe_http import FetchError, fetch
from exchange.spreadsheets.columns import headers
from exchange.spreadsheets.importer import import_services as import_spreadsheet
from exchange.spreadsheets.reading import MAX_ROWS, SpreadsheetError, read_spreadsheet

from .feed_server import FeedServer, redirect_to

PROJECT = Path(__file__).resolve().parent.parent
DEEP = b"[" * 100_000 + b"]" * 100_000
HUGE_NUMBER = b'{"id": ' + b"9" * 5_000 + b"}"


# -- spreadsheets -----------------------------------------------------------------------------


def _workbook(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Services"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _rewrite_sheet(content: bytes, change) -> bytes:
    """The workbook with its first sheet's XML passed through ``change``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            target.writestr(info, data)
    return out.getvalue()


def _without_dimension(xml: bytes) -> bytes:
    return re.sub(rb"<dimension [^>]*>", b"", xml)


def dimension_bomb() -> bytes:
    """A tiny workbook whose sheet declares the whole grid, A1:XFD1048576."""
    return _rewrite_sheet(
        _workbook([headers(), ["x"]]),
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml),
    )


def test_an_xlsx_declaring_the_whole_grid_is_refused_before_it_is_read() -> None:
    bomb = dimension_bomb()
    assert len(bomb) < 10_000
    with pytest.raises(SpreadsheetError, match="A1:XFD1048576") as refused:
        read_spreadsheet(bomb, "bomb.xlsx")
    assert "16,384 columns" in str(refused.value)


def test_blank_rows_count_toward_the_row_limit() -> None:
    blank_rows = ",".join(headers()).encode() + b"\n" + b",\n" * (MAX_ROWS + 1)
    with pytest.raises(SpreadsheetError, match="blank rows count too"):
        read_spreadsheet(blank_rows, "blank.csv")
    # The same in a workbook that does not declare its size: rows with an empty string in them.
    workbook = _rewrite_sheet(
        _workbook([headers(), *[[""] for _ in range(MAX_ROWS + 1)]]),
        _without_dimension,
    )
    with pytest.raises(SpreadsheetError, match="blank rows count too"):
        read_spreadsheet(workbook, "blank.xlsx")


def test_a_row_wider_than_any_template_is_refused() -> None:
    def far_cell(xml: bytes) -> bytes:
        # A cell in column XFD of row 2, and no dimension to warn of it.
        xml = _without_dimension(xml)
        return xml.replace(
            b"</row></sheetData>",
            b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        )

    content = _rewrite_sheet(_workbook([headers(), ["x"]]), far_cell)
    with pytest.raises(SpreadsheetError, match="16,384 cells wide"):
        read_spreadsheet(content, "wide.xlsx")


def test_reading_stops_at_the_time_budget() -> None:
    rows = ",".join(headers()).encode() + b"\n" + b"x,\n" * 500
    with pytest.raises(SpreadsheetError, match="took too long"):
        read_spreadsheet(rows, "slow.csv", seconds=0)


def test_hostile_spreadsheets_are_a_clear_400_in_the_admin(client, commissioner) -> None:
    client.force_login(commissioner)
    response = client.post(
        reverse("directory_spreadsheets:index"),
        {"file": SimpleUploadedFile("bomb.xlsx", dimension_bomb()), "arrive_as": "draft"},
    )
    assert response.status_code == 400
    assert "A1:XFD1048576" in response.content.decode()
    report = import_spreadsheet(dimension_bomb(), "bomb.xlsx")
    assert not report.ok and "A1:XFD1048576" in report.summary()


# -- JSON ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        (DEEP, "nested 100,000 levels deep"),
        (HUGE_NUMBER, "a number 5,000 characters long"),
        (b'{"amount": 1e999}', "too large"),
        (b'{"amount": NaN}', "not a number JSON allows"),
        (b'{"name": "unterminated', "not JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_json_limits_are_checked_before_parsing(content: bytes, message: str) -> None:
    with pytest.raises(JSONLimitError, match=message):
        load_json(content)


def test_brackets_and_digits_inside_strings_do_not_count() -> None:
    text = {"description": "[" * 1000 + "9" * 1000 + '\\"[[[', "ok": [[1, 2.5]]}
    assert load_json(json.dumps(text).encode()) == text


def _upload_feed(client, content: bytes):
    upload = SimpleUploadedFile("feed.json", content, "application/json")
    return client.post(
        reverse("directory_openreferral:import"), {"file": upload, "action": "check"}
    )


@pytest.mark.django_db
@pytest.mark.parametrize("content", [DEEP, HUGE_NUMBER], ids=["deep", "huge-number"])
def test_hostile_json_is_a_clear_400_in_the_admin(client, commissioner, content) -> None:
    client.force_login(commissioner)
    response = _upload_feed(client, content)
    assert response.status_code == 400
    page = response.content.decode()
    assert "nested 100,000 levels deep" in page or "5,000 characters long" in page


@pytest.mark.django_db
def test_hostile_json_is_a_clear_error_from_the_command(tmp_path) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(DEEP)
    with pytest.raises(CommandError, match="nested 100,000 levels deep"):
        call_command("import_openreferral", str(path), "--no-progress")
    # Run as an operator would: one line of explanation, no traceback.
    path.write_bytes(HUGE_NUMBER)
    result = subprocess.run(
        [sys.executable, "manage.py", "import_openreferral", str(path), "--no-progress"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        timeout=120,
    )
    assert result.returncode != 0
    assert "5,000 characters long" in result.stderr
    assert "Traceback" not in result.stderr


# -- feed URLs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, message",
    [
        ("file:///etc/passwd", "Only http:// and https://"),
        ("ftp://example.org/feed.json", "Only http:// and https://"),
        ("http://10.1.2.3/services", "10.1.2.3, an address inside a private network"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::1]:9/services", "::1"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1"),
        ("http://localhost:9/services", "an address inside a private network"),
        ("http://0.0.0.0:9/", "0.0.0.0"),
    ],
)
def test_urls_inside_our_network_are_refused_before_connecting(url: str, message: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=message):
        fetch(url, max_bytes=1000)
    assert time.monotonic() - started < 5


def test_a_redirect_into_our_network_is_refused(settings) -> None:
    # The feed's own host is allowed (as a council names its intranet host); where it redirects
    # to is checked again: loopback by name and by address, and the cloud metadata address.
    with FeedServer(host="127.0.0.2") as server:
        settings.IMPORT_ALLOWED_HOSTS = ["127.0.0.2"]
        server.routes["/ok"] = b"[]"
        server.routes["/to-loopback"] = redirect_to(f"http://127.0.0.1:{server.port}/ok")
        server.routes["/to-localhost"] = redirect_to(f"http://localhost:{server.port}/ok")
        server.routes["/to-metadata"] = redirect_to("http://169.254.169.254/latest/")
        server.routes["/to-file"] = redirect_to("file:///etc/passwd")
        server.routes["/loop"] = redirect_to("/loop")
        assert fetch(server.url + "/ok", max_bytes=1000).body == b"[]"
        for path, message in (
            ("/to-loopback", "127.0.0.1, an address inside a private network"),
            ("/to-localhost", "an address inside a private network"),
            ("/to-metadata", "169.254.169.254"),
            ("/to-file", "Only http:// and https://"),
            ("/loop", "redirects more than 5 times"),
        ):
            with pytest.raises(FetchError, match=message):
                fetch(server.url + path, max_bytes=1000)
        with pytest.raises(SourceError, match="private network"):
            load_records(server.url + "/to-loopback")


def test_an_allowed_network_lets_an_intranet_feed_in(settings) -> None:
    with FeedServer(host="127.0.0.3") as server:
        server.routes["/services"] = b"[]"
        settings.IMPORT_ALLOWED_HOSTS = []
        with pytest.raises(FetchError, match="IMPORT_ALLOWED_HOSTS"):
            fetch(server.url + "/services", max_bytes=1000)
        settings.IMPORT_ALLOWED_HOSTS = ["127.0.0.0/29"]
        assert fetch(server.url + "/services", max_bytes=1000).body == b"[]"


def _trickle(interval: float, total: int = 50):
    """Headers at once, then one byte of the body every ``interval`` seconds."""

    def answer(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(total))
        handler.end_headers()
        try:
            for _ in range(total):
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(interval)
        except OSError:
            pass  # the importer hung up, as it should

    return answer


def test_a_feed_that_trickles_is_cut_off_at_the_deadline(feed_server, settings) -> None:
    settings.IMPORT_FETCH_SECONDS = 1.5
    settings.IMPORT_IDLE_SECONDS = 1
    feed_server.routes["/trickle"] = _trickle(0.3)
    feed_server.routes["/silent"] = _trickle(5)
    # Uncut, the trickle takes 15 s and the silent feed 250 s; the bounds leave room for a
    # busy machine (CI's two cores) without letting either through.
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1.5 s"):
        fetch(feed_server.url + "/trickle", max_bytes=1000)
    assert time.monotonic() - started < 8
    started = time.monotonic()
    with pytest.raises(FetchError, match="stopped sending"):
        fetch(feed_server.url + "/silent", max_bytes=1000)
    assert time.monotonic() - started < 8


def test_a_feed_larger_than_the_limit_is_refused(feed_server) -> None:
    feed_server.routes["/big"] = b"[" + b" " * 5000 + b"]"
    with pytest.raises(FetchError, match="larger than"):
        fetch(feed_server.url + "/big", max_bytes=1000)


@pytest.mark.django_db
def test_the_command_refuses_a_loopback_url_clearly(settings) -> None:
    settings.IMPORT_ALLOWED_HOSTS = []
    with pytest.raises(CommandError, match="private network"):
        call_command("import_openreferral", "http://127.0.0.1:9/services", "--no-progress")
