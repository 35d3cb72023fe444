"""The vocabulary of the times stage, loaded once per language from ``lang/<code>/times.json`` and validated.

Every word the stage knows is in the file: the names (months, weekdays, seasons, holidays), the words
its patterns are built from (modifiers, relatives, offsets, spelled-out numbers...) and the words
around an expression that decide whether and where it is a time (``context``). ``descriptions``
says what each key holds, and a key without a description is refused. Only pattern syntax and
TIMEX3 codes are in code.

Users extend the vocabulary without touching code: a JSON file of the same
shape (any subset of the keys) given as the ``times`` lexicon is merged over
it, its words and holidays added to the built-in ones (see :mod:`dateline._data`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline import lang
from dateline._data import check_version, is_strings
from dateline.errors import ResourceError

__all__ = ["Holiday", "Lexicon", "NamedDate", "load_lexicon", "parse_lexicon"]

#: Major version of the file format this code reads.
SUPPORTED_MAJOR = "2"

#: Tables of words to whole numbers, and the numbers each may hold (None: any).
_INT_MAPS: dict[str, frozenset[int] | None] = {
    "months": frozenset(range(1, 13)),
    "weekdays": frozenset(range(1, 8)),
    "numbers": None,
    "ordinals": None,
    "month_part_ordinals": None,
    "relatives": frozenset({-1, 0, 1}),
    "deictic_days": None,
    "meridiems": frozenset({0, 12}),
    "decade_words": None,
    "year_centuries": None,
    "year_thousands": None,
    "number_parts": frozenset(range(1, 100)),
}
_PARTS_OF_DAY = frozenset({"MO", "AF", "EV", "NI", "DT"})
#: Tables of words to codes, and the codes each may hold (None: any text).
_STR_MAPS: dict[str, frozenset[str] | None] = {
    "seasons": frozenset({"SP", "SU", "FA", "WI"}),
    "parts_of_day": _PARTS_OF_DAY,
    "units": frozenset({"S", "MIN", "H", "D", "W", "WE", "FN", "M", "Q", "Y", "DE", "CE"}),
    "refs": frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"}),
    "sets": None,
    "irregular_plurals": None,
    "deictic_parts_of_day": _PARTS_OF_DAY,
    "clock_words": None,
    "year_parts": frozenset({"Q", "H"}),
    "period_units": frozenset({"Q", "H", "Y", "M", "W"}),
    "period_adjectives": frozenset({"latest", "current", "previous", "same", "year_before"}),
    "year_ends": frozenset({"D", "Y"}),
    "offsets": frozenset({"before", "after", "before_now", "after_now"}),
}
#: Lists of words and phrases that are fields of their own.
_LISTS = ("ambiguous_months", "vague_numbers", "approximators", "weak_refs")
#: Lists of words and phrases the patterns and checks are built from, kept in :attr:`Lexicon.words`.
WORD_LISTS = (
    "month_abbreviations", "ordinal_suffixes", "month_prepositions", "year_prepositions", "articles",
    "indefinite_articles", "possessive_endings", "plural_suffixes", "year_hundreds", "year_zeros",
    "number_joiners", "half_amounts", "half_suffixes", "modifiers", "modifier_prepositions", "period_modifiers",
    "anaphoric_relatives", "calendar_relatives", "stretch_relatives", "weekday_modifiers", "part_of_day_modifiers",
    "part_of_day_prefixes", "bare_parts_of_day", "clock_hour_words", "day_joiners", "fiscal_words",
    "decade_suffixes", "period_words", "year_ago_adjectives", "ended_words", "duration_modifiers",
    "duration_fillers", "age_words", "length_suffixes", "offset_prepositions", "fraction_units",
    "fraction_prepositions", "vague_modifiers", "recent_words", "set_quantifiers", "alternate_words",
    "discourse_refs", "adjective_refs", "within_phrases", "approximate_endings",
)  # fmt: skip
#: Lists under "context": words around an expression that decide whether and where it is a time.
CONTEXT_LISTS = (
    "date_prepositions", "season_prepositions", "deadline_words", "soft_deadline_words", "future_auxiliaries",
    "future_verbs", "vague_prepositions", "conditional_auxiliaries", "infinitive_markers", "perfect_auxiliaries",
    "past_perfect_auxiliaries",
)  # fmt: skip
#: Context lists added after 2.0.0 that a file of 2.0 may lack: read as empty.
OPTIONAL_CONTEXT_LISTS = (
    "schedule_verbs", "origin_words", "range_joiners", "adverb_refs", "relation_words", "frequency_words",
    "possession_words", "time_zones", "indefinite_days", "era_heads", "unchanged_pasts",
)  # fmt: skip
#: Keys that label the file rather than hold words.
_LABELS = ("version", "description", "descriptions")
_CLOCK = re.compile(r"(?:[01]\d|2[0-4]):[0-5]\d")


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday: a fixed ``month``/``day``, the ``nth`` ``weekday`` (1=Monday) of ``month`` (-1: the last)
    moved by ``offset`` days ("the Tuesday after the first Monday of November": Monday, 1), or ``easter``
    days from Western Easter Sunday ("Good Friday": -2; then ``month`` is 0)."""

    month: int
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    offset: int = 0
    easter: int | None = None


