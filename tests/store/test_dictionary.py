"""The data dictionary names every column every export writes, and nothing else; the README shows it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.store import Store
from dateline.store._dictionary import TABLE_COLUMNS, describe
from dateline.store._dyads import DYAD_COLUMNS
from dateline.store._polecat import COLUMNS
from dateline.store._schema import EXPORT_TABLES
from tests.full_article import full_article

README = Path(__file__).resolve().parents[2] / "README.md"


def _header(path: Path, delimiter: str = ",") -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle, delimiter=delimiter))


def test_every_column_written_is_described_in_order(tmp_path: Path) -> None:
    with Store(tmp_path / "full.duckdb") as store:
        store.write([full_article()])
        tables = store.export("csv", tmp_path / "csv")
        [polecat] = store.export("polecat", tmp_path / "events.tsv")
        [dyads] = store.export("dyads", tmp_path / "dyads.csv")
    assert [p.stem for p in tables] == list(EXPORT_TABLES) == list(TABLE_COLUMNS)
    for path in tables:
        assert _header(path) == list(TABLE_COLUMNS[path.stem]), f"describe the columns of {path.stem} in _dictionary.py"
    assert _header(polecat, "\t") == [c.name for c in COLUMNS]
    assert _header(dyads) == list(DYAD_COLUMNS)
    assert all(c.meaning for c in COLUMNS) and all(DYAD_COLUMNS.values())
    assert "(not described)" not in describe()


def test_the_readme_shows_the_polecat_and_dyad_columns() -> None:
    readme = README.read_text(encoding="utf-8")
    for fmt in ("polecat", "dyads"):
        table = describe(fmt).split("\n", 2)[2]  # without the '## format' heading
        assert table in readme, f"paste the output of `dateline export --describe --format {fmt}` into the README"


def test_describe_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--describe"]) == 0
    printed = capsys.readouterr().out
    assert all(f"## {fmt}" in printed for fmt in ("jsonl", "csv, parquet", "polecat", "dyads"))
    assert "| `evidence_text` |" in printed and "| 41 | `Event Date Value` | added |" in printed
    assert main(["export", "--describe", "--format", "dyads"]) == 0
    assert capsys.readouterr().out.startswith("## dyads")


def test_export_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "full.duckdb"
    with Store(db) as store:
        store.write([full_article()])
    assert main(["export", "--db", str(db), "--format", "polecat", "--out", str(tmp_path)]) == 0  # a folder
    assert (tmp_path / "events.tsv").read_text(encoding="utf-8").count("\n") == 2
    assert main(["export", "--db", str(db), "--format", "dyads", "--by", "year", "--out", str(tmp_path / "d.csv")]) == 0
    assert "counted 1 events (occurred, planned) by year" in capsys.readouterr().err.replace("\n", " ")
    assert (tmp_path / "d.csv").read_text(encoding="utf-8").splitlines()[1].startswith("2017,2017-01-01,RUS,USA,1,")
    assert main(["export", "--db", str(db), "--format", "dyads", "--status", "done", "--out", str(tmp_path)]) == 2
    assert main(["export", "--db", str(db)]) == 2
