"""Events: parties the parse hangs away from their trigger (:mod:`dateline.events._misparsed`)."""

from __future__ import annotations

from typing import Any

from dateline.events._lexicon import load_lexicon
from dateline.events._misparsed import first_object, stray_patient
from dateline.lang import resources
from tests.events.test_events import actor_names, only, run


def _words() -> Any:
    return load_lexicon(resources("en")).words


def test_a_passive_whose_subject_the_parse_makes_an_object_of_after_is_done_to_it() -> None:
    # the parse makes "Lena Vogt" the object of "after" and "attacked" a verb joined to "detained"
    article = run("Police have detained a man after Lena Vogt, head of the council of the Bavarian city of Passau, "
                  "was attacked on Friday during a street festival.")
    event = only(article, "ASSAULT")
    assert actor_names(article, event.recipients) == ["Lena Vogt"]


def test_a_passive_joined_by_and_shares_the_subject_of_the_verb_before(nlp: Any) -> None:
    doc = nlp("Ana Ruiz was charged with bribery in 2015 by prosecutors in Leeds, and was jailed for six years.")
    jailed = next(t for t in doc if t.lower_ == "jailed")
    assert [t.text for t in stray_patient(jailed, _words())] == ["Ruiz"]


def test_a_passive_with_its_own_subject_or_after_another_phrase_has_no_stray_patient(nlp: Any) -> None:
    doc = nlp("Tom Baker was convicted of fraud in 2008.")
    assert stray_patient(next(t for t in doc if t.lower_ == "convicted"), _words()) == []
    doc = nlp("A second woman, who had been questioned at the scene of the fire, was freed without charge.")
    assert stray_patient(next(t for t in doc if t.lower_ == "freed"), _words()) == []


def test_a_second_object_the_parse_makes_an_apposition_is_done_to_the_first() -> None:
    # the parse hangs "a full pardon" on "Leeds", the end of the apposition that describes Tom Baker
    article = run("President Maria Costa offered Tom Baker, the jailed editor of a weekly in Leeds, a full pardon "
                  "last week.")
    event = only(article, "CONCEDE")
    assert actor_names(article, event.actors) == ["Maria Costa"]
    assert actor_names(article, event.recipients) == ["Tom Baker"]


def test_an_apposition_that_describes_a_party_is_no_second_object(nlp: Any) -> None:
    doc = nlp("Police met Tom Baker, a critic of the plan, on Tuesday.")
    critic = next(t for t in doc if t.lower_ == "critic")
    assert first_object(critic, _words()) is None

