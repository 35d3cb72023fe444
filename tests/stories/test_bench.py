"""The stories bench on a small synthetic store: it links everything, then the increment, and finds the incidents."""

from __future__ import annotations

import json

import pytest

from dateline.stories.bench import main


def test_the_bench_links_all_then_the_increment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--events", "400", "--increment", "10"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert 80 <= report["all"]["articles"] < 88 and report["all"]["events"] == 5 * report["all"]["articles"]
    assert 10 <= report["increment"]["articles"] < 18
    assert report["all"]["peak_rss_mb"] > 0
    quality = report["quality"]
    assert quality["stories"] == quality["incidents"] and quality["stories.f1"] == 1.0
