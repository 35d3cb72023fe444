"""Ray plumbing for :class:`dateline.run.engines.RayEngine` (imported only when Ray is used).

A run starts ``workers`` Ray actors once and feeds them every batch until it
ends, so each actor loads the spaCy model (and the gazetteer, lexicons and
knowledge base, on its first batch) once per run. The driver sends each job,
oldest first, to an actor as soon as one has fewer than :data:`ACTOR_QUEUE`
unfinished jobs, and takes results in input order; the runner bounds how many
are in flight.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from dateline.errors import EngineError, UsageError
from dateline.run.engines import SINGLE_THREAD_ENV as _ENV

P = TypeVar("P")
R = TypeVar("R")

#: Times Ray restarts an actor that died (a lost node, a killed process) and
#: retries its jobs; the jobs are pure, so a retry gives the same result. A job
#: that kills its actor every time (memory) fails the run after these retries.
MAX_ACTOR_RESTARTS = 2
#: Unfinished jobs an actor is sent at most: one it works on and one waiting, so that it never waits for
#: the driver between two jobs; the run's other jobs wait in the driver for the first actor with room.
ACTOR_QUEUE = 2


def connect(address: str | None) -> bool:
    """Use the running Ray, or start/join one; True when this call started it."""
    import ray

    if ray.is_initialized():
        return False
    try:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": _ENV})
    except (ConnectionError, ValueError, RuntimeError) as exc:
        where = address or "a local Ray"
        raise UsageError(f"cannot start or join Ray at {where}: {exc}; check the address (ray status)") from exc
    return True


def cluster_cpus() -> float:
    import ray

    return float(ray.cluster_resources().get("CPU", 1.0))  # type: ignore[no-untyped-call]


class _Worker:
    """One Ray actor for a whole run: runs the jobs it receives; caches (the model) live as long as it does."""

    def __init__(self, preload: bool) -> None:
        os.environ.update(_ENV)
        if preload:
            from dateline.annotate import load_model

            load_model()

    def run(self, func: Callable[[Any], Any], payload: Any) -> Any:
        return func(payload)


class _RayJob(Generic[R]):
    """A job for an actor: held by the pool until an actor has room, then sent; an actor that keeps dying becomes
    an EngineError."""

    def __init__(self, pool: ActorPool, func: Callable[[Any], R], payload: Any) -> None:
        self._pool, self.func, self.payload = pool, func, payload
        self.ref: Any = None  # set when the job is sent to an actor

    def result(self) -> R:
        import ray
        from ray.exceptions import RayActorError

        self._pool.wait_for(self)
        try:
            value: R = ray.get(self.ref)
        except RayActorError as exc:
            raise EngineError(
                f"a Ray actor died while processing a batch ({exc}); batches already written are kept: "
                "run again to resume, with fewer workers or a smaller --batch-size if memory ran out"
            ) from exc
        return value

    def done(self) -> bool:
        return self._pool.finished(self)


class ActorPool:
    """``size`` long-lived actors, each asking for ``cpus`` CPUs.

    Jobs go to actors as they have room (:data:`ACTOR_QUEUE` unfinished jobs each), oldest first: a job is
    not tied to an actor when it is submitted, so the last jobs of a run go to whichever actor is free
    first and the actors end together.
    """

    def __init__(self, size: int, cpus: float, *, preload: bool) -> None:
        import ray

        remote: Any = ray.remote(_Worker).options(
            num_cpus=cpus, max_restarts=MAX_ACTOR_RESTARTS, max_task_retries=MAX_ACTOR_RESTARTS
        )
        self._actors: list[Any] = [remote.remote(preload) for _ in range(size)]
        self._running: list[list[Any]] = [[] for _ in range(size)]  # refs sent to each actor, not seen finished
        self._held: deque[_RayJob[Any]] = deque()  # jobs waiting for an actor with room, oldest first

    def submit(self, func: Callable[[P], R], payload: P) -> _RayJob[R]:
        """A job for the first actor with room (sent now if one has)."""
        job = _RayJob(self, func, payload)
        self._held.append(job)
        self._dispatch()
        return job

    def finished(self, job: _RayJob[Any]) -> bool:
        """Whether ``job`` has finished (held jobs are sent to actors with room meanwhile); never waits."""
        import ray

        self._dispatch()
        return job.ref is not None and bool(ray.wait([job.ref], timeout=0)[0])

    def wait_for(self, job: _RayJob[Any]) -> None:
        """Until ``job`` has finished, sending held jobs to actors as they finish theirs."""
        import ray

        while job.ref is None or not ray.wait([job.ref], timeout=0)[0]:
            running = [ref for refs in self._running for ref in refs]
            ray.wait(running, num_returns=1)
            self._dispatch()

    def _dispatch(self) -> None:
        import ray

        sent = [ref for refs in self._running for ref in refs]
        if sent:
            finished = set(ray.wait(sent, num_returns=len(sent), timeout=0)[0])
            self._running = [[ref for ref in refs if ref not in finished] for refs in self._running]
        while self._held:
            actor = min(range(len(self._actors)), key=lambda a: len(self._running[a]))
            if len(self._running[actor]) >= ACTOR_QUEUE:
                return
            job = self._held.popleft()
            job.ref = self._actors[actor].run.remote(job.func, job.payload)
            job.payload = None  # Ray holds it now
            self._running[actor].append(job.ref)

    def close(self) -> None:
        import ray

        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
