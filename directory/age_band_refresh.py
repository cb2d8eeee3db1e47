"""Age bands derived again for every service when commissioners edit the age band vocabulary."""

from __future__ import annotations

from .age_bands import derive_age_bands
from .models import ServiceAgeBand, ServicePage
from .signals import services_changed


def refresh_all_age_bands() -> int:
    """Re-derive every service's bands after a commissioner edits the age band vocabulary.

    Writes the tag rows of the current (live or draft) page rows directly: no new revision is
    needed, because bands are derived data and are derived again on every save.
    Returns how many services changed.
    """
    changed_ids: list[int] = []
    pages = ServicePage.objects.prefetch_related("tagged_age_bands")
    for page in pages.iterator(chunk_size=500):
        wanted = {
            band.pk
            for band in derive_age_bands(
                page.minimum_age,
                page.maximum_age,
                expectant_parents=page.for_expectant_parents,
                parents_and_carers=page.for_parents_and_carers,
            )
        }
        current = {item.tag_id for item in page.tagged_age_bands.all()}
        if wanted == current:
            continue
        ServiceAgeBand.objects.filter(content_object=page).exclude(tag_id__in=wanted).delete()
        ServiceAgeBand.objects.bulk_create(
            [ServiceAgeBand(content_object=page, tag_id=pk) for pk in wanted - current]
        )
        changed_ids.append(page.pk)
    if changed_ids:
        services_changed.send(sender=ServicePage, page_ids=changed_ids)
    return len(changed_ids)
