"""Counting uses against a limit in Django's cache: shared by every app server and worker when
the cache is Redis (REDIS_URL), per process otherwise.

The window starts at a key's first use and ends when the cache expires the key: the cache
server keeps the time, so app servers whose clocks differ still count in the same window.
"""

from __future__ import annotations

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def count_use(key: str, seconds: int) -> int | None:
    """Count one use of ``key`` in its window; the uses so far, this one included, or None
    when the cache cannot be reached (the caller decides; limits let the request through)."""
    try:
        cache.add(key, 0, seconds)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr: a new window
            cache.set(key, 1, seconds)
            return 1
    except Exception as error:  # noqa: BLE001 - Redis down must not take the page down
        logger.warning("Rate limit not counted for %s: the cache is unreachable (%s)", key, error)
        return None


def within_limit(key: str, allowed: int, seconds: int) -> bool:
    """Count one use of ``key``; whether it is within ``allowed`` uses a ``seconds`` window."""
    count = count_use(key, seconds)
    return count is None or count <= allowed
