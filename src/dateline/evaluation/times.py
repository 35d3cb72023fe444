"""Temporal expressions on TempEval-3 (TimeBank + AQUAINT, TBAQ-cleaned), scored TempEval-3 style.

Each ``.tml`` file holds the document creation time in ``<DCT>`` and the text
with inline TIMEX3 tags in ``<TEXT>``. The tags are stripped (offsets kept) to
build an :class:`Article` published on the DCT; the real annotation and the
times stage run on it, and its expressions are compared with the gold ones:

- span precision/recall/F1, strict (same offsets) and relaxed (any overlap);
- value precision/recall/F1: an expression counts when it overlaps a gold one
  and has the same value (TempEval-3's "value F1"); ``value.accuracy`` is the
  share of relaxed matches with the right value;
- type accuracy over relaxed matches.

Scores are given per subfolder (``TimeBank.*``, ``AQUAINT.*``) and overall, and each subfolder's value F1
for its two halves by sorted file name (``AQUAINT.half_a.*``: even positions, first included;
``AQUAINT.half_b.*``: odd ones), so that rules read on one half can be checked on the other (:func:`halves`).

The reader undoes one quirk of how the data is written: its quotation marks are the Penn Treebank's
(two backticks to open, two apostrophes to close; one backtick for a single quote), which news text
does not use. They are read as typographic quotation marks, so the stage sees quotes as it does in
news; offsets are taken after that, so gold spans still cover their expressions.

As in the official TempEval-3 scorer, values are compared as exact strings (``2000-W7`` is not
``2000-W07``) and value F1 equals value accuracy times relaxed span F1. Each gold expression pairs with
at most one system expression: a system span covering two gold ones ("Thursday, Jan. 6") scores once,
which the official scorer (pairing by aligned ids) does too; this happens once in TBAQ-cleaned.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.evaluation import Report, f1
from dateline.records import Article

__all__ = ["DEFAULT_DATA", "GoldTimex", "TmlDocument", "evaluate", "fills", "halves", "read_tml", "score"]

DEFAULT_DATA = "eval/time/tempeval3/TBAQ-cleaned"

#: Documents run through spaCy per batch.
BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A gold TIMEX3: offsets into the stripped text, value and type."""

    start: int
    end: int
    value: str | None
    type: str


@dataclass(frozen=True, slots=True)
class TmlDocument:
    """One TimeML document: its id, creation date, stripped text and gold expressions."""

    id: str
    dct: dt.date | None
    text: str
    timexes: tuple[GoldTimex, ...]


#: Penn Treebank quotation marks and what news text writes instead, in the order they are replaced: two
#: apostrophes open a quote too in some wire text (''60 Minutes.''), where they start a word.
_PTB_QUOTES = (
    (re.compile("``"), "\u201c"),
    (re.compile(r"(?<![^\s(\[])''(?=[^\s'])"), "\u201c"),
    (re.compile("''"), "\u201d"),
    (re.compile("`"), "\u2018"),
)


def _detokenize(text: str) -> str:
    """``text`` with Penn Treebank quotation marks written as typographic ones."""
    for ptb, mark in _PTB_QUOTES:
        text = ptb.sub(mark, text)
    return text


def _flatten(node: ET.Element, parts: list[str], gold: list[GoldTimex]) -> None:
    """Append the text under ``node`` to ``parts``, recording the TIMEX3 tags met on the way."""
    if node.text:
        parts.append(_detokenize(node.text))
    for child in node:
        start = sum(map(len, parts))
        _flatten(child, parts, gold)
        if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
            gold.append(GoldTimex(start, sum(map(len, parts)), child.get("value"), child.get("type", "DATE")))
        if child.tail:
            parts.append(_detokenize(child.tail))


