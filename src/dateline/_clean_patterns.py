"""The boilerplate patterns of :mod:`dateline.clean`, loaded once from ``data/boilerplate.json``.

Users add patterns without touching code: ``$DATELINE_BOILERPLATE`` may name a
JSON file of the same shape, whose entries are added to the packaged ones.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.errors import ResourceError

#: The data file version this code reads.
SUPPORTED_VERSION = 1

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
def load_patterns() -> Patterns:
    """The packaged patterns plus those of ``$DATELINE_BOILERPLATE`` (loaded once per process)."""
    packaged = resources.files("dateline").joinpath("data/boilerplate.json")
    raw = [_read(packaged.read_text(encoding="utf-8"), "dateline/data/boilerplate.json")]
    extra = os.environ.get(EXTRA_ENV)
    if extra:
        try:
            raw.append(_read(Path(extra).read_text(encoding="utf-8"), extra))
        except OSError as exc:
            raise ResourceError(f"cannot read ${EXTRA_ENV} file {extra}: {exc}; fix the path or unset it") from exc
    return _compile(raw)


def _read(text: str, name: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ResourceError(f"boilerplate patterns {name} are not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != SUPPORTED_VERSION:
        raise ResourceError(f"boilerplate patterns {name}: expected an object with \"version\": {SUPPORTED_VERSION}")
    if not isinstance(data.get("kinds", {}), dict):
        raise ResourceError(f"boilerplate patterns {name}: \"kinds\" must map a kind to its exact lines and patterns")
    data["_name"] = name
    return data


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ResourceError(f"boilerplate patterns {where}: expected a list of strings")
    return value


def _regex(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ResourceError(f"boilerplate patterns {where}: bad regular expression {pattern!r}: {exc}") from exc


def _compile(sources: list[dict[str, Any]]) -> Patterns:
    exact: dict[str, str] = {}
    regexes: list[tuple[str, re.Pattern[str]]] = []
    author_block: list[re.Pattern[str]] = []
    byline: list[re.Pattern[str]] = []
    stopwords: set[str] = set()
    penalized: set[str] = set()
    for data in sources:
        name = data["_name"]
        for kind, spec in data.get("kinds", {}).items():
            if not isinstance(spec, dict):
                raise ResourceError(f"boilerplate patterns {name}: kind {kind!r} must be an object")
            for line in _strings(spec.get("exact", []), f"{name} kinds.{kind}.exact"):
                exact[" ".join(line.split()).lower()] = kind
            for pattern in _strings(spec.get("patterns", []), f"{name} kinds.{kind}.patterns"):
                regexes.append((kind, _regex(pattern, f"{name} kinds.{kind}")))
        for pattern in _strings(data.get("author_block", {}).get("patterns", []), f"{name} author_block"):
            author_block.append(_regex(pattern, f"{name} author_block"))
        # Bylines are case-sensitive: the name must be capitalized.
        for pattern in _strings(data.get("byline", {}).get("patterns", []), f"{name} byline"):
            byline.append(_regex(pattern, f"{name} byline", 0))
        penalized.update(_strings(data.get("penalized_kinds", {}).get("kinds", []), f"{name} penalized_kinds"))
        stopwords.update(word.lower() for word in _strings(data.get("stopwords", []), f"{name} stopwords"))
    return Patterns(
        exact, tuple(regexes), tuple(author_block), tuple(byline), frozenset(stopwords), frozenset(penalized)
    )
