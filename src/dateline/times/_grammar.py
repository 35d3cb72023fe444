"""The patterns of the times stage, built from the vocabulary once per language.

Each rule is one regular expression with named groups; its words all come
from the lexicon (:mod:`dateline.times._lexicon`), its syntax from here. Each
rule also has trigger words, one of which every match holds, so the
recognizer only scans the text around them (:mod:`dateline.times._recognize`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.times._lexicon import Lexicon

__all__ = ["DIGITS", "Grammar", "grammar", "normalize_apostrophes"]

#: The trigger key of every run of digits.
DIGITS = "#"
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_START = r"(?<![\w$.,'/-])"
_END = r"(?![\w]|[.,/-]\d|%|-[^\W\d_])"
#: What an apostrophe in a phrase of the vocabulary matches.
_APOSTROPHES = "['\u2019]"
#: Units that follow "the" on their own ("the quarter", "the weekend").
_THE_UNITS = ("Q", "WE", "Y", "W", "M")
#: Units a phrase places a time inside ("later in the day", "early in the year").
_WITHIN_UNITS = ("D", "W", "M", "Y")
#: Units an ordinal counts within a named month ("the last week of August").
_MONTH_PART_UNITS = ("D", "W", "WE")
#: Units a bare plural stands for as a vague duration ("years", "hours").
_VAGUE_UNITS = ("Y", "M", "W", "D", "DE", "CE", "H", "MIN")


def normalize_apostrophes(text: str) -> str:
    """``text`` with its typographic apostrophes written as the vocabulary writes them."""
    return text.replace("\u2019", "'")


def alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first; spaces match any whitespace, apostrophes either kind.

    An empty list gives a pattern that matches nothing.
    """
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return "(?!)"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", _APOSTROPHES) for w in ordered)


