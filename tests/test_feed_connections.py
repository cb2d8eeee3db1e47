"""A feed's requests share kept-open connections (issue 17: fetching 10,000 services' details
one new connection each spent the importer's time on connecting), and keeping them open loses
none of safe_http's checks: every request's host and addresses are checked again, a connection
is only used again for the same server, never after an error or a half-read answer, and one the
server closed is replaced.
"""

from __future__ import annotations

import json
import time

import pytest

from exchange.openreferral.fetching import load_feed
from exchange.openreferral.safe_http import Connections, FetchError, fetch

from .feed_server import FeedServer, redirect_to

OK = b'{"ok": true}'


def _closing(handler) -> None:
    """An answer that says the server will close the connection after it."""
    handler.send_response(200)
    handler.send_header("Content-Length", str(len(OK)))
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(OK)


def _hang_up_on_every_other():
    """Answers the first request on a connection, hangs up on the second without a word."""
    seen: dict[int, int] = {}

    def answer(handler) -> None:
        number = seen[id(handler)] = seen.get(id(handler), 0) + 1
        if number == 2:
            handler.close_connection = True
            return
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(OK)))
        handler.end_headers()
        handler.wfile.write(OK)

    return answer


def _chunked(chunks: int, size: int):
    """A body with no length declared, sent in chunks."""

    def answer(handler) -> None:
        handler.send_response(200)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for _ in range(chunks):
            handler.wfile.write(b"%x\r\n%s\r\n" % (size, b" " * size))
        handler.wfile.write(b"0\r\n\r\n")

    return answer


def _pausing_mid_body(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "100")
    handler.end_headers()
    handler.wfile.write(b" " * 10)
    time.sleep(1.5)
    handler.wfile.write(b" " * 90)


def _headers_after(seconds: float):
    def answer(handler) -> None:
        time.sleep(seconds)
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(OK)))
        handler.end_headers()
        handler.wfile.write(OK)

    return answer


def test_requests_to_one_server_share_a_connection(feed_server) -> None:
    feed_server.routes["/ok"] = OK
    feed_server.routes["/chunked"] = _chunked(3, 100)
    with Connections() as connections:
        for _ in range(10):
            assert fetch(feed_server.url + "/ok", max_bytes=1000, connections=connections).body
        assert len(fetch(feed_server.url + "/chunked", max_bytes=1000, connections=connections)
                   .body) == 300  # fmt: skip
    assert feed_server.requests["/ok"] == 10
    assert feed_server.connections == 1
    for _ in range(3):  # without Connections, one each, as before
        fetch(feed_server.url + "/ok", max_bytes=1000)
    assert feed_server.connections == 4


def test_a_server_that_closes_after_each_answer_still_works(feed_server) -> None:
    feed_server.routes["/closing"] = _closing
    with Connections() as connections:
        for _ in range(5):
            body = fetch(feed_server.url + "/closing", max_bytes=1000, connections=connections)
            assert body.body == OK
    assert feed_server.connections == 5


def test_a_connection_the_server_closed_while_idle_is_replaced(settings) -> None:
    with FeedServer(keep_alive_seconds=0.2) as server:
        settings.IMPORT_ALLOWED_HOSTS = [server.host]
        server.routes["/ok"] = OK
        with Connections() as connections:
            assert fetch(server.url + "/ok", max_bytes=1000, connections=connections).body == OK
            time.sleep(0.6)  # the server hangs up
            assert fetch(server.url + "/ok", max_bytes=1000, connections=connections).body == OK
        assert server.connections == 2


def test_a_kept_connection_hung_up_on_is_tried_again_once_on_a_new_one(feed_server) -> None:
    feed_server.routes["/flaky"] = _hang_up_on_every_other()
    with Connections() as connections:
        for _ in range(2):
            assert fetch(feed_server.url + "/flaky", max_bytes=1000, connections=connections).body
    # The second request went on the first connection, was hung up on, and went again.
    assert feed_server.requests["/flaky"] == 3
    assert feed_server.connections == 2


