"""Offices: which office a title holds ("Prime Minister of Albania", "the premier" -> ``prime minister``).

The table is the ``offices`` of ``agents.json``: each entry names an office and
the words of the titles that hold it. A title holds the first office (in the
table's order) one of whose words it contains, unless a subordinate word
("vice", "deputy", "acting") comes right before them. The knowledge base
indexes the holders of each office by country; the stage reads the same table
to find who holds the office a text names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from dateline._data import is_strings
from dateline.errors import ResourceError

__all__ = ["Offices", "parse_offices", "remember", "title_words"]

_V = TypeVar("_V")

_NOT_WORD = re.compile(r"[^\w]+")
#: Most titles whose offices :class:`Offices` remembers before it forgets them all (titles are few: 137 over the
#: 105 coded Wikinews articles, asked 1,500 times).
MAX_REMEMBERED_TITLES = 50_000


def remember(memo: dict[str, _V], key: str, value: _V, most: int) -> None:
    """Keep ``value`` under ``key`` in ``memo``, which forgets all it holds once it holds ``most`` keys (a
    long run meets ever more words)."""
    if len(memo) >= most:
        memo.clear()
    memo[key] = value


def title_words(text: str) -> str:
    """A title as the office table compares it: lower case, words only ("Secretary-General" -> "secretary
    general")."""
    return " ".join(_NOT_WORD.sub(" ", text.lower().replace("'", "").replace("\u2019", "")).split())


@dataclass(frozen=True)
class Offices:
    """Office names and the words of the titles that hold them, in the order they are tried."""

    entries: tuple[tuple[str, tuple[str, ...]], ...]
    subordinate: frozenset[str]
    #: the office of each title asked about, found once: the passes ask of the same few titles again and again
    _roles: dict[str, str | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    def role(self, title: str) -> str | None:
        """The office a title holds, or None ("Deputy Minister of Finance" holds none)."""
        if title not in self._roles:
            remember(self._roles, title, self._role(title), MAX_REMEMBERED_TITLES)
        return self._roles[title]

    def _role(self, title: str) -> str | None:
        words = f" {title_words(title)} "
        for role, phrases in self.entries:
            for phrase in phrases:
                at = words.find(f" {phrase} ")
                while at >= 0:
                    before = words[:at].split()
                    if not before or before[-1] not in self.subordinate:
                        return role
                    at = words.find(f" {phrase} ", at + 1)
        return None

    @property
    def names(self) -> frozenset[str]:
        return frozenset(role for role, _ in self.entries)


def parse_offices(entries: Any, words: Mapping[str, Any]) -> Offices:
    """The office table from ``agents.json``'s ``offices`` and ``actors.json``'s ``subordinate_words``."""
    if not isinstance(entries, list):
        raise _fail("'offices' must be a list of objects with 'office' and 'words'")
    table = []
    for i, entry in enumerate(entries):
        if not (isinstance(entry, dict) and isinstance(entry.get("office"), str)
                and is_strings(entry.get("words"), nonempty=True)):
            raise _fail(f"offices[{i}] needs an 'office' name and a list of 'words'")
        table.append((entry["office"], tuple(title_words(w) for w in entry["words"])))
    subordinate = words.get("subordinate_words", [])
    return Offices(tuple(table), frozenset(title_words(w) for w in subordinate))


def _fail(what: str) -> ResourceError:
    return ResourceError(f"actor dictionary agents: {what}; fix the file, or stop merging it if it is yours")
