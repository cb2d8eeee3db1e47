"""Who is asking: the address of the client behind our own proxies, for rate limits.

``X-Forwarded-For`` is whatever the client wrote, plus one address appended by each proxy it
passed. Only the proxies named in ``settings.TRUSTED_PROXIES`` are believed: reading the header
from the right, each address a trusted proxy appended is skipped, and the first one that is not
a trusted proxy is the client. A request that did not come from a trusted proxy is keyed on the
address that connected, whatever its header says, so a client cannot dodge a limit by writing
one.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# A client with IPv6 holds a whole /64; counting each of its addresses apart would let it
# multiply any limit at will.
IPV6_CLIENT_PREFIX = 64


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _address(text: str) -> Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [IPv6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # IPv4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: Address | None, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The client's address (an IPv6 client's /64 network), or "unknown"."""
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    client = peer
    if _trusted(peer, networks):
        for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
            address = _address(hop)
            if address is None:
                break  # not written by a proxy of ours: keep the last proxy's address
            client = address
            if not _trusted(address, networks):
                break
    if client is None:
        return "unknown"
    if client.version == 6:
        return str(ipaddress.ip_network(f"{client}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(client)
