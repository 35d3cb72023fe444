"""Articles round-trip through the contract JSON, and the JSON validates against the contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.records import Actor, Article, Boilerplate, Event, EventDate, Place, Quote, TimeExpr, make_span
from dateline.serialize import article_from_dict, article_to_dict

TEXT = "Russian President Vladimir Putin met Donald Trump in Hamburg on July 7. \"Good talks,\" Trump said."


def _article() -> Article:
    putin = Actor("a1", "Vladimir Putin", "person", "RUS", "GOV", (make_span(TEXT, 18, 32),), "President", "Q7747")
    trump = Actor("a2", "Donald Trump", "person", "USA", "GOV", (make_span(TEXT, 37, 49), make_span(TEXT, 86, 91)))
    hamburg = Place(make_span(TEXT, 53, 60), "Hamburg", "DEU", 53.55, 9.99, 2911298, "city")
    event = Event(
        id="e1", type="CONSULT", actors=("a1", "a2"), recipients=(), status="occurred",
        trigger=make_span(TEXT, 33, 36), evidence=make_span(TEXT, 0, 71), mode=None,
        date=EventDate("2017-07-07", "July 7"), place=hamburg, quad=1, intensity=1.0, confidence=0.9,
        actor_spans=(make_span(TEXT, 18, 32),), recipient_spans=(make_span(TEXT, 37, 49),),
    )
    quote = Quote("q1", make_span(TEXT, 73, 83), True, "a2", make_span(TEXT, 86, 91), make_span(TEXT, 92, 96))
    return Article(
        id="x1", source="test.txt", text=TEXT, title="Talks", url="https://example.org/a", site="example.org",
        authors=("A. Writer",), published=__import__("datetime").date(2017, 7, 7), published_text="July 7, 2017",
        language="en", boilerplate=(Boilerplate("navigation", "Home"),), actors=(putin, trump),
        times=(TimeExpr(make_span(TEXT, 64, 70), "2017-07-07"),), places=(hamburg,), events=(event,), quotes=(quote,),
    )


def test_round_trip_is_exact() -> None:
    article = _article()
    assert article_from_dict(json.loads(json.dumps(article_to_dict(article)))) == article


def test_every_span_in_the_json_is_its_text_slice() -> None:
    data = article_to_dict(_article())
    text = data["text"]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and node is not data:
                assert text[node["start"]:node["end"]] == node["text"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)


def test_json_validates_against_the_contract(shared: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "contract" / "article.schema.json").read_text())
    jsonschema.validate(article_to_dict(_article()), schema)
    jsonschema.validate(article_to_dict(Article(id="e", source="s", text="")), schema)


@given(st.text(max_size=200), st.data())
def test_round_trip_any_text_and_spans(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = make_span(text, start, end)
    assert text[span.start:span.end] == span.text
    article = Article(id="p", source="s", text=text, times=(TimeExpr(span, None, "DATE"),))
    assert article_from_dict(json.loads(json.dumps(article_to_dict(article)))) == article


def test_json_with_a_span_off_its_text_is_rejected() -> None:
    from dateline.errors import InputError

    data = article_to_dict(_article())
    data["times"][0]["start"] += 1
    with pytest.raises(InputError, match="span"):
        article_from_dict(data)
