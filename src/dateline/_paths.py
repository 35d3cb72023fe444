"""Where the shared data lives (corpora, gold evaluation sets), which is never shipped in the package."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["shared_root"]


def shared_root() -> Path:
    """$DATELINE_SHARED; else ``../shared`` from the current folder; else ``shared`` beside a source checkout."""
    if "DATELINE_SHARED" in os.environ:
        return Path(os.environ["DATELINE_SHARED"])
    here = Path("../shared")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[3] / "shared"
