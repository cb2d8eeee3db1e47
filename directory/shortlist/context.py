"""Template context: the shortlist's ids, for "Add to my list" buttons and the header count."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .store import shortlist_ids


def shortlist(request: HttpRequest) -> dict[str, Any]:
    # Lazy: pages that never show the list never read the session.
    return {
        "shortlist_ids": SimpleLazyObject(
            lambda: (
                frozenset(shortlist_ids(request.session))
                if hasattr(request, "session")
                else frozenset()
            )
        )
    }
