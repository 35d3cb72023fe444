"""Engines: where the batches of a run are processed.

An engine takes a picklable job function (see :mod:`dateline.run._work`) and
one payload at a time (:meth:`Engine.submit`), and gives back a handle whose
``result()`` waits for it; :meth:`Engine.map` runs a whole list, results in
input order. The runner keeps a few batches in flight and takes their results
in input order, so every engine produces the same output:

- :class:`LocalEngine` runs each job at once, in this process;
- :class:`ProcessEngine` runs a pool of ``workers`` processes (spawned, one
  BLAS thread each, the spaCy model loaded once per worker, started at once so
  that they load while the run reads its first inputs). With one worker, the
  run's own process reads, deduplicates and writes the store while the worker
  parses: the two overlap on two cores;
- :class:`RayEngine` runs ``workers`` Ray actors started once per run (the model
  loaded once per actor), on a local Ray or on the cluster at ``address``.

``window`` says how many batches the runner keeps in flight to keep every
worker busy.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

from dateline.errors import EngineError, UsageError

__all__ = ["Done", "Engine", "EngineError", "Handle", "LocalEngine", "ProcessEngine", "RayEngine", "make_engine"]

P = TypeVar("P")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

#: Environment that keeps numerical libraries to one thread per worker process,
#: so N workers use N cores instead of fighting over them.
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

#: Batches in flight on the Ray engine, per actor: enough that actors rarely
#: wait at the end of a window (results are written in order) while the driver
#: holds a bounded number of articles (4 x workers x batch size being analyzed,
#: as many again being cleaned when near-duplicates are checked).
RAY_WINDOW_PER_WORKER = 4
#: Batches in flight per worker process: one being worked on, one waiting, so that
#: a worker never waits for the run's own process to write a batch.
PROCESS_WINDOW_PER_WORKER = 2

_DIED = ("a worker {what} died while processing a batch ({exc}); batches already written are kept: "
         "run again to resume, with fewer workers or a smaller --batch-size if memory ran out")


class Handle(Protocol[R_co]):
    """A job in flight: ``result()`` waits for it and returns its result (or raises its error); ``done()``
    says, without waiting, whether it has finished."""

    def result(self) -> R_co: ...

    def done(self) -> bool: ...


class Engine(Protocol):
    """Runs jobs; :meth:`map` keeps input order."""

    window: int
    beside: bool

    def submit(self, func: Callable[[P], R], payload: P) -> Handle[R]: ...

    def map(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None: ...


class _Base:
    window = 1
    #: Whether the engine is one worker process beside the run's own, which then shares the work (see
    #: :mod:`dateline.run._work`): the worker parses, the run's process does the rest.
    beside = False

    def submit(self, func: Callable[[P], R], payload: P) -> Handle[R]:
        raise NotImplementedError

    def map(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]:
        """Every payload through ``func``, results in input order, at most ``window`` in flight."""
        pending: list[Handle[R]] = []
        for payload in payloads:
            pending.append(self.submit(func, payload))
            if len(pending) >= self.window:
                yield pending.pop(0).result()
        for handle in pending:
            yield handle.result()

    def close(self) -> None:
        """Release workers (nothing to do here)."""

    def __enter__(self) -> Any:
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class Done(Generic[R]):
    """The handle of a job that ran at once."""

    def __init__(self, value: R) -> None:
        self._value = value

    def result(self) -> R:
        return self._value

    def done(self) -> bool:
        return True


class LocalEngine(_Base):
    """Everything in this process: a job runs when it is submitted."""

    window = 1

    def submit(self, func: Callable[[P], R], payload: P) -> Handle[R]:
        return Done(func(payload))


def _init_worker(preload: bool) -> None:
    os.environ.update(SINGLE_THREAD_ENV)
    if preload:
        from dateline.annotate import load_model

        load_model()


def _ready() -> None:
    """A job that only makes a worker start (and so load the model)."""


class _Pooled(Generic[R]):
    """A job on a worker process; a worker that dies becomes an EngineError."""

    def __init__(self, future: Future[R]) -> None:
        self._future = future

    def result(self) -> R:
        try:
            return self._future.result()
        except BrokenProcessPool as exc:
            raise EngineError(_DIED.format(what="process", exc=exc)) from exc

    def done(self) -> bool:
        return self._future.done()


class ProcessEngine(_Base):
    """A pool of worker processes; the model loads once per worker, as soon as the engine is made."""

    def __init__(self, workers: int, *, preload: bool = True) -> None:
        if workers < 1:
            raise UsageError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.window = PROCESS_WINDOW_PER_WORKER * workers
        self.beside = workers == 1
        # spawn: a fresh interpreter per worker, no forked threads or half-loaded models.
        # An executor (not multiprocessing.Pool) so that a worker that dies fails the run
        # instead of hanging it.
        self._pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=(preload,)
        )
        for _ in range(workers):
            self._pool.submit(_ready)  # start the workers now: they load while the run reads its first inputs

    def submit(self, func: Callable[[P], R], payload: P) -> Handle[R]:
        try:
            return _Pooled(self._pool.submit(func, payload))
        except BrokenProcessPool as exc:
            raise EngineError(_DIED.format(what="process", exc=exc)) from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class RayEngine(_Base):
    """``workers`` Ray actors started once for the whole run, each loading the model once."""

    def __init__(self, workers: int | None = None, address: str | None = None, *, preload: bool = True) -> None:
        from dateline.run import _ray

        if workers is not None and workers < 1:
            raise UsageError(f"workers must be at least 1, got {workers}")
        self._owns_ray = _ray.connect(address)
        cpus = _ray.cluster_cpus()
        # By default one CPU is left to the driver, which reads, deduplicates and writes the store.
        self.workers = workers if workers is not None else max(1, int(cpus) - 1)
        # More actors than CPUs share them, so that every actor can start.
        self.cpus_per_actor = min(1.0, max(0.01, cpus / self.workers))
        self.window = RAY_WINDOW_PER_WORKER * self.workers
        try:
            self._pool: Any = _ray.ActorPool(self.workers, self.cpus_per_actor, preload=preload)
        except BaseException:
            self._shutdown()
            raise

    def submit(self, func: Callable[[P], R], payload: P) -> Handle[R]:
        handle: Handle[R] = self._pool.submit(func, payload)
        return handle

    def close(self) -> None:
        try:
            self._pool.close()
        finally:
            self._shutdown()

    def _shutdown(self) -> None:
        if self._owns_ray:
            import ray

            ray.shutdown()
            self._owns_ray = False


def make_engine(engine: str, workers: int | None = None, ray_address: str | None = None, *,
                preload: bool = True) -> Engine:
    """The engine a run asked for.

    Local: ``workers`` processes (default one, beside the run's own process), or 0 for
    everything in this process. Ray: ``workers`` actors (default one per cluster CPU but one).
    """
    if engine == "ray":
        return RayEngine(workers, ray_address, preload=preload)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r}; use 'local' or 'ray'")
    if ray_address is not None:
        raise UsageError("a Ray address only makes sense with engine='ray'")
    workers = 1 if workers is None else workers
    if workers < 0:
        raise UsageError(f"workers must be 0 (this process) or more, got {workers}")
    return LocalEngine() if workers == 0 else ProcessEngine(workers, preload=preload)
