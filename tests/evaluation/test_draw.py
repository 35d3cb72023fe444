"""The hand-check draw: a fixed population order, a seeded shuffle, the coded sets left out, a blank verdict."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.evaluation import draw as hand
from dateline.evaluation.wikinews import CORPUS_FILE
from dateline.records import Actor, Article, Quote, Span, make_span

#: Articles whose quote rules find a stance each (hand-written; the speakers are invented).
BRIDGE = "Mayor Lena Brandt believes the old bridge is safe. The council met on Tuesday."
FERRY = "The harbour master wants a second ferry. She said the queue was long."
TRAMS = "Councillor Ivo Pesce supports the tram plan for the east side."


def _article(article_id: str, text: str, *contents: tuple[str, str]) -> Article:
    """An article with one quote per (content, kind), the content found in ``text``; its first quote has a speaker."""
    quotes = []
    for number, (content, kind) in enumerate(contents):
        start = text.index(content)
        quotes.append(Quote(f"q{article_id}{number}", make_span(text, start, start + len(content)), direct=False,
                            speaker="a1" if number == 0 else None, speaker_span=Span(0, 4, text[:4]),
                            cue=None, kind=kind))  # type: ignore[arg-type]
    actor = Actor("a1", "First Speaker", "person", None, None, (Span(0, 4, text[:4]),))
    return Article(article_id, "test", text=text, actors=(actor,), quotes=tuple(quotes))


ARTICLES = [
    _article("b", "One thinks so. Two hopes so. Three says so.", ("thinks so", "stance"), ("hopes so", "stance"),
             ("says so", "speech")),
    _article("a", "Four wants more. Five fears less.", ("wants more", "stance"), ("fears less", "stance")),
]


def test_the_same_seed_draws_the_same_quotes_whatever_the_order_of_the_articles() -> None:
    first = hand.draw(ARTICLES, seed=7, n=3)
    again = hand.draw(list(reversed(ARTICLES)), seed=7, n=3)
    assert first == again
    assert [d.n for d in first] == [1, 2, 3]
    assert all(d.right == "" for d in first)


def test_the_draw_is_the_start_of_a_seeded_shuffle_of_the_ordered_population() -> None:
    ordered = [("a", "wants more"), ("a", "fears less"), ("b", "thinks so"), ("b", "hopes so")]
    expected = list(ordered)
    random.Random(11).shuffle(expected)
    drawn = hand.draw(ARTICLES, seed=11, n=10)
    assert [(d.article, d.content) for d in drawn] == expected  # n larger than the population takes it all


def test_only_quotes_of_the_kind_asked_are_drawn_with_their_speaker() -> None:
    (speech,) = hand.draw(ARTICLES, seed=1, kind="speech")
    assert (speech.article, speech.content, speech.speaker, speech.speaker_text) == ("b", "says so", None, "One ")
    named = [d for d in hand.draw(ARTICLES, seed=1) if d.content == "thinks so"]
    assert named[0].speaker == "First Speaker"


def test_without_a_parse_the_sentence_is_the_text_around_the_quote() -> None:
    (drawn,) = [d for d in hand.draw(ARTICLES, seed=3) if d.content == "fears less"]
    assert drawn.sentence == "Four wants more. Five fears less."


def test_markdown_rows_leave_the_verdict_blank_and_escape_bars() -> None:
    text = "She likes a|b.\nThen she left."
    article = Article("c", "test", text=text, quotes=(
        Quote("q1", make_span(text, 10, 13), direct=False, cue=make_span(text, 4, 9), kind="stance"),))
    header, rule, row = hand.rows(hand.draw([article], seed=1), "markdown")
    assert header.split(" | ")[-1] == "right |" and rule.count("---") == 10
    assert row.endswith(" |  |") and "a\\|b" in row and "\n" not in row
    (line,) = hand.rows(hand.draw([article], seed=1), "jsonl")
    assert json.loads(line)["right"] == "" and json.loads(line)["cue"] == "likes"


def test_a_coded_set_without_gold_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--exclude-gold"):
        hand.excluded_ids([tmp_path])
    assert hand.main(["--seed", "1", "--corpus", str(tmp_path / "none.jsonl"), "--exclude-gold", str(tmp_path)]) == 3


def test_the_command_draws_from_the_corpus_without_the_coded_sets(tmp_path: Path, nlp: Any,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_PARSE_CACHE", raising=False)  # no parses of these texts in anyone's cache
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "bridge", "text": BRIDGE}, {"id": "ferry", "text": FERRY}, {"id": "trams", "text": TRAMS}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    coded = tmp_path / "coded"
    coded.mkdir()
    (coded / "gold.json").write_text(json.dumps([{"id": "trams", "actors": [], "events": []}]), encoding="utf-8")
    out = tmp_path / "draw.jsonl"
    argv = ["--seed", "5", "--corpus", str(corpus), "--exclude-gold", str(coded), "--format", "jsonl",
            "--out", str(out)]
    assert hand.main(argv) == 0
    drawn = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {d["article"] for d in drawn} == {"bridge", "ferry"}
    assert {d["content"] for d in drawn} >= {"the old bridge is safe", "a second ferry"}
    bridge = next(d for d in drawn if d["article"] == "bridge")
    assert bridge["sentence"] == "Mayor Lena Brandt believes the old bridge is safe." and bridge["cue"] == "believes"
    err = capsys.readouterr().err
    assert "seed 5: " in err and "2 articles" in err and "1 of the coded sets left out" in err
    assert hand.main(argv) == 0 and [json.loads(x) for x in out.read_text().splitlines()] == drawn


def test_the_default_corpus_holds_the_articles_left_out_by_default(shared: Path) -> None:
    corpus = shared / CORPUS_FILE
    if not corpus.is_file() or not hand.DEFAULT_EXCLUDED.is_dir():
        pytest.skip("the Wikinews corpus or the held-out set is not here")
    left_out = hand.excluded_ids([hand.DEFAULT_EXCLUDED])
    assert left_out and left_out <= {a.id for a in hand.read_corpus(corpus)}
