"""The runner on real inputs, the real model and real DuckDB files: store, resume, force, JSONL,
near-duplicates, failures, and a run killed with SIGKILL then started again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import PipelineError, UsageError
from dateline.pipeline import PipelineSettings
from dateline.records import Article, Document, Failure
from dateline.run.runner import WRITE_GROUP, RunOptions, RunSummary, run
from dateline.store import Store

TOPICS = ("the harbour", "a new bridge", "the school budget", "a water shortage", "the election", "a rail strike")


def story(i: int) -> str:
    """A distinct short news story (no two share a five-word shingle)."""
    topic = TOPICS[i % len(TOPICS)]
    return (
        f"Officials in town number {i} met on Monday to talk about {topic}. "
        f"Mayor Anna Berg{i} said the council would vote on plan {i * 7} next week. "
        f"Residents number {i} protested outside the hall, asking for answers about {topic} before item {i + 100}."
    )


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def corpus(path: Path, n: int) -> Path:
    return write_jsonl(path, [{"id": f"doc{i:03d}", "date": "2020-05-04", "text": story(i)} for i in range(n)])


def stored(db: Path) -> list[dict[str, Any]]:
    with Store(db, read_only=True) as store:
        return list(store.iter_articles())


def test_run_into_the_store_then_resume_skips(tmp_path: Path) -> None:
    inputs = [str(corpus(tmp_path / "in.jsonl", 5))]
    db = tmp_path / "news.duckdb"
    seen: list[Article | Failure] = []
    first = run(inputs, RunOptions(batch_size=2), db=db, progress=seen.append)
    assert isinstance(first, RunSummary)
    assert (first.articles, first.failed, first.skipped, first.duplicates) == (5, 0, 0, 0)
    assert first.words == sum(len(story(i).split()) for i in range(5))
    assert [r.id for r in seen if isinstance(r, Article)] == [f"doc{i:03d}" for i in range(5)]
    again = run(inputs, RunOptions(batch_size=2), db=db)
    assert (again.articles, again.skipped) == (0, 5)
    assert sorted(a["id"] for a in stored(db)) == [f"doc{i:03d}" for i in range(5)]


def test_force_reprocesses(tmp_path: Path) -> None:
    inputs = [str(corpus(tmp_path / "in.jsonl", 3))]
    db = tmp_path / "news.duckdb"
    run(inputs, RunOptions(pipeline=PipelineSettings(stages=())), db=db)
    assert all(not a["actors"] for a in stored(db))
    forced = run(inputs, RunOptions(force=True), db=db)
    assert (forced.articles, forced.skipped, forced.duplicates) == (3, 0, 0)
    assert len(stored(db)) == 3


def test_jsonl_out_holds_contract_objects(tmp_path: Path) -> None:
    inputs = [str(corpus(tmp_path / "in.jsonl", 3))]
    out = tmp_path / "out.jsonl"
    summary = run(inputs, RunOptions(), jsonl_out=out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.articles == len(rows) == 3
    assert rows[0]["id"] == "doc000" and rows[0]["text"] == story(0)
    assert {"actors", "events", "quotes", "times", "places", "duplicate_of"} <= set(rows[0])


def test_duplicates_within_a_run_and_against_the_store(tmp_path: Path) -> None:
    copy = "By Maria Lopez | Reuters\n\n" + story(1)
    rows = [{"id": "a", "text": story(1)}, {"id": "b", "text": story(2)}, {"id": "c", "text": copy}]
    db = tmp_path / "news.duckdb"
    summary = run([str(write_jsonl(tmp_path / "one.jsonl", rows))], RunOptions(), db=db)
    assert (summary.articles, summary.duplicates) == (3, 1)
    by_id = {a["id"]: a for a in stored(db)}
    assert by_id["c"]["duplicate_of"] == "a" and by_id["a"]["duplicate_of"] is None
    assert not by_id["c"]["actors"] and not by_id["c"]["times"]  # not coded twice
    later = run([str(write_jsonl(tmp_path / "two.jsonl", [{"id": "d", "text": story(2) + " More later."}]))],
                RunOptions(), db=db)
    assert later.duplicates == 1
    assert {a["id"]: a for a in stored(db)}["d"]["duplicate_of"] == "b"


def test_no_dedup_codes_every_copy(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": story(1)}, {"id": "c", "text": story(1)}]
    summary = run([str(write_jsonl(tmp_path / "in.jsonl", rows))], RunOptions(dedup=False), db=tmp_path / "s.duckdb")
    assert (summary.articles, summary.duplicates) == (2, 0)


def test_bad_documents_are_recorded_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = [json.dumps({"id": f"ok{i}", "text": story(i)}) for i in (1, 2)]
    path.write_text(f"{good[0]}\n{{not json\n{good[1]}\n", encoding="utf-8")
    db = tmp_path / "news.duckdb"
    summary = run([str(path), str(tmp_path / "missing.txt")], RunOptions(batch_size=1), db=db)
    assert summary.articles == 2
    assert summary.failed == len(summary.failures) >= 2
    with Store(db, read_only=True) as store:
        assert len(store.failures()) >= 2


def test_bad_options_fail_before_any_input(tmp_path: Path) -> None:
    with pytest.raises(PipelineError):
        run([str(tmp_path / "none")], RunOptions(pipeline=PipelineSettings(stages=("events",))))
    with pytest.raises(UsageError):
        run([str(tmp_path / "none")], RunOptions(batch_size=0))
    with pytest.raises(UsageError):
        run([str(tmp_path / "none")], RunOptions(workers=-1))
    with pytest.raises(UsageError, match="max_bytes"):
        run([str(tmp_path / "none")], RunOptions(max_bytes=0))


def test_max_bytes_reaches_ingest(tmp_path: Path) -> None:
    rows = [{"id": "short", "text": story(1)}, {"id": "long", "text": story(2) * 3}]
    limit = len(json.dumps(rows[0])) + 1  # the first line and its newline fit, the second does not
    inputs = [str(write_jsonl(tmp_path / "in.jsonl", rows))]
    summary = run(inputs, RunOptions(max_bytes=limit), db=tmp_path / "s.duckdb")
    assert (summary.articles, summary.failed) == (1, 1)
    assert summary.failures[0].source.endswith("in.jsonl:2") and "--max-bytes" in summary.failures[0].message


# -- kill and resume ---------------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from dateline.run.runner import RunOptions, run


    def committed(result):
        print(result.id if hasattr(result, "id") else f"failure {result}", flush=True)
        if PAUSE:
            time.sleep(600)  # hold the run after its first committed batch, with work in flight, until killed

    if __name__ == "__main__":  # worker processes import this file again
        inputs, db, workers, engine, address = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:6]
        PAUSE = sys.argv[6:] == ["pause"]
        if engine == "ray":
            import ray
            ray.init(address=address, log_to_driver=False)
        run([inputs], RunOptions(batch_size=3, workers=workers, engine=engine), db=db, progress=committed)
        print("DONE", flush=True)
    """
)


