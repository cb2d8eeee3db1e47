"""How much of the server each API client may use, and how many costly requests run at once.

Clients are limited by cost, not by requests: every request costs one unit, and the items it
returns add their share (``Cost``), so a page of 1,000 full services counts for what it takes
to build, and a client pulling the whole directory one ``/services/{id}`` at a time is not
punished for being polite. ``settings.OPENREFERRAL_RATE_LIMIT`` units a minute per client
address (``directory.client_address``), counted over a sliding minute: the current minute's
count plus the part of the last minute's that the window still covers.

Costly requests (big pages of nested objects) also need one of
``settings.OPENREFERRAL_COSTLY_REQUESTS`` slots shared by every client: when all are taken the
answer is 503 with Retry-After at once, so however many clients pull at the same time, the web
workers they can hold stay few and public search keeps answering. A slot is a lock on a file,
shared by the workers of one host (the workers it protects) and let go by the system when its
process ends, however it ends.

Counters live in Django's cache, touched only with its atomic operations (add, incr), so workers
sharing a cache (Redis, REDIS_URL) never lose a count. With a per-process cache (Django's local
memory, without REDIS_URL) each worker counts on its own. When the cache cannot be reached the
request is let through, as ``directory.rate_limits`` does: a Redis outage must not take the API
down.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import math
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60
REQUEST_COST = 1
# A request whose items may cost more than this needs a slot.
COSTLY_UNITS = 10
BUSY_RETRY_SECONDS = 2


def clock() -> float:
    return time.time()


@dataclass(frozen=True)
class Cost:
    """What one item of a kind costs, in requests' worth of server time (measured with
    bench/openreferral_api.py: a page of 1,000 full services takes about 25 times one
    ``/services/{id}``). Whole units only: a small page costs no more than its request."""

    per_item: float

    def of(self, items: int) -> int:
        return int(items * self.per_item)


FULL_SERVICE = Cost(1 / 40)
FULL_SERVICE_AT_LOCATION = Cost(1 / 40)
SERVICE_AT_LOCATION = Cost(1 / 80)
SERVICE = Cost(1 / 100)
ORGANISATION = Cost(1 / 200)
MINIMAL_SERVICE = Cost(1 / 2000)
TERM = Cost(1 / 1000)


class Busy(Exception):
    """Every slot for costly requests is taken."""

    retry_after = BUSY_RETRY_SECONDS


def _key(client: str, window: int) -> str:
    return f"openreferral-cost:{client}:{window}"


def charge(client: str, units: int) -> None:
    """Add ``units`` to the client's count for the current minute."""
    if units <= 0 or not settings.OPENREFERRAL_RATE_LIMIT:
        return
    key = _key(client, int(clock() // WINDOW_SECONDS))
    try:
        for _ in range(2):
            cache.add(key, 0, 2 * WINDOW_SECONDS + 5)
            try:
                cache.incr(key, units)
                return
            except ValueError:  # expired between add and incr: add it again
                continue
    except Exception as error:  # noqa: BLE001 - Redis down must not take the API down
        logger.warning("API use not counted for %s: the cache is unreachable (%s)", client, error)


def wait_seconds(client: str) -> int | None:
    """Seconds until the client may ask again, or None if it may now."""
    limit = settings.OPENREFERRAL_RATE_LIMIT
    if not limit:
        return None
    now = clock()
    window = int(now // WINDOW_SECONDS)
    try:
        counts = cache.get_many([_key(client, window - 1), _key(client, window)])
    except Exception as error:  # noqa: BLE001 - Redis down must not take the API down
        logger.warning("API limit not checked for %s: the cache is unreachable (%s)", client, error)
        return None
    previous = counts.get(_key(client, window - 1), 0)
    current = counts.get(_key(client, window), 0)
    elapsed = now / WINDOW_SECONDS - window  # share of the current minute gone
    if previous * (1 - elapsed) + current < limit:
        return None
    # When, if it asked nothing more, the sliding count would fall below the limit: later in
    # this minute, or in the next once this minute's count slides out.
    until = 1 - (limit - current) / previous if current < limit else 2 - limit / current
    return max(1, math.ceil((until - elapsed) * WINDOW_SECONDS))


def _slot_folder() -> Path:
    """One folder of slot files per site on this host (sites differ in code folder or
    database)."""
    site = f"{settings.BASE_DIR}|{settings.DATABASES['default']['NAME']}"
    name = "openreferral-slots-" + hashlib.sha256(site.encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / name
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@contextmanager
def costly_slot(units: int) -> Iterator[None]:
    """Hold one of the shared slots for a request expected to cost ``units``; raises Busy
    when none is free. Cheap requests pass without one."""
    slots = settings.OPENREFERRAL_COSTLY_REQUESTS
    if units <= COSTLY_UNITS or not slots:
        yield
        return
    folder = _slot_folder()
    with ExitStack() as held:
        for slot in range(slots):
            descriptor = os.open(folder / f"{slot}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                continue
            held.callback(os.close, descriptor)  # closing it lets the lock go
            break
        else:
            raise Busy
        yield