@dataclass(frozen=True)
class Grammar:
    """The compiled rules of one vocabulary, their trigger words, and the small patterns around them."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]
    by_word: dict[str, tuple[str, ...]]
    article: re.Pattern[str]
    day_joiner: re.Pattern[str]
    fraction_after: re.Pattern[str]
    larger_period_after: re.Pattern[str]


@functools.cache
def grammar(lex: Lexicon) -> Grammar:
    """The grammar of ``lex``, built once per vocabulary."""
    rules = tuple(
        (name, re.compile(_START + f"(?:{src})" + _END, re.IGNORECASE)) for name, src in _rule_sources(lex).items()
    )
    by_word: dict[str, list[str]] = {}
    for name, words in _triggers(lex).items():
        for word in words:
            by_word.setdefault(word, []).append(name)
    w = lex.words
    return Grammar(
        rules,
        {word: tuple(names) for word, names in by_word.items()},
        re.compile(rf"(?:{alt(w['articles'])})\s+", re.IGNORECASE),
        re.compile(rf"\s*,?\s*(?:(?:{alt(w['day_joiners'])})\s+)?", re.IGNORECASE),
        re.compile(rf"\s+(?:{alt(w['fraction_prepositions'])})\b", re.IGNORECASE),
        re.compile(
            rf"\s+(?:{alt(w['year_prepositions'])})\s+(?:(?:{alt(w['articles'])})\s+)?(?:[\w-]+\s+)?"
            rf"(?:{alt(lex.unit_words('DE', 'CE'))}\b|(?:\d{{2}}|')\d0'?(?:{alt(w['decade_suffixes'])}))",
            re.IGNORECASE,
        ),
    )


def _months(lex: Lexicon) -> str:
    """Month words, an abbreviation with an optional period ("Jan.")."""
    abbreviations = lex.words["month_abbreviations"]
    parts = [alt([w]) + (r"\.?" if w in abbreviations else "") for w in lex.months]
    return "|".join(sorted(parts, key=len, reverse=True))


def _number_words(lex: Lexicon) -> tuple[str, str, str, str]:
    """Alternations of the number parts: ones (1-9), teens (10-19), tens (20-90), and ones or teens."""
    parts = lex.number_parts
    ones = [w for w, v in parts.items() if v < 10]
    teens = [w for w, v in parts.items() if 10 <= v < 20]
    tens = [w for w, v in parts.items() if v >= 20 and v % 10 == 0]
    return alt(ones), alt(teens), alt(tens), alt(ones + teens)


def _number(lex: Lexicon) -> str:
    """An amount: a numeral, a compound number ("twenty-one"), or a number word."""
    ones, _, tens, _ = _number_words(lex)
    words = alt([*lex.numbers, *lex.vague_numbers, *lex.words["half_amounts"]])
    return rf"(?:\d+(?:\.\d+)?|(?:{tens})[\s-](?:{ones})|{words})"


def _year(lex: Lexicon) -> str:
    """A year in digits or spelled out as spoken in broadcast transcripts ("nineteen ninety-six", "two thousand")."""
    ones, teens, tens, small = _number_words(lex)
    w = lex.words
    centuries, thousands = alt(lex.year_centuries), alt(lex.year_thousands)
    spelled = (
        rf"(?:{centuries})[\s-](?:{alt(w['year_hundreds'])}|(?:{tens})(?:[\s-](?:{ones}))?|{teens}"
        rf"|(?:{alt(w['year_zeros'])})[\s-](?:{ones}))"
    )
    return rf"(?:1[6-9]\d\d|20\d\d|{spelled}|(?:{thousands})(?:\s+(?:(?:{alt(w['number_joiners'])})\s+)?(?:{small}))?)"


def _meridiem(lex: Lexicon) -> str:
    """Markers after a clock time, dotted ("p.m.", "p. m.") or not ("pm")."""
    dotted = [r"\.\s?".join(map(re.escape, marker)) + r"\b\.?" for marker in lex.meridiems]
    return "|".join(dotted + [re.escape(marker) + r"\b" for marker in lex.meridiems])


def _dash(lex: Lexicon) -> str:
    """One of the range joiners that are punctuation ("-", "–"); a pattern matching nothing without any."""
    dashes = [j for j in lex.context["range_joiners"] if not any(ch.isalpha() for ch in j)]
    return f"(?:{alt(dashes)})"


def _day_range_joiner(lex: Lexicon) -> str:
    """What joins the two days of a range: a dash with or without spaces around it, or a word ("to", "and")."""
    words = alt(j for j in lex.context["range_joiners"] if any(ch.isalpha() for ch in j))
    return rf"(?:\s*{_dash(lex)}\s*|\s+(?:{words})\s+)"


def _month_parts(lex: Lexicon) -> str:
    """The words for the parts of a month an ordinal counts: days, weeks and weekends in any form, and halves."""
    forms = [form for form, code in lex.unit_forms.items() if code in _MONTH_PART_UNITS]
    return alt([*forms, *(word for word, code in lex.year_parts.items() if code == "H")])


def _point_sources(lex: Lexicon) -> dict[str, str]:
    """The rules for points in time: dates, months, years, decades, weekdays, days, clock times."""
    w, year, month, weekday = lex.words, _year(lex), _months(lex), alt(lex.weekdays)
    the, mods, period_mods = alt(w["articles"]), alt(w["modifiers"]), alt(w["period_modifiers"])
    calendar, year_word, pod = alt(w["calendar_relatives"]), alt(lex.unit_words("Y")), alt(lex.parts_of_day)
    day = rf"{_DAY}(?:{alt(w['ordinal_suffixes'])})?"
    of_year = rf"(?:(?:{alt(w['year_prepositions'])})\s+)?"
    joiner, dash = _day_range_joiner(lex), _dash(lex)
    return {
        "date_mdy": rf"(?:(?P<rel>{calendar})\s+)?(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s+(?P<day>{day})"
        rf"(?:,?\s+(?P<year>{year}))?",
        "date_dmy": rf"(?:(?P<wd>{weekday}),?\s+)?(?P<day>{day})\s+(?:(?:{alt(w['month_prepositions'])})\s+)?"
        rf"(?P<month>{month})(?:,?\s+(?P<year>{year}))?",
        # "April 24 and 25", "March 3-5, 2020", "3 to 5 March": two days of one month (split by the recognizer)
        "range_mdy": rf"(?:(?P<rel>{calendar})\s+)?(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month})\s+(?P<day>{day})"
        rf"{joiner}(?P<day2>{day})(?:,?\s+(?P<year>{year}))?",
        "range_dmy": rf"(?P<day>{day}){joiner}(?P<day2>{day})\s+(?:(?:{alt(w['month_prepositions'])})\s+)?"
        rf"(?P<month>{month})(?:,?\s+(?P<year>{year}))?",
        # "2005-2015", "1919-33": two years (split by the recognizer); no spelled-out years, no spaces around a hyphen
        "range_years": rf"(?P<year>1[6-9]\d\d|20\d\d){dash}(?P<year2>\d\d(?:\d\d)?)",
        "iso": rf"(?P<year>{year})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)",
        "slash": r"(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)",
        "month": rf"(?:(?P<mod>{mods})[\s-]+)?(?:(?P<rel>{alt(lex.relatives)})\s+)?(?P<month>{month})"
        rf"(?:,?\s+{of_year}(?P<year>{year})|\s+(?P<yrel>{calendar})\s+(?:{year_word}))?",
        # "the penultimate day of September", "the last week of August", "the second half of May 2020"
        "month_part": rf"(?:{the})\s+(?P<ord>{alt([*lex.ordinals, *lex.month_part_ordinals])})\s+"
        rf"(?P<unit>{_month_parts(lex)})\s+(?:{alt(w['month_prepositions'])})\s+(?P<month>{month})"
        rf"(?:,?\s+{of_year}(?P<year>{year}))?",
        "year": rf"(?:(?P<mod>{mods})[\s-]+)?(?:(?P<fiscal>(?:{alt(w['fiscal_words'])})(?:\s+(?:{year_word}))?"
        rf"|(?:{the})\s+(?:{year_word}))\s+)?(?P<year>{year})(?!\s*%)",
        "decade": rf"(?:(?:{the})\s+)?(?:(?P<mod>{period_mods})[\s-]+)?(?:(?P<dec>1[6-9]\d0|20\d0)|'(?P<short>\d0))"
        rf"'?(?:{alt(w['decade_suffixes'])})",
        "weekday": rf"(?:(?P<rel>{alt(w['weekday_modifiers'])})\s+)?(?P<wd>{weekday})(?:\s+(?P<pod>{pod}))?",
        "deictic": rf"(?P<word>{alt(lex.deictic_days)})(?:\s+(?P<pod>{pod}))?",
        "pod": rf"(?:(?P<rel>{alt(w['part_of_day_modifiers'])})\s+)?(?P<mid>(?:{alt(w['part_of_day_prefixes'])})[-\s])?"
        rf"(?P<pod>{alt([*lex.clock_words, *lex.parts_of_day])})",
        "clock": rf"(?:(?P<hour>[012]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>{_meridiem(lex)})"
        rf"|(?P<oclock>[012]?\d)\s+(?:{alt(w['clock_hour_words'])}))(?:\s+(?P<tz>{alt(lex.context['time_zones'])}))?",
    }


def _period_sources(lex: Lexicon) -> dict[str, str]:
    """The rules for periods: relative ones, seasons, centuries, quarters and reporting periods."""
    w, year, the, mods = lex.words, _year(lex), alt(lex.words["articles"]), alt(lex.words["modifiers"])
    calendar, year_word, season = alt(w["calendar_relatives"]), alt(lex.unit_words("Y")), alt(lex.seasons)
    of_year, fiscal = alt(w["year_prepositions"]), alt(w["fiscal_words"])
    possessive, ended, year_ago = alt(w["possessive_endings"]), alt(w["ended_words"]), alt(w["year_ago_adjectives"])
    quarter_rel = alt([*lex.relatives, *w["year_ago_adjectives"], *w["fiscal_words"],
                       *(word for word, code in lex.period_adjectives.items() if code == "latest")])
    back = alt(word for word in w["calendar_relatives"] if lex.relatives[word] < 0)
    quarters = [word for word, code in lex.year_parts.items() if code == "Q"]
    return {
        "relative": rf"(?:(?P<mod>{mods})(?:\s+(?:{alt(w['modifier_prepositions'])}))?\s+)?(?P<the>(?:{the})\s+)?"
        rf"(?P<rel>{alt(lex.relatives)})\s+(?P<unit>{alt(lex.units)}|{season})"
        rf"(?:\s+(?:{alt(w['approximate_endings'])}))?",
        "season": rf"(?:(?P<the>{the})\s+)?(?:(?P<mod>{alt(w['period_modifiers'])})[\s-]+)?(?P<season>{season})"
        rf"(?:(?:\s+(?:{of_year}))?\s+(?P<year>{year}))?",
        "century": rf"(?:(?:{the})\s+)?(?P<nth>\d{{1,2}})(?:{alt(w['ordinal_suffixes'])})[\s-]+"
        rf"(?:{alt(lex.unit_words('CE'))})",
        "decade_word": rf"(?:{the})\s+(?:(?P<mod>{alt(w['period_modifiers'])})[\s-]+)?"
        rf"(?:(?P<century>{alt(lex.year_centuries)})[\s-]+)?(?P<word>{alt(lex.decade_words)})",
        "quarter": rf"(?:(?:{the})\s+)?(?:(?P<rel>{quarter_rel})\s+)?(?:(?P<year>{year})(?:{possessive})?\s+)?"
        rf"(?:(?P<this>{calendar})\s+(?:{year_word})(?:{possessive})\s+)?(?P<ord>{alt(lex.ordinals)})[\s-]+"
        rf"(?:(?:{fiscal})[\s-]+)?(?P<unit>{alt(lex.year_parts)})"
        rf"(?:\s+(?:{of_year})\s+(?P<year2>{year})|(?:\s+(?:{of_year}))?\s+(?P<yrel>{calendar})\s+(?:{year_word}))?"
        rf"(?=\s+(?:{ended})\s+(?P<emonth>{_months(lex)}))?",
        "year_period": rf"(?:{the})\s+(?P<year>{year})\s+(?P<unit>{alt([*quarters, *w['period_words']])})",
        "period": rf"(?:{the})\s+(?P<rel>{alt(lex.period_adjectives)})(?:\s+(?:{year_ago}))?\s+(?:(?:{fiscal})\s+)?"
        rf"(?P<unit>{alt([*lex.period_units, *w['period_words']])})(?:\s+(?P<yrel>{back})\s+(?:{year_word}))?"
        rf"(?=\s+(?P<ended>{ended}))?",
        # "later in the day", "early in the year": a time inside the period spoken of; not one a date after it
        # names ("later in the day Tuesday", "late in the year 2019": that date is the time)
        "within": rf"(?:{alt(w['within_phrases'])})\s+(?:{the})\s+(?P<unit>{alt(lex.unit_words(*_WITHIN_UNITS))})"
        rf"(?!,?\s+(?:{alt(lex.weekdays)}|{_months(lex)}|\d))",
        "the_unit": rf"(?:(?P<mod>{mods})(?:\s+(?:{alt(w['modifier_prepositions'])}))?\s+)?(?:{the})\s+"
        rf"(?P<unit>{alt(lex.unit_words(*_THE_UNITS))})(?!\s+\d)"  # "the year 2019" is that year
        rf"(?=\s+(?P<ended>{ended}))?",
    }


def _amount_sources(lex: Lexicon) -> dict[str, str]:
    """The rules for amounts of time, words for a year ago, sets, reference words and holidays."""
    w, num, the, approx = lex.words, _number(lex), alt(lex.words["articles"]), alt(lex.approximators)
    singular = alt([*lex.units, *lex.irregular_plurals])
    suffixes, half = alt(w["plural_suffixes"]), alt(w["half_suffixes"])
    units = rf"(?P<unit>{singular})(?:{suffixes})?"
    plural_units = rf"(?:{alt(lex.unit_words(*_VAGUE_UNITS))})(?:{suffixes})"
    irregular = alt(p for p, s in lex.irregular_plurals.items() if lex.units[s] in _VAGUE_UNITS)
    weekday, pod = alt(lex.weekdays), alt([*lex.clock_words, *lex.parts_of_day])
    return {
        "duration": rf"(?:(?P<approx>{approx})\s+(?!(?:{the})\b))?(?:(?:{the})\s+)?"
        rf"(?:(?P<rel>{alt(w['duration_modifiers'])})\s+)?(?P<num>{num})(?P<half>\s+(?:{half})|\s+1/2)?[\s-]+"
        rf"(?:(?P<more>{alt(w['duration_fillers'])})\s+)?{units}(?P<half2>\s+(?:{half}))?"
        rf"(?:[\s-]+(?P<old>{alt(w['age_words'])}))?(?:\s+(?:{alt(w['approximate_endings'])}))?"
        rf"(?:\s+(?P<dir>{alt(lex.offsets)}))?",
        # "the day before," "the week after.": a point from the period spoken of, when nothing it is
        # before or after follows ("the day before the vote" is a day of an event, not of the text's dates)
        "the_offset": rf"(?:{the})\s+(?P<unit>{singular})\s+(?P<dir>{alt(lex.offsets)})(?=\s*[,.;:!?)]|\s*$)",
        "long": rf"(?:(?!(?:{alt(w['indefinite_articles'])})\s)(?P<num>{num})[\s-]+)?(?P<unit>{singular})"
        rf"(?P<plural>{suffixes})?(?:{alt(w['length_suffixes'])})",
        "vague": rf"(?:(?P<approx>{approx})\s+(?!(?:{the})\b))?(?:(?:{the})\s+)?"
        rf"(?P<rel>{alt(w['vague_modifiers'])})?\s*(?P<unit>{plural_units}|{irregular})",
        "ago_adj": rf"(?P<word>{alt([*w['year_ago_adjectives'], *lex.year_ends])})",
        "ref": alt(lex.refs),
        "set": rf"(?P<q>{alt(w['set_quantifiers'])})\s+(?:(?P<num>{alt(w['alternate_words'])}|{num})\s+)?"
        rf"(?:(?P<wd>{weekday})|(?P<pod>{pod})|(?P<month>{_months(lex)})\b|(?P<season>{alt(lex.seasons)})|{units})",
        # "on Sundays", "Monday nights": a plural weekday or part of a weekday is every one of them
        "weekdays": rf"(?P<wd>{weekday})(?:{suffixes}|\s+(?P<pod>{alt(lex.parts_of_day)})(?:{suffixes}))",
        "setword": alt(lex.sets),
        # "Easter week", "Thanksgiving weekend": the week or weekend that holds the holiday
        "holiday": rf"(?P<name>{alt(lex.holidays)})(?:\s+(?P<period>{alt(lex.unit_words('W', 'WE'))}))?"
        rf"(?:,?\s+(?P<year>{_year(lex)}))?",
        "named": alt(name for name, named in lex.named_dates.items() if not named.cues),
    }


def _rule_sources(lex: Lexicon) -> dict[str, str]:
    """Every rule's pattern, by rule name, in the order the rules are tried."""
    return {**_point_sources(lex), **_period_sources(lex), **_amount_sources(lex)}


