"""Export every live service as a JSON array of Open Referral UK ``service_full`` objects.

The objects are exactly what the API's ``/services/{id}`` serves, so a file written here can be
imported by another directory (or by ours, into an empty catalogue) with no hand editing.
"""

from __future__ import annotations

import json
from typing import TextIO

from tqdm import tqdm

from .queries import listed_by_name
from .records import records, service_rows
from .serialisers import service_full
from .taxonomies import TermIndex

CHUNK = 200


def export_services(out: TextIO, *, progress: bool = False) -> int:
    """Write the live services to ``out``, by name; returns how many were written."""
    pks = list(listed_by_name().values_list("pk", flat=True))
    terms = TermIndex()
    out.write("[")
    written = 0
    with tqdm(total=len(pks), desc="Exporting", unit="service", disable=not progress) as bar:
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            rows = list(service_rows(listed_by_name().filter(pk__in=chunk)))
            for record in records(rows, terms):
                out.write(",\n" if written else "\n")
                out.write(json.dumps(service_full(record), ensure_ascii=False))
                written += 1
            bar.update(len(chunk))
    out.write("\n]\n")
    return written
