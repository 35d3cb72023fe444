"""Splitting compounds joined by dashes ("U.S.-Russia", "Egypt–Israel"), shared by the actors and places stages."""

from __future__ import annotations

import re

__all__ = ["DASHES", "dash_pieces"]

#: The dashes that join names in a compound: hyphen-minus and en dash.
DASHES = re.compile("[-\u2013]")


def dash_pieces(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets in ``text`` of the pieces between dashes (one piece when there is none).

    Pieces may be empty ("-x" gives ``[(0, 0), (1, 2)]``), so callers see a dash at either end.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in DASHES.finditer(text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    return pieces
