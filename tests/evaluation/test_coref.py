"""Clustering scores: hand-computed cases, and what every clustering must satisfy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.evaluation._coref import bcubed, ceafe, conll, muc

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_muc_counts_links() -> None:
    # gold needs 2 + 1 links; the response keeps a-b and d-e: recall 2/3. Its own 1 + 2 links: a-b right,
    # c-d-e needs one split: precision 2/3.
    p, r, f = muc(GOLD, RESPONSE)
    assert (round(p, 4), round(r, 4), round(f, 4)) == (0.6667, 0.6667, 0.6667)


def test_bcubed_averages_over_items() -> None:
    p, r, _ = bcubed(GOLD, RESPONSE)
    # precision: a, b 2/2; c 1/3; d, e 2/3. recall: a, b 2/3; c 1/3; d, e 2/2.
    assert p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_ceafe_aligns_clusters_one_to_one() -> None:
    # {a,b,c}~{a,b}: 2*2/5; {d,e}~{c,d,e}: 2*2/5; two clusters on each side.
    p, r, f = ceafe(GOLD, RESPONSE)
    assert p == pytest.approx(0.8) and r == pytest.approx(0.8) and f == pytest.approx(0.8)


def test_singletons_against_singletons_are_perfect_but_have_no_links() -> None:
    items = {i: i for i in "abc"}
    assert bcubed(items, items) == (1.0, 1.0, 1.0)
    assert muc(items, items) == (0.0, 0.0, 0.0)


def test_different_items_are_refused() -> None:
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": 1}, {"b": 1})


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 5), min_size=1))
def test_a_clustering_scores_perfectly_against_itself(labels: dict[int, int]) -> None:
    renamed = {item: f"c{label}" for item, label in labels.items()}
    scores = conll(labels, renamed)
    assert scores["bcubed"] == pytest.approx((1.0, 1.0, 1.0))
    assert scores["ceafe"] == pytest.approx((1.0, 1.0, 1.0))


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 5), min_size=1),
       st.dictionaries(st.integers(0, 30), st.integers(0, 5), min_size=31, max_size=31))
def test_scores_lie_between_0_and_1(gold: dict[int, int], other: dict[int, int]) -> None:
    response = {item: other.get(item, 0) for item in gold}
    scores = conll(gold, response)
    for name in ("muc", "bcubed", "ceafe"):
        value = scores[name]
        assert isinstance(value, tuple) and all(0.0 <= x <= 1.0 + 1e-9 for x in value)
