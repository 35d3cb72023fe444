"""Precision and recall of near-duplicate detection on pairs built from a corpus.

The corpus (JSONL with ``id`` and ``text``) is split in two halves by position.
The first half is indexed as originals. Queries are:

- positives: copies of indexed articles, edited the way wire copy is on other
  sites -- a new lead sentence, the ending trimmed (to 60-85%), a byline and a
  credit line added or changed, and all of these together;
- negatives: the articles of the second half (distinct articles, many on the
  same topics: Wikinews covers a story over several days), and the hardest of
  them, the ones that share the most vocabulary with an indexed article.

A query is right when it finds exactly its original (positives) or nothing
(negatives). The variants are deterministic: the same corpus gives the same figures.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from dateline.errors import InputError
from dateline.run.dedup import THRESHOLD, Deduplicator, signature, similarity

Variant = Callable[[str, int], str]

#: Thresholds reported beside :data:`dateline.run.dedup.THRESHOLD`, to show the trade-off.
SWEEP = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LEADS = (
    "In a development closely watched around the world, officials confirmed the news on Tuesday.",
    "Here is what we know so far about the story, which continues to unfold.",
    "The following report was updated with new details as they became available.",
)
_BYLINES = ("By Staff Reporter, Associated Press", "By Maria Lopez | Reuters", "From our correspondent")
_CREDITS = (
    "(Reporting by Jane Doe; editing by John Smith)",
    "Copyright 2020 The Associated Press.",
    "With reporting by AFP",
)


def _new_lead(text: str, k: int) -> str:
    sentences = _SENTENCE.split(text.strip())
    return " ".join([_LEADS[k % len(_LEADS)], *sentences[1:]])


def _trimmed(text: str, k: int) -> str:
    words = text.split(" ")
    keep = (0.6, 0.7, 0.85)[k % 3]
    return " ".join(words[: max(1, int(len(words) * keep))])


def _byline(text: str, k: int) -> str:
    return f"{_BYLINES[k % len(_BYLINES)]}\n\n{text}\n\n{_CREDITS[k % len(_CREDITS)]}"


def _all(text: str, k: int) -> str:
    return _byline(_trimmed(_new_lead(text, k), k), k)


VARIANTS: dict[str, Variant] = {"lead": _new_lead, "trimmed": _trimmed, "byline": _byline, "all": _all}


def _load(corpus: Path) -> list[tuple[str, str]]:
    try:
        lines = corpus.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the corpus: {exc}", source=str(corpus)) from exc
    rows = [json.loads(line) for line in lines if line.strip()]
    texts = [(str(r.get("id") or i), str(r.get("text") or "")) for i, r in enumerate(rows)]
    texts = [(i, t) for i, t in texts if len(t.split()) >= 50]
    if len(texts) < 4:
        raise InputError("needs at least 4 articles of 50+ words with a 'text' field", source=str(corpus))
    return texts


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())}


def _hard_negatives(index: list[tuple[str, str]], others: list[tuple[str, str]]) -> list[str]:
    """Ids of the quarter of ``others`` whose vocabulary overlaps an indexed article the most."""
    words = [_content_words(t) for _, t in index]
    scored = []
    for other_id, text in others:
        mine = _content_words(text)
        overlap = max(len(mine & w) / max(1, len(mine | w)) for w in words)
        scored.append((overlap, other_id))
    scored.sort(reverse=True)
    return [i for _, i in scored[: max(1, len(scored) // 4)]]


def evaluate_corpus(corpus: Path, limit: int | None = None) -> dict[str, float | int]:
    """Precision and recall on pairs built from ``corpus`` (its first ``limit`` articles when given)."""
    texts = _load(corpus)[:limit]
    half = len(texts) // 2
    index, others = texts[:half], texts[half:]
    signatures = {i: signature(t) for i, t in index}
    queries: list[tuple[str, str, str | None]] = []  # (kind, signature source text, expected original)
    for k, (original, text) in enumerate(index):
        for name, variant in VARIANTS.items():
            queries.append((name, variant(text, k), original))
    hard = set(_hard_negatives(index, others))
    queries += [("hard_negative" if i in hard else "negative", t, None) for i, t in others]
    signed = [(kind, signature(text), expected) for kind, text, expected in queries]
    metrics: dict[str, float | int] = {
        "threshold": THRESHOLD,
        "originals": len(index),
        "pairs.positive": sum(e is not None for _, _, e in signed),
        "pairs.negative": sum(e is None for _, _, e in signed),
        "pairs.hard_negative": len(hard),
    }
    metrics |= _margins(signatures, signed)
    metrics |= _score_lsh(signatures, signed)
    for threshold in SWEEP:
        metrics |= _score_exact(signatures, signed, threshold)
    return metrics


def _counts(pairs: list[tuple[str, str | None, str | None]]) -> dict[str, float | int]:
    """Precision/recall from (kind, expected, found) triples, overall and per positive kind."""
    tp = sum(f is not None and f == e for _, e, f in pairs)
    fp = sum(f is not None and f != e for _, e, f in pairs)
    positives = sum(e is not None for _, e, _ in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 1.0
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    out: dict[str, float | int] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
    for kind in sorted({k for k, _, _ in pairs}):
        rows = [(e, f) for k, e, f in pairs if k == kind]
        right = sum(f == e for e, f in rows)
        out[f"{kind}.accuracy"] = round(right / len(rows), 4)
    return out


def _margins(
    signatures: dict[str, tuple[int, ...]], signed: list[tuple[str, tuple[int, ...], str | None]]
) -> dict[str, float | int]:
    """How far apart the classes are: the least similar copy, the most similar distinct article."""
    copies = [similarity(sig, signatures[e]) for _, sig, e in signed if e is not None]
    distinct = [max(similarity(sig, s) for s in signatures.values()) for _, sig, e in signed if e is None]
    return {"positive.min_similarity": round(min(copies), 4), "negative.max_similarity": round(max(distinct), 4)}


def _score_lsh(
    signatures: dict[str, tuple[int, ...]], signed: list[tuple[str, tuple[int, ...], str | None]]
) -> dict[str, float | int]:
    dedup = Deduplicator(THRESHOLD)
    for key, sig in signatures.items():
        dedup.add(key, sig)
    pairs = [(kind, expected, dedup.find(f"query-{n}", sig)) for n, (kind, sig, expected) in enumerate(signed)]
    return _counts(pairs)


def _score_exact(
    signatures: dict[str, tuple[int, ...]], signed: list[tuple[str, tuple[int, ...], str | None]], threshold: float
) -> dict[str, float | int]:
    """The same scores with every pair compared (no LSH banding), at another threshold."""
    pairs: list[tuple[str, str | None, str | None]] = []
    for kind, sig, expected in signed:
        best = max(signatures, key=lambda key: similarity(sig, signatures[key]))
        found = best if similarity(sig, signatures[best]) >= threshold else None
        pairs.append((kind, expected, found))
    scores = _counts(pairs)
    return {f"sweep.{threshold:.1f}.{name}": scores[name] for name in ("precision", "recall", "f1")}
