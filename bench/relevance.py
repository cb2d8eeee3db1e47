"""How often search puts the right help first, on the project's judged queries.

    .venv/bin/python bench/relevance.py                          # database engine
    .venv/bin/python bench/relevance.py --elasticsearch "$(scripts/opensearch.sh start)"
    .venv/bin/python bench/relevance.py --judgements other.json --misses

Loads the demo borough into a temporary SQLite database, then runs every query of
tests/data/search_judgements.json (or --judgements) without a place and with a postcode
district of the borough (each query gets one, in turn), and prints per engine: in-scope
queries that found nothing, top-1 and top-3 right, nDCG@5, and how many out-of-scope queries
found something. Wagtail's built-in search over the same pages (``ServicePage.objects.search``,
the configured Wagtail search backend) is the baseline; with a place it keeps the order of its
results and drops services outside the radius, as a site using it would.

Targets (issue 13): top-1 right >= 90 %, top-3 >= 97 %, no in-scope query without results, on
both engines, with and without a postcode.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from demo_database import setup_demo_django  # noqa: E402  (bench/ is the script's folder)

JUDGEMENTS = PROJECT_ROOT / "tests" / "data" / "search_judgements.json"
# Postcode districts of the demo borough, given to the queries in turn.
DISTRICTS = ("SE13", "SE6", "SE4", "SE8", "SE14", "SE23", "SE12", "SE26")
SHOWN = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--elasticsearch", default="", help="Also run on this engine URL.")
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--misses", action="store_true", help="List the queries missed.")
    parser.add_argument("--json", type=Path, help="Also write the figures here as JSON.")
    args = parser.parse_args()

    setup_demo_django("relevance-bench-")
    from django.core.management import call_command
    from django.test.utils import override_settings

    from search.evaluation import load_judgements

    call_command("rebuild_search_index", stdout=io.StringIO())
    judgements = load_judgements(args.judgements)
    runs = {"database": _run_engine(judgements)}
    if args.elasticsearch:
        with override_settings(
            ELASTICSEARCH_URL=args.elasticsearch,
            ELASTICSEARCH_INDEX=f"bench-relevance-{os.getpid()}",
        ):
            call_command("rebuild_search_index", stdout=io.StringIO())
            runs["elasticsearch"] = _run_engine(judgements)
    # Wagtail's own index (the admin's page search) is filled by a task after a batch of
    # services is written: build it outright, so the baseline is Wagtail at its best.
    call_command("update_index", stdout=io.StringIO())
    runs["wagtail (baseline)"] = _run_wagtail(judgements)

    print(f"{len(judgements)} judged queries from {args.judgements.name}")
    print(
        f"{'engine':<20} {'place':<9} {'zero':>5} {'top-1':>7} {'top-3':>7} {'nDCG@5':>7} "
        f"{'off-topic answered':>19}"
    )
    figures = {}
    for engine, places in runs.items():
        for place, scores in places.items():
            row = scores.as_dict()
            figures[f"{engine} / {place}"] = row
            print(
                f"{engine:<20} {place:<9} {row['zero_results']:>5} {row['top1_right']:>7.1%} "
                f"{row['top3_right']:>7.1%} {row['ndcg5']:>7.3f} "
                f"{row['out_of_scope_answered']:>10} of {row['out_of_scope_queries']}"
            )
            if args.misses and not engine.startswith("wagtail"):
                for q, top in scores.misses:
                    print(f"    miss: {q!r} -> {top}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


def _ideal_counts():
    from search.models import SearchEntry

    needs_of = [
        set(facets.get("need", ()))
        for facets in SearchEntry.objects.values_list("facets", flat=True)
    ]
    return lambda judgement: sum(1 for needs in needs_of if needs & judgement.needs)


def _place(index: int) -> str:
    return DISTRICTS[index % len(DISTRICTS)]


def _run_engine(judgements):
    from search.evaluation import score
    from search.query import parse_search_query
    from search.runner import run_search

    ideal = _ideal_counts()
    order = {judgement: index for index, judgement in enumerate(judgements)}

    def ranked(judgement, place):
        params = {"q": judgement.q, "per_page": "10"}
        if place:
            params["postcode"] = _place(order[judgement])
        outcome = run_search(parse_search_query(params), log=False)
        return [hit.document for hit in outcome.results.hits]

    return {
        "none": score(judgements, lambda j: ranked(j, False), ideal),
        "postcode": score(judgements, lambda j: ranked(j, True), ideal),
    }


def _run_wagtail(judgements):
    """Wagtail's own search over the live service pages, as a baseline."""
    from directory.models import ServicePage
    from search.distance import miles_from
    from search.evaluation import score
    from search.models import SearchEntry
    from search.query import parse_search_query

    documents = dict(SearchEntry.objects.values_list("page_id", "document"))
    ideal = _ideal_counts()
    order = {judgement: index for index, judgement in enumerate(judgements)}

    def ranked(judgement, place):
        pages = ServicePage.objects.live().public().search(judgement.q)[:50]
        found = [documents[page.pk] for page in pages if page.pk in documents]
        if place:
            query = parse_search_query({"postcode": _place(order[judgement])})
            miles_to = miles_from(*query.origin)
            found = [
                document
                for document in found
                if document["area_wide"]
                or any(
                    miles_to(loc["latitude"], loc["longitude"]) <= query.radius
                    for loc in document["locations"]
                )
            ]
        return found[:SHOWN]

    return {
        "none": score(judgements, lambda j: ranked(j, False), ideal),
        "postcode": score(judgements, lambda j: ranked(j, True), ideal),
    }


if __name__ == "__main__":
    main()
