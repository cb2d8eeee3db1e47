"""The benchmarks' fixed search workload and the statistics they report.

A mix of queries of five kinds, drawn from a seed so every run asks the same questions:

* ``text``: words only ("speech toddlers", "DV", a misspelling);
* ``text+postcode``: words near a postcode or district;
* ``filters``: need and level of need, sometimes an age;
* ``filters+place``: need, level and free near a postcode;
* ``browse``: every service, A to Z, page by page.

Every query asks for facet counts: both engines always count them.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence

WORDS = [
    "toddler",
    "speech toddlers",
    "DV",
    "domestic violence",
    "autism",
    "parenting teenagers",
    "money advice",
    "food bank",
    "young carers",
    "mental health",
    "bereavement",
    "breastfeeding",
    "homework club",
    "dad",
    "SEND",
    "stay and play",
    "youth club",
    "debt",
    "housing",
    "speach",
]
NEEDS = [
    "domestic-abuse",
    "staying-safe",
    "early-years-development",
    "money-work-and-housing",
    "emotional-wellbeing-and-mental-health",
    "young-carers",
    "parenting-programmes",
]
LEVELS = ["universal", "universal-plus", "targeted", "specialist"]
KINDS = ("text", "text+postcode", "filters", "filters+place", "browse")

Query = tuple[str, dict[str, object]]


def query_mix(postcodes: Sequence[str], size: int = 200, seed: int = 7) -> list[Query]:
    """``size`` (kind, GET parameters): a quarter each of the first four kinds, and a few pages
    of browsing. ``postcodes`` are full postcodes or districts known to the geocoder."""
    rng = random.Random(seed)
    browse = max(1, size // 40)
    per_kind = (size - browse) // 4
    mix: list[Query] = []
    for _ in range(per_kind):
        mix.append(("text", {"q": rng.choice(WORDS)}))
    for _ in range(per_kind):
        mix.append(
            (
                "text+postcode",
                {
                    "q": rng.choice(WORDS),
                    "postcode": rng.choice(postcodes),
                    "radius": rng.choice([1, 2, 3, 5]),
                },
            )
        )
    for _ in range(per_kind):
        params: dict[str, object] = {
            "level": rng.sample(LEVELS, rng.randint(1, 2)),
            "need": rng.choice(NEEDS),
        }
        if rng.random() < 0.5:
            params["age"] = rng.randint(0, 18)
        mix.append(("filters", params))
    for _ in range(size - browse - 3 * per_kind):
        mix.append(
            (
                "filters+place",
                {
                    "need": rng.choice(NEEDS),
                    "level": rng.choice(LEVELS),
                    "postcode": rng.choice(postcodes),
                    "radius": 3,
                    "free": "true",
                },
            )
        )
    for page in range(1, browse + 1):
        mix.append(("browse", {"page": page, "sort": "name"}))
    return mix


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` from 0 to 1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(runs: Sequence[float]) -> dict[str, float]:
    """A figure measured once per run: its median and spread (lowest and highest)."""
    return {
        "median": statistics.median(runs),
        "min": min(runs),
        "max": max(runs),
        "runs": len(runs),
    }
