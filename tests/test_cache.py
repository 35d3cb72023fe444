"""The cache of data built on first use: built once, read after, rebuilt when damaged, never an error."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dateline._cache import KEEP_ENTRIES, cache_dir, cached, fingerprint


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read(folder: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    assert cached("thing", "k1", build) == {"a": 1}
    assert cached("thing", "k1", build) == {"a": 1}
    assert len(calls) == 1
    assert [p.name for p in folder.iterdir()] == ["thing-k1.pickle"]
    assert cached("thing", "k2", build) == {"a": 1} and len(calls) == 2  # a new key builds anew


def test_a_damaged_entry_is_built_again(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    cached("thing", "k", lambda: [1, 2])
    (folder / "thing-k.pickle").write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING):
        assert cached("thing", "k", lambda: [3]) == [3]
    assert "cannot be read" in caplog.text
    assert cached("thing", "k", lambda: [4]) == [3]


def test_an_unwritable_folder_only_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DATELINE_CACHE", str(blocker / "cache"))  # a folder inside a file cannot exist
    with caplog.at_level(logging.WARNING):
        assert cached("thing", "k", lambda: 7) == 7
    assert "DATELINE_CACHE" in caplog.text


def test_old_entries_are_pruned(folder: Path) -> None:
    for i in range(KEEP_ENTRIES + 3):
        cached("thing", f"k{i}", lambda: 0)
    assert len(list(folder.glob("thing-*.pickle"))) == KEEP_ENTRIES
    cached("other", "k", lambda: 0)
    assert (folder / "other-k.pickle").exists()


def test_fingerprint_and_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fingerprint(["a", b"b"]) == fingerprint(["a", b"b"]) != fingerprint(["ab"])
    monkeypatch.delenv("DATELINE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache_dir() == Path("/somewhere/dateline")
