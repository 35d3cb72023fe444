"""Recognize temporal expressions in text with the patterns of :mod:`dateline.times._grammar`.

A match is a :class:`Candidate` that the resolvers (:mod:`dateline.times._points`,
:mod:`dateline.times._spans`) turn into a value. Overlapping matches are
settled by length (the longest wins), and a clock time next to a day
("10 p.m. Wednesday") is merged into one expression. Two days of one month
written as a range ("April 24 and 25", "3-5 March") are two expressions, the
bare day taking the month (and year) of the other; so are two years joined by a
dash ("1919-33").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from dateline.times._grammar import DIGITS, grammar, normalize_apostrophes
from dateline.times._lexicon import Lexicon

__all__ = ["WINDOW", "Candidate", "Extent", "find_candidates", "rules", "windows"]

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_CLAUSE_NEXT = re.compile(r"\s+[\w$]")
_TIME_RULES = frozenset({"clock", "pod"})
_DAY_RULES = frozenset({"weekday", "deictic", "date_mdy", "date_dmy"})
#: Rules that match two days of one month or two years; the recognizer yields each end as a candidate of its own.
_RANGE_RULES = frozenset({"range_mdy", "range_dmy", "range_years"})

#: Characters scanned on each side of a trigger word: longer than any expression ("approximately two and a
#: half additional years from now" is 55), so an expression lies whole inside the stretch of each of its words.
WINDOW = 80


class Extent(NamedTuple):
    """Character offsets ``[start, end)`` into the text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """One match: ``[start, end)`` in the text, the rule that found it and its named groups (lower case)."""

    start: int
    end: int
    rule: str
    groups: tuple[tuple[str, str], ...]
    surface: str = ""
    parts: tuple[Candidate, ...] = ()

    @property
    def extent(self) -> Extent:
        """Where the candidate lies in the text."""
        return Extent(self.start, self.end)

    def get(self, name: str) -> str | None:
        """The named group's text, or None when it did not take part in the match."""
        for key, value in self.groups:
            if key == name:
                return value
        return None


