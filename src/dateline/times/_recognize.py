"""Recognize temporal expressions in text with patterns built from the vocabulary.

Each rule is one compiled regular expression with named groups; a match is a
:class:`Candidate` that the resolver (``_times_resolve``) turns into a value.
Overlapping matches are settled by length (the longest wins), and a clock time
next to a day ("10 p.m. Wednesday") is merged into one expression.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateline.times._lexicon import Lexicon

__all__ = ["Candidate", "find_candidates", "rules"]

_MODS = (
    r"early|earlier|late|later|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+rest\s+of|the\s+remainder\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of"
)
_REL = r"last|next|this|past|coming|previous|following|current|that|same|the\s+same|the\s+following|the\s+previous"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: A year in digits or spelled out as spoken in broadcast transcripts ("nineteen ninety-six", "two thousand").
_YEAR = (
    rf"(?:1[6-9]\d\d|20\d\d|(?:nineteen|twenty)[\s-](?:hundred|(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}"
    rf"|oh[\s-](?:{_ONES}))|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|{_ONES}))?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_START = r"(?<![\w$.,'/-])"
_END = r"(?![\w]|[.,/-]\d|%|-[^\W\d_])"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One match: ``[start, end)`` in the text, the rule that found it and its named groups (lower case)."""

    start: int
    end: int
    rule: str
    groups: tuple[tuple[str, str], ...]
    surface: str = ""
    parts: tuple[Candidate, ...] = ()

    def get(self, name: str) -> str | None:
        """The named group's text, or None when it did not take part in the match."""
        for key, value in self.groups:
            if key == name:
                return value
        return None


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, with spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _months(lex: Lexicon) -> str:
    parts = [re.escape(w) + (r"\.?" if len(w) <= 4 and w not in ("may", "june", "july") else "") for w in lex.months]
    return "|".join(sorted(parts, key=len, reverse=True))


def _number(lex: Lexicon) -> str:
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    words = _alt([*lex.numbers, *lex.vague_numbers, "a couple of", "a half", "half an?"])
    return rf"(?:\d+(?:\.\d+)?|(?:{tens})[\s-](?:{ones})|{words})"