@dataclass(frozen=True, slots=True)
class NamedDate:
    """A day known by its date alone ("9/11"): the ``date``, and the ``cues`` (lower case) of which one must
    stand near the words for them to mean that day ("Jan. 6" is the 2021 attack only beside "Capitol");
    no cues: the words always mean it. A word of ``heads`` right after the date makes it that day whatever
    the tense ("the Jan. 6 committee will meet")."""

    date: dt.date
    cues: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """The validated content of the vocabulary file (all keys lower case); hashed by identity.

    ``words`` holds the lists of :data:`WORD_LISTS`; ``unit_forms`` maps every form of a unit
    (singular, plural, irregular plural) to its TIMEX3 unit.
    """

    version: str
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    month_part_ordinals: dict[str, int]
    units: dict[str, str]
    approximators: frozenset[str]
    refs: dict[str, str]
    weak_refs: frozenset[str]
    sets: dict[str, str]
    holidays: dict[str, Holiday]
    named_dates: dict[str, NamedDate]
    context: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]
    relatives: dict[str, int]
    deictic_days: dict[str, int]
    deictic_parts_of_day: dict[str, str]
    meridiems: dict[str, int]
    clock_words: dict[str, str]
    decade_words: dict[str, int]
    year_centuries: dict[str, int]
    year_thousands: dict[str, int]
    number_parts: dict[str, int]
    irregular_plurals: dict[str, str]
    year_parts: dict[str, str]
    period_units: dict[str, str]
    period_adjectives: dict[str, str]
    year_ends: dict[str, str]
    offsets: dict[str, str]
    unit_forms: dict[str, str]

    def unit_words(self, *codes: str) -> list[str]:
        """The singular unit words for the TIMEX3 units ``codes`` ("Y" gives "year")."""
        return [word for word, code in self.units.items() if code in codes]

    def relative(self, phrase: str | None) -> int | None:
        """Where a relative word places its period (-1 before, 0 the one holding, 1 after), or None."""
        return None if phrase is None else self.relatives.get(phrase)

    def without_article(self, phrase: str) -> str:
        """``phrase`` without a definite article before it ("the following" gives "following")."""
        first, _, rest = phrase.partition(" ")
        return rest if rest and first in self.words["articles"] else phrase

    def anaphoric(self, phrase: str | None) -> bool:
        """Whether a relative word counts from the period spoken of last ("that day", "the previous week")."""
        return phrase is not None and self.without_article(phrase) in self.words["anaphoric_relatives"]


def _fail(path: Path, what: str) -> ResourceError:
    return ResourceError(f"times vocabulary {path} is invalid: {what}. Fix the file.")


def _typed_map(raw: dict[str, Any], key: str, kind: type, allowed: frozenset[Any] | None, path: Path) -> dict[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, kind) and not isinstance(v, bool) for v in value.values()):
        raise _fail(path, f"'{key}' must map words to {kind.__name__} values")
    wrong = sorted(set(value.values()) - allowed) if allowed is not None else []
    if wrong:
        shown = ", ".join(map(str, sorted(allowed or ())))
        raise _fail(path, f"'{key}' holds {', '.join(map(str, wrong))}; allowed: {shown}")
    return {str(k).lower(): v for k, v in value.items()}


def _word_list(raw: Mapping[str, Any], key: str, path: Path, label: str | None = None) -> frozenset[str]:
    value = raw.get(key)
    if not is_strings(value):
        raise _fail(path, f"'{label or key}' must be a list of strings")
    return frozenset(v.lower() for v in value)


def _holidays(raw: dict[str, Any], path: Path) -> dict[str, Holiday]:
    table = raw.get("holidays", {})
    if not isinstance(table, dict):
        raise _fail(path, "'holidays' must be an object")
    holidays: dict[str, Holiday] = {}
    for name, spec in table.items():
        if isinstance(spec, dict) and _is_int(spec.get("easter")) and set(spec) == {"easter"}:
            holidays[name.lower()] = Holiday(0, easter=spec["easter"])
            continue
        if not isinstance(spec, dict) or not _is_int(spec.get("month")) or not 1 <= spec["month"] <= 12:
            raise _fail(path, f"holiday {name!r} needs an integer 'month' 1-12, or 'easter' alone")
        if spec.get("day") is None and (spec.get("weekday") is None or spec.get("nth") is None):
            raise _fail(path, f"holiday {name!r} needs 'day', or 'weekday' and 'nth'")
        if not _is_int(spec.get("offset", 0)):
            raise _fail(path, f"holiday {name!r}: 'offset' must be a whole number of days")
        holidays[name.lower()] = Holiday(
            spec["month"], spec.get("day"), spec.get("weekday"), spec.get("nth"), spec.get("offset", 0)
        )
    return holidays


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _named_dates(raw: dict[str, Any], path: Path) -> dict[str, NamedDate]:
    """The optional 'named_dates' table: words -> {"date": ISO date, "cues": [words], "heads": [words]}."""
    table = raw.get("named_dates", {})
    if not isinstance(table, dict):
        raise _fail(path, "'named_dates' must be an object")
    out: dict[str, NamedDate] = {}
    for name, spec in table.items():
        try:
            date = dt.date.fromisoformat(spec["date"])
        except (TypeError, KeyError, ValueError) as exc:
            raise _fail(path, f"named date {name!r} needs a 'date' such as 2001-09-11") from exc
        cues, heads = spec.get("cues", []), spec.get("heads", [])
        if not is_strings(cues) or not is_strings(heads):
            raise _fail(path, f"named date {name!r}: 'cues' and 'heads' must be lists of strings")
        out[" ".join(name.lower().split())] = NamedDate(
            date, frozenset(c.lower() for c in cues), frozenset(h.lower() for h in heads)
        )
    return out


