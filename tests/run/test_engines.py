"""Engines: order kept, same output whatever runs the batches (one worker, processes, Ray)."""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import UsageError
from dateline.pipeline import PipelineSettings
from dateline.records import Article, Document, Failure
from dateline.run._work import (
    STORY_KEYS,
    AnalyzeJob,
    CleanJob,
    ProcessJob,
    analyze_job,
    clean_job,
    process_job,
    run_stages,
)
from dateline.run.engines import EngineError, LocalEngine, ProcessEngine, RayEngine, make_engine
from dateline.run.runner import RunOptions, run
from dateline.store import Store

TEXTS = [
    "President Emmanuel Macron met Chancellor Angela Merkel in Berlin on Tuesday.",
    "Protesters gathered outside the parliament in Kyiv last week, police said.",
    "The United Nations called for a ceasefire in Yemen on 3 March 2020.",
]


def documents() -> list[Document]:
    return [Document(f"d{i}", f"t{i}.txt", "text", text) for i, text in enumerate(TEXTS)]


def test_local_engine_keeps_order() -> None:
    with LocalEngine() as engine:
        assert list(engine.map(len, [[1], [1, 2], []])) == [1, 2, 0]


def test_process_engine_keeps_order_across_workers() -> None:
    payloads = [list(range(n)) for n in (5, 0, 3, 8, 1, 2)]
    with ProcessEngine(2, preload=False) as engine:
        assert list(engine.map(len, payloads)) == [5, 0, 3, 8, 1, 2]
        assert engine.window == 4


def test_a_worker_that_dies_fails_the_run_instead_of_hanging_it() -> None:
    with ProcessEngine(1, preload=False) as engine, pytest.raises(EngineError, match="run again to resume"):
        list(engine.map(os._exit, [3]))


def test_make_engine_rejects_bad_settings() -> None:
    with pytest.raises(UsageError):
        make_engine("spark")
    with pytest.raises(UsageError):
        make_engine("local", workers=-1)
    with pytest.raises(UsageError):
        make_engine("local", ray_address="ray://host:10001")
    assert isinstance(make_engine("local", 0), LocalEngine)
    default = make_engine("local")
    try:
        assert isinstance(default, ProcessEngine) and default.workers == 1
    finally:
        default.close()


def test_jobs_clean_sign_and_analyze_in_order() -> None:
    cleaned = clean_job(CleanJob(tuple(documents())))
    assert [r.id for r, _ in cleaned] == ["d0", "d1", "d2"]
    assert all(sig is not None and len(sig) == 128 for _, sig in cleaned)
    unsigned = clean_job(CleanJob(tuple(documents()), signatures=False))
    assert all(sig is None for _, sig in unsigned)
    articles = tuple(r for r, _ in cleaned if isinstance(r, Article))
    analyzed, prepared = analyze_job(AnalyzeJob(("annotate", "actors"), articles))
    assert [r.id for r in analyzed] == ["d0", "d1", "d2"] and prepared is None
    assert all(isinstance(r, Article) and r.doc is None for r in analyzed)  # picklable: no spaCy Doc
    assert any(isinstance(r, Article) and r.actors for r in analyzed)


def test_a_whole_job_cleans_analyzes_and_makes_the_store_rows() -> None:
    bad = Document("bad", "bad.html", "html", "<html></html>")  # no article body: a failure, kept in place
    results, prepared = process_job(ProcessJob(PipelineSettings(("annotate", "actors")), (*documents()[:2], bad),
                                               rows=True))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Failure"]
    assert all(isinstance(r, Article) and r.doc is None and r.actors for r in results[:2])
    assert prepared is not None and prepared.ids == ("d0", "d1")  # rows of the articles only, made without a time
    assert prepared.tables["articles"].column("id").to_pylist() == ["d0", "d1"]
    assert prepared.tables["articles"].column("processed_at").to_pylist() == [None, None]
    assert "d0" in prepared.tables["terms"].column("article_id").to_pylist()
    assert sum(prepared.counts["actors"]) == prepared.tables["actors"].num_rows > 0
    keys = prepared.extra[STORY_KEYS].keys
    assert sorted(keys) == ["d0", "d1"] and "macron" in keys["d0"]
    assert process_job(ProcessJob(PipelineSettings(("annotate",)), tuple(documents())))[1] is None


def test_a_job_can_send_the_articles_back_without_their_records() -> None:
    whole = ProcessJob(PipelineSettings(("annotate", "actors")), tuple(documents()[:2]), rows=True, records=False)
    results, prepared = process_job(whole)
    assert [r.id for r in results] == ["d0", "d1"] and all(isinstance(r, Article) for r in results)
    assert all(isinstance(r, Article) and not r.actors and r.text == TEXTS[i] for i, r in enumerate(results))
    assert prepared is not None and prepared.tables["actors"].num_rows > 0  # the records are in the rows


def test_a_job_for_a_run_without_stories_makes_no_story_keys() -> None:
    job = ProcessJob(PipelineSettings(("annotate", "actors")), tuple(documents()[:2]), rows=True, keys=False)
    _, prepared = process_job(job)
    assert prepared is not None and prepared.ids == ("d0", "d1") and prepared.tables["actors"].num_rows > 0
    assert STORY_KEYS not in prepared.extra


def test_run_stages_times_each_stage() -> None:
    articles = [Article(id="x", source="x", text=TEXTS[0])]
    seen: list[str] = []
    out = run_stages(("annotate", "actors", "times"), articles, timer=lambda name, seconds: seen.append(name))
    assert seen == ["annotate", "actors", "times"]
    assert isinstance(out[0], Article)


