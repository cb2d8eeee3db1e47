"""What the words of a search mean, decided once in Python and run by either engine.

A search's words become a ``TextPlan``: groups that must match (all of them, or in the fallback
any of them), each group a set of alternative phrases. A word is a group of one; a word or
phrase on the synonym list is a group of every phrase on its line, so "DV" finds services that
say "domestic abuse". The database engine matches the phrases' analysed terms in SQL; the
Elasticsearch engine sends them as ``match_phrase`` clauses through the same analyzer. Because
both run the same plan over the same analysis, they agree on which services match.

Typo tolerance is "did you mean": when the exact words find nothing, words that appear nowhere
in the index are replaced by the nearest indexed word (at most one edit for words of three to
five letters, two for longer ones, as Elasticsearch's fuzziness AUTO) and the search is run
again with the corrected words, which the page shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from .analysis import STOP_WORDS, analyse, phrase_key, stem, words
from .models import IndexGeneration, SearchEntry, Synonym

if TYPE_CHECKING:
    from .lexicon import Evidence

Terms = tuple[str | None, ...]

# The kinds of term words can name (search.lexicon).
NEED = "need"
CIRCUMSTANCE = "circumstance"
# A service the words named only by a circumstance ("especially for young carers"), or not for
# the ages they spoke of, ranks with this share of the weight.
CIRCUMSTANCE_SHARE = 0.5
OTHER_AGES_SHARE = 0.5


@dataclass(frozen=True)
class Phrase:
    """Words as typed (for Elasticsearch to analyse) and their analysed terms (for SQL)."""

    text: str
    terms: Terms

    @property
    def key(self) -> str:
        return phrase_key(list(self.terms))


@dataclass(frozen=True)
class TextPlan:
    groups: tuple[tuple[Phrase, ...], ...]
    # "all": every group must match; "any": at least ``minimum`` of them.
    mode: Literal["all", "any"] = "all"
    minimum: int = 1
    # The words as typed (or corrected), for ranking.
    text: str = ""
    # Needs and circumstances the words name (search.lexicon): their services match too, and
    # rank first, by the weight of the evidence they carry.
    evidence: tuple[Evidence, ...] = ()
    # The ages the words speak of ("my 14 year old"): services for them rank first among
    # equally named ones. (youngest, oldest) or None.
    ages: tuple[int, int] | None = None

    def __bool__(self) -> bool:
        return bool(self.groups or self.evidence)

    def relaxed(self, minimum: int = 1) -> TextPlan:
        return replace(self, mode="any", minimum=minimum)

    def naming(
        self, evidence: tuple[Evidence, ...], ages: tuple[int, int] | None = None
    ) -> TextPlan:
        return replace(self, evidence=evidence, ages=ages)

    def serves_ages(self, minimum_age: int | None, maximum_age: int | None) -> bool:
        """Whether a service for minimum..maximum (open when None) serves the ages hinted."""
        if self.ages is None:
            return True
        youngest, oldest = self.ages
        return (minimum_age is None or minimum_age <= oldest) and (
            maximum_age is None or maximum_age >= youngest
        )

    def named_slugs(self, kind: str) -> set[str]:
        """Slugs of the named terms of one kind ("need" or "circumstance")."""
        return {term.slug for found in self.evidence for term in found.terms if term.kind == kind}

    def tier(self, facets: dict[str, tuple[str, ...]], serves_ages: bool = True) -> float:
        """How strongly the words named a service: the summed weight of the evidence naming
        any of its needs (in full) or only its circumstances (the groups it is especially
        for: half), halved again when it is not for the ages the words spoke of.
        ``facets``: the service's facet values."""
        total = 0.0
        for found in self.evidence:
            carried = {term.kind for term in found.terms if term.slug in facets.get(term.kind, ())}
            if NEED in carried:
                total += found.weight
            elif carried:
                total += found.weight * CIRCUMSTANCE_SHARE
        return total if serves_ages else total * OTHER_AGES_SHARE


