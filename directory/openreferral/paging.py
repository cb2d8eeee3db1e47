"""The Open Referral paging envelope around one page of results."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import QuerySet

from .parameters import Paging


def paged(
    items: QuerySet | Sequence[Any], paging: Paging, render: Callable[[list[Any]], list[Any]]
) -> dict[str, Any]:
    """One page of ``items``, rendered, in the envelope. A page past the end is empty, not an
    error, so a client walking pages stops on ``last_page`` or ``empty``."""
    total = items.count() if isinstance(items, QuerySet) else len(items)
    total_pages = math.ceil(total / paging.per_page)
    offset = (paging.page - 1) * paging.per_page
    chunk = list(items[offset : offset + paging.per_page]) if offset < total else []
    contents = render(chunk)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