def _rule_sources(lex: Lexicon) -> dict[str, str]:
    month, weekday, season = _months(lex), _alt(lex.weekdays), _alt(lex.seasons)
    pod, unit, num = _alt(lex.parts_of_day), _alt(lex.units), _number(lex)
    approx, ordinal = _alt(lex.approximators), _alt(lex.ordinals)
    units = rf"(?P<unit>{unit}|centuries)(?:s|es)?"
    return {
        "date_mdy": rf"(?:(?P<rel>last|next|this)\s+)?(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s+(?P<day>{_DAY})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
        "date_dmy": rf"(?:(?P<wd>{weekday}),?\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{month})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
        "iso": rf"(?P<year>{_YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)",
        "slash": r"(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)",
        "month": rf"(?:(?P<mod>{_MODS})[\s-]+)?(?:(?P<rel>{_REL})\s+)?(?P<month>{month})"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})|\s+(?P<yrel>last|this|next)\s+year)?",
        "year": rf"(?:(?P<mod>{_MODS})[\s-]+)?(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year)\s+)?"
        rf"(?P<year>{_YEAR})(?!\s*%)",
        "decade": r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[6-9]\d0|20\d0)|'(?P<short>\d0))'?s",
        "weekday": rf"(?:(?P<rel>last|next|this|past|coming|previous|following|early|late|earlier|later)\s+)?"
        rf"(?P<wd>{weekday})"
        rf"(?:\s+(?P<pod>{pod}))?",
        "deictic": rf"(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{pod}))?",
        "pod": rf"(?:(?P<rel>this|last|the|early\s+this|later\s+this|late\s+this|earlier\s+this)\s+)?"
        rf"(?P<mid>mid-|mid\s)?(?P<pod>noon|midnight|midday|{pod})",
        "clock": r"(?:(?P<hour>[012]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b)"
        r"|(?P<oclock>[012]?\d)\s+o'clock)"
        r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC))?",
        "relative": rf"(?:(?P<mod>{_MODS})(?:\s+in)?\s+)?(?P<the>the\s+)?(?P<rel>{_REL})\s+(?P<unit>{unit}|{season})",
        "season": rf"(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<season>{season})"
        rf"(?:(?:\s+of)?\s+(?P<year>{_YEAR}))?",
        "century": r"(?:the\s+)?(?P<nth>\d{1,2})(?:st|nd|rd|th)[\s-]+century",
        "decade_word": r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?:nineteen[\s-]+)?"
        r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
        "quarter": rf"(?:the\s+)?(?:(?P<rel>{_REL}|latest|year-earlier|year-ago|fiscal)\s+)?"
        rf"(?:(?P<year>{_YEAR})(?:'s)?\s+)?(?:(?P<this>this|last|next)\s+year's\s+)?"
        rf"(?P<ord>{ordinal}|last)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)"
        rf"(?:\s+of\s+(?P<year2>{_YEAR})|\s+(?P<yrel>last|this|next)\s+year)?"
        rf"(?=\s+end(?:ed|ing)\s+(?P<emonth>{month}))?",
        "year_period": rf"the\s+(?P<year>{_YEAR})\s+(?P<unit>quarter|period)",
        "period": r"the\s+(?P<rel>latest|current|year-earlier|year-ago|comparable|corresponding|same|previous|prior"
        r"|fiscal|full)(?:\s+year-ago|\s+year-earlier)?\s+(?:fiscal\s+)?(?P<unit>quarter|period|year|month|week|half)"
        r"(?:\s+(?P<yrel>last)\s+year)?"
        r"(?=\s+(?P<ended>end(?:ed|ing)))?",
        "the_unit": rf"(?:(?P<mod>{_MODS})\s+)?the\s+(?P<unit>quarter|weekend|year|week|month)"
        r"(?=\s+(?P<ended>end(?:ed|ing)))?",
        "duration": rf"(?:(?P<approx>{approx})\s+(?!the\b))?(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|"
        rf"following|final|latest|recent|remaining|other)\s+)?(?P<num>{num})(?P<half>\s+and\s+a\s+half|\s+1/2)?[\s-]+"
        rf"(?:(?P<more>more|additional|straight|consecutive|full)\s+)?{units}(?P<half2>\s+and\s+a\s+half)?"
        rf"(?:[\s-]+(?P<old>old))?(?:\s+(?P<dir>ago|earlier|later|before|"
        rf"after|from\s+now|hence))?",
        "long": rf"(?:(?!an?\s)(?P<num>{num})[\s-]+)?(?P<unit>{unit}|centuries)(?P<plural>s)?-long",
        "vague": rf"(?:(?P<approx>{approx})\s+(?!the\b))?(?:the\s+)?(?P<rel>recent|past|coming|last|next|few)?\s*"
        rf"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)",
        "ago_adj": r"(?P<word>year-earlier|year-ago|year-before|year-end|year['’]s\s+end|year\s+end)",
        "ref": _alt(lex.refs),
        "set": rf"(?P<q>every|each|per)\s+(?:(?P<num>other|{num})\s+)?(?:(?P<wd>{weekday})|(?P<pod>{pod})|{units})",
        "setword": _alt(lex.sets),
        "holiday": rf"(?P<name>{_alt(lex.holidays)})(?:,?\s+(?P<year>{_YEAR}))?",
    }


