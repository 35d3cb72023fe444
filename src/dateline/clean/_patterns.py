"""The boilerplate patterns of :mod:`dateline.clean`, loaded once from ``data/boilerplate.json``.

Users add patterns without touching code: ``$DATELINE_BOILERPLATE`` may name a
JSON file of the same shape (any subset of the keys), merged over the packaged
one so that its entries are added (see :mod:`dateline._data`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline._data import is_strings, load_data, user_file
from dateline.errors import ResourceError

#: Major version of the data file format this code reads.
SUPPORTED_MAJOR = "1"

#: Environment variable naming an extra patterns file.
EXTRA_ENV = "DATELINE_BOILERPLATE"


@dataclass(frozen=True)
class Patterns:
    """Compiled boilerplate patterns: per-kind exact lines and regexes, author block, bylines, stopwords."""

    exact: dict[str, str]  # lowercased line -> kind
    regexes: tuple[tuple[str, re.Pattern[str]], ...]
    author_block: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    stopwords: frozenset[str]
    penalized: frozenset[str]  # kinds that open a section that is not the article

    def kind_of(self, line: str) -> str | None:
        """The boilerplate kind a normalized line matches, or None."""
        kind = self.exact.get(line.lower().rstrip(" :»›>"))
        if kind is not None:
            return kind
        for kind, regex in self.regexes:
            if regex.search(line):
                return kind
        return None


@cache
def _load(user_path: str | None) -> Patterns:
    data = load_data("boilerplate.json", what="boilerplate patterns", supported=SUPPORTED_MAJOR, env=EXTRA_ENV,
                     user_path=user_path)
    name = "dateline/data/boilerplate.json" + ("" if user_path is None else f" with {user_path}")
    if not isinstance(data.get("kinds", {}), dict):
        raise ResourceError(f"boilerplate patterns {name}: \"kinds\" must map a kind to its exact lines and patterns")
    return _compile(data, name)


def load_patterns() -> Patterns:
    """The packaged patterns with those of ``$DATELINE_BOILERPLATE`` merged in (loaded once per file)."""
    return _load(user_file(EXTRA_ENV))


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
    penalized = _strings(data.get("penalized_kinds", {}).get("kinds", []), f"{name} penalized_kinds")
    stopwords = {word.lower() for word in _strings(data.get("stopwords", []), f"{name} stopwords")}
    return Patterns(
        exact, tuple(regexes), tuple(author_block), tuple(byline), frozenset(stopwords), frozenset(penalized)
    )
