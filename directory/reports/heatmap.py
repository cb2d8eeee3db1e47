"""Heatmaps drawn on the server as SVG: no JavaScript, no chart library, nothing to load.

Colour is never the only signal: every cell prints its number, has a ``<title>`` (a tooltip
and a label), and a highlighted cell gets a thick dark border and a corner marker as well as
its colour. The SVG is ``role="img"`` with an ``aria-label``; the page shows the same numbers
in a table as the text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# ColorBrewer "Blues", light to dark: sequential, colour-blind safe, prints in greyscale.
SCALE = (
    "#f7fbff",
    "#deebf7",
    "#c6dbef",
    "#9ecae1",
    "#6baed6",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#08306b",
)
# From this step on the fill is dark enough for white text (contrast above 4.5:1).
FIRST_DARK_STEP = 5
DARK_TEXT, LIGHT_TEXT = "#0b0c0c", "#ffffff"
HIGHLIGHT = "#0b0c0c"
GRID = "#b1b4b6"

CELL_HEIGHT = 28
MIN_CELL_WIDTH = 48
CHAR_WIDTH = 6.5  # average width of a 12px character, for sizing label space
HEADER_LINE = 14
HEADER_CHARS = 8  # column labels wrap onto lines of about this many characters
PADDING = 8


@dataclass(frozen=True)
class Cell:
    value: int
    title: str  # what the cell means, in words: the tooltip and the accessible name
    highlighted: bool = False
    note: str = ""  # more detail for the table alternative, e.g. "3 with no results"


def colour_step(value: int, maximum: int) -> int:
    """0 for none; otherwise 1..8, in proportion to the largest value."""
    if value <= 0 or maximum <= 0:
        return 0
    return max(1, math.ceil(value / maximum * (len(SCALE) - 1)))


def scale_maximum(cells: Sequence[Sequence[Cell]], own_scale_columns: frozenset[int]) -> int:
    """The largest value on the main colour scale (columns with their own scale left out)."""
    return max(
        (
            cell.value
            for row in cells
            for index, cell in enumerate(row)
            if index not in own_scale_columns
        ),
        default=0,
    )


def wrap(label: str, width: int = HEADER_CHARS) -> list[str]:
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def heatmap_svg(
    *,
    label: str,
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    cells: Sequence[Sequence[Cell]],
    bold_rows: frozenset[int] = frozenset(),
    own_scale_columns: frozenset[int] = frozenset(),
) -> SafeString:
    """An SVG heatmap of ``cells`` (one list per row). ``label`` is its accessible name.

    Columns in ``own_scale_columns`` (totals such as "Across the area") are coloured on a
    scale of their own, so their larger numbers do not wash out the others.
    """
    maximum = scale_maximum(cells, own_scale_columns)
    column_maximum = {
        index: max((row[index].value for row in cells), default=0) for index in own_scale_columns
    }
    header_lines = [wrap(column) for column in column_labels]
    header_height = HEADER_LINE * max((len(lines) for lines in header_lines), default=1) + 8
    longest_label = max((len(row) for row in row_labels), default=10)
    label_width = round(CHAR_WIDTH * longest_label) + 2 * PADDING
    cell_width = max(
        MIN_CELL_WIDTH,
        round(CHAR_WIDTH * max((len(line) for lines in header_lines for line in lines), default=4))
        + 2 * PADDING,
    )
    width = label_width + cell_width * len(column_labels) + PADDING
    height = header_height + CELL_HEIGHT * len(row_labels) + PADDING

    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" width="{}" '
            'height="{}" viewBox="0 0 {} {}" font-family="sans-serif" font-size="12">',
            label,
            width,
            height,
            width,
            height,
        ),
        format_html("<title>{}</title>", label),
    ]
    for index, lines in enumerate(header_lines):
        x = label_width + cell_width * index + cell_width // 2
        tspans = "".join(
            format_html('<tspan x="{}" dy="{}">{}</tspan>', x, HEADER_LINE if n else 0, line)
            for n, line in enumerate(lines)
        )
        first_y = header_height - 6 - HEADER_LINE * (len(lines) - 1)
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-weight="bold" fill="{}">{}</text>',
                x,
                first_y,
                DARK_TEXT,
                mark_safe(tspans),
            )
        )
    for row_index, (row_label, row) in enumerate(zip(row_labels, cells, strict=True)):
        y = header_height + CELL_HEIGHT * row_index
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end"{} fill="{}">{}</text>',
                label_width - PADDING,
                y + CELL_HEIGHT // 2 + 4,
                mark_safe(' font-weight="bold"') if row_index in bold_rows else "",
                DARK_TEXT,
                row_label,
            )
        )
        for column_index, cell in enumerate(row):
            x = label_width + cell_width * column_index
            top = column_maximum.get(column_index, maximum)
            parts.append(_cell(cell, x, y, cell_width, top))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(part) for part in parts))


def _cell(cell: Cell, x: float, y: float, width: float, maximum: int) -> SafeString:
    step = colour_step(cell.value, maximum)
    text_colour = LIGHT_TEXT if step >= FIRST_DARK_STEP else DARK_TEXT
    inner = [
        format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="1"/>',
            x,
            y,
            width,
            CELL_HEIGHT,
            SCALE[step],
            GRID,
        )
    ]
    if cell.highlighted:
        # A thick border inside the cell, and a triangle in its top-right corner.
        inner.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" '
                'stroke-width="3" data-highlight="true"/>',
                x + 1.5,
                y + 1.5,
                width - 3,
                CELL_HEIGHT - 3,
                HIGHLIGHT,
            )
        )
        inner.append(
            format_html(
                '<path d="M{} {} h-12 l12 12 z" fill="{}" stroke="{}" stroke-width="1"/>',
                x + width - 1.5,
                y + 1.5,
                HIGHLIGHT,
                LIGHT_TEXT,
            )
        )
    inner.append(
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" fill="{}"{}>{}</text>',
            x + width // 2,
            y + CELL_HEIGHT // 2 + 4,
            text_colour,
            mark_safe(' font-weight="bold"') if cell.highlighted else "",
            cell.value,
        )
    )
    return format_html(
        "<g{}><title>{}</title>{}</g>",
        mark_safe(' class="gap"') if cell.highlighted else "",
        cell.title,
        mark_safe("".join(str(part) for part in inner)),
    )


def legend_steps(maximum: int) -> list[tuple[str, str]]:
    """(colour, 'from-to') for the legend: the value range each colour step stands for."""
    if maximum <= 0:
        return [(SCALE[0], "0")]
    steps = [(SCALE[0], "0")]
    classes = len(SCALE) - 1
    for step in range(1, classes + 1):
        low = math.floor((step - 1) * maximum / classes) + 1
        high = math.floor(step * maximum / classes)
        if high >= low:
            steps.append((SCALE[step], str(low) if low == high else f"{low}–{high}"))
    return steps


def legend_svg(maximum: int, *, with_highlight: bool) -> SafeString:
    """The colour key, and what a highlighted cell looks like, as a small SVG."""
    steps = legend_steps(maximum)
    swatch, gap = 44, 4
    parts = []
    for index, (colour, text) in enumerate(steps):
        x = index * (swatch + gap)
        parts.append(
            format_html(
                '<rect x="{}" y="0" width="{}" height="18" fill="{}" stroke="{}"/>'
                '<text x="{}" y="32" text-anchor="middle">{}</text>',
                x,
                swatch,
                colour,
                GRID,
                x + swatch / 2,
                text,
            )
        )
    width = len(steps) * (swatch + gap)
    words = "Colour key: " + ", ".join(text for _, text in steps)
    if with_highlight:
        x = width + 24
        parts.append(
            format_html(
                '<rect x="{}" y="0" width="{}" height="18" fill="{}" stroke="{}" '
                'stroke-width="3"/><path d="M{} 1.5 h-10 l10 10 z" fill="{}"/>'
                '<text x="{}" y="14">Gap: demand high, provision thin</text>',
                x,
                swatch,
                SCALE[0],
                HIGHLIGHT,
                x + swatch,
                HIGHLIGHT,
                x + swatch + 8,
            )
        )
        width = x + swatch + 8 + CHAR_WIDTH * 34
        words += ". A thick border and a corner marker show a gap: demand high, provision thin"
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" width="{}" '
        'height="40" viewBox="0 0 {} 40" font-family="sans-serif" font-size="12">{}</svg>',
        words,
        width,
        width,
        mark_safe("".join(str(part) for part in parts)),
    )
