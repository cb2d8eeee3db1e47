"""Who a client is behind our proxies, what its requests cost, and the shared slots for costly
requests. A few services are enough here; the full pull of the demo borough by a well-behaved
client is in test_openreferral_api.py."""

from __future__ import annotations

import threading

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from directory.client_address import client_address
from exchange.openreferral import throttling

API = "/api/openreferral/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """The limiter's clock, moved by hand: a minute passes without waiting for it."""

    class Clock:
        now = 1_000_000 * throttling.WINDOW_SECONDS + 0.5

        def advance(self, seconds: float) -> None:
            self.now += seconds

    fake = Clock()
    monkeypatch.setattr(throttling, "clock", lambda: fake.now)
    return fake


def address(settings, trusted: list[str], remote: str, forwarded: str | None = None) -> str:
    settings.TRUSTED_PROXIES = trusted
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))


@pytest.mark.parametrize(
    "trusted, remote, forwarded, expected",
    [
        # No proxy configured: the header is the client's own words.
        ([], "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # From a stranger, the header is ignored too.
        (["10.0.0.1"], "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # From our proxy: the address it appended.
        (["10.0.0.1"], "10.0.0.1", "198.51.100.1", "198.51.100.1"),
        # Whatever the client wrote before it is not believed.
        (["10.0.0.1"], "10.0.0.1", "1.2.3.4, 5.6.7.8, 198.51.100.1", "198.51.100.1"),
        # Two proxies of ours (a network and an address): past both.
        (
            ["10.0.0.0/8", "192.0.2.5"],
            "192.0.2.5",
            "1.2.3.4, 198.51.100.1, 10.1.2.3",
            "198.51.100.1",
        ),
        # Ports and IPv6 brackets as some proxies write them.
        (["10.0.0.1"], "10.0.0.1", "198.51.100.1:5123", "198.51.100.1"),
        (["10.0.0.1"], "10.0.0.1", "[2001:db8:1:2:3::4]:443", "2001:db8:1:2::/64"),
        # Rubbish where our proxy's entry should be: the proxy itself, never the rubbish.
        (["10.0.0.1"], "10.0.0.1", "not-an-address", "10.0.0.1"),
        (["10.0.0.1"], "10.0.0.1", None, "10.0.0.1"),
        # An IPv6 client is its /64: changing the last bits changes nothing.
        ([], "2001:db8:aa:bb:1::7", None, "2001:db8:aa:bb::/64"),
        ([], "", None, "unknown"),
    ],
)
def test_client_address(settings, trusted, remote, forwarded, expected) -> None:
    assert address(settings, trusted, remote, forwarded) == expected


def test_the_limit_follows_the_client_behind_the_proxy(client, db, settings) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.OPENREFERRAL_RATE_LIMIT = 3
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(3):
        answer = client.get(API + "taxonomies", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
        assert answer.status_code == 200
    limited = client.get(API + "taxonomies", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert limited.status_code == 429 and int(limited["Retry-After"]) >= 1
    # Another client behind the same proxy is not held back with it...
    other = client.get(API + "taxonomies", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy)
    assert other.status_code == 200
    # ...and the limited one cannot start afresh by writing its own header.
    spoofed = "203.0.113.1, 198.51.100.7"
    assert client.get(API + "taxonomies", HTTP_X_FORWARDED_FOR=spoofed, **proxy).status_code == 429


def test_a_sliding_minute_and_an_honest_retry_after(clock, settings) -> None:
    settings.OPENREFERRAL_RATE_LIMIT = 100
    throttling.charge("c", 100)
    wait = throttling.wait_seconds("c")
    assert wait is not None and wait > 1
    # Just before the wait is over the client is still held; once it is over, it may ask.
    clock.advance(wait - 1.5)
    assert throttling.wait_seconds("c") is not None
    clock.advance(1.5)
    assert throttling.wait_seconds("c") is None
    # The minute before still counts for the part of it the window covers: no burst of a
    # second minute's worth straight after the boundary.
    clock.now = (clock.now // 60 + 1) * 60 + 1
    throttling.charge("d", 90)
    clock.advance(60)
    throttling.charge("d", 20)
    assert throttling.wait_seconds("d") is not None
    clock.advance(30)
    assert throttling.wait_seconds("d") is None


def test_counts_are_not_lost_when_workers_count_at_once(clock, settings) -> None:
    settings.OPENREFERRAL_RATE_LIMIT = 10**9

    def spend() -> None:
        for _ in range(200):
            throttling.charge("busy", 3)

    threads = [threading.Thread(target=spend) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    window = int(throttling.clock() // throttling.WINDOW_SECONDS)
    assert cache.get(throttling._key("busy", window)) == 8 * 200 * 3


def test_costly_requests_wait_for_a_free_slot(client, make_service, settings) -> None:
    make_service()
    settings.OPENREFERRAL_RATE_LIMIT = 0
    settings.OPENREFERRAL_COSTLY_REQUESTS = 1
    with throttling.costly_slot(throttling.COSTLY_UNITS + 1):  # another worker's big page
        busy = client.get(API + "services", {"per_page": 1000})
        assert busy.status_code == 503
        assert busy.json()["status"] == 503 and busy["Retry-After"] == "2"
        assert busy["Access-Control-Allow-Origin"] == "*"
        # Small requests never wait.
        assert client.get(API + "services", {"per_page": 10}).status_code == 200
    assert client.get(API + "services", {"per_page": 1000}).status_code == 200
    # A slot is given back however its request ended.
    with pytest.raises(RuntimeError), throttling.costly_slot(throttling.COSTLY_UNITS + 1):
        raise RuntimeError
    assert client.get(API + "services", {"per_page": 1000}).status_code == 200


def test_an_unreachable_cache_lets_requests_through(client, db, settings) -> None:
    """Redis down must not take the API down: requests go uncounted until it is back."""
    from config.settings.base import redis_cache

    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:9/0", "unreachable")}
    settings.OPENREFERRAL_RATE_LIMIT = 2
    statuses = [client.get(API + "taxonomies").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 200]