def _dct(root: ET.Element) -> dt.date | None:
    timex = root.find("DCT/TIMEX3")
    value = (timex.get("value") or "") if timex is not None else ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_tml(path: Path) -> TmlDocument:
    """Parse one ``.tml`` file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(
            f"cannot parse TimeML: {exc}. Check the file is a TempEval-3 .tml file.", source=str(path)
        ) from exc
    body = root.find("TEXT")
    if body is None:
        raise InputError("no <TEXT> element. Check the file is a TempEval-3 .tml file.", source=str(path))
    parts: list[str] = []
    gold: list[GoldTimex] = []
    _flatten(body, parts, gold)
    return TmlDocument(path.stem, _dct(root), "".join(parts), tuple(gold))


def _overlap(a: GoldTimex, b: GoldTimex) -> bool:
    return a.start < b.end and b.start < a.end


_AGE = re.compile(r"\bold$", re.IGNORECASE)


def fills(gold: str | None, system: str | None) -> bool:
    """Whether ``system`` is ``gold`` or ``gold`` with its unknown digits filled in.

    TimeBank's coders often left unresolved what the text resolves: "last week" written on 1989-10-30
    is ``1989-WXX`` in some documents and ``1989-W43`` in others, "the quarter" ended Sept. 30 ``1989-QX``.
    That is a shortcut of the annotation, not another meaning; a system value that agrees with every
    known character of such a gold value fills it. Values of unknown amount (``PXY``) and the references
    (``PAST_REF``) are left to the exact comparison: there the X says the text gives no number.
    """
    if gold is None or system is None:
        return False
    if gold == system:
        return True
    if "X" not in gold or gold.startswith("P") or len(system) < len(gold):
        return False
    return all(g == s or (g == "X" and s.isalnum()) for g, s in zip(gold, system, strict=False))


def score(gold: tuple[GoldTimex, ...], system: list[GoldTimex], text: str = "") -> Counter[str]:
    """Counts for one document: gold, system, strict and relaxed matches, right values and types.

    ``ages`` counts system ages ("a 23-year-old") that match no gold expression: TimeBank does not
    annotate ages, dateline reports them as durations.
    """
    counts: Counter[str] = Counter(gold=len(gold), system=len(system))
    used: set[int] = set()
    for sys in system:
        match = next(
            (i for i, g in enumerate(gold) if i not in used and _overlap(g, sys)),
            None,
        )
        if match is None:
            counts["ages"] += bool(_AGE.search(text[sys.start : sys.end]))
            continue
        used.add(match)
        g = gold[match]
        counts["relaxed"] += 1
        counts["strict"] += (g.start, g.end) == (sys.start, sys.end)
        counts["value"] += g.value is not None and g.value == sys.value
        counts["value_filled"] += fills(g.value, sys.value)
        counts["type"] += g.type == sys.type
    return counts


def _dice(right: int, judged: int) -> float:
    """F1 as twice the right expressions over the system's and the gold's together (``judged``); 0 with none."""
    return 2 * right / judged if judged else 0.0


def _metrics(prefix: str, c: Counter[str]) -> dict[str, float | int]:
    out: dict[str, float | int] = {f"{prefix}{key}": c[key] for key in ("docs", "gold", "system")}
    for name in ("strict", "relaxed", "value"):
        p = c[name] / c["system"] if c["system"] else 0.0
        r = c[name] / c["gold"] if c["gold"] else 0.0
        key = "value" if name == "value" else f"span.{name}"
        out.update({f"{prefix}{key}.precision": p, f"{prefix}{key}.recall": r, f"{prefix}{key}.f1": f1(p, r)})
    out[f"{prefix}value.accuracy"] = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    # The same value F1 where a system value filling a gold value's unknown digits counts right (see fills).
    out[f"{prefix}value.f1_filled"] = _dice(c["value_filled"], c["system"] + c["gold"])
    # The same value F1 with unmatched ages left out of the system count: what ages cost on this gold.
    out[f"{prefix}value.f1_without_ages"] = _dice(c["value"], c["system"] - c["ages"] + c["gold"])
    out[f"{prefix}type.accuracy"] = c["type"] / c["relaxed"] if c["relaxed"] else 0.0
    return out


def halves(names: list[str]) -> dict[str, str]:
    """Each file name's half by its position in sorted order: "half_a" even positions (the first included),
    "half_b" odd ones. The split depends on the names alone, so it is the same on every run and machine."""
    return {name: ("half_a", "half_b")[i % 2] for i, name in enumerate(sorted(names))}


def _half_metrics(prefix: str, c: Counter[str]) -> dict[str, float | int]:
    """The counts and value F1 of one half: right values against the half's gold and system expressions."""
    out: dict[str, float | int] = {f"{prefix}{key}": c[key] for key in ("docs", "gold", "system", "value")}
    out[f"{prefix}value.f1"] = _dice(c["value"], c["system"] + c["gold"])
    return out


def _run(docs: list[TmlDocument]) -> list[list[GoldTimex]]:
    from dateline import times
    from dateline.evaluation._parses import annotate

    articles = [Article(id=d.id, source=d.id, text=d.text, published=d.dct) for d in docs]
    out: list[list[GoldTimex]] = []
    for i in range(0, len(articles), BATCH_SIZE):
        for article in annotate(articles[i : i + BATCH_SIZE]):
            done = times.apply(article)
            out.append([GoldTimex(t.span.start, t.span.end, t.value, t.type) for t in done.times])
    return out


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score the times stage on the ``.tml`` files under ``data`` (at most ``limit`` per subfolder)."""
    if not data.is_dir():
        raise InputError("TempEval-3 folder not found; pass --data pointing at TBAQ-cleaned.", source=str(data))
    totals: Counter[str] = Counter()
    metrics: dict[str, float | int] = {}
    folders = sorted(p for p in data.iterdir() if p.is_dir() and any(p.glob("*.tml"))) or [data]
    for folder in folders:
        paths = sorted(folder.glob("*.tml"))[:limit]
        half_of = halves([p.name for p in paths])
        docs = [read_tml(p) for p in paths]
        counts: Counter[str] = Counter(docs=len(docs))
        by_half: dict[str, Counter[str]] = {"half_a": Counter(), "half_b": Counter()}
        for path, doc, system in zip(paths, docs, _run(docs), strict=True):
            found = score(doc.timexes, system, doc.text)
            counts.update(found)
            by_half[half_of[path.name]].update(found + Counter(docs=1))
        totals.update(counts)
        metrics.update(_metrics(f"{folder.name}.", counts))
        for half, half_counts in by_half.items():
            metrics.update(_half_metrics(f"{folder.name}.{half}.", half_counts))
    metrics.update(_metrics("", totals))
    notes = (
        "value F1 counts system expressions that overlap a gold one and carry its exact value",
        "value.f1_without_ages leaves out system ages (a 23-year-old), which this gold does not annotate",
        "value.f1_filled counts a value right that fills the unknown digits of the gold's (1989-W43 for 1989-WXX)",
        "half_a / half_b: a folder's files at even / odd positions by sorted name ('value' counts right values)",
    )
    return Report(task="times", data=str(data), metrics=metrics, notes=notes)
