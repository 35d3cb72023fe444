"""Engines: where the batches of a run are processed.

An engine maps a picklable job function (see :mod:`dateline.run._work`) over a
window of payloads and gives the results back **in input order**, so every
engine produces the same output as one local worker:

- :class:`LocalEngine` runs in this process;
- :class:`ProcessEngine` runs a pool of ``workers`` processes (spawned, one
  BLAS thread each, the spaCy model loaded once per worker);
- :class:`RayEngine` runs ``workers`` Ray actors started once per run (the model
  loaded once per actor), on a local Ray or on the cluster at ``address``.

``window`` says how many batches the runner should hand over at once to keep
every worker busy.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Protocol, TypeVar

from dateline.errors import EngineError, UsageError

__all__ = ["Engine", "EngineError", "LocalEngine", "ProcessEngine", "RayEngine", "make_engine"]

P = TypeVar("P")
R = TypeVar("R")

#: Environment that keeps numerical libraries to one thread per worker process,
#: so N workers use N cores instead of fighting over them.
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

#: Batches handed to the Ray engine at once, per actor: enough that actors rarely
#: wait at the end of a window (results are written in order) while the driver
#: holds a bounded number of articles (4 x workers x batch size).
RAY_WINDOW_PER_WORKER = 4


class Engine(Protocol):
    """Maps a job over payloads, results in input order."""

    window: int

    def map(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None: ...


class _Closing:
    def close(self) -> None:
        """Release workers (nothing to do here)."""

    def __enter__(self) -> Any:
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class LocalEngine(_Closing):
    """Everything in this process, one batch at a time."""

    window = 1

    def map(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]:
        return (func(p) for p in payloads)


def _init_worker(preload: bool) -> None:
    os.environ.update(SINGLE_THREAD_ENV)
    if preload:
        from dateline.annotate import load_model

        load_model()


class ProcessEngine(_Closing):
    """A pool of worker processes; the model loads once per worker."""

    def __init__(self, workers: int, *, preload: bool = True) -> None:
        if workers < 1:
            raise UsageError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.window = 2 * workers
        # spawn: a fresh interpreter per worker, no forked threads or half-loaded models.
        # An executor (not multiprocessing.Pool) so that a worker that dies fails the run
        # instead of hanging it.
        self._pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=(preload,)
        )

    def map(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]:
        try:
            yield from self._pool.map(func, payloads)
        except BrokenProcessPool as exc:
            raise EngineError(
                f"a worker process died while processing a batch ({exc}); batches already written are kept: "
                "run again to resume, with fewer workers or a smaller --batch-size if memory ran out"
            ) from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class RayEngine(_Closing):
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

    def map(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]:
        return self._pool.map(func, payloads)  # type: ignore[no-any-return]

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
    """The engine a run asked for; ``workers`` None means one process locally, one actor per cluster CPU but
    one on Ray."""
    if engine == "ray":
        return RayEngine(workers, ray_address, preload=preload)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r}; use 'local' or 'ray'")
    if ray_address is not None:
        raise UsageError("a Ray address only makes sense with engine='ray'")
    workers = 1 if workers is None else workers
    if workers < 1:
        raise UsageError(f"workers must be at least 1, got {workers}")
    return LocalEngine() if workers == 1 else ProcessEngine(workers, preload=preload)
