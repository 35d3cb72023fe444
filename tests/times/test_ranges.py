"""Times: two days of one month written as a range ("April 24 and 25", "3-5 March") (real spaCy model)."""

from __future__ import annotations

import calendar
import copy
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import lang, times
from dateline.annotate import apply_batch
from dateline.records import Article, TimeExpr
from dateline.times._lexicon import parse_lexicon
from dateline.times._recognize import find_candidates

#: A Wednesday in February.
FEBRUARY = dt.date(1999, 2, 10)

_MONTHS = list(calendar.month_name)[1:]


def found(text: str, published: dt.date = FEBRUARY) -> list[TimeExpr]:
    article = Article(id="t", source="test", text=text, published=published)
    return list(times.apply(apply_batch([article])[0]).times)


def values(text: str, published: dt.date = FEBRUARY) -> dict[str, str | None]:
    return {t.span.text: t.value for t in found(text, published)}


def test_the_bare_day_of_a_range_takes_the_month_and_year_of_its_partner() -> None:
    assert values("The summit will be held in Oslo on April 24 and 25.") == {
        "April 24": "1999-04-24",
        "25": "1999-04-25",
    }
    assert values("The fair runs April 24-25 in Lyon.") == {"April 24": "1999-04-24", "25": "1999-04-25"}
    assert values("The strike lasted from 3 to 5 March 1998.") == {"3": "1998-03-03", "5 March 1998": "1998-03-05"}
    assert values("Talks were held Jan. 30 and 31, 1998 in Geneva.") == {
        "Jan. 30": "1998-01-30",
        "31, 1998": "1998-01-31",
    }


def test_the_bare_day_is_placed_by_the_verb_of_its_dated_partner() -> None:
    # written in February: a November the past tense puts behind, both days alike
    assert values("Voting was held on Nov. 12 and 14, officials said.") == {
        "Nov. 12": "1998-11-12",
        "14": "1998-11-14",
    }


def test_a_number_after_a_date_that_counts_things_or_goes_down_is_no_day() -> None:
    assert list(values("Police said that on March 3 and 12 people were hurt.")) == ["March 3"]
    assert list(values("On March 13 and 5 other days the line was closed.")) == ["March 13"]
    # a lower-case "may" is no month, and so the number after it no day
    assert "4" not in values("Rates may 3 and 4 times rise.")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    month=st.integers(1, 12),
    days=st.tuples(st.integers(1, 28), st.integers(1, 27)),
    joiner=st.sampled_from(["-", "\u2013", " to ", " and ", " through ", " - "]),
    year=st.one_of(st.none(), st.integers(1990, 2030)),
    day_first=st.booleans(),
)
def test_both_days_of_any_written_range_get_their_own_value_and_span(
    month: int, days: tuple[int, int], joiner: str, year: int | None, day_first: bool
) -> None:
    first = days[0] if days[0] < 28 else 27
    last = first + 1 + days[1] % (28 - first)
    name = _MONTHS[month - 1]
    dated_year = f" {year}" if year is not None else ""
    written = f"{first}{joiner}{last} {name}{dated_year}" if day_first else f"{name} {first}{joiner}{last}{dated_year}"
    text = f"The festival ran {written} in the old town."
    exprs = found(text)
    assert [text[t.span.start : t.span.end] for t in exprs] == [t.span.text for t in exprs]
    assert len(exprs) == 2, exprs
    opening, closing = exprs
    assert text[opening.span.start : opening.span.end].split()[-1] == str(first)
    assert text[closing.span.start : closing.span.end].split()[0].strip(",") in (str(last), name)
    assert opening.value is not None and closing.value is not None
    assert opening.value[4:] == f"-{month:02d}-{first:02d}"
    assert closing.value[4:] == f"-{month:02d}-{last:02d}"
    assert opening.value[:4] == closing.value[:4]
    if year is not None:
        assert opening.value[:4] == str(year)


def test_two_years_joined_by_a_dash_are_two_expressions() -> None:
    assert values("He served as mayor from 1990-95, the council said.") == {"1990": "1990", "95": "1995"}
    assert values("Data from 2005\u20132015 showed no link.") == {"2005": "2005", "2015": "2015"}
    assert values("The 2019-2020 season was cut short.") == {"2019": "2019", "2020": "2020"}
    # an amount ("models"), a year and month written as numbers, a full date: no range
    assert values("The 1990-95 models were recalled.") == {}
    assert values("The form 2019-10 was sent.") == {}
    assert values("He was born on 2019-10-05.") == {"2019-10-05": "2019-10-05"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(opening=st.integers(1600, 2090), length=st.integers(1, 9), short=st.booleans(), dash=st.sampled_from("-\u2013"))
def test_any_range_of_years_gives_both_years(opening: int, length: int, short: bool, dash: str) -> None:
    closing = opening + length
    written = str(closing)[2:] if short and closing // 100 == opening // 100 else str(closing)
    text = f"The survey covered the period {opening}{dash}{written} in full."
    exprs = found(text)
    assert [t.span.text for t in exprs] == [str(opening), written]
    assert [t.value for t in exprs] == [str(opening), str(closing)]


def test_the_joiners_of_ranges_come_from_the_vocabulary(tmp_path: Path) -> None:
    raw = copy.deepcopy(lang.resources("en").packaged("times", "2"))
    raw["context"]["range_joiners"] = ["to"]  # no dashes, no "and"
    lex = parse_lexicon(raw, tmp_path / "times.json")
    text = "from March 3 to 5, on April 24 and 25, in 2005-2015"
    found = [(c.rule, text[c.start : c.end]) for c in find_candidates(text, lex)]
    assert [(rule, words) for rule, words in found if rule.startswith("range")] == [("range_day", "5")]


def test_a_range_the_tagger_reads_as_one_plural_word_still_gives_both_days() -> None:
    text = "The fair ran 9\u201317 January in the harbour."  # "9–17" is one token, which the tagger may call NNPS
    assert [e.value[4:] for e in found(text) if e.value] == ["-01-09", "-01-17"]
