"""Parse JSON from outside (an uploaded file, a feed) within limits checked before parsing.

Python's parser recurses once per level of nesting and turns every digit string into an int,
so 100,000 nested brackets raise RecursionError and a 5,000-digit number ValueError, both deep
inside the parser. Here the raw bytes are scanned first, in linear time: strings are cut out
(so brackets and digits inside them do not count), then the nesting depth and the longest number
are measured. Anything over the limits is refused with a message that says what and where;
numbers that would still overflow (``1e999``) and ``NaN``/``Infinity`` are refused while parsing.
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

# An Open Referral service_full is about 6 levels deep, a page of a paged list 8.
MAX_DEPTH = 32
# Ages, amounts and coordinates: a latitude with 15 decimals is 19 characters.
MAX_NUMBER_CHARS = 40

# A string from its opening quote to its closing one (or the end of an unterminated one).
# Possessive, so a match never backtracks and the whole scan stays linear.
_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]++")
_LONG_NUMBER = re.compile(rb"[-+0-9.eE]{%d,}" % (MAX_NUMBER_CHARS + 1))
# Openers count +1 and closers -1 in the running depth.
_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\x00\x00")


class JSONLimitError(ValueError):
    """The document is not JSON, or breaks a limit; the message says which, for people."""


def check_limits(content: bytes, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse nesting deeper than ``max_depth`` and numbers longer than MAX_NUMBER_CHARS."""
    structure = _STRING.sub(b'""', content)
    number = _LONG_NUMBER.search(structure)
    if number:
        raise JSONLimitError(
            f"it has a number {len(number.group()):,} characters long; the most is "
            f"{MAX_NUMBER_CHARS}"
        )
    brackets = _NOT_BRACKET.sub(b"", structure)
    if len(brackets) <= max_depth:
        return
    # depth after n brackets = openers - closers = 2 * openers - n
    openers = accumulate(brackets.translate(_STEP))
    depth = max(2 * count - position for position, count in enumerate(openers, start=1))
    if depth > max_depth:
        raise JSONLimitError(
            f"it is nested {depth:,} levels deep; the most an Open Referral feed needs is "
            f"{max_depth}"
        )


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONLimitError(f"the number {text[:20]} is too large")
    return value


def _constant(name: str) -> Any:
    raise JSONLimitError(f"{name} is not a number JSON allows")


def load_json(content: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """The parsed document; raises JSONLimitError (never RecursionError or ValueError from the
    parser itself) for anything that is not JSON within the limits."""
    check_limits(content, max_depth=max_depth)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JSONLimitError(f"it is not UTF-8 text (at byte {error.start:,})") from None
    try:
        return json.loads(text, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise JSONLimitError(
            f"it is not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
