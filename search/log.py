"""The anonymous search log, read by the demand and zero-result reports.

What is kept is what ``SearchQuery.log_params`` allows (postcode cut to its district,
coordinates rounded to about a kilometre) and the words with anything that could identify
someone taken out: email addresses, phone and other long numbers, and full postcodes.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from django.db import DatabaseError

from directory.geocoding import outward_code

from .models import SearchLog

if TYPE_CHECKING:
    from .service import SearchOutcome

logger = logging.getLogger(__name__)

MAX_LOGGED_WORDS = 100
_EMAIL_RE = re.compile(r"\S+@\S+")
# Five or more digits, allowing the spaces, dashes and brackets of phone numbers.
_LONG_NUMBER_RE = re.compile(r"\+?\(?\d[\d\s()-]{3,}\d")


def anonymise_words(text: str) -> str:
    """The words with emails and long numbers removed (postcodes are cut by the query)."""
    text = _EMAIL_RE.sub("[email]", text)
    text = _LONG_NUMBER_RE.sub(
        lambda match: (
            "[number]" if sum(ch.isdigit() for ch in match.group()) >= 5 else match.group()
        ),
        text,
    )
    return " ".join(text.split())[:MAX_LOGGED_WORDS]


def record_search(outcome: SearchOutcome, *, api: bool = False) -> None:
    """Write one log row. A failure to log never fails the search."""
    query = outcome.query
    params = query.log_params()
    words = anonymise_words(params.pop("q", ""))
    try:
        SearchLog.objects.create(
            q=words,
            postcode_district=outward_code(query.postcode) if query.postcode else "",
            needs=list(query.needs),
            params=params,
            result_count=outcome.results.count,
            match=outcome.match,
            engine=outcome.engine,
            fell_back=outcome.fell_back,
            duration_ms=outcome.duration_ms,
            api=api,
        )
    except DatabaseError:
        logger.exception("Could not write the search log")
