"""The boilerplate patterns of :mod:`dateline.clean`, loaded once per language from ``lang/<code>/boilerplate.json``.

Users add patterns without touching code: a JSON file of the same shape (any
subset of the keys) given as the ``boilerplate`` lexicon is merged over the
packaged one so that its entries are added (see :mod:`dateline._data`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline import lang
from dateline._data import is_strings
from dateline.clean._dates import DatePatterns, compile_dates
from dateline.errors import ResourceError

#: Major version of the data file format this code reads.
SUPPORTED_MAJOR = "1"


@dataclass(frozen=True)
class Patterns:
    """Compiled boilerplate patterns: per-kind exact lines and regexes, author block, bylines, stopwords, dates."""

    exact: dict[str, str]  # lowercased line -> kind
    regexes: tuple[tuple[str, re.Pattern[str]], ...]
    author_block: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    byline_separator: re.Pattern[str]  # between two names of a byline
    role_words: frozenset[str]  # words that make an author's name an outlet or a role, lower case
    stopwords: frozenset[str]
    penalized: frozenset[str]  # kinds that open a section that is not the article
    html_kinds: frozenset[str]  # kinds whose lines are also taken out of the body extracted from HTML
    comment_kinds: frozenset[str]  # kinds whose lines open readers' comments, which follow the article
    dates: DatePatterns
    ascii_letter_share: float  # 0: no check

    def kind_of(self, line: str, key: str | None = None) -> str | None:
        """The boilerplate kind a normalized line matches, or None. ``key`` is the line without its list bullet,
        when it has one: exact lines are compared with it, patterns are searched in both (a dash that opens a
        line is a bullet in a menu, but the mark of an attribution in "—Jane Doe, mayor")."""
        key = line if key is None else key
        kind = self.exact.get(key.lower().rstrip(" :»›>"))
        if kind is not None:
            return kind
        for kind, regex in self.regexes:
            if regex.search(key) or (key != line and regex.search(line)):
                return kind
        return None


@cache
def load_patterns(res: lang.Resources) -> Patterns:
    """The patterns of ``res``'s language, with the user's file merged in; once per process and language."""
    data = res.data("boilerplate", SUPPORTED_MAJOR)
    name = res.where("boilerplate")
    if not isinstance(data.get("kinds", {}), dict):
        raise ResourceError(f"boilerplate patterns {name}: \"kinds\" must map a kind to its exact lines and patterns")
    return _compile(data, name)


def _strings(value: object, where: str) -> list[str]:
    if not is_strings(value):
        raise ResourceError(f"boilerplate patterns {where}: expected a list of strings")
    return value


def _regex(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ResourceError(f"boilerplate patterns {where}: bad regular expression {pattern!r}: {exc}") from exc


def _compile(data: dict[str, Any], name: str) -> Patterns:
    exact: dict[str, str] = {}
    regexes: list[tuple[str, re.Pattern[str]]] = []
    for kind, spec in data.get("kinds", {}).items():
        if not isinstance(spec, dict):
            raise ResourceError(f"boilerplate patterns {name}: kind {kind!r} must be an object")
        for line in _strings(spec.get("exact", []), f"{name} kinds.{kind}.exact"):
            exact[" ".join(line.split()).lower()] = kind
        for pattern in _strings(spec.get("patterns", []), f"{name} kinds.{kind}.patterns"):
            regexes.append((kind, _regex(pattern, f"{name} kinds.{kind}")))
    author_block = [_regex(p, f"{name} author_block")
                    for p in _strings(data.get("author_block", {}).get("patterns", []), f"{name} author_block")]
    # Bylines are case-sensitive: the name must be capitalized.
    byline = [_regex(p, f"{name} byline", 0)
              for p in _strings(data.get("byline", {}).get("patterns", []), f"{name} byline")]
    conjunctions = _strings(data.get("byline", {}).get("conjunctions", []), f"{name} byline.conjunctions")
    words = "|".join(re.escape(w) for w in sorted(conjunctions, key=len, reverse=True))
    separator = re.compile(r"\s*,\s*" + (rf"|\s+(?:{words})\s+" if words else ""))
    roles = _strings(data.get("byline", {}).get("role_words", []), f"{name} byline.role_words")
    penalized = _strings(data.get("penalized_kinds", {}).get("kinds", []), f"{name} penalized_kinds")
    html_kinds = _strings(data.get("html_kinds", {}).get("kinds", []), f"{name} html_kinds")
    comment_kinds = _strings(data.get("comment_kinds", {}).get("kinds", []), f"{name} comment_kinds")
    unknown = sorted(set(penalized + html_kinds + comment_kinds) - set(data.get("kinds", {})))
    if unknown:
        raise ResourceError(f"boilerplate patterns {name}: unknown kind(s) {', '.join(unknown)} in penalized_kinds, "
                            "html_kinds or comment_kinds; name kinds defined under \"kinds\"")
    stopwords = {word.lower() for word in _strings(data.get("stopwords", []), f"{name} stopwords")}
    return Patterns(
        exact, tuple(regexes), tuple(author_block), tuple(byline), separator,
        frozenset(word.lower() for word in roles), frozenset(stopwords), frozenset(penalized),
        frozenset(html_kinds), frozenset(comment_kinds), compile_dates(data.get("dates"), name),
        _share(data.get("ascii_letter_share"), name),
    )


def _share(spec: object, name: str) -> float:
    value = spec.get("minimum") if isinstance(spec, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ResourceError(f"boilerplate patterns {name}: 'ascii_letter_share.minimum' must be a number from 0 to 1")
    return float(value)
