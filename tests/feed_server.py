"""A real HTTP server on loopback for tests of importing from a feed's URL.

``FeedServer.routes`` maps a request path (with its query) to bytes (a 200 JSON answer) or to
a callable taking the request handler, which answers as it likes: redirects, errors, slow
bodies. Requests are counted per path, and connections in all. The ``feed_server`` fixture
(tests/conftest.py) puts the server's host in IMPORT_ALLOWED_HOSTS, as a council would name its
intranet feed's host.
"""

from __future__ import annotations

import http.server
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

Route = bytes | Callable[[http.server.BaseHTTPRequestHandler], None]


class FeedServer:
    def __init__(self, host: str = "127.0.0.1", keep_alive_seconds: float | None = None) -> None:
        """``keep_alive_seconds``: how long a connection may wait for its next request."""
        self.routes: dict[str, Route] = {}
        self.requests: Counter[str] = Counter()
        self.connections = 0
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = keep_alive_seconds

            def setup(self) -> None:
                super().setup()
                with server.lock:
                    server.connections += 1

            def do_GET(self) -> None:  # noqa: N802
                with server.lock:
                    server.requests[self.path] += 1
                route = server.routes.get(self.path)
                if callable(route):
                    route(self)
                    return
                body = route if route is not None else b'{"message": "not found"}'
                self.send_response(200 if route is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = self.httpd.server_address[1]
        self.url = f"http://{host}:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def redirect_to(location: str) -> Callable[[http.server.BaseHTTPRequestHandler], None]:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def status(code: int, headers: dict[str, str] | None = None) -> Callable[..., None]:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        body = b'{"message": "try again"}'
        handler.send_response(code)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return answer
