"""The benchmark's report: its shape and its bookkeeping, never its timings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation.bench import GOAL_PEAK_RSS_MB, GOAL_RATIO, BenchReport, bench, default_corpus

STAGE_NAMES = {"clean", "annotate", "actors", "times", "places", "events", "quotes"}


def _check(report: BenchReport, n: int) -> None:
    assert report.articles == n
    assert report.words > 0
    assert report.seconds > 0 and report.bare_seconds > 0
    assert report.articles_per_s > 0 and report.bare_articles_per_s > 0
    assert report.words_per_s > 0 and report.bare_words_per_s > 0
    assert report.ratio > 0
    assert report.peak_rss_mb > 0
    assert {"clean", "annotate"} <= set(report.stage_share) <= STAGE_NAMES  # stages after a failure do not run
    assert 0 <= report.failed <= n
    assert abs(sum(report.stage_share.values()) - 1.0) < 0.01
    # against spaCy's time every other stage weighs at least its share of the whole run
    assert set(report.against_spacy) == set(report.stage_share) - {"annotate"}
    assert all(report.against_spacy[name] >= report.stage_share[name] for name in report.against_spacy)
    assert set(report.goals_met) == {"ratio", "peak_rss"}
    assert report.goals_met["ratio"] == (report.ratio >= GOAL_RATIO)
    assert report.goals_met["peak_rss"] == (report.peak_rss_mb <= GOAL_PEAK_RSS_MB)
    assert report.model and report.machine


def test_bench_on_five_articles_of_the_corpus(shared: Path) -> None:
    corpus = shared / "corpora" / "wikinews.jsonl"
    report = bench(n=5, corpus=corpus)
    _check(report, 5)
    assert report.workers == 1 and report.corpus == str(corpus)


def test_bench_cycles_a_small_corpus_with_new_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "two.jsonl"
    rows = [
        {"id": "a", "text": "The president met the prime minister in Paris on Monday to discuss trade."},
        {"id": "b", "text": "Police said protesters blocked the main road in the capital on Sunday."},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _check(bench(n=5, corpus=corpus), 5)


def test_default_corpus_exists_or_is_none() -> None:
    corpus = default_corpus()
    assert corpus is None or corpus.is_file()


@pytest.mark.slow
def test_bench_with_two_workers(tmp_path: Path) -> None:
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The minister visited Kabul on Monday."}) + "\n", encoding="utf-8")
    report = bench(n=4, corpus=corpus, workers=2, batch_size=1)
    _check(report, 4)
    assert report.workers == 2


def test_end_to_end_parses_every_copy_of_a_cycled_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of a cycled corpus must not drop the copies as near-duplicates: the bare script parses them all."""
    from dateline.evaluation import bench as module

    corpus = tmp_path / "two.jsonl"
    texts = ["The president met the prime minister in Paris on Monday.", "Police blocked the road on Sunday."]
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    calls: list[tuple[list[str], int]] = []

    def timed(argv: list[str], cwd: Path) -> module.ProcessTiming:
        rows = Path(argv[4] if "dateline.cli" in argv else argv[3]).read_text().splitlines()
        calls.append((argv, len(rows)))
        return module.ProcessTiming(1.0 + ("dateline.cli" in argv), 1.0, 100.0)

    monkeypatch.setattr(module, "_timed", timed)
    report = module.end_to_end(sizes=(2, 5), corpus=corpus, repeat=2)
    runs = {n: [argv for argv, rows in calls if rows == n and "dateline.cli" in argv] for n in (2, 5)}
    assert len(runs[2]) == len(runs[5]) == 2
    assert all("--no-dedup" not in argv for argv in runs[2]) and all("--no-dedup" in argv for argv in runs[5])
    assert report.sizes[2]["near_duplicate_check"] == 1.0 and report.sizes[5]["near_duplicate_check"] == 0.0
    assert report.sizes[5]["ratio"] == 0.5 and report.sizes[5]["runs"] == 2


def test_ray_scaling_parses_every_copy_of_a_cycled_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ray")
    from dateline.evaluation import bench as module
    from dateline.run import _ray, runner
    from dateline.run.engines import LocalEngine

    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The minister visited Kabul on Monday."}) + "\n")
    seen: list[tuple[int | None, bool]] = []
    monkeypatch.setattr(_ray, "connect", lambda address: False)
    monkeypatch.setattr(_ray, "cluster_cpus", lambda: 2.0)
    monkeypatch.setattr(runner, "engine_for", lambda options: LocalEngine())
    monkeypatch.setattr(runner, "run",
                        lambda inputs, options, db, engine: seen.append((options.workers, options.dedup)))
    report = module.ray_scaling(n=3, corpus=corpus, workers=2)
    assert seen == [(1, False), (2, False)] and not report.near_duplicate_check and report.articles == 3
    assert len(report.driver_cpu_s) == 2 and all(seconds >= 0 for seconds in report.driver_cpu_s)
    assert len(report.run_cpu_s) == 2 and all(seconds >= 0 for seconds in report.run_cpu_s)


def test_the_cpu_of_a_process_tree_counts_its_children() -> None:
    import subprocess
    import sys

    from dateline.evaluation._bench_ray import _cpu_seconds, _tree_cpu, _tree_cpu_since

    before = _tree_cpu()
    assert sum(before.values()) >= _cpu_seconds() - 0.05  # this process at least (clock ticks: 10 ms)
    # the child burns 0.3 s of its own CPU, however fast the machine
    burn = "import time\nstart = time.process_time()\nwhile time.process_time() - start < 0.3:\n    pass"
    subprocess.run([sys.executable, "-c", burn], check=True)
    assert _tree_cpu_since(before) >= 0.25  # the child's CPU, counted once it was waited for
    assert _tree_cpu_since({**before, 999_999_999: 50.0}) < 50  # a process gone since takes nothing away
