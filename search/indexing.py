"""Keeping both engines' indexes true to the live site.

``index_services`` re-reads the given services and writes each one's document (or its removal,
when it is no longer live and public) to the database engine's ``SearchEntry`` table and, when
configured, to Elasticsearch. ``search.signals`` calls it on publish, unpublish, move, delete,
privacy changes and vocabulary edits, so the next search sees the change.

If Elasticsearch cannot take a write, the database is still updated, the error is logged and
the page id is kept in ``SearchBacklog`` to be written at the next successful update (or by
``rebuild_search_index``); publishing never fails because search is down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Model

from .analysis import MAX_INDEXED_TERM_LENGTH, stored_terms
from .documents import build_document, entry_fields, indexable_services
from .engines import EngineUnavailable
from .models import (
    IndexGeneration,
    SearchBacklog,
    SearchEntry,
    SearchEntryFacet,
    SearchEntryLocation,
    SearchEntryOpening,
    SearchEntryTerm,
    SearchFacetValue,
)

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def index_services(page_ids: Iterable[int]) -> None:
    """Bring these services' index entries up to date (add, replace or remove)."""
    ids = set(page_ids)
    if not ids:
        return
    from .engines.elastic_index import version_now

    version = version_now()  # taken before reading, so a later read always wins
    pages = {page.pk: page for page in indexable_services().filter(pk__in=ids)}
    documents = {pk: _document_if_routable(pages.get(pk)) for pk in ids}
    write_entries(documents)
    if settings.ELASTICSEARCH_URL:
        _write_elasticsearch(documents, version)


def _document_if_routable(page: Any) -> dict[str, Any] | None:
    """The page's document, or None when it is gone, or has no public URL (outside any site)."""
    if page is None:
        return None
    document = build_document(page)
    return document if document["url"] else None


def write_entries(documents: dict[int, dict[str, Any] | None]) -> None:
    """Replace the database engine's entries of these services (None: remove them)."""
    with transaction.atomic():
        SearchEntry.objects.filter(pk__in=list(documents)).delete()
        _create_entries([document for document in documents.values() if document])
        IndexGeneration.bump()


def _create_entries(documents: list[dict[str, Any]]) -> None:
    entries = SearchEntry.objects.bulk_create(
        [SearchEntry(page_id=document["id"], **entry_fields(document)) for document in documents]
    )
    SearchEntryLocation.objects.bulk_create(
        SearchEntryLocation(
            entry_id=entry.pk, latitude=location["latitude"], longitude=location["longitude"]
        )
        for entry in entries
        for location in entry.document["locations"]
    )
    facets = [
        (entry.pk, facet, value)
        for entry in entries
        for facet, values in entry.facets.items()
        for value in dict.fromkeys(values)
    ]
    numbers = _facet_value_numbers({(facet, value) for _, facet, value in facets})
    _insert_rows(
        SearchEntryFacet,
        ("entry_id", "value_id"),
        [(pk, numbers[facet, value]) for pk, facet, value in facets],
    )
    SearchEntryOpening.objects.bulk_create(
        SearchEntryOpening(
            entry_id=entry.pk, opens=opens, closes=closes, term_time_only=entry.term_time_only
        )
        for entry in entries
        for opens, closes in entry.opening
    )
    _insert_rows(
        SearchEntryTerm,
        ("entry_id", "term", "in_name"),
        [row for entry in entries for row in _term_rows(entry)],
    )


