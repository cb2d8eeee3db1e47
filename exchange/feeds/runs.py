"""Running an import: a feed's pull, or a file uploaded in the admin, as an ``ImportRun``.

A run is created (queued) by whoever asks for it, and carried out by ``execute`` on the worker
(``tasks.run_import``): it fetches or reads its source, imports it through the importer for its
kind, saving its progress as it goes (each save its own short UPDATE, so a page polling it sees
it), and ends done (with the report kept) or failed (with the reason). An uploaded file is
dropped from the run once read.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from directory.models import FeedSource, ImportRun

from ..openreferral.fetching import SourceError, open_feed, parse_json, records_in
from ..openreferral.importing import import_services as import_openreferral
from ..spreadsheets.importer import import_services as import_spreadsheet

logger = logging.getLogger(__name__)


def queue_feed_pull(feed: FeedSource, user: Any = None) -> ImportRun:
    return ImportRun.objects.create(
        kind=ImportRun.Kind.FEED, feed=feed, publish=feed.publish, user=user, filename=feed.url
    )


def execute(run: ImportRun) -> None:
    """Carry out a queued run (nothing happens to one already started or finished)."""
    claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return
    run.refresh_from_db()
    try:
        summary, report, ok = _import(run)
    except SourceError as error:
        summary, report, ok = f"Nothing was imported: {error}", {}, False
    except Exception as error:  # the run must end, and say why, whatever went wrong
        logger.exception("Import run %s failed", run.pk)
        summary, report, ok = f"The import stopped: {type(error).__name__}: {error}", {}, False
    status = ImportRun.Status.DONE if ok else ImportRun.Status.FAILED
    ImportRun.objects.filter(pk=run.pk).update(
        status=status, summary=summary, report=report, finished_at=timezone.now(), upload=None
    )
    if run.feed_id:
        feed = FeedSource.objects.get(pk=run.feed_id)
        feed.schedule_next()
        FeedSource.objects.filter(pk=feed.pk).update(next_pull_at=feed.next_pull_at)


def _import(run: ImportRun) -> tuple[str, dict[str, Any], bool]:
    if run.kind == ImportRun.Kind.SPREADSHEET:
        return _spreadsheet(run)
    records: Iterable[Any]
    if run.kind == ImportRun.Kind.FEED:
        assert run.feed is not None  # a feed's run is made with its feed (queue_feed_pull)
        run.progress("Fetching the feed", 0, 0)
        feed = open_feed(
            run.feed.url, on_page=lambda n, total: run.progress("Fetching pages", n, total)
        )
        # Each service's details are fetched as the import goes ("Importing" counts both).
        records, notes = feed.stream(), feed.notes
        total = len(feed.records)
    else:
        listed = records_in(parse_json(bytes(run.upload or b""), run.filename))
        records, notes, total = listed, {}, len(listed)
    report = import_openreferral(
        records,
        total=total,
        publish=run.publish,
        user=run.user,
        dry_run=run.check_only,
        progress=lambda done, total: run.progress("Importing", done, total),
        feed_notes=notes,
        feed=run.feed if run.kind == ImportRun.Kind.FEED else None,
    )
    return report.summary(), report.as_json(), not report.wrote_nothing_because_of_errors


def _spreadsheet(run: ImportRun) -> tuple[str, dict[str, Any], bool]:
    run.progress("Checking and importing", 0, 0)
    report = import_spreadsheet(
        bytes(run.upload or b""),
        run.filename,
        publish=run.publish,
        user=run.user,
        on_progress=lambda stage, done, total: run.progress(stage, done, total),
    )
    data = dataclasses.asdict(report)
    data["summary"] = report.summary()
    return report.summary(), data, report.ok
