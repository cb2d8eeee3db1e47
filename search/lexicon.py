"""Which needs and circumstances a family's own words name.

Each need and circumstance carries "words families use" (``search_words``, edited in the admin;
defaults in ``directory.vocabulary_words``). Together with the terms' names and the synonym
list they make a ``Lexicon``: phrases in a normal form, each naming one or more terms.
``Lexicon.read`` finds the phrases in a search's words and says which terms they name, most
strongly named first. Both engines then treat those terms' services as matches and rank them
first, so the same words name the same needs whichever engine answers.

The normal form (``normal_tokens``), used for phrases and for the words searched alike:

* lowercase; "isn't", "doesn't", "won't", "cant" become "... not";
* "a", "an", "the" and possessives ("my", "our", "his"…) are skipped;
* every word is stemmed as the index stems it ("bullied" and "bullying" meet);
* ``{parent}``, ``{child}``, ``{sibling}`` and ``{someone}`` in a phrase stand for family words.

A phrase matches words in the same order, allowing one extra word between two of its words
("not really talking"). Where one match lies inside a longer one ("abuse" in "domestic
abuse"), only the longer counts. A family member or age word alone ("dad", "toddler") is weak:
it names a need only when nothing else in the words does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import BooleanField, ExpressionWrapper, Q, Value

from .analysis import stem
from .models import IndexGeneration, Synonym
from .text_query import CIRCUMSTANCE, NEED, edit_distance, max_edits

# Words that carry no meaning of their own in a phrase.
SKIPPED = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their"})

_CONTRACTIONS = (
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bshan'?t\b"), "shall not"),
    (
        re.compile(
            r"\b(is|are|was|were|do|does|did|has|have|had|could|would|should|must|need)n'?t\b"
        ),
        r"\1 not",
    ),
    (re.compile(r"'(s|re|ve|ll|d|m)\b"), ""),
)
_TOKEN = re.compile(r"\{[a-z]+\}|[^\W_]+")
_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]+\b")

FAMILY_WORDS: dict[str, tuple[str, ...]] = {
    "parent": (
        "mum",
        "mummy",
        "mam",
        "mom",
        "mother",
        "dad",
        "daddy",
        "father",
        "parent",
        "parents",
        "partner",
        "husband",
        "wife",
        "boyfriend",
        "girlfriend",
        "ex",
        "stepdad",
        "stepmum",
        "carer",
        "bf",
        "gf",
        "boyf",
        "dh",
        "dp",
        "xh",
        "exh",
        "hubby",
        "missus",
        "wifey",
        "spouse",
        "fiance",
        "fiancee",
        "fella",
        "bae",
        "exhusband",
        "exwife",
        "expartner",
        "exboyfriend",
        "exgirlfriend",
        "babyfather",
        "babydad",
        "babymum",
        "babymother",
        "ma",
        "mammy",
        "mommy",
        "momma",
        "mumma",
        "papa",
        "stepfather",
        "stepmother",
        "stepmom",
        "stepparent",
        "stepparents",
    ),
    "child": (
        "son",
        "daughter",
        "child",
        "children",
        "kid",
        "kids",
        "boy",
        "girl",
        "baby",
        "toddler",
        "teenager",
        "teen",
        "stepson",
        "stepdaughter",
        "grandson",
        "granddaughter",
        "grandchild",
        "grandchildren",
        "dd",
        "ds",
        "dc",
        "dcs",
        "lo",
        "kiddo",
        "kiddos",
        "kiddie",
        "kiddies",
        "bairn",
        "bairns",
        "youngster",
        "youngsters",
        "newborn",
        "newborns",
        "infant",
        "infants",
        "tot",
        "tots",
        "tween",
        "tweens",
        "preteen",
        "bubba",
        "lad",
        "lass",
        "grandkid",
        "grandkids",
        "grandbaby",
        "grandbabies",
        "stepchild",
        "stepchildren",
        "stepkid",
        "stepkids",
        "yp",
        "cyp",
        "daugther",
        "childen",
    ),
    "sibling": (
        "brother",
        "sister",
        "sibling",
        "siblings",
        "twin",
        "bro",
        "sis",
        "bros",
        "sibs",
        "stepbrother",
        "stepsister",
        "stepsibling",
        "halfbrother",
        "halfsister",
    ),
    "relative": (
        "nan",
        "nana",
        "nanna",
        "gran",
        "granny",
        "grandma",
        "grandmother",
        "grandad",
        "grandpa",
        "grandfather",
        "grandparent",
        "grandparents",
        "aunt",
        "auntie",
        "uncle",
        "cousin",
        "niece",
        "nephew",
        "friend",
        "family",
        "nannan",
        "nanan",
        "grandmum",
        "grandmom",
        "granma",
        "grandmama",
        "grandpapa",
        "grampa",
        "gramps",
        "grampy",
        "grandpop",
        "godmother",
        "godfather",
        "godparent",
        "godparents",
        "inlaw",
        "inlaws",
        "mil",
        "fil",
        "bestie",
        "bff",
        "mate",
        "mates",
        "pal",
        "cuz",
        "relative",
        "relatives",
    ),
}
# Placeholder -> the stems it stands for. {someone} is any family word.
_PLACEHOLDERS: dict[str, frozenset[str]] = {
    name: frozenset(stem(word) for word in words) for name, words in FAMILY_WORDS.items()
}
_PLACEHOLDERS["someone"] = frozenset().union(*_PLACEHOLDERS.values())
# Family and age words: weak on their own.
WEAK_STEMS = _PLACEHOLDERS["someone"] | {stem(word) for word in ("teens", "babies", "toddlers")}

# At most this many words may sit between two words of a phrase.
MAX_GAP = 1
MAX_PHRASE_TOKENS = 8
# Words that add nothing to how specific a phrase is ("can not afford" is as specific as
# "afford"); every other word of a phrase adds to the weight of what it names.
_FUNCTION_STEMS = frozenset(
    stem(word)
    for word in (
        *("not", "no", "can", "will", "do", "does", "is", "are", "be", "been", "have", "has"),
        *("had", "to", "of", "at", "in", "on", "for", "with", "and", "or", "i", "me", "you"),
        *("it", "up", "out", "from", "by", "so", "as"),
    )
)
# How much each word of a phrase beyond the first adds to its weight.
WORD_WEIGHT = 0.25
# Shorter words are too common to suggest a need by.
MIN_RELATED_LENGTH = 4
# Misspellings are corrected only in words this long, to a word with the same first letter.
MIN_CORRECTED_LENGTH = 5


def normal_words(text: str) -> list[str]:
    """Lowercased words with contractions opened and skipped words dropped (not stemmed)."""
    text = text.lower().replace("\u2019", "'").replace("`", "'")
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return [word for word in _TOKEN.findall(text) if word not in SKIPPED]


def normal_tokens(text: str, *, phrase: bool = False) -> tuple[str, ...]:
    """The normal form of ``text``: stems, with placeholders kept as ``{name}``.

    In a ``phrase``, a word written in capitals ("SEND", "NOS") is an abbreviation: it matches
    that word exactly, as ``=word``, never another word that stems the same ("sending", "no").
    """
    capitals = {word.lower() for word in _CAPITALS.findall(text)} if phrase else set()
    return tuple(
        word if word.startswith("{") else f"={word}" if word in capitals else stem(word)
        for word in normal_words(text)
    )


@dataclass(frozen=True)
class Term:
    kind: str  # NEED or CIRCUMSTANCE
    slug: str
    name: str


@dataclass(frozen=True)
class Evidence:
    """One phrase found in the words, and the terms it names (usually one; a phrase on two
    terms' lists names both, as "drugs" names parents' and young people's drug use)."""

    terms: frozenset[Term]
    # More specific (longer) phrases weigh more.
    weight: float


@dataclass(frozen=True)
class NamedTerm:
    term: Term
    # The summed weight of the phrases that named it: higher is a stronger reading.
    weight: float


@dataclass(frozen=True)
class Reading:
    """What the lexicon found in some words."""

    evidence: tuple[Evidence, ...] = ()
    # Stems of the words the evidence was found in (what the search log may keep of them).
    used_stems: frozenset[str] = frozenset()

    @property
    def named(self) -> tuple[NamedTerm, ...]:
        """Every term named, strongest first (needs before circumstances on a tie)."""
        weights: dict[Term, float] = defaultdict(float)
        for found in self.evidence:
            for term in found.terms:
                weights[term] += found.weight
        return tuple(
            sorted(
                (NamedTerm(term, weight) for term, weight in weights.items()),
                key=lambda named: (-named.weight, named.term.kind != NEED, named.term.name),
            )
        )

    @property
    def needs(self) -> tuple[NamedTerm, ...]:
        return tuple(named for named in self.named if named.term.kind == NEED)

    @property
    def circumstances(self) -> tuple[NamedTerm, ...]:
        return tuple(named for named in self.named if named.term.kind == CIRCUMSTANCE)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int  # inclusive
    phrase: tuple[str, ...]
    terms: frozenset[Term]
    weak: bool


class Lexicon:
    """Phrases in normal form, each naming the terms that list it."""

    def __init__(self, entries: Iterable[tuple[Term, Iterable[str]]]) -> None:
        self.phrases: dict[tuple[str, ...], set[Term]] = defaultdict(set)
        self.surface_words: set[str] = set()
        for term, phrases in entries:
            for phrase in phrases:
                tokens = normal_tokens(phrase, phrase=True)
                if not tokens or len(tokens) > MAX_PHRASE_TOKENS:
                    continue
                if all(token.startswith("{") for token in tokens):
                    continue  # "{someone}" alone would name the term for every family word
                self.phrases[tokens].add(term)
                self.surface_words.update(w for w in normal_words(phrase) if w.isalpha())
        self.stems = {stem(word) for word in self.surface_words}
        # Phrases by the tokens their first word can match.
        self._by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for tokens in self.phrases:
            for first in _expand(tokens[0]):
                self._by_first[first].append(tokens)

    def read(self, text: str) -> Reading:
        """The phrases found in ``text`` and the terms they name."""
        words = normal_words(text)
        matches = self._matches(words)
        strong = [match for match in matches if not match.weak]
        kept = _most_specific(strong or matches)
        return Reading(
            tuple(Evidence(frozenset(match.terms), _weight(match.phrase)) for match in kept),
            frozenset(
                stem(words[position])
                for match in kept
                for position in range(match.start, match.end + 1)
            ),
        )

    def related(self, text: str) -> list[tuple[Term, float]]:
        """Terms whose phrases share words with ``text`` though none matched whole, most
        shared first: the closest needs to suggest when a search found nothing."""
        wanted = {
            stem(word)
            for word in normal_words(text)
            if len(word) >= MIN_RELATED_LENGTH and stem(word) not in _FUNCTION_STEMS
        }
        scores: dict[Term, float] = defaultdict(float)
        for tokens, terms in self.phrases.items():
            shared = wanted.intersection(tokens)
            for term in terms if shared else ():
                scores[term] += len(shared) / len(tokens)
        return sorted(scores.items(), key=lambda item: (-item[1], item[0].name))

    def correct(self, word: str) -> str | None:
        """The lexicon's word nearest a misspelt one ("bulied" -> "bullied"), or None.

        Only long enough words, only to a word with the same first letter, and never a word
        the lexicon knows in another form ("failed" for "fail")."""
        if len(word) < MIN_CORRECTED_LENGTH or word in self.surface_words:
            return None
        if stem(word) in self.stems:
            return None
        limit = max_edits(word)
        best: tuple[int, str] | None = None
        for candidate in self.surface_words:
            if candidate[0] != word[0] or abs(len(candidate) - len(word)) > limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit and (best is None or (distance, candidate) < best):
                best = (distance, candidate)
        return best[1] if best else None

    def _matches(self, words: list[str]) -> list[_Match]:
        tokens = [(word, stem(word)) for word in words]
        found = []
        for start, (word, token) in enumerate(tokens):
            for phrase in {*self._by_first.get(token, ()), *self._by_first.get(f"={word}", ())}:
                end = _match_at(phrase, tokens, start)
                if end is not None:
                    weak = len(phrase) == 1 and token in WEAK_STEMS
                    found.append(_Match(start, end, phrase, frozenset(self.phrases[phrase]), weak))
        return found


def _weight(phrase: tuple[str, ...]) -> float:
    specific = sum(1 for token in phrase if token not in _FUNCTION_STEMS)
    return 1 + WORD_WEIGHT * max(0, specific - 1)


def _expand(token: str) -> Iterable[str]:
    if token.startswith("{"):
        return _PLACEHOLDERS.get(token[1:-1], frozenset())
    return (token,)


def _fits(phrase_token: str, word: str, token: str) -> bool:
    if phrase_token.startswith("{"):
        return token in _PLACEHOLDERS.get(phrase_token[1:-1], frozenset())
    if phrase_token.startswith("="):
        return phrase_token[1:] == word
    return phrase_token == token


def _match_at(phrase: tuple[str, ...], tokens: list[tuple[str, str]], start: int) -> int | None:
    """The index of the last word matched when ``phrase`` starts at ``start``, or None."""
    position = start
    for phrase_token in phrase[1:]:
        for step in range(1, MAX_GAP + 2):
            candidate = position + step
            if candidate < len(tokens) and _fits(phrase_token, *tokens[candidate]):
                position = candidate
                break
        else:
            return None
    return position


def _most_specific(matches: list[_Match]) -> list[_Match]:
    """Drop matches whose words all lie within a match of a longer phrase ("abuse" within
    "domestic abuse"), and repeats of a phrase already found."""
    kept, seen = [], set()
    for match in matches:
        if match.phrase in seen:
            continue
        if any(
            len(other.phrase) > len(match.phrase)
            and other.start <= match.start
            and match.end <= other.end
            for other in matches
        ):
            continue
        seen.add(match.phrase)
        kept.append(match)
    return kept


# -- the current lexicon ----------------------------------------------------------------------


def current_lexicon() -> Lexicon:
    """The lexicon for the vocabularies and synonyms as they are now. Rebuilt only when the
    index's generation moves, which every edit of a need, circumstance or synonym bumps
    (search.signals), so an edit applies to the next search in every process."""
    return _lexicon_of(*IndexGeneration.current())


@lru_cache(maxsize=2)
def _lexicon_of(generation: int, token: str) -> Lexicon:
    from directory.models import Circumstance, Need

    is_category = ExpressionWrapper(Q(parent__isnull=True), output_field=BooleanField())
    needs = tuple(
        Need.objects.order_by("pk").values_list("slug", "name", "search_words", is_category)
    )
    circumstances = tuple(
        Circumstance.objects.order_by("pk").values_list(
            "slug", "name", "search_words", Value(False, output_field=BooleanField())
        )
    )
    synonyms = tuple(Synonym.objects.order_by("pk").values_list("terms", flat=True))
    return _build(needs, circumstances, synonyms)


@lru_cache(maxsize=4)
def _build(
    needs: tuple[tuple[str, str, str, bool], ...],
    circumstances: tuple[tuple[str, str, str, bool], ...],
    synonyms: tuple[str, ...],
) -> Lexicon:
    """Rows are (slug, name, words families use, is a category)."""
    entries: list[tuple[Term, list[str]]] = []
    for kind, rows in ((NEED, needs), (CIRCUMSTANCE, circumstances)):
        for slug, name, search_words, category in rows:
            # A term with no words of its own yet is named by the parts of its name; not a
            # category, whose parts ("Health", "Money, work and housing") are too broad.
            phrases = split_words(search_words) or ([] if category else name_parts(name))
            entries.append((Term(kind, slug, name), [name, *phrases]))
    # A synonym line sharing a phrase with a term's list names that term by every phrase on it:
    # "DV, domestic abuse" makes "DV" name domestic abuse.
    by_phrase: dict[tuple[str, ...], list[Term]] = defaultdict(list)
    for term, phrases in entries:
        for phrase in phrases:
            by_phrase[normal_tokens(phrase)].append(term)
    for line in synonyms:
        phrases = [phrase.strip() for phrase in line.split(",") if phrase.strip()]
        terms = {term for phrase in phrases for term in by_phrase.get(normal_tokens(phrase), ())}
        entries.extend((term, phrases) for term in terms)
    return Lexicon(entries)


# "Autism and ADHD" names two things; "Exploitation (criminal and sexual)" one, qualified.
_NAME_JOINS = re.compile(r",|\band\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\(([^()]*)\)")


def name_parts(name: str) -> list[str]:
    """The phrases a term's name joins with commas or "and" ("mental health" in "Emotional
    wellbeing and mental health"), and a one-word aside in brackets ("SEND"); a longer aside
    only qualifies the name and is left out."""
    asides = [inner for inner in _BRACKETS.findall(name) if len(inner.split()) == 1]
    plain = _BRACKETS.sub(" ", name)
    parts = [part.strip() for part in _NAME_JOINS.split(plain)]
    return list(dict.fromkeys(part for part in [*parts, *asides] if part))


def split_words(value: str) -> list[str]:
    """A term's "words families use" as stored: one phrase a line (commas also separate)."""
    return [phrase.strip() for phrase in re.split(r"[\n,;]", value or "") if phrase.strip()]
