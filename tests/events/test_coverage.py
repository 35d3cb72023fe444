"""Events: how news reports acts that the lexicon's plain verbs miss (set phrases, event nouns, counted
groups as parties), each over the real pipeline on sentences written for the test."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from dateline.records import Article, Document, Event

STAGES = ["annotate", "actors", "times", "places", "events"]


def run(text: str) -> Article:
    (result,) = Pipeline(STAGES, on_error="stop").run(
        [Document(id="doc1", source="test", kind="text", content=text, published="2021-03-04")])
    assert isinstance(result, Article)
    return result


def only(article: Article, event_type: str) -> Event:
    found = [e for e in article.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in article.events]
    return found[0]


@pytest.mark.parametrize(("text", "event_type", "mode", "trigger", "actor", "recipient"), [
    ("Supporters of Alexei Navalny took to the streets of Moscow on Sunday.", "PROTEST", "demo", "took",
     "Supporters of Alexei Navalny", None),
    ("Belarusian police took Maria Kolesnikova into custody on Monday.", "COERCE", "arrest", "took",
     "Belarusian police", "Maria Kolesnikova"),
    ("A Minsk court handed down an eleven-year sentence to Maria Kolesnikova.", "SANCTION", "convict", "handed",
     "A Minsk court", "Maria Kolesnikova"),
    ("Volodymyr Zelensky expressed gratitude to Germany on Friday.", "SUPPORT", None, "expressed",
     "Volodymyr Zelensky", "Germany"),
    ("Amnesty International reported the intimidation of journalists by the Hungarian government.", "THREATEN",
     None, "intimidation", "the Hungarian government", "journalists"),
    ("The French doctors' union called a work stoppage against the government of Emmanuel Macron.", "PROTEST",
     "strike", "stoppage", None, "the government of Emmanuel Macron"),
])
def test_set_phrases_and_event_nouns(text: str, event_type: str, mode: str | None, trigger: str,
                                     actor: str | None, recipient: str | None) -> None:
    event = only(run(text), event_type)
    assert (event.mode, event.trigger.text) == (mode, trigger)
    if actor is not None:
        assert [s.text for s in event.actor_spans] == [actor]
    if recipient is not None:
        assert [s.text for s in event.recipient_spans] == [recipient]


@pytest.mark.parametrize(("text", "coded"), [
    # a belief is no conviction in court
    ("Angela Merkel stated her conviction that Europe must stay united.", False),
    ("The conviction of Alexei Navalny by a Moscow court angered Germany.", True),
])
def test_a_conviction_in_court_is_not_a_belief(text: str, coded: bool) -> None:
    article = run(text)
    assert article.actors  # the parties are known: nothing is lost for want of one
    assert [e.type for e in article.events if e.type == "SANCTION"] == (["SANCTION"] if coded else [])


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("Thousands of Kenyans protested against the new tax law in Nairobi.", "PROTEST", "Thousands of Kenyans"),
    ("One of the Russian soldiers shot a Ukrainian civilian.", "ASSAULT", "One of the Russian soldiers"),
])
def test_a_counted_group_is_a_party(text: str, event_type: str, actor: str) -> None:
    event = only(run(text), event_type)
    assert [s.text for s in event.actor_spans] == [actor]
    assert event.actors
