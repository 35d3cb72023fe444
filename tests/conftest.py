"""Shared fixtures: the shared data folder (skipped when absent) and the spaCy model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_root() -> Path:
    """Where the shared data lives: $DATELINE_SHARED, else ../shared beside the project."""
    return Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_root()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    path = shared / "seed" / "rferl-2017-07-07-trump-putin-g20.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    return path


@pytest.fixture(scope="session")
def nlp() -> Any:
    from dateline.annotate import load_model

    return load_model()
