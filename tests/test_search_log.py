"""The search log keeps no trace of who searched, is purged, and never slows or fails a search
(issue 15 item 1, issue 13 item 6)."""

from __future__ import annotations

import datetime
import io
import json
import sqlite3
import threading
import time

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.utils import timezone

from search.log_writer import SearchLogWriter
from search.models import SearchLog

from .processes import wait_for

# Each: what a family typed, and the personal words that must never be stored.
PERSONAL = [
    ("John Smith", ["john", "smith"]),
    ("Amelia Watson born 12/03/2016", ["amelia", "watson", "12", "03", "2016"]),
    ("my son Tom Jones has autism", ["tom", "jones"]),
    (
        "child protection plan Lily Brown 14 Brockley Rise",
        ["lily", "brown", "14", "brockley", "rise"],
    ),
    ("flat 3 12 Amersham Vale SE14", ["3", "12", "amersham", "vale", "se14"]),
    ("help for jo.bloggs@example.com", ["jo", "bloggs", "example"]),
    ("call me on 07700 900123", ["07700", "900123"]),
    ("speech therapy for Aisha aged 3 at 221b Baker Street", ["aisha", "221b", "baker", "street"]),
    ("DV refuge for Sarah Connor DOB 01.02.1990", ["sarah", "connor", "dob", "01", "1990"]),
    ("housing help 45 Rushey Green SE6 4BD", ["45", "se6", "4bd"]),
    ("my daughter Chloe-Mae wont eat NHS no 943 476 5919", ["chloe", "mae", "943", "5919"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "private"), PERSONAL)
def test_what_families_type_about_themselves_is_never_stored(client, make_service, typed, private):
    make_service(title="Autism parents' group", summary="Help with autism, speech and housing.")
    assert client.get("/search/", {"q": typed}).status_code == 200
    assert client.get("/api/search", {"q": typed}).status_code == 200
    for row in SearchLog.objects.all():
        stored = json.dumps(
            {"q": row.q, "params": row.params, "district": row.postcode_district}
        ).lower()
        kept = set(row.q.split())
        assert not kept & set(private), (typed, row.q)
        assert not any(word in stored for word in private if len(word) > 3), (typed, stored)
        assert row.other_words >= 1


@pytest.mark.django_db
def test_the_needs_the_words_named_are_kept_for_the_demand_report(client, make_service):
    make_service(title="Chatter club", needs=["Speech, language and communication"])
    client.get("/search/", {"q": "my toddler Ella isn't talking yet"})
    row = SearchLog.objects.get()
    assert row.named_needs == ["speech-language-and-communication"]
    assert "ella" not in row.q and "talking" in row.q


@pytest.mark.django_db
def test_old_searches_are_purged(settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 30
    rows = SearchLog.objects.bulk_create(
        SearchLog(q=q, result_count=1, engine="database", duration_ms=1) for q in ("old", "new")
    )
    SearchLog.objects.filter(pk=rows[0].pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    out = io.StringIO()
    call_command("purge_search_log", stdout=out)
    assert list(SearchLog.objects.values_list("q", flat=True)) == ["new"]
    assert "Deleted 1 search logged more than 30 days ago" in out.getvalue()


@pytest.mark.django_db
def test_a_failure_to_log_never_fails_a_search(client, make_service, monkeypatch):
    make_service(title="Chatter club")

    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(SearchLog.objects, "bulk_create", broken)
    assert client.get("/search/", {"q": "chatter"}).status_code == 200
    assert client.get("/api/search", {"q": "chatter"}).json()["count"] == 1


@pytest.mark.django_db(transaction=True)
def test_a_locked_log_table_never_delays_a_search(client, make_service, settings):
    """The writer thread waits for the lock; the search does not. A real lock, held by another
    connection for LOCK_SECONDS, as a long import holds SQLite's: the search answers while it
    is still held, and its row is written once it is released."""
    make_service(title="Chatter club", needs=["Speech, language and communication"])
    client.get("/search/", {"q": "speech therapy"})  # warm: the lexicon is read once
    SearchLog.objects.all().delete()
    writer = SearchLogWriter(asynchronous=True)
    settings.SEARCH_LOG_ASYNC = True
    from search import log_writer

    original = log_writer.writer
    log_writer.writer = lambda: writer  # this test's writer, so flush() waits on it
    locked, released = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(locked, released), daemon=True)
    holder.start()
    try:
        assert locked.wait(10)
        response = client.get("/search/", {"q": "speech therapy"})
        assert response.status_code == 200
        # Answered while the lock was still held: the search never waited for the log.
        assert not released.is_set()
        assert not SearchLog.objects.exists()
    finally:
        holder.join(LOCK_SECONDS + 10)
        log_writer.writer = original
    assert writer.flush(timeout=30)
    assert list(SearchLog.objects.values_list("q", flat=True)) == ["speech therapy"]


LOCK_SECONDS = 8


def _row(q: str) -> SearchLog:
    return SearchLog(q=q, result_count=1, engine="database", duration_ms=1)


def _logged(*words: str) -> bool:
    return SearchLog.objects.filter(q__in=words).count() == len(words)


@pytest.mark.django_db(transaction=True)
def test_the_writer_is_not_woken_for_each_search(monkeypatch):
    """Rows wait for the writer's next tick, a full batch, or a flush: waking the writer for
    every search cost a fifth of a worker's CPU under load."""
    from search import log_writer

    monkeypatch.setattr(log_writer, "FLUSH_SECONDS", 0.2)
    writer = SearchLogWriter(asynchronous=True)
    writer.write(_row("ticked"))
    assert wait_for(lambda: _logged("ticked"), timeout=10)  # at its next tick
    monkeypatch.setattr(log_writer, "FLUSH_SECONDS", 60)
    monkeypatch.setattr(log_writer, "BATCH_SIZE", 3)
    time.sleep(0.5)  # the thread now waits up to a minute
    writer.write(_row("one"))
    writer.write(_row("two"))
    time.sleep(1)
    assert not _logged("one") and not _logged("two")  # nobody woke it
    writer.write(_row("three"))  # a batch is waiting: written now
    assert wait_for(lambda: _logged("one", "two", "three"), timeout=10)
    writer.write(_row("flushed"))
    assert writer.flush(timeout=10) and _logged("flushed")


def _hold_write_lock(locked: threading.Event, released: threading.Event) -> None:
    """Hold a write lock on the log table from a connection of its own for LOCK_SECONDS."""
    if connection.vendor == "sqlite":
        raw = sqlite3.connect(connection.settings_dict["NAME"], timeout=10)
        raw.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(LOCK_SECONDS)
        released.set()
        raw.rollback()
        raw.close()
        return
    from django.db import connections

    other = connections.create_connection("default")
    with other.cursor() as cursor:
        cursor.execute("BEGIN")
        cursor.execute(f"LOCK TABLE {SearchLog._meta.db_table} IN EXCLUSIVE MODE")
        locked.set()
        time.sleep(LOCK_SECONDS)
        released.set()
        cursor.execute("ROLLBACK")
    other.close()
