"""``dateline train quote-cues``: cue words no curated list holds, counted from gold attributions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.lang import resources
from dateline.quotes._lexicon import parse_lexicon
from dateline.training import quote_cues as training
from dateline.training.quote_cues import CueCount, learned
from tests.training.polnear import brat

#: Hand-made articles in PolNeAR's layout: (text, [(source, cue, content)]). "depicted" is a cue in no curated list;
#: "said" is in one, so it is never counted; "mused" is a cue once and a plain word nowhere.
ARTICLES = [
    ("The senator depicted the governor as a coward.\n\nThe mayor said the bridge would reopen.",
     [("The senator", "depicted", "the governor as a coward"), ("The mayor", "said", "the bridge would reopen")]),
    ("Critics depicted the plan as a gift to developers.\n\nThe painter depicted a harbour at dusk.",
     [("Critics", "depicted", "the plan as a gift to developers")]),
    ("Her rival depicted the vote as a sham.\n\nThe author mused that winters were shorter now.",
     [("Her rival", "depicted", "the vote as a sham"), ("The author", "mused", "winters were shorter now")]),
    ("The union depicted the offer as an insult.\n\nResidents fear the repairs will take longer.",
     [("The union", "depicted", "the offer as an insult"), ("Residents", "fear", "the repairs will take longer")]),
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    split = tmp_path / "polnear" / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    # The first article (in name order) is held out: an empty one, so that the four above are all counted.
    for n, (text, parts) in enumerate([("Nothing happened here.", []), *ARTICLES]):
        (split / "text" / f"article{n}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"article{n}_annotator.ann").write_text(brat(text, parts), encoding="utf-8")
    return tmp_path / "polnear"


def test_words_need_support_precision_and_a_word_class() -> None:
    counts = [CueCount("depict", "VERB", 8, 10, 5), CueCount("depict", "NOUN", 8, 10, 5),
              CueCount("go", "VERB", 50, 1000, 40), CueCount("muse", "VERB", 2, 2, 2), CueCount(":", "VERB", 9, 9, 9)]
    assert [(c.lemma, c.pos) for c in learned(counts)] == [("depict", "VERB"), ("depict", "NOUN")]


def test_the_count_skips_the_held_out_articles_and_the_listed_words(
        nlp: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(training, "MIN_CUES", 3)
    monkeypatch.setattr(training, "MIN_ARTICLES", 3)
    report = training.train(data, tmp_path / "out")
    lexicon_path, card = report.artifacts
    assert report.metrics["articles"] == 4 and report.metrics["held_out"] == 1
    raw = json.loads(lexicon_path.read_text(encoding="utf-8"))
    assert raw["learned_cues"] == ["depict"]  # four gold cues of five tokens; "mused" has too little support
    lexicon = parse_lexicon(raw, "written")
    assert "depict" in lexicon.learned_cues and "say" not in lexicon.learned_cues
    text = card.read_text(encoding="utf-8")
    assert "| depict | VERB | 4 | 5 | 0.80 | 4 |" in text and "no licence file" in text and "Dev was never used" in text


def test_the_version_moves_only_when_the_list_does(tmp_path: Path) -> None:
    source = Path(str(resources("en").file(training.LEXICON_FILE)))
    packaged = json.loads(source.read_text(encoding="utf-8"))
    same = tmp_path / "same.json"
    assert not training.write_lexicon(same, source, sorted(packaged["learned_cues"]))
    assert same.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")  # the file round-trips
    other = tmp_path / "other.json"
    assert training.write_lexicon(other, source, ["depict"])
    major, minor, _ = packaged["version"].split(".")
    assert json.loads(other.read_text(encoding="utf-8"))["version"] == f"{major}.{int(minor) + 1}.0"
