"""``dateline train roles``: the same data and seed give the same model, with its card, read by the stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.events._roles import THRESHOLDS, parse_roles
from dateline.training import roles as training

#: Hand-made sentences in the CoNLL layout of the CAMEO role spans: (words, the source's words, the target's).
SENTENCES = [
    ("Russia imposed sanctions on Ukraine .", "Russia", "Ukraine"),
    ("France criticized Germany over the budget .", "France", "Germany"),
    ("Police arrested protesters in Paris .", "Police", "protesters"),
    ("The United States accused Iran of attacking a tanker .", "The United States", "Iran"),
    ("Japan sent aid to the Philippines .", "Japan", "the Philippines"),
    ("Turkish troops attacked Kurdish fighters near the border .", "Turkish troops", "Kurdish fighters"),
    ("China warned Taiwan against independence .", "China", "Taiwan"),
]
#: Hand-made articles coded as the Wikinews set codes them: (text, actor, recipient, type, evidence).
ARTICLES = [
    ("On Monday, Germany expelled two Russian diplomats. Russia condemned the decision.",
     "Germany", "Russia", "COERCE", "On Monday, Germany expelled two Russian diplomats."),
    ("Israel launched airstrikes on Gaza on Tuesday. Hamas fired rockets at Israel.",
     "Hamas", "Israel", "ASSAULT", "Hamas fired rockets at Israel."),
]


def _conll(words: str, source: str, target: str) -> str:
    tokens, lines, k = words.split(), [], 0
    spans = {}
    for tag, part in (("S", source.split()), ("T", target.split())):
        start = next(i for i in range(len(tokens)) if tokens[i:i + len(part)] == part)
        spans.update({start + j: ("B-" if j == 0 else "I-") + tag for j in range(len(part))})
    for k, token in enumerate(tokens):
        lines.append(f"{token} {spans.get(k, 'O')}")
    return "\n".join(lines) + "\n\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "events"
    ner = root / "conflibert" / "cameo_ner"
    ner.mkdir(parents=True)
    (ner / "train.txt").write_text("".join(_conll(*s) for s in SENTENCES), encoding="utf-8")
    for name, part in (("wikinews-dev", ARTICLES[:1]), ("wikinews-train", ARTICLES[1:])):
        _write_set(root / name, part)
    return root


def _write_set(folder: Path, articles: list[tuple[str, str, str, str, str]]) -> None:
    folder.mkdir()
    records, gold = [], []
    for n, (text, actor, recipient, kind, evidence) in enumerate(articles):
        records.append({"id": f"{folder.name}-{n}", "url": "", "date": "2020-03-02", "title": "", "text": text})
        parties = [{"name": name, "kind": "country", "country": None, "sector": None} for name in (actor, recipient)]
        gold.append({"id": f"{folder.name}-{n}", "actors": parties, "events": [
            {"type": kind, "actors": [actor], "recipients": [recipient], "status": "occurred", "evidence": evidence,
             "importance": "core", "date": None}]})
    (folder / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_training_is_deterministic_for_a_seed_and_writes_its_card(nlp: Any, data: Path, tmp_path: Path) -> None:
    first = training.train(data, tmp_path / "one", seed=0)
    second = training.train(data, tmp_path / "two", seed=0)
    model, card = first.artifacts
    assert model.name == "roles.json" and card.name == "roles.md"
    assert model.read_bytes() == second.artifacts[0].read_bytes()
    loaded = parse_roles(json.loads(model.read_text(encoding="utf-8")), str(model))
    assert loaded.weights["actor"]["rule=actor"] > 0  # the rules' actors are the marked sources here
    assert set(loaded.thresholds) == set(THRESHOLDS)
    assert first.metrics["rules.conflibert.role_f1"] > 0 and "oof.wikinews.recipient" in first.metrics
    assert first.metrics["rules.wikinews.matched"] == sum(first.metrics[f"rules.{s}.matched"]
                                                          for s in ("wikinews-dev", "wikinews-train")) > 0
    text = card.read_text(encoding="utf-8")
    assert "GPL-3" in text and "CC BY 2.5" in text and "out of fold" in text and "`wikinews-train` 1" in text


def test_training_needs_both_sets(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="training data for roles not found"):
        training.train(tmp_path, tmp_path / "out")
