"""The learned choice of actor and recipient: candidate parties, the model file, and the stage with a model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline import actors, annotate, events, lang, places, times
from dateline.errors import ResourceError
from dateline.events._lexicon import load_lexicon
from dateline.events._roles import NO_MODEL, features, load_roles, parse_roles, participants
from dateline.pipeline import Pipeline
from dateline.records import Article, Document

SANCTION = "Russia imposed sanctions on Ukraine."
#: Thresholds that keep every party the rules give and add none: the rules' own choice.
RULES = {"actor.keep": 0.0, "actor.add": 1.01, "recipient.keep": 0.0, "recipient.add": 1.01}


def _run(text: str, roles: str | None = None) -> Article:
    config = {"events": {"roles": roles}} if roles is not None else {}
    (result,) = Pipeline(["annotate", "actors", "times", "places", "events"], config=config, on_error="stop").run(
        [Document(id="doc1", source="test", kind="text", content=text, published="2020-03-01")])
    assert isinstance(result, Article)
    return result


def _model(tmp_path: Path, actor: dict[str, float], recipient: dict[str, float],
           thresholds: dict[str, float]) -> str:
    path = tmp_path / "roles.json"
    path.write_text(json.dumps({"version": "1.0", "thresholds": thresholds,
                                "weights": {"actor": actor, "recipient": recipient}}), encoding="utf-8")
    return str(path)


def _parties(article: Article, kind: str) -> tuple[list[str], list[str]]:
    (event,) = [e for e in article.events if e.type == kind]
    return [s.text for s in event.actor_spans], [s.text for s in event.recipient_spans]


def test_candidates_are_the_rules_parties_and_the_noun_phrases_near_the_trigger(nlp: Any) -> None:
    text = "The Syrian army shelled the village of Kafr Nabl near the border with Turkey."
    (article,) = annotate.apply_batch([Article(id="doc1", source="test", text=text)])
    for stage in (actors.apply, times.apply, places.apply):
        article = stage(article)
    (candidate,) = events.candidates(article, load_lexicon(lang.resources()))
    found = {p.token.text: p.route for p in participants(candidate.hit, load_lexicon(lang.resources()).words)}
    assert found["army"] == "nsubj>" and found["village"] == "dobj>"
    assert found["border"] == "pobj^prep^dobj>"  # three arcs: a candidate
    assert "shelled" not in found  # the trigger is no party of its own


def test_coordinated_parties_stand_where_the_first_of_them_stands(nlp: Any) -> None:
    text = "Rebels attacked the homes of the governors and the bishops and the judges and the mayors."
    (article,) = annotate.apply_batch([Article(id="doc1", source="test", text=text)])
    for stage in (actors.apply, times.apply, places.apply):
        article = stage(article)
    lex = load_lexicon(lang.resources())
    (candidate,) = events.candidates(article, lex)
    found = {p.token.text: (p.route, p.length) for p in participants(candidate.hit, lex.words)}
    # each "and" adds an arc of the parse, none of distance: the fourth is as near as the first
    assert found["governors"] == found["judges"] == found["mayors"] == ("pobj^prep^dobj>", 3)


def test_rules_thresholds_code_as_the_rules(nlp: Any, tmp_path: Path) -> None:
    model = _model(tmp_path, {}, {}, RULES)
    assert _parties(_run(SANCTION, model), "SANCTION") == _parties(_run(SANCTION, NO_MODEL), "SANCTION") == (
        ["Russia"], ["Ukraine"])


def test_a_model_can_swap_the_rules_roles(nlp: Any, tmp_path: Path) -> None:
    swap = {"actor.keep": 0.5, "actor.add": 0.5, "recipient.keep": 0.5, "recipient.add": 0.5}
    model = _model(tmp_path, {"bias": -10.0, "rule=recipient": 20.0}, {"bias": -10.0, "rule=actor": 20.0}, swap)
    assert _parties(_run(SANCTION, model), "SANCTION") == (["Ukraine"], ["Russia"])


def test_a_doubted_party_stays_where_no_candidate_replaces_it(nlp: Any, tmp_path: Path) -> None:
    model = _model(tmp_path, {}, {"bias": -10.0}, {**RULES, "recipient.keep": 0.5})
    assert _parties(_run(SANCTION, model), "SANCTION") == (["Russia"], ["Ukraine"])


def test_a_recipient_the_model_keeps_never_fills_the_empty_actor_role(nlp: Any, tmp_path: Path) -> None:
    text = "New sanctions were imposed on Ukraine."
    assert _parties(_run(text, NO_MODEL), "SANCTION") == ([], ["Ukraine"])
    thresholds = {"actor.keep": 0.3, "actor.add": 0.5, "recipient.keep": 0.3, "recipient.add": 0.5}
    named = {"bias": -10.0, "ent=GPE": 20.0}  # a model that takes the country for the actor
    (tmp_path / "kept").mkdir(), (tmp_path / "doubted").mkdir()  # one file each: models load once per path
    kept = _model(tmp_path / "kept", named, {"bias": 10.0}, thresholds)
    assert _parties(_run(text, kept), "SANCTION") == ([], ["Ukraine"])
    doubted = _model(tmp_path / "doubted", named, {"bias": -10.0}, thresholds)
    assert _parties(_run(text, doubted), "SANCTION") == (["Ukraine"], [])  # a doubted one may move


def test_the_shipped_model_keeps_clear_parties(nlp: Any) -> None:
    assert load_roles(lang.resources()) is not None
    assert _parties(_run(SANCTION), "SANCTION") == (["Russia"], ["Ukraine"])
    article = _run("Donald Trump met Vladimir Putin in Hamburg.")
    assert _parties(article, "CONSULT") == (["Donald Trump", "Vladimir Putin"], [])


def test_a_broken_model_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="'thresholds'"):
        parse_roles({"version": "1.0", "weights": {"actor": {}, "recipient": {}}, "thresholds": {}}, "x")
    with pytest.raises(ResourceError, match="format version 1"):
        parse_roles({"version": "2.0"}, "x")
    with pytest.raises(ResourceError, match="not found"):
        load_roles(lang.resources(), str(tmp_path / "missing.json"))
    assert load_roles(lang.resources(), NO_MODEL) is None


def _features(text: str) -> dict[str, list[str]]:
    """The features of each candidate party of the one event coded in ``text``, by the party's word."""
    (article,) = annotate.apply_batch([Article(id="doc1", source="test", text=text)])
    for stage in (actors.apply, times.apply, places.apply):
        article = stage(article)
    lex = load_lexicon(lang.resources())
    (candidate,) = events.candidates(article, lex)
    parties = participants(candidate.hit, lex.words)
    return {p.token.text: features(candidate.hit, p, article, lex.words) for p in parties}


