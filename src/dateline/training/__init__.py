"""Training the learned parts of the stages from labelled data (never at run time).

Each task module exposes ``DEFAULT_DATA`` (its training data, relative to the
shared data root, by default ``../shared``) and
``train(data, out, *, seed=0) -> TrainingReport``; ``dateline train TASK``
runs one and writes the artifact (and its model card) under ``out``, by
default where the stage loads it from: ``dateline/lang/<code>/models/``. A
stage whose artifact is missing still runs, on its rules, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import InputError

__all__ = ["TASKS", "TrainingReport", "require"]

#: Task name -> module under dateline.training.
TASKS: dict[str, str] = {
    "events": "dateline.training.events",
    "event-places": "dateline.training.event_places",
    "places": "dateline.training.places",
    "places-rank": "dateline.training.places_rank",
    "proposals": "dateline.training.proposals",
    "quote-cues": "dateline.training.quote_cues",
    "quotes": "dateline.training.quotes",
    "roles": "dateline.training.roles",
}


@dataclass(frozen=True)
class TrainingReport:
    """What a training run made: the files written, its figures (on held-out data) and notes."""

    task: str
    data: str
    artifacts: tuple[Path, ...]
    metrics: dict[str, float | int]
    notes: tuple[str, ...] = field(default=())


def require(task: str, data: Path, *needed: str) -> Path:
    """``data`` as a path once every one of ``needed`` (paths under it) is there; else an InputError that
    names what the task needs."""
    data = Path(data)
    if not all((data / name).exists() for name in needed):
        raise InputError(f"training data for {task} not found under {data}: it needs {' and '.join(needed)}",
                         source=str(data))
    return data
