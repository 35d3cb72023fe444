"""Places: the learned ranker of namesakes (features of each candidate, its margin, the packaged artifact)."""

from __future__ import annotations

import numpy as np
import pytest

from dateline import annotate, lang, places
from dateline.places._check import slot_rows
from dateline.places._rank import Ranked, Ranker, load_ranker
from dateline.records import Article

EN = lang.resources("en")

TEXT = ("Bond vote set\nVoters in Manhattan approved the school bond on Tuesday, and lawmakers in Kansas will take "
        "up the measure next week.")


def _annotated(text: str, url: str | None = None) -> Article:
    [article] = annotate.apply_batch([Article(id="t", source="test", url=url, text=text)])
    return article


def _manhattan(article: Article, ranker: Ranker | None = None) -> tuple[Ranked, places.Choice]:
    chosen = places.choices(article, ranker=ranker, describe=True)
    [choice] = [c for c in chosen if c.span.text == "Manhattan"]
    assert choice.ranked is not None
    return choice.ranked, choice


def test_each_candidate_of_the_kind_the_rules_picked_is_described() -> None:
    article = _annotated(TEXT, url="https://example.com/news/bond")
    ranked, choice = _manhattan(article)
    plain = places.choices(article)
    assert choice in plain and all(c.ranked is None for c in plain)  # described only when asked
    assert choice.entry is not None and ranked.options[ranked.pick] == choice.entry
    assert len(ranked.options) >= 2 and {e.feature for e in ranked.options} == {choice.entry.feature}
    assert len(ranked.rows) == len(ranked.options)
    kansas = [i for i, e in enumerate(ranked.options) if e.country == "USA" and e.admin1 == "KS"]
    assert kansas and "state_named=True" in ranked.rows[kansas[0]]
    assert "picked=True" in ranked.rows[ranked.pick]
    others = [row for i, row in enumerate(ranked.rows) if i != ranked.pick]
    assert others and all("picked=False" in row for row in others)


def _ranker(feature: str, weight: float, margin: float, bits: int = 12) -> Ranker:
    weights = np.zeros(1 << bits, dtype=np.float32)
    weights[slot_rows([[feature]], bits)[0, 0]] = weight
    return Ranker(weights, margin)


def test_the_ranker_replaces_the_rules_pick_only_beyond_its_margin() -> None:
    rows = [["x"], ["y"]]
    assert _ranker("x", 2.0, margin=1.0).pick(rows, rules=1) == 0
    assert _ranker("x", 2.0, margin=3.0).pick(rows, rules=1) == 1
    assert _ranker("x", 0.0, margin=0.0).pick(rows, rules=1) == 1  # ties keep the rules' pick


def test_the_stage_reports_the_rankers_pick() -> None:
    article = _annotated(TEXT, url="https://example.com/news/bond")
    _, choice = _manhattan(article, _ranker("state_named=True", 50.0, margin=0.0))
    assert choice.entry is not None and choice.entry.admin1 == "KS" and choice.entry.country == "USA"
    against = _ranker("state_named=True", -50.0, margin=0.0)
    _, other = _manhattan(article, against)
    assert other.entry is not None and other.entry.admin1 != "KS"


def test_the_packaged_ranker_loads_and_round_trips() -> None:
    ranker = load_ranker(EN)
    assert ranker is not None and np.count_nonzero(ranker.weights) > 50 and ranker.margin >= 0.0
    again = Ranker.from_json(ranker.to_json())
    assert again.margin == ranker.margin and np.allclose(again.weights, ranker.weights, atol=1e-6)


def test_the_stage_leaves_the_ranker_off_by_default() -> None:
    assert places.PlacesConfig().rank is False
    article = _annotated(TEXT, url="https://example.com/news/bond")
    with_ranker = places.apply(article, places.PlacesConfig(rank=True))
    assert [p.span for p in places.apply(article).places] == [p.span for p in with_ranker.places]
    assert any(p.span.text == "Manhattan" for p in with_ranker.places)


def test_a_ranker_of_another_format_or_shape_is_refused() -> None:
    content = _ranker("x", 1.5, margin=0.5, bits=4).to_json()
    assert content["version"] == "1.0.0" and content["bits"] == 4 and content["margin"] == 0.5
    assert Ranker.from_json(content).margin == 0.5
    with pytest.raises(ValueError, match=r"version 2\.0\.0"):
        Ranker.from_json({**content, "version": "2.0.0"})
    with pytest.raises(ValueError, match="'weights' must be an object"):
        Ranker.from_json({**content, "weights": [1.5]})
