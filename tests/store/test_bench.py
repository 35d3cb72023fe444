"""The export measurements: a synthetic store round-trips through a plain reader, and the timing runs."""

from __future__ import annotations

from pathlib import Path

from dateline.store import Store
from dateline.store.bench import build, roundtrip, timed_export


def test_a_synthetic_store_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "synthetic.duckdb"
    build(db, 200)
    with Store(db, read_only=True) as store:
        assert store.stats()["events"] == 200
    report = roundtrip(db)
    assert (report["store_events"], report["file_lines"], report["events_differing"]) == (200, 200, 0)
    assert report["same_event_keys"] and report["same_counts_by_type_quad_status"]
    assert report["actor_slots"]["store"] == report["actor_slots"]["file"] == 400
    assert report["dyad_rows"]["store"] == report["dyad_rows"]["file"] > 0 and report["dyad_rows"]["same_events"]
    timing = timed_export(db, ["--format", "polecat", "--out", str(tmp_path / "events.tsv")])
    assert timing["code"] == 0 and timing["peak_rss_mb"] > 0 and timing["wall_s"] >= timing["export_s"] > 0
    assert (tmp_path / "events.tsv").read_text(encoding="utf-8").count("\n") == 201
