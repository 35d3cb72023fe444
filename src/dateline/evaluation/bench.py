"""Benchmark: the full pipeline against bare spaCy on the same texts, in one invocation.

>>> report = bench(n=100)  # doctest: +SKIP
>>> report.ratio  # full throughput / bare spaCy throughput; the goal is >= 0.85

Both runs use the same model, loaded before timing starts, the same batch size
and the same texts (the cleaned article texts, cut where annotation cuts them),
on the same engine with the same number of workers. The full run times each
stage (cleaning included) on every batch, so the report shows where the time
goes. Peak memory is the largest resident set of any process that did the work
(this one, or each worker).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline._paths import shared_root
from dateline.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_STAGES, Pipeline
from dateline.records import Article, Document
from dateline.run._work import run_stages
from dateline.run.engines import Engine, make_engine

__all__ = ["GOAL_PEAK_RSS_MB", "GOAL_RATIO", "BenchReport", "bench", "default_corpus"]

#: Goals: the full pipeline keeps at least this share of bare spaCy's throughput...
GOAL_RATIO = 0.85
#: ... and no worker grows beyond this resident memory (MB).
GOAL_PEAK_RSS_MB = 1536.0

_FALLBACK = (
    "U.S. President Donald Trump met Russian President Vladimir Putin in Hamburg on Friday, July 7, 2017.",
    '"We had a very good meeting," Trump told reporters after the talks, which lasted more than two hours.',
    "Protesters gathered in the city centre on Saturday, and police said 20 officers were injured.",
)


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
    goals_met: dict[str, bool] = field(default_factory=dict)
    machine: str = ""


def default_corpus() -> Path | None:
    """The shared Wikinews corpus, else the bundled sample, else None (built-in sentences)."""
    candidate = shared_root() / "corpora" / "wikinews.jsonl"
    if candidate.is_file():
        return candidate
    from dateline.cli.sample import sample_path

    sample = sample_path()
    return sample if sample.is_file() else None


def _documents(corpus: Path | None, n: int) -> list[Document]:
    """``n`` documents from the corpus, cycled with new ids when it has fewer."""
    rows: list[dict[str, str]] = []
    if corpus is not None:
        with corpus.open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
        rows = [r for r in rows if isinstance(r, dict) and r.get("text")]
    if not rows:
        rows = [{"id": f"builtin{i}", "text": text} for i, text in enumerate(_FALLBACK)]
    docs = []
    for k in range(n):
        row = rows[k % len(rows)]
        suffix = "" if k < len(rows) else f"-{k // len(rows)}"
        docs.append(Document(f"{row.get('id', k)}{suffix}", str(corpus or "builtin"), "text", row["text"],
                             published=row.get("date") or row.get("published")))
    return docs


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
    run_stages(DEFAULT_STAGES, [Article(id="warm", source="warm", text=" ".join(_FALLBACK))])
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
    return make_engine("local", workers, preload=True)


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
        machine=f"{platform.machine()} {platform.processor() or platform.system()}, {os.cpu_count()} CPUs",
    )
    goals = {"ratio": report.ratio >= GOAL_RATIO, "peak_rss": report.peak_rss_mb <= GOAL_PEAK_RSS_MB}
    return replace(report, goals_met=goals)