def rules(lex: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The compiled rules of ``lex``, by name, in the order they are tried."""
    return grammar(lex).rules


def windows(text: str, lex: Lexicon) -> dict[str, list[Extent]]:
    """For each rule, the stretches of ``text`` within ``WINDOW`` characters of one of its trigger words, merged."""
    compiled = grammar(lex)
    spans: dict[str, list[Extent]] = {name: [] for name, _ in compiled.rules}
    size = len(text)
    for token in _TOKEN.finditer(text):
        word = token.group()
        key = DIGITS if word[0].isdigit() else word.lower()
        start, end = max(0, token.start() - WINDOW), min(size, token.end() + WINDOW)
        for name in compiled.by_word.get(key, ()):
            found = spans[name]
            if found and start <= found[-1].end:
                found[-1] = Extent(found[-1].start, end)
            else:
                found.append(Extent(start, end))
    return spans


def _scan(text: str, lex: Lexicon) -> Iterator[tuple[str, re.Match[str]]]:
    """Every rule's matches, each rule scanning only the stretches around its trigger words.

    The same matches as scanning the whole text: every match holds a trigger word and lies within
    ``WINDOW`` characters of it, so it starts inside a stretch and ends well before the scan stops.
    """
    stretches, size = windows(text, lex), len(text)
    for name, pattern in rules(lex):
        for start, end in stretches[name]:
            # Matches start inside the stretch; the text beyond it stays visible to their end and lookaheads.
            for match in pattern.finditer(text, start, min(size, end + WINDOW)):
                if match.start() >= end:
                    break
                yield name, match


def _groups(match: re.Match[str], *names: str) -> tuple[tuple[str, str], ...]:
    """The named groups of ``match`` that took part in it (all when no ``names`` are given), lower case."""
    found = match.groupdict()
    return tuple(
        (k, normalize_apostrophes(v.lower())) for k, v in found.items() if v is not None and (not names or k in names)
    )


def _number(cand: Candidate, group: str) -> int:
    """The number a candidate's group gives ("25th": 25)."""
    return int("".join(ch for ch in cand.get(group) or "" if ch.isdigit()) or 0)


def _range_days(name: str, match: re.Match[str], text: str) -> tuple[Candidate, Candidate]:
    """The two days of a range in one month ("April 24 and 25", "3 to 5 March"): the one written with its month
    as a date, the bare one as a ``range_day`` whose ``parts`` hold that date. The year, when given, is both's."""
    day2 = (("day", match.group("day2").lower()),)
    mdy = name == "range_mdy"
    start, end = match.start(), match.end()
    if mdy:
        dated_at, bare_at = (start, match.end("day")), (match.start("day2"), end)
        dated_groups = _groups(match, "rel", "wd", "month", "day", "year")
        bare_groups = _groups(match, "rel", "month", "year") + day2
    else:
        dated_at, bare_at = (match.start("day2"), end), (start, match.end("day"))
        dated_groups, bare_groups = _groups(match, "month", "year") + day2, _groups(match, "day", "month", "year")
    dated = Candidate(*dated_at, "date_mdy" if mdy else "date_dmy", dated_groups, text[slice(*dated_at)].lower())
    bare = Candidate(*bare_at, "range_day", bare_groups, text[slice(*bare_at)].lower(), (dated,))
    return (dated, bare) if mdy else (bare, dated)


def _range_years(match: re.Match[str], text: str) -> tuple[Candidate, Candidate]:
    """The two years of a range ("2005-2015", "1919-33": the closing year in the opening one's century), each a
    ``range_year``; the opening one's ``parts`` hold the closing one."""
    opening, written = match.group("year"), match.group("year2")
    closing = opening[: 4 - len(written)] + written
    start, end = match.start("year2"), match.end()
    last = Candidate(start, end, "range_year", (("year", closing),), text[start:end].lower())
    return Candidate(match.start(), match.end("year"), "range_year", (("year", opening),), opening, (last,)), last


def _split(name: str, match: re.Match[str], text: str) -> list[Candidate]:
    """The two ends of a range, when the closing one comes after the opening one ("March 13 and 5 others" and
    "2019-10" are no ranges)."""
    first, second = _range_years(match, text) if name == "range_years" else _range_days(name, match, text)
    key = "year" if name == "range_years" else "day"
    return [first, second] if _number(second, key) > _number(first, key) else []


def _matches(text: str, lex: Lexicon) -> Iterator[Candidate]:
    article = grammar(lex).article
    for name, match in _scan(text, lex):
        if match.end() == match.start():
            continue
        if name in _RANGE_RULES:
            yield from _split(name, match, text)
            continue
        groups = _groups(match)
        start = match.start()
        end = match.end()
        if name == "duration" and match.group("dir") in lex.words["offset_prepositions"] and _CLAUSE_NEXT.match(
            text, end
        ):
            # "two years after the war": a duration followed by a preposition, not a date.
            end = match.start("dir")
            while text[end - 1].isspace():
                end -= 1
            groups = tuple((k, v) for k, v in groups if k != "dir")
        adjective = name == "duration" and (match.group("old") or text[match.start("unit") - 1] == "-")
        the = article.match(text, start) if adjective else None
        if the is not None:
            start = the.end()  # "the 23-year-old": the article is not part of the age
        yield Candidate(start, end, name, groups, text[start:end].lower())


def _settle(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (earliest first on ties), in text order.

    The kept candidates never overlap, so they stay sorted by start and a new one need only be
    checked against its neighbours there (one scan of all kept ones per candidate took minutes on a
    text of a few megabytes).
    """
    kept: list[Candidate] = []
    starts: list[int] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        at = bisect.bisect_left(starts, cand.start)
        if at > 0 and kept[at - 1].end > cand.start:
            continue
        if at < len(kept) and kept[at].start < cand.end:
            continue
        kept.insert(at, cand)
        starts.insert(at, cand.start)
    return kept


def _merge(text: str, found: list[Candidate], joiner: re.Pattern[str]) -> list[Candidate]:
    """Join a clock time or part of day with the day right after it ("noon Thursday") into one TIME."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if prev is not None and prev.rule in _TIME_RULES and cand.rule in _DAY_RULES:
            gap = joiner.fullmatch(text, prev.end, cand.start)
            if gap is not None:
                surface = text[prev.start : cand.end].lower()
                out[-1] = Candidate(prev.start, cand.end, "clock_day", (), surface, (prev, cand))
                continue
        out.append(cand)
    return out


def find_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    """All temporal expressions the rules find in ``text``, non-overlapping, in text order."""
    return _merge(text, _settle(_matches(text, lex)), grammar(lex).day_joiner)
