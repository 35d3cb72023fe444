"""``dateline train events``: cross-validated by article, deterministic, with its card, read by the stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.events._model import parse_model
from dateline.training import _coded
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


def _write_set(folder: Path, articles: list[tuple[str, list[tuple[str, str, str, str]]]], first: int) -> None:
    folder.mkdir(parents=True)
    records, gold = [], []
    for n, (text, coded) in enumerate(articles, start=first):
        records.append({"id": f"a{n}", "url": "", "date": "2020-03-02", "title": "", "text": text})
        names = sorted({name for _, actor, recipient, _ in coded for name in (actor, recipient)})
        parties = [{"name": name, "kind": "country", "country": None, "sector": None} for name in names]
        gold.append({"id": f"a{n}", "actors": parties, "events": [
            {"type": kind, "actors": [actor], "recipients": [recipient], "status": "occurred", "evidence": evidence,
             "importance": "core", "date": None} for kind, actor, recipient, evidence in coded]})
    (folder / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with two hand-coded sets: ``wikinews-dev`` and a further ``wikinews-train``."""
    _write_set(tmp_path / "events" / "wikinews-dev", ARTICLES[:4], 0)
    _write_set(tmp_path / "events" / "wikinews-train", ARTICLES[4:], 4)
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
    # both sets are trained on, folded together, and reported apart
    assert first.metrics["rules.core_gold"] == len([e for _, coded in ARTICLES for e in coded])
    for name in ("oof", "nested", "rules"):
        assert first.metrics[f"{name}.events"] == sum(first.metrics[f"{s}.{name}.events"]
                                                      for s in ("wikinews-dev", "wikinews-train"))
    assert first.metrics["wikinews-train.rules.core_gold"] == 3
    text = card.read_text(encoding="utf-8")
    assert "CC BY 2.5" in text and "out of fold" in text and "nested" in text and "`wikinews-train` 2" in text


def test_the_further_sets_are_found_in_the_data_folder_or_the_repository(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    data, repository = tmp_path / "data", tmp_path / "repository"
    _write_set(data / "wikinews-dev", ARTICLES[:1], 0)
    assert training.coded_sets(data) == [("wikinews-dev", data / "wikinews-dev")]
    monkeypatch.setattr(_coded, "REPOSITORY_EVAL", repository)
    _write_set(repository / "wikinews-train", ARTICLES[1:2], 1)
    assert training.coded_sets(data)[1] == ("wikinews-train", repository / "wikinews-train")
    _write_set(data / "wikinews-train", ARTICLES[2:3], 2)
    assert training.coded_sets(data)[1] == ("wikinews-train", data / "wikinews-train")


def test_a_trigger_prior_is_counted_without_its_own_candidate() -> None:
    def example(label: int, article: int) -> training.Example:
        return training.Example(("type=ACCUSE",), "accuse|ACCUSE", 0.0, label, 1.0, "wikinews", article)

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
