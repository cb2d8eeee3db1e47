"""Small preferences both engines rank by, after how well a service answers the words.

Services a family can go to directly (the lower half of the council's levels of need:
"Universal", "Universal plus") come before specialist ones that answer the words as well: "my
partner hits me" should lead to the domestic abuse helpline before the children's social care
front door.
"""

from __future__ import annotations

from functools import lru_cache

from .models import IndexGeneration


def open_level_slugs() -> frozenset[str]:
    """Slugs of the lower half of the levels of need, by rank (read again after any index
    write, which a level's edit causes)."""
    return _open_levels(*IndexGeneration.current())


@lru_cache(maxsize=2)
def _open_levels(generation: int, token: str) -> frozenset[str]:
    from directory.models import LevelOfNeed

    slugs = list(LevelOfNeed.objects.order_by("rank", "pk").values_list("slug", flat=True))
    return frozenset(slugs[: (len(slugs) + 1) // 2])
