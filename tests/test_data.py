"""The shared loader of the data files (user files merged over packaged ones, versions, errors); dash splitting."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline import lang
from dateline._dashes import dash_pieces
from dateline._data import check_version, merge, packaged
from dateline.actors import _lexicon as _actors_lexicon
from dateline.clean import _patterns as _clean_patterns
from dateline.errors import ResourceError
from dateline.events import _lexicon as _events_lexicon
from dateline.places import _words as _places_words
from dateline.quotes import _lexicon as _quotes_lexicon
from dateline.times import _lexicon as _times_lexicon


def _write(tmp_path: Path, data: Any, name: str = "user.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def _res(name: str, path: Path | None) -> lang.Resources:
    return lang.resources("en", {name: str(path)} if path else {})


def _actors(path: Path | None = None) -> Any:
    return _actors_lexicon.load_lexicon(_res("actors", path))


def _events(path: Path | None = None) -> Any:
    return _events_lexicon.load_lexicon(_res("events", path))


def _quotes(path: Path | None = None) -> Any:
    return _quotes_lexicon.load_lexicon(_res("quotes", path))


def _times(path: Path | None = None) -> Any:
    return _times_lexicon.load_lexicon(_res("times", path))


def _places(path: Path | None = None) -> Any:
    return _places_words.read_language(_res("places", path))


def _boilerplate(path: Path | None = None) -> Any:
    return _clean_patterns.load_patterns(_res("boilerplate", path))


Loader = Callable[..., Any]
#: (lexicon name, loader that reads it, partial user file, check of the merged result)
CASES: list[tuple[str, Loader, dict[str, Any], Callable[[Any], bool]]] = [
    ("actors", _actors, {"not_actors": ["Zorblat Quux"]},
     lambda lex: "Zorblat Quux" in lex.not_actors and bool(lex.lookup("Putin"))),
    ("events", _events, {"entries": [{"lemma": "zorble", "pos": "verb", "type": "REJECT"}]},
     lambda lex: ("zorble", "verb") in lex.index and ("meet", "verb") in lex.index),
    ("quotes", _quotes, {"thought_verbs": ["zorble"]},
     lambda lex: "zorble" in lex.thought_verbs and "believe" in lex.thought_verbs and "say" in lex.speech_verbs),
    ("times", _times, {"months": {"smarch": 3}, "context": {"future_verbs": ["zorble"]}},
     lambda lex: lex.months.get("smarch") == 3 and lex.months["july"] == 7
     and "zorble" in lex.context["future_verbs"] and len(lex.context["future_verbs"]) > 1),
    ("places", _places, {"city_names": {"Zorbleton": 4930956}},
     lambda found: found[1].cities.get(4930956) == ("Zorbleton",) and "Britain" in found[1].countries["GB"]),
    ("boilerplate", _boilerplate, {"kinds": {"promo": {"exact": ["Buy the zorble mug"]}}},
     lambda pat: pat.kind_of("Buy the zorble mug") == "promo" and len(pat.regexes) > 0),
]
IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("name", "load", "partial", "check"), CASES, ids=IDS)
def test_partial_user_file_is_merged(name: str, load: Loader, partial: dict[str, Any],
                                     check: Callable[[Any], bool], tmp_path: Path) -> None:
    assert not check(load())
    assert check(load(_write(tmp_path, partial)))
    assert not check(load())  # merged only where asked for, not once per process


@pytest.mark.parametrize(("name", "load"), [(case[0], case[1]) for case in CASES], ids=IDS)
def test_malformed_user_file_names_the_file(name: str, load: Loader, tmp_path: Path) -> None:
    path = _write(tmp_path, '{"version": "1", ', "broken.json")
    with pytest.raises(ResourceError, match=r"broken\.json.*not valid JSON"):
        load(path)


@pytest.mark.parametrize(("name", "load"), [(case[0], case[1]) for case in CASES], ids=IDS)
def test_missing_user_file_names_the_file(name: str, load: Loader, tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"absent\.json is not a file"):
        load(tmp_path / "absent.json")


@pytest.mark.parametrize(("name", "load"), [(case[0], case[1]) for case in CASES if case[0] != "events"],
                         ids=[i for i in IDS if i != "events"])
def test_unknown_key_is_refused(name: str, load: Loader, tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"typo\.json.*unknown key 'zorbles'"):
        load(_write(tmp_path, {"zorbles": []}, "typo.json"))


def test_wrong_shape_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="'thought_verbs' must be a list"):
        _quotes(_write(tmp_path, {"thought_verbs": "zorble"}))


def test_user_version_labels_the_result(tmp_path: Path) -> None:
    path = _write(tmp_path, {"version": "mine", "speech_verbs": ["zorble"]})
    assert _quotes(path).version.endswith("+mine")
    bad = _write(tmp_path, {"version": ["1"], "speech_verbs": ["zorble"]}, "bad.json")
    with pytest.raises(ResourceError, match=r"bad\.json.*'version'"):
        _quotes(bad)


@pytest.mark.parametrize("version", ["2.0.0", 2, None, True, "x", ["1"]])
def test_bad_version_is_refused(version: Any) -> None:
    with pytest.raises(ResourceError, match=r"some\.json: unsupported version.*1\.x"):
        check_version({"version": version}, "some.json", "1")


@pytest.mark.parametrize("version", ["1", "1.2.0", 1, "1.0.0+mine"])
def test_good_version_is_read(version: Any) -> None:
    assert check_version({"version": version}, "some.json", "1") == str(version)


def test_packaged_file_of_another_major_is_refused() -> None:
    assert packaged("events/plover.json", "PLOVER table", "1")["version"]
    with pytest.raises(ResourceError, match=r"dateline/data/events/plover\.json: unsupported version"):
        packaged("events/plover.json", "PLOVER table", "7")
    with pytest.raises(ResourceError, match=r"dateline/data/absent\.json"):
        packaged("absent.json", "PLOVER table", "1")
    english = lang.resources("en")
    assert english.packaged("quotes", "1")["version"]
    with pytest.raises(ResourceError, match=r"dateline/lang/en/quotes\.json: unsupported version"):
        english.packaged("quotes", "7")
    with pytest.raises(ResourceError, match=r"dateline/lang/en/absent\.json is missing"):
        english.packaged("absent", "1")


def test_user_file_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ["a", "list"], "list.json")
    with pytest.raises(ResourceError, match=r"list\.json.*JSON object"):
        _res("quotes", path).data("quotes", "1")


def test_merge_extends_lists_updates_objects_and_replaces_keyed_entries() -> None:
    base = {"version": "1", "words": ["a"], "table": {"x": 1, "lists": {"k": ["p"]}},
            "people": [{"name": "A", "n": 1}, {"name": "B", "n": 1}], "limit": 3}
    extra = {"version": "ignored", "words": ["b"], "table": {"y": 2, "lists": {"k": ["q"]}},
             "people": [{"name": "B", "n": 2}], "limit": 4}
    merged = merge(base, extra, "test.json", {"people": "name"})
    assert merged == {"version": "1", "words": ["a", "b"], "table": {"x": 1, "y": 2, "lists": {"k": ["p", "q"]}},
                      "people": [{"name": "A", "n": 1}, {"name": "B", "n": 2}], "limit": 4}
    assert base["words"] == ["a"]  # the inputs are left alone
    with pytest.raises(ResourceError, match=r"test\.json: 'words' must be a list"):
        merge(base, {"words": "b"}, "test.json")
    with pytest.raises(ResourceError, match=r"test\.json: 'table' must be an object"):
        merge(base, {"table": []}, "test.json")


@given(st.text(alphabet="ab -\u2013", max_size=20))
def test_dash_pieces_cover_the_text_between_dashes(text: str) -> None:
    pieces = dash_pieces(text)
    assert "".join(text[s:e] for s, e in pieces) == text.replace("-", "").replace("\u2013", "")
    assert len(pieces) == text.count("-") + text.count("\u2013") + 1
    assert dash_pieces("Egypt\u2013Israel") == [(0, 5), (6, 12)] and dash_pieces("U.S.-Russia") == [(0, 4), (5, 11)]
