"""The lexicon's lookups are remembered per surface form, and forgotten when an entry is added."""

from __future__ import annotations

import dataclasses

from dateline import lang
from dateline.actors import _lookup
from dateline.actors._lexicon import Country, Hit, load_lexicon
from dateline.actors._offices import Offices, remember


def _fresh() -> _lookup.Lexicon:
    lex = load_lexicon(lang.resources("en"))
    return dataclasses.replace(lex, phrases=dict(lex.phrases), first_words=dict(lex.first_words),
                               prefixes=list(lex.prefixes))


def test_a_lookup_is_answered_again_the_same() -> None:
    lex = _fresh()
    first = lex.lookup("Ruritania")
    assert lex.lookup("Ruritania") == first == ()
    assert lex.lookup("France") == lex.lookup("France")
    assert any(h.kind == "country" for h in lex.lookup("France"))


def test_an_added_entry_is_found_though_asked_of_before() -> None:
    lex = _fresh()
    assert lex.lookup("Ruritania") == ()
    lex.add("Ruritania", Hit("country", Country("RUR", "Ruritania", "Ruritanian")))
    assert [h.ref.name for h in lex.lookup("Ruritania")] == ["Ruritania"]


def test_a_copy_remembers_nothing_of_the_original() -> None:
    lex = _fresh()
    lex.lookup("France")
    assert lex._looked_up and not dataclasses.replace(lex)._looked_up


def test_the_memory_is_bounded_and_keeps_the_last_word() -> None:
    memo: dict[str, int] = {}
    for k in range(25):
        remember(memo, str(k), k, 10)
        assert len(memo) <= 10 and memo[str(k)] == k


def test_an_office_is_found_the_same_when_asked_again() -> None:
    offices = Offices((("prime minister", ("prime minister", "premier")),), frozenset({"deputy"}))
    assert offices.role("Premier of Ontario") == "prime minister" == offices.role("Premier of Ontario")
    assert offices.role("Deputy Prime Minister") is None
    assert offices.role("Deputy Prime Minister") is None
    assert offices == Offices((("prime minister", ("prime minister", "premier")),), frozenset({"deputy"}))


def test_the_words_before_an_untagged_name_are_worked_out_once() -> None:
    lex = _fresh()
    cues = lex.name_cues
    assert lex.name_cues is cues
    assert "secretaries" in cues.plurals and "secretary" in cues.singular and "secretary" not in cues.plurals
    assert "son-in-law" in cues.kin and "law" in cues.lasts
    copy = dataclasses.replace(lex, titles={**lex.titles, "margravine": "GOV"})
    assert copy.name_cues is not cues and "margravine" in copy.name_cues.cues and "margravine" not in cues.cues
