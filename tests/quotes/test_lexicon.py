"""The quotes lexicon: validation on load, descriptions of every list, and the rules reading it."""

from __future__ import annotations

import ast
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dateline import annotate, lang, quotes
from dateline.errors import ResourceError
from dateline.quotes._lexicon import load_lexicon, parse_lexicon
from dateline.records import Article

PACKAGE = Path(quotes.__file__).parent


def _raw() -> dict[str, Any]:
    return dict(lang.resources("en").packaged("quotes", "1"))


def test_lexicon_is_validated() -> None:
    raw = _raw()
    lexicon = load_lexicon(lang.resources("en"))
    assert "say" in lexicon.speech_verbs and "that" in lexicon.complementizers
    with pytest.raises(ResourceError, match="version"):
        parse_lexicon({**raw, "version": "9.0"})
    with pytest.raises(ResourceError, match="speech_verbs"):
        parse_lexicon({**raw, "speech_verbs": [1, 2]})
    with pytest.raises(ResourceError, match="source_phrases"):
        parse_lexicon({**raw, "source_phrases": "according to"})
    with pytest.raises(ResourceError, match="first_person_pronouns"):
        parse_lexicon({**raw, "first_person_pronouns": "i"})


def test_every_list_is_described() -> None:
    raw = _raw()
    lists = {key for key, value in raw.items() if isinstance(value, list)}
    assert lists and set(raw["lists"]) == lists
    lexicon = parse_lexicon(raw)
    assert all(getattr(lexicon, key) for key in lists)  # every described list is read into the lexicon
    undescribed = {**raw, "lists": {k: v for k, v in raw["lists"].items() if k != "clause_breaks"}}
    with pytest.raises(ResourceError, match=r"clause_breaks.*no description"):
        parse_lexicon(undescribed)
    with pytest.raises(ResourceError, match="unknown lists"):
        parse_lexicon({**raw, "lists": {**raw["lists"], "speach_verbs": "a misspelt name"}})
    with pytest.raises(ResourceError, match="'lists' must be an object"):
        parse_lexicon({**raw, "lists": {**raw["lists"], "speech_verbs": ""}})


def test_lexicon_without_the_newer_lists_still_loads() -> None:
    raw = _raw()
    newer = ("agent_nouns", "action_verbs", "cue_nouns", "cue_adjectives", "complementizers", "clause_breaks")
    old = {k: v for k, v in raw.items() if k not in newer}
    lexicon = parse_lexicon({**old, "version": "1.0.0"})
    assert lexicon.agent_nouns == frozenset() and lexicon.complementizers == frozenset()
    assert "say" in lexicon.speech_verbs
    assert lexicon.dangling.search("the mayor and") is not None
    assert parse_lexicon({**old, "dangling_conjunctions": []}).dangling.search("the mayor and") is None
    with pytest.raises(ResourceError, match="cue_nouns"):
        parse_lexicon({**raw, "cue_nouns": "claim"})


def _module_word_sets(path: Path) -> list[str]:
    """Module-level collections of lower-case words in ``path`` (type aliases such as ``Literal[...]`` aside)."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign) or isinstance(node.value, ast.Subscript):
            continue
        words = [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
        if len(words) > 1 and all(w.isalpha() and w.islower() for w in words):
            found.append(f"{path.name}: {ast.unparse(node.targets[0])}")
    return found


def test_no_word_lists_in_the_code() -> None:
    """Word lists belong in lang/<language>/quotes.json; the only word sets in the code are parse labels."""
    found = [name for path in sorted(PACKAGE.glob("*.py")) for name in _module_word_sets(path)]
    labels = {"_speaker.py: SUBJECT_DEPS", "_speaker.py: _CLIMB_DEPS", "_speaker.py: _NAME_DEPS",
              # the learned model's parse labels, actor kinds, weight names and lexicon class codes
              "_arrays.py: _SUBJ_DEPS", "_candidates.py: _LEFT_SUBJ", "_candidates.py: _BRIDGES",
              "_candidates.py: _PASSIVE_COMPLEMENTS",
              "_cue_features.py: CHILD_DEPS", "_cue_features.py: (_NSUBJ, _NSUBJPASS)",
              "_cue_features.py: (_DOBJ, _PREP, _AUX)", "_cue_features.py: (_XCOMP, _CCOMP)", "_model.py: _WEIGHTS",
              "_model.py: _NAME_DEPS", "_reading.py: _COMPLEMENTS", "_deeds.py: _CLAUSE_DEPS",
              "_reading.py: _SUBJECTS", "_reported.py: _OWN_COMPLEMENTS", "_span_features.py: _CORE",
              "_span_features.py: _CLASS_ID", "_speaker.py: _ORGANIZATIONS", "_learned.py: _SUBJECTS",
              "_stance.py: SET_OFF_CLAUSES", "_stance.py: _CLAUSE_PARTS", "_findings.py: _PHRASE_DEPS",
              "_parenthetical.py: _OWN_OBJECTS", "_held.py: _SUBJECTS",
              "_held.py: _NOUN_CLAUSES", "_stance.py: _COMPLETING"}
    assert found and set(found) == labels, found


def test_the_rules_read_the_articles_lexicon(nlp: Any, tmp_path: Path) -> None:
    """A user file merged over quotes.json changes what the stage does: here "whether" opens no content."""
    [article] = annotate.apply_batch([Article(id="a1", source="test", text="The senator asked whether the talks "
                                              "had failed.")])
    plain = quotes.apply(article)
    assert [q.content.text for q in plain.quotes] == ["whether the talks had failed"]
    user = tmp_path / "quotes.json"
    user.write_text(json.dumps({"complementizers": ["whether"]}), encoding="utf-8")
    extended = quotes.apply(replace(article, quotes=()), quotes.QuotesConfig(lexicons=(("quotes", str(user)),)))
    assert [q.content.text for q in extended.quotes] == ["the talks had failed"]
