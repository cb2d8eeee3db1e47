"""The searches-over-time chart, drawn on the server as SVG: no script, no chart library.

Bars per day, week or month: all searches, and beside them those with no results. It is
``role="img"`` with a summary in words as its name; the page puts the same numbers in a table
after it. Presentation attributes only (no ``style``), so it passes the site's CSP.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 12, 44
SEARCHES_FILL = "#2171b5"  # the heatmaps' blue
ZERO_FILL = "#b35806"  # dark orange: tells apart from blue with any colour vision
AXIS, GRID, TEXT = "#505a5f", "#d8dadb", "#0b0c0c"
MAX_X_LABELS = 12

Point = tuple[datetime.date, int, int]  # first day, searches, searches with no results


def bucket_label(day: datetime.date, bucket: str) -> str:
    if bucket == "month":
        return f"{day:%b %Y}"
    return f"{day.day} {day:%b}"


def bucket_words(day: datetime.date, bucket: str) -> str:
    """The bucket in full, for tables and summaries: 'week of 2 December 2025'."""
    if bucket == "month":
        return f"{day:%B %Y}"
    prefix = "week of " if bucket == "week" else ""
    return f"{prefix}{day.day} {day:%B %Y}"


def nice_top(value: int) -> int:
    """The axis top: the value rounded up to 1, 2 or 5 times a power of ten (at least 4)."""
    if value <= 4:
        return 4
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 5, 10):
        if value <= factor * power:
            return factor * power
    return 10 * power


def trend_summary(points: Sequence[Point], bucket: str) -> str:
    total = sum(searches for _, searches, _ in points)
    zero = sum(zero for _, _, zero in points)
    if not points or not total:
        return "No searches in this period."
    busiest = max(points, key=lambda point: point[1])
    return (
        f"{total:,} searches, {zero:,} of them with no results, from "
        f"{bucket_words(points[0][0], bucket)} to {bucket_words(points[-1][0], bucket)}. "
        f"The most in one {bucket}: {busiest[1]:,}, {bucket_words(busiest[0], bucket)}."
    )


def trend_svg(points: Sequence[Point], bucket: str, *, title: str) -> SafeString:
    top = nice_top(max((searches for _, searches, _ in points), default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(points), 1)
    bar = max(1.0, slot * 0.4)

    def y(value: int) -> float:
        return TOP + plot_height * (1 - value / top)

    parts: list[str] = []
    for tick in range(5):  # gridlines and their numbers
        value = top * tick // 4
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>',
                LEFT,
                WIDTH - RIGHT,
                round(y(value), 1),
                round(y(value), 1),
                GRID,
                LEFT - 6,
                round(y(value), 1) + 4,
                TEXT,
                f"{value:,}",
            )
        )
    every = math.ceil(len(points) / MAX_X_LABELS) or 1
    for index, (day, searches, zero) in enumerate(points):
        x = LEFT + slot * index + (slot - 2 * bar) / 2
        when = bucket_words(day, bucket)
        for offset, value, fill, words in (
            (0, searches, SEARCHES_FILL, "searches"),
            (bar, zero, ZERO_FILL, "with no results"),
        ):
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: {} {}</title></rect>",
                    round(x + offset, 1),
                    round(y(value), 1),
                    round(bar, 1),
                    round(TOP + plot_height - y(value), 1),
                    fill,
                    when,
                    f"{value:,}",
                    words,
                )
            )
        if index % every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                    round(LEFT + slot * index + slot / 2, 1),
                    HEIGHT - BOTTOM + 16,
                    TEXT,
                    bucket_label(day, bucket),
                )
            )
    parts.append(
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>',
            LEFT,
            WIDTH - RIGHT,
            TOP + plot_height,
            TOP + plot_height,
            AXIS,
        )
    )
    legend_y = HEIGHT - 10
    parts.append(
        format_html_join(
            "",
            '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
            '<text x="{}" y="{}" fill="{}">{}</text>',
            [
                (LEFT, legend_y - 10, SEARCHES_FILL, LEFT + 18, legend_y, TEXT, "Searches"),
                (
                    LEFT + 120,
                    legend_y - 10,
                    ZERO_FILL,
                    LEFT + 138,
                    legend_y,
                    TEXT,
                    "Searches with no results",
                ),
            ],
        )
    )
    label = f"{title}. {trend_summary(points, bucket)} The numbers are in the table after it."
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" '
        'viewBox="0 0 {} {}" class="trend-chart" font-family="sans-serif" font-size="12">'
        "{}</svg>",
        label,
        WIDTH,
        HEIGHT,
        mark_safe("".join(str(part) for part in parts)),
    )
