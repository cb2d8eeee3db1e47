"""Age bands come from a service's age range; editors never choose them."""

from __future__ import annotations

from collections.abc import Iterable

from .models.vocabularies import AgeBand


def derive_age_bands(
    minimum_age: int | None,
    maximum_age: int | None,
    *,
    expectant_parents: bool = False,
    parents_and_carers: bool = False,
    bands: Iterable[AgeBand] | None = None,
) -> list[AgeBand]:
    """The bands a service for ages minimum..maximum serves (None means open-ended).

    A service with no age range at all serves every child age band. Pregnancy and 'parents and
    carers' bands come from their own flags, not from ages. Pass ``bands`` (in order) to derive
    many services' bands from one read of the vocabulary.
    """
    found = []
    for band in AgeBand.objects.order_by("sort_order", "name") if bands is None else bands:
        if band.kind == AgeBand.Kind.PREGNANCY:
            wanted = expectant_parents
        elif band.kind == AgeBand.Kind.PARENTS:
            wanted = parents_and_carers
        else:
            wanted = band.overlaps(minimum_age, maximum_age) and not (
                # Only-pregnancy or only-parents services with no age range serve no child band.
                minimum_age is None
                and maximum_age is None
                and (expectant_parents or parents_and_carers)
            )
        if wanted:
            found.append(band)
    return found


def refresh_all_age_bands() -> int:
    """Re-derive every service's bands after a commissioner edits the age band vocabulary.

    Writes the tag rows of the current (live or draft) page rows directly: no new revision is
    needed, because bands are derived data and are derived again on every save.
    Returns how many services changed.
    """
    from .models import ServiceAgeBand, ServicePage
    from .signals import services_changed

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
