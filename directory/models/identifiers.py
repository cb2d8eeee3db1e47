"""The stable identifier every catalogue object carries, and the ids derived for objects that have
no table of their own (taxonomies, addresses, a row two services share in a feed)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.db import models

# Fixed for ever: changing it would change every derived id we have published or stored.
DERIVED_ID_NAMESPACE = uuid.UUID("851fcccc-7745-4d68-8b00-c5437a3ba514")
_NAMESPACE_BYTES = DERIVED_ID_NAMESPACE.bytes


def new_oruk_id() -> str:
    return str(uuid.uuid4())


def derived_id(*parts: str) -> str:
    """A stable UUID for an object that has no table of its own (taxonomy, address, …).

    ``uuid.uuid5`` written out: a page of 1,000 services derives some 20,000 of these, and the
    UUID object the library builds on the way costs three times the hash."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + ":".join(parts).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


class OrukIdField(models.CharField):
    """A string UUID that never changes: imports upsert by it and the Open Referral API uses it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("verbose_name", "Open Referral id")
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("unique", True)
        kwargs.setdefault("default", new_oruk_id)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)
