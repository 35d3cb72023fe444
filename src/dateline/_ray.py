"""Ray plumbing for :class:`dateline.engines.RayEngine` (imported only when Ray is used).

Each payload travels pickled in one row of its own block, so Ray Data has a
block for every actor to work on; an actor unpickles the job, runs it and sends
the pickled result back. Rows carry their index and the results are put back
in input order.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from dateline.engines import SINGLE_THREAD_ENV as _ENV
from dateline.errors import UsageError

P = TypeVar("P")
R = TypeVar("R")


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


class _Actor:
    """One Ray actor: runs the pickled jobs it receives; caches live as long as it does."""

    def __init__(self) -> None:
        os.environ.update(_ENV)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        outputs = []
        for blob in batch["payload"]:
            func, payload = pickle.loads(blob)
            outputs.append(pickle.dumps(func(payload), protocol=pickle.HIGHEST_PROTOCOL))
        result = np.empty(len(outputs), dtype=object)
        result[:] = outputs
        return {"index": batch["index"], "result": result}


def map_payloads(func: Callable[[P], R], payloads: Sequence[P], actors: int, cpus_per_actor: float) -> list[R]:
    """Run ``func`` over every payload on an actor pool; results in input order."""
    import ray.data

    if not payloads:
        return []
    rows = [
        {"index": i, "payload": pickle.dumps((func, p), protocol=pickle.HIGHEST_PROTOCOL)}
        for i, p in enumerate(payloads)
    ]
    dataset = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
        _Actor,
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(actors, len(rows))),
        num_cpus=cpus_per_actor,
    )
    results: dict[int, R] = {}
    for row in dataset.iter_rows():
        results[int(row["index"])] = pickle.loads(row["result"])
    return [results[i] for i in range(len(payloads))]
