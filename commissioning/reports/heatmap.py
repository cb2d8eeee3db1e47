"""Heatmaps as HTML tables: each cell prints its number and is shaded by it.

A table is its own text alternative (screen readers read the numbers with their row and column
headers), its headers can stay in view while it scrolls (CSS ``position: sticky``), and it
needs no script. Colour is never the only signal: each cell prints its number, a gap also says
"gap", and a cell's full meaning is in words for screen readers.

One ``Scale`` per measure (services, searches) is shared by every table of that measure, so the
same shade means the same number across the report.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

# ColorBrewer "Blues", light to dark: sequential, colour-blind safe, prints in greyscale. The
# stylesheet (commissioning/static/commissioning/admin.css) has a class per step, heat-0 to heat-8,
# with its text colour.
STEPS = 9


@dataclass(frozen=True)
class Scale:
    """Shades for one measure: 0 is its own shade, then 8 steps up to ``maximum``."""

    measure: str  # "services" or "searches", for the legend
    maximum: int

    @classmethod
    def over(cls, measure: str, values: Iterable[int]) -> Scale:
        return cls(measure, max(values, default=0))

    def step(self, value: int) -> int:
        if value <= 0 or self.maximum <= 0:
            return 0
        return min(STEPS - 1, max(1, math.ceil(value / self.maximum * (STEPS - 1))))

    def legend(self) -> list[tuple[int, str]]:
        """(step, the values it stands for), for the key under the tables."""
        steps = [(0, "0")]
        classes = STEPS - 1
        for step in range(1, classes + 1):
            low = math.floor((step - 1) * self.maximum / classes) + 1
            high = math.floor(step * self.maximum / classes)
            if high >= low:
                steps.append((step, str(low) if low == high else f"{low}–{high}"))
        return steps


@dataclass(frozen=True)
class HeatCell:
    value: int
    step: int
    words: str  # what the cell means, in full, for screen readers
    detail: str = ""  # printed small under the number, e.g. "1 here + 2 area-wide"
    gap: bool = False


@dataclass
class HeatRow:
    label: str
    is_category: bool
    cells: list[HeatCell]

    @property
    def is_empty(self) -> bool:
        return not any(cell.value for cell in self.cells)


@dataclass
class HeatTable:
    slug: str
    title: str
    scale: Scale
    columns: list[str]
    rows: list[HeatRow]
    hidden_rows: int = 0
    hidden_columns: list[str] = field(default_factory=list)


def fold_empty_rows(tables: list[HeatTable]) -> None:
    """Leave out the needs with nothing in any of the tables (which have the same rows, in the
    same order), and count them on each table."""
    keep = [
        index
        for index in range(len(tables[0].rows))
        if any(not table.rows[index].is_empty for table in tables)
    ]
    for table in tables:
        table.hidden_rows = len(table.rows) - len(keep)
        table.rows = [table.rows[index] for index in keep]


def fold_empty_columns(tables: list[HeatTable]) -> None:
    """Leave out the columns with nothing in any of the tables (which have the same columns),
    and name them on each table."""
    keep = [
        index
        for index in range(len(tables[0].columns))
        if any(row.cells[index].value for table in tables for row in table.rows)
    ]
    for table in tables:
        table.hidden_columns = [name for i, name in enumerate(table.columns) if i not in keep]
        table.columns = [table.columns[index] for index in keep]
        for row in table.rows:
            row.cells = [row.cells[index] for index in keep]
