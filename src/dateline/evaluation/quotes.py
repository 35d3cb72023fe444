"""Quote evaluation on the PolNeAR dev split (attribution relations, brat standoff).

Every dev article text runs through the real annotate, actors and quotes
stages. A predicted quote matches a gold attribution when their contents
overlap by at least a share (0.3, and separately 0.8) of the **longer** of the
two contents, so each must cover that share of the other: a whole report no
longer matches a quoted fragment marked inside it, nor one long span one of the
several attributions it runs over (``longer30``, ``longer80``: the primary
figures). The earlier figures, where the overlap is a share of the gold content
only, so that a prediction that runs long costs nothing, are kept beside them
(``gold30``, ``gold80``). Matching is one-to-one, closest spans (overlap over
union) first. A predicted quote nested inside another predicted quote (a quoted
phrase inside reported speech) is part of that quote and is not scored on its
own (``nested`` counts them; ``longer30.with_nested`` scores every prediction,
so that a quote found twice, once on its own and once inside a report, costs
precision). Among the matches at 0.3, speaker accuracy is the
share of gold attributions with a source whose predicted speaker span overlaps
it, and cue accuracy the share whose predicted cue overlaps the gold cue. Gold
attributions and predicted quotes alike are direct when at least half of their
content lies inside quotation marks (a report that ends in a quotation is
scored as direct speech when the quotation is most of it); direct and reported
speech are scored separately too, and so are the quotes of kind "speech" alone
(against all gold attributions, which mark speech and stances alike: their
precision is the figure to read; their recall is a lower bound). Articles
annotated by several annotators use the first annotation file in name order.

The reader undoes one quirk of how the data is written: the New York Times
articles mark quotations with two apostrophes (''like this'', as in the NYT
archive), which no news page does; each pair becomes one double mark before the
text is parsed, and the gold offsets move with it.
"""

from __future__ import annotations

import bisect
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dateline import ids
from dateline.errors import InputError
from dateline.evaluation import Report, f1
from dateline.quotes._direct import SegmentIndex
from dateline.quotes._marks import find_quoted
from dateline.quotes._types import Extent
from dateline.records import Article, Quote

__all__ = ["DEFAULT_DATA", "evaluate", "match", "read_ann"]

DEFAULT_DATA = "eval/quotes/polnear"

#: Overlap shares at which detection is scored.
THRESHOLDS = (0.3, 0.8)
#: What the overlap is a share of: the longer of the two contents (primary), or the gold content.
Of = Literal["longer", "gold"]
MATCHINGS: tuple[Of, ...] = ("longer", "gold")
#: Share of a content inside quotation marks from which it is direct speech, for gold and predictions alike.
MIN_DIRECT_SHARE = 0.5
#: Articles annotated per spaCy batch.
BATCH = 16

Ranges = tuple[Extent, ...]
Moved = Callable[[int], int]

#: Two apostrophes (or backticks) standing for one double quotation mark, as the NYT articles write them.
_DOUBLED_MARK = re.compile(r"''|``")


@dataclass(frozen=True)
class Gold:
    """One gold attribution relation: content, source and cue character ranges."""

    content: Ranges
    source: Ranges
    cue: Ranges
    direct: bool


def _unchanged(offset: int) -> int:
    return offset


def detokenize(raw: str) -> tuple[str, Moved]:
    """``raw`` with each doubled apostrophe or backtick as one double mark, and where each old offset went."""
    dropped = [m.start() + 1 for m in _DOUBLED_MARK.finditer(raw)]  # the second character of each pair
    if not dropped:
        return raw, _unchanged

    def moved(offset: int) -> int:
        return offset - bisect.bisect_left(dropped, offset)

    return _DOUBLED_MARK.sub('"', raw), moved


def _ranges(field: str, moved: Moved) -> Ranges:
    out = []
    for part in field.split(";"):
        start, end = part.split()[-2:]
        out.append(Extent(moved(int(start)), moved(int(end))))
    return tuple(out)


def read_ann(text: str, ann: str, inside: SegmentIndex | None = None, moved: Moved = _unchanged) -> list[Gold]:
    """Parse one brat standoff file into gold attributions (``inside``: the text's quotation marks; ``moved``:
    where the file's offsets lie in ``text``, when the reader changed it)."""
    spans: dict[str, Ranges] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            spans[fields[0]] = _ranges(fields[1].split(" ", 1)[1], moved)
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
    return sum(inside.coverage(s, e) for s, e in ranges) >= MIN_DIRECT_SHARE * _length(ranges)


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(a: Ranges) -> int:
    return sum(e - s for s, e in a)


def _content(quote: Quote) -> Ranges:
    return (Extent(quote.content.start, quote.content.end),)


def _scored(predicted: Sequence[Quote]) -> list[Quote]:
    """Predictions not nested inside another prediction."""
    return [
        q for q in predicted
        if not any(o is not q and o.content.start <= q.content.start and q.content.end <= o.content.end
                   and (o.content.start, o.content.end) != (q.content.start, q.content.end) for o in predicted)
    ]


def match(predicted: Sequence[Quote], gold: Sequence[Gold], threshold: float,
          of: Of = "longer") -> list[tuple[Quote, Gold]]:
    """One-to-one matches whose overlap is at least ``threshold`` of the longer content (``of="longer"``) or of
    the gold content (``of="gold"``), closest spans first."""
    pairs = []
    for p in predicted:
        pr = _content(p)
        for g in gold:
            common = _overlap(pr, g.content)
            base = max(_length(pr), _length(g.content)) if of == "longer" else _length(g.content)
            if common > 0 and common >= threshold * max(base, 1):
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
        text, moved = detokenize(path.read_text(encoding="utf-8"))
        inside = SegmentIndex(find_quoted(text))
        gold = read_ann(text, anns[0].read_text(encoding="utf-8"), inside, moved)
        yield Article(id=ids.document_id(text), source=str(path), text=text), gold, inside


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


