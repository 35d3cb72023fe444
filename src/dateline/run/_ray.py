"""Ray plumbing for :class:`dateline.run.engines.RayEngine` (imported only when Ray is used).

A run starts ``workers`` Ray actors once and feeds them every batch until it
ends, so each actor loads the spaCy model (and the gazetteer, lexicons and
knowledge base, on its first batch) once per run. The driver sends each job
to the actor with the fewest jobs waiting and takes results in input order;
the runner bounds how many are in flight.
"""

from __future__ import annotations

import os
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
    """A job on an actor; an actor that keeps dying becomes an EngineError."""

    def __init__(self, pool: ActorPool, actor: int, ref: Any) -> None:
        self._pool, self._actor, self._ref = pool, actor, ref
        self._taken = False

    def result(self) -> R:
        import ray
        from ray.exceptions import RayActorError

        try:
            value: R = ray.get(self._ref)
        except RayActorError as exc:
            raise EngineError(
                f"a Ray actor died while processing a batch ({exc}); batches already written are kept: "
                "run again to resume, with fewer workers or a smaller --batch-size if memory ran out"
            ) from exc
        finally:
            if not self._taken:
                self._taken = True
                self._pool._done(self._actor)
        return value


class ActorPool:
    """``size`` long-lived actors, each asking for ``cpus`` CPUs."""

    def __init__(self, size: int, cpus: float, *, preload: bool) -> None:
        import ray

        remote: Any = ray.remote(_Worker).options(
            num_cpus=cpus, max_restarts=MAX_ACTOR_RESTARTS, max_task_retries=MAX_ACTOR_RESTARTS
        )
        self._actors: list[Any] = [remote.remote(preload) for _ in range(size)]
        self._queued = [0] * size  # jobs sent to each actor whose results were not taken yet

    def submit(self, func: Callable[[P], R], payload: P) -> _RayJob[R]:
        """Send a job to the actor with the fewest jobs waiting on it."""
        actor = self._queued.index(min(self._queued))
        self._queued[actor] += 1
        return _RayJob(self, actor, self._actors[actor].run.remote(func, payload))

    def _done(self, actor: int) -> None:
        self._queued[actor] -= 1

    def close(self) -> None:
        import ray

        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
