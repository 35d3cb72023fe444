"""Extraction evaluation: the 4-gram scorer, the HTML flattener, and floors on the benchmark."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.evaluation.extraction import Overlap, flatten_html, overlap, score, shingles

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
