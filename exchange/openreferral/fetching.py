"""Reading Open Referral services from a file or a feed's URL.

A source holds one service record, a JSON array of them, or a page of a paged list
(``{"contents": [...], "page_number": 1, "total_pages": 3, ...}``). Given a URL to a paged list,
the following pages are fetched by setting its ``page`` parameter until the last page.

A list's items usually carry only a service's one-to-one fields (``/services`` in both ORUK v1
and v3); its locations, contacts, schedules and terms are at ``/services/{id}``. When a list
from a URL ending in ``/services`` has items without them, each item's ``/services/{id}`` is
fetched, ``IMPORT_FETCH_CONCURRENCY`` at a time over as many connections kept open. Every
request is retried, with growing pauses (or the ``Retry-After`` the server asks for), when the
server answers 429 or 5xx or drops the connection; a detail that still cannot be fetched leaves
the list item as it was, with a note.
All requests go through ``safe_http`` (http(s) only, no private addresses, deadlines).

``open_feed`` fetches the list; ``Feed.stream`` then gives the records in order as their details
come, so an import can write the first services while the later ones are still being fetched.
``load_feed`` does both, for the whole feed at once.
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from .json_limits import JSONLimitError, load_json
from .safe_http import Connections, FetchError, fetch

MAX_BYTES = 100 * 1024 * 1024  # one response; the largest council feeds are a few MB
MAX_PAGES = 10_000
ATTEMPTS = 4
LONGEST_PAUSE = 30.0
# Keys a full record has and a list item does not (v3 and v1 names).
DETAIL_KEYS = {
    "service_at_locations", "contacts", "schedules", "regular_schedules", "attributes",
    "service_taxonomys", "cost_options", "languages", "service_areas", "eligibilitys",
}  # fmt: skip

Progress = Callable[[int, int], Any]


class SourceError(Exception):
    """The source could not be read as Open Referral services; nothing was imported."""


@dataclass
class Feed:
    # The records; until ``stream`` has been read to the end, a paged list's items may still
    # lack their details.
    records: list[Any]
    notes: dict[int, str] = field(default_factory=dict)  # record position -> what went wrong
    pages: int = 0
    details: int = 0  # /services/{id} fetched
    requests: int = 0
    retries: int = 0
    fetcher: _Fetcher | None = field(default=None, repr=False)  # the details still to fetch

    def stream(self) -> Iterator[Any]:
        """Every record in feed order, each with its details (fetched ahead of the reader,
        ``IMPORT_FETCH_CONCURRENCY`` at a time). ``notes`` and ``details`` are complete once it
        has been read to the end."""
        if self.fetcher is None:
            yield from self.records
            return
        fetcher, self.fetcher = self.fetcher, None
        yield from fetcher.details()


def is_url(source: str) -> bool:
    """Anything with a scheme is a URL (and only http and https ones are fetched)."""
    return "://" in source and urllib.parse.urlsplit(source).scheme.isalpha()


def load_records(source: str, *, on_page: Progress | None = None) -> list[Any]:
    """Every service record in ``source`` (a path or an http(s) URL), in feed order."""
    return load_feed(source, on_page=on_page).records


def load_feed(
    source: str, *, on_page: Progress | None = None, on_detail: Progress | None = None
) -> Feed:
    """The records of ``source`` and what happened fetching them. ``on_page(number, total)``
    is called after each page of a paged list, ``on_detail(done, total)`` as details come."""
    feed = open_feed(source, on_page=on_page, on_detail=on_detail)
    for _record in feed.stream():
        pass
    return feed


def open_feed(
    source: str, *, on_page: Progress | None = None, on_detail: Progress | None = None
) -> Feed:
    """``source``'s records as its list gives them; their details come with ``Feed.stream``."""
    if is_url(source):
        return _Fetcher(on_page, on_detail).load(source)
    try:
        with Path(source).open("rb") as file:
            content = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise SourceError(f"Cannot read {source}: {error.strerror or error}.") from error
    if len(content) > MAX_BYTES:
        raise SourceError(f"{source} is larger than {MAX_BYTES // 1024 // 1024} MB.")
    return Feed(records_in(parse_json(content, source)))


def parse_json(content: bytes, source: str) -> Any:
    try:
        return load_json(content)
    except JSONLimitError as error:
        raise SourceError(f"{source} cannot be read: {error}.") from None


