"""The quotes evaluation: gold parsing, matching, and a floor on a few PolNeAR dev articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.evaluation import _polnear
from dateline.evaluation import quotes as evaluation
from dateline.quotes._direct import SegmentIndex
from dateline.quotes._marks import find_quoted
from dateline.records import Quote, make_span

TEXT = 'Officials said the talks failed. "We tried," she said. The "reset" was over.'
ANN = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 31\tthe talks failed\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    "T4\tContent 33 43;53 53\t\"We tried,\"\n"
    "T5\tSource 45 48\tshe\n"
    "T6\tCue 49 53\tsaid\n"
    "E2\tAttribution:T6 Content:T4 Source:T5 Cue:T6\n"
    "E3\tAttribution-no-source:T9\n"
)


def test_read_ann_parses_relations_and_kinds() -> None:
    gold = evaluation.read_ann(TEXT, ANN)
    assert len(gold) == 2
    assert gold[0].content == ((15, 31),) and not gold[0].direct
    assert gold[1].content == ((33, 43), (53, 53)) and gold[1].direct
    assert gold[1].source == ((45, 48),)


def test_match_is_one_to_one_and_respects_the_threshold() -> None:
    gold = evaluation.read_ann(TEXT, ANN)
    half = Quote("q1", make_span(TEXT, 15, 22), False)  # "the tal": 7 of 16 characters
    for of in evaluation.MATCHINGS:
        assert [g.content for _, g in evaluation.match([half], gold, 0.3, of)] == [((15, 31),)]
        assert evaluation.match([half], gold, 0.8, of) == []
        twice = [half, Quote("q2", make_span(TEXT, 20, 31), False)]
        assert [p.id for p, _ in evaluation.match(twice, gold, 0.3, of)] == ["q2"]  # the closer span


def test_a_long_prediction_matches_only_by_share_of_the_gold_span() -> None:
    """A prediction over the whole text covers all 16 characters of the first report (a match as a share of
    the gold span) but only 16 of its own 76 (under 0.3 of the longer span): one long span cannot stand for
    the attributions inside it."""
    gold = evaluation.read_ann(TEXT, ANN)
    long = Quote("q1", make_span(TEXT, 0, len(TEXT)), False)
    assert [g.content for _, g in evaluation.match([long], gold, 0.3, "gold")] == [((15, 31),)]
    assert evaluation.match([long], gold, 0.3, "longer") == []


def test_direct_means_mostly_inside_quotation_marks() -> None:
    inside = SegmentIndex(find_quoted(TEXT))
    assert _polnear.mostly_quoted(inside, ((34, 43),))  # We tried,
    assert not _polnear.mostly_quoted(inside, ((15, 31),))
    assert _polnear.mostly_quoted(inside, ((30, 43),))  # 'd. "We tried,': most of it quoted


def test_doubled_apostrophes_become_one_mark_and_gold_offsets_follow() -> None:
    raw = "He said ''we tried,'' and left. ``Fine,'' she said."
    text, moved = _polnear.detokenize(raw)
    assert text == 'He said "we tried," and left. "Fine," she said.'
    ann = "T1\tContent 10 19\twe tried,\nT2\tCue 46 50\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n"
    [gold] = evaluation.read_ann(text, ann, moved=moved)
    assert [text[s:e] for s, e in gold.content] == ["we tried,"] and [text[s:e] for s, e in gold.cue] == ["said"]
    assert gold.direct
    assert _polnear.detokenize("It's Mr. O'Neil's.")[0] == "It's Mr. O'Neil's."  # single apostrophes stay


@given(st.text(alphabet="'`ab \n", max_size=30))
@settings(max_examples=200, deadline=None)
def test_detokenized_offsets_hold(raw: str) -> None:
    text, moved = _polnear.detokenize(raw)
    assert moved(0) == 0 and moved(len(raw)) == len(text)
    kept = [i for i in range(len(raw)) if moved(i) != moved(i + 1)]  # characters that are still there
    assert len(kept) == len(text)
    for i in kept:
        assert text[moved(i)] == raw[i] or (raw[i] in "'`" and text[moved(i)] == '"')


def test_missing_data_says_where(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="dev"):
        evaluation.evaluate(tmp_path)


def test_held_out_scores_the_articles_training_holds_out(tmp_path: Path, nlp: object) -> None:
    from dateline.training import quotes as training

    for split, count in (("train", 12), ("dev", 3)):
        for folder in ("text", "attributions"):
            (tmp_path / split / folder).mkdir(parents=True)
        for k in range(count):
            (tmp_path / split / "text" / f"a{k:02d}.txt").write_text(TEXT, encoding="utf-8")
            ann = ANN if k % 10 == 0 else ""
            (tmp_path / split / "attributions" / f"a{k:02d}_1.ann").write_text(ann, encoding="utf-8")
    every = evaluation.evaluate(tmp_path / "train", held_out=False).metrics
    held = evaluation.evaluate(tmp_path / "train", held_out=True).metrics
    assert training.HOLDOUT_EVERY == evaluation.HOLDOUT_EVERY
    assert (every["articles"], held["articles"]) == (12, 2)  # a00 and a10, in name order
    assert every["gold"] == held["gold"] == 4
    # the PolNeAR folder itself: held-out articles are the train split's, never the dev split's
    assert evaluation.evaluate(tmp_path, held_out=True).metrics["articles"] == 2
    assert evaluation.evaluate(tmp_path).metrics["articles"] == 3


SPLIT = ('"We will rebuild the bridge," said the mayor, who spoke to reporters in the town hall after a long and '
         'heated meeting of the council. "And we will pay for it."')


def _at(words: str) -> tuple[int, int]:
    start = SPLIT.index(words)
    return start, start + len(words)


def test_the_parts_of_a_split_quotation_are_its_words_for_matching_and_directness() -> None:
    """A quote whose content runs over the credit between the parts of a quotation is scored by its parts: it
    matches the gold attribution of both parts as direct speech, and a report in the credit is no part of it."""
    first, second = _at("We will rebuild the bridge"), _at("And we will pay for it.")
    gold = [_polnear.Gold((first, second), (_at("the mayor"),), (_at("said"),), True)]
    inside = SegmentIndex(find_quoted(SPLIT))
    whole = make_span(SPLIT, first[0], second[1])
    joined = Quote("q1", whole, True, parts=(make_span(SPLIT, *first), make_span(SPLIT, *second)))
    credit = Quote("q2", make_span(SPLIT, *_at("spoke to reporters in the town hall")), False)  # in the credit
    counts = evaluation.count([joined, credit], gold, inside)
    assert counts["nested"] == 0  # the report in the credit is scored on its own
    assert counts["longer30.matched"] == 1 and counts["longer80.matched"] == 1
    assert counts["longer30.direct.matched"] == 1
    stretch = Quote("q1", whole, True)  # the same stretch without its parts: under half of it is quoted words
    assert evaluation.count([stretch], gold, inside)["longer30.direct.matched"] == 0
