"""How well search answers judged queries: the project's one definition of a right answer.

A judged query is words as a family or practitioner typed them and the needs a right answer
carries. A result is right when its service carries one of those needs. ``score`` turns ranked
results into the figures the relevance test and ``bench/relevance.py`` report: how many
in-scope queries found nothing, how often the first result (or one of the first three) is
right, and nDCG@5. Queries judged unrelated to family support (no needs) should find nothing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.text import slugify

NDCG_DEPTH = 5


@dataclass(frozen=True)
class Judgement:
    q: str
    # Slugs of the needs a right answer carries; empty for words unrelated to family support.
    needs: frozenset[str]
    who: str = "family"

    @property
    def in_scope(self) -> bool:
        return bool(self.needs)


def load_judgements(path: Path) -> list[Judgement]:
    data = json.loads(path.read_text())
    rows = data["queries"] if isinstance(data, dict) else data
    return [
        Judgement(row["q"], frozenset(slugify(name) for name in row["needs"]), row.get("who", ""))
        for row in rows
    ]


def is_right(document: dict[str, Any], judgement: Judgement) -> bool:
    return bool(judgement.needs & set(document["facets"]["need"]))


@dataclass
class Scores:
    queries: int = 0
    out_of_scope: int = 0
    zero_results: int = 0
    out_of_scope_answered: int = 0
    top1: int = 0
    top3: int = 0
    ndcg5: float = 0.0
    misses: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def in_scope(self) -> int:
        return self.queries - self.out_of_scope

    def share(self, count: float) -> float:
        return count / self.in_scope if self.in_scope else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "in_scope_queries": self.in_scope,
            "zero_results": self.zero_results,
            "top1_right": round(self.share(self.top1), 3),
            "top3_right": round(self.share(self.top3), 3),
            "ndcg5": round(self.share(self.ndcg5), 3),
            "out_of_scope_queries": self.out_of_scope,
            "out_of_scope_answered": self.out_of_scope_answered,
        }


def ndcg(relevances: Sequence[bool], ideal_count: int, depth: int = NDCG_DEPTH) -> float:
    """Binary-relevance nDCG of ranked results, against an ideal ranking of ``ideal_count``
    right results."""
    gain = sum(1 / math.log2(rank + 2) for rank, right in enumerate(relevances[:depth]) if right)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(ideal_count, depth)))
    return gain / ideal if ideal else 0.0


def score(
    judgements: Iterable[Judgement],
    ranked: Callable[[Judgement], list[dict[str, Any]]],
    ideal_counts: Callable[[Judgement], int],
) -> Scores:
    """Run every judged query through ``ranked`` (its result documents, best first)."""
    scores = Scores()
    for judgement in judgements:
        scores.queries += 1
        documents = ranked(judgement)
        if not judgement.in_scope:
            scores.out_of_scope += 1
            scores.out_of_scope_answered += bool(documents)
            continue
        right = [is_right(document, judgement) for document in documents]
        scores.zero_results += not documents
        scores.top1 += bool(right[:1] and right[0])
        scores.top3 += any(right[:3])
        scores.ndcg5 += ndcg(right, ideal_counts(judgement))
        if not (right[:1] and right[0]):
            scores.misses.append((judgement.q, [d["name"] for d in documents[:3]]))
    return scores
