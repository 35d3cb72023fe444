"""What a worker does with one batch: the two picklable jobs every engine ships.

A run works in two steps so that a near-duplicate is never coded twice:

1. :func:`clean_job` cleans a batch of documents into articles (and computes
   their MinHash signatures) -- cheap, in any worker.
2. the driver decides which articles are duplicates, then
   :func:`analyze_job` runs the analysis stages (annotate, actors, ...) over
   the others.

Both jobs are plain top-level functions over frozen payloads, so a process
pool or Ray can ship them; the stage functions and the spaCy model load once
per worker process (``functools.cache``), never at import time.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from dateline.errors import DatelineError, PipelineError, StageError
from dateline.pipeline import STAGES, Pipeline, StageSpec
from dateline.records import Article, Document, Failure

__all__ = ["AnalyzeJob", "CleanJob", "Cleaned", "Result", "StageTimer", "analyze_job", "clean_job", "run_stages"]

Result = Article | Failure
#: A cleaned document and its MinHash signature (None when dedup is off or it failed).
Cleaned = tuple[Result, tuple[int, ...] | None]
#: Called with a stage name and the seconds it took on one batch.
StageTimer = Callable[[str, float], None]


@dataclass(frozen=True)
class CleanJob:
    """Clean these documents; compute signatures when ``signatures`` is set."""

    documents: tuple[Document, ...]
    signatures: bool = True


@dataclass(frozen=True)
class AnalyzeJob:
    """Run these analysis stages over these articles."""

    stages: tuple[str, ...]
    articles: tuple[Article, ...]


def clean_job(job: CleanJob) -> list[Cleaned]:
    """Clean a batch (failures stay in place) and sign each article for dedup."""
    results = Pipeline((), on_error="continue").run_batch(job.documents)
    if not job.signatures:
        return [(r, None) for r in results]
    from dateline.dedup import signature

    return [(r, signature(r.text) if isinstance(r, Article) else None) for r in results]


def analyze_job(job: AnalyzeJob) -> list[Result]:
    """Run the analysis stages over a batch of clean articles, in order."""
    return run_stages(job.stages, job.articles)


@functools.cache
def _loaded(stages: tuple[str, ...]) -> tuple[tuple[StageSpec, Callable[..., object]], ...]:
    """The stage functions, checked and imported once per process."""
    names = Pipeline(stages).stage_names  # validates order and prerequisites
    return tuple((STAGES[name], STAGES[name].load()) for name in names)


def run_stages(stages: Sequence[str], articles: Sequence[Article], timer: StageTimer | None = None) -> list[Result]:
    """Pass articles through the stages; a failing article becomes a Failure, the rest go on."""
    results: list[Result] = list(articles)
    for spec, func in _loaded(tuple(stages)):
        live = [(i, r) for i, r in enumerate(results) if isinstance(r, Article)]
        if not live:
            break
        started = time.perf_counter()
        outs = _apply(spec, func, [r for _, r in live])
        for (i, _), out in zip(live, outs, strict=True):
            results[i] = out
        if timer is not None:
            timer(spec.name, time.perf_counter() - started)
    return [replace(r, doc=None) if isinstance(r, Article) and r.doc is not None else r for r in results]


def _apply(spec: StageSpec, func: Callable[..., object], articles: list[Article]) -> list[Result]:
    if spec.batch:
        return _batch_stage(spec.name, func, articles)
    return [_guard(spec.name, a, func) for a in articles]


def _batch_stage(name: str, func: Callable[..., object], articles: list[Article]) -> list[Result]:
    def one(article: Article) -> object:
        out = func([article])
        assert isinstance(out, list)
        return out[0]

    try:
        out = func(articles)
    except Exception:
        # Find the culprit: one by one, so the other articles go on.
        return [_guard(name, a, one) for a in articles]
    if not isinstance(out, list) or len(out) != len(articles):
        raise PipelineError(f"batch stage {name!r} must return one article per input, in order")
    return out


def _guard(name: str, article: Article, func: Callable[[Article], object]) -> Result:
    try:
        out = func(article)
    except Exception as exc:
        error = StageError(name, article.id, exc)
        message = str(exc) if isinstance(exc, DatelineError) else str(error)
        return Failure(article.source, name, type(exc).__name__, message, article.id)
    if not isinstance(out, Article):
        raise PipelineError(f"stage {name!r} returned {type(out).__name__}, not Article")
    return out
