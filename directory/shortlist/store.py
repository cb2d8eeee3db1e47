"""The shortlist in the session, and the signed tokens that share it."""

from __future__ import annotations

import base64
import binascii
import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from ..models import ServicePage

SESSION_KEY = "shortlist"
# Enough for any handover; bounds the session and the share link's length.
MAX_ITEMS = 30
SHARE_SALT = "directory.shortlist.share"
# A shared link is a copy of the list at the time: long enough for a family to come back to it,
# short enough that stale lists go away.
SHARE_MAX_AGE_DAYS = 180
# Share tokens count days from here (two bytes last until 2199).
TOKEN_EPOCH = datetime.date(2024, 1, 1)
# 64 bits of HMAC-SHA256: forging a link would only make a list of public services.
TOKEN_SIGNATURE_BYTES = 8
BROKEN_LINK = "This link to a list is not complete or has been changed."


class ShortlistFull(ValueError):
    pass


class InvalidShareLink(ValueError):
    pass


def shortlist_ids(session: SessionBase) -> list[int]:
    ids = session.get(SESSION_KEY, [])
    return [int(pk) for pk in ids if isinstance(pk, int)][:MAX_ITEMS]


def _save(session: SessionBase, ids: Iterable[int]) -> None:
    session[SESSION_KEY] = list(dict.fromkeys(ids))[:MAX_ITEMS]


def add(session: SessionBase, page_id: int) -> bool:
    """Add a live service; returns False when it was already there."""
    ids = shortlist_ids(session)
    if page_id in ids:
        return False
    if len(ids) >= MAX_ITEMS:
        raise ShortlistFull(f"Your list can hold {MAX_ITEMS} services. Remove one first.")
    if not ServicePage.objects.listed().filter(pk=page_id).exists():
        raise ServicePage.DoesNotExist(page_id)
    _save(session, [*ids, page_id])
    return True


def remove(session: SessionBase, page_id: int) -> None:
    _save(session, [pk for pk in shortlist_ids(session) if pk != page_id])


def move(session: SessionBase, page_id: int, step: int) -> None:
    """Move a service up (step -1) or down (+1) the list."""
    ids = shortlist_ids(session)
    if page_id not in ids:
        return
    position = ids.index(page_id)
    target = max(0, min(len(ids) - 1, position + step))
    ids.insert(target, ids.pop(position))
    _save(session, ids)


def clear(session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)


def replace_with(session: SessionBase, ids: Iterable[int]) -> None:
    _save(session, ids)


def services_in_order(ids: list[int]) -> list[ServicePage]:
    """The live services among ``ids``, in the list's order (withdrawn ones drop out)."""
    pages = (
        ServicePage.objects.listed()
        .filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("contacts", "locations", "schedules", "levels")
    )
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


# -- share tokens ---------------------------------------------------------------------------
# A token is the day it was made and the ids, as unsigned varints, then a truncated HMAC, in
# lower-case base32 without padding: about 26 letters and digits for three services, short
# enough to print on a sheet and type back in, and case does not matter. Nothing is stored.
# Tokens made before (Django's signing.dumps, with a ':') are still read until they expire.


def _varints(numbers: Iterable[int]) -> bytes:
    out = bytearray()
    for number in numbers:
        while True:
            low, number = number & 0x7F, number >> 7
            out.append(low | (0x80 if number else 0))
            if not number:
                break
    return bytes(out)


def _from_varints(data: bytes) -> list[int]:
    numbers, number, shift = [], 0, 0
    for byte in data:
        number |= (byte & 0x7F) << shift
        shift += 7
        if shift > 63:
            raise ValueError("number too long")
        if not byte & 0x80:
            numbers.append(number)
            number, shift = 0, 0
    if shift:
        raise ValueError("cut short")
    return numbers


def _signature(payload: bytes, secret: str) -> bytes:
    return salted_hmac(SHARE_SALT, payload, secret=secret, algorithm="sha256").digest()[
        :TOKEN_SIGNATURE_BYTES
    ]


def share_token(ids: list[int], today: datetime.date | None = None) -> str:
    """A short signed token holding the ids and the day: the share link needs nothing stored."""
    day = ((today or timezone.localdate()) - TOKEN_EPOCH).days
    payload = _varints([day, *ids[:MAX_ITEMS]])
    raw = payload + _signature(payload, settings.SECRET_KEY)
    return base64.b32encode(raw).decode().rstrip("=").lower()


def _unchecked_payload(token: str) -> bytes:
    text = token.strip().upper()
    try:
        return base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError) as error:
        raise InvalidShareLink(BROKEN_LINK) from error


def ids_from_token(token: str) -> list[int]:
    """The ids a share token holds; InvalidShareLink when it was changed or has expired."""
    if ":" in token:
        return _ids_from_signed_token(token)
    raw = _unchecked_payload(token)
    payload, signature = raw[:-TOKEN_SIGNATURE_BYTES], raw[-TOKEN_SIGNATURE_BYTES:]
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not payload or not any(
        constant_time_compare(signature, _signature(payload, secret)) for secret in secrets
    ):
        raise InvalidShareLink(BROKEN_LINK)
    try:
        day, *ids = _from_varints(payload)
    except ValueError as error:
        raise InvalidShareLink(BROKEN_LINK) from error
    age = (timezone.localdate() - TOKEN_EPOCH).days - day
    if age > SHARE_MAX_AGE_DAYS:
        raise InvalidShareLink(
            f"This shared list has expired: links last {SHARE_MAX_AGE_DAYS} days."
        )
    return ids[:MAX_ITEMS]


def _ids_from_signed_token(token: str) -> list[int]:
    """The ids in a token of the first kind (signing.dumps): links already handed out."""
    try:
        ids = signing.loads(token, salt=SHARE_SALT, max_age=SHARE_MAX_AGE_DAYS * 86400)
    except signing.SignatureExpired as error:
        raise InvalidShareLink(
            f"This shared list has expired: links last {SHARE_MAX_AGE_DAYS} days."
        ) from error
    except signing.BadSignature as error:
        raise InvalidShareLink(BROKEN_LINK) from error
    if not isinstance(ids, list) or not all(isinstance(pk, int) for pk in ids):
        raise InvalidShareLink(BROKEN_LINK)
    return ids[:MAX_ITEMS]
