"""The shortlist in the session, and the signed tokens that share it."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.db.models import QuerySet

from ..models import ServicePage

SESSION_KEY = "shortlist"
# Enough for any handover; bounds the session and the share link's length.
MAX_ITEMS = 30
SHARE_SALT = "directory.shortlist.share"
# A shared link is a copy of the list at the time: long enough for a family to come back to it,
# short enough that stale lists go away.
SHARE_MAX_AGE_DAYS = 180


class ShortlistFull(ValueError):
    pass


class InvalidShareLink(ValueError):
    pass


def shortlist_ids(session: SessionBase) -> list[int]:
    ids = session.get(SESSION_KEY, [])
    return [int(pk) for pk in ids if isinstance(pk, int)][:MAX_ITEMS]


def _save(session: SessionBase, ids: Iterable[int]) -> None:
    session[SESSION_KEY] = list(dict.fromkeys(ids))[:MAX_ITEMS]


def live_services() -> QuerySet[ServicePage]:
    return ServicePage.objects.live().public()


def add(session: SessionBase, page_id: int) -> bool:
    """Add a live service; returns False when it was already there."""
    ids = shortlist_ids(session)
    if page_id in ids:
        return False
    if len(ids) >= MAX_ITEMS:
        raise ShortlistFull(f"Your list can hold {MAX_ITEMS} services. Remove one first.")
    if not live_services().filter(pk=page_id).exists():
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
        live_services()
        .filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("contacts", "locations", "schedules", "levels")
    )
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def share_token(ids: list[int]) -> str:
    """A signed, compressed token holding the ids: the share link needs nothing stored."""
    return signing.dumps(ids[:MAX_ITEMS], salt=SHARE_SALT, compress=True)


def ids_from_token(token: str) -> list[int]:
    try:
        ids = signing.loads(token, salt=SHARE_SALT, max_age=SHARE_MAX_AGE_DAYS * 86400)
    except signing.SignatureExpired as error:
        raise InvalidShareLink(
            f"This shared list has expired: links last {SHARE_MAX_AGE_DAYS} days."
        ) from error
    except signing.BadSignature as error:
        raise InvalidShareLink(
            "This link to a list is not complete or has been changed."
        ) from error
    if not isinstance(ids, list) or not all(isinstance(pk, int) for pk in ids):
        raise InvalidShareLink("This link to a list is not complete or has been changed.")
    return ids[:MAX_ITEMS]
