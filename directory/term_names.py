"""Finding vocabulary terms by the names people type, whatever characters the names hold.

Term names may contain commas, semicolons, quotes, brackets, ampersands and any script
("Speech, language and communication"), so a list of them cannot simply be split at a
separator. Two spellings are the same term when they differ only in case (in any script), in
runs of spaces, or in the spaces around a comma or semicolon.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

Term = TypeVar("Term")

# The characters that separate the names in a list cell.
LIST_SEPARATORS = ",;\n"
_SEPARATOR = re.compile(r"[ \t]*([,;\n])[ \t]*")
_SPACES = re.compile(r"[^\S\n]+")


def term_key(name: str) -> str:
    """What every spelling of one term name has in common. A separator at either end stays:
    "Young carers;" is not "Young carers"."""
    spaced = _SPACES.sub(" ", name.replace("\r\n", "\n")).strip(" ")
    return _SEPARATOR.sub(r"\1", spaced).casefold()


def split_term_list(cell: str, terms: Mapping[str, Term]) -> tuple[list[Term], list[str]]:
    """The terms named in a list cell, in order and without repeats, and the names that are
    not terms. ``terms`` maps ``term_key`` of each accepted name (and slug) to its term.

    Names are separated by semicolons, commas or line breaks; where the text between
    separators is only part of a longer term's name ("Speech" in "Speech, language and
    communication"), the longest run of pieces that names a term is taken.
    """
    pieces = _SEPARATOR.split(cell.strip())
    names, separators = pieces[0::2], pieces[1::2]
    longest = 1 + max((sum(key.count(s) for s in LIST_SEPARATORS) for key in terms), default=0)
    found: list[Term] = []
    unknown: list[str] = []
    start = 0
    while start < len(names):
        for end in range(min(len(names), start + longest), start, -1):
            between = [*separators[start : end - 1], ""]
            joined = "".join(
                name + separator for name, separator in zip(names[start:end], between, strict=True)
            )
            term = terms.get(term_key(joined))
            if term is not None:
                if term not in found:
                    found.append(term)
                start = end
                break
        else:
            name = names[start].strip()
            if name and name not in unknown:
                unknown.append(name)
            start += 1
    return found, unknown


def find_term(model: Any, name: str) -> Any:
    """The term of ``model`` called ``name`` (as ``term_key`` compares names), or None."""
    name = name.strip()
    found = model._default_manager.filter(name__iexact=name).first()
    if found is not None:
        return found
    # The database's case-insensitive match may be ASCII-only (SQLite) and knows nothing of
    # spacing; vocabularies are small enough to compare in Python.
    key = term_key(name)
    return next((term for term in model._default_manager.all() if term_key(term.name) == key), None)
