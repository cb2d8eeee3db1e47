"""The one way importers create and update service pages: ``ServiceWriter``.

``plan`` checks a batch of ``ServiceValues`` against the services they name (read-only): each
service is found by its ``oruk_id``; one that is locked by someone else, waiting in a workflow,
deleted (in the recycle bin) or outside the directory is refused; otherwise the values are
applied to its latest revision (or to a new page) and checked by the model's own rules, and the
result compared with what was there: created, updated, unchanged or refused, with problems.

``write`` writes a batch of plans in one short transaction (``rows.RowWriter``: bulk queries,
each page with its revision and history entries, published or saved as a draft), then updates
the search indexes once for the batch. A page edited in the admin between ``plan`` and ``write``
is planned again inside the transaction, so an editor's change is never overwritten unseen.

Drafts unless ``publish``. Services whose status says they are closed (defunct, inactive) are
never published, and a live one is unpublished.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import COMMENTS_RELATION_NAME, Page, WorkflowState

from ..models import AgeBand, DeletedService, DirectoryIndexPage, ServicePage
from ..site_setup import ensure_site_structure
from .changes import child_relations, content_hash, snapshot
from .indexes import after_write
from .revisions import latest_versions
from .rows import PageWrite, RowWriter
from .values import CHILD_MODELS, ChildIds, Problem, ServiceValues, apply_values, check

Outcome = Literal["created", "updated", "unchanged", "refused"]
NOT_PUBLISHED = {ServicePage.Status.DEFUNCT, ServicePage.Status.INACTIVE}
SLUG_LENGTH = 80
DEFAULT_BATCH_SIZE = 200


@dataclass
class Planned:
    values: ServiceValues
    outcome: Outcome
    page: ServicePage | None = None  # the checked page, in memory
    problems: list[Problem] = field(default_factory=list)
    publish: bool = False
    unpublish: bool = False
    based_on: int | None = None  # the revision the values were applied to
    live_title: str = ""
    # The service's content before the values (``changes.snapshot``; none for a new one).
    snapshot_before: tuple = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def before(self) -> str:
        """A fingerprint of the service's content before the values (``changes.content_hash``),
        so a feed can tell later whether someone has edited what it wrote; worked out only when
        asked, by feeds."""
        return content_hash(self.snapshot_before) if self.snapshot_before else ""

    @property
    def after(self) -> str:
        """The service's content with the values (as written, once written: new organisations
        and terms have their ids then); worked out only when asked, by feeds."""
        return content_hash(snapshot(self.page)) if self.page is not None else ""

    @property
    def checked_page(self) -> ServicePage:
        """The page of a plan that passed its checks, the only kind that is written."""
        if self.page is None:
            raise ValueError(f"{self.title!r} was not checked: it has no page to write")
        return self.page

    @property
    def title(self) -> str:
        return self.page.title if self.page is not None else str(self.values.fields.get("title"))


class ServiceWriter:
    def __init__(
        self,
        *,
        user: AbstractBaseUser | None = None,
        publish: bool = False,
        directory: DirectoryIndexPage | None = None,
        index: bool = True,
    ) -> None:
        self.user = user
        self.publish = publish
        self.index = index  # False: leave the indexes to rebuild_search_index and update_index
        # Seconds spent so far, for progress reports and benchmarks.
        self.seconds = {"planning": 0.0, "writing": 0.0, "indexing": 0.0}
        self.directory = directory or ensure_site_structure().directory
        self.rows = RowWriter(self.directory, user)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.service_type = ContentType.objects.get_for_model(ServicePage)

    # -- planning -----------------------------------------------------------------------

    def plan(self, batch: Iterable[ServiceValues]) -> list[Planned]:
        started = time.perf_counter()
        try:
            return self._plan(list(batch))
        finally:
            self.seconds["planning"] += time.perf_counter() - started

    def _plan(self, batch: list[ServiceValues]) -> list[Planned]:
        ids = [values.oruk_id for values in batch if values.oruk_id]
        pages = {page.oruk_id: page for page in ServicePage.objects.filter(oruk_id__in=ids)}
        refusals = self._refusals(list(pages.values()))
        latest = latest_versions(
            [page for page in pages.values() if page.pk not in refusals], self.directory
        )
        child_ids = ChildIds(self._taken_child_ids(batch))
        self.age_bands = list(AgeBand.objects.order_by("sort_order", "name"))
        seen: set[str] = set()
        plans = []
        for values in batch:
            if values.oruk_id and values.oruk_id in seen:
                plans.append(
                    Planned(values, "refused", problems=[Problem(_TWICE, field="oruk_id")])
                )
                continue
            seen.add(values.oruk_id)
            page = pages.get(values.oruk_id)
            if page is None:
                plans.append(self._plan_new(values, child_ids))
            elif page.pk in refusals:
                problem = Problem(refusals[page.pk].format(title=page.title), field="oruk_id")
                plans.append(Planned(values, "refused", problems=[problem]))
            else:
                plans.append(self._plan_update(values, page, latest[page.pk], child_ids))
        return plans

    def _plan_new(self, values: ServiceValues, child_ids: ChildIds) -> Planned:
        page = ServicePage(live=False, owner=self.user, locale_id=self.directory.locale_id)
        page.content_type_id = self.service_type.pk
        if values.oruk_id:
            page.oruk_id = values.oruk_id
        for accessor in [COMMENTS_RELATION_NAME, *(item[0] for item in child_relations())]:
            setattr(page, accessor, [])  # (else each empty relation is read from the database)
        page.levels.set([])
        apply_values(page, values, child_ids)
        page.slug = _slug(values.slug or page.title)
        problems = check(page, self.age_bands)
        wanted_live = self.publish and page.status not in NOT_PUBLISHED
        return Planned(values, "created", page, problems, publish=wanted_live)

    def _plan_update(
        self,
        values: ServiceValues,
        page: ServicePage,
        latest: ServicePage,
        child_ids: ChildIds,
    ) -> Planned:
        before = snapshot(latest)
        apply_values(latest, values, child_ids)
        problems = check(latest, self.age_bands)
        after = snapshot(latest)
        changed = after != before
        wanted_live = self.publish and latest.status not in NOT_PUBLISHED
        waiting = wanted_live and (not page.live or page.has_unpublished_changes)
        unpublish = page.live and latest.status in NOT_PUBLISHED
        outcome: Outcome = "updated" if changed or waiting or unpublish else "unchanged"
        return Planned(
            values,
            outcome,
            latest,
            problems,
            publish=wanted_live,
            unpublish=unpublish,
            based_on=page.latest_revision_id,
            live_title=page.title if page.live else "",
            snapshot_before=before,
        )

    def _refusals(self, pages: list[ServicePage]) -> dict[int, str]:
        """Why each of these pages may not be changed by an import, by page id."""
        ids = [page.pk for page in pages]
        refused: dict[int, str] = {}
        for page in pages:
            if not page.path.startswith(self.directory.path) or page.depth <= self.directory.depth:
                refused[page.pk] = _OUTSIDE
            if page.locked and (self.user is None or page.locked_by_id != self.user.pk):
                refused[page.pk] = _LOCKED
        for page_id in (
            WorkflowState.objects.active()
            .filter(base_content_type=self.page_type, object_id__in=[str(pk) for pk in ids])
            .values_list("object_id", flat=True)
        ):
            refused[int(page_id)] = _IN_WORKFLOW
        for page_id in DeletedService.objects.filter(page_id__in=ids).values_list(
            "page_id", flat=True
        ):
            refused[page_id] = _DELETED
        return refused

    def _taken_child_ids(self, batch: list[ServiceValues]) -> dict[type, dict[str, int]]:
        wanted: dict[str, set[str]] = {}
        for values in batch:
            for relation, rows in values.children.items():
                wanted.setdefault(relation, set()).update(
                    row["oruk_id"] for row in rows if row.get("oruk_id")
                )
        taken = {}
        for relation, ids in wanted.items():
            model = CHILD_MODELS[relation]
            if ids and hasattr(model, "oruk_id"):
                taken[model] = dict(
                    model._base_manager.filter(oruk_id__in=ids).values_list("oruk_id", "page_id")
                )
        return taken

    # -- writing ------------------------------------------------------------------------

    def write(self, plans: list[Planned]) -> list[Planned]:
        """Write the good, changed plans in one transaction; returns the plans as written (a
        plan made again because its page changed meanwhile replaces the old one)."""
        todo = [plan for plan in plans if plan.ok and plan.outcome in ("created", "updated")]
        if not todo:
            return plans
        started = time.perf_counter()
        with transaction.atomic():
            todo = self._plan_again_if_changed(todo)
            replaced = {id(plan.values): plan for plan in todo}
            plans = [replaced.get(id(plan.values), plan) for plan in plans]
            todo = [plan for plan in todo if plan.ok and plan.outcome in ("created", "updated")]
            self._free_slugs([plan.checked_page for plan in todo if plan.outcome == "created"])
            self.rows.write(
                [PageWrite(plan.checked_page, plan.publish, plan.live_title) for plan in todo]
            )
            for plan in todo:
                if plan.unpublish:
                    live = ServicePage.objects.get(pk=plan.checked_page.pk)
                    live.unpublish(user=self.user, log_action=True)
        written = time.perf_counter()
        self.seconds["writing"] += written - started
        if self.index:
            after_write([plan.checked_page.pk for plan in todo])
        self.seconds["indexing"] += time.perf_counter() - written
        return plans

    def _plan_again_if_changed(self, todo: list[Planned]) -> list[Planned]:
        updates = [plan for plan in todo if plan.outcome == "updated"]
        if not updates:
            return todo
        current = dict(
            Page.objects.filter(pk__in=[plan.checked_page.pk for plan in updates]).values_list(
                "pk", "latest_revision_id"
            )
        )
        stale = [plan for plan in updates if current.get(plan.checked_page.pk) != plan.based_on]
        if not stale:
            return todo
        again = {id(plan.values): plan for plan in self._plan([p.values for p in stale])}
        return [again.get(id(plan.values), plan) for plan in todo]

    def _free_slugs(self, pages: list[ServicePage]) -> None:
        if not pages:
            return
        taken = set(
            Page.objects.filter(
                path__startswith=self.directory.path, depth=self.directory.depth + 1
            ).values_list("slug", flat=True)
        )
        for page in pages:
            base, candidate, number = page.slug, page.slug, 2
            while candidate in taken:
                suffix = f"-{number}"
                candidate, number = f"{base[: SLUG_LENGTH - len(suffix)]}{suffix}", number + 1
            taken.add(candidate)
            page.slug = candidate

    # -- both, in batches -----------------------------------------------------------------

    def save(self, batch: Iterable[ServiceValues]) -> list[Planned]:
        """Plan and write one batch: the problems of refused and bad values are in the plans."""
        return self.write(self.plan(batch))


def _slug(text: str) -> str:
    return slugify(text, allow_unicode=True)[:SLUG_LENGTH].strip("-") or "service"


_TWICE = "This service appears more than once; each service may appear only once."
_OUTSIDE = "'{title}' is not in the directory (moved elsewhere in the site); it is left alone."
_LOCKED = "'{title}' is locked in the admin; unlock it first."
_IN_WORKFLOW = (
    "'{title}' is waiting for approval in a workflow; approve, reject or cancel it first."
)
_DELETED = "'{title}' is in the deleted services; restore it first."
