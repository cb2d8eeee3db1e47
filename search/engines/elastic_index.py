"""The Elasticsearch/OpenSearch index of live services: mapping, writes and rebuilds.

Searches read an alias (``ELASTICSEARCH_INDEX``). A rebuild fills a new index beside the old
one and then moves the alias in one atomic request, so searches never see a half-built index.
While a rebuild runs, single-service updates are written to every index of the alias's family,
and every write carries an external version (the time its data was read), so an older copy
from the rebuild never overwrites a newer update.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from django.conf import settings
from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    GeoPoint,
    Integer,
    IntegerRange,
    Keyword,
    Long,
    Object,
    Text,
)

from ..analysis import (
    ANALYZER,
    AUTOCOMPLETE_ANALYZER,
    AUTOCOMPLETE_SEARCH_ANALYZER,
    elasticsearch_analysis,
)
from ..documents import SEARCHED_FIELDS
from ..filters import STORED
from ..text_query import CIRCUMSTANCE, NEED
from .elastic_client import BULK_CHUNK, REBUILD_THREADS, Connection, connection


def _searched(**kwargs: Any) -> Text:
    return Text(analyzer=ANALYZER, copy_to="text", **kwargs)


class ServiceDocument(Document):
    """One live service. Facet fields are keywords named after their GET parameter."""

    id = Integer()
    name = _searched(
        fields={
            "autocomplete": Text(
                analyzer=AUTOCOMPLETE_ANALYZER, search_analyzer=AUTOCOMPLETE_SEARCH_ANALYZER
            ),
            "sort": Keyword(normalizer="directory_sort"),
        }
    )
    summary = _searched()
    description = _searched()
    need_names = _searched()
    circumstance_names = _searched()
    organisation = _searched()
    # Every searched field in one: "all words must match" may take each word from any field.
    text = Text(analyzer=ANALYZER)
    minimum_age = Integer()
    maximum_age = Integer()
    parents_and_carers = Boolean()
    area_wide = Boolean()
    # The week's sessions as [gte, lt) minutes from Monday midnight: a search asks which meet
    # its own moment ("Open now"), so nothing about today is frozen into the index.
    opening = IntegerRange()
    term_time_only = Boolean()
    # Empty when never reviewed. Searches rank overdue listings (by the day of the search) last.
    review_due = Date(format="strict_date")
    locations = GeoPoint()
    # What a result shows: stored, never indexed.
    document = Object(enabled=False)


for _filter in STORED:
    ServiceDocument._doc_type.mapping.field(_filter.name, Keyword())

# Every stored facet's values again, as "facet:value": one terms aggregation over it counts all
# the facets a search has not chosen in one pass over the results, where one aggregation per
# facet made a pass each (at 100,000 services, browsing A to Z took 59-69 ms, 37-42 combined).
FACET_VALUES = "facet_values"
ServiceDocument._doc_type.mapping.field(FACET_VALUES, Keyword())


# A service's needs and circumstances again, as numbers (``term_key``): ranking by the terms
# the words named reads them in a script for every result, and numbers cost it no string
# decoding (at 100,000 services, text searches took 21 ms at p50 and 52 at p95 reading the
# keyword fields; 15 and 37 reading these).
TERM_KEYS = {NEED: f"{NEED}_keys", CIRCUMSTANCE: f"{CIRCUMSTANCE}_keys"}
for _keys in TERM_KEYS.values():
    ServiceDocument._doc_type.mapping.field(_keys, Long())


def term_key(slug: str) -> int:
    """A slug as a signed 64-bit number, the same in every process and release (a collision
    between two of a council's few hundred terms has odds of about 1 in 10^14)."""
    digest = hashlib.blake2b(slug.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def facet_value(name: str, value: str) -> str:
    return f"{name}:{value}"


def split_facet_value(combined: str) -> tuple[str, str]:
    """(facet, value) of a ``facet_value``: facet names hold no colon, values may."""
    name, _, value = combined.partition(":")
    return name, value


def alias() -> str:
    return settings.ELASTICSEARCH_INDEX


# What a hit returns: only ``document``, the result as shown. Every other field is for searching
# (doc values and the inverted index), so it is left out of the stored ``_source``. A search then
# asks for the whole (small) source instead of filtering a large one: in the benchmark's mix at
# 10,000 services, the engine spent 1-1.5 ms less CPU a search. The engine can no longer
# ``_update`` or ``_reindex`` from the source; this project never does (a rebuild reads the
# database).
STORED_SOURCE = {"includes": ["document"]}


def index_body() -> dict[str, Any]:
    mappings = ServiceDocument._doc_type.mapping.to_dict()
    mappings["_source"] = STORED_SOURCE
    return {
        "settings": {
            "number_of_shards": 1,
            # No replica on a single node (green at once), one as soon as there is a second.
            "auto_expand_replicas": "0-1",
            # Deep pages are rare but allowed: page 1000 of 100.
            "max_result_window": 100_000,
            "analysis": elasticsearch_analysis(),
        },
        "mappings": mappings,
    }


def source(document: dict[str, Any]) -> dict[str, Any]:
    """The indexed form of a search document."""
    fields = (
        "id",
        *SEARCHED_FIELDS,
        "minimum_age",
        "maximum_age",
        "parents_and_carers",
        "area_wide",
        "term_time_only",
        "review_due",
    )
    body = {field: document[field] for field in fields}
    body["opening"] = [{"gte": start, "lt": end} for start, end in document["opening"]]
    body.update(document["facets"])
    for name, keys in TERM_KEYS.items():
        body[keys] = [term_key(slug) for slug in document["facets"][name]]
    body[FACET_VALUES] = [
        facet_value(name, value) for name, values in document["facets"].items() for value in values
    ]
    body["locations"] = [
        {"lat": location["latitude"], "lon": location["longitude"]}
        for location in document["locations"]
    ]
    body["document"] = document
    return body


def missing_fields(conn: Connection | None = None) -> set[str]:
    """What the index behind the alias lacks that this code's index has: fields one built by an
    earlier release does not map until rebuilt (so its facets, say, would count nothing), and
    "_source" when it stores whole sources (searches then still work, with larger answers)."""
    conn = conn or connection()
    expected = index_body()["mappings"]
    mappings = conn.call("indices.get_mapping", index=alias())
    missing = set()
    for info in mappings.values():
        found = info["mappings"]
        missing |= set(expected["properties"]) - set(found.get("properties", {}))
        if found.get("_source") != STORED_SOURCE:
            missing.add("_source")
    return missing


def version_now() -> int:
    """An external version: later reads of the database get larger numbers."""
    return time.time_ns() // 1000


def _family(conn: Connection) -> dict[str, Any]:
    """Every index of the alias's family, the live one and any being rebuilt, with its
    settings and aliases."""
    return conn.call("indices.get", index=f"{alias()}-*", ignore_unavailable=True)


def ensure_index(conn: Connection | None = None) -> str:
    """The index behind the alias, created empty if there is none yet."""
    conn = conn or connection()
    if conn.call("indices.exists_alias", name=alias()):
        return alias()
    name = _new_index(conn)
    conn.call(
        "indices.update_aliases", body={"actions": [{"add": {"index": name, "alias": alias()}}]}
    )
    return name


def _new_index(conn: Connection, *, bulk_loading: bool = False) -> str:
    name = f"{alias()}-{time.strftime('%Y%m%d%H%M%S', time.gmtime())}-{time.time_ns() % 10**9}"
    body = index_body()
    if bulk_loading:
        # No periodic refresh while a rebuild fills it: nobody searches it yet, and each refresh
        # writes a new segment (the engines' advice for bulk loads). Restored before the swap.
        body["settings"]["refresh_interval"] = "-1"
    conn.call("indices.create", index=name, body=body, slow=True)
    conn.call("cluster.health", index=name, wait_for_status="yellow", slow=True)
    return name


def write(documents: dict[int, dict[str, Any] | None], version: int) -> None:
    """Index (or, for None, delete) documents by page id in every index of the family, and make
    them searchable before returning."""
    conn = connection()
    ensure_index(conn)
    actions = []
    for index in _family(conn):
        for page_id, document in documents.items():
            common = {
                "_index": index,
                "_id": str(page_id),
                "version": version,
                "version_type": "external",
            }
            if document is None:
                actions.append({"_op_type": "delete", **common})
            else:
                actions.append({"_op_type": "index", **common, "_source": source(document)})
    _, errors = conn.bulk(actions)
    if errors:
        raise RuntimeError(f"Search index rejected {len(errors)} documents: {errors[:3]}")
    conn.call("indices.refresh", index=alias())


def rebuild(
    documents: Iterable[dict[str, Any]],
    version: int,
    progress: Callable[[int], None] | None = None,
) -> tuple[str, int]:
    """Fill a new index from ``documents`` and move the alias to it atomically. Returns the new
    index's name and how many documents it holds."""
    conn = connection()
    old = _family(conn)
    name = _new_index(conn, bulk_loading=True)
    # Updates during the rebuild reach the new index through _family; let it take them.
    counted = 0

    def action(document: dict[str, Any]) -> dict[str, Any]:
        return {
            "_op_type": "index",
            "_index": name,
            "_id": str(document["id"]),
            "version": version,
            "version_type": "external",
            "_source": source(document),
        }

    try:
        # Documents are read here, in the calling thread (they may come from the database,
        # whose connection and transaction are this thread's); each window's chunks are then
        # sent side by side, so the node indexes one while the next is serialised.
        remaining = iter(documents)
        while window := list(islice(remaining, BULK_CHUNK * REBUILD_THREADS)):
            _, errors = conn.bulk([action(d) for d in window], threads=REBUILD_THREADS)
            if errors:
                raise RuntimeError(f"Search index rejected {len(errors)} documents: {errors[:3]}")
            counted += len(window)
            if progress:
                progress(len(window))
        conn.call("indices.put_settings", index=name, body={"index": {"refresh_interval": None}})
        conn.call("indices.refresh", index=name, slow=True)
    except Exception:
        conn.call("indices.delete", index=name, ignore_unavailable=True)
        raise
    live = [index for index, info in _family(conn).items() if alias() in info.get("aliases", {})]
    moves: list[dict[str, Any]] = [{"remove": {"index": index, "alias": alias()}} for index in live]
    moves.append({"add": {"index": name, "alias": alias()}})
    conn.call("indices.update_aliases", body={"actions": moves}, slow=True)
    stale = [index for index in old if index != name]
    if stale:
        conn.call("indices.delete", index=",".join(stale), ignore_unavailable=True, slow=True)
    return name, counted


def drop_all() -> None:
    """Delete the alias's whole family (tests and `rebuild_search_index --drop`)."""
    conn = connection()
    family = _family(conn)
    if family:
        conn.call("indices.delete", index=",".join(family), ignore_unavailable=True)
