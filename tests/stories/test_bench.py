"""The stories bench on a small synthetic store: it links the store, then new batches, and finds the incidents;
it keeps the store and the batches when asked."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import duckdb
import pytest

from dateline.stories.bench import main


@pytest.mark.parametrize("link_all", [False, True])
def test_the_bench_links_the_store_then_new_batches(capsys: pytest.CaptureFixture[str], link_all: bool) -> None:
    assert main(["--events", "400", "--batch", "8", "--batches", "2", *(["--link-all"] if link_all else [])]) == 0
    report = json.loads(capsys.readouterr().out)
    if link_all:
        assert 80 <= report["all"]["articles"] < 88 and report["all"]["events"] == 5 * report["all"]["articles"]
    batches = report["batches"]
    assert batches["batches"] == 2 and batches["articles"] == 16
    # linking 8 articles may take under the half millisecond the report rounds to
    assert batches["link_cpu_s"]["max"] >= batches["link_cpu_s"]["median"] >= 0
    assert batches["peak_rss_mb"] >= batches["rss_after_mb"] > 0
    quality = report["quality"]
    assert quality["stories"] <= quality["incidents"] and quality["new.f1"] == 1.0


def test_the_bench_keeps_its_store_and_batches_for_other_code(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    assert main(["--events", "400", "--batch", "8", "--batches", "1", "--undated", "0.5",
                 "--keep", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["quality"]["new.f1"] == 1.0
    with duckdb.connect(str(tmp_path / "built.duckdb"), read_only=True) as con:
        undated, occurred = con.execute("SELECT count(*) FILTER (WHERE date_value IS NULL), count(*) FROM events "
                                        "WHERE status = 'occurred'").fetchone() or (0, 0)
    assert 0 < undated < occurred
    with (tmp_path / "new.pickle").open("rb") as f:
        assert [len(batch) for batch in pickle.load(f)] == [8]
