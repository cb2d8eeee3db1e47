"""Reading Open Referral services from a file or a feed's URL.

A source holds one ``service_full`` object, a JSON array of them, or a page of a paged list
(``{"contents": [...], "page_number": 1, "total_pages": 3, ...}``). Given a URL to a paged list,
the following pages are fetched by setting its ``page`` parameter until the last page.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .json_limits import JSONLimitError, load_json
from .safe_http import FetchError, fetch

MAX_BYTES = 100 * 1024 * 1024  # one response; the largest council feeds are a few MB
MAX_PAGES = 10_000


class SourceError(Exception):
    """The source could not be read as Open Referral services; nothing was imported."""


def is_url(source: str) -> bool:
    """Anything with a scheme is a URL (and only http and https ones are fetched)."""
    return "://" in source and urllib.parse.urlsplit(source).scheme.isalpha()


def load_records(
    source: str, *, on_page: Callable[[int, int], None] | None = None
) -> list[dict[str, Any]]:
    """Every service record in ``source`` (a path or an http(s) URL), in feed order.

    ``on_page(page_number, total_pages)`` is called after each page of a paged list is read.
    """
    if is_url(source):
        return _load_url(source, on_page)
    try:
        with Path(source).open("rb") as file:
            content = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise SourceError(f"Cannot read {source}: {error.strerror or error}.") from error
    if len(content) > MAX_BYTES:
        raise SourceError(f"{source} is larger than {MAX_BYTES // 1024 // 1024} MB.")
    return records_in(parse_json(content, source))


def parse_json(content: bytes, source: str) -> Any:
    try:
        return load_json(content)
    except JSONLimitError as error:
        raise SourceError(f"{source} cannot be read: {error}.") from None


def records_in(document: Any) -> list[dict[str, Any]]:
    """The service records of a parsed document, whichever of the three shapes it has."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        if isinstance(document.get("contents"), list):
            return document["contents"]
        if "id" in document or "name" in document:
            return [document]
    raise SourceError(
        "Expected a service_full object, a JSON array of them, or a paged list with 'contents'."
    )


def _load_url(url: str, on_page: Callable[[int, int], None] | None) -> list[dict[str, Any]]:
    document = _fetch(url)
    records = records_in(document)
    if not _is_paged(document):
        return records
    seen = {int(document.get("page_number") or 1)}
    while not _is_last(document):
        number = int(document.get("page_number") or 1) + 1
        if number in seen or len(seen) >= MAX_PAGES:
            raise SourceError(f"The feed's pages do not end (page {number} again or too many).")
        seen.add(number)
        if on_page:
            on_page(number - 1, int(document.get("total_pages") or 0))
        document = _fetch(_with_page(url, number))
        if not _is_paged(document):
            raise SourceError(f"Page {number} of {url} is not a page of a paged list.")
        records.extend(records_in(document))
    if on_page:
        on_page(int(document.get("page_number") or 1), int(document.get("total_pages") or 0))
    return records


def _is_paged(document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("contents"), list)


def _is_last(document: dict[str, Any]) -> bool:
    if document.get("last_page") is True or not document["contents"]:
        return True
    number, total = document.get("page_number"), document.get("total_pages")
    if isinstance(number, int) and isinstance(total, int):
        return number >= total
    return True  # a page that does not say where it is: nothing more to follow


def _with_page(url: str, number: int) -> str:
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "page"]
    query.append(("page", str(number)))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _fetch(url: str) -> Any:
    try:
        response = fetch(url, max_bytes=MAX_BYTES)
    except FetchError as error:
        raise SourceError(str(error)) from None
    return parse_json(response.body, url)
