"""The quality gate: every task's floors on public gold data, from one baseline file.

``baseline.json`` beside this file names, per task, the sample scored (``limit``),
the counts that sample must have, and the floors (and ceilings) of its metrics.
A regression below a floor fails here; so does a metric the baseline names that
the evaluation no longer reports.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluation import TASKS, Report

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))
GATED: dict[str, dict[str, Any]] = BASELINE["tasks"]


def test_baseline_names_known_tasks_and_sane_floors() -> None:
    assert set(GATED) <= set(TASKS)
    for task, gate in GATED.items():
        assert isinstance(gate["limit"], int) and gate["limit"] > 0, task
        assert gate.get("floors") or gate.get("ceilings"), task
        for name, floor in gate.get("floors", {}).items():
            measured = gate.get("measured", {}).get(name)
            assert measured is None or floor <= measured, f"{task} {name}: floor {floor} above measured {measured}"


def _score(task: str, shared: Path, limit: int) -> Report:
    module = importlib.import_module(TASKS[task])
    data = shared / module.DEFAULT_DATA
    if not data.exists():
        pytest.skip(f"gold data for {task} not found at {data}")
    report: Report = module.evaluate(data, limit=limit)
    return report


@pytest.mark.slow
@pytest.mark.parametrize("task", sorted(GATED))
def test_quality_gate(task: str, shared: Path) -> None:
    gate = GATED[task]
    metrics = _score(task, shared, gate["limit"]).metrics
    problems = [f"{name} is {metrics.get(name)}, expected {count}"
                for name, count in gate.get("counts", {}).items() if metrics.get(name) != count]
    for name, floor in gate.get("floors", {}).items():
        if name not in metrics or metrics[name] < floor:
            problems.append(f"{name} = {metrics.get(name)} is under its floor {floor}")
    for name, ceiling in gate.get("ceilings", {}).items():
        if name not in metrics or metrics[name] > ceiling:
            problems.append(f"{name} = {metrics.get(name)} is over its ceiling {ceiling}")
    for name, other in gate.get("not_below", {}).items():
        if metrics.get(name, -1) < metrics.get(other, 0):
            problems.append(f"{name} = {metrics.get(name)} fell below {other} = {metrics.get(other)}")
    assert not problems, f"{task}: " + "; ".join(problems)
