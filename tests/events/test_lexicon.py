"""Events: acts of the trigger lexicon (``lang/en/events.json``) over the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline import lang
from dateline.errors import ResourceError
from dateline.events._lexicon import load_lexicon
from tests.events.test_events import actor_names, only, run


@pytest.mark.parametrize(("text", "actor"), [
    # PLOVER manual, CONCEDE: "formal pardons ... of arrested persons"; a commuted sentence is clemency too
    ("Governor Maria Costa commuted Peter Walsh's ten-year sentence.", "Maria Costa"),
    ("Governor Maria Costa granted Peter Walsh a full pardon.", "Maria Costa"),  # who grants a pardon gives it
    ("Governor Maria Costa granted clemency to Peter Walsh.", "Maria Costa"),
])
def test_clemency_is_a_concession_of_who_grants_it(text: str, actor: str) -> None:
    article = run(text)
    event = only(article, "CONCEDE")
    assert actor in actor_names(article, event.actors)


def test_a_commuted_journey_is_no_clemency() -> None:
    assert [e for e in run("Maria Costa commuted to Leeds by train.").events if e.type == "CONCEDE"] == []


@pytest.mark.parametrize("text", [
    "Senator Maria Costa chose Peter Walsh as her running mate.",
    "The Green Party picked Peter Walsh as its presidential nominee.",
])
def test_choosing_a_running_mate_or_a_nominee_is_support_of_them(text: str) -> None:
    article = run(text)
    event = only(article, "SUPPORT")
    assert "Peter Walsh" in actor_names(article, event.recipients)


def test_a_bare_role_chosen_is_no_support() -> None:
    article = run("The Green Party uses primaries to select its nominee.")
    assert [e for e in article.events if e.type == "SUPPORT"] == []


@pytest.mark.parametrize("text", [
    "Senator Maria Costa proposed a bill to cap rents in Ohio.",
    "Senator Maria Costa proposed to limit the terms of judges.",
    "Senator Maria Costa suggested raising the minimum wage.",
])
def test_proposing_an_act_is_a_request(text: str) -> None:
    article = run(text)
    assert "Maria Costa" in actor_names(article, only(article, "REQUEST").actors)


def test_suggesting_a_claim_is_no_request() -> None:
    article = run("Senator Maria Costa suggested that Peter Walsh was involved in the fraud.")
    assert [e for e in article.events if e.type == "REQUEST"] == []


def test_making_lawful_what_was_banned_is_a_concession() -> None:
    article = run("The Senate of Ohio voted to legalize cannabis on Friday.")
    assert any("Senate" in name for name in actor_names(article, only(article, "CONCEDE").actors))


@pytest.mark.parametrize("verb", ["insulted", "smeared", "belittled"])
def test_verbs_of_insult_are_accusations(verb: str) -> None:
    article = run(f"Senator Maria Costa {verb} Peter Walsh on Monday.")
    event = only(article, "ACCUSE")
    assert (actor_names(article, event.actors) == ["Maria Costa"]
            and actor_names(article, event.recipients) == ["Peter Walsh"])


def test_accepting_responsibility_is_a_concession() -> None:
    article = run("Senator Maria Costa accepted responsibility for the failed vote on Monday.")
    assert actor_names(article, only(article, "CONCEDE").actors) == ["Maria Costa"]


def test_sending_officers_is_a_mobilization() -> None:
    article = run("President Maria Costa sent federal officers to Leeds on Monday.")
    assert actor_names(article, only(article, "MOBILIZE").actors) == ["Maria Costa"]


@pytest.mark.parametrize(("text", "event_type"), [
    ("Former mayor Tom Berg pleaded not guilty on Tuesday to three counts of fraud.", "REJECT"),
    ("A Denver court granted bail to Tom Berg on Tuesday.", "CONCEDE"),
])
def test_acts_of_courts_and_defendants(text: str, event_type: str) -> None:
    article = run(text)
    assert event_type in [e.type for e in article.events], [(e.type, e.trigger.text) for e in article.events]


@pytest.mark.parametrize("text", [
    "Governor Tom Berg denied the allegations on Monday.",
    "On Monday Russia dismissed the claim from Germany as groundless.",
])
def test_denying_an_allegation_rejects_it(text: str) -> None:
    article = run(text)
    event = only(article, "REJECT")
    assert event.actors and event.status == "occurred"


@pytest.mark.parametrize("text", [
    "On Monday a federal judge struck down the law signed by Governor Tom Berg.",
    "The appeals court vacated Tom Berg's conviction on Monday.",
])
def test_overturning_an_order_or_a_ruling_rejects_it(text: str) -> None:
    article = run(text)
    event = only(article, "REJECT")
    assert "Tom Berg" in actor_names(article, event.recipients)


def test_overturning_a_thing_of_no_authority_is_no_rejection() -> None:
    article = run("On Monday the storm overturned Tom Berg's car.")
    assert "REJECT" not in [e.type for e in article.events]


@pytest.mark.parametrize(("text", "event_type", "mode", "trigger", "actor"), [
    # words of the labelled records the lexicon lacked (1.54.0)
    ("The Moldovan cabinet gave in to the demands of the striking nurses.", "CONCEDE", None, "gave",
     "The Moldovan cabinet"),
    ("Peru finally gave in to pressure from Chile.", "CONCEDE", None, "gave", "Peru"),
    ("Russian state media spread disinformation about the Lithuanian army.", "COERCE", "misinformation",
     "spread", "Russian state media"),
    ("The Kremlin ran a disinformation campaign against Estonia.", "COERCE", "misinformation", "campaign",
     "The Kremlin"),
    ("Iran carried out the execution of Omid Rahimi on Saturday.", "ASSAULT", None, "execution", "Iran"),
    ("The Taliban claimed responsibility for a blast at the Kandahar police headquarters.", "ASSAULT",
     "explosives", "blast", "The Taliban"),
    ("Estonia opened diplomatic relations with Bhutan on Monday.", "SUPPORT", None, "opened", "Estonia"),
])
def test_words_the_labelled_records_add(text: str, event_type: str, mode: str | None, trigger: str,
                                        actor: str) -> None:
    event = only(run(text), event_type)
    assert (event.mode, event.trigger.text) == (mode, trigger)
    assert actor in [s.text for s in event.actor_spans]  # one of them, in a reciprocal act


@pytest.mark.parametrize(("text", "event_type"), [
    ("Chile gave money in a bid to help the flood victims.", "CONCEDE"),  # an object: no yielding
    ("The Chilean ministry announced the execution of the new budget.", "ASSAULT"),  # carrying a thing out
    ("Senator Ana Ruiz faced a blast of criticism from her own party.", "ASSAULT"),
])
def test_the_added_words_in_other_senses_are_no_acts(text: str, event_type: str) -> None:
    assert event_type not in [e.type for e in run(text).events]


def test_act_nouns_are_language_data_and_users_extend_them(tmp_path: Path) -> None:
    builtin = load_lexicon(lang.resources("en"))
    assert "decide" in builtin.act_verbs["decision"] and "decide" in builtin.family_verbs
    user = tmp_path / "acts.json"
    user.write_text(json.dumps({"version": "test", "act_nouns": {"decision": ["resolve"], "verdict": ["find"]}}))
    mine = load_lexicon(lang.resources("en", {"events": str(user)}))
    assert {"decide", "resolve"} <= mine.act_verbs["decision"] and mine.act_verbs["verdict"] == {"find"}


@pytest.mark.parametrize("acts", [["decision"], {"decision": "decide"}, {"decision": [""]}])
def test_bad_act_nouns_are_refused(tmp_path: Path, acts: Any) -> None:
    user = tmp_path / "bad_acts.json"
    user.write_text(json.dumps({"act_nouns": acts}))
    with pytest.raises(ResourceError, match="act_nouns"):
        load_lexicon(lang.resources("en", {"events": str(user)}))
