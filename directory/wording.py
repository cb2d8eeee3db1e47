"""Plain-English wording shared by the admin's reports and import summaries."""

from __future__ import annotations


def counted(number: int, one: str, many: str = "") -> str:
    """'1 service', '2 services', '1,204 families' (``many`` when the plural is not one + 's')."""
    return f"{number:,} {one if number == 1 else many or one + 's'}"