def _kill_after_first_batch(argv: list[str]) -> None:
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip() and first.strip() != "DONE", "the child ended before committing a batch"
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the whole session: the run and its workers
        child.wait(timeout=60)


def _kill_and_resume(tmp_path: Path, n: int, workers: int, engine: str = "local", address: str = "") -> Iterator[int]:
    inputs = corpus(tmp_path / "in.jsonl", n)
    db = tmp_path / "news.duckdb"
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    argv = [sys.executable, str(script), str(inputs), str(db), str(workers), engine, address or "none"]
    _kill_after_first_batch([*argv, "pause"])
    after_kill = len(stored(db))
    yield after_kill
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, check=True)
    assert done.stdout.strip().endswith("DONE")
    ids = [a["id"] for a in stored(db)]
    assert sorted(ids) == [f"doc{i:03d}" for i in range(n)], done.stdout[-3000:]  # every article exactly once
    with Store(db, read_only=True) as store:  # one write number per stored write, none skipped or given twice
        numbers = [row[0] for row in store.con.execute("SELECT DISTINCT batch FROM articles ORDER BY 1").fetchall()]
        stamps = store.con.execute("SELECT count(DISTINCT processed_at) FROM articles").fetchone()
    assert numbers == list(range(1, len(numbers) + 1)) and stamps == (len(numbers),)
    yield len(ids)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_halfway_then_rerun_stores_each_article_once(tmp_path: Path, workers: int) -> None:
    n = 24
    counts = list(_kill_and_resume(tmp_path, n, workers))
    assert 3 <= counts[0] < n  # whole batches only, and not all of them
    assert counts[0] % 3 == 0
    assert counts[1] == n


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[str]:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield str(ray.get_runtime_context().gcs_address)
    finally:
        ray.shutdown()


@pytest.mark.slow
@pytest.mark.ray
def test_sigkill_halfway_with_ray_then_rerun(tmp_path: Path, ray_cluster: str) -> None:
    n = 30
    counts = list(_kill_and_resume(tmp_path, n, 2, "ray", ray_cluster))
    assert counts[0] < n and counts[0] % 3 == 0
    assert counts[1] == n


# -- bounded on any input ----------------------------------------------------------------------------------


