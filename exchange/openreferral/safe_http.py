"""GET a feed's URL without letting the feed reach inside our network or hold us forever.

- Only ``http`` and ``https``.
- The host name is resolved here, every address it resolves to is checked, and the connection
  goes to a checked address (so a second DNS answer cannot swap in another one). Addresses that
  are not public (loopback, private, link-local, shared, reserved, multicast, IPv4 inside IPv6)
  are refused unless the host is named in ``settings.IMPORT_ALLOWED_HOSTS`` (a host name, an
  address or a network such as ``10.20.0.0/16``): a council's intranet, or a test's own server.
- Redirects are followed here, up to MAX_REDIRECTS, each new URL checked the same way.
- One deadline for the whole request (``settings.IMPORT_FETCH_SECONDS``), DNS and redirects
  included, and a limit on the bytes read; a server that stops sending is given up on after
  ``settings.IMPORT_IDLE_SECONDS`` or at the deadline, whichever comes first.

- Given ``Connections``, a connection is kept open after a complete 2xx answer and used again
  for the next request to the same scheme, host name and port, if its address is one the host
  still resolves to (every one checked again, as for a new connection). A connection is never
  used again once the server says it will close it, or after an error, a redirect or an answer
  not read to its end; one the server closed while it was idle is replaced by a new one.

Errors are ``FetchError`` with a message for people; ``retryable`` marks the ones worth trying
again (429, 5xx, a dropped connection).
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import ipaddress
import selectors
import socket
import ssl
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import cache

from django.conf import settings

MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "menu-of-support Open Referral importer"
REDIRECTS = {301, 302, 303, 307, 308}
RETRYABLE = {429, 500, 502, 503, 504}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    def __init__(self, message: str, *, retryable: bool = False, retry_after: float = 0) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes


def fetch(
    url: str,
    *,
    max_bytes: int,
    seconds: float | None = None,
    accept: str = "application/json",
    connections: Connections | None = None,
) -> Response:
    """The body of a 2xx answer to GET ``url``; FetchError for anything else. With
    ``connections``, an open connection to the same server is used when there is one."""
    deadline = time.monotonic() + (seconds or settings.IMPORT_FETCH_SECONDS)
    for _ in range(MAX_REDIRECTS + 1):
        target = _Target.parse(url)
        addresses = target.checked_addresses(deadline)
        status, headers, body = _get(target, addresses, deadline, max_bytes, accept, connections)
        if status in REDIRECTS and headers.get("location"):
            url = urllib.parse.urljoin(url, headers["location"])
            continue
        if status in RETRYABLE:
            raise FetchError(
                f"{target.shown} answered {status} {http.client.responses.get(status, '')}.",
                retryable=True,
                retry_after=_retry_after(headers.get("retry-after", "")),
            )
        if not 200 <= status < 300:
            reason = http.client.responses.get(status, "")
            raise FetchError(f"{target.shown} answered {status} {reason}.".replace(" .", "."))
        return Response(url, status, headers.get("content-type", ""), body)
    raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times.")


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str
    port: int
    path: str
    authorization: str

    @property
    def shown(self) -> str:
        """The URL without any password in it, for messages."""
        parts = urllib.parse.urlsplit(self.url)
        netloc = parts.hostname or ""
        if parts.port:
            netloc = f"{netloc}:{parts.port}"
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))

    @classmethod
    def parse(cls, url: str) -> _Target:
        try:
            parts = urllib.parse.urlsplit(url)
            port = parts.port
        except ValueError as error:
            raise FetchError(f"{url[:200]} is not a web address: {error}.") from None
        if parts.scheme not in ("http", "https"):
            raise FetchError(
                f"Only http:// and https:// addresses can be imported from, not "
                f"{parts.scheme or 'a relative address'}."
            )
        if not parts.hostname:
            raise FetchError(f"{url[:200]} has no host name.")
        authorization = ""
        if parts.username is not None:
            user, password = parts.username, parts.password or ""
            pair = f"{urllib.parse.unquote(user)}:{urllib.parse.unquote(password)}"
            authorization = "Basic " + base64.b64encode(pair.encode()).decode()
        path = parts.path or "/"
        if parts.query:
            path = f"{path}?{parts.query}"
        default_port = 443 if parts.scheme == "https" else 80
        return cls(
            url, parts.scheme, parts.hostname.lower(), port or default_port, path, authorization
        )

    def checked_addresses(self, deadline: float) -> list[IPAddress]:
        """The addresses the host resolves to, once every one of them is allowed."""
        addresses = _resolve(self.host, self.port, deadline)
        if not addresses:
            raise FetchError(f"{self.host} has no address.")
        for address in addresses:
            if not _allowed(self.host, address):
                raise FetchError(
                    f"{self.shown} leads to {address}, an address inside a private network "
                    "(or this server itself), which imports may not reach. If this is a "
                    "council intranet feed, add its host to IMPORT_ALLOWED_HOSTS."
                )
        return addresses


@cache
def _resolver() -> ThreadPoolExecutor:
    # getaddrinfo has no timeout of its own; waiting on it in a thread bounds it.
    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="feed-dns")


def _resolve(host: str, port: int, deadline: float) -> list[IPAddress]:
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return [literal]
    future = _resolver().submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        answers = future.result(timeout=max(0.0, deadline - time.monotonic()))
    except FutureTimeout:
        raise FetchError(f"Looking up {host} took too long.", retryable=True) from None
    except OSError as error:
        raise FetchError(f"Cannot find {host}: {error.strerror or error}.") from None
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in answers:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in found:
            found.append(address)
    return found


def _allowed(host: str, address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_global and not address.is_multicast:
        return True
    for entry in settings.IMPORT_ALLOWED_HOSTS:
        entry = entry.strip().lower()
        if not entry:
            continue
        if entry == host:
            return True
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address we checked, whatever the host name resolves to now."""

    def __init__(self, host: str, port: int, address: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = str(address)

    def connect(self) -> None:
        self.sock = self.raw_socket = socket.create_connection(
            (self.address, self.port), self.timeout
        )


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: IPAddress, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = str(address)

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        # The certificate is checked against the host name, not the address.
        self.sock = self.raw_socket = self.tls.wrap_socket(sock, server_hostname=self.host)


def _remaining(deadline: float, target: _Target) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _past_deadline(target)
    return min(left, settings.IMPORT_IDLE_SECONDS)


def _past_deadline(target: _Target) -> FetchError:
    return FetchError(
        f"{target.shown} took longer than {settings.IMPORT_FETCH_SECONDS:g} s to answer in "
        "full; gave up.",
        retryable=True,
    )


class Connections:
    """Open connections kept between the requests of one import, shared by its threads.

    Use as a context manager: leaving it closes every connection kept."""

    def __init__(self, keep: int = 4) -> None:
        self.keep = keep  # idle connections at most (about one per fetching thread)
        self.idle: list[tuple[_Key, _Connection]] = []
        self.lock = threading.Lock()
        self.closed = False

    def take(self, target: _Target, addresses: list[IPAddress]) -> _Connection | None:
        """An idle connection to ``target``'s server at one of its checked ``addresses``."""
        wanted = {_Key(target.scheme, target.host, target.port, str(a)) for a in addresses}
        with self.lock:
            found = next((i for i, (key, _) in enumerate(self.idle) if key in wanted), None)
            if found is None:
                return None
            _key, connection = self.idle.pop(found)
        if _closed_while_idle(connection):
            connection.close()
            return None
        return connection

    def give_back(self, target: _Target, connection: _Connection) -> None:
        key = _Key(target.scheme, target.host, target.port, connection.address)
        with self.lock:
            if not self.closed and len(self.idle) < self.keep:
                self.idle.append((key, connection))
                return
        connection.close()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            idle, self.idle = self.idle, []
        for _key, connection in idle:
            connection.close()

    def __enter__(self) -> Connections:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class _Key:
    scheme: str
    host: str
    port: int
    address: str


_Connection = _PinnedHTTPConnection | _PinnedHTTPSConnection


def _closed_while_idle(connection: _Connection) -> bool:
    """Whether the server hung up (or sent something unasked) since the last answer."""
    if connection.sock is None:
        return True
    with selectors.DefaultSelector() as selector:
        selector.register(connection.sock, selectors.EVENT_READ)
        return bool(selector.select(timeout=0))


class _ClosedWhileIdle(Exception):
    """A kept connection the server had closed before our request reached it."""


def _get(
    target: _Target,
    addresses: list[IPAddress],
    deadline: float,
    max_bytes: int,
    accept: str,
    connections: Connections | None,
) -> tuple[int, dict[str, str], bytes]:
    kept = connections.take(target, addresses) if connections else None
    if kept is not None:
        try:
            return _exchange(kept, target, deadline, max_bytes, accept, connections)
        except _ClosedWhileIdle:
            pass  # (a GET is safe to send again) on a new connection
    kind = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = kind(target.host, target.port, addresses[0], _remaining(deadline, target))
    return _exchange(connection, target, deadline, max_bytes, accept, connections)


def _exchange(
    connection: _Connection,
    target: _Target,
    deadline: float,
    max_bytes: int,
    accept: str,
    connections: Connections | None,
) -> tuple[int, dict[str, str], bytes]:
    """GET on ``connection``, which is then closed or, complete and reusable, given back."""
    kept = connection.sock is not None  # (a new connection connects in ``request``)
    headers = {"Accept": accept, "User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if target.authorization:
        headers["Authorization"] = target.authorization
    reusable = False
    try:
        connection.timeout = _remaining(deadline, target)
        if kept:
            connection.raw_socket.settimeout(connection.timeout)
        try:
            connection.request("GET", target.path, headers=headers)
            _ack_at_once(connection.raw_socket)
            response = connection.getresponse()
        except (ConnectionResetError, BrokenPipeError, ConnectionAbortedError):
            # (RemoteDisconnected is a ConnectionResetError: no answer at all.)
            if kept:
                raise _ClosedWhileIdle from None
            raise
        answer = {name.lower(): value for name, value in response.getheaders()}
        if response.status in REDIRECTS or not 200 <= response.status < 300:
            return response.status, answer, b""
        declared = answer.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"{target.shown} is larger than {_megabytes(max_bytes)}.")
        body = bytearray()
        while True:
            # The connection hands its socket to the response when the server will close it.
            connection.raw_socket.settimeout(_remaining(deadline, target))
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"{target.shown} is larger than {_megabytes(max_bytes)}.")
        if response.length == 0:
            response.read()  # (Python 3.11's read1 leaves a body read to its declared end open)
        reusable = response.isclosed() and not response.will_close and connection.sock is not None
        return response.status, answer, bytes(body)
    except TimeoutError:
        if time.monotonic() >= deadline - 0.01:
            raise _past_deadline(target) from None
        raise FetchError(
            f"{target.shown} stopped sending (nothing for {settings.IMPORT_IDLE_SECONDS:g} s); "
            "gave up.",
            retryable=True,
        ) from None
    except ssl.SSLError as error:
        raise FetchError(f"Cannot connect securely to {target.shown}: {error.reason}.") from None
    except (OSError, http.client.HTTPException) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise FetchError(f"Cannot fetch {target.shown}: {reason}.", retryable=True) from None
    finally:
        if reusable and connections is not None:
            connections.give_back(target, connection)
        else:
            connection.close()


def _ack_at_once(sock: socket.socket) -> None:
    """Acknowledge the answer's first packet without the usual delay (Linux). A server that
    writes its headers and body separately, with Nagle's algorithm on, holds the body until
    that acknowledgement: 40 ms on every answer but the first on a kept connection."""
    if hasattr(socket, "TCP_QUICKACK"):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"


def _retry_after(value: str) -> float:
    """Seconds from a Retry-After header (seconds only; a date is treated as unknown)."""
    return float(value) if value.strip().isdigit() else 0.0
