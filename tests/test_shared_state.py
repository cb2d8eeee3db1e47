"""State shared by every process, tested across two real app servers (gunicorn) on one
database and one Redis: rate limits count together, and a change to the index written by one
process is seen by the other's in-memory copy of it.

Needs a Redis server: REDIS_URL=$(scripts/redis.sh start). CI requires these tests to run
(REQUIRE_BACKENDS=...,redis)."""

from __future__ import annotations

import os
import re
import time
import uuid

import pytest
import requests
from django.utils import timezone

from exchange.openreferral.throttling import WINDOW_SECONDS

from .processes import app_servers, committed

pytestmark = [pytest.mark.redis, committed]


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("needs Redis: set REDIS_URL=$(scripts/redis.sh start)")
    return url


@pytest.fixture
def shared_cache(redis_url, settings) -> dict[str, str]:
    """The environment for app servers sharing one Redis cache, under a prefix of this test's
    own; this process uses the same cache."""
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {"default": settings_module().redis_cache(redis_url, prefix)}
    return {"REDIS_URL": redis_url, "TEST_SHARED_CACHE": "1", "CACHE_KEY_PREFIX": prefix}


def settings_module():
    from config.settings import base

    return base


def in_one_minute_of_the_clock(margin: float = 20) -> None:
    """Wait, if need be, for a new minute of the clock to begin, so the next ``margin`` seconds
    fall in one. The Open Referral limit counts by the clock's minutes, weighing the last
    minute's count by how much of the sliding minute it still covers: just after the minute
    turns, four requests made a moment earlier weigh a little under four, and a fifth is let
    through (exchange/openreferral/throttling.py)."""
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < margin:
        time.sleep(left + 0.1)


def test_the_open_referral_rate_limit_counts_requests_to_every_app_server(shared_cache):
    with app_servers(2, OPENREFERRAL_RATE_LIMIT="4", **shared_cache) as (first, second):
        in_one_minute_of_the_clock()
        statuses = [
            requests.get(f"{url}/api/openreferral/services", timeout=30).status_code
            for url in (first, second, first, second, first, second)
        ]
    # Four in the minute, whichever server answered; then refused by both.
    assert statuses == [200, 200, 200, 200, 429, 429]


def test_the_shortlist_email_limit_counts_sends_through_every_app_server(
    shared_cache, make_service
):
    service = make_service(title="Toy library")
    with app_servers(2, **shared_cache) as (first, second):
        browser = requests.Session()
        page = browser.get(f"{first}{service.url}", timeout=30).text  # has "Add to my list"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"csrfmiddlewaretoken": token}
        added = browser.post(f"{first}/my-list/add/", {**form, "service": service.pk}, timeout=30)
        assert added.status_code == 200  # followed the redirect back

        def send(url: str) -> int:
            response = browser.post(
                f"{url}/my-list/email/",
                {**form, "email": "worker@example.org"},
                allow_redirects=False,
                timeout=30,
            )
            return response.status_code

        # Three sends a session in ten minutes (directory/shortlist/emails.py).
        assert [send(url) for url in (first, second, first, second)] == [302, 302, 302, 429]


def test_an_index_change_written_elsewhere_is_seen_by_each_app_server(
    shared_cache, make_service, monkeypatch
):
    page = make_service(title="Dads group", needs=["Parenting programmes"])
    make_service(title="Mums group", slug="mums-group", needs=["Parenting programmes"])

    def need_counts(url: str) -> dict[str, int]:
        response = requests.get(f"{url}/api/search", timeout=30)
        assert response.status_code == 200, response.text
        return {value["value"]: value["count"] for value in response.json()["facets"]["need"]}

    with app_servers(2, **shared_cache) as servers:
        for url in servers:  # each server reads the index into memory
            assert need_counts(url)["parenting-programmes"] == 2
        # Written by this process, with a clock an hour slow: the same number of entries, and
        # an older updated_at than the newest. Both servers must see it all the same.
        an_hour_ago = timezone.now() - timezone.timedelta(hours=1)
        monkeypatch.setattr(timezone, "now", lambda: an_hour_ago)
        page.needs.set(["Bereavement"])
        page.save_revision().publish()
        monkeypatch.undo()
        for url in servers:
            counts = need_counts(url)
            assert (counts["parenting-programmes"], counts.get("bereavement")) == (1, 1)
