"""Evaluations over public gold data: one module per task.

Each task module exposes ``DEFAULT_DATA`` (its folder, relative to the shared
data root, by default ``../shared``) and ``evaluate(data, limit=None) -> Report``.
``dateline eval TASK`` runs one and prints its report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TASKS", "Report", "f1"]

#: Task name -> module under dateline.evaluation.
TASKS: dict[str, str] = {
    "extraction": "dateline.evaluation.extraction",
    "times": "dateline.evaluation.times",
    "places": "dateline.evaluation.places",
    "events": "dateline.evaluation.events",
    "actors": "dateline.evaluation.actors",
    "agreement": "dateline.evaluation.agreement",
    "quotes": "dateline.evaluation.quotes",
    "dedup": "dateline.evaluation.dedup",
    "stories": "dateline.evaluation.stories",
}


@dataclass(frozen=True)
class Report:
    """Scores of one evaluation. ``metrics`` maps a dotted name (``"html.f1"``) to a value; ``details``
    holds figures per item (per article) for reading errors, shown with ``--json``."""

    task: str
    data: str
    metrics: dict[str, float | int]
    notes: tuple[str, ...] = field(default=())
    details: Mapping[str, Any] = field(default_factory=dict)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
