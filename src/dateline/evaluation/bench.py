"""Benchmark: the full pipeline against bare spaCy on the same texts, in one invocation.

>>> report = bench(n=100)  # doctest: +SKIP
>>> report.ratio  # full throughput / bare spaCy throughput; the goal is >= 0.85

Three views, each measured against its own baseline in the same invocation:

- :func:`bench`: inside one process, the stages against ``nlp.pipe`` (below);
- :func:`end_to_end`: whole processes as a user starts them, ``dateline run
  FILE --db NEW`` against a script that loads the model and runs ``nlp.pipe``,
  and the start-up of each;
- :func:`ray_scaling`: a run on Ray with one actor, then with several.

Both runs use the same model, loaded before timing starts, the same batch size
and the same texts (the cleaned article texts, cut where annotation cuts them),
on the same engine with the same number of workers. The full run times each
stage (cleaning included) on every batch, so the report shows where the time
goes. Peak memory is the largest resident set of any process that did the work
(this one, or each worker).
"""

from __future__ import annotations

import os
import resource
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.evaluation._bench_corpus import FALLBACK, corpus_rows, default_corpus, machine, write_rows
from dateline.evaluation._bench_ray import GOAL_RAY_SPEEDUP as GOAL_RAY_SPEEDUP
from dateline.evaluation._bench_ray import RayReport, ray_scaling
from dateline.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_STAGES, Pipeline
from dateline.records import Article, Document
from dateline.run._work import run_stages
from dateline.run.engines import Engine, make_engine

__all__ = ["GOAL_PEAK_RSS_MB", "GOAL_RATIO", "BenchReport", "EndToEndReport", "RayReport", "bench", "corpus_rows",
           "default_corpus", "end_to_end", "ray_scaling"]

#: Goals: the full pipeline keeps at least this share of bare spaCy's throughput...
GOAL_RATIO = 0.85
#: ... and no worker grows beyond this resident memory (MB).
GOAL_PEAK_RSS_MB = 1536.0
#: The stage that runs spaCy, whose time the other stages' cost is measured against.
SPACY_STAGE = "annotate"


@dataclass(frozen=True)
class BenchReport:
    """Throughput of the full pipeline and of bare spaCy, the time per stage, and peak memory."""

    articles: int
    words: int
    failed: int
    workers: int
    model: str
    corpus: str
    seconds: float
    articles_per_s: float
    words_per_s: float
    bare_seconds: float
    bare_articles_per_s: float
    bare_words_per_s: float
    ratio: float
    peak_rss_mb: float
    stage_share: dict[str, float] = field(default_factory=dict)
    #: each stage's time against spaCy's (the annotate stage's): the measure the stages' cost limits are set in
    against_spacy: dict[str, float] = field(default_factory=dict)
    goals_met: dict[str, bool] = field(default_factory=dict)
    machine: str = ""


def _documents(corpus: Path | None, n: int) -> list[Document]:
    """``n`` documents from the corpus, cycled with new ids when it has fewer."""
    return [Document(row["id"], str(corpus or "builtin"), "text", row["text"],
                     published=row.get("date") or row.get("published")) for row in corpus_rows(corpus, n)]


def _timed_batch(payload: tuple[tuple[str, ...], tuple[Document, ...]]) -> tuple[dict[str, float], int, float]:
    """Worker job: the full pipeline over one batch; seconds per stage, failures, peak RSS (MB)."""
    stages, documents = payload
    timings: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    cleaned = Pipeline((), on_error="continue").run_batch(documents)
    timings["clean"] += time.perf_counter() - started
    articles = [r for r in cleaned if isinstance(r, Article)]

    def add(name: str, seconds: float) -> None:
        timings[name] += seconds

    results = run_stages(stages, articles, timer=add)
    failed = len(documents) - sum(isinstance(r, Article) for r in results)
    return dict(timings), failed, _peak_rss_mb()


def _bare_batch(texts: tuple[str, ...]) -> tuple[int, float]:
    """Worker job: bare ``nlp.pipe`` over texts with the pipeline's model and settings."""
    from dateline.annotate import chunk_texts, load_model

    nlp = load_model()  # the same batches as the annotate stage: by count and by characters
    count = sum(1 for chunk in chunk_texts(texts) for _ in nlp.pipe(chunk, batch_size=len(chunk)))
    return count, _peak_rss_mb()


def _warm(_: int) -> tuple[str, float]:
    """Worker job: load the model and every stage's resources before timing; the model's name."""
    from dateline.annotate import load_model

    meta = load_model().meta
    run_stages(DEFAULT_STAGES, [Article(id="warm", source="warm", text=" ".join(FALLBACK))])
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}", _peak_rss_mb()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _texts(documents: Sequence[Document]) -> list[str]:
    from dateline.annotate import MAX_ANNOTATED_CHARS

    cleaned = Pipeline((), on_error="continue").run_batch(documents)
    return [r.text[:MAX_ANNOTATED_CHARS] for r in cleaned if isinstance(r, Article)]


