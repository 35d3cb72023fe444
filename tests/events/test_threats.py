"""Events: threats told without a word of threatening, and warnings that are none
(:mod:`dateline.events._threats`, the threats folded in :mod:`dateline.events._fold`), over the real pipeline."""

from __future__ import annotations

import pytest

from dateline.events._plover import plover
from tests.events.test_events import actor_names, only, run


def _threat(text: str) -> tuple[str | None, list[str], list[str], str, str]:
    article = run(text)
    event = only(article, "THREATEN")
    return (event.mode, actor_names(article, event.actors), actor_names(article, event.recipients), event.status,
            event.trigger.text)


def test_a_harm_said_under_a_condition_is_the_speakers_threat_against_the_party_of_the_condition() -> None:
    article = run('"If Israel attacks our ships, we will respond with force," Ivan Petrov said on Monday.')
    assert [e.type for e in article.events] == ["THREATEN"]  # the attack supposed is part of the threat
    assert _threat('"If Israel attacks our ships, we will respond with force," Ivan Petrov said on Monday.') == (
        "violence", ["Ivan Petrov"], ["Israel"], "occurred", "said")


def test_a_reported_harm_of_the_speakers_own_under_a_condition_is_their_threat() -> None:
    mode, actors, recipients, state, _ = _threat("Iran said it would retaliate against Israel if it was attacked.")
    assert (mode, actors, recipients, state) == ("violence", ["Iran"], ["Israel"], "occurred")


def test_a_harm_another_would_do_under_a_condition_is_a_forecast_no_threat() -> None:
    article = run("Ivan Petrov said the rebels would attack Israel if the army left.")
    assert [e for e in article.events if e.type == "THREATEN"] == []


def test_a_harm_promised_in_ones_own_words_is_a_threat() -> None:
    mode, actors, _, state, trigger = _threat('"We will bring the killers to justice," said Ivan Petrov on Monday.')
    assert (mode, actors, state, trigger) == ("arrest", ["Ivan Petrov"], "occurred", "said")


@pytest.mark.parametrize(("text", "mode", "recipients"), [
    ("The Iranian government vowed to retaliate against Israel on Monday.", "violence", ["Israel"]),
    ("Ivan Petrov threatened to expel the ambassador of Israel.", "expel", []),
    ("Ivan Petrov warned Israel that Iran would close the Strait of Hormuz.", "restrict", ["Israel"]),
])
def test_a_vowed_threatened_or_warned_harm_gives_the_threat_its_mode(text: str, mode: str,
                                                                    recipients: list[str]) -> None:
    found_mode, _, found_recipients, state, _ = _threat(text)
    assert (found_mode, state) == (mode, "occurred")
    assert set(recipients) <= set(found_recipients)


@pytest.mark.parametrize("text", [
    "Ivan Petrov warned of heavy rain in the capital on Monday.",
    "Ivan Petrov warned that the virus would spread in the spring.",
    "Forecasters said Iran will see heavy rain on Monday.",
    "Ivan Petrov said the killers must be brought to justice.",  # a wish, no act and no threat
    "In 2001 a new threat to the rule of Robert Walsh emerged.",  # a danger no one made
])
def test_a_warning_of_no_harm_and_a_forecast_are_no_events(text: str) -> None:
    assert run(text).events == ()


@pytest.mark.parametrize(("text", "kind"), [
    ('"We will visit Israel next week," Ivan Petrov said.', "CONSULT"),  # a promise of no harm
    ("Ivan Petrov said Iran will attack Israel next week.", "ASSAULT"),  # a plan told, no condition, no first person
])
def test_an_act_said_to_come_without_a_condition_or_first_person_is_no_threat(text: str, kind: str) -> None:
    article = run(text)
    assert [(e.type, e.status) for e in article.events] == [(kind, "planned")]


def test_a_fight_vowed_is_no_threat() -> None:
    article = run("Ivan Petrov vowed to keep fighting for the workers of Iran.")
    assert [e for e in article.events if e.type == "THREATEN"] == []


def test_the_table_of_harms_gives_each_threat_its_mode() -> None:
    table = plover()
    assert table.harm("COERCE", "arrest") == (True, "arrest")
    assert table.harm("SANCTION", None) == (True, None)  # a harm with no mode of its own
    assert table.harm("PROTEST", "demo") == (False, None)  # a promised rally threatens no one
    assert table.harm("CONSULT", None) == (False, None)


def test_a_party_said_to_face_a_harm_under_a_condition_is_threatened_by_the_speaker() -> None:
    _, actors, recipients, state, trigger = _threat(
        "Ivan Petrov said Israel could face serious consequences if it continued the blockade.")
    assert (actors, recipients, state, trigger) == (["Ivan Petrov"], ["Israel"], "occurred", "said")


def test_a_party_said_to_face_a_harm_without_a_condition_is_no_threat() -> None:
    article = run("Ivan Petrov said Israel could face serious consequences from the drought.")
    assert [e for e in article.events if e.type == "THREATEN"] == []


def test_going_to_is_a_promise_in_ones_own_words() -> None:
    mode, actors, _, _, _ = _threat('"We are going to arrest everyone involved," said Anna Berg on Monday.')
    assert (mode, actors) == ("arrest", ["Anna Berg"])


def test_a_fight_one_says_one_will_have_is_no_threat() -> None:
    article = run('"I will fight for every vote," Joe Biden said on Monday.')
    assert [e for e in article.events if e.type == "THREATEN"] == []


@pytest.mark.parametrize("text", [
    "Anna Berg warned journalists against publishing the photographs.",  # addressed to those it names
    "The Iranian government warned of mass protests if the election was annulled.",  # on a condition
])
def test_a_warning_to_someone_or_on_a_condition_is_a_threat(text: str) -> None:
    assert [e.type for e in run(text).events if e.trigger.text == "warned"] == ["THREATEN"]


def test_an_act_supposed_by_any_is_the_condition_of_the_speakers_threat() -> None:
    article = run('"Any attack on our ships will be met with force," Ivan Petrov said on Monday.')
    assert [(e.type, e.mode, actor_names(article, e.actors)) for e in article.events] == [
        ("THREATEN", "violence", ["Ivan Petrov"])]  # the attack supposed is no event of its own


def test_a_harm_noun_the_speaker_will_resume_under_a_condition_is_a_threat_on_the_party_of_the_condition() -> None:
    mode, actors, recipients, _, trigger = _threat(
        "Hamas said it would resume rocket attacks on Israel unless the blockade was lifted.")
    assert (mode, actors, recipients, trigger) == ("violence", ["Hamas"], ["Israel"], "said")
    _, _, recipients, _, _ = _threat(
        "Iran said it would close the Strait of Hormuz if the United States imposed new sanctions.")
    assert "United States" in recipients