def test_a_failing_stage_becomes_a_failure_and_the_batch_goes_on() -> None:
    bad = Article(id="bad", source="bad.txt", text=None)  # type: ignore[arg-type]
    good = Article(id="good", source="good.txt", text=TEXTS[1])
    out = run_stages(("annotate",), [bad, good])
    assert isinstance(out[0], Failure) and out[0].stage == "annotate" and out[0].doc_id == "bad"
    assert isinstance(out[1], Article)


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.slow
def test_every_local_engine_gives_the_same_output(tmp_path: Path) -> None:
    rows = [{"id": f"a{i}", "date": "2020-03-01", "text": t} for i, t in enumerate(TEXTS * 3)]
    rows = [{**r, "text": f"{r['text']} Item {i} of the day."} for i, r in enumerate(rows)]
    inputs = [str(_jsonl(tmp_path / "in.jsonl", rows))]
    outputs = []
    for workers in (0, 1, 2):  # this process; one worker beside it; two workers
        out = tmp_path / f"out-{workers}.jsonl"
        run(inputs, RunOptions(batch_size=2, workers=workers, dedup=False), jsonl_out=out)
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(outputs[0].splitlines()) == 9


@pytest.mark.slow
def test_rows_made_by_workers_store_what_rows_made_by_the_run_store(tmp_path: Path) -> None:
    rows = [{"id": f"a{i}", "date": "2020-03-01", "text": f"{t} Item {i} of the day."}
            for i, t in enumerate(TEXTS * 2)]
    inputs = [str(_jsonl(tmp_path / "in.jsonl", rows))]
    tables = ("articles", "actors", "mentions", "events", "event_participants", "quotes", "times", "places", "terms",
              "story_keys")
    found = []
    for workers in (0, 2):  # rows made in this process; rows made by two worker processes
        db = tmp_path / f"w{workers}.duckdb"
        run(inputs, RunOptions(batch_size=2, workers=workers, dedup=False), db=db)
        with Store(db, read_only=True) as store:
            found.append({t: sorted(map(str, store.con.execute(f"SELECT * EXCLUDE (processed_at) FROM {t}"
                                                                 if t == "articles" else f"SELECT * FROM {t}")
                                        .fetchall())) for t in tables})
            stamps = store.con.execute("SELECT count(*) FROM articles WHERE processed_at IS NULL").fetchone()
            assert stamps == (0,)
    assert found[0] == found[1]
    assert len(found[0]["articles"]) == 6 and found[0]["terms"] and found[0]["actors"]


def _contents(db: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    with Store(db, read_only=True) as store:
        return list(store.iter_articles()), store.stats()


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the write times."""
    out = {}
    with Store(db, read_only=True) as store, store.session() as con:
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall():
            names = [r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                                               "ORDER BY column_index", [table]).fetchall()]
            kept = ", ".join(f'"{n}"' for n in names if n not in ("processed_at", "failed_at"))
            out[table] = sorted(con.execute(f"SELECT {kept} FROM {table}").fetchall(), key=repr)
    return out


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield None
    finally:
        ray.shutdown()


def _square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


@pytest.mark.slow
@pytest.mark.ray
def test_ray_actors_live_for_the_whole_run_and_keep_order(local_ray: None) -> None:
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # actors cannot import test modules
    with RayEngine(2, preload=False) as engine:
        assert engine.window == 8
        first = list(engine.map(_square_and_pid, list(range(10))))
        second = list(engine.map(_square_and_pid, list(range(10, 40))))
    assert [square for square, _ in first + second] == [n * n for n in range(40)]
    assert 1 <= len({pid for _, pid in first + second}) <= 2  # the same two actors serve every map


def _sleep_and_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


@pytest.mark.slow
@pytest.mark.ray
def test_ray_jobs_go_to_the_actor_with_room_not_in_turn(local_ray: None) -> None:
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with RayEngine(2, preload=False) as engine:
        list(engine.map(_sleep_and_pid, [0.0] * 4))  # both actors up
        handles = [engine.submit(_sleep_and_pid, 4.0 if i == 0 else 0.05) for i in range(10)]
        pids = [h.result() for h in handles]
    slow = pids[0]
    # The slow actor holds its long job and one more; every later job goes to the other one.
    assert pids[1] != slow and pids.count(slow) == 2
    assert all(pid != slow for pid in pids[3:])


@pytest.mark.slow
@pytest.mark.ray
def test_a_ray_actor_that_keeps_dying_fails_the_run(local_ray: None) -> None:
    with RayEngine(1, preload=False) as engine, pytest.raises(EngineError, match="run again to resume"):
        list(engine.map(os._exit, [3]))


@pytest.mark.slow
@pytest.mark.ray
@pytest.mark.parametrize("dedup", [True, False])
def test_ray_output_in_duckdb_is_identical_to_a_local_run(shared: Path, tmp_path: Path, local_ray: None,
                                                          dedup: bool) -> None:
    """With or without near-duplicates checked (actors analyze, or clean and analyze, make the store rows and
    story keys and send the articles back without records), the store holds what a local run stores, where
    the run's own process makes the rows and keys."""
    corpus = shared / "corpora" / "wikinews.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        sample = _jsonl(tmp_path / "thirty.jsonl", [json.loads(line) for line in itertools.islice(lines, 30)])
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    local = run([str(sample)], RunOptions(batch_size=2, dedup=dedup), db=local_db)
    remote = run([str(sample)], RunOptions(batch_size=2, engine="ray", workers=2, dedup=dedup), db=ray_db)
    assert (local.articles, local.failed, local.duplicates, local.words) == (
        remote.articles, remote.failed, remote.duplicates, remote.words)
    assert local.articles == 30
    assert _contents(local_db) == _contents(ray_db)
    assert _tables(local_db) == _tables(ray_db)
