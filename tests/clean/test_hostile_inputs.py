"""Cleaning inputs that try to fool it: dates that are no dates, HTML nested past the parser's limit."""

from __future__ import annotations

import logging

import pytest

from dateline import lang
from dateline.clean import clean
from dateline.clean._dates import parse_date
from dateline.clean._patterns import load_patterns
from dateline.errors import ExtractionError
from dateline.records import Document

BODY = "The council met on Monday to vote on the budget. The mayor said the plan would pass next week."


@pytest.mark.parametrize("text", ["not-a-date", "2020-02-30", "99999-01-01", "2019-13-01"])
def test_a_date_that_is_no_calendar_date_is_dropped_with_a_warning(text: str,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        article = clean(Document("d", "in.jsonl:1", "text", BODY, published=text))
    assert article.published is None and article.published_text == text
    assert f"{text!r} is not a calendar date" in caplog.text


def test_five_digit_years_are_not_read_as_four() -> None:
    dates = load_patterns(lang.resources("en")).dates
    assert parse_date("99999-01-01", dates) is None
    assert parse_date("on 2019-05-20 at noon", dates) is not None


def test_html_nested_past_the_parser_limit_says_so() -> None:
    html = "<html><body>" + "<div>" * 300 + "<p>" + "Real text here. " * 40 + "</p>" + "</div>" * 300 + "</body></html>"
    with pytest.raises(ExtractionError, match="nests its tags deeper than the parser reads"):
        clean(Document("d", "deep.html", "html", html))
