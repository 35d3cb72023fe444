"""Benchmark of a run on Ray: the same articles with one actor, then with several (:func:`ray_scaling`, part of
:mod:`dateline.evaluation.bench`), and the CPU of the processes that did the work."""

from __future__ import annotations

import os
import resource
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from dateline.evaluation._bench_corpus import corpus_rows, default_corpus, machine, write_rows
from dateline.pipeline import Pipeline

__all__ = ["GOAL_RAY_SPEEDUP", "RayReport", "ray_scaling"]

#: Goal: two actors do the work of at least this many one-actor runs.
GOAL_RAY_SPEEDUP = 1.8


@dataclass(frozen=True)
class RayReport:
    """The same run on Ray with one actor and with ``workers`` actors."""

    articles: int
    workers: int
    cluster_cpus: float
    one_actor_s: float
    many_actors_s: float
    speedup: float
    goal_met: bool
    load_average: tuple[float, float]
    machine: str
    near_duplicate_check: bool = True
    #: CPU seconds of the command's own process (the driver: reading, writing the store, linking stories)
    #: in the one-actor run and in the run with ``workers`` actors: on a machine with no more cores than
    #: actors, the driver's work is taken from the actors'.
    driver_cpu_s: tuple[float, float] = (0.0, 0.0)
    #: CPU seconds of each whole run: the driver and every process it started (Ray's daemons, the actors; read
    #: from /proc, so 0 where there is none): what two cores share in the run with two actors.
    run_cpu_s: tuple[float, float] = (0.0, 0.0)


def ray_scaling(n: int = 1000, corpus: Path | None = None, workers: int = 2,
                address: str | None = None) -> RayReport:
    """Run ``n`` articles through the runner on Ray with one actor, then with ``workers`` actors.

    Each run writes a new store, start-up (actors loading the model) included; the Ray cluster
    (``address``, else a local Ray with this machine's CPUs) stays up for both, and the stage modules
    are imported before either is timed.
    """
    import tempfile

    import ray

    from dateline.run import _ray
    from dateline.run.runner import RunOptions, engine_for, run

    corpus = corpus if corpus is not None else default_corpus()
    before = os.getloadavg()
    owns = _ray.connect(address)
    try:
        cpus = _ray.cluster_cpus()
        with tempfile.TemporaryDirectory(prefix="dateline-bench-ray-") as folder:
            work = Path(folder)
            rows = corpus_rows(corpus, n)
            dedup = len({r["text"] for r in rows}) == len(rows)  # a cycled corpus: parse every copy
            file = write_rows(work / "corpus.jsonl", rows)
            Pipeline.from_settings(RunOptions().pipeline)  # imports the stages now: in neither run's time
            seconds, cpu, total = [], [], []
            for count in (1, workers):
                options = RunOptions(engine="ray", workers=count, dedup=dedup)
                started, used, all_used = time.perf_counter(), _cpu_seconds(), _tree_cpu()
                with engine_for(options) as engine:
                    run([str(file)], options, db=work / f"ray-{count}.duckdb", engine=engine)
                    seconds.append(time.perf_counter() - started)
                    cpu.append(round(_cpu_seconds() - used, 2))
                    # Before the actors are stopped: Ray does not count the CPU of the workers it ends.
                    total.append(round(_tree_cpu_since(all_used), 2))
    finally:
        if owns:
            ray.shutdown()
    speedup = seconds[0] / seconds[1]
    after = os.getloadavg()
    return RayReport(n, workers, cpus, round(seconds[0], 2), round(seconds[1], 2), round(speedup, 3),
                     speedup >= GOAL_RAY_SPEEDUP, (round(before[0], 2), round(after[0], 2)), machine(), dedup,
                     (cpu[0], cpu[1]), (total[0], total[1]))


def _cpu_seconds() -> float:
    """CPU seconds (user and system) this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _tree_cpu_since(before: dict[int, float]) -> float:
    """CPU seconds that this process and every process below it now used since ``before`` (:func:`_tree_cpu`).

    Counted per process, so a process that ended meanwhile (the actors of an earlier run, which Ray stops
    without counting their CPU anywhere) takes nothing away.
    """
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in _tree_cpu().items())


def _tree_cpu() -> dict[int, float]:
    """CPU seconds of this process and of each process below it (with those of the children each waited for),
    by process id, from /proc; none where there is no /proc."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return {}
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        parents[int(name)] = int(fields[1])
        used[int(name)] = sum(int(f) for f in fields[11:15]) / tick  # utime, stime and those of its waited children
    children: dict[int, list[int]] = defaultdict(list)
    for pid, parent in parents.items():
        children[parent].append(pid)
    below, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in below:
                below.add(child)
                frontier.append(child)
    return {pid: used[pid] for pid in below if pid in used}