def _facet_value_numbers(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """{(facet, value): its SearchFacetValue's number}, numbering the new ones."""
    numbers = SearchFacetValue.numbers()
    if missing := pairs - numbers.keys():
        # Another process may number the same value meanwhile: its number stands.
        SearchFacetValue.objects.bulk_create(
            [SearchFacetValue(facet=facet, value=value) for facet, value in missing],
            ignore_conflicts=True,
        )
        numbers = SearchFacetValue.numbers()
    return numbers


def _term_rows(entry: SearchEntry) -> Iterator[tuple[int, str, bool]]:
    """(entry, term, in_name) for each of the entry's ``SearchEntryTerm`` rows."""
    # The name is searched text too (search.documents.SEARCHED_FIELDS), so its terms are
    # among the text's.
    in_name = stored_terms(entry.name_text)
    for term in stored_terms(entry.text):
        if len(term) <= MAX_INDEXED_TERM_LENGTH:
            yield entry.pk, term, term in in_name


def _insert_rows(model: type[Model], columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Many rows of ``model``'s table as plain tuples, in statements of many rows each.

    Entries have fifty-odd term rows and a dozen facet rows each: as model instances through
    bulk_create, building and compiling them took longer than the rest of writing the
    entries (and executemany's statement a row was as slow on PostgreSQL)."""
    table = connection.ops.quote_name(model._meta.db_table)
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    placeholders = f"({', '.join(['%s'] * len(columns))})"
    # Under SQLite's oldest limit of 999 parameters a statement.
    per_statement = 999 // len(columns)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            batch = rows[start : start + per_statement]
            cursor.execute(
                insert + ", ".join([placeholders] * len(batch)),
                [value for row in batch for value in row],
            )


def _write_elasticsearch(documents: dict[int, dict[str, Any] | None], version: int) -> None:
    from .engines import elastic_index

    backlog = set(SearchBacklog.objects.values_list("page_id", flat=True))
    try:
        if backlog - set(documents):
            # Catch up on what an earlier outage kept back, from the current database entries.
            for page_id in backlog - set(documents):
                documents[page_id] = None
            for page_id, document in SearchEntry.objects.filter(pk__in=backlog).values_list(
                "pk", "document"
            ):
                if page_id not in documents or documents[page_id] is None:
                    documents[page_id] = document
        elastic_index.write(documents, version)
    except (EngineUnavailable, RuntimeError) as error:
        logger.error(
            "Search engine not updated for services %s (kept to retry): %s",
            sorted(documents)[:20],
            error,
        )
        SearchBacklog.objects.bulk_create(
            [SearchBacklog(page_id=pk) for pk in documents], ignore_conflicts=True
        )
        return
    if backlog:
        SearchBacklog.objects.filter(page_id__in=backlog).delete()


@dataclass
class RebuildReport:
    entries: int
    elasticsearch_index: str = ""
    elasticsearch_documents: int = 0


def rebuild_index(
    *,
    progress: Callable[[str, int], Any] | None = None,
    elasticsearch: bool = True,
) -> RebuildReport:
    """Rebuild the database engine's entries, then Elasticsearch from those same documents.

    ``progress(stage, count)`` is called with "start-database"/"start-elasticsearch" and the
    total, then with the stage and 1 for each service done.
    """
    from .engines import elastic_index

    notify = progress or (lambda stage, count: None)
    version = elastic_index.version_now()
    services = indexable_services().order_by("pk")
    notify("start-database", services.count())
    written = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        batch: list[dict[str, Any]] = []
        for page in services.iterator(chunk_size=BATCH_SIZE):
            document = _document_if_routable(page)
            if document is None:
                notify("database", 1)
                continue
            batch.append(document)
            if len(batch) == BATCH_SIZE:
                _create_entries(batch)
                written += len(batch)
                notify("database", len(batch))
                batch = []
        _create_entries(batch)
        written += len(batch)
        notify("database", len(batch))
        IndexGeneration.bump()
        _refresh_planner_statistics()
    report = RebuildReport(entries=written)
    if elasticsearch and settings.ELASTICSEARCH_URL:
        notify("start-elasticsearch", written)
        name, count = elastic_index.rebuild(
            _stored_documents(), version, lambda n: notify("elasticsearch", n)
        )
        SearchBacklog.objects.all().delete()
        report.elasticsearch_index, report.elasticsearch_documents = name, count
    return report


# Every table a rebuild replaces.
_ENTRY_TABLES = (
    SearchEntry,
    SearchEntryTerm,
    SearchEntryFacet,
    SearchFacetValue,
    SearchEntryLocation,
    SearchEntryOpening,
)


def _refresh_planner_statistics() -> None:
    """After replacing every entry, let PostgreSQL's planner see the new tables at once.

    Until autovacuum next analyses them (a minute or more later), the planner judges from
    statistics of the tables as they were, often empty: searches by words at 10,000 services,
    measured straight after a rebuild, took 404 ms at p95, and 45 ms once the tables were
    analysed. SQLite keeps no statistics unless told to, and plans without them as it always
    has."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in _ENTRY_TABLES)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def _stored_documents() -> Iterator[dict[str, Any]]:
    yield from (
        SearchEntry.objects.order_by("pk").values_list("document", flat=True).iterator(BATCH_SIZE)
    )