def _detection(counts: Counter[str], name: str, gold: int, predicted: int, matched: int) -> None:
    counts[f"{name}.gold"] += gold
    counts[f"{name}.predicted"] += predicted
    counts[f"{name}.matched"] += matched


def _score(predicted: list[Quote], gold: list[Gold], inside: SegmentIndex, of: Of) -> Counter[str]:
    """Counts of one article under one matching: detection at each threshold, direct and reported speech,
    speech alone, and speakers and cues among the matches at the lower threshold."""
    counts: Counter[str] = Counter()
    name = f"{of}{round(THRESHOLDS[0] * 100)}"
    loose = match(predicted, gold, THRESHOLDS[0], of)
    _detection(counts, name, len(gold), len(predicted), len(loose))
    for threshold in THRESHOLDS[1:]:
        _detection(counts, f"{of}{round(threshold * 100)}", len(gold), len(predicted),
                   len(match(predicted, gold, threshold, of)))
    quoted = [_mostly_quoted(inside, _content(p)) for p in predicted]
    for kind, direct in (("direct", True), ("reported", False)):
        sub_gold = [g for g in gold if g.direct == direct]
        sub_pred = [p for p, q in zip(predicted, quoted, strict=True) if q == direct]
        _detection(counts, f"{name}.{kind}", len(sub_gold), len(sub_pred),
                   len(match(sub_pred, sub_gold, THRESHOLDS[0], of)))
    speech = [p for p in predicted if p.kind == "speech"]
    _detection(counts, f"{name}.speech", len(gold), len(speech), len(match(speech, gold, THRESHOLDS[0], of)))
    for p, g in loose:
        if g.source:
            counts[f"{name}.speaker.total"] += 1
            counts[f"{name}.speaker.right"] += bool(
                p.speaker_span is not None
                and _overlap((Extent(p.speaker_span.start, p.speaker_span.end),), g.source))
        if g.cue:
            counts[f"{name}.cue.total"] += 1
            counts[f"{name}.cue.right"] += bool(p.cue is not None and _overlap((Extent(p.cue.start, p.cue.end),),
                                                                              g.cue))
    return counts


def _metrics(counts: Counter[str]) -> dict[str, float | int]:
    """Precision, recall and F1 of every detection count, and the speaker and cue accuracies."""
    metrics: dict[str, float | int] = {}
    for key in sorted(k for k in counts if k.endswith(".matched")):
        name = key.removesuffix(".matched")
        matched, predicted, gold = counts[key], counts[f"{name}.predicted"], counts[f"{name}.gold"]
        p = matched / predicted if predicted else 0.0
        r = matched / gold if gold else 0.0
        metrics.update({f"{name}.precision": round(p, 4), f"{name}.recall": round(r, 4),
                        f"{name}.f1": round(f1(p, r), 4)})
    for key in sorted(k for k in counts if k.endswith(".total")):
        name = key.removesuffix(".total")
        metrics[f"{name}.accuracy"] = round(counts[f"{name}.right"] / counts[key], 4) if counts[key] else 0.0
    return metrics


NOTES = (
    "longer30/longer80 (primary): detection with a content overlap of at least 0.3/0.8 of the longer of the "
    "predicted and gold contents, one-to-one; gold30/gold80: the same with the overlap a share of the gold "
    "content only (the earlier figures); .direct/.reported: each kind of speech (at least half of the content "
    "inside quotation marks, for gold and predictions alike); .speech: quotes of kind 'speech' only, against "
    "all gold attributions (speech and stances); .speaker/.cue: accuracy among the matches; nested: predictions "
    "inside another prediction, not scored except in longer30.with_nested",
)


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score the quotes stage on the PolNeAR dev split under ``data``."""
    pairs = list(_load(_split_dir(Path(data)), limit))
    counts: Counter[str] = Counter()
    spent = [0.0, 0.0]
    for i in range(0, len(pairs), BATCH):
        chunk = pairs[i:i + BATCH]
        done, t_annotate, t_quotes = _run([a for a, _, _ in chunk])
        spent[0] += t_annotate
        spent[1] += t_quotes
        for article, (_, gold, inside) in zip(done, chunk, strict=True):
            scored = _scored(article.quotes)
            counts["nested"] += len(article.quotes) - len(scored)
            for of in MATCHINGS:
                counts.update(_score(scored, gold, inside, of))
            _detection(counts, f"{MATCHINGS[0]}{round(THRESHOLDS[0] * 100)}.with_nested", len(gold),
                       len(article.quotes), len(match(article.quotes, gold, THRESHOLDS[0], MATCHINGS[0])))
    first = f"{MATCHINGS[0]}{round(THRESHOLDS[0] * 100)}"
    metrics: dict[str, float | int] = {"articles": len(pairs), "gold": counts[f"{first}.gold"],
                                       "predicted": counts[f"{first}.predicted"], "nested": counts["nested"]}
    metrics.update(_metrics(counts))
    metrics["time.annotate_actors_s"] = round(spent[0], 2)
    metrics["time.quotes_s"] = round(spent[1], 2)
    metrics["time.quotes_share"] = round(spent[1] / spent[0], 4) if spent[0] else 0.0
    return Report("quotes", str(data), metrics, NOTES)
