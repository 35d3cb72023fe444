"""Near-duplicate detection: precision and recall on edited copies built from a corpus.

See :mod:`dateline.evaluation._dedup_pairs` for how the pairs are built (copies with new
leads, trimmed endings and changed bylines; distinct same-topic articles).
"""

from __future__ import annotations

from pathlib import Path

from dateline.evaluation import Report

__all__ = ["DEFAULT_DATA", "evaluate"]

DEFAULT_DATA = "corpora/wikinews.jsonl"


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score :class:`dateline.run.dedup.Deduplicator` on pairs built from the JSONL corpus ``data``."""
    from dateline.evaluation._dedup_pairs import evaluate_corpus

    metrics = evaluate_corpus(data, limit=limit)
    notes = ("positives: edited copies of the first half's articles; negatives: the second half's articles",)
    return Report("dedup", str(data), metrics, notes)
