"""Learned proposals: a trained token classifier proposes an event where the rules code none, and may retype a
rule event; read from a model file, off without one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.errors import ResourceError, StageError
from dateline.events._propose_model import NONE, OFF
from dateline.pipeline import Pipeline
from dateline.records import EVENT_TYPES, Article, Document

STAGES = ["annotate", "actors", "times", "places", "events"]
CLASSES = [NONE, *EVENT_TYPES]


def _model(path: Path, weights: dict[str, dict[str, float]], threshold: float, retype: float = OFF) -> Path:
    """A model file whose features ``weights`` (feature -> class -> weight) speak; every class's bias equal."""
    rows = {name: [by_class.get(c, 0.0) for c in CLASSES] for name, by_class in weights.items()}
    raw = {"version": "1.0", "classes": CLASSES, "threshold": threshold, "retype": retype,
           "bias": [4.0] + [0.0] * len(EVENT_TYPES), "weights": rows}
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _run(text: str, proposals: str) -> Article:
    (result,) = Pipeline(STAGES, config={"events": {"proposals": proposals}}, on_error="stop").run(
        [Document(id="doc1", source="test", kind="text", content=text, published="2020-03-02")])
    assert isinstance(result, Article)
    return result


def test_a_sentence_without_rule_events_gets_the_proposed_event_with_its_parties(tmp_path: Path) -> None:
    model = _model(tmp_path / "m.json", {"l=ping": {"ASSAULT": 10.0}}, threshold=0.5)
    text = "Russia pinged Ukraine on Monday."
    assert not _run(text, "none").events  # the rules know no such act
    (event,) = _run(text, str(model)).events
    assert (event.type, event.trigger.text) == ("ASSAULT", "pinged")
    names = {a.id: a.name for a in _run(text, str(model)).actors}
    assert [names[i] for i in event.actors] == ["Russia"] and [names[i] for i in event.recipients] == ["Ukraine"]


def test_no_proposal_below_the_threshold_or_where_the_rules_code_an_event(tmp_path: Path) -> None:
    weak = _model(tmp_path / "weak.json", {"l=ping": {"ASSAULT": 3.0}}, threshold=0.5)
    assert not _run("Russia pinged Ukraine on Monday.", str(weak)).events
    strong = _model(tmp_path / "strong.json", {"l=ping": {"ASSAULT": 10.0}}, threshold=0.5)
    article = _run("Russia accused Ukraine of spying and pinged Ukraine.", str(strong))
    assert [(e.type, e.trigger.text) for e in article.events] == [("ACCUSE", "accused")]


def test_a_rule_event_takes_another_type_only_when_the_model_is_sure(tmp_path: Path) -> None:
    text = "Russia attacked Ukraine on Monday."
    weights = {"l=attack": {"COERCE": 12.0, "ASSAULT": 2.0}}
    assert [e.type for e in _run(text, str(_model(tmp_path / "off.json", weights, OFF))).events] == ["ASSAULT"]
    (event,) = _run(text, str(_model(tmp_path / "on.json", weights, OFF, retype=0.6))).events
    assert (event.type, event.trigger.text, event.mode) == ("COERCE", "attacked", None)


def test_a_missing_or_broken_model_file_is_an_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(StageError) as missing:
        _run("Russia pinged Ukraine.", str(tmp_path / "absent.json"))
    assert isinstance(missing.value.__cause__, ResourceError) and "absent.json" in str(missing.value.__cause__)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"version": "1.0", "classes": ["ASSAULT"]}), encoding="utf-8")
    with pytest.raises(StageError) as bad:
        _run("Russia pinged Ukraine.", str(broken))
    assert "dateline train proposals" in str(bad.value.__cause__)