def bench(n: int = 500, corpus: Path | None = None, workers: int = 1, stages: Sequence[str] = DEFAULT_STAGES,
          batch_size: int = DEFAULT_BATCH_SIZE) -> BenchReport:
    """Run the full pipeline and bare spaCy over the same ``n`` articles; compare."""
    corpus = corpus if corpus is not None else default_corpus()
    documents = _documents(corpus, n)
    batches = [tuple(documents[i : i + batch_size]) for i in range(0, len(documents), batch_size)]
    texts = _texts(documents)
    text_batches = [tuple(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
    with _engine(workers) as engine:
        warm = list(engine.map(_warm, list(range(max(1, workers)))))
        started = time.perf_counter()
        bare = list(engine.map(_bare_batch, text_batches))
        bare_seconds = time.perf_counter() - started
        started = time.perf_counter()
        full = list(engine.map(_timed_batch, [(tuple(stages), b) for b in batches]))
        seconds = time.perf_counter() - started
    rss = [r for _, r in bare] + [r for _, r in warm]
    report = _report(documents, texts, workers, corpus, seconds, bare_seconds, full, rss)
    return replace(report, model=warm[0][0])


def _engine(workers: int) -> Engine:
    # One worker: this very process (the stages and bare spaCy timed side by side, no process in between).
    return make_engine("local", 0 if workers == 1 else workers, preload=True)


def _report(
    documents: list[Document],
    texts: list[str],
    workers: int,
    corpus: Path | None,
    seconds: float,
    bare_seconds: float,
    full: list[tuple[dict[str, float], int, float]],
    rss: list[float],
) -> BenchReport:
    totals: dict[str, float] = defaultdict(float)
    for timings, _, _ in full:
        for name, spent in timings.items():
            totals[name] += spent
    spent_all = sum(totals.values()) or 1.0
    words = sum(len(t.split()) for t in texts)
    peak = max([_peak_rss_mb(), *rss, *(r for _, _, r in full)])
    report = BenchReport(
        articles=len(documents),
        words=words,
        failed=sum(f for _, f, _ in full),
        workers=workers,
        model="",
        corpus=str(corpus or "built-in sentences"),
        seconds=round(seconds, 3),
        articles_per_s=round(len(documents) / seconds, 2),
        words_per_s=round(words / seconds, 1),
        bare_seconds=round(bare_seconds, 3),
        bare_articles_per_s=round(len(texts) / bare_seconds, 2),
        bare_words_per_s=round(words / bare_seconds, 1),
        ratio=round((len(documents) / seconds) / (len(texts) / bare_seconds), 3),
        peak_rss_mb=round(peak, 1),
        stage_share={name: round(spent / spent_all, 3) for name, spent in totals.items()},
        against_spacy={name: round(spent / totals[SPACY_STAGE], 3) for name, spent in totals.items()
                       if name != SPACY_STAGE and totals.get(SPACY_STAGE)},
        machine=machine(),
    )
    goals = {"ratio": report.ratio >= GOAL_RATIO, "peak_rss": report.peak_rss_mb <= GOAL_PEAK_RSS_MB}
    return replace(report, goals_met=goals)


# -- whole processes ---------------------------------------------------------------------------------------

#: Goals for whole processes: ``dateline run`` keeps this share of a bare spaCy script's throughput, by
#: number of articles; and starts up in at most this many seconds more than the script (model load included
#: in both).
GOAL_END_TO_END = {150: 0.85, 1000: 0.92}
GOAL_STARTUP_S = 2.0
#: Articles per ``nlp.pipe`` call in the bare script: the annotate stage's own batch.
BARE_BATCH = 32

#: The bare spaCy run a user would write: load the model, parse every text of a JSONL file.
BARE_SCRIPT = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as lines:
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""


@dataclass(frozen=True)
class ProcessTiming:
    """One whole process: its wall time, its CPU time (user and system) and peak resident memory."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


@dataclass(frozen=True)
class EndToEndReport:
    """``dateline run`` against the bare script, as whole processes, per corpus size; start-up on one article."""

    model: str
    corpus: str
    sizes: dict[int, dict[str, float]]
    startup: dict[str, float]
    goals_met: dict[str, bool]
    load_average: tuple[float, float]
    machine: str


def _timed(argv: list[str], cwd: Path) -> ProcessTiming:
    """Run ``argv`` to its end; its wall time and peak RSS (from the kernel's accounting of that child)."""
    import subprocess

    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()  # read before waiting: a full pipe would block the child
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # 1: some documents failed, which the report counts as work done
        tail = errors.decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"{argv[:4]} exited with {child.returncode}: {tail}")
    return ProcessTiming(round(seconds, 3), round(usage.ru_utime + usage.ru_stime, 3), round(usage.ru_maxrss / 1024, 1))


def end_to_end(sizes: Sequence[int] = tuple(GOAL_END_TO_END), corpus: Path | None = None,
               repeat: int = 1) -> EndToEndReport:
    """Time ``dateline run FILE --db NEW`` and the bare script on the same articles, whole processes both.

    For each size, the bare script runs and ``dateline run`` right after, on the same JSONL file (the
    corpus cycled with new ids), ``repeat`` times in turn; the report gives the fastest of each (the
    one least slowed by other work on the machine) and the ratio of those, and the median ratio of the
    pairs. Start-up is both on one short article; each is run once before timing, so that the disk
    cache and dateline's cached gazetteer index are warm, as on any run but the very first.
    """
    import sys
    import tempfile

    from dateline.annotate import load_model

    corpus = corpus if corpus is not None else default_corpus()
    nlp = load_model()
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
        work = Path(folder)
        script = work / "bare.py"
        script.write_text(BARE_SCRIPT, encoding="utf-8")

        def bare(file: Path) -> ProcessTiming:
            return _timed([sys.executable, str(script), model, str(file), str(BARE_BATCH)], work)

        def dateline(file: Path, name: str, dedup: bool = True) -> ProcessTiming:
            return _timed([sys.executable, "-m", "dateline.cli", "run", str(file), "--db", str(work / name),
                           "--quiet", *(() if dedup else ("--no-dedup",))], work)

        one = write_rows(work / "one.jsonl", [{"id": "one", "text": " ".join(FALLBACK)}])
        bare(one), dateline(one, "warm.duckdb")  # warm the disk cache and the cached index
        starts = [(bare(one), dateline(one, f"startup-{k}.duckdb")) for k in range(repeat)]
        results: dict[int, dict[str, float]] = {}
        for n in sizes:
            rows = corpus_rows(corpus, n)
            # A cycled corpus repeats its texts, which a run would drop as near-duplicates unparsed, while the
            # script parses every one: near-duplicate detection is then left out, so that both parse the same.
            dedup = len({r["text"] for r in rows}) == len(rows)
            file = write_rows(work / f"corpus-{n}.jsonl", rows)
            pairs = [(bare(file), dateline(file, f"run-{n}-{k}.duckdb", dedup)) for k in range(repeat)]
            results[n] = {**_compare(n, pairs), "near_duplicate_check": float(dedup)}
    startup_bare = min(b.seconds for b, _ in starts)
    startup_dateline = min(d.seconds for _, d in starts)
    startup = {"dateline_s": startup_dateline, "bare_s": startup_bare,
               "beyond_bare_s": round(startup_dateline - startup_bare, 3),
               "beyond_bare_cpu_s": round(min(d.cpu_seconds for _, d in starts)
                                          - min(b.cpu_seconds for b, _ in starts), 3)}
    goals = {f"ratio_{n}": r["ratio"] >= GOAL_END_TO_END.get(n, GOAL_RATIO) for n, r in results.items()}
    goals["startup"] = startup["beyond_bare_s"] <= GOAL_STARTUP_S
    after = os.getloadavg()
    return EndToEndReport(model, str(corpus or "built-in sentences"), results, startup, goals,
                          (round(before[0], 2), round(after[0], 2)), machine())


def _compare(n: int, pairs: list[tuple[ProcessTiming, ProcessTiming]]) -> dict[str, float]:
    """The fastest bare and dateline runs of ``n`` articles, their ratio, and the median ratio of the pairs."""
    import statistics

    base = min((b for b, _ in pairs), key=lambda t: t.seconds)
    full = min((d for _, d in pairs), key=lambda t: t.seconds)
    return {"dateline_s": full.seconds, "bare_s": base.seconds, "ratio": round(base.seconds / full.seconds, 3),
            "median_ratio": round(statistics.median(b.seconds / d.seconds for b, d in pairs), 3),
            "dateline_cpu_s": full.cpu_seconds, "bare_cpu_s": base.cpu_seconds,
            "cpu_ratio": round(base.cpu_seconds / full.cpu_seconds, 3),
            "dateline_articles_per_s": round(n / full.seconds, 2), "bare_articles_per_s": round(n / base.seconds, 2),
            "dateline_peak_rss_mb": max(d.peak_rss_mb for _, d in pairs),
            "bare_peak_rss_mb": max(b.peak_rss_mb for b, _ in pairs), "runs": len(pairs)}
