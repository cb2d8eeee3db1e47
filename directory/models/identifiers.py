"""The stable identifier every catalogue object carries."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models


def new_oruk_id() -> str:
    return str(uuid.uuid4())


class OrukIdField(models.CharField):
    """A string UUID that never changes: imports upsert by it and the Open Referral API uses it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("verbose_name", "Open Referral id")
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("unique", True)
        kwargs.setdefault("default", new_oruk_id)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)
