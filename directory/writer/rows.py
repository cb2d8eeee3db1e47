"""Write a batch of checked service pages as a handful of bulk queries, as Wagtail would leave them.

Saving a page through Wagtail (``add_child``, ``save_revision``, ``publish``) costs about 200
queries and three saves, each firing the admin search index and reference index tasks. Here a
batch of pages becomes a few inserts and updates per table, leaving the same rows behind:

- a new page: its ``wagtailcore_page`` row with its tree path worked out with treebeard's own
  arithmetic (materialised paths, four base-36 digits a level), its ServicePage row, its child,
  tag and level rows, the parent's ``numchild``;
- a page published: its page and ServicePage rows updated to the new content, its child rows
  replaced (unchanged rows keep their primary keys), ``live``, ``live_revision``,
  ``first_published_at`` and ``last_published_at`` as ``publish()`` sets them;
- a draft of an existing page: only the page row's ``latest_revision``, ``draft_title`` and
  ``has_unpublished_changes``, as ``save_revision()`` leaves a live page;
- for each page a Revision holding its content (``serializable_data()``, as Wagtail stores it)
  and history entries (``wagtail.create`` or ``wagtail.edit``, ``wagtail.rename`` and
  ``wagtail.publish``) naming the acting user.

The library internals relied on: treebeard's ``_get_path`` / ``_str2int`` / ``steplen`` for tree
paths, ``_base_manager._insert`` for the child table of a multi-table model (``bulk_create``
refuses those), and modelcluster's child relation lists. Signals are not sent: the writer updates
the search indexes itself after the transaction (``directory.writer.indexes``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from ..models import ServicePage
from .changes import child_relations, m2m_fields
from .sql import insert_rows, update_rows


@dataclass
class PageWrite:
    page: ServicePage  # checked, in memory; a new page has no pk yet
    publish: bool  # make this content live
    live_title: str = ""  # an existing live page's title, for the rename entry


class RowWriter:
    """Writes batches of pages under one parent (the directory page)."""

    def __init__(self, parent: Page, user: AbstractBaseUser | None) -> None:
        self.parent = parent
        self.user_id = user.pk if user is not None else None
        self.content_type = ContentType.objects.get_for_model(ServicePage)
        self.base_content_type = ContentType.objects.get_for_model(Page)

    def write(self, writes: list[PageWrite]) -> None:
        """Write one batch; call inside a transaction."""
        now = timezone.now()
        _save_new_references([item.page for item in writes])
        new = [item for item in writes if item.page.pk is None]
        new_ids = {id(item) for item in new}
        self._insert_pages(new, now)
        content = [item.page for item in writes if item.publish or id(item) in new_ids]
        self._replace_children(content, fresh={item.page.pk for item in new})
        revisions = self._revisions(writes, now)
        self._update_pages(writes, new_ids, revisions, now)
        self._log(writes, new_ids, revisions, now)

    # -- new pages ------------------------------------------------------------------------

    def _insert_pages(self, new: list[PageWrite], now: Any) -> None:
        if not new:
            return
        parent = Page.objects.select_for_update().get(pk=self.parent.pk)
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        rows = []
        for item in new:
            page = item.page
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            step += 1
            page.depth, page.numchild = parent.depth + 1, 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = page.locale_id or parent.locale_id
            page.translation_key = page.translation_key or uuid.uuid4()
            page.content_type = self.content_type
            page.draft_title = page.title
            page.owner_id = page.owner_id or self.user_id
            page.live = item.publish
            page.has_unpublished_changes = not item.publish
            if item.publish:  # (the generator gives made-up past dates)
                page.first_published_at = page.first_published_at or now
                page.last_published_at = page.last_published_at or now
            page.latest_revision_created_at = now
            page.review_due = page.compute_review_due()
            rows.append(page)
        # The wagtailcore_page half of each row, then the ServicePage half (bulk_create refuses
        # multi-table inheritance).
        insert_rows(Page, rows, read_back=["path"])
        for page in rows:
            page.page_ptr_id = page.id
        insert_rows(ServicePage, rows)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))

    # -- content of published and new pages -------------------------------------------------

    def _replace_children(self, pages: list[ServicePage], fresh: set[int]) -> None:
        if not pages:
            return
        existing = [page.pk for page in pages if page.pk not in fresh]
        for accessor, model, key in child_relations():
            if existing:
                model._base_manager.filter(**{f"{key}__in": existing}).delete()
            ordered = hasattr(model, "sort_order")
            rows = []
            for page in pages:
                for position, row in enumerate(getattr(page, accessor).all()):
                    setattr(row, key, page.pk)
                    if ordered:
                        row.sort_order = position
                    rows.append(row)
            insert_rows(model, rows, read_back=[key, "sort_order"] if ordered else [])
        for field in m2m_fields():
            through = field.remote_field.through
            if through is None:  # never, once models are loaded: Django makes one for every m2m
                raise TypeError(f"{field} has no through model")
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            if existing:
                through._base_manager.filter(**{f"{source}__in": existing}).delete()
            insert_rows(
                through,
                [
                    through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
                    for page in pages
                    for item in getattr(page, field.name).all()
                ],
            )

    # -- revisions, page rows and history ----------------------------------------------------

    def _revisions(self, writes: list[PageWrite], now: Any) -> dict[int, Revision]:
        revisions = [
            Revision(
                content_type=self.content_type,
                base_content_type=self.base_content_type,
                object_id=str(item.page.pk),
                created_at=now,
                user_id=self.user_id,
                object_str=item.page.title,
                content=item.page.serializable_data(),
            )
            for item in writes
        ]
        # (A page has one revision a batch, and its earlier ones were made before ``now``.)
        insert_rows(Revision, revisions, read_back=["object_id", "content_type", "created_at"])
        return {int(revision.object_id): revision for revision in revisions}

    def _update_pages(
        self,
        writes: list[PageWrite],
        new_ids: set[int],
        revisions: dict[int, Revision],
        now: Any,
    ) -> None:
        """Point every page at its new revision; copy published content onto the page rows."""
        page_rows: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        published_content = []
        for item in writes:
            page, revision = item.page, revisions[item.page.pk]
            changes: dict[str, Any] = {"latest_revision": revision.pk}
            if item.publish:
                changes["live_revision"] = revision.pk
            if id(item) not in new_ids:  # a new page's row was written complete
                changes |= {"latest_revision_created_at": now, "draft_title": page.title}
                if item.publish:
                    changes |= {
                        "title": page.title,
                        "live": True,
                        "has_unpublished_changes": False,
                        "expired": False,
                        "last_published_at": now,
                        "first_published_at": page.first_published_at or now,
                    }
                    page.review_due = page.compute_review_due()
                    published_content.append(page)
                else:
                    changes["has_unpublished_changes"] = True
            page_rows.setdefault(tuple(changes), []).append({"id": page.pk, **changes})
        for names, rows in page_rows.items():
            update_rows(Page, list(names), rows)
        own = [f for f in ServicePage._meta.local_concrete_fields if f.name != "page_ptr"]
        update_rows(
            ServicePage,
            [field.name for field in own],
            [
                {"page_ptr": page.pk, **{f.name: getattr(page, f.attname) for f in own}}
                for page in published_content
            ],
        )

    def _log(
        self,
        writes: list[PageWrite],
        new_ids: set[int],
        revisions: dict[int, Revision],
        now: Any,
    ) -> None:
        entries = []
        for item in writes:
            page, revision = item.page, revisions[item.page.pk]
            action_id = uuid.uuid4()
            actions = ["wagtail.create" if id(item) in new_ids else "wagtail.edit"]
            data: list[dict[str, Any]] = [{}]
            if item.publish and item.live_title and item.live_title != page.title:
                actions.append("wagtail.rename")
                data.append({"title": {"old": item.live_title, "new": page.title}})
            if item.publish:
                actions.append("wagtail.publish")
                data.append({})
            entries += [
                PageLogEntry(
                    content_type=self.content_type,
                    label=page.title,
                    action=action,
                    data=details,
                    timestamp=now,
                    uuid=action_id,
                    user_id=self.user_id,
                    page_id=page.pk,
                    revision=revision,
                    content_changed=True,
                )
                for action, details in zip(actions, data, strict=True)
            ]
        insert_rows(PageLogEntry, entries)


def _save_new_references(pages: list[ServicePage]) -> None:
    """Save the objects an importer made for these pages (a new organisation, a new need to
    review), once each, and point the pages and their rows at them."""
    for page in pages:
        objects = [page] + [
            row
            for accessor, _model, _key in child_relations()
            for row in getattr(page, accessor).all()
        ]
        for obj in objects:
            for field in obj._meta.concrete_fields:
                if not field.is_relation or not field.many_to_one:
                    continue
                related = field.get_cached_value(obj, None)
                if (
                    related is not None
                    and related.pk is None
                    and field.name not in ("page", "content_object")
                ):
                    related.save()
                if related is not None and related.pk is not None:
                    setattr(obj, field.attname, related.pk)
