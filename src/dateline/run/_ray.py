"""Ray plumbing for :class:`dateline.run.engines.RayEngine` (imported only when Ray is used).

A run starts ``workers`` Ray actors once and feeds them every batch until it
ends, so each actor loads the spaCy model once per run (not once per window of
batches). The driver sends a job to the actor with the least work queued,
keeps at most :data:`QUEUED_PER_ACTOR` jobs waiting on each, and hands the
results back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from dateline.errors import EngineError, UsageError
from dateline.run.engines import SINGLE_THREAD_ENV as _ENV

P = TypeVar("P")
R = TypeVar("R")

#: Jobs sent to one actor ahead of its results: two keep it busy while the
#: driver writes a finished batch, without piling a window's work on one actor.
QUEUED_PER_ACTOR = 2

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


class ActorPool:
    """``size`` long-lived actors, each asking for ``cpus`` CPUs."""

    def __init__(self, size: int, cpus: float, *, preload: bool) -> None:
        import ray

        remote: Any = ray.remote(_Worker).options(
            num_cpus=cpus, max_restarts=MAX_ACTOR_RESTARTS, max_task_retries=MAX_ACTOR_RESTARTS
        )
        self._actors: list[Any] = [remote.remote(preload) for _ in range(size)]

    def map(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]:
        """Run ``func`` over every payload; results in input order, as soon as each is next."""
        from ray.exceptions import RayActorError

        try:
            yield from self._ordered(func, payloads)
        except RayActorError as exc:
            raise EngineError(
                f"a Ray actor died while processing a batch ({exc}); batches already written are kept: "
                "run again to resume, with fewer workers or a smaller --batch-size if memory ran out"
            ) from exc

    def _ordered(self, func: Callable[[P], R], payloads: Sequence[P]) -> Iterator[R]:
        import ray

        queued = [0] * len(self._actors)
        running: dict[Any, tuple[int, int]] = {}  # object ref -> (payload index, actor index)
        done: dict[int, R] = {}
        sent = 0
        for index in range(len(payloads)):
            while index not in done:
                while sent < len(payloads) and min(queued) < QUEUED_PER_ACTOR:
                    actor = queued.index(min(queued))
                    ref = self._actors[actor].run.remote(func, payloads[sent])
                    running[ref] = (sent, actor)
                    queued[actor] += 1
                    sent += 1
                ready, _ = ray.wait(list(running), num_returns=1)
                for ref in ready:
                    finished, actor = running.pop(ref)
                    queued[actor] -= 1
                    done[finished] = ray.get(ref)
            yield done.pop(index)

    def close(self) -> None:
        import ray

        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
