"""Quote evaluation on the PolNeAR dev split (attribution relations, brat standoff).

Every dev article text runs through the real annotate, actors and quotes
stages. A predicted quote matches a gold attribution when their contents
overlap by at least a share (0.3, and separately 0.8) of the gold content's
length; matching is one-to-one, closest spans (overlap over union) first.
A predicted quote nested
inside another predicted quote (a quoted phrase inside reported speech) is
part of that quote and is not scored on its own. Among the matches at 0.3,
speaker accuracy is the share of gold attributions with a source whose
predicted speaker span overlaps it, and cue accuracy the share whose predicted
cue overlaps the gold cue. Gold attributions and predicted quotes alike are direct when at least
half of their content lies inside quotation marks (a report that ends in a
quotation is scored as direct speech when the quotation is most of it);
direct and reported speech are scored separately too, and so are the quotes of kind "speech" alone (against
all gold attributions, which mark speech and stances alike: their precision is
the figure to read; their recall is a lower bound). Articles annotated by several annotators use the first
annotation file in name order.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline import ids
from dateline.errors import InputError
from dateline.evaluation import Report, f1
from dateline.quotes._direct import SegmentIndex
from dateline.quotes._marks import find_quoted
from dateline.records import Article, Quote

__all__ = ["DEFAULT_DATA", "evaluate"]

DEFAULT_DATA = "eval/quotes/polnear"

#: Overlap shares (of the gold content) at which detection is scored.
THRESHOLDS = (0.3, 0.8)
#: Articles annotated per spaCy batch.
BATCH = 16

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    """One gold attribution relation: content, source and cue character ranges."""

    content: Ranges
    source: Ranges
    cue: Ranges
    direct: bool


def _ranges(field: str) -> Ranges:
    out = []
    for part in field.split(";"):
        start, end = part.split()[-2:]
        out.append((int(start), int(end)))
    return tuple(out)


def read_ann(text: str, ann: str, inside: SegmentIndex | None = None) -> list[Gold]:
    """Parse one brat standoff file into gold attributions (``inside``: the text's quotation marks)."""
    spans: dict[str, Ranges] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            spans[fields[0]] = _ranges(fields[1].split(" ", 1)[1])
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    inside = inside or SegmentIndex(find_quoted(text))
    gold = []
    for rel in relations:
        if rel.get("Content") not in spans:
            continue  # one dev relation has no content span: nothing to find
        content = spans[rel["Content"]]
        gold.append(Gold(content, spans.get(rel.get("Source", ""), ()), spans.get(rel.get("Cue", ""), ()),
                         _mostly_quoted(inside, content)))
    return gold


def _mostly_quoted(inside: SegmentIndex, ranges: Ranges) -> bool:
    """Whether at least half of ``ranges`` lies inside quotation marks: direct speech, for gold and predictions."""
    return sum(inside.coverage(s, e) for s, e in ranges) * 2 >= _length(ranges)


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(a: Ranges) -> int:
    return sum(e - s for s, e in a)


def _scored(predicted: Sequence[Quote]) -> list[Quote]:
    """Predictions not nested inside another prediction."""
    return [
        q for q in predicted
        if not any(o is not q and o.content.start <= q.content.start and q.content.end <= o.content.end
                   and (o.content.start, o.content.end) != (q.content.start, q.content.end) for o in predicted)
    ]


def match(predicted: Sequence[Quote], gold: Sequence[Gold], threshold: float) -> list[tuple[Quote, Gold]]:
    """One-to-one matches (gold overlap share >= ``threshold``), closest spans first."""
    pairs = []
    for p in predicted:
        pr = ((p.content.start, p.content.end),)
        for g in gold:
            common = _overlap(pr, g.content)
            if common >= threshold * max(_length(g.content), 1):
                # Pair the closest spans first (overlap over union), so a long
                # prediction does not take a short gold span beside its own.
                union = _length(pr) + _length(g.content) - common
                pairs.append((common / max(union, 1), id(p), p, g))
    pairs.sort(key=lambda x: -x[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, pid, p, g in pairs:
        if pid in used_p or id(g) in used_g:
            continue
        used_p.add(pid)
        used_g.add(id(g))
        out.append((p, g))
    return out


def _split_dir(data: Path) -> Path:
    for candidate in (data / "dev", data):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise InputError(f"no PolNeAR dev split under {data} (expected dev/text and dev/attributions); pass --data")


def _load(split: Path, limit: int | None) -> Iterator[tuple[Article, list[Gold], SegmentIndex]]:
    texts = sorted((split / "text").glob("*.txt"))[:limit]
    for path in texts:
        anns = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        inside = SegmentIndex(find_quoted(text))
        gold = read_ann(text, anns[0].read_text(encoding="utf-8"), inside)
        yield Article(id=ids.document_id(text), source=str(path), text=text), gold, inside


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, gold: int, predicted: int, matched: int) -> None:
        self.gold += gold
        self.predicted += predicted
        self.matched += matched

    def metrics(self, prefix: str) -> dict[str, float | int]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {f"{prefix}.precision": round(p, 4), f"{prefix}.recall": round(r, 4), f"{prefix}.f1": round(f1(p, r), 4)}


def _run(articles: list[Article]) -> tuple[list[Article], float, float]:
    from dateline import (
        actors,
        annotate,  # stage modules; loaded when first needed
        quotes,
    )

    started = time.perf_counter()
    annotated = [actors.apply(a) for a in annotate.apply_batch(articles)]
    middle = time.perf_counter()
    done = [quotes.apply(a) for a in annotated]
    return done, middle - started, time.perf_counter() - middle


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score the quotes stage on the PolNeAR dev split under ``data``."""
    pairs = list(_load(_split_dir(Path(data)), limit))
    tallies = {name: _Tally() for name in ("overlap30", "overlap80", "direct", "reported", "speech")}
    speaker = [0, 0]
    cue = [0, 0]
    spent = [0.0, 0.0]
    for i in range(0, len(pairs), BATCH):
        chunk = pairs[i:i + BATCH]
        done, t_annotate, t_quotes = _run([a for a, _, _ in chunk])
        spent[0] += t_annotate
        spent[1] += t_quotes
        for article, (_, gold, inside) in zip(done, chunk, strict=True):
            _score(_scored(article.quotes), gold, inside, tallies, speaker, cue)
    metrics: dict[str, float | int] = {"articles": len(pairs), "gold": tallies["overlap30"].gold,
                                       "predicted": tallies["overlap30"].predicted}
    for name, tally in tallies.items():
        metrics.update(tally.metrics(name))
    metrics["speaker.accuracy"] = round(speaker[0] / speaker[1], 4) if speaker[1] else 0.0
    metrics["cue.accuracy"] = round(cue[0] / cue[1], 4) if cue[1] else 0.0
    metrics["time.annotate_actors_s"] = round(spent[0], 2)
    metrics["time.quotes_s"] = round(spent[1], 2)
    metrics["time.quotes_share"] = round(spent[1] / spent[0], 4) if spent[0] else 0.0
    notes = ("overlap30/overlap80: detection with a content overlap of at least 0.3/0.8 of the gold span; "
             "direct/reported: the same at 0.3 for each kind of speech; speech: quotes of kind 'speech' only, "
             "against all gold attributions (speech and stances)",)
    return Report("quotes", str(data), metrics, notes)


def _score(predicted: list[Quote], gold: list[Gold], inside: SegmentIndex, tallies: dict[str, _Tally],
           speaker: list[int], cue: list[int]) -> None:
    loose = match(predicted, gold, THRESHOLDS[0])
    tallies["overlap30"].add(len(gold), len(predicted), len(loose))
    tallies["overlap80"].add(len(gold), len(predicted), len(match(predicted, gold, THRESHOLDS[1])))
    quoted = [_mostly_quoted(inside, ((p.content.start, p.content.end),)) for p in predicted]
    for name, direct in (("direct", True), ("reported", False)):
        sub_gold = [g for g in gold if g.direct == direct]
        sub_pred = [p for p, q in zip(predicted, quoted, strict=True) if q == direct]
        tallies[name].add(len(sub_gold), len(sub_pred), len(match(sub_pred, sub_gold, THRESHOLDS[0])))
    speech = [p for p in predicted if p.kind == "speech"]
    tallies["speech"].add(len(gold), len(speech), len(match(speech, gold, THRESHOLDS[0])))
    for p, g in loose:
        if g.source:
            speaker[1] += 1
            found = p.speaker_span is not None and _overlap(((p.speaker_span.start, p.speaker_span.end),), g.source)
            speaker[0] += bool(found)
        if g.cue:
            cue[1] += 1
            cue[0] += bool(p.cue is not None and _overlap(((p.cue.start, p.cue.end),), g.cue))
