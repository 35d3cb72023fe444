"""Qualifiers: the place named right after another to say which one it is.

"Springfield, Illinois", "Alexandria, La.", "Dayton, OH", "Truro, Cornwall"
and "Merstham in Surrey" name a town and the state, county, province or
country it lies in. The qualifier is the reading of the words after the
comma (or after a preposition of the language's ``qualifier_prepositions``)
that holds one of the town's candidates: of "Cornwall" (a county of England,
a city of Ontario), the county holds a Truro. Both names are then resolved
with it: the town within it, and the qualifier as itself.
"""

from __future__ import annotations

import functools
import re

from dateline.places._gazetteer import Entry, Gazetteer
from dateline.places._resolve import Context, candidates, score, within

__all__ = ["QUALIFIER_MAX_WORDS", "Qualified", "qualifier_at"]

#: Most capitalized words read as a qualifier ("Springfield, New Hampshire", "Alexandria, La."). Set by hand.
QUALIFIER_MAX_WORDS = 3

_WORD = r"[A-Z][\w.'\u2019]*(?:-[\w.'\u2019]+)*\.?"  # a hyphen joins words ("Wilkes-Barre"), a dash ends one
_NAME = rf"((?:{_WORD})(?:\s+{_WORD}){{0,{QUALIFIER_MAX_WORDS - 1}}})"


@functools.cache
def _pattern(prepositions: frozenset[str]) -> re.Pattern[str]:
    """A comma, or one of ``prepositions`` between spaces, then the qualifier's words."""
    words = "|".join(re.escape(p) for p in sorted(prepositions, key=len, reverse=True))
    joint = rf"\s*,\s*|\s+(?:{words})\s+" if words else r"\s*,\s*"
    return re.compile(rf"(?:{joint}){_NAME}")


class Qualified:
    """A qualifier found after a name: the entry it reads as, and where its words start and end in the text."""

    __slots__ = ("end", "entry", "start")

    def __init__(self, entry: Entry, start: int, end: int) -> None:
        self.entry = entry
        self.start = start
        self.end = end


def _readings(gazetteer: Gazetteer, phrase: str, after_comma: bool) -> list[Entry]:
    """The readings of ``phrase`` that can qualify a town, the likeliest first: US states by any of their
    abbreviations (postal codes only after a comma), countries, provinces, counties and regions."""
    state = gazetteer.states.get(phrase) if after_comma else None
    if state is not None:
        return [state]
    found = [e for e in gazetteer.lookup(phrase) if e.feature in ("country", "admin1", "admin2", "region")]
    return sorted(found, key=lambda e: -score(e, Context()))


def qualifier_at(gazetteer: Gazetteer, text: str, end: int, head: str | None = None, *,
                 unknown_town: bool = False) -> Qualified | None:
    """The qualifier named right after ``end``: when ``head`` (the name before it) is given, the first
    reading that holds one of its candidates; without one, a US state or a country. None when there is none.

    With ``unknown_town``, a US state's abbreviation after a comma qualifies ``head`` even when the gazetteer
    knows no town of that name in it ("Granby, Vt.": the town is too small to be listed, and is no Granby
    elsewhere)."""
    match = _pattern(gazetteer.words.qualifier_prepositions).match(text, end)
    if match is None:
        return None
    after_comma = "," in text[end : match.start(1)]
    towns = candidates(gazetteer, head, qualified=True) if head is not None else ()
    words = list(re.finditer(r"\S+", match.group(1)))
    for size in range(len(words), 0, -1):
        phrase = " ".join(w.group() for w in words[:size])
        end = match.start(1) + words[size - 1].end()
        for entry, stop in _read_with_stop(gazetteer, phrase, end, after_comma):
            if head is None and (entry.feature == "country" or (entry.feature == "admin1" and entry.country == "USA")):
                return Qualified(entry, match.start(1), stop)
            if head is not None and any(town != entry and within(town, entry) for town in towns):
                return Qualified(entry, match.start(1), stop)
    return _clear_after_comma(gazetteer, match, words) if unknown_town and towns and after_comma else None



def _read_with_stop(gazetteer: Gazetteer, phrase: str, end: int, after_comma: bool) -> list[tuple[Entry, int]]:
    """The readings of ``phrase`` (ending at ``end``), then those of it without the full stop that may end its
    sentence ("a vigil in Moscow, Idaho."; "Vt." keeps its own), each with where its words end."""
    found = [(entry, end) for entry in _readings(gazetteer, phrase, after_comma)]
    if phrase.endswith(".") and len(phrase) > 1:
        found += [(entry, end - 1) for entry in _readings(gazetteer, phrase[:-1], after_comma)]
    return found


def _clear_after_comma(gazetteer: Gazetteer, match: re.Match[str], words: list[re.Match[str]]) -> Qualified | None:
    """A US state written as its abbreviation after a comma ("Vt.", "Fla."), or None: news writes a town's
    state so, and a list of places ("Miami, New York and Detroit") spells states out."""
    for size in range(len(words), 0, -1):
        phrase = " ".join(w.group() for w in words[:size])
        found = [gazetteer.states.get(phrase), *gazetteer.lookup(phrase)]
        for state in found:
            if (state is not None and state.feature == "admin1" and state.country == "USA"
                    and gazetteer.key(phrase) != gazetteer.key(state.name)):
                return Qualified(state, match.start(1), match.start(1) + words[size - 1].end())
    return None
