"""Demo postcodes: approximate coordinates for the postcodes the demo uses.

The demo's postcodes are real-looking but not taken from the ONS Postcode Directory, so their
coordinates are made up: each is its district's approximate centroid, moved by up to
``JITTER_METRES`` in a direction and distance derived from a hash of the postcode (the same
every run). ``data/postcodes.csv`` is this module's output; regenerate it after adding venues:

    .venv/bin/python -m demo.postcodes
"""

from __future__ import annotations

import csv
import hashlib
import math
from pathlib import Path

from .data import EXTRA_POSTCODES, VENUES

CSV_PATH = Path(__file__).parent / "data" / "postcodes.csv"
JITTER_METRES = 600.0
METRES_PER_DEGREE_LATITUDE = 111_320.0

# Approximate centres of the Lewisham parts of each district (latitude, longitude).
DISTRICT_CENTROIDS: dict[str, tuple[float, float]] = {
    "SE3": (51.4665, 0.0105),  # Blackheath, Lewisham side of the heath
    "SE4": (51.4615, -0.0345),  # Brockley, Crofton Park
    "SE6": (51.4375, -0.0185),  # Catford, Bellingham
    "SE8": (51.4795, -0.0285),  # Deptford
    "SE12": (51.4430, 0.0230),  # Lee, Grove Park
    "SE13": (51.4570, -0.0110),  # Lewisham, Ladywell, Hither Green
    "SE14": (51.4765, -0.0420),  # New Cross, Telegraph Hill
    "SE23": (51.4410, -0.0490),  # Forest Hill, Honor Oak
    "SE26": (51.4270, -0.0540),  # Sydenham
    # BR1 is mostly Bromley; this is Downham, the part inside Lewisham.
    "BR1": (51.4270, 0.0090),
}


def jittered_coordinates(postcode: str) -> tuple[float, float]:
    """A stable point near the postcode's district centroid (uniform over a disc)."""
    latitude, longitude = DISTRICT_CENTROIDS[postcode.split(" ", 1)[0]]
    digest = hashlib.sha256(postcode.encode()).digest()
    angle = int.from_bytes(digest[:4], "big") / 2**32 * 2 * math.pi
    # sqrt spreads points evenly over the disc instead of bunching them at the centre.
    distance = math.sqrt(int.from_bytes(digest[4:8], "big") / 2**32) * JITTER_METRES
    north = distance * math.cos(angle) / METRES_PER_DEGREE_LATITUDE
    east = (
        distance * math.sin(angle) / (METRES_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude)))
    )
    return round(latitude + north, 6), round(longitude + east, 6)


def demo_postcodes() -> list[str]:
    """Every postcode the demo uses, plus residential extras, sorted and unique."""
    return sorted({venue.postcode for venue in VENUES} | set(EXTRA_POSTCODES))


def write_csv(path: Path = CSV_PATH) -> int:
    """Write ``pcds,lat,long`` rows (the ONS Postcode Directory's column names)."""
    codes = demo_postcodes()
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pcds", "lat", "long"])
        for code in codes:
            writer.writerow([code, *jittered_coordinates(code)])
    return len(codes)


def read_csv(path: Path = CSV_PATH) -> list[tuple[str, float, float]]:
    """The shipped demo postcodes as (postcode, latitude, longitude)."""
    with path.open(newline="") as handle:
        rows = csv.DictReader(handle)
        return [(row["pcds"], float(row["lat"]), float(row["long"])) for row in rows]


if __name__ == "__main__":
    print(f"Wrote {write_csv()} postcodes to {CSV_PATH}")