class SynonymTable:
    """The synonym list, keyed by each phrase's analysed terms."""

    def __init__(self, lines: Iterable[list[str]]) -> None:
        self.groups: dict[Terms, tuple[Phrase, ...]] = {}
        for line in lines:
            phrases = tuple(
                dict.fromkeys(Phrase(term, tuple(analyse(term))) for term in line if analyse(term))
            )
            if len(phrases) < 2:
                continue
            for phrase in phrases:
                # A phrase on two lines means both: merge them rather than let one win.
                merged = self.groups.get(phrase.terms, ()) + phrases
                self.groups[phrase.terms] = tuple(dict.fromkeys(merged))
        self.longest = max((len(terms) for terms in self.groups), default=0)

    def words(self) -> set[str]:
        return {term for terms in self.groups for term in terms if term}


def synonym_table() -> SynonymTable:
    """The current list, read again only when the index's generation moves (every synonym edit
    bumps it, search.signals), so one search inside ``IndexGeneration.pinned()`` asks nothing."""
    return _synonym_table_of(*IndexGeneration.current())


@lru_cache(maxsize=2)
def _synonym_table_of(generation: int, token: str) -> SynonymTable:
    rows = Synonym.objects.order_by("pk").values_list("terms", flat=True)
    return SynonymTable([term.strip() for term in terms.split(",")] for terms in rows)


def build_plan(text: str, synonyms: SynonymTable | None = None) -> TextPlan:
    """The groups for ``text``: synonym phrases matched longest first, then single words."""
    synonyms = synonyms if synonyms is not None else synonym_table()
    typed = words(text)
    terms: list[str | None] = [None if word in STOP_WORDS else stem(word) for word in typed]
    groups: list[tuple[Phrase, ...]] = []
    position = 0
    while position < len(terms):
        if terms[position] is None:
            position += 1
            continue
        for length in range(min(synonyms.longest, len(terms) - position), 0, -1):
            candidate = tuple(terms[position : position + length])
            if candidate[-1] is not None and candidate in synonyms.groups:
                groups.append(synonyms.groups[candidate])
                position += length
                break
        else:
            groups.append((Phrase(typed[position], (terms[position],)),))
            position += 1
    return TextPlan(tuple(dict.fromkeys(groups)), "all", text=" ".join(typed))


# -- did you mean ----------------------------------------------------------------------------


def max_edits(word: str) -> int:
    """Elasticsearch's fuzziness AUTO: none up to two letters, one up to five, then two."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


class Vocabulary:
    """Every word in the index with how many services use it."""

    def __init__(self, frequencies: Counter[str]) -> None:
        self.frequencies = frequencies
        self.stems = {stem(word) for word in frequencies if word not in STOP_WORDS}

    def knows(self, word: str) -> bool:
        return word in self.frequencies or stem(word) in self.stems

    def nearest(self, word: str) -> str | None:
        limit = max_edits(word)
        if not limit:
            return None
        best: tuple[int, int, str] | None = None
        for candidate, frequency in self.frequencies.items():
            if candidate in STOP_WORDS:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance > limit:
                continue
            rank = (distance, -frequency, candidate)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None


def index_vocabulary() -> Vocabulary:
    """The words of the database engine's index, rebuilt only after the index changes (its
    generation, bumped with every write, not any server's clock)."""
    return _vocabulary(*IndexGeneration.current())


@lru_cache(maxsize=2)
def _vocabulary(generation: int, token: str) -> Vocabulary:
    frequencies: Counter[str] = Counter()
    for entry_words in SearchEntry.objects.values_list("words", flat=True).iterator(2000):
        frequencies.update(entry_words.split())
    return Vocabulary(frequencies)


def correct(text: str, vocabulary: Vocabulary, synonyms: SynonymTable) -> str | None:
    """The words with unknown ones replaced by their nearest indexed word, or None if none
    could be corrected."""
    known_synonyms = synonyms.words()
    corrected, changed = [], False
    for word in words(text):
        if word in STOP_WORDS or vocabulary.knows(word) or stem(word) in known_synonyms:
            corrected.append(word)
            continue
        nearest = vocabulary.nearest(word)
        corrected.append(nearest or word)
        changed = changed or nearest is not None
    return " ".join(corrected) if changed else None
