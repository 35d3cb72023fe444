"""What a cleaner finds in one document, before it becomes an :class:`~dateline.records.Article`."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.records import Boilerplate

__all__ = ["Found", "normalize_line"]


def normalize_line(line: str) -> str:
    """One line with its whitespace (non-breaking spaces included) collapsed."""
    return " ".join(line.split())


@dataclass(frozen=True)
class Found:
    """The body paragraphs, the lines removed from them, and the metadata one cleaner found.

    ``date`` is the publication date as written (a dateline line, the page's metadata); ``site``,
    ``language`` and ``url`` (its canonical address) are what the page declares, when it does.
    """

    paragraphs: tuple[str, ...]
    boilerplate: tuple[Boilerplate, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site: str | None = None
    language: str | None = None
    url: str | None = None
