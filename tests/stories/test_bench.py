"""The stories bench on a small synthetic store: it links the store, then new batches, and finds the incidents."""

from __future__ import annotations

import json

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