def test_many_bad_lines_are_stored_in_bounded_batches_not_held(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.run import runner

    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n" * 2500 + json.dumps({"id": "ok", "text": story(1)}) + "\n", encoding="utf-8")
    sizes: list[int] = []
    write = Store.write

    def counting(self: Store, results: Any, **kwargs: Any) -> None:
        sizes.append(len(results))
        write(self, results, **kwargs)

    monkeypatch.setattr(Store, "write", counting)
    db = tmp_path / "news.duckdb"
    summary = run([str(path)], RunOptions(), db=db)
    assert (summary.articles, summary.failed) == (1, 2500)
    assert len(summary.failures) == runner.KEPT_FAILURES  # the summary lists the first ones only
    assert max(sizes) <= runner.MAX_BATCH_ITEMS and sum(sizes) == 2501
    with Store(db, read_only=True) as store:
        assert len(store.failures()) == 2500  # the store keeps every one


def test_skipped_documents_are_reported_as_they_go(tmp_path: Path) -> None:
    from dateline.run.runner import Skipped

    rows = [{"id": "a", "text": story(1)}, {"id": "a", "text": story(2)}, {"id": "b", "text": story(3)}]
    inputs = [str(write_jsonl(tmp_path / "in.jsonl", rows))]
    db = tmp_path / "news.duckdb"
    seen: list[Any] = []
    first = run(inputs, RunOptions(pipeline=PipelineSettings(stages=())), db=db, progress=seen.append)
    assert first.skipped == 1 and [s.reason for s in seen if isinstance(s, Skipped)] == ["repeated"]
    seen.clear()
    again = run(inputs, RunOptions(pipeline=PipelineSettings(stages=())), db=db, progress=seen.append)
    assert again.skipped == 3 and len(seen) == 3
    assert {(s.id, s.reason) for s in seen} == {("a", "stored"), ("b", "stored")}


def test_a_second_run_on_the_same_store_is_refused(tmp_path: Path) -> None:
    from dateline.errors import StoreError
    from dateline.run._lock import lock_path, run_lock

    db = tmp_path / "news.duckdb"
    inputs = [str(corpus(tmp_path / "in.jsonl", 2))]
    with run_lock(db), pytest.raises(StoreError, match="another `dateline run`"):
        run(inputs, RunOptions(), db=db)
    assert not db.exists()  # refused before the store was created
    assert run(inputs, RunOptions(pipeline=PipelineSettings(stages=())), db=db).articles == 2
    assert lock_path(db).exists()


def test_the_store_is_free_between_batches(tmp_path: Path) -> None:
    """While a run goes on, another process can open the store between two writes (of a batch, or of the
    batches that had finished together, at most WRITE_GROUP)."""
    db = tmp_path / "news.duckdb"
    inputs = [str(corpus(tmp_path / "in.jsonl", 12))]
    counts: list[int] = []

    def look(result: Any) -> None:
        probe = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
                 "print(con.execute('select count(*) from articles').fetchone()[0])")
        out = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, check=True)
        counts.append(int(out.stdout))
        logged.append(wal.exists())

    wal, logged = db.with_name(db.name + ".wal"), list[bool]()
    run(inputs, RunOptions(batch_size=2, pipeline=PipelineSettings(stages=())), db=db, progress=look)
    assert logged[0] and not wal.exists()  # writes left in the log are read, and folded in when the run ends
    assert len(counts) == 12 and counts == sorted(counts) and counts[-1] == 12
    assert all(n % 2 == 0 for n in counts)  # whole batches
    assert len(set(counts)) >= 12 // (2 * WRITE_GROUP) + 1  # opened between writes, not only at the end


def test_batches_finished_together_are_written_together_in_order() -> None:
    from dateline.run._flow import Flow
    from dateline.run.engines import LocalEngine

    documents = [Document(f"d{i}", "t.txt", "text", f"Words of document number {i}.") for i in range(20)]
    options = RunOptions(pipeline=PipelineSettings(stages=()), dedup=False)
    groups = list(Flow(options, LocalEngine(), None, rows=True).run([documents[i:i + 2] for i in range(0, 20, 2)]))
    assert [r.id for group in groups for batch, _ in group for r in batch] == [d.id for d in documents]
    assert max(len(g) for g in groups) > 1 and all(len(g) <= WRITE_GROUP for g in groups)
    assert all(prepared is not None and list(prepared.ids) == [r.id for r in batch]
               for group in groups for batch, prepared in group)


def test_a_run_links_what_it_stores_into_stories(tmp_path: Path) -> None:
    follow_up = story(1).replace("Residents number 1 protested", "Angry residents number 1 protested again")
    rows = [{"id": "a", "text": story(1), "published": "2024-03-04"},
            {"id": "b", "text": "A powerful earthquake struck central Chile early on Saturday, toppling buildings in "
                                "Concepcion. Rescuers searched the rubble for survivors.", "published": "2024-03-04"},
            {"id": "c", "text": follow_up, "published": "2024-03-05"}]
    db = tmp_path / "s.duckdb"
    run([str(write_jsonl(tmp_path / "in.jsonl", rows))], RunOptions(batch_size=2, dedup=False), db=db)
    found = {a["id"]: a["story"] for a in stored(db)}
    assert found["a"] == found["c"] != found["b"]
    assert None not in found.values()
    run([str(write_jsonl(tmp_path / "more.jsonl", [{"id": "d", "text": story(3)}]))],
        RunOptions(stories=False), db=db)
    assert {a["id"]: a["story"] for a in stored(db)}["d"] is None
