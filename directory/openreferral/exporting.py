"""Export every live service as a JSON array of Open Referral UK ``service_full`` objects.

The objects are exactly what the API's ``/services/{id}`` serves, so a file written here can be
imported by another directory (or by ours, into an empty catalogue) with no hand editing.
"""

from __future__ import annotations

import json
from typing import TextIO

from tqdm import tqdm

from .queries import live_services
from .serialisers import service_full, with_related
from .taxonomies import TermIndex

CHUNK = 200


def export_services(out: TextIO, *, progress: bool = False) -> int:
    """Write the live services to ``out``, by name; returns how many were written."""
    services = with_related(live_services())
    total = services.count()
    terms = TermIndex()
    out.write("[")
    written = 0
    for service in tqdm(
        services.iterator(chunk_size=CHUNK),
        total=total,
        desc="Exporting",
        unit="service",
        disable=not progress,
    ):
        out.write(",\n" if written else "\n")
        out.write(json.dumps(service_full(service, terms), ensure_ascii=False))
        written += 1
    out.write("\n]\n")
    return written
