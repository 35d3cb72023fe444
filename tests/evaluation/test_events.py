"""Event evaluation: the CoNLL role reader, the scorers, and floors on the public sets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.evaluation import events as evaluation
from dateline.records import Event, make_span

_tags = st.lists(
    st.tuples(st.sampled_from(["Iran", "the", "army", "struck", "'s", "U.S.", ".", ",", "(", ")", "-", "’", "s", "$"]),
              st.sampled_from(["O", "B-S", "I-S", "B-T", "I-T", "B-R"])),
    min_size=1, max_size=12,
)


def test_conll_sentence_joins_tokens_and_reads_spans() -> None:
    text, spans = evaluation._conll_sentence(
        [("The", "B-S"), ("army", "I-S"), ("struck", "O"), ("Iran", "B-T"), (".", "O")]
    )
    assert text == "The army struck Iran."
    assert spans == {(0, 8, "S"), (16, 20, "T")}


def test_conll_sentence_rejoins_split_possessives() -> None:
    words = [("Japan", "B-S"), ("’", "O"), ("s", "O"), ("envoy", "O"), ("met", "O"), ("Trump", "B-T"), ("'s", "O"),
             ("aide", "O"), ("’", "O"), (".", "O")]
    text, spans = evaluation._conll_sentence(words)
    assert text == "Japan’s envoy met Trump's aide ’."
    assert {(text[s:e], r) for s, e, r in spans} == {("Japan", "S"), ("Trump", "T")}


def test_conll_sentence_reads_as_news_prints_it() -> None:
    tokenized = "Mr . Sisi met the Pakistan Muslim League - Quaid ( PML - Q ) in rebel - held Idlib , $ 5 million"
    words = tokenized.split(" ")
    tags = ["B-S", "I-S", "I-S", "O", "B-T", "I-T", "I-T", "I-T", "I-T", "I-T", "I-T", "I-T", "I-T", "I-T", "I-T",
            *["O"] * 9]
    text, spans = evaluation._conll_sentence(list(zip(words, tags, strict=True)))
    assert text == "Mr. Sisi met the Pakistan Muslim League-Quaid (PML-Q) in rebel-held Idlib, $5 million"
    assert {(text[s:e], r) for s, e, r in spans} == {
        ("Mr. Sisi", "S"), ("the Pakistan Muslim League-Quaid (PML-Q)", "T")}


@settings(max_examples=100, deadline=None)
@given(_tags)
def test_conll_spans_lie_on_token_boundaries(tokens: list[tuple[str, str]]) -> None:
    text, spans = evaluation._conll_sentence(tokens)
    words = [w for w, _ in tokens]
    assert text.replace(" ", "") == "".join(words)  # only spaces between tokens are dropped
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    for start, end, role in spans:
        assert role in ("S", "T", "R")
        assert text[start:end] == text[start:end].strip() and text[start:end].replace(" ", "") in runs


def _event(text: str, trigger: tuple[int, int], actors: list[tuple[int, int]], recipients: list[tuple[int, int]],
           confidence: float = 0.5) -> Event:
    return Event(
        id="e", type="CONSULT", actors=(), recipients=(), status="occurred",
        trigger=make_span(text, *trigger), evidence=make_span(text, 0, len(text)), quad=1, confidence=confidence,
        actor_spans=tuple(make_span(text, *a) for a in actors),
        recipient_spans=tuple(make_span(text, *r) for r in recipients),
    )


def test_parties_of_a_meeting_are_reciprocal() -> None:
    text = "Erdogan will meet Macron"
    event = _event(text, (13, 17), [(0, 7), (18, 24)], [])
    assert evaluation._roles(text, [event]) == {(0, 7, "R"), (18, 24, "R")}
    assert evaluation._quad([]) == 0 and evaluation._quad([event]) == 1


def test_pronouns_are_no_role_spans() -> None:
    text = "He attacked Kabul"
    event = replace(_event(text, (3, 11), [(0, 2)], [(12, 17)]), type="ASSAULT")
    assert evaluation._roles(text, [event]) == {(12, 17, "T")}


def test_legacy_labels_map_to_current_types() -> None:
    assert evaluation.LEGACY_TYPES == {
        "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"
    }


def test_missing_data_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluation.evaluate(tmp_path)

