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