def test_the_object_of_a_verb_of_asking_is_told_from_its_subject(nlp: Any) -> None:
    ordered = _features("General Ahmed Musa advised the rebels to attack the village.")
    assert "control=object" in ordered["rebels"] and "control=outranked" in ordered["Musa"]
    assert not any(f.startswith("control=") for f in ordered["village"])
    own = _features("General Ahmed Musa tried to attack the village.")
    assert "control=subject" in own["Musa"]  # with no object, the infinitive is the subject's own act


def test_the_subject_of_a_verb_of_asking_never_becomes_the_actor_of_the_act_asked_for(nlp: Any,
                                                                                    tmp_path: Path) -> None:
    # a model that doubts the rules' actor and would take the subject of the governing verb instead
    subjects = {"bias": -10.0, "dep=nsubj": 20.0}
    model = _model(tmp_path, subjects, {}, {**RULES, "actor.keep": 0.5, "actor.add": 0.5})
    article = _run("General Ahmed Musa advised the rebels to attack the village.", model)
    assert _parties(article, "ASSAULT") == (["the rebels"], ["the village"])
    article = _run("General Ahmed Musa said the rebels had attacked the village.", model)
    assert _parties(article, "ASSAULT")[0] == ["the rebels"]  # the same model keeps the subject of the act


def test_the_model_drops_none_of_the_parties_of_a_meeting(nlp: Any, tmp_path: Path) -> None:
    # a model that doubts every actor but a subject: a meeting's partners stay all the same
    subjects = {"bias": -10.0, "dep=nsubj": 20.0}
    model = _model(tmp_path, subjects, {}, {**RULES, "actor.keep": 0.5})
    rules = _parties(_run("Chile consulted Peru before the summit.", NO_MODEL), "CONSULT")
    assert rules == (["Chile", "Peru"], [])
    assert _parties(_run("Chile consulted Peru before the summit.", model), "CONSULT") == rules
