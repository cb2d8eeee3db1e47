"""Writing search-log rows off the search's critical path.

A search hands its row to ``writer().write`` and returns at once. With ``SEARCH_LOG_ASYNC``
(the default outside tests) a daemon thread in each process takes rows from a bounded queue and
saves them in batches, on its own database connection: a long import holding SQLite's write
lock, or a slow database, delays the log, never the search.

The thread wakes every ``FLUSH_SECONDS``, or when ``BATCH_SIZE`` rows wait, not for each row:
waking it for every search, then writing rows one by one, was a fifth of a gunicorn worker's
CPU under load (py-spy, 10,000 services). A row is therefore in the log within about a second.

A batch that cannot be written is tried again (``RETRIES`` times, waiting longer each time)
before it is given up with a logged warning; when the queue is full (the database gone for
minutes) new rows are counted and dropped rather than held in memory without end. A process
that exits writes what waits (``EXIT_FLUSH_SECONDS`` at most).

Without ``SEARCH_LOG_ASYNC`` (the tests, one-off commands) rows are saved in the caller, and a
failure is logged, not raised.
"""

from __future__ import annotations

import atexit
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
FLUSH_SECONDS = 1.0
EXIT_FLUSH_SECONDS = 2.0
RETRIES = 5
FIRST_WAIT_SECONDS = 0.5


class SearchLogWriter:
    def __init__(self, asynchronous: bool) -> None:
        self.asynchronous = asynchronous
        self.dropped = 0
        self._queue: queue.Queue[SearchLog] = queue.Queue(QUEUE_SIZE)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        # Set to have the thread write now rather than at its next tick.
        self._wake = threading.Event()

    def write(self, row: SearchLog) -> None:
        if not self.asynchronous:
            _save([row])
            return
        self._ensure_thread()
        try:
            # The thread waits on ``_wake``, never on the queue, so this wakes nobody.
            self._queue.put_nowait(row)
        except queue.Full:
            self.dropped += 1
            return
        if self._queue.qsize() >= BATCH_SIZE:
            self._wake.set()

    def flush(self, timeout: float = 10.0) -> bool:
        """Write every row handed over so far now, and wait until they are written (or given
        up). For tests and shutdown; searches never call it."""
        self._wake.set()
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
                # A worker stopping (a deploy, gunicorn's max-requests) writes what waits.
                atexit.register(self.flush, EXIT_FLUSH_SECONDS)

    def _run(self) -> None:
        while True:
            self._wake.wait(FLUSH_SECONDS)
            self._wake.clear()
            while batch := self._take_batch():
                try:
                    self._save_with_retries(batch)
                finally:
                    for _ in batch:
                        self._queue.task_done()
                    # The thread's own connection: closed when broken or too old, like a
                    # request's.
                    close_old_connections()

    def _take_batch(self) -> list[SearchLog]:
        batch: list[SearchLog] = []
        while len(batch) < BATCH_SIZE:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch

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
