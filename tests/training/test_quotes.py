"""``dateline train quotes``: the same data and seed give the same model, with its card, read by the stage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.quotes._model import AttributionModel
from dateline.training import quotes as training
from tests.training.polnear import brat

#: Hand-made articles in PolNeAR's layout: (text, [(source, cue, content)]), each part a substring of the text.
ARTICLES = [
    ('"We will not back down," the minister said on Tuesday.\n\nOpposition leaders believe the talks have failed.',
     [("the minister", "said", "We will not back down,"), ("Opposition leaders", "believe", "the talks have failed")]),
    ("The mayor said the bridge would reopen in May.\n\nResidents fear the repairs will take longer.",
     [("The mayor", "said", "the bridge would reopen in May"), ("Residents", "fear", "the repairs will take longer")]),
    ('According to the report, prices rose by 4 percent.\n\n"It is a hard year," a trader told reporters.',
     [("the report", "According to", "prices rose by 4 percent"), ("a trader", "told", "It is a hard year,")]),
    ("The senator claimed the bill was dead.\n\nHer aides insisted that a vote would come in June.",
     [("The senator", "claimed", "the bill was dead"), ("Her aides", "insisted", "a vote would come in June")]),
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    split = tmp_path / "polnear" / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    for n, (text, parts) in enumerate(ARTICLES):
        (split / "text" / f"article{n}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"article{n}_annotator.ann").write_text(brat(text, parts), encoding="utf-8")
    return tmp_path / "polnear"


def test_training_is_deterministic_for_a_seed_and_writes_its_card(nlp: Any, data: Path, tmp_path: Path) -> None:
    first = training.train(data, tmp_path / "one", seed=0)
    second = training.train(data, tmp_path / "two", seed=0)
    model, card = first.artifacts
    assert model.name == "quotes.npz" and card.name == "quotes.md"
    assert model.read_bytes() == second.artifacts[0].read_bytes()
    assert first.metrics["articles"] == len(ARTICLES) and first.metrics["held_out"] == 1
    assert first.metrics["threshold"] in training.THRESHOLDS
    text = card.read_text(encoding="utf-8")
    assert "train split only" in text and "no licence file" in text and "Dev was never used" in text
    loaded = AttributionModel.from_bytes(model.read_bytes(), str(model))
    assert loaded.threshold == first.metrics["threshold"]
    assert loaded.weights["cue"].any()  # the cue scorer learned something from the gold cues


def test_training_needs_the_train_split(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no PolNeAR train split"):
        training.train(tmp_path, tmp_path / "out")
