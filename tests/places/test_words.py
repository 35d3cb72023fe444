"""The language's words for place names: the keys of names, kept by name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import lang
from dateline.places import _words
from dateline.places._gazetteer import load_gazetteer

EN = lang.resources("en")


@settings(deadline=None)  # the first example loads the gazetteer
@given(st.text(max_size=30) | st.sampled_from(["The Hague", "North-West", "\u2018Afr\u012bn", "São Paulo", " x"]))
def test_a_kept_key_is_the_key_worked_out_anew(name: str) -> None:
    words = load_gazetteer(EN).words
    assert words.key(name) == words.index_key(name)
    assert words.key(name) == words.index_key(name)  # asked again: the kept one


def test_the_kept_keys_stay_few(monkeypatch: pytest.MonkeyPatch) -> None:
    words = load_gazetteer(EN).words
    monkeypatch.setattr(_words, "KEY_CACHE_SIZE", 3)
    words._keys.clear()  # what earlier tests left
    for name in ["Ames", "Boone", "Clinton", "Dayton", "Elgin", "Fargo", "Gary"]:
        assert words.key(name) == name.lower()
        assert len(words._keys) <= 3
