"""Training tests read only the sets they write: the repository's own hand-coded sets are out of their reach."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.training import _coded


@pytest.fixture(autouse=True)
def _no_repository_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_coded, "REPOSITORY_EVAL", tmp_path / "no-repository-sets")
