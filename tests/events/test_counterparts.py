"""Events: an accusation that names no one reaches its doer's counterpart in the article
(:mod:`dateline.events._counterparts`)."""

from __future__ import annotations

from dateline.events._counterparts import counterpart
from dateline.records import Event, EventType, make_span
from tests.events.test_events import actor_names, run

TEXT = "placeholder text for the spans of hand-built events"


def _event(kind: EventType, actors: tuple[str, ...], recipients: tuple[str, ...] = ()) -> Event:
    span = make_span(TEXT, 0, 11)
    return Event(id="e", type=kind, actors=actors, recipients=recipients, status="occurred", trigger=span,
                 evidence=span)


def test_the_party_paired_most_often_wins() -> None:
    others = [_event("ACCUSE", ("a",), ("b",)), _event("REJECT", ("b",), ("a",)), _event("SUPPORT", ("a",), ("c",))]
    assert counterpart(_event("ACCUSE", ("a",)), others) == "b"


def test_a_tie_or_no_pairing_leaves_no_recipient() -> None:
    tie = [_event("ACCUSE", ("a",), ("b",)), _event("SUPPORT", ("a",), ("c",))]
    assert counterpart(_event("ACCUSE", ("a",)), tie) is None
    assert counterpart(_event("ACCUSE", ("a",)), [_event("ACCUSE", ("d",), ("b",))]) is None


def test_meeting_partners_count_and_the_doer_is_never_its_own_counterpart() -> None:
    others = [_event("CONSULT", ("a", "b")), _event("ACCUSE", ("b",), ("a",)), _event("AGREE", ("a",), ("a",))]
    assert counterpart(_event("ACCUSE", ("a",)), others) == "b"


def test_other_types_and_events_with_a_recipient_are_left_alone() -> None:
    others = [_event("ACCUSE", ("a",), ("b",))]
    assert counterpart(_event("REQUEST", ("a",)), others) is None
    assert counterpart(_event("ACCUSE", ("a",), ("c",)), others) is None
    assert counterpart(_event("ACCUSE", ()), others) is None


def test_a_condemnation_with_no_one_named_reaches_the_rival() -> None:
    article = run("Senator Ann Reyes accused Governor Tom Hale of corruption on Monday. Hale rejected the claims "
                  "of Reyes on Tuesday. Reyes condemned it as a disgrace.", "2020-06-01", roles="none")
    [last] = [e for e in article.events if e.type == "ACCUSE" and "disgrace" in e.evidence.text]
    assert actor_names(article, last.actors) == ["Ann Reyes"]
    assert actor_names(article, last.recipients) == ["Tom Hale"]
    [span] = last.recipient_spans
    assert span.text == "Hale" and span.start < last.evidence.start


def test_a_judgement_of_a_bare_noun_judges_that_thing_alone() -> None:
    article = run("Senator Ann Reyes accused Governor Tom Hale of corruption on Monday. Hale rejected the claims "
                  "of Reyes on Tuesday. Reyes condemned racism on Wednesday.", "2020-06-01", roles="none")
    [last] = [e for e in article.events if e.type == "ACCUSE" and "racism" in e.evidence.text]
    assert last.recipients == ()
