"""The vocabulary of the times stage, loaded once per language from ``lang/<code>/times.json`` and validated.

Users extend the vocabulary without touching code: a JSON file of the same
shape (any subset of the keys) given as the ``times`` lexicon is merged over
it, its words and holidays added to the built-in ones (see :mod:`dateline._data`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline import lang
from dateline._data import check_version, is_strings
from dateline.errors import ResourceError

__all__ = ["Holiday", "Lexicon", "load_lexicon", "parse_lexicon"]

#: Major version of the file format this code reads.
SUPPORTED_MAJOR = "2"

_INT_MAPS = ("months", "weekdays", "numbers", "ordinals")
_STR_MAPS = ("seasons", "parts_of_day", "units", "refs", "sets")
_LISTS = ("ambiguous_months", "vague_numbers", "approximators", "weak_refs")
#: Lists under "context": words around an expression that decide whether and where it is a time.
CONTEXT_LISTS = (
    "date_prepositions",
    "season_prepositions",
    "deadline_words",
    "soft_deadline_words",
    "future_auxiliaries",
    "future_verbs",
)
#: Context lists added after 2.0.0: optional, empty when a user's file predates them.
OPTIONAL_CONTEXT_LISTS = ("schedule_verbs",)


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday: a fixed ``month``/``day``, or the ``nth`` ``weekday`` (1=Monday) of ``month`` (-1: the last)."""

    month: int
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """The validated content of the vocabulary file (all keys lower case); hashed by identity."""

    version: str
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    approximators: frozenset[str]
    refs: dict[str, str]
    weak_refs: frozenset[str]
    sets: dict[str, str]
    holidays: dict[str, Holiday]
    context: dict[str, frozenset[str]]


def _fail(path: Path, what: str) -> ResourceError:
    return ResourceError(f"times vocabulary {path} is invalid: {what}. Fix the file.")


def _typed_map(raw: dict[str, Any], key: str, kind: type, path: Path) -> dict[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, kind) for v in value.values()):
        raise _fail(path, f"'{key}' must map words to {kind.__name__} values")
    return {str(k).lower(): v for k, v in value.items()}


def _holidays(raw: dict[str, Any], path: Path) -> dict[str, Holiday]:
    table = raw.get("holidays", {})
    if not isinstance(table, dict):
        raise _fail(path, "'holidays' must be an object")
    holidays: dict[str, Holiday] = {}
    for name, spec in table.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("month"), int) or not 1 <= spec["month"] <= 12:
            raise _fail(path, f"holiday {name!r} needs an integer 'month' 1-12")
        if spec.get("day") is None and (spec.get("weekday") is None or spec.get("nth") is None):
            raise _fail(path, f"holiday {name!r} needs 'day', or 'weekday' and 'nth'")
        holidays[name.lower()] = Holiday(spec["month"], spec.get("day"), spec.get("weekday"), spec.get("nth"))
    return holidays


def parse_lexicon(raw: Any, path: Path) -> Lexicon:
    """Validate the decoded JSON of a vocabulary file and build the lexicon."""
    if not isinstance(raw, dict) or not isinstance(raw.get("version"), str):
        raise _fail(path, "the top level must be an object with a string 'version'")
    check_version(raw, f"times vocabulary {path}", SUPPORTED_MAJOR)
    fields: dict[str, Any] = {key: _typed_map(raw, key, int, path) for key in _INT_MAPS}
    fields.update({key: _typed_map(raw, key, str, path) for key in _STR_MAPS})
    for key in _LISTS:
        value = raw.get(key)
        if not is_strings(value):
            raise _fail(path, f"'{key}' must be a list of strings")
        fields[key] = frozenset(v.lower() for v in value)
    if not all(1 <= m <= 12 for m in fields["months"].values()):
        raise _fail(path, "month numbers must be 1-12")
    if not all(1 <= d <= 7 for d in fields["weekdays"].values()):
        raise _fail(path, "weekday numbers must be 1 (Monday) to 7 (Sunday)")
    return Lexicon(version=raw["version"], holidays=_holidays(raw, path), context=_context(raw, path), **fields)


def _context(raw: dict[str, Any], path: Path) -> dict[str, frozenset[str]]:
    table = raw.get("context")
    if not isinstance(table, dict):
        raise _fail(path, "'context' must be an object of word lists")
    out: dict[str, frozenset[str]] = {}
    for key in CONTEXT_LISTS + OPTIONAL_CONTEXT_LISTS:
        words = table.get(key, [] if key in OPTIONAL_CONTEXT_LISTS else None)
        if not is_strings(words):
            raise _fail(path, f"'context.{key}' must be a list of strings")
        out[key] = frozenset(w.lower() for w in words)
    return out


@functools.cache
def load_lexicon(res: lang.Resources) -> Lexicon:
    """The vocabulary of ``res``'s language, with the user's file merged over it; once per process and language."""
    return parse_lexicon(res.data("times", SUPPORTED_MAJOR), Path(res.where("times")))
