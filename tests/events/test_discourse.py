"""The learned check's features of the article around a candidate event, and its trigger priors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dateline import events, lang
from dateline.events._discourse import MIN_SENTENCES, prior_feature, prior_rates
from dateline.events._lexicon import load_lexicon
from dateline.events._model import Candidate, features, load_model, sentence_count
from dateline.records import Article
from dateline.training.events import staged


def _candidates(text: str, published: str | None = "2021-05-04") -> tuple[Article, list[Candidate]]:
    day = dt.date.fromisoformat(published) if published else None
    (article,) = staged([Article(id="d1", source="test", text=text, published=day)])
    assert article.doc is not None
    return article, events.candidates(article, load_lexicon(lang.resources()))


def _features(text: str, published: str | None = "2021-05-04") -> list[list[str]]:
    article, found = _candidates(text, published)
    n = sentence_count(article)
    return [features(c, article, found[:i], {}, n) for i, c in enumerate(found)]


STORY = ("France accused Germany of spying on Monday.\n\n"
         "The French foreign minister spoke to reporters in Paris.\n\n"
         "The talks lasted two hours.\n\n"
         "In 2009, Germany accused France of spying.")


def test_a_story_gives_where_each_candidate_stands_and_what_was_coded_before() -> None:
    found = _features(STORY)
    assert len(found) == 2, found
    first, last = found
    assert {"at.sentence=0", "at.paragraph=0", "at.third=0"} <= set(first)
    assert {"at.sentence=3-5", "at.paragraph=3", "at.third=2"} <= set(last)
    assert "before.type" in last and "before.word" in last and "before.type" not in first
    assert "past.year=6+" in last and "past.year=none" in first  # "on Monday" is this year


def test_a_single_sentence_gets_no_position_features() -> None:
    (names,) = _features("France accused Germany of spying on Monday.")
    assert not any(n.startswith("at.") for n in names)
    assert "in.main" in names and "depth=0" in names  # the clause features still read the sentence
    assert sentence_count(_candidates(STORY)[0]) >= MIN_SENTENCES


def test_a_relative_clause_is_told_from_the_main_clause() -> None:
    found = _features("Angela Merkel, who criticized Russia, met Emmanuel Macron in Paris.")
    kinds = {n for names in found for n in names if n.startswith("in.")}
    assert "in.relcl" in kinds and "in.main" in kinds


def test_priors_are_smoothed_shares_of_right_candidates() -> None:
    rates = prior_rates(["meet|CONSULT"] * 4 + ["call|REQUEST"] * 4, [1, 1, 1, 1, 0, 0, 0, 0])
    assert rates["meet|CONSULT"] > 0.75 > 0.45 > rates["call|REQUEST"]
    assert prior_feature("meet|CONSULT", rates) == ["prior=3"]
    assert prior_feature("call|REQUEST", rates) == ["prior=0"]
    assert prior_feature("host|CONSULT", rates) == ["prior=unseen"]
    assert prior_feature("meet|CONSULT", {}) == []


def test_a_model_with_priors_is_read_and_weighs_them(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"version": "1.1", "threshold": 0.5, "bias": 0.0,
                                "weights": {"prior=0": -6.0}, "priors": {"accuse|ACCUSE": 0.1}}), encoding="utf-8")
    model = load_model(lang.resources(), str(path))
    assert model is not None and model.priors == {"accuse|ACCUSE": 0.1}
    article, found = _candidates(STORY)
    names = features(found[0], article, (), model.priors, sentence_count(article))
    assert "prior=0" in names
    assert model.probability(names, 0.8) < 0.5 <= model.probability([], 0.8)
