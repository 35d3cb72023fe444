"""Places: detection of place names on real spaCy output."""

from __future__ import annotations

import pytest

from dateline import annotate, places
from dateline.records import Article


@pytest.mark.parametrize(("text", "name"), [
    ("W.Va. Democrat volunteer dies at 74.\nShe served the party for years.", "West Virginia"),
    ("Dulcimer festival draws fans from across U.S.. It was all about music.", "United States"),
])
def test_an_abbreviation_before_a_full_stop_keeps_its_own_stop(text: str, name: str) -> None:
    [article] = annotate.apply_batch([Article(id="t", source="test", text=text)])
    [place] = places.apply(article).places
    assert place.name == name and place.span.text.endswith(".")
