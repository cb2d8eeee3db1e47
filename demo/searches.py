"""A demo search log: three months of anonymous searches across the demo borough.

The coverage and demand report needs demand to show. ``load_demo_searches`` writes about three
thousand ``SearchLog`` rows over the 90 days before today, from a seeded random generator, so
every run writes the same searches (relative to today). Each row is what the search page logs:
its parameters come from ``SearchQuery.log_params`` and its result count and match from
running that search on the demo directory once (cached per distinct search), with every try the
search page makes but the engine only counting (``run_search(count_only=True)``): no page of
results, no facets, which nobody sees.

Shaped on purpose: Catford and Bellingham (``GAP_DISTRICT``, SE6) have no local domestic abuse
service at any level, and families there search for domestic abuse support often (by words,
"DV", and the need filter, many choosing "Targeted"), while other districts search for it only
a few times each. The report should show that cell at the top of "Where demand outstrips
provision".

Demo rows carry ``params["demo"] = True``; if any exist the function writes nothing, so
``load_demo`` can run again and again. Delete them with
``SearchLog.objects.filter(params__demo=True).delete()``.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.http import QueryDict
from django.utils import timezone
from tqdm import tqdm

from directory.models import Need

if TYPE_CHECKING:
    from search.models import SearchLog
    from search.query import SearchQuery
    from search.runner import SearchOutcome

SEED = 20260601
DAYS = 90
BACKGROUND_SEARCHES = 2000
GAP_DISTRICT = "SE6"
GAP_NEED = "Domestic abuse"
GAP_SEARCHES = 80
# Domestic abuse searches in each other district: a few, under the report's default threshold.
OTHER_DISTRICT_GAP_NEED_SEARCHES = (2, 6)

# Lewisham's districts, weighted roughly by how many families live there. "" = no postcode.
DISTRICT_WEIGHTS = {
    "SE6": 16,
    "SE13": 15,
    "SE4": 9,
    "SE8": 10,
    "SE14": 9,
    "SE23": 9,
    "SE26": 9,
    "SE12": 8,
    "SE3": 4,
    "BR1": 6,
    "": 18,
}
LEVELS = ("universal", "universal-plus", "targeted", "specialist")


@dataclass(frozen=True)
class Template:
    """A kind of search: words and/or need filters, how common it is, and levels people pick."""

    q: str = ""
    needs: tuple[str, ...] = ()  # need names, looked up as slugs
    weight: int = 1
    levels: tuple[str, ...] = field(default=())  # a level chosen now and then, from these


# What families and practitioners search for (never domestic abuse: that is placed by hand).
BACKGROUND: tuple[Template, ...] = (
    Template("speech therapy", weight=8, levels=("universal-plus", "targeted")),
    Template("speech and language", weight=4),
    Template("speach therapy", weight=2),
    Template("autism", weight=8, levels=("targeted", "specialist")),
    Template("ASD", weight=3),
    Template(needs=("Autism and ADHD",), weight=5, levels=("targeted",)),
    Template("stay and play", weight=10, levels=("universal",)),
    Template("toddler group", weight=6),
    Template("breastfeeding", weight=5),
    Template(needs=("Infant feeding",), weight=3),
    Template("food bank", weight=8),
    Template(needs=("Food and essentials",), weight=4),
    Template("debt advice", weight=5),
    Template(needs=("Money and debt advice",), weight=4),
    Template("cost of living", weight=3),
    Template("parenting course", weight=6, levels=("universal-plus",)),
    Template(needs=("Parenting programmes",), weight=4, levels=("universal", "universal-plus")),
    Template("parenting teenagers", weight=3),
    Template("young carers", weight=4),
    Template(needs=("Young carers",), weight=2),
    Template("bereavement", weight=3),
    Template("mental health", weight=6, levels=("targeted",)),
    Template("CAMHS", weight=4),
    Template(needs=("Emotional wellbeing and mental health",), weight=4, levels=("targeted",)),
    Template("SEND", weight=4),
    Template(needs=("Special educational needs and disabilities (SEND)",), weight=3),
    Template("youth club", weight=6),
    Template("housing", weight=4),
    Template(needs=("Housing and homelessness",), weight=2, levels=("targeted",)),
    Template("school attendance", weight=2),
    Template("county lines", weight=2, levels=("targeted", "specialist")),
    Template(needs=("Staying safe",), weight=2),
    Template(needs=("Health and wellbeing",), weight=2),
    # Things the directory does not list: zero-result searches.
    Template("respite care", weight=3),
    Template("sensory room", weight=2),
    Template("forest school", weight=2),
    Template("swimming lessons", weight=2),
)
# Domestic abuse, as people ask for it.
GAP_TEMPLATES: tuple[Template, ...] = (
    Template("domestic abuse", weight=5, levels=("targeted",)),
    Template("dv", weight=3, levels=("targeted",)),
    Template("domestic violence support", weight=2),
    Template(needs=(GAP_NEED,), weight=4, levels=("targeted",)),
    Template("refuge", weight=1),
)


@dataclass(frozen=True)
class DemoSearch:
    """One search of the demo log: the parameters sent, whether through the API, and when."""

    params: QueryDict
    api: bool
    created_at: datetime.datetime


def demo_searches(now: datetime.datetime) -> list[DemoSearch]:
    """The demo log's searches, in the order they are written: the same every run (relative
    to ``now``) for the same needs."""
    rng = random.Random(SEED)
    slugs = {need.name: need.slug for need in Need.objects.all()}
    districts, weights = zip(*DISTRICT_WEIGHTS.items(), strict=True)

    planned: list[tuple[Template, str]] = []
    background = [t for t in BACKGROUND if all(name in slugs for name in t.needs)]
    for template in rng.choices(
        background, weights=[t.weight for t in background], k=BACKGROUND_SEARCHES
    ):
        planned.append((template, rng.choices(districts, weights=weights)[0]))
    gap_templates = [t for t in GAP_TEMPLATES if all(name in slugs for name in t.needs)]
    gap_weights = [t.weight for t in gap_templates]
    for district in DISTRICT_WEIGHTS:
        count = (
            GAP_SEARCHES
            if district == GAP_DISTRICT
            else rng.randint(*OTHER_DISTRICT_GAP_NEED_SEARCHES)
        )
        for template in rng.choices(gap_templates, weights=gap_weights, k=count):
            planned.append((template, district))

    searches = []
    for template, district in planned:
        # Two in five searches with a choice of levels pick one of them.
        level = rng.choice(template.levels) if template.levels and rng.random() < 0.4 else ""
        api = rng.random() < 0.05
        # Mostly in the daytime, every day of the period.
        created_at = now - datetime.timedelta(
            days=rng.randrange(DAYS), hours=rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12])
        )
        params = QueryDict(mutable=True)
        if template.q:
            params["q"] = template.q
        if district:
            params["postcode"] = district
        params.setlist("need", [slugs[name] for name in template.needs])
        if level:
            params["level"] = level
        searches.append(DemoSearch(params, api, created_at))
    return searches


def load_demo_searches(*, now: datetime.datetime | None = None, progress: bool = False) -> int:
    """Write the demo search log unless it is there already. Returns the rows written."""
    from search.models import IndexGeneration, SearchLog

    if SearchLog.objects.filter(params__demo=True).exists():
        return 0
    searches = demo_searches(now or timezone.now())
    rows = _LogRows()
    # Every search and log row reads the index's vocabulary: check its generation once.
    with IndexGeneration.pinned():
        logged = [
            rows.row(search)
            for search in tqdm(searches, desc="Demo searches", unit="search", disable=not progress)
        ]
    return len(SearchLog.objects.bulk_create(logged, batch_size=500))


class _LogRows:
    """Builds log rows as ``search.log.record_search`` would, from each distinct search run
    once on the demo directory, counting its results only."""

    def __init__(self) -> None:
        # Each search as parsed, by its parameters: many searches repeat a kind of search in one
        # district, and parsing looks up the postcode and every filter's vocabulary.
        self.queries: dict[str, SearchQuery] = {}
        self.outcomes: dict[str, SearchOutcome] = {}

    def row(self, search: DemoSearch) -> SearchLog:
        from search.log import log_row
        from search.query import parse_search_query
        from search.runner import run_search

        sent = search.params.urlencode()
        if sent not in self.queries:
            self.queries[sent] = parse_search_query(search.params)
        query = self.queries[sent]
        key = query.to_querystring()
        if key not in self.outcomes:
            self.outcomes[key] = run_search(query, log=False, count_only=True)
        row = log_row(self.outcomes[key], api=search.api)
        row.params["demo"] = True
        row.created_at = search.created_at
        return row
