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
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.pipeline import Pipeline, PipelineSettings, StageTimer
from dateline.records import Article, Document, Failure

__all__ = ["AnalyzeJob", "CleanJob", "Cleaned", "Result", "StageTimer", "analyze_job", "clean_job", "run_stages"]

Result = Article | Failure
#: A cleaned document and its MinHash signature (None when dedup is off or it failed).
Cleaned = tuple[Result, tuple[int, ...] | None]


@dataclass(frozen=True)
class CleanJob:
    """Clean these documents (with the pipeline's cleaning settings); compute signatures when ``signatures`` is set."""

    documents: tuple[Document, ...]
    signatures: bool = True
    settings: PipelineSettings = PipelineSettings()


@dataclass(frozen=True)
class AnalyzeJob:
    """Run the analysis stages of ``settings`` over these articles."""

    settings: PipelineSettings
    articles: tuple[Article, ...]


def clean_job(job: CleanJob) -> list[Cleaned]:
    """Clean a batch (failures stay in place) and sign each article for dedup."""
    results = _pipeline(job.settings).clean_batch(job.documents)
    if not job.signatures:
        return [(r, None) for r in results]
    from dateline.run.dedup import signature

    return [(r, signature(r.text) if isinstance(r, Article) else None) for r in results]


def analyze_job(job: AnalyzeJob) -> list[Result]:
    """Run the analysis stages over a batch of clean articles, in order."""
    return run_stages(job.settings, job.articles)


@functools.cache
def _pipeline(settings: PipelineSettings) -> Pipeline:
    """The checked pipeline these settings describe, built once per process (its functions load lazily)."""
    return Pipeline.from_settings(settings, on_error="continue")


def run_stages(settings: PipelineSettings | Sequence[str], articles: Sequence[Article],
               timer: StageTimer | None = None) -> list[Result]:
    """Pass articles through the stages (``settings``, or stage names with default settings); a failing
    article becomes a Failure, the rest go on."""
    if not isinstance(settings, PipelineSettings):
        settings = PipelineSettings(tuple(settings))
    return _pipeline(settings).process(articles, timer)