def test_a_new_connection_hung_up_on_is_an_error_not_a_loop(feed_server) -> None:
    feed_server.routes["/silent"] = lambda handler: setattr(handler, "close_connection", True)
    with Connections() as connections, pytest.raises(FetchError, match="Cannot fetch") as error:
        fetch(feed_server.url + "/silent", max_bytes=1000, connections=connections)
    assert error.value.retryable
    assert feed_server.requests["/silent"] == 1


def test_a_connection_an_error_left_mid_answer_is_not_used_again(feed_server, settings) -> None:
    settings.IMPORT_IDLE_SECONDS = 0.5
    feed_server.routes["/ok"] = OK
    feed_server.routes["/big"] = _chunked(10, 1000)
    feed_server.routes["/declared-big"] = b" " * 5000
    feed_server.routes["/pausing"] = _pausing_mid_body
    with Connections() as connections:
        for path, message in (
            ("/big", "larger than"),
            ("/declared-big", "larger than"),
            ("/pausing", "stopped sending"),  # (the rest of its body not yet sent)
        ):
            fetch(feed_server.url + "/ok", max_bytes=3000, connections=connections)
            with pytest.raises(FetchError, match=message):
                fetch(feed_server.url + path, max_bytes=3000, connections=connections)
            assert fetch(feed_server.url + "/ok", max_bytes=3000, connections=connections).body
    assert feed_server.connections == 4


def test_each_request_is_checked_again_before_a_kept_connection_is_used(settings) -> None:
    with FeedServer(host="127.0.0.2") as server, FeedServer(host="127.0.0.3") as other:
        settings.IMPORT_ALLOWED_HOSTS = [server.host, other.host]
        server.routes["/ok"] = other.routes["/ok"] = OK
        server.routes["/to-other"] = redirect_to(f"{other.url}/ok")
        server.routes["/to-loopback"] = redirect_to(f"http://127.0.0.1:{other.port}/ok")
        with Connections() as connections:
            fetch(other.url + "/ok", max_bytes=1000, connections=connections)
            fetch(server.url + "/ok", max_bytes=1000, connections=connections)
            # A redirect to another host is checked and goes on that host's own connection.
            answer = fetch(server.url + "/to-other", max_bytes=1000, connections=connections)
            assert answer.url == f"{other.url}/ok" and answer.body == OK
            with pytest.raises(FetchError, match="private network"):
                fetch(server.url + "/to-loopback", max_bytes=1000, connections=connections)
            # A host no longer allowed is refused though a connection to it is open.
            settings.IMPORT_ALLOWED_HOSTS = [server.host]
            with pytest.raises(FetchError, match="private network"):
                fetch(other.url + "/ok", max_bytes=1000, connections=connections)
        assert other.connections == 1
        assert other.requests["/ok"] == 2


def test_a_kept_connection_keeps_to_this_requests_deadline(feed_server, settings) -> None:
    feed_server.routes["/ok"] = OK
    feed_server.routes["/slow"] = _headers_after(5)
    with Connections() as connections:
        fetch(feed_server.url + "/ok", max_bytes=1000, connections=connections)
        settings.IMPORT_FETCH_SECONDS = 1.5
        settings.IMPORT_IDLE_SECONDS = 1
        started = time.monotonic()
        with pytest.raises(FetchError, match="stopped sending|took longer"):
            fetch(feed_server.url + "/slow", max_bytes=1000, connections=connections)
        assert time.monotonic() - started < 4
    assert feed_server.connections == 1


def test_a_feeds_details_are_fetched_over_as_many_connections_as_fetch_at_once(
    feed_server, settings
) -> None:
    settings.IMPORT_FETCH_CONCURRENCY = 3
    items = [{"id": f"s{number}", "name": f"Service {number}"} for number in range(40)]
    feed_server.routes["/services"] = json.dumps(items).encode()
    for item in items:
        feed_server.routes[f"/services/{item['id']}"] = json.dumps(
            {**item, "contacts": []}
        ).encode()
    feed = load_feed(feed_server.url + "/services")
    assert feed.details == 40 and all("contacts" in record for record in feed.records)
    assert sum(feed_server.requests.values()) == 41
    assert feed_server.connections <= 1 + 3  # the list's, then one per fetching thread
