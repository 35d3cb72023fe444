"""A store written by an older dateline is upgraded in place when opened for writing, and only then."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dateline.cli import EXIT_OK, main
from dateline.errors import StoreError
from dateline.store import Store
from dateline.store._schema import SCHEMA_VERSION, UPGRADES
from tests.store.older import PINNED, older_store
from tests.store.test_layout import _layout


def _old_store(path: Path, version: str) -> Path:
    """A store with the tables of an older version, as that version pinned them, and one quote in it."""
    older_store(path, version)
    with duckdb.connect(str(path)) as con:
        con.execute("INSERT INTO quotes (article_id, id, speaker, text, direct, kind) "
                    "VALUES ('a1', 'q1', 'Ann Roe', 'We will stay.', true, 'direct')")
    return path


def test_every_older_version_that_upgrades_reaches_this_one() -> None:
    for version in UPGRADES:
        while version in UPGRADES:
            version = UPGRADES[version][0]
        assert version == SCHEMA_VERSION


@pytest.mark.parametrize("version", list(UPGRADES))
def test_each_upgrade_turns_its_versions_layout_into_the_next_ones(tmp_path: Path, version: str) -> None:
    following, statements = UPGRADES[version]
    db = older_store(tmp_path / "old.duckdb", version)
    with duckdb.connect(str(db)) as con:
        for statement in statements:
            con.execute(statement)
    assert _layout(db) == PINNED[following]


@pytest.mark.parametrize("version", list(UPGRADES))
def test_a_store_of_each_older_version_opened_for_writing_gets_this_versions_layout(
        tmp_path: Path, version: str) -> None:
    db = older_store(tmp_path / "old.duckdb", version)
    Store(db).close()
    assert _layout(db) == PINNED[SCHEMA_VERSION]


def test_a_version_3_store_opened_for_writing_gets_the_new_layout_and_keeps_its_rows(tmp_path: Path) -> None:
    db = _old_store(tmp_path / "old.duckdb", "3")
    Store(db).close()
    assert _layout(db) == PINNED[SCHEMA_VERSION]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (SCHEMA_VERSION,)
        assert con.execute("SELECT id, text, negated FROM quotes").fetchall() == [("q1", "We will stay.", False)]


@pytest.mark.parametrize("linked", [True, False])
def test_a_version_4_store_gets_the_records_index_asked_for_only_when_it_has_linked_records(
        tmp_path: Path, linked: bool) -> None:
    db = _old_store(tmp_path / "old.duckdb", "4")
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO events (article_id, id, type, instance) VALUES ('a1', 'e1', 'CONSULT', ?)",
                    ["i1" if linked else None])
    Store(db).close()
    assert _layout(db) == PINNED[SCHEMA_VERSION]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (SCHEMA_VERSION,)
        assert con.execute("SELECT count(*) FROM story_records").fetchone() == (0,)
        missing = con.execute("SELECT value FROM meta WHERE key = 'story_records_missing'").fetchone()
        assert con.execute("SELECT id, instance FROM events").fetchall() == [("e1", "i1" if linked else None)]
    assert missing == (("true",) if linked else None)


def test_an_old_store_opened_read_only_is_not_changed_and_says_how_to_upgrade(tmp_path: Path) -> None:
    db = _old_store(tmp_path / "old.duckdb", "3")
    with pytest.raises(StoreError, match=r"version 3.*dateline upgrade --db"):
        Store(db, read_only=True)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("3",)


def test_a_version_no_upgrade_reaches_is_refused(tmp_path: Path) -> None:
    db = _old_store(tmp_path / "older.duckdb", "2")
    with pytest.raises(StoreError, match=r"version 2.*into a new file"):
        Store(db)


def test_the_upgrade_command_upgrades_and_the_store_then_reads(tmp_path: Path) -> None:
    db = _old_store(tmp_path / "old.duckdb", "3")
    assert main(["upgrade", "--db", str(db)]) == EXIT_OK
    assert main(["stats", "--db", str(db), "--json"]) == EXIT_OK
    assert main(["upgrade", "--db", str(db)]) == EXIT_OK
