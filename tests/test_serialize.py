"""Articles round-trip through the contract JSON, and the JSON validates against the contract."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.records import (
    Actor,
    Article,
    Boilerplate,
    Event,
    EventDate,
    Place,
    Quote,
    QuoteKind,
    Span,
    TimeExpr,
    make_span,
)
from dateline.serialize import article_from_dict, article_to_dict, record_from_dict, record_to_dict
from tests.full_article import full_article, unset_fields

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


# --- every field, everywhere ----------------------------------------------------------------------------------


def test_every_field_of_every_record_is_written_and_read_back() -> None:
    article = full_article()
    unset = sorted(set(unset_fields(article)))
    assert not unset, f"give these fields a value in tests/full_article.py: {unset}"
    data = json.loads(json.dumps(article_to_dict(article)))
    assert article_from_dict(data) == article  # a field dropped on either way comes back at its default
    assert list(data)[:3] == ["id", "source", "url"] and data["quotes"][0]["speaker_text"] == "Trump"


#: Keys dateline writes that the shared contract does not declare (it welcomes extra keys). A new record field
#: is written by itself; it belongs in the contract when it is a promise to users, else in this list.
BEYOND_CONTRACT = {
    "source", "published_text", "duplicate_of",
    "events[].actor_spans", "events[].recipient_spans",
    "events[].place.start", "events[].place.end", "events[].place.text", "events[].place.feature",
    "events[].place.span", "events[].place.within",
    "quotes[].speaker_span", "quotes[].cue_span", "quotes[].kind", "quotes[].negated",
    "quotes[].parts",
    "times[].type", "places[].feature", "places[].within",
}


def _undeclared(data: Any, schema: dict[str, Any], defs: dict[str, Any], path: str) -> set[str]:
    """Paths of the keys in ``data`` that ``schema`` does not declare."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    if isinstance(data, list):
        return set().union(*(_undeclared(item, schema.get("items", {}), defs, f"{path}[]") for item in data))
    if not isinstance(data, dict) or "properties" not in schema:
        return set()
    found = set()
    for key, value in data.items():
        where = f"{path}.{key}" if path else key
        if key in schema["properties"]:
            found |= _undeclared(value, schema["properties"][key], defs, where)
        else:
            found.add(where)
    return found


def test_every_key_written_is_in_the_contract_or_listed_beyond_it(shared: Path) -> None:
    schema = json.loads((shared / "contract" / "article.schema.json").read_text(encoding="utf-8"))
    data = article_to_dict(full_article())
    undeclared = _undeclared(data, schema, schema["$defs"], "")
    assert undeclared - BEYOND_CONTRACT == set(), "declare these keys in the contract, or list them here"
    assert BEYOND_CONTRACT - undeclared == set(), "the contract declares these now: take them off the list"


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["events"][0].update(quad="x"),
     r"full: the JSON is not a valid Article: events\[0\]\.quad must be an integer, not 'x'"),
    (lambda d: d["events"][0].update(status="rumoured"), r"events\[0\]\.status must be one of 'occurred', "),
    (lambda d: d["events"][0].pop("trigger"), r"events\[0\]\.trigger is missing"),
    (lambda d: d["actors"][1]["mentions"][1].update(start="12"), r"actors\[1\]\.mentions\[1\]\.start must be"),
    (lambda d: d.update(published="July 8"), r"published must be an ISO date"),
    (lambda d: d.update(events={}), r"events must be a list"),
    (lambda d: d["quotes"][0].update(cue_span=[1, 2]), r"quotes\[0\]\.cue_span must be a Span object"),
])
def test_json_that_does_not_fit_says_where(edit: Any, message: str) -> None:
    from dateline.errors import InputError

    data = article_to_dict(full_article())
    edit(data)
    with pytest.raises(InputError, match=message):
        article_from_dict(data)


def test_a_record_with_new_fields_is_written_and_read_with_no_edit() -> None:
    """What adding a field to a record takes of the serializer: nothing."""
    @dataclass(frozen=True)
    class Report:
        id: str
        span: Span
        kind: QuoteKind = "speech"
        story: str | None = None
        day: dt.date | None = None
        tags: tuple[str, ...] = ()
        spans: tuple[Span, ...] = ()

    report = Report("r1", make_span("Hello world", 6, 11), "stance", "s9", dt.date(2020, 1, 2), ("a",),
                    (make_span("Hello world", 0, 5),))
    data = record_to_dict(report)
    assert data == {"id": "r1", "span": {"start": 6, "end": 11, "text": "world"}, "kind": "stance", "story": "s9",
                    "day": "2020-01-02", "tags": ["a"], "spans": [{"start": 0, "end": 5, "text": "Hello"}]}
    assert record_from_dict(Report, json.loads(json.dumps(data))) == report
    assert record_from_dict(Report, {"id": "r2", "span": data["span"]}) == Report("r2", report.span)
