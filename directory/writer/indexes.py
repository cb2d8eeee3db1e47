"""After a batch of services is written: the indexes Wagtail would have updated page by page.

The public search index is told through the catalogue's ``services_changed`` signal (the search
app answers it with one task for the batch, the same path a publish takes). Wagtail's own admin
page search and its reference index ("usage") are updated here, also once for the batch, as a
django-tasks task: with the immediate backend it runs at once; with a worker, off the importer's
critical path.
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import task
from modelsearch.backends import get_search_backends_with_name
from wagtail.models import ReferenceIndex

from ..models import ServicePage
from ..signals import services_changed


@task()
def refresh_admin_indexes_task(page_ids: list[int]) -> None:
    pages = list(ServicePage.objects.filter(pk__in=page_ids))
    if not pages:
        return
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add_bulk(ServicePage, pages)
    for page in pages:
        with transaction.atomic():  # one page at a time: short transactions
            ReferenceIndex.create_or_update_for_object(page)


def after_write(page_ids: list[int]) -> None:
    """Call once the batch's transaction has committed (or inside an outer one that will)."""
    if page_ids:
        services_changed.send(sender=ServicePage, page_ids=page_ids)
        refresh_admin_indexes_task.enqueue(sorted(page_ids))