@functools.cache
def rules(lex: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The compiled rules, once per vocabulary."""
    return tuple(
        (name, re.compile(_START + f"(?:{src})" + _END, re.IGNORECASE)) for name, src in _rule_sources(lex).items()
    )


_TOKEN = re.compile(r"[^\W\d_]+|\d+")
#: The key of every run of digits in :func:`_triggers`.
_DIGITS = "#"
_DEICTIC = ("today", "yesterday", "tomorrow", "tonight")
_CLOCK_WORDS = ("noon", "midnight", "midday")
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")

#: Characters scanned on each side of a trigger word: longer than any expression ("approximately two and a
#: half additional years from now" is 55), so an expression lies whole inside the stretch of each of its words.
WINDOW = 80


def _words(phrases: Iterable[str]) -> frozenset[str]:
    """The longest word of each phrase: a word every match of the phrase contains."""
    return frozenset(max(_TOKEN.findall(p) or [p], key=len) for p in phrases)


@functools.cache
def _triggers(lex: Lexicon) -> dict[str, frozenset[str]]:
    """For each rule, the words (lower case; ``_DIGITS`` for numerals) one of which each of its matches holds."""
    months, weekdays, seasons = _words(lex.months), _words(lex.weekdays), _words(lex.seasons)
    pods = _words(lex.parts_of_day) | frozenset(_CLOCK_WORDS)
    units = _words(lex.units) | {"centuries"}
    units |= {u + "s" for u in units} | {u + "es" for u in units}
    digits = frozenset({_DIGITS})
    return {
        "date_mdy": months, "date_dmy": months, "iso": digits, "slash": digits, "month": months,
        "year": digits | {"nineteen", "twenty", "thousand"}, "decade": digits, "weekday": weekdays,
        "deictic": frozenset(_DEICTIC), "pod": pods, "clock": digits, "relative": units | seasons,
        "season": seasons, "century": digits, "decade_word": frozenset(_DECADE_WORDS),
        "quarter": frozenset({"quarter", "half"}), "year_period": digits,
        "period": frozenset({"quarter", "period", "year", "month", "week", "half"}),
        "the_unit": frozenset({"quarter", "weekend", "year", "week", "month"}), "duration": units, "long": units,
        "vague": units, "ago_adj": frozenset({"year"}), "ref": _words(lex.refs), "set": units | weekdays | pods,
        "setword": _words(lex.sets), "holiday": _words(lex.holidays),
    }  # fmt: skip


def windows(text: str, lex: Lexicon) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the stretches of ``text`` within ``WINDOW`` characters of one of its trigger words, merged."""
    by_word = _rules_by_word(lex)
    spans: dict[str, list[tuple[int, int]]] = {name: [] for name in _triggers(lex)}
    size = len(text)
    for token in _TOKEN.finditer(text):
        word = token.group()
        key = _DIGITS if word[0].isdigit() else word.lower()
        start, end = max(0, token.start() - WINDOW), min(size, token.end() + WINDOW)
        for name in by_word.get(key, ()):
            found = spans[name]
            if found and start <= found[-1][1]:
                found[-1] = (found[-1][0], end)
            else:
                found.append((start, end))
    return spans


@functools.cache
def _rules_by_word(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The rules each trigger word wakes."""
    out: dict[str, list[str]] = {}
    for name, words in _triggers(lex).items():
        for word in words:
            out.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in out.items()}


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


def _matches(text: str, lex: Lexicon) -> Iterator[Candidate]:
    for name, match in _scan(text, lex):
        if match.end() == match.start():
            continue
        groups = tuple((k, v.lower()) for k, v in match.groupdict().items() if v is not None)
        start = match.start()
        end = match.end()
        if name == "duration" and match.group("dir") in ("after", "before") and _CLAUSE_NEXT.match(text, end):
            # "two years after the war": a duration followed by a preposition, not a date.
            end = match.start("dir")
            while text[end - 1].isspace():
                end -= 1
            groups = tuple((k, v) for k, v in groups if k != "dir")
        adjective = name == "duration" and (match.group("old") or text[match.start("unit") - 1] == "-")
        if adjective and _THE.match(text, start):
            start = _THE.match(text, start).end()  # type: ignore[union-attr]
        yield Candidate(start, end, name, groups, text[start:end].lower())


def _settle(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (earliest first on ties), in text order."""
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


_THE = re.compile(r"the\s+", re.IGNORECASE)
_CLAUSE_NEXT = re.compile(r"\s+[\w$]")
_TIME_RULES = frozenset({"clock", "pod"})
_DAY_RULES = frozenset({"weekday", "deictic", "date_mdy", "date_dmy"})
_JOIN = re.compile(r"\s*,?\s*(?:on\s+|of\s+)?")


def _merge(text: str, found: list[Candidate]) -> list[Candidate]:
    """Join a clock time or part of day with the day right after it ("noon Thursday") into one TIME."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if prev is not None and prev.rule in _TIME_RULES and cand.rule in _DAY_RULES:
            gap = _JOIN.fullmatch(text, prev.end, cand.start)
            if gap is not None:
                surface = text[prev.start : cand.end].lower()
                out[-1] = Candidate(prev.start, cand.end, "clock_day", (), surface, (prev, cand))
                continue
        out.append(cand)
    return out


def find_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    """All temporal expressions the rules find in ``text``, non-overlapping, in text order."""
    return _merge(text, _settle(_matches(text, lex)))
