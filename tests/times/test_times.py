"""Times: recognizing temporal expressions and resolving TIMEX3 values (real spaCy model)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import lang, times
from dateline.annotate import apply_batch
from dateline.errors import ResourceError
from dateline.pipeline import StageConfig
from dateline.records import Article
from dateline.times._lexicon import load_lexicon, parse_lexicon
from dateline.times._points import Context
from dateline.times._recognize import _scan, find_candidates, rules

#: A Friday.
PUBLISHED = dt.date(2017, 7, 7)
#: The English vocabulary, as the stage loads it for an English article.
LEX = load_lexicon(lang.resources("en"))

#: The TIMEX3 value grammar (dates, weeks, quarters, seasons, times, durations, references).
_DATE = (
    r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
)
_TIME = r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI|DT))?"
_DURATION = r"P(?:(?:\d+(?:\.\d+)?|X)[YMWDQ])+(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+"
TIMEX3_VALUE = re.compile(
    rf"(?:{_DATE}{_TIME}|\d{{3}}|\d{{2}}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|XXXX-WXX-\d(?:T(?:MO|AF|EV|NI))?|XXXX-XX-XXT(?:\d{2}:\d{2}|MO|AF|EV|NI))"
)


def run(text: str, published: dt.date | None = PUBLISHED) -> Article:
    article = Article(id="t", source="test", text=text, published=published)
    return times.apply(apply_batch([article])[0])


def values(text: str, published: dt.date | None = PUBLISHED) -> dict[str, tuple[str | None, str]]:
    return {t.span.text: (t.value, t.type) for t in run(text, published).times}


@pytest.mark.parametrize(
    ("text", "expression", "value", "type_"),
    [
        ("The summit opened on July 7 in Hamburg.", "July 7", "2017-07-07", "DATE"),
        ("Exports fell last month.", "last month", "2017-06", "DATE"),
        ("The two leaders spoke earlier this week.", "earlier this week", "2017-W27", "DATE"),
        ("In December, the talks collapsed.", "December", "2016-12", "DATE"),
        ("Last year the economy grew.", "Last year", "2016", "DATE"),
        ("A day earlier, the minister resigned.", "A day earlier", "2017-07-06", "DATE"),
        ("He met the ambassador on Monday.", "Monday", "2017-07-03", "DATE"),
        ("He will meet the ambassador on Monday.", "Monday", "2017-07-10", "DATE"),
        ("Protesters gathered today.", "today", "2017-07-07", "DATE"),
        ("Protesters gathered yesterday.", "yesterday", "2017-07-06", "DATE"),
        ("Talks resume tomorrow.", "tomorrow", "2017-07-08", "DATE"),
        ("The leaders will meet next week.", "next week", "2017-W28", "DATE"),
        ("Growth slowed this year.", "this year", "2017", "DATE"),
        ("Rains delayed the harvest earlier in the year.", "earlier in the year", "2017", "DATE"),
        ("Prices will fall later in the month.", "later in the month", "2017-07", "DATE"),
        ("The law was passed in 2014.", "2014", "2014", "DATE"),
        ("The vote was held in May.", "May", "2017-05", "DATE"),
        ("Crime rose in the 1990s.", "the 1990s", "199", "DATE"),
        ("Prices have risen in recent years.", "recent years", "PAST_REF", "DATE"),
        ("The army is now in control.", "now", "PRESENT_REF", "DATE"),
        ("A 6-month-old baby was rescued.", "6-month-old", "P6M", "DURATION"),
        ("A 23-year-old man was arrested.", "23-year-old", "P23Y", "DURATION"),
        ("The two-day summit ended.", "two-day", "P2D", "DURATION"),
        ("Fighting raged for the past two weeks.", "the past two weeks", "P2W", "DURATION"),
        ("The ministers meet every week.", "every week", "P1W", "SET"),
        ("The strike began at 6am.", "6am", "2017-07-07T06:00", "TIME"),
        ("Rain fell in the afternoon.", "the afternoon", "2017-07-07TAF", "TIME"),
        ("Sales rose in the third quarter.", "the third quarter", "2016-Q3", "DATE"),
        ("The deal was signed on Friday, July 7, 2017.", "Friday, July 7, 2017", "2017-07-07", "DATE"),
        ("The rally was held two weeks ago.", "two weeks ago", "2017-06-23", "DATE"),
        ("The company publishes results quarterly.", "quarterly", "P1Q", "SET"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M", "DURATION"),
        ("He served two and a half years.", "two and a half years", "P2Y6M", "DURATION"),
        ("The meeting lasted half an hour.", "half an hour", "PT30M", "DURATION"),
        ("It ended a decades-long feud after a day-long meeting.", "decades-long", "PXY", "DURATION"),
        ("It ended a decades-long feud after a day-long meeting.", "day-long", "P1D", "DURATION"),
    ],
)
def test_examples_against_a_friday(text: str, expression: str, value: str, type_: str) -> None:
    found = values(text)
    assert found.get(expression) == (value, type_), found


def test_days_next_to_publication_keep_its_year() -> None:
    found = values("Later on July 8, Macron was due to see Trudeau. The talks will follow up the vote on July 4.")
    assert found["July 8"][0] == "2017-07-08"
    assert found["July 4"][0] == "2017-07-04"


def test_days_around_publication_keep_its_year_whatever_the_tense() -> None:
    text = (
        "The ministers welcomed the vote on July 4. On the morning of July 8, Macron was expected to "
        "see Modi. Later on July 8, Macron was due to see Trudeau."
    )
    found = [(t.span.text, t.value) for t in run(text).times]
    assert ("July 4", "2017-07-04") in found
    assert ("the morning of July 8", "2017-07-08TMO") in found
    assert ("July 8", "2017-07-08") in found
    assert all(value is not None and value.startswith("2017-07-0") for _, value in found)


def test_a_deadline_weeks_ahead_is_this_year_in_the_past_tense() -> None:
    found = values("The offer was extended to Nov. 16.", dt.date(1989, 10, 30))
    assert found["Nov. 16"][0] == "1989-11-16"


def test_what_was_planned_lies_ahead() -> None:
    assert values("Protesters planned a large demonstration on Saturday.")["Saturday"][0] == "2017-07-08"
    found = values("The minister said the merger was planned for early March.", dt.date(1999, 2, 10))
    assert found["early March"][0] == "1999-03"


def test_what_a_past_clause_arranged_lies_near_its_telling() -> None:
    monday = dt.date(2024, 3, 11)
    found = values("The two chip makers raised their bids for the software group Friday.", monday)
    assert found["Friday"][0] == "2024-03-08"
    assert values("Their bid had been due to lapse on Friday evening.", monday)["Friday evening"][0] == "2024-03-08TEV"
    assert values("The firms plan to sign the deal Friday.", monday)["Friday"][0] == "2024-03-15"
    assert values("The minister said talks would resume Friday.", monday)["Friday"][0] == "2024-03-15"


def test_until_in_the_past_perfect_looks_back() -> None:
    assert values("Until Thursday, the police had not called him a suspect.")["Thursday"][0] == "2017-07-06"
    assert values("The vote was postponed until Tuesday.")["Tuesday"][0] == "2017-07-11"


def test_a_month_ahead_in_the_text_goes_forward() -> None:
    january = dt.date(2024, 1, 15)
    assert values("Congress voted to fund the government through September.", january)["September"][0] == "2024-09"
    assert values("The agency will be funded through September.", january)["September"][0] == "2024-09"
    assert values("The talks ended in March.", january)["March"][0] == "2023-03"


def test_since_names_the_last_one() -> None:
    assert values("Since March, prices have risen 4%.", dt.date(2024, 1, 15))["March"][0] == "2023-03"
    assert values("Since March, prices are rising.", dt.date(2024, 1, 15))["March"][0] == "2023-03"
    assert values("Since March, prices have risen 4%.", dt.date(2024, 6, 15))["March"][0] == "2024-03"


def test_a_range_takes_the_year_of_its_dated_end() -> None:
    found = values("The storm hit late on November 12 and into November 13, 2022.", dt.date(2024, 2, 1))
    assert found["November 12"][0] == "2022-11-12"
    assert found["November 13, 2022"][0] == "2022-11-13"
    found = values("Talks ran from Dec. 30 to Jan. 2, 2023.", dt.date(2024, 2, 1))
    assert found["Dec. 30"][0] == "2022-12-30"


def test_a_date_in_brackets_names_the_weekday_before_it() -> None:
    monday = dt.date(2023, 11, 20)
    found = values("The minister said Thursday (Nov. 9) that talks would resume.", monday)
    assert found["Thursday"][0] == "2023-11-09"
    assert found["Nov. 9"][0] == "2023-11-09"
    night = values("The minister said Thursday night (Nov. 9) that talks would resume.", monday)
    assert night["Thursday night"][0] == "2023-11-09TNI"
    # A date that does not fall on the weekday says nothing about it.
    other = values("The minister said Thursday (Nov. 10) that talks would resume.", monday)
    assert other["Thursday"][0] == "2023-11-16"


def test_this_summer_written_in_december_is_the_summer_past() -> None:
    december = dt.date(2023, 12, 12)
    assert values("Prices rose this summer.", december)["this summer"][0] == "2023-SU"
    assert values("The floods this summer were the worst on record.", december)["this summer"][0] == "2023-SU"


def test_a_date_in_brackets_without_a_period_names_the_weekday() -> None:
    found = values("The minister said Thursday (Nov 16) that talks would resume.", dt.date(2023, 11, 20))
    assert found["Thursday"][0] == "2023-11-16"
    assert found["Nov 16"][0] == "2023-11-16"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The storm hit on March 3, 2015. The same day, the mayor resigned.", "The same day", "2015-03-03"),
        ("The storm hit on March 3, 2015. That day the mayor resigned.", "That day", "2015-03-03"),
        ("The storm hit on March 3, 2015. The next day the mayor resigned.", "The next day", "2015-03-04"),
        ("The storm hit on March 3, 2015. The following week the mayor resigned.", "The following week", "2015-W11"),
        ("The storm hit in March 2015. The following month the mayor resigned.", "The following month", "2015-04"),
        ("The law passed in 2016. That year the mayor resigned.", "That year", "2016"),
        ("The storm hit on March 3, 2015. The following Friday the mayor resigned.", "following Friday",
         "2015-03-06"),
        ("The storm hit on March 3, 2015. Two days later the mayor resigned.", "Two days later", "2015-03-05"),
        ("The storm hit on March 3, 2015. That night the mayor resigned.", "That night", "2015-03-03TNI"),
        ("The storm hit on March 3, 2015. The next morning the mayor resigned.", "The next morning",
         "2015-03-04TMO"),
        ("The storm hit on March 3, 2015. Late that evening the mayor resigned.", "Late that evening",
         "2015-03-03TEV"),
        ("The storm hit on March 3, 2015. The day before, the mayor resigned.", "The day before", "2015-03-02"),
        ("The storm hit on March 3, 2015. The mayor resigned the day after.", "the day after", "2015-03-04"),
        ("The storm hit on March 3, 2015. Later that same day the mayor resigned.", "Later that same day",
         "2015-03-03"),
        ("The storm hit on March 3, 2015. The very next day the mayor resigned.", "The very next day", "2015-03-04"),
        ("The storm hit on March 3, 2015. That same night the mayor resigned.", "That same night", "2015-03-03TNI"),
        ("The storm hit on March 3, 2015. The very next morning the mayor resigned.", "The very next morning",
         "2015-03-04TMO"),
        ("The storm hit in March 2015. That same month the mayor resigned.", "That same month", "2015-03"),
        # A year or a month mentioned after the day is background: the day is still the one referred to.
        ("Police came on Monday. The plant, built in 1990, closed the same day.", "the same day", "2017-07-03"),
    ],
)
def test_anaphoric_expressions_take_the_date_they_refer_to(text: str, expression: str, value: str) -> None:
    assert values(text)[expression][0] == value


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The law passed in 2016. The same day, protests began.", "The same day"),
        ("The law passed in 2016. That week, protests began.", "That week"),
        ("The law passed in 2016. The next month, protests began.", "The next month"),
        ("Last year the storm hit. The same day, the mayor resigned.", "The same day"),
        ("The storm hit in March. The following week the mayor resigned.", "The following week"),
        ("The same day, the mayor resigned.", "The same day"),
        ("The law passed in 2016. Two days later, protests began.", "Two days later"),
        ("The law passed in 2016. That night, protests began.", "That night"),
        ("The law passed in 2016. The next morning, protests began.", "The next morning"),
    ],
)
def test_anaphoric_expressions_without_a_precise_enough_date_get_no_value(text: str, expression: str) -> None:
    found = values(text)
    assert expression in found
    assert found[expression][0] is None


def test_the_day_before_an_event_is_not_a_day_of_the_text() -> None:
    found = values("The storm hit on March 3, 2015. The day before the vote, the mayor resigned.")
    assert found["March 3, 2015"][0] == "2015-03-03"
    assert not any(expression.startswith("The day") for expression in found)
    assert values("The law passed in 2016. The day before, protests began.")["The day before"][0] is None


def test_an_anaphoric_weekday_without_a_day_before_it_keeps_an_unknown_week() -> None:
    assert values("The law passed in 2016. The following Friday, protests began.")["following Friday"][0] == (
        "XXXX-WXX-5"
    )
    assert values("Sales rose 4% from the previous Friday on Monday.")["Monday"][0] == "2017-07-03"


def test_named_days() -> None:
    june = dt.date(2022, 6, 10)
    found = values("The committee investigating Jan. 6 said the attack on the Capitol was planned.", june)
    assert found["Jan. 6"][0] == "2021-01-06"
    assert values("The plant reopened on Jan. 6 after repairs.", june)["Jan. 6"][0] == "2022-01-06"
    later = values("Two Capitol rioters will be sentenced on Jan. 6.", dt.date(2022, 12, 1))
    assert later["Jan. 6"][0] == "2023-01-06"
    assert values("He spoke about the attacks of 9/11 and their legacy.", june)["9/11"] == ("2001-09-11", "DATE")
    assert values("The result came in on 9/11/2020.", june)["9/11/2020"][0] == "2020-09-11"


def test_seed_article_dates_keep_the_publication_year(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    found = run(text).times
    days = [t for t in found if re.fullmatch(r"July \d", t.span.text)]
    assert days and all(t.value == f"2017-07-0{t.span.text[-1]}" for t in days)


def test_reference_words_leave_out_prepositions() -> None:
    found = values("Russia complained in the past and will do so in the future.")
    assert found["the past"] == ("PAST_REF", "DATE")
    assert found["the future"] == ("FUTURE_REF", "DATE")


def test_third_quarter_resolves_to_the_past_one_in_the_past_tense() -> None:
    found = values("Profit rose 5% in the third quarter.", dt.date(2017, 11, 2))
    assert found["the third quarter"] == ("2017-Q3", "DATE")


def test_a_year_earlier_follows_the_quarter_spoken_of() -> None:
    found = values("Profit rose in the third quarter from $5 million a year earlier.", dt.date(1989, 11, 2))
    assert found["a year earlier"] == ("1988-Q3", "DATE")


def test_without_publication_date_the_year_stays_unknown() -> None:
    found = values("On July 7 he left; last month he arrived; on Monday he spoke; in 2014 he was born.", None)
    assert found["July 7"][0] == "XXXX-07-07"
    assert found["last month"][0] is None
    assert found["Monday"][0] == "XXXX-WXX-1"
    assert found["2014"][0] == "2014"


def test_homographs_are_not_dates() -> None:
    found = values("Officials may march on the capital; they sold 1990 shares. Now, the current is strong here now.")
    assert "may" not in found and "march" not in found and "1990" not in found
    assert "Now" not in found and "current" not in found
    assert found.get("now") == ("PRESENT_REF", "DATE")


def test_titles_are_not_times() -> None:
    found = values("This is VOA Today. The film High Noon won. Today the talks resume.")
    assert list(found) == ["Today"]


def test_a_quoted_title_is_no_time_and_quoted_speech_keeps_its_times() -> None:
    found = values("Baker said on ABC's \u201cThis Week With Jane Roe\u201d that talks would go on this week.")
    assert list(found) == ["this week"]
    found = values(
        "Baker, on NBC's \u201cThis Week,\u201d spoke. \u201cNow we wait,\u201d he said. \u201cToday,\u201d he added."
    )
    assert list(found) == ["Now", "Today"]


def test_spans_point_into_the_text() -> None:
    article = run("Yesterday at 10:35 a.m. Wednesday the 52-year-old spoke; Sept. 30 and the weekend followed.")
    assert article.times
    for t in article.times:
        assert article.text[t.span.start : t.span.end] == t.span.text


def test_clock_time_joined_to_a_day() -> None:
    found = values("The attack began at 10 p.m. Wednesday.")
    assert found["10 p.m. Wednesday"] == ("2017-07-05T22:00", "TIME")


def test_publication_datetime_is_read_as_its_day() -> None:
    article = Article(id="t", source="test", text="He left yesterday.", published=dt.datetime(2017, 7, 7, 23, 5))
    assert [t.value for t in times.apply(article).times] == ["2017-07-06"]


def test_article_without_annotation_is_handled() -> None:
    article = Article(id="t", source="test", text="He left on Monday, July 3.", published=PUBLISHED)
    found = {t.span.text: t.value for t in times.apply(article).times}
    assert found == {"Monday, July 3": "2017-07-03"}


def test_vocabulary_is_validated(tmp_path: Path) -> None:
    raw = copy.deepcopy(lang.resources("en").packaged("times", "2"))
    raw["months"]["smarch"] = 13
    with pytest.raises(ResourceError, match="'months' holds 13; allowed: 1, 2, 3"):
        parse_lexicon(raw, tmp_path / "bad.json")
    with pytest.raises(ResourceError, match="version"):
        parse_lexicon([], tmp_path / "bad.json")
    raw["months"].pop("smarch")
    raw["context"]["future_verbs"] = "plan"
    with pytest.raises(ResourceError, match=r"context\.future_verbs"):
        parse_lexicon(raw, tmp_path / "bad.json")


def test_vocabulary_can_be_extended(tmp_path: Path) -> None:
    raw = copy.deepcopy(lang.resources("en").packaged("times", "2"))
    raw["holidays"]["festival day"] = {"month": 8, "day": 1}
    path = tmp_path / "times.json"
    path.write_text(json.dumps(raw))
    lex = load_lexicon(lang.resources("en", {"times": str(path)}))
    assert [c.rule for c in find_candidates("on Festival Day", lex)] == ["holiday"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["descriptions"].pop("offsets"), "no description for offsets"),
        (lambda raw: raw["descriptions"].pop("context.future_verbs"), "no description for context.future_verbs"),
        (lambda raw: raw["offsets"].update({"beforehand": "sideways"}), "'offsets' holds sideways"),
        (lambda raw: raw["relatives"].update({"upcoming": 2}), "'relatives' holds 2"),
        (lambda raw: raw["month_abbreviations"].append("smar"), "'month_abbreviations' names smar"),
        (lambda raw: raw["clock_words"].update({"teatime": "five"}), "'clock_words' must map words to clock times"),
        (lambda raw: raw.update({"modifiers": "early"}), "'modifiers' must be a list of strings"),
        (lambda raw: raw["named_dates"].update({"d-day": {"date": "June 6"}}), "named date 'd-day' needs a 'date'"),
    ],
)
def test_vocabulary_codes_and_descriptions_are_checked(change: Any, message: str, tmp_path: Path) -> None:
    raw = copy.deepcopy(lang.resources("en").packaged("times", "2"))
    assert parse_lexicon(raw, tmp_path / "good.json").relatives["next"] == 1
    change(raw)
    with pytest.raises(ResourceError, match=re.escape(message)):
        parse_lexicon(raw, tmp_path / "bad.json")


def test_patterns_are_built_from_the_vocabulary(tmp_path: Path) -> None:
    """A word added to a list of the vocabulary is recognized and resolved, with no change to the code."""
    path = tmp_path / "times.json"
    path.write_text(json.dumps({"relatives": {"upcoming": 1}, "offsets": {"beforehand": "before"}}))
    text = "Two days beforehand the envoys arrive; the talks resume the upcoming week."
    article = apply_batch([Article(id="t", source="test", text=text, published=PUBLISHED)])[0]
    default = {t.span.text: t.value for t in times.apply(article).times}
    extended = {t.span.text: t.value for t in times.apply(article, StageConfig(lexicons=(("times", str(path)),))).times}
    assert "the upcoming week" not in default and "Two days" in default
    assert extended["the upcoming week"] == "2017-W28"
    assert extended["Two days beforehand"] == "2017-07-05"


def test_typographic_apostrophes_match_the_vocabulary() -> None:
    found = values("They met at 10 o\u2019clock on New Year\u2019s Day, before the year\u2019s end.")
    assert found["10 o\u2019clock"] == ("2017-07-07T10:00", "TIME")
    assert found["New Year\u2019s Day"] == ("2017-01-01", "DATE")
    assert found["year\u2019s end"] == ("2017", "DATE")


def test_vocabulary_without_later_lists_still_loads(tmp_path: Path) -> None:
    raw = copy.deepcopy(lang.resources("en").packaged("times", "2"))
    raw["context"].pop("schedule_verbs")
    assert parse_lexicon(raw, tmp_path / "old.json").context["schedule_verbs"] == frozenset()


_WORDS = st.sampled_from(
    [
        "July 7", "last month", "earlier this week", "in December", "last year", "a day earlier", "on Monday",
        "today", "next week", "2014", "the 1990s", "recent years", "now", "6-month-old", "two-day", "every week",
        "6am", "the afternoon", "Friday night", "the third quarter", "a year ago", "Sept. 31", "Feb. 29",
        "noon Saturday", "the past 12 months", "fiscal 1989", "the weekend", "this summer", "Christmas",
        "a day and a half", "2 1/2 decades", "April 24-25", "3 to 5 March", "Nov. 12 and", "14, 1998",
        "1990-95", "2019-2020",
        "three decades", "half an hour", "the following day", "several years", "12/05/1998", "the year-earlier period",
        "He", "said", "will", "meet", ",", ".", "and", "the", "talks",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(_WORDS, min_size=1, max_size=12),
    published=st.one_of(st.none(), st.dates(min_value=dt.date(1, 3, 1), max_value=dt.date(9998, 10, 1))),
)
def test_resolution_never_raises_and_values_follow_the_grammar(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    article = times.apply(Article(id="t", source="test", text=text, published=published))
    for t in article.times:
        assert text[t.span.start : t.span.end] == t.span.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value is None or TIMEX3_VALUE.fullmatch(t.value), t


def _whole_text_matches(text: str) -> list[tuple[str, int, int]]:
    return sorted((name, m.start(), m.end()) for name, pattern in rules(LEX) for m in pattern.finditer(text))


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.one_of(_WORDS, st.sampled_from(["x" * 90, "decision", "Mar-a-Lago", "Dec", "5%"])), max_size=30),
    gaps=st.lists(st.sampled_from([" ", ", ", "-", ". ", "\n", " of "]), min_size=30, max_size=30),
)
def test_scanning_near_trigger_words_finds_what_the_whole_text_scan_finds(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    assert sorted((name, m.start(), m.end()) for name, m in _scan(text, LEX)) == _whole_text_matches(text)


def test_scanning_near_trigger_words_on_news(shared: Path) -> None:
    lines = (shared / "corpora" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    found = 0
    for line in lines:
        text = json.loads(line).get("text") or ""
        near_triggers = sorted((name, m.start(), m.end()) for name, m in _scan(text, LEX))
        assert near_triggers == _whole_text_matches(text)
        found += len(near_triggers)
    assert found > len(lines)  # news holds dates: the comparison is not between two empty lists


@given(text=st.text(max_size=200))
def test_offsets_hold_on_any_text(text: str) -> None:
    for cand in find_candidates(text, LEX):
        assert 0 <= cand.start < cand.end <= len(text)
    article = times.apply(Article(id="t", source="test", text=text, published=PUBLISHED))
    for t in article.times:
        assert text[t.span.start : t.span.end] == t.span.text


def test_context_defaults() -> None:
    assert Context(None, LEX).tense == "none"


@pytest.mark.parametrize(("title", "month"), [
    ("Across the county, a look back at March 2017", "2017-03"),
    ("Harbour news, Sept. 2016", "2016-09"),
    ("Storms hit the coast in May", None),  # no year: "May" may be the verb
    ("Council budget for 2018 passed", None),  # a year, not a month
    ("Prices rose in June 2017 and fell in July 2017", None),  # two months: which one the title is about is unsaid
    ("", None),
])
def test_a_title_names_a_month_only_with_its_year(title: str, month: str | None) -> None:
    assert times.title_month(title, PUBLISHED, lang.resources("en")) == month


def test_a_roundup_of_a_past_month_speaks_from_its_last_day() -> None:
    text = "The council voted at the end of the month. The mayor resigned on the last day."
    article = Article(id="t", source="test", text=text, published=dt.date(2017, 4, 20),
                      title="Harbour news, March 2017")
    found = {t.span.text: t.value for t in times.apply(apply_batch([article])[0]).times}
    assert found["the end of the month"] == "2017-03" and (found["the last day"] or "")[:7] == "2017-03"
    plain = {t.span.text: t.value for t in run(text, dt.date(2017, 4, 20)).times}
    assert plain["the end of the month"] == "2017-04"  # read from the publication date otherwise


@pytest.mark.parametrize(
    ("text", "published", "expression", "value", "type_"),
    [
        ("Such attacks grew common over the past decade.", dt.date(1998, 10, 25), "the past decade", "P10Y",
         "DURATION"),
        ("It ranks among the inventions of the past century.", dt.date(1989, 11, 1), "the past century", "P100Y",
         "DURATION"),
        ("Prices will climb in the coming decade.", dt.date(2016, 5, 1), "the coming decade", "P10Y", "DURATION"),
        # "last" keeps the calendar reading: the decade before the one of the telling
        ("Wages fell behind in the last decade.", dt.date(1998, 2, 6), "the last decade", "198", "DATE"),
        ("The past year was hard.", dt.date(2016, 5, 1), "The past year", "2015", "DATE"),
    ],
)
def test_the_past_decade_is_a_stretch_not_a_calendar_decade(
    text: str, published: dt.date, expression: str, value: str, type_: str
) -> None:
    assert values(text, published)[expression] == (value, type_)


@pytest.mark.parametrize("text", ["The talks ended on December 30.", "The vote was held in December.",
                                  "Crews will return on January 3."])
@pytest.mark.parametrize("published", [dt.date(1, 1, 2), dt.date(9999, 12, 30)])
def test_a_date_near_the_calendar_s_ends_resolves_within_it(text: str, published: dt.date) -> None:
    article = times.apply(Article(id="t", source="test", text=text, published=published))
    assert all(t.value is None or TIMEX3_VALUE.fullmatch(t.value) for t in article.times)
