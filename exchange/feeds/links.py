"""Which wins when a feed and a local edit both change a service: the local edit, shown.

A feed is the source of the services it brings, and each pull applies what changed in the feed
(on the service's latest version, so fields the feed does not send, such as levels of need or
commissioning, keep what editors gave them). But once someone edits a service in the admin, that
edit is not overwritten: when the feed's record has changed since the last pull *and* the
service has been edited since the feed last wrote it, the feed's change is not applied; the
conflict is kept on the service (shown on its edit page, with a way to take the feed's version)
and listed in the pull's report. When only one side changed there is nothing to decide: a feed
change is applied, a local edit stays. The first pull of a service that exists already (imported
by hand earlier) applies the feed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.utils import timezone

from directory.models import FeedSource, ServiceFeedLink, ServicePage
from directory.writer import Planned


def record_hash(record: Any) -> str:
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class FeedLinks:
    """The links of one feed's services, for one import."""

    def __init__(self, feed: FeedSource) -> None:
        self.feed = feed
        self.links: dict[int, ServiceFeedLink] = {}

    def load(self, pages: list[ServicePage]) -> None:
        ids = [page.pk for page in pages if page.pk not in self.links]
        for link in ServiceFeedLink.objects.filter(page_id__in=ids):
            self.links[link.page_id] = link

    def unchanged_in_feed(self, page: ServicePage | None, raw_hash: str) -> bool:
        """The feed sends what it sent last time: nothing to do for this service."""
        link = self.links.get(page.pk) if page is not None else None
        return link is not None and link.feed_id == self.feed.pk and link.record_hash == raw_hash

    def local_edit(self, page: ServicePage, plan: Planned) -> ServiceFeedLink | None:
        """The link, when the service was edited since this feed last wrote it."""
        link = self.links.get(page.pk)
        if link is None or link.feed_id != self.feed.pk or not link.content_hash:
            return None
        return link if plan.before != link.content_hash else None

    def keep_local(self, link: ServiceFeedLink, page: ServicePage) -> str:
        revision = page.latest_revision
        who = revision.user.get_username() if revision and revision.user else "someone"
        when = f"{revision.created_at:%-d %B %Y}" if revision else "earlier"
        note = (
            f"The feed '{self.feed.name}' changed this service on "
            f"{timezone.localdate():%-d %B %Y}, but it had been edited here since the feed last "
            f"wrote it (by {who}, {when}); the local edit was kept."
        )
        link.conflict_at, link.conflict_note = timezone.now(), note
        link.save(update_fields=["conflict_at", "conflict_note"])
        return note

    def written(self, page_id: int, raw_hash: str, content: str) -> None:
        """The feed's record is what the service now shows (written, or found the same)."""
        link, _ = ServiceFeedLink.objects.update_or_create(
            page_id=page_id,
            defaults={
                "feed": self.feed,
                "record_hash": raw_hash,
                "content_hash": content,
                "last_seen_at": timezone.now(),
                "conflict_at": None,
                "conflict_note": "",
            },
        )
        self.links[page_id] = link

    def seen(self, page_id: int) -> None:
        ServiceFeedLink.objects.filter(page_id=page_id).update(last_seen_at=timezone.now())
