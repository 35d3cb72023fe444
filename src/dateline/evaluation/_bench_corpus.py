"""What the benchmarks run on: the corpus rows they time and the machine they name."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from dateline._paths import shared_root

__all__ = ["FALLBACK", "corpus_rows", "default_corpus", "machine", "write_rows"]

FALLBACK = (
    "U.S. President Donald Trump met Russian President Vladimir Putin in Hamburg on Friday, July 7, 2017.",
    '"We had a very good meeting," Trump told reporters after the talks, which lasted more than two hours.',
    "Protesters gathered in the city centre on Saturday, and police said 20 officers were injured.",
)


def default_corpus() -> Path | None:
    """The shared Wikinews corpus, else the bundled sample, else None (built-in sentences)."""
    candidate = shared_root() / "corpora" / "wikinews.jsonl"
    if candidate.is_file():
        return candidate
    from dateline.cli.sample import sample_path

    sample = sample_path()
    return sample if sample.is_file() else None


def corpus_rows(corpus: Path | None, n: int) -> list[dict[str, str]]:
    """``n`` JSONL rows with a text from the corpus, cycled with new ids (``ID-1``, ``ID-2`` ...) when it has fewer."""
    rows: list[dict[str, str]] = []
    if corpus is not None:
        with corpus.open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
        rows = [r for r in rows if isinstance(r, dict) and r.get("text")]
    if not rows:
        rows = [{"id": f"builtin{i}", "text": text} for i, text in enumerate(FALLBACK)]
    out = []
    for k in range(n):
        row = rows[k % len(rows)]
        suffix = "" if k < len(rows) else f"-{k // len(rows)}"
        out.append({**row, "id": f"{row.get('id', k)}{suffix}"})
    return out


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def machine() -> str:
    return f"{platform.machine()} {platform.processor() or platform.system()}, {os.cpu_count()} CPUs"