def _words(phrases: Iterable[str]) -> frozenset[str]:
    """The longest word of each phrase: a word every match of the phrase contains."""
    return frozenset(max(_TOKEN.findall(p) or [p], key=len) for p in phrases)


def _triggers(lex: Lexicon) -> dict[str, frozenset[str]]:
    """For each rule, the words (lower case; :data:`DIGITS` for numerals) one of which each of its matches holds."""
    w = lex.words
    months, weekdays, seasons = _words(lex.months), _words(lex.weekdays), _words(lex.seasons)
    pods = _words([*lex.parts_of_day, *lex.clock_words])
    units = frozenset(lex.unit_forms)
    digits = frozenset({DIGITS})
    return {
        "date_mdy": months, "date_dmy": months, "range_mdy": months, "range_dmy": months,
        "range_years": digits, "iso": digits, "slash": digits, "month": months, "month_part": months,
        "year": digits | _words([*lex.year_centuries, *lex.year_thousands]), "decade": digits,
        "weekday": weekdays, "deictic": _words(lex.deictic_days), "pod": pods, "clock": digits,
        "relative": units | seasons, "season": seasons, "century": digits, "decade_word": _words(lex.decade_words),
        "quarter": _words(lex.year_parts), "year_period": digits,
        "period": _words([*lex.period_units, *w["period_words"]]),
        "the_unit": _words(lex.unit_words(*_THE_UNITS)), "ago_adj": _words([*w["year_ago_adjectives"], *lex.year_ends]),
        "within": _words(lex.unit_words(*_WITHIN_UNITS)),
        "duration": units, "the_offset": units, "long": units, "vague": units, "ref": _words(lex.refs),
        "set": units | weekdays | pods | months | seasons,
        "weekdays": frozenset(f"{day}{suffix}" for day in weekdays for suffix in w["plural_suffixes"]) | weekdays,
        "setword": _words(lex.sets), "holiday": _words(lex.holidays),
        "named": frozenset(DIGITS if w.isdigit() else w for w in _words(lex.named_dates)),
    }  # fmt: skip
