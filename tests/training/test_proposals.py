"""``dateline train proposals``: triggers aligned by rule, cross-validated by article, deterministic, with its
card, read by the stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline import lang
from dateline.errors import InputError
from dateline.events._lexicon import load_lexicon
from dateline.events._propose_model import NONE, parse_proposer
from dateline.training import proposals as training

from .test_events import ARTICLES, _write_set

#: PLOVER gold records as the file holds them: the text, its type and its markup with the marked triggers.
GSR = [
    ("Egypt condemned Israel on Monday.", "ACCUSE", "(SRC: Egypt) (EVT: condemned) (TAR: Israel) on Monday."),
    ("Kenya sent troops to Somalia.", "MOBILIZE", "(SRC: Kenya) (EVT: sent troops) to (TAR: Somalia)."),
    ("Chile agreed to help Peru rebuild.", "AGREE", "(SRC: Chile) (EVT: agreed) to (EVT: help) (TAR: Peru) rebuild."),
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with two hand-coded sets and PLOVER's gold records."""
    _write_set(tmp_path / "events" / "wikinews-dev", ARTICLES[:4], 0)
    _write_set(tmp_path / "events" / "wikinews-train", ARTICLES[4:], 4)
    (tmp_path / "events" / "plover").mkdir()
    records = [{"id": "doc", "event": "DOCUMENT"}] + [
        {"id": f"g{i}", "event": kind, "text": text, "textInfo": {"markup": markup}}
        for i, (text, kind, markup) in enumerate(GSR)]
    (tmp_path / "events" / "plover" / "plover_gsr_cameo.json").write_text(json.dumps(records), encoding="utf-8")
    return tmp_path / "events"


def test_a_coded_event_is_aligned_to_the_lexicon_trigger_of_its_type_nearest_the_root(nlp: Any) -> None:
    lex = load_lexicon(lang.resources())
    sentence = next(iter(nlp("Police arrested two men after Russia attacked Ukraine.").sents))
    assert sentence[training.align(sentence, ["ASSAULT"], lex) or 0].text == "attacked"
    assert sentence[training.align(sentence, ["COERCE", "AGREE"], lex) or 0].text == "arrested"
    assert training.align(sentence, ["AID"], lex) is None


def test_training_is_cross_validated_deterministic_and_writes_its_card(nlp: Any, data: Path, tmp_path: Path) -> None:
    first = training.train(data, tmp_path / "one")
    second = training.train(data, tmp_path / "two")
    model, card = first.artifacts
    assert model.read_bytes() == second.artifacts[0].read_bytes()
    assert card.read_text(encoding="utf-8") == second.artifacts[1].read_text(encoding="utf-8")
    metrics = first.metrics
    assert metrics["rules.core_found"] >= 1 and "wikinews-train.nested.proposals.core_found" in metrics
    assert {"proposals.0.1.precision", "retype.0.5.precision", "threshold", "retype"} <= set(metrics)
    raw = json.loads(model.read_text(encoding="utf-8"))
    assert raw["trained_on"]["gsr.trigger"] == len(GSR) and raw["trained_on"]["coded.trigger"] >= 5
    proposer = parse_proposer(raw, str(model))
    assert proposer.classes[0] == NONE and proposer.weights.shape == (len(proposer.index), len(proposer.classes))
    assert "| rules.core_found |" in card.read_text(encoding="utf-8")


def test_training_names_the_data_it_needs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"plover_gsr_cameo\.json"):
        training.train(tmp_path)
