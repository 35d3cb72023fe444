"""Actors: which of several persons "he" or "she" stands for (:mod:`dateline.actors._salience`)."""

from __future__ import annotations

import datetime as dt

from dateline.records import Article
from tests.actors.test_actors import run

DAY = dt.date(2018, 7, 16)


def _pronouns(article: Article, name: str) -> list[str]:
    return [m.text for a in article.actors if a.name == name for m in a.mentions if m.text.islower() or
            m.text in ("He", "She", "His", "Her")]


def test_he_of_the_next_sentence_is_the_main_subject_before_it() -> None:
    article = run("Putin met Trump in Helsinki on Monday. He said the talks went well.", DAY)
    assert _pronouns(article, "Vladimir Putin") == ["He"]
    assert _pronouns(article, "Donald Trump") == []


def test_a_possessive_is_the_subject_of_its_clause_or_the_clause_above_it() -> None:
    article = run("Putin met Trump in Helsinki. Trump argued that Putin had lost his nerve.", DAY)
    assert _pronouns(article, "Vladimir Putin") == ["his"]
    article = run("Putin met Trump in Helsinki. Trump was praised after his speech.", DAY)
    assert _pronouns(article, "Donald Trump") == ["his"]


def test_a_subject_pronoun_after_a_person_of_its_own_sentence_stays_open() -> None:
    article = run("Putin met Trump in Helsinki. Trump argued that Putin had lost because he did not listen.", DAY)
    assert _pronouns(article, "Vladimir Putin") == _pronouns(article, "Donald Trump") == []


def test_an_object_pronoun_or_two_subjects_leave_it_open() -> None:
    article = run("Putin met Trump in Helsinki. Reporters later asked him about the talks.", DAY)
    assert _pronouns(article, "Vladimir Putin") == _pronouns(article, "Donald Trump") == []
    article = run("Putin and Trump met in Helsinki on Monday. He said the talks went well.", DAY)
    assert _pronouns(article, "Vladimir Putin") == _pronouns(article, "Donald Trump") == []
    article = run("Putin met Trump in Helsinki. Putin and Trump defended their record and his speech.", DAY)
    assert _pronouns(article, "Vladimir Putin") == _pronouns(article, "Donald Trump") == []


def test_a_possessive_may_stand_for_a_subject_of_no_known_gender_named_alone_before_it() -> None:
    article = run("Putin met Peter Walsh in Moscow. Walsh was later criticized for his speech.", DAY)
    assert _pronouns(article, "Peter Walsh") == ["his"]
