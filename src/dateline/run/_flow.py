"""Batches of a run through an engine (:mod:`dateline.run.runner`): cleaned, near-duplicates marked, analyzed,
a few in flight, and handed back in input order with the store rows a worker made for them."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from dateline.records import Article, Document, Failure
from dateline.run._work import (
    AnalyzeJob,
    Cleaned,
    CleanJob,
    ParseJob,
    Processed,
    ProcessJob,
    Result,
    analyze_job,
    clean_job,
    finish_parsed,
    parse_job,
    process_job,
    splits,
    warm_stages,
)
from dateline.run.dedup import Deduplicator
from dateline.run.engines import Done, Engine, Handle

if TYPE_CHECKING:
    from dateline.run.runner import RunOptions
    from dateline.store import Prepared

__all__ = ["WRITE_GROUP", "Batch", "Finished", "Flow"]

#: Finished batches written while the store is held once (each in its own transaction, its stories linked
#: after it, as when written one by one): a batch that has finished when the one before it is written goes
#: with it. Closing the store folds what was written into the file (a DuckDB checkpoint, whose cost grows
#: with the ``articles`` table), so fewer closes save the run's process work; the store is still held only
#: while the run writes.
WRITE_GROUP = 4

Batch = list[Document | Failure]
#: A batch's results, in input order, and the store rows a worker made for its articles (if it did).
Finished = tuple[list[Result], "Prepared | None"]


@dataclass
class _Cleaning:
    batch: Batch
    handle: Handle[list[Cleaned]]


@dataclass
class _Analyzing:
    batch: Batch
    results: list[Result]
    pending: tuple[Article, ...]
    handle: Handle[Any] | None  # of the analysis, or of the parse (split), or of the whole batch (whole)
    whole: bool = False  # the handle gives the result of every document of the batch (cleaned and analyzed)


class Flow:
    """Batches through the engine, a few in flight, results in input order.

    With near-duplicate detection, each batch is cleaned (and signed) on a
    worker, its near-duplicates are decided here in input order, and the rest
    is analyzed on a worker. Cleaning is sent ``engine.window`` batches ahead
    of the analysis that needs it: a worker runs its jobs in the order they
    came, so a cleaning sent just behind analyses would keep this process (and
    then the workers) waiting. Analysis runs ``engine.window`` batches ahead of
    the batch being written, so the workers keep working while this process
    writes finished batches. Without near-duplicate detection, a batch goes to
    a worker once, to be cleaned and analyzed there. With one worker beside
    this process (``engine.beside``), the worker only parses: cleaning and the
    stages after annotate run here while it parses.
    """

    def __init__(self, options: RunOptions, engine: Engine, dedup: Deduplicator | None, *, rows: bool,
                 records: bool = True) -> None:
        self.options, self.engine, self.dedup, self.rows, self.records = options, engine, dedup, rows, records
        self.cleaning: deque[_Cleaning] = deque()
        self.analyzing: deque[_Analyzing] = deque()
        # One worker beside this process: it parses; cleaning and the other stages run here meanwhile.
        self.split = engine.beside and splits(options.pipeline.stages)
        # Nothing to decide between cleaning and analysis: one job per batch.
        self.whole = dedup is None and not self.split
        self.warm = False

    def run(self, batches: Iterable[Batch]) -> Iterator[list[Finished]]:
        """Each batch's results in input order, with the store rows a worker made for its articles, if it did;
        in groups: the oldest batch with those after it that have finished too (at most :data:`WRITE_GROUP`).

        ``rows``: workers make the store rows of the articles they analyze (and their story keys); without
        ``records``, the articles they send back come without their records (see :class:`ProcessJob`).
        """
        for batch in batches:
            documents = tuple(i for i in batch if isinstance(i, Document))
            if self.whole:
                both = ProcessJob(self.options.pipeline, documents, self.rows, self.records, self.options.stories)
                whole: Handle[Processed] = self.engine.submit(process_job, both) if documents else Done(([], None))
                self.analyzing.append(_Analyzing(batch, [], (), whole, whole=True))
            else:
                job = CleanJob(documents, self.dedup is not None, self.options.pipeline)
                cleaned = Done(clean_job(job)) if self.split else self.engine.submit(clean_job, job)
                self.cleaning.append(_Cleaning(batch, cleaned))
                if len(self.cleaning) > self.engine.window or self.split:
                    self._analyze(self.cleaning.popleft())
            if len(self.analyzing) > self.engine.window:
                yield self._group()
        while self.cleaning:
            self._analyze(self.cleaning.popleft())
        while self.analyzing:
            yield self._group()

    def _group(self) -> list[Finished]:
        """The oldest batch (waited for) and the batches after it that have finished already."""
        group = [self._finish(self.analyzing.popleft())]
        while self.analyzing and len(group) < WRITE_GROUP and self._ready(self.analyzing[0]):
            group.append(self._finish(self.analyzing.popleft()))
        return group

    def _ready(self, analyzing: _Analyzing) -> bool:
        return analyzing.handle is None or analyzing.handle.done()

    def _analyze(self, cleaning: _Cleaning) -> None:
        results = _mark_duplicates(cleaning.handle.result(), self.dedup)
        pending = tuple(r for r in results if isinstance(r, Article) and r.duplicate_of is None)
        handle: Handle[Any] | None = None
        if pending and self.split:
            handle = self.engine.submit(parse_job, ParseJob(self.options.pipeline, pending))
            if not self.warm:
                warm_stages(self.options.pipeline)  # while the worker parses the first batch
                self.warm = True
        elif pending and self.options.pipeline.stages:
            job = AnalyzeJob(self.options.pipeline, pending, self.rows, self.records, self.options.stories)
            handle = self.engine.submit(analyze_job, job)
        self.analyzing.append(_Analyzing(cleaning.batch, results, pending, handle))

    def _finish(self, analyzing: _Analyzing) -> Finished:
        # Analyzed results replace the very objects that were sent (matched by identity).
        if analyzing.whole and analyzing.handle is not None:
            results, prepared = analyzing.handle.result()
            finished = iter(results)
            return [next(finished) if isinstance(item, Document) else item for item in analyzing.batch], prepared
        done: dict[int, Result] = {}
        prepared = None
        if analyzing.handle is not None:
            if self.split:
                analyzed = finish_parsed(self.options.pipeline, analyzing.pending, analyzing.handle.result())
            else:
                analyzed, prepared = analyzing.handle.result()
            done = {id(a): r for a, r in zip(analyzing.pending, analyzed, strict=True)}
        merged = iter([done.get(id(r), r) for r in analyzing.results])
        return [next(merged) if isinstance(item, Document) else item for item in analyzing.batch], prepared


def _mark_duplicates(cleaned: list[Cleaned], dedup: Deduplicator | None) -> list[Result]:
    results: list[Result] = []
    for result, sig in cleaned:
        if dedup is not None and isinstance(result, Article) and sig is not None:
            original = dedup.check(result.id, sig)
            if original is not None:
                result = replace(result, duplicate_of=original)
        results.append(result)
    return results
