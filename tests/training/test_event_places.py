"""``dateline train event-places``: groups of options labelled by the scorer's rule, folds by article, the same
data and seed give the same ranker, with its card, read by the stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.evaluation._names import place_right
from dateline.evaluation._wikinews_records import Location
from dateline.events._where import Option, PlaceModel, best, parse_places
from dateline.records import Place, Span
from dateline.training import event_places as training

#: Hand-made articles: (text, actor, recipient, type, evidence, the hand-coded place and its country).
ARTICLES = [
    ("Police arrested Jane Roe in Denver on Friday. Senator Ann Jones criticized Governor Tom Smith over the case.",
     "Ann Jones", "Tom Smith", "ACCUSE",
     "Senator Ann Jones criticized Governor Tom Smith over the case.", ("Denver", "USA")),
    ("Germany expelled two Russian diplomats in Berlin on Monday. Russia condemned Germany in Moscow.",
     "Russia", "Germany", "ACCUSE", "Russia condemned Germany in Moscow.", ("Moscow", "RUS")),
    ("Protesters gathered in Leeds on Sunday. Mayor John Doe criticized the police in Leeds.",
     "John Doe", "police", "ACCUSE", "Mayor John Doe criticized the police in Leeds.", ("Leeds", "GBR")),
]


def _place(name: str, country: str | None, feature: str = "city", start: int = 0) -> Place:
    return Place(Span(start, start + len(name), name), name, country, feature=feature)


def test_an_option_is_right_by_the_scorers_own_rule() -> None:
    gold = Location("Leeds, West Yorkshire", "GBR")
    assert place_right(_place("Leeds", "GBR"), gold)
    assert not place_right(_place("Leeds", "USA"), gold)  # another country's namesake
    assert not place_right(_place("United Kingdom", "GBR", "country"), gold)  # no shared name word
    assert not place_right(None, gold)


def _group(article: int, right: int) -> training._Group:
    """Three options (the cascade's country, a town of the line, none); ``right``: which is right."""
    options = (Option(_place("France", "FRA", "country"), ("cascade", "main"), ("kind=country", "step=main")),
               Option(_place("Lyon", "FRA"), ("line",), ("kind=city", "step=line")),
               Option(None, ("none",), ("none",)))
    return training._Group(options, tuple(k == right for k in range(3)), article, Location("x", "FRA"))


def test_the_ranker_learns_which_step_to_trust_and_keeps_the_cascade_on_a_tie() -> None:
    groups = [_group(a, 1) for a in range(8)]
    model = training._fit(groups, 1e-3, (), seed=0)
    assert model.weights["step=line"] > model.weights.get("step=main", 0.0)
    assert best(model, groups[0].options).place == groups[0].options[1].place
    assert best(PlaceModel("1.0", {}), groups[0].options) is groups[0].options[0]  # no weights: the cascade's
    assert training._accuracy(model, groups) == 8


def test_a_margin_keeps_the_cascade_unless_another_option_is_clearly_better() -> None:
    options = _group(0, 1).options
    model = PlaceModel("1.0", {"step=line": 0.4})
    assert best(model, options) is options[1]
    assert best(PlaceModel("1.0", {"step=line": 0.4}, margin=0.5), options) is options[0]


def test_the_choice_is_one_of_those_tried() -> None:
    choice = training._choose([_group(a, 1 if a % 3 else 0) for a in range(12)], seed=0)
    assert choice.l2 in training.TRIED_L2 and choice.drop in training.TRIED_DROP
    assert choice.margin in training.TRIED_MARGIN


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "events"
    root.mkdir()
    for name, part in (("wikinews-dev", ARTICLES[:1]), ("wikinews-train", ARTICLES[1:])):
        folder = root / name
        folder.mkdir()
        records, gold = [], []
        for n, (text, actor, recipient, kind, evidence, (place, country)) in enumerate(part):
            records.append({"id": f"{name}-{n}", "url": "", "date": "2020-03-02", "title": "", "text": text})
            parties = [{"name": p, "kind": "person", "country": None, "sector": None} for p in (actor, recipient)]
            gold.append({"id": f"{name}-{n}", "actors": parties, "events": [
                {"type": kind, "actors": [actor], "recipients": [recipient], "status": "occurred",
                 "evidence": evidence, "importance": "core", "date": None,
                 "place": {"name": place, "country": country}}]})
        (folder / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


def test_training_is_deterministic_for_a_seed_and_writes_its_card(nlp: Any, data: Path, tmp_path: Path) -> None:
    first = training.train(data, tmp_path / "one", seed=0)
    second = training.train(data, tmp_path / "two", seed=0)
    model, card = first.artifacts
    assert model.name == "event-places.json" and card.name == "event-places.md"
    assert model.read_bytes() == second.artifacts[0].read_bytes()
    loaded = parse_places(json.loads(model.read_text(encoding="utf-8")), str(model))
    assert loaded.version.startswith("1.")
    metrics = first.metrics
    assert metrics["rules.all.place_scored"] == metrics["oof.all.place_scored"] > 0
    assert metrics["rules.all.place_scored"] == sum(metrics.get(f"rules.{s}.place_scored", 0)
                                                    for s in ("wikinews-dev", "A", "B"))
    text = card.read_text(encoding="utf-8")
    assert "CC BY 2.5" in text and "out of fold" in text


def test_training_needs_the_coded_set(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="training data for event-places not found"):
        training.train(tmp_path, tmp_path / "out")
