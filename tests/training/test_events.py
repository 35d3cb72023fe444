"""``dateline train events``: cross-validated by article, deterministic, with its card, read by the stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.events._model import parse_model
from dateline.training import events as training

#: Hand-made articles and the events a coder codes in them: (text, [(type, actor, recipient, evidence)]).
ARTICLES = [
    ("France accused Germany of spying on Monday.\n\nIn 2009, Germany accused France of spying.",
     [("ACCUSE", "France", "Germany", "France accused Germany of spying on Monday.")]),
    ("Russia attacked Ukraine on Tuesday.\n\nUkraine condemned Russia.",
     [("ASSAULT", "Russia", "Ukraine", "Russia attacked Ukraine on Tuesday."),
      ("ACCUSE", "Ukraine", "Russia", "Ukraine condemned Russia.")]),
    ("Japan sent aid to the Philippines on Friday.\n\nIn 2011, the Philippines sent aid to Japan.",
     [("AID", "Japan", "the Philippines", "Japan sent aid to the Philippines on Friday.")]),
    ("China warned Taiwan on Sunday.\n\nTaiwan criticized China.",
     [("THREATEN", "China", "Taiwan", "China warned Taiwan on Sunday.")]),
    ("Angela Merkel met Emmanuel Macron in Berlin.\n\nIn 2015, Merkel met Macron in Paris.",
     [("CONSULT", "Angela Merkel", "Emmanuel Macron", "Angela Merkel met Emmanuel Macron in Berlin.")]),
    ("Iran criticized Israel on Wednesday.\n\nIsrael accused Iran of lying.",
     [("ACCUSE", "Iran", "Israel", "Iran criticized Israel on Wednesday."),
      ("ACCUSE", "Israel", "Iran", "Israel accused Iran of lying.")]),
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dev = tmp_path / "events" / "wikinews-dev"
    dev.mkdir(parents=True)
    records, gold = [], []
    for n, (text, coded) in enumerate(ARTICLES):
        records.append({"id": f"a{n}", "url": "", "date": "2020-03-02", "title": "", "text": text})
        names = sorted({name for _, actor, recipient, _ in coded for name in (actor, recipient)})
        parties = [{"name": name, "kind": "country", "country": None, "sector": None} for name in names]
        gold.append({"id": f"a{n}", "actors": parties, "events": [
            {"type": kind, "actors": [actor], "recipients": [recipient], "status": "occurred", "evidence": evidence,
             "importance": "core", "date": None} for kind, actor, recipient, evidence in coded]})
    (dev / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (dev / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path / "events"


def test_training_is_cross_validated_deterministic_and_writes_its_card(nlp: Any, data: Path, tmp_path: Path) -> None:
    first = training.train(data, tmp_path / "one")
    second = training.train(data, tmp_path / "two")
    model, card = first.artifacts
    assert model.name == "events.json" and card.name == "events.md"
    assert model.read_bytes() == second.artifacts[0].read_bytes()
    loaded = parse_model(json.loads(model.read_text(encoding="utf-8")), str(model))
    assert loaded.priors and all(0.0 < p < 1.0 for p in loaded.priors.values())
    assert first.metrics["rules.events"] >= first.metrics["rules.right"] > 0
    assert {"oof.precision", "nested.precision", "oof.core_found", "l2"} <= set(first.metrics)
    # the choice never loses more core events than allowed against the rules
    assert first.metrics["oof.core_found"] >= first.metrics["rules.core_found"] - training.CORE_LOSS
    text = card.read_text(encoding="utf-8")
    assert "CC BY 2.5" in text and "out of fold" in text and "nested" in text


def test_a_trigger_prior_is_counted_without_its_own_candidate() -> None:
    def example(label: int, article: int) -> training._Example:
        return training._Example(("type=ACCUSE",), "accuse|ACCUSE", 0.0, label, 1.0, "wikinews", article)

    examples = [example(1, 0), example(0, 1), example(0, 2), example(0, 3)]
    left_out = training._left_out(examples)
    counted = training._names(examples, {"accuse|ACCUSE": 0.25})
    assert left_out[0][-1] == "prior=0" and left_out[1][-1] == "prior=0"
    assert counted[0][-1] == "prior=0"
    assert training._left_out([example(1, 0), example(1, 1)])[0][-1] == "prior=3"
    assert training._left_out([example(1, 0)])[0][-1] == "prior=unseen"


def test_training_needs_the_hand_coded_articles(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="training data for events not found"):
        training.train(tmp_path, tmp_path / "out")
