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

Errors are ``FetchError`` with a message for people; ``retryable`` marks the ones worth trying
again (429, 5xx, a dropped connection).
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import socket
import ssl
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
) -> Response:
    """The body of a 2xx answer to GET ``url``; FetchError for anything else."""
    deadline = time.monotonic() + (seconds or settings.IMPORT_FETCH_SECONDS)
    for _ in range(MAX_REDIRECTS + 1):
        target = _Target.parse(url)
        address = target.checked_address(deadline)
        status, headers, body = _get(target, address, deadline, max_bytes, accept)
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

    def checked_address(self, deadline: float) -> IPAddress:
        """The first address the host resolves to, once every one of them is allowed."""
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
        return addresses[0]


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


def _get(
    target: _Target, address: IPAddress, deadline: float, max_bytes: int, accept: str
) -> tuple[int, dict[str, str], bytes]:
    kind = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = kind(target.host, target.port, address, _remaining(deadline, target))
    headers = {"Accept": accept, "User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if target.authorization:
        headers["Authorization"] = target.authorization
    try:
        connection.request("GET", target.path, headers=headers)
        response = connection.getresponse()
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
        connection.close()


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"


def _retry_after(value: str) -> float:
    """Seconds from a Retry-After header (seconds only; a date is treated as unknown)."""
    return float(value) if value.strip().isdigit() else 0.0