def _context(raw: dict[str, Any], path: Path) -> dict[str, frozenset[str]]:
    table = raw.get("context")
    if not isinstance(table, dict):
        raise _fail(path, "'context' must be an object of word lists")
    out = {key: _word_list(table, key, path, f"context.{key}") for key in CONTEXT_LISTS}
    for key in OPTIONAL_CONTEXT_LISTS:
        out[key] = _word_list({key: table.get(key, [])}, key, path, f"context.{key}")
    return out


def _check_descriptions(raw: dict[str, Any], path: Path) -> None:
    """Every key, and every context list, has a description in ``descriptions``."""
    table = raw.get("descriptions")
    if not isinstance(table, dict) or not all(isinstance(v, str) and v.strip() for v in table.values()):
        raise _fail(path, "'descriptions' must map each key to a non-empty description")
    keys = [k for k in raw if k not in _LABELS]
    keys += [f"context.{k}" for k in raw.get("context", {}) if isinstance(raw.get("context"), dict)]
    missing = [k for k in keys if k not in table]
    if missing:
        raise _fail(path, f"no description for {', '.join(missing)}; add one under 'descriptions'")


def _check_references(fields: dict[str, Any], path: Path) -> None:
    """Lists that name words of other tables name only words those tables hold."""
    subsets = {
        "month_abbreviations": "months",
        "calendar_relatives": "relatives",
        "anaphoric_relatives": "relatives",
        "stretch_relatives": "relatives",
        "fraction_units": "units",
        "discourse_refs": "refs",
        "adjective_refs": "refs",
    }
    for key, table in subsets.items():
        stray = sorted(fields["words"][key] - set(fields[table]))
        if stray:
            raise _fail(path, f"'{key}' names {', '.join(stray)}, which '{table}' lacks")
    if not all(_CLOCK.fullmatch(v) for v in fields["clock_words"].values()):
        raise _fail(path, "'clock_words' must map words to clock times such as 12:00")
    stray = sorted(set(fields["irregular_plurals"].values()) - set(fields["units"]))
    if stray:
        raise _fail(path, f"'irregular_plurals' names {', '.join(stray)}, which 'units' lacks")


def _unit_forms(units: dict[str, str], suffixes: frozenset[str], irregular: dict[str, str]) -> dict[str, str]:
    """Every form of a unit word (singular, with each plural ending, irregular plural) with its TIMEX3 unit."""
    forms = {word + suffix: code for word, code in units.items() for suffix in suffixes}
    forms.update({plural: units[singular] for plural, singular in irregular.items()})
    forms.update(units)
    return forms


def parse_lexicon(raw: Any, path: Path) -> Lexicon:
    """Validate the decoded JSON of a vocabulary file and build the lexicon."""
    if not isinstance(raw, dict) or not isinstance(raw.get("version"), str):
        raise _fail(path, "the top level must be an object with a string 'version'")
    check_version(raw, f"times vocabulary {path}", SUPPORTED_MAJOR)
    _check_descriptions(raw, path)
    fields: dict[str, Any] = {key: _typed_map(raw, key, int, allowed, path) for key, allowed in _INT_MAPS.items()}
    fields.update({key: _typed_map(raw, key, str, allowed, path) for key, allowed in _STR_MAPS.items()})
    fields.update({key: _word_list(raw, key, path) for key in _LISTS})
    fields["words"] = {key: _word_list(raw, key, path) for key in WORD_LISTS}
    _check_references(fields, path)
    fields["unit_forms"] = _unit_forms(fields["units"], fields["words"]["plural_suffixes"], fields["irregular_plurals"])
    named = _named_dates(raw, path)
    return Lexicon(version=raw["version"], holidays=_holidays(raw, path), named_dates=named,
                   context=_context(raw, path), **fields)


@functools.cache
def load_lexicon(res: lang.Resources) -> Lexicon:
    """The vocabulary of ``res``'s language, with the user's file merged over it; once per process and language."""
    return parse_lexicon(res.data("times", SUPPORTED_MAJOR), Path(res.where("times")))
