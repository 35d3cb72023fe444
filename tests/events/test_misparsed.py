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
    # the parse makes "Jan Kowalski" the object of "after" and "stabbed" a verb joined to "arrested"
    article = run("A suspect has been arrested after Jan Kowalski, mayor of the Polish town of Sopot, was "
                  "stabbed on Sunday whilst on stage at a charity concert.")
    event = only(article, "ASSAULT")
    assert actor_names(article, event.recipients) == ["Jan Kowalski"]


def test_a_passive_joined_by_and_shares_the_subject_of_the_verb_before(nlp: Any) -> None:
    doc = nlp("Tom Baker was convicted of fraud in 2008 in the Northern District of Ohio, and was sentenced to "
              "serve 120 months in prison.")
    sentenced = next(t for t in doc if t.lower_ == "sentenced")
    assert [t.text for t in stray_patient(sentenced, _words())] == ["Baker"]


def test_a_passive_with_its_own_subject_or_after_another_phrase_has_no_stray_patient(nlp: Any) -> None:
    doc = nlp("Tom Baker was convicted of fraud in 2008.")
    assert stray_patient(next(t for t in doc if t.lower_ == "convicted"), _words()) == []
    doc = nlp("Another man, who was arrested on the day of the theft, was released on bail.")
    assert stray_patient(next(t for t in doc if t.lower_ == "released"), _words()) == []


def test_a_second_object_the_parse_makes_an_apposition_is_done_to_the_first() -> None:
    # the parse hangs "a full pardon" on "Ohio", the end of the apposition that describes Tom Baker
    article = run("President Maria Costa granted Tom Baker, a former senator from Ohio, a full pardon on Tuesday.")
    event = only(article, "CONCEDE")
    assert actor_names(article, event.actors) == ["Maria Costa"]
    assert actor_names(article, event.recipients) == ["Tom Baker"]


def test_an_apposition_that_describes_a_party_is_no_second_object(nlp: Any) -> None:
    doc = nlp("Police met Tom Baker, a critic of the plan, on Tuesday.")
    critic = next(t for t in doc if t.lower_ == "critic")
    assert first_object(critic, _words()) is None

