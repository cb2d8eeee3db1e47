"""What changes a search result, and the index update each change needs.

Connected in ``SearchConfig.ready``. Updates run through a django-tasks task, queued for the
worker when one is running (it takes them within a second or two) and run before the editor's
request returns when none is (``background.dispatch.run_soon``), so the next search sees them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete
from django_tasks import task
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from background.dispatch import run_soon
from directory.models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    ServiceAgeBand,
    ServiceCircumstance,
    ServiceNeed,
    ServicePage,
)
from directory.signals import services_changed

from .indexing import index_services
from .models import IndexGeneration, Synonym


@task()
def update_services_task(page_ids: list[int]) -> None:
    index_services(page_ids)


# A bulk change (an import) sends its index updates in groups of about this many services, or
# those of this many seconds, whichever comes first: each update moves the index's generation,
# and every app server then reads all the index's facts again on its next search (a second or
# so at 10,000 services), so an import indexing each batch of 200 as it went made one search in
# a hundred slow while it ran. Services still become searchable as the import goes.
DEFERRED_SERVICES = 2000
DEFERRED_SECONDS = 60.0


class _Deferred:
    """The page ids a bulk change has collected since its last group was sent."""

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.since = 0.0  # when the first of them came

    def add(self, ids: list[int]) -> None:
        if not self.ids:
            self.since = time.monotonic()
        self.ids.update(ids)
        if len(self.ids) >= DEFERRED_SERVICES or time.monotonic() - self.since >= DEFERRED_SECONDS:
            self.send()

    def send(self) -> None:
        if self.ids:
            ids, self.ids = sorted(self.ids), set()
            run_soon(update_services_task, ids)


# The index updates of a bulk change in progress in this thread or task; None otherwise.
# A context variable, so one request's import never swallows another thread's updates.
_deferred: ContextVar[_Deferred | None] = ContextVar("deferred_index_updates", default=None)


def update_services(page_ids: Any) -> None:
    ids = sorted({int(pk) for pk in page_ids})
    if not ids:
        return
    deferred = _deferred.get()
    if deferred is not None:
        deferred.add(ids)
        return
    run_soon(update_services_task, ids)


@contextmanager
def deferred_index_updates() -> Iterator[None]:
    """Send the index updates of a bulk change in groups (``DEFERRED_SERVICES``, above) rather
    than as each page or batch is written, and what is left when the block ends, even if it
    raises: an import writes in batches that each commit, and indexing a page whose change was
    rolled back only writes what the page is."""
    if _deferred.get() is not None:  # nested: the outer block sends them
        yield
        return
    deferred = _Deferred()
    token = _deferred.set(deferred)
    try:
        yield
    finally:
        _deferred.reset(token)
        deferred.send()


def _services_under(page: Page) -> list[int]:
    return list(
        ServicePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


def _on_publish_or_unpublish(sender: Any, instance: Page, **kwargs: Any) -> None:
    if isinstance(instance, ServicePage):
        update_services([instance.pk])


def _on_service_deleted(sender: Any, instance: ServicePage, **kwargs: Any) -> None:
    update_services([instance.pk])


def _on_move(sender: Any, instance: Page, **kwargs: Any) -> None:
    # A move changes URLs, and may take services into or out of a private section.
    update_services(_services_under(instance))


def _on_restriction_change(sender: Any, instance: PageViewRestriction, **kwargs: Any) -> None:
    update_services(_services_under(instance.page))


def _services_using(instance: Any) -> list[int]:
    if isinstance(instance, Need):
        rows = ServiceNeed.objects.filter(tag__in=[instance.pk, *instance.children.all()])
        return list(rows.values_list("content_object_id", flat=True))
    if isinstance(instance, Circumstance):
        rows = ServiceCircumstance.objects.filter(tag=instance)
        return list(rows.values_list("content_object_id", flat=True))
    if isinstance(instance, AgeBand):
        rows = ServiceAgeBand.objects.filter(tag=instance)
        return list(rows.values_list("content_object_id", flat=True))
    if isinstance(instance, LevelOfNeed):
        # A Parental many-to-many: its reverse manager is Wagtail's, unknown to type checkers.
        return list(ServicePage.objects.filter(levels=instance).values_list("pk", flat=True))
    if isinstance(instance, Organisation):
        return list(instance.services.values_list("pk", flat=True))
    return []


def _on_term_saved(
    sender: Any, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    # Names, slugs, categories and order all show in results and facets. A new term has no
    # services yet (an import saves hundreds of new organisations, a query each otherwise).
    if not raw and not created:
        update_services(_services_using(instance))


def _before_term_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Deleting a level removes it from its services; remember them before the rows go.
    instance._search_services = _services_using(instance)


def _after_term_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    update_services(getattr(instance, "_search_services", []))


def _on_words_changed(sender: Any, raw: bool = False, **kwargs: Any) -> None:
    # Needs', circumstances' and synonyms' words make the lexicon each process keeps
    # (search.lexicon), and every term's slug and name the stored terms it keeps
    # (search.stored_terms): a new generation tells every process to read them again.
    if not raw:
        IndexGeneration.bump()


def _on_services_changed(sender: Any, page_ids: list[int], **kwargs: Any) -> None:
    update_services(page_ids)


def connect() -> None:
    page_published.connect(_on_publish_or_unpublish, dispatch_uid="search-published")
    page_unpublished.connect(_on_publish_or_unpublish, dispatch_uid="search-unpublished")
    post_delete.connect(_on_service_deleted, sender=ServicePage, dispatch_uid="search-deleted")
    post_page_move.connect(_on_move, dispatch_uid="search-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{signal is post_save}",
        )
    for model in (Need, Circumstance, AgeBand, LevelOfNeed, Synonym):
        label = model._meta.label_lower
        for signal in (post_save, post_delete):
            signal.connect(
                _on_words_changed,
                sender=model,
                dispatch_uid=f"search-words-{label}-{signal is post_save}",
            )
    for term_model in (Need, Circumstance, AgeBand, LevelOfNeed, Organisation):
        label = term_model._meta.label_lower
        post_save.connect(_on_term_saved, sender=term_model, dispatch_uid=f"search-saved-{label}")
        pre_delete.connect(
            _before_term_deleted, sender=term_model, dispatch_uid=f"search-deleting-{label}"
        )
        post_delete.connect(
            _after_term_deleted, sender=model, dispatch_uid=f"search-deleted-{label}"
        )
    services_changed.connect(_on_services_changed, dispatch_uid="search-services-changed")
