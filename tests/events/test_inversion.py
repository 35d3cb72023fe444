"""Conditions put by inversion, read from the order of the words whatever the parse makes of them."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events._inversion import in_inverted_condition
from dateline.events._lexicon import load_lexicon
from dateline.lang import resources


def _conditioned(nlp: Any, text: str, word: str) -> bool:
    doc = nlp(text)
    [token] = [t for t in doc if t.text == word]
    return in_inverted_condition(token, load_lexicon(resources("en")).words)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Had the union called a strike, the plant would have closed.", "called", True),
    ("Had the union called a strike, the plant would have closed.", "closed", False),
    ("The plant would have closed had the union called a strike.", "called", True),
    ("Should the union call a strike, the plant will close.", "call", True),
    ("Were the union to call a strike, the plant would close.", "call", True),
    ("The union had called a strike, the owners said.", "called", False),
    ("The plant would close for workers who had called a strike.", "called", False),
    ("The union had two votes before it called a strike.", "called", False),
])
def test_only_the_clause_an_inverted_auxiliary_opens_is_conditioned(
        nlp: Any, text: str, word: str, expected: bool) -> None:
    assert _conditioned(nlp, text, word) is expected


def test_an_event_noun_is_left_to_the_parse(nlp: Any) -> None:
    assert not _conditioned(nlp, "Had the strike ended sooner, the plant would have stayed open.", "strike")