def records_in(document: Any) -> list[Any]:
    """The service records of a parsed document, whichever of the three shapes it has."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in ("contents", "content"):  # v3, and the v1 list ("content")
            if isinstance(document.get(key), list):
                return document[key]
        if "id" in document or "name" in document:
            return [document]
    raise SourceError(
        "Expected a service record, a JSON array of them, or a paged list with 'contents'."
    )


def _is_paged(document: Any) -> bool:
    return isinstance(document, dict) and any(
        isinstance(document.get(key), list) for key in ("contents", "content")
    )


def _page_number(document: dict[str, Any]) -> int:
    number = document.get("page_number", document.get("number"))
    return number if isinstance(number, int) else 1


def _total_pages(document: dict[str, Any]) -> int:
    total = document.get("total_pages", document.get("totalPages"))
    return total if isinstance(total, int) else 0


def _is_last(document: dict[str, Any]) -> bool:
    if document.get("last_page") is True or document.get("last") is True:
        return True
    if not records_in(document):
        return True
    number, total = _page_number(document), document.get("total_pages", document.get("totalPages"))
    if isinstance(total, int):
        # v1 (Spring) numbers pages from 0, v3 from 1.
        return (
            number + (1 if "number" in document and "page_number" not in document else 0) >= total
        )
    return True  # a page that does not say where it is: nothing more to follow


def _with_page(url: str, number: int) -> str:
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "page"]
    query.append(("page", str(number)))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _detail_url(list_url: str, service_id: str) -> str | None:
    parts = urllib.parse.urlsplit(list_url)
    path = parts.path.rstrip("/")
    if not path.endswith("/services"):
        return None
    quoted = urllib.parse.quote(service_id, safe="")
    return urllib.parse.urlunsplit(parts._replace(path=f"{path}/{quoted}", query=""))


class _Fetcher:
    def __init__(self, on_page: Progress | None, on_detail: Progress | None) -> None:
        self.on_page = on_page
        self.on_detail = on_detail
        self.feed = Feed([])
        self.list_url = ""
        self.done = 0  # details fetched or given up
        self.connections: Connections | None = None  # kept open while a part is fetched

    def load(self, url: str) -> Feed:
        with Connections(keep=1) as self.connections:
            document = self.get(url)
            records = list(records_in(document))
            self.feed.pages = 1
            if _is_paged(document):
                records += self._following_pages(url, document)
        self.feed.records = records
        self.list_url = url
        self.feed.fetcher = self
        return self.feed

    def get(self, url: str) -> Any:
        """The parsed answer, retried with growing pauses when the server asks for it."""
        for attempt in range(ATTEMPTS):
            self.feed.requests += 1
            try:
                answer = fetch(url, max_bytes=MAX_BYTES, connections=self.connections)
                return parse_json(answer.body, url)
            except FetchError as error:
                if not error.retryable or attempt == ATTEMPTS - 1:
                    raise SourceError(str(error)) from None
                self.feed.retries += 1
                pause = max(error.retry_after, 0.5 * 2**attempt)
                time.sleep(min(pause, LONGEST_PAUSE))
        raise AssertionError("unreachable")

    def _following_pages(self, url: str, document: dict[str, Any]) -> list[Any]:
        records: list[Any] = []
        seen = {_page_number(document)}
        # The page asked for less the page the answer says it is: v1 lists number pages from
        # 0 while their ``page`` parameter may start at 1.
        asked = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)).get("page", "1")
        offset = (int(asked) if asked.isdigit() else 1) - _page_number(document)
        if self.on_page:
            self.on_page(1, _total_pages(document))
        while not _is_last(document):
            number = _page_number(document) + 1
            if number in seen or len(seen) >= MAX_PAGES:
                raise SourceError(f"The feed's pages do not end (page {number} again or too many).")
            seen.add(number)
            document = self.get(_with_page(url, number + offset))
            if not _is_paged(document):
                raise SourceError(f"Page {number} of {url} is not a page of a paged list.")
            records.extend(records_in(document))
            self.feed.pages += 1
            if self.on_page:
                self.on_page(len(seen), _total_pages(document))
        return records

    def details(self) -> Iterator[Any]:
        """The records in order, each list item replaced by its details once fetched."""
        records = self.feed.records
        wanted = [
            (position, url)
            for position, record in enumerate(records)
            if isinstance(record, dict)
            and record.get("id")
            and not DETAIL_KEYS & {key for key, value in record.items() if value is not None}
            and (url := _detail_url(self.list_url, str(record["id"])))
        ]
        concurrency = max(1, settings.IMPORT_FETCH_CONCURRENCY)
        self.connections = Connections(keep=concurrency)
        pool = ThreadPoolExecutor(max_workers=concurrency)
        try:
            # Each submitted at once; the pool runs IMPORT_FETCH_CONCURRENCY at a time.
            coming = {position: pool.submit(self._detail, url) for position, url in wanted}
            for position in range(len(records)):
                if position in coming:
                    self._arrived(position, coming.pop(position).result(), len(wanted))
                yield records[position]
        finally:  # (a reader that stops early leaves nothing running)
            pool.shutdown(wait=True, cancel_futures=True)
            self.connections.close()

    def _arrived(self, position: int, result: Any, wanted: int) -> None:
        if isinstance(result, dict):
            self.feed.records[position] = result
            self.feed.details += 1
        else:
            self.feed.notes[position] = (
                f"Only the list's fields were imported: its details could not be fetched ({result})"
            )
        self.done += 1
        if self.on_detail:
            self.on_detail(self.done, wanted)

    def _detail(self, url: str) -> Any:
        """A service's record, or what went wrong fetching it."""
        try:
            document = self.get(url)
        except SourceError as error:
            return str(error)
        if isinstance(document, dict) and document.get("id"):
            return document
        return f"{url} is not a service record"
