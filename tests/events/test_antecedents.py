"""Events: the body a subject "they" or "the party" stands for (:mod:`dateline.events._antecedents`)."""

from __future__ import annotations

from dateline.records import Article, Event
from tests.events.test_events import run


def _actors(article: Article, event: Event) -> list[str]:
    return [a.name for i in event.actors if (a := article.actor(i)) is not None]


def test_they_is_the_one_body_named_just_before() -> None:
    article = run("The Kenya Police Service arrested Peter Walsh on Monday. They released him on Tuesday.")
    [released] = [e for e in article.events if e.type == "RETREAT"]
    assert _actors(article, released) == ["Kenya Police Service"]


def test_the_party_is_the_party_named_just_before() -> None:
    article = run("The Green Party met in Denver on Friday. The party nominated Peter Walsh for president.")
    [nominated] = [e for e in article.events if e.type == "SUPPORT"]
    assert _actors(article, nominated) == ["Green Party"]


def test_no_body_is_taken_where_two_could_be_meant_or_the_word_is_quoted() -> None:
    # ("the party" after two parties is the last one named: the actors stage reads it so, see tests/actors)
    two = run("The Green Party and the Labour Party met in Denver on Friday. They nominated Peter Walsh.")
    assert all(e.actors == () for e in two.events if e.type == "SUPPORT")
    quoted = run('The Kenya Police Service questioned Peter Walsh. He said, "They beat me on Friday."')
    assert [e for e in quoted.events if e.type == "ASSAULT" and e.actors] == []
