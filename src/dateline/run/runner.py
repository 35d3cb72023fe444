"""Run the pipeline over inputs into the store and/or a JSONL file.

>>> summary = run(["news.jsonl"], RunOptions(workers=2), db=Path("news.duckdb"))  # doctest: +SKIP

A run reads documents as they come (:func:`dateline.ingest.iter_documents`),
skips those already stored (unless ``force``), cleans them, marks
near-duplicates (:mod:`dateline.run.dedup`) so they are stored with
``duplicate_of`` instead of being coded again, runs the analysis stages through
an engine (:mod:`dateline.run.engines`: in this process, in worker processes or on
Ray) and writes each batch to the store in one transaction. A run killed at any
point and started again therefore ends with every article stored exactly once:
whole batches are committed or none, and the rerun skips what is stored.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from dateline.errors import UsageError
from dateline.ingest import MAX_DOCUMENT_BYTES
from dateline.pipeline import DEFAULT_BATCH_SIZE, Pipeline, PipelineSettings
from dateline.records import Article, Document, Failure
from dateline.run._flow import WRITE_GROUP as WRITE_GROUP
from dateline.run._flow import Batch, Finished, Flow
from dateline.run._work import STORY_KEYS, Result
from dateline.run.dedup import Deduplicator
from dateline.run.engines import Engine, make_engine
from dateline.serialize import article_to_dict

if TYPE_CHECKING:
    from dateline.store import Store

__all__ = ["KEPT_FAILURES", "LOCK_WAIT_SECONDS", "RunOptions", "RunSummary", "Skipped", "engine_for", "run"]

#: Failures a summary keeps to list (the store keeps them all): a run over a million bad lines
#: must not hold a million failures in memory.
KEPT_FAILURES = 100
#: Items (documents and failures) after which a batch is written even when it holds fewer than
#: ``batch_size`` documents, so that long runs of bad input are stored in bounded transactions.
MAX_BATCH_ITEMS = 1000
#: Writes (of a group) after which the store's log is folded into its file when the run lets go of it; the
#: others leave what they wrote in the log (see :meth:`dateline.store.Store.holding`), and the run folds the
#: rest when it ends. Opening the store reads the log back, which costs less than a fold until the log holds
#: a few batches: 4 saves the run's process 1.1 of 2.8 CPU seconds of opening and closing per 1,000 articles.
FOLD_EVERY = 4
#: How long a write waits for another process (``dateline serve`` taking a snapshot, a query of
#: ``dateline stats``) to let go of the store, in seconds.
LOCK_WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class Skipped:
    """A document a run did not process: ``stored`` (already in the store) or ``repeated`` (seen earlier
    in this run, same id)."""

    id: str
    source: str
    reason: Literal["stored", "repeated"]


Progress = Callable[[Article | Failure | Skipped], None]


@dataclass(frozen=True)
class RunOptions:
    """How to run.

    ``pipeline``: the stages after cleaning, in order, and their settings. ``batch_size``: documents
    per batch (one store transaction each). ``workers``: worker processes (local
    engine; default one, beside this process, which reads, deduplicates and writes meanwhile; 0: everything
    in this process) or Ray actors (Ray engine; default one per cluster CPU but one).
    ``engine``: ``"local"`` or ``"ray"``; ``ray_address``: the Ray cluster to join
    (default: start a local one). ``force``: reprocess and replace stored articles.
    ``published``: ISO date for documents that declare none; ``published_overrides``: that date
    replaces the dates documents declare too. ``dedup``: mark
    near-duplicates instead of coding them again. ``max_bytes``: the largest
    document (file, JSONL line, WARC record) read; larger ones become failures.
    ``stories``: after each batch is stored, link its articles into stories and its events into
    instances (:mod:`dateline.stories`).
    """

    pipeline: PipelineSettings = PipelineSettings()
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int | None = None
    engine: Literal["local", "ray"] = "local"
    ray_address: str | None = None
    force: bool = False
    published: str | None = None
    published_overrides: bool = False
    dedup: bool = True
    max_bytes: int = MAX_DOCUMENT_BYTES
    stories: bool = True


@dataclass(frozen=True)
class RunSummary:
    """What a run did. ``articles`` counts articles written (duplicates included);
    ``skipped`` those already stored or repeated; ``words`` the words of the articles written;
    ``failures`` the first :data:`KEPT_FAILURES` of the ``failed`` documents; ``not_read`` files a
    directory held that are no input (unknown suffix), as (path, reason), and ``not_read_count`` how many."""

    articles: int
    failed: int
    skipped: int
    duplicates: int
    seconds: float
    failures: tuple[Failure, ...]
    words: int
    not_read: tuple[tuple[str, str], ...] = ()
    not_read_count: int = 0


@dataclass
class _Tally:
    articles: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    words: int = 0
    failures: list[Failure] = field(default_factory=list)
    not_read: list[tuple[str, str]] = field(default_factory=list)
    not_read_count: int = 0

    def add(self, result: Result) -> None:
        if isinstance(result, Failure):
            self.failed += 1
            if len(self.failures) < KEPT_FAILURES:
                self.failures.append(result)
            return
        self.articles += 1
        self.duplicates += result.duplicate_of is not None
        self.words += len(result.text.split())

    def skip(self, path: str, reason: str) -> None:
        self.not_read_count += 1
        if len(self.not_read) < KEPT_FAILURES:
            self.not_read.append((path, reason))

    def summary(self, seconds: float) -> RunSummary:
        return RunSummary(self.articles, self.failed, self.skipped, self.duplicates, seconds, tuple(self.failures),
                          self.words, tuple(self.not_read), self.not_read_count)


def run(
    inputs: Sequence[str],
    options: RunOptions,
    *,
    db: Path | None = None,
    jsonl_out: Path | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> RunSummary:
    """Process ``inputs`` into the store at ``db`` and/or contract JSONL at ``jsonl_out``.

    ``engine``: one the caller made (and closes) from these options, so that its workers can start loading
    while the caller does other work; by default the run makes its own. ``progress`` is called with each
    result once its batch is stored; with a store and no ``jsonl_out``, an article may come without its records
    (actors, events, quotes, times, places, boilerplate: where a job made its store rows, only those cross
    back), which are in the store.

    The store is opened for each batch (or for the batches that finished together) and closed after it (see
    :class:`dateline.store.Store`'s ``hold``), so ``dateline serve`` and other readers can look at it while
    the run goes on; a lock file beside it keeps a second run from writing the same store at the same time.
    """
    from dateline.ingest import iter_documents

    started = time.perf_counter()
    _check(options)
    tally = _Tally()
    report = progress or (lambda item: None)
    with contextlib.ExitStack() as stack:
        store = _open_store(stack, db)
        sink = stack.enter_context(jsonl_out.open("w", encoding="utf-8")) if jsonl_out is not None else None
        if engine is None:
            engine = stack.enter_context(engine_for(options))
        dedup = _deduplicator(options, store)
        known = _known(options, store)
        documents = iter_documents(list(inputs), published=options.published, max_bytes=options.max_bytes,
                                   published_overrides=options.published_overrides, on_skip=tally.skip)
        seen: set[str] = set()
        batches = (_unseen(b, known, seen, tally, report) for b in _batches(documents, options.batch_size))
        flow = Flow(options, engine, dedup, rows=store is not None, records=sink is not None)
        for count, group in enumerate(flow.run(batches), 1):
            if store is not None:
                _write(store, group, options, fold=count % FOLD_EVERY == 0)
            for batch, _ in group:
                if sink is not None:
                    _write_jsonl(sink, batch)
                for result in batch:
                    tally.add(result)
                    report(result)
        if store is not None:
            with store.holding():  # fold the last writes into the file
                pass
    return tally.summary(time.perf_counter() - started)


def _write(store: Store, group: list[Finished], options: RunOptions, *, fold: bool) -> None:
    """Finished batches under one opening of the store, each in its transaction and its stories linked after it."""
    from dateline.stories import attach

    with store.holding(fold=fold):
        for batch, prepared in group:
            store.write(batch, replace=options.force, prepared=prepared)
            if options.stories:
                attach(store, ahead=prepared.extra.get(STORY_KEYS) if prepared is not None else None)


def engine_for(options: RunOptions) -> Engine:
    """The engine ``options`` ask for, started (its workers load the model as soon as they exist)."""
    return make_engine(options.engine, options.workers, options.ray_address,
                       preload="annotate" in options.pipeline.stages)


def _check(options: RunOptions) -> None:
    """Refuse bad options before touching any input or output."""
    if options.batch_size < 1:
        raise UsageError(f"batch_size must be at least 1, got {options.batch_size}")
    if options.max_bytes < 1:
        raise UsageError(f"max_bytes must be at least 1, got {options.max_bytes}")
    Pipeline.from_settings(options.pipeline)  # check the stages and settings


def _open_store(stack: contextlib.ExitStack, db: Path | None) -> Store | None:
    from dateline.run._lock import run_lock
    from dateline.store import Store

    if db is None:
        return None
    stack.enter_context(run_lock(db))
    return stack.enter_context(Store(db, hold=False, wait=LOCK_WAIT_SECONDS))


def _known(options: RunOptions, store: Store | None) -> Callable[[Iterable[str]], set[str]]:
    """How the run finds documents already stored. A store that held no article when the run began has
    none to find (the run lock keeps other runs out; this run's own ids are skipped as repeated), which
    saves opening it for every batch read."""
    if store is None or options.force or not store.ids_starting("", 1):
        return lambda ids: set()
    return store.known_ids


def _deduplicator(options: RunOptions, store: Store | None) -> Deduplicator | None:
    if not options.dedup:
        return None
    return Deduplicator() if store is None else Deduplicator.from_store(store)


def _batches(items: Iterable[Document | Failure], batch_size: int) -> Iterator[Batch]:
    """Group items into batches of ``batch_size`` documents (and at most MAX_BATCH_ITEMS items)."""
    batch: Batch = []
    count = 0
    for item in items:
        batch.append(item)
        count += isinstance(item, Document)
        if count >= batch_size or len(batch) >= MAX_BATCH_ITEMS:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def _unseen(batch: Batch, known: Callable[[Iterable[str]], set[str]], seen: set[str], tally: _Tally,
            report: Progress) -> Batch:
    """Drop documents already stored, and documents this run has seen already (same id)."""
    stored = known(item.id for item in batch if isinstance(item, Document))
    kept: Batch = []
    for item in batch:
        if isinstance(item, Document):
            if item.id in stored or item.id in seen:
                tally.skipped += 1
                report(Skipped(item.id, item.source, "stored" if item.id in stored else "repeated"))
                continue
            seen.add(item.id)
        kept.append(item)
    return kept


def _write_jsonl(sink: IO[str], batch: list[Result]) -> None:
    for result in batch:
        if isinstance(result, Article):
            sink.write(json.dumps(article_to_dict(result), ensure_ascii=False) + "\n")
    sink.flush()
