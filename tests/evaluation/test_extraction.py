"""Extraction evaluation: the 4-gram scorer, the HTML flattener, the metadata checks and their gold."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.evaluation.extraction import (
    METADATA,
    Overlap,
    flatten_html,
    overlap,
    same_names,
    same_page,
    score,
    shingles,
)

_words = st.lists(st.sampled_from(["the", "bridge", "closed", "on", "Tuesday", "city", "council", "42"]), max_size=40)


def test_shingles_are_four_token_multisets() -> None:
    assert shingles("a b c d a b c d") == {("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1, ("c", "d", "a", "b"): 1,
                                           ("d", "a", "b", "c"): 1}
    assert shingles("too short") == {}


def test_overlap_counts() -> None:
    assert overlap("a b c d e", "a b c d") == Overlap(0.5, 0.5, 0.0)
    assert overlap("", "") == Overlap(1.0, 0.0, 0.0)
    assert overlap("", "a b c d") == Overlap(0.0, 0.0, 1.0)


def test_score_sums_pages() -> None:
    result = score([Overlap(1.0, 0.0, 0.0), Overlap(0.5, 0.5, 0.0)])
    assert result["precision"] == pytest.approx(0.75) and result["recall"] == 1.0


@settings(max_examples=100, deadline=None)
@given(_words)
def test_text_against_itself_scores_one(words: list[str]) -> None:
    text = " ".join(words)
    assert score([overlap(text, text)])["f1"] == 1.0


@settings(max_examples=100, deadline=None)
@given(_words, _words)
def test_overlap_is_symmetric(a: list[str], b: list[str]) -> None:
    """Swapping prediction and truth swaps false positives and false negatives, nothing else."""
    forward, backward = overlap(" ".join(a), " ".join(b)), overlap(" ".join(b), " ".join(a))
    assert forward.tp == pytest.approx(backward.tp)
    assert (forward.fp, forward.fn) == pytest.approx((backward.fn, backward.fp))
    assert forward.tp + forward.fp + forward.fn == pytest.approx(1.0)


def test_flatten_html_one_line_per_block() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body><nav><a>Home</a> <a>News</a></nav>"
        "<h1>Head  line</h1><p>First <b>bold</b> para.</p><div>Second<br>line</div><script>x=1</script>"
        "<footer>Footer text</footer></body></html>"
    )
    assert flatten_html(html) == "Home News\nHead line\nFirst bold para.\nSecond\nline\nFooter text"


def test_flatten_html_keeps_the_words_after_a_comment() -> None:
    html = "<html><body><p>had suffered<!-- --> months of <b>pain</b><!-- x --> since.</p><p>Two<?pi x?> three</p>"
    assert flatten_html(html + "</body></html>") == "had suffered months of pain since.\nTwo three"


def test_same_page_sets_aside_scheme_www_slash_and_fragment() -> None:
    assert same_page("https://www.example.test/a/b/#top", "http://example.test/a/b")
    assert not same_page("https://example.test/a/b?id=2", "https://example.test/a/b?id=1")
    assert not same_page(None, "https://example.test/a")


def test_same_names_sets_aside_case_and_punctuation() -> None:
    assert same_names(["Sarah E Needleman", "JANIE HAR"], ["Janie Har", "Sarah E. Needleman"])
    assert not same_names(["Tariq Malik"], ["Tariq Malik", "Mike Wall"])
    assert same_names([], [])


def test_metadata_gold_is_well_formed() -> None:
    pages = json.loads(METADATA.read_text(encoding="utf-8"))["pages"]
    assert len(pages) == 181
    for key, page in pages.items():
        assert len(key) == 64 and isinstance(page["title"], str) and page["title"] == page["title"].strip()
        assert page["authors"] is None or all(isinstance(name, str) and name for name in page["authors"])
    assert sum(bool(page["authors"]) for page in pages.values()) == 123
