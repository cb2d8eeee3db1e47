"""What a search's words ask for: a place, the needs they name, and the words that must match.

Families write sentences, not keywords: "help with money near me", "my son is being bullied".
``understand`` splits such words three ways:

* **place words** ("near me", "nearby", "local") ask for a place. They are never searched for or
  corrected into other words; the page asks for a postcode when none was given;
* **needs and circumstances** the words name (``search.lexicon``): their services match;
* **the words that decide membership** (``content``): everything else but filler words such as
  "my", "is", "being", "help", "with", "support", "for kids", which match nearly every service
  and so decide nothing. Filler is not corrected either.

Everything here but the lexicon's reading is plain Python with no database, so the query
parser can ask ``has_search_words`` when choosing the default sort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis import STOP_WORDS, words
from .lexicon import Lexicon, Reading

PLACE_PHRASES = (
    "near me",
    "near to me",
    "nearby",
    "near by",
    "close to me",
    "close by",
    "closest",
    "nearest",
    "near my home",
    "near where i live",
    "near my house",
    "around me",
    "around here",
    "in my area",
    "my area",
    "in the area",
    "in my town",
    "local",
    "locally",
    "local to me",
    "round here",
    "round me",
    "round my way",
    "near here",
    "near us",
    "near to us",
    "close to us",
    "close to home",
    "near home",
    "near to home",
    "nr me",
    "nearme",
    "near by me",
    "close by me",
    "nearest to me",
    "closest to me",
    "local to us",
    "locally to me",
    "where i live",
    "where we live",
    "near where we live",
    "close to where i live",
    "near where i am",
    "in this area",
    "this area",
    "local area",
    "my local area",
    "in my local area",
    "in the local area",
    "around my area",
    "near my area",
    "surrounding area",
    "walking distance",
    "within walking distance",
    "on my doorstep",
    "my postcode",
    "in my postcode",
    "near my postcode",
    "in my borough",
    "my borough",
    "in my neighbourhood",
    "my neighbourhood",
    "in my city",
    "in my village",
    "in my county",
    "my town",
)
# Longest first, so "near to me" is taken whole before "near me" could be.
_PLACE_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(p) for p in sorted(PLACE_PHRASES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)

# Words that match nearly every service or none, and so never decide which services match.
FILLER = frozenset(
    {
        # people
        "i",
        "im",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "it",
        "its",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "kids",
        "kid",
        "children",
        "child",
        "childs",
        "family",
        "families",
        "people",
        "person",
        "parent",
        "parents",
        # asking
        "help",
        "helps",
        "helping",
        "helped",
        "support",
        "supports",
        "supporting",
        "service",
        "services",
        "advice",
        "info",
        "information",
        "need",
        "needs",
        "needed",
        "needing",
        "want",
        "wants",
        "wanted",
        "looking",
        "look",
        "find",
        "finding",
        "get",
        "getting",
        "got",
        "please",
        "pls",
        "plz",
        "thanks",
        "hi",
        "hello",
        "urgent",
        "urgently",
        "available",
        "options",
        "option",
        "access",
        "contact",
        "number",
        "phone",
        "free",
        # questions and glue
        "how",
        "what",
        "where",
        "who",
        "when",
        "why",
        "which",
        "whats",
        "wheres",
        "any",
        "some",
        "something",
        "anything",
        "somewhere",
        "anywhere",
        "here",
        "there",
        "about",
        "from",
        "do",
        "does",
        "did",
        "doing",
        "done",
        "can",
        "could",
        "would",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "am",
        "been",
        "being",
        "has",
        "have",
        "had",
        "having",
        "were",
        "so",
        "very",
        "really",
        "just",
        "also",
        "too",
        "much",
        "many",
        "lot",
        "lots",
        "bit",
        "all",
        "yet",
        "still",
        "now",
        "currently",
        "always",
        "keep",
        "keeps",
        "kept",
        "go",
        "going",
        "goes",
        "went",
        "make",
        "makes",
        "making",
        "like",
        "know",
        "dont",
        "doesnt",
        "isnt",
        "cant",
        "wont",
        "didnt",
        "wasnt",
        "arent",
        "havent",
        "hasnt",
        "couldnt",
        "wouldnt",
        "shouldnt",
        "isn",
        "doesn",
        "don",
        "won",
        "didn",
        "wasn",
        "aren",
        "haven",
        "hasn",
        "couldn",
        "wouldn",
        "shouldn",
        "t",
        "s",
        "ve",
        "ll",
        "re",
        "m",
        "d",
        "ok",
        "okay",
        "etc",
        "near",
        "area",
        "around",
    }
)


_WORD_RE = re.compile(r"[^\W_]+")


# Ages the words give ("my 14 year old", "im 17", "a 6 month old", "year 11", "toddler"): a
# hint for ranking services for that age first, never a filter.
_AGE_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    # "14 year old", "14yo", "14 yrs", "14-year-old"
    (re.compile(r"\b(\d{1,2})\s*-?\s*(?:yo|y/o|yrs?|years?)\b"), 0),
    # "i'm 17", "she is 14", "aged 9", "turned 16", "nearly 3"
    (
        re.compile(
            r"\b(?:i'?m|i am|is|he'?s|she'?s|they'?re|aged?|turned|turning|nearly|almost)"
            r"\s+(\d{1,2})\b"
        ),
        0,
    ),
    # "year 11", "yr 6": school years start at 4 to 5
    (re.compile(r"\b(?:year|yr)\s*(\d{1,2})\b"), 5),
)
_MONTHS_OLD = re.compile(r"\b(\d{1,2})\s*-?\s*(?:months?|mths?|mos?|weeks?|wks?)\s*-?\s*old\b")
_AGE_WORDS: dict[str, tuple[int, int]] = {
    "newborn": (0, 0),
    "baby": (0, 1),
    "babies": (0, 1),
    "infant": (0, 1),
    "toddler": (1, 3),
    "toddlers": (1, 3),
    "preschooler": (3, 4),
    "teen": (13, 17),
    "teens": (13, 17),
    "teenager": (13, 17),
    "teenagers": (13, 17),
    "teenage": (13, 17),
    "adolescent": (12, 17),
}
MAX_HINTED_AGE = 25


def age_hint(text: str) -> tuple[int, int] | None:
    """The ages the words speak of, as (youngest, oldest), or None."""
    lowered = text.lower()
    if match := _MONTHS_OLD.search(lowered):
        return (0, 0) if int(match.group(1)) < 12 or "week" in match.group(0) else (1, 2)
    for pattern, offset in _AGE_PATTERNS:
        for match in pattern.finditer(lowered):
            age = int(match.group(1)) + offset
            if age <= MAX_HINTED_AGE:
                return (age, age)
    ranges = [_AGE_WORDS[word] for word in words(lowered) if word in _AGE_WORDS]
    if ranges:
        return (min(low for low, _ in ranges), max(high for _, high in ranges))
    return None


@dataclass(frozen=True)
class Understanding:
    """A search's words, read."""

    # The words that decide membership and rank, as typed (filler and place words removed).
    content: str = ""
    wants_place: bool = False
    reading: Reading = field(default_factory=Reading)
    # The ages the words speak of, for ranking: (youngest, oldest) or None.
    ages: tuple[int, int] | None = None

    @property
    def has_words(self) -> bool:
        return bool(self.content or self.reading.evidence)


def without_place_words(text: str) -> tuple[str, bool]:
    """The words with place phrases taken out, and whether there were any."""
    stripped, count = _PLACE_RE.subn(" ", text)
    return " ".join(stripped.split()), bool(count)


def content_words(text: str) -> list[str]:
    """The index's words of ``text`` that are neither stop words nor filler."""
    return [word for word in words(text) if word not in FILLER and word not in STOP_WORDS]


def has_search_words(q: str) -> bool:
    """Whether the words ask for anything beyond a place: no database needed."""
    return bool(content_words(without_place_words(q)[0]))


def understand(
    q: str, lexicon: Lexicon, corrections: dict[str, str] | None = None
) -> Understanding:
    """Read ``q``: the place it asks for, the terms it names, the words left to match.

    ``corrections`` maps misspelt words to the lexicon's own (see ``Lexicon.correct``); the
    reading uses them, and the content keeps the words as typed for the engines' own
    "did you mean".
    """
    text, wants_place = without_place_words(q)
    read_text = (
        _WORD_RE.sub(lambda match: corrections.get(match.group().lower(), match.group()), text)
        if corrections
        else text
    )
    reading = lexicon.read(read_text)
    return Understanding(" ".join(content_words(text)), wants_place, reading, age_hint(text))
