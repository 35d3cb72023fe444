"""Find the stretches of text between quotation marks, without any parse.

Handles straight and curly double marks (and a straight mark closed by a curly
one), guillemets and low-9 marks, nested curly marks, and quotes that run over
several paragraphs. The opening mark is repeated at the start of each new
paragraph and no closing mark appears until the end. A quote left open at the
end of a paragraph that is not continued ends with its paragraph, so one
stray mark cannot swallow the rest of the article. Single marks are never
top-level quotes (they double as apostrophes); inside a quote they are text. A
straight double mark right after a digit is an inch sign and opens nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuotedSegment", "find_quoted"]

#: Marks that can open a quote; the straight mark both opens and closes.
OPENING = frozenset('"“„«')
#: Marks that can close a quote.
CLOSING = frozenset('"”»')
#: Curly openers that nest inside an open quote (each needs its own closer).
_NESTING = frozenset("“„«")


@dataclass(frozen=True, slots=True)
class QuotedSegment:
    """Quoted text ``[start, end)`` (marks and outer spaces excluded) and where its marks are.

    ``open_mark`` is the offset of the opening mark; ``close_mark`` that of the
    closing mark, or None when the quote ran to the end of a paragraph.
    ``outer_end`` is the offset just past the closing mark (or the content end).
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None

    @property
    def outer_end(self) -> int:
        return self.end if self.close_mark is None else self.close_mark + 1


def _paragraph_continues(text: str, newline: int) -> int | None:
    """Where the repeated opening mark of a continued quote sits after ``newline``, or None."""
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in OPENING and text.count("\n", newline, j) >= 1:
        return j
    return None


def _segment(text: str, open_mark: int, end: int, close_mark: int | None) -> QuotedSegment | None:
    start = open_mark + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return QuotedSegment(start, end, open_mark, close_mark)


def _measure(text: str, i: int) -> bool:
    """Whether the straight mark at ``i`` is an inch sign ("6'3\" tall", "a 12\" pipe"), not a quote."""
    return text[i] == '"' and i > 0 and text[i - 1].isdigit()


#: The characters the scan stops at: every mark and line break (the rest of the text is skipped).
_STOPS = re.compile("[" + re.escape("".join(sorted(OPENING | CLOSING))) + "\n]")


def find_quoted(text: str) -> list[QuotedSegment]:
    """Every quoted stretch of ``text``, in order, never overlapping."""
    segments: list[QuotedSegment] = []
    open_at: int | None = None
    depth = 0
    resume = 0  # a continued quote's repeated opening mark is skipped
    for stop in _STOPS.finditer(text):
        i = stop.start()
        ch = text[i]
        if i < resume:
            continue
        if open_at is None:
            if ch in OPENING and not _measure(text, i):
                open_at, depth = i, 0
        elif ch == "\n":
            mark = _paragraph_continues(text, i)
            if mark is not None:
                resume = mark + 1
                continue
            found = _segment(text, open_at, i, None)
            segments.extend([found] if found else [])
            open_at = None
        elif ch in _NESTING:
            depth += 1
        elif ch in CLOSING:
            if depth > 0 and ch != '"':
                depth -= 1
            else:
                found = _segment(text, open_at, i, i)
                segments.extend([found] if found else [])
                open_at = None
    if open_at is not None:
        found = _segment(text, open_at, len(text), None)
        segments.extend([found] if found else [])
    return segments
