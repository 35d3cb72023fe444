"""The benchmark builds a repeated store and reports figures for every list endpoint (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.serve import bench
from dateline.store import Store


@pytest.mark.slow
def test_bench_builds_and_reports(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "bench.duckdb"
    with Store(store_path, read_only=True) as store:
        base = sum(1 for _ in store.iter_articles())
    assert bench.build_store(db, base * 3, from_store=store_path) == base
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == base * 3
    report = bench.run(db, rounds=1)
    assert report["articles"] == base * 3
    assert set(report["endpoints"]) == set(bench.QUERIES)
    assert all(r["p95_ms"] >= r["p50_ms"] > 0 for r in report["endpoints"].values())
