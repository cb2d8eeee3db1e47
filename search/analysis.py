"""Text analysis shared by both engines: the same words become the same terms everywhere.

The Elasticsearch/OpenSearch index is built with an analyzer made from the constants here
(``elasticsearch_analysis``), and the database engine runs ``analyse`` in Python. Both split on
anything that is not a letter or digit, lowercase, drop English stop words (leaving a gap, so
phrases keep their shape) and apply Lucene's Porter stemmer. nltk's ``PorterStemmer`` in
Martin Porter's extended mode gives Lucene's ``porter_stem`` output word for word (checked on
91,000 distinct words against a real node; ``tests/test_search_engine_parity.py`` keeps
checking), so "toddlers" and "toddler" meet at "toddler" on either engine.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Lucene's English stop words (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), written out so the index
# and Python use one list.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)
# Java's [^\p{L}\p{N}]+ for the index's pattern tokenizer; Python's [\W_]+ splits the same way.
TOKEN_SEPARATOR_JAVA = r"[^\p{L}\p{N}]+"
_TOKEN_SEPARATOR = re.compile(r"[\W_]+")

# In stored analysed text: a removed stop word (keeps phrase positions) and a field boundary
# (phrases never cross fields, as Elasticsearch's position_increment_gap ensures).
GAP = "."
FIELD_BREAK = "|"

# Longer terms (a pasted code, say) are not kept as the database engine's term rows; a phrase
# holding one is matched against the stored text instead (search.engines.text_index).
MAX_INDEXED_TERM_LENGTH = 64

ANALYZER = "directory_english"
AUTOCOMPLETE_ANALYZER = "directory_autocomplete"
AUTOCOMPLETE_SEARCH_ANALYZER = "directory_autocomplete_search"


@lru_cache(maxsize=1)
def _stemmer():
    # Imported lazily: nltk takes a quarter of a second to import and most requests never stem.
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Lucene's porter_stem of one lowercased word."""
    return _stemmer().stem(word, to_lowercase=False)


def words(text: str) -> list[str]:
    """The lowercased words of ``text``, as the index's tokenizer and lowercase filter see them."""
    return [word for word in _TOKEN_SEPARATOR.split(text.lower()) if word]


def analyse(text: str) -> list[str | None]:
    """Terms in order, with None where a stop word was, trimmed of leading and trailing gaps.

    Trimming matches how a phrase query treats stop words at its ends: "of teens" is "teen".
    """
    terms: list[str | None] = [None if word in STOP_WORDS else stem(word) for word in words(text)]
    while terms and terms[0] is None:
        terms.pop(0)
    while terms and terms[-1] is None:
        terms.pop()
    return terms


def phrase_key(terms: list[str | None]) -> str:
    """Analysed terms as they are stored for the database engine: space separated, gaps kept."""
    return " ".join(GAP if term is None else term for term in terms)


def analysed_fields(values: list[str]) -> str:
    """Several field values as one stored string, padded so every term has a space each side.

    ``" toddler group | plai session "``: a term or phrase is found with ``LIKE '% term %'``.
    """
    parts = [phrase_key(analyse(value)) for value in values if value]
    parts = [part for part in parts if part]
    return f" {f' {FIELD_BREAK} '.join(parts)} " if parts else ""


def stored_terms(analysed: str) -> set[str]:
    """The distinct terms of stored analysed text (or of a phrase's key), without its gaps and
    field breaks."""
    return {term for term in analysed.split() if term not in (GAP, FIELD_BREAK)}


def elasticsearch_analysis() -> dict:
    """Analysis settings for the index: the same pipeline as ``analyse``, plus as-you-type."""
    return {
        "tokenizer": {
            "directory_words": {"type": "pattern", "pattern": TOKEN_SEPARATOR_JAVA},
            "directory_edge": {
                "type": "edge_ngram",
                "min_gram": 1,
                "max_gram": 20,
                "token_chars": ["letter", "digit"],
            },
        },
        "filter": {
            "directory_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
        },
        "analyzer": {
            ANALYZER: {
                "type": "custom",
                "tokenizer": "directory_words",
                "filter": ["lowercase", "directory_stop", "porter_stem"],
            },
            AUTOCOMPLETE_ANALYZER: {
                "type": "custom",
                "tokenizer": "directory_edge",
                "filter": ["lowercase"],
            },
            AUTOCOMPLETE_SEARCH_ANALYZER: {
                "type": "custom",
                "tokenizer": "directory_words",
                "filter": ["lowercase"],
            },
        },
        "normalizer": {"directory_sort": {"type": "custom", "filter": ["lowercase"]}},
    }
