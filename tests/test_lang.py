"""Language resources: one folder per language, read through one Resources object, extended by user files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import lang
from dateline.errors import LanguageError, ResourceError
from dateline.pipeline import Pipeline


def test_tags_reduce_to_their_language() -> None:
    assert lang.language_code("en-US") == "en" and lang.language_code("EN_gb") == "en"
    assert lang.resources("en-GB") == lang.resources("en")
    assert "en" in lang.available()


def test_unknown_language_says_what_exists_and_what_to_do() -> None:
    with pytest.raises(LanguageError, match=r"no language resources for 'de'; dateline has en\. Add a folder"):
        lang.resources("de")


def test_english_names_its_models_and_reads_its_files() -> None:
    english = lang.resources("en")
    assert english.model_names[0] == "en_core_web_sm"
    assert "say" in english.words("quotes", "speech_verbs", "1")
    with pytest.raises(ResourceError, match="must be a list of words"):
        english.words("quotes", "version", "1")


def test_a_user_file_is_merged_over_a_language_file(tmp_path: Path) -> None:
    mine = tmp_path / "quotes.json"
    mine.write_text(json.dumps({"version": "mine", "speech_verbs": ["zorble"]}))
    merged = lang.resources("en", {"quotes": str(mine)})
    assert {"say", "zorble"} <= merged.words("quotes", "speech_verbs", "1")
    assert "zorble" not in lang.resources("en").words("quotes", "speech_verbs", "1")
    assert merged.where("quotes").endswith(f"quotes.json with {mine}")


def test_a_new_language_is_a_new_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "lang"
    for code, models in (("en", ["en_core_web_sm"]), ("xx", ["xx_fake_model"])):
        (root / code).mkdir(parents=True)
        (root / code / "language.json").write_text(json.dumps(
            {"version": "1.0.0", "description": "test", "code": code, "spacy_models": models}))
    (root / "xx" / "greetings.json").write_text(json.dumps(
        {"version": "1.0.0", "description": "ways to say hello", "words": ["Salut", "Allo"]}))
    monkeypatch.setattr(lang, "_root", lambda: root)
    lang._packaged.cache_clear()  # files read from the packaged folder must not stand in for these
    xx = lang.resources("xx")
    assert xx.model_names == ("xx_fake_model",)
    assert xx.words("greetings", "words", "1") == frozenset({"salut", "allo"})
    assert Pipeline(["annotate"], language="xx").stage_config("annotate").language == "xx"
    with pytest.raises(ResourceError, match=r"dateline/lang/xx/events\.json is missing"):
        xx.packaged("events", "1")
    lang._packaged.cache_clear()  # nor these the packaged ones, in later tests
