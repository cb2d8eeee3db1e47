"""Writing search-log rows off the search's critical path.

A search hands its row to ``writer().write`` and returns at once. With ``SEARCH_LOG_ASYNC``
(the default outside tests) a daemon thread in each process takes rows from a bounded queue and
saves them in batches, on its own database connection: a long import holding SQLite's write
lock, or a slow database, delays the log, never the search. A batch that cannot be written is
tried again (``RETRIES`` times, waiting longer each time) before it is given up with a logged
warning; when the queue is full (the database gone for minutes) new rows are counted and
dropped rather than held in memory without end.

Without ``SEARCH_LOG_ASYNC`` (the tests, one-off commands) rows are saved in the caller, and a
failure is logged, not raised.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection

from .models import SearchLog

logger = logging.getLogger(__name__)

QUEUE_SIZE = 10_000
BATCH_SIZE = 200
RETRIES = 5
FIRST_WAIT_SECONDS = 0.5


class SearchLogWriter:
    def __init__(self, asynchronous: bool) -> None:
        self.asynchronous = asynchronous
        self.dropped = 0
        self._queue: queue.Queue[SearchLog] = queue.Queue(QUEUE_SIZE)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def write(self, row: SearchLog) -> None:
        if not self.asynchronous:
            _save([row])
            return
        self._ensure_thread()
        try:
            self._queue.put_nowait(row)
        except queue.Full:
            self.dropped += 1

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every row handed over so far is written (or given up). For tests and
        shutdown; searches never call it."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self._queue.unfinished_tasks

    def _ensure_thread(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="search-log-writer", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < BATCH_SIZE:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                self._save_with_retries(batch)
            finally:
                for _ in batch:
                    self._queue.task_done()
                # The thread's own connection: closed when broken or too old, like a request's.
                close_old_connections()

    def _save_with_retries(self, batch: list[SearchLog]) -> None:
        wait = FIRST_WAIT_SECONDS
        for attempt in range(1, RETRIES + 1):
            if _save(batch, quiet=attempt < RETRIES):
                return
            connection.close()
            time.sleep(wait)
            wait *= 2


def _save(rows: list[SearchLog], *, quiet: bool = False) -> bool:
    try:
        SearchLog.objects.bulk_create(rows)
    except DatabaseError:
        if not quiet:
            logger.exception("Could not write %d search-log rows", len(rows))
        return False
    return True


@lru_cache(maxsize=1)
def writer() -> SearchLogWriter:
    """This process's writer."""
    return SearchLogWriter(asynchronous=getattr(settings, "SEARCH_LOG_ASYNC", True))
