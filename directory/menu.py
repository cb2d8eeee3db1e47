"""The 'browse by need' menu: categories with their needs and how many live services each has."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import Need, ServicePage


@dataclass
class NeedEntry:
    need: Need
    service_count: int


@dataclass
class NeedCategory:
    category: Need
    needs: list[NeedEntry] = field(default_factory=list)

    @property
    def service_count(self) -> int:
        return sum(entry.service_count for entry in self.needs)


def need_menu() -> list[NeedCategory]:
    """Categories in order, each with its needs that have at least one live, public service."""
    live_ids = ServicePage.objects.listed().values("pk")
    needs = (
        Need.objects.filter(parent__isnull=False)
        .select_related("parent")
        .annotate(
            live_services=Count(
                "tagged_services",
                filter=Q(tagged_services__content_object__in=live_ids),
            )
        )
        .order_by("parent__sort_order", "parent__name", "sort_order", "name")
    )
    menu: dict[int, NeedCategory] = {}
    for need in needs:
        if not need.live_services:
            continue
        entry = menu.setdefault(need.parent_id, NeedCategory(need.parent))
        entry.needs.append(NeedEntry(need, need.live_services))
    return list(menu.values())
