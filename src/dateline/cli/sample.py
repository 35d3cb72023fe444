"""The sample articles shipped with dateline (invented illustrations; see data/sample/README.md)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["sample_path"]


def sample_path() -> Path:
    """Path of the bundled sample corpus (JSONL)."""
    return Path(str(resources.files("dateline") / "data" / "sample" / "articles.jsonl"))


if __name__ == "__main__":  # pragma: no cover
    print(sample_path())
