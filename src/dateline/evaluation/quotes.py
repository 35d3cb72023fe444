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

The stage runs as configured by default (its rules, and its trained model
where they find nothing; the model never saw dev, the rules were tuned on it);
the model alone (``model.*``, ``quotes.method=model``), the model alone
reporting every attribution it finds, as PolNeAR marks them
(``all_attributions.*``, ``quotes.strict_stances=false``), and the rules alone
(``rules.*``) are scored on the same parses too. Where
several annotators marked the same article (2 dev articles by 6 annotators, 16
train articles by 2 or 3), each annotator is scored against each other one
with the same scorer (``agreement.*``: every ordered pair, so
precision and recall are the same figure seen from both sides), and the stage
against each of them on the same articles (``agreement.system.*``): the ceiling
the data supports, and the stage beside it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, TypeVar

from dateline.evaluation import Report, _parses, f1
from dateline.evaluation._polnear import Gold, GoldArticle, Ranges, length, load, read_ann, split_dir
from dateline.evaluation._polnear import mostly_quoted as _mostly_quoted
from dateline.quotes._direct import SegmentIndex
from dateline.quotes._types import Extent
from dateline.records import QUOTE_KINDS, Article, Quote

__all__ = ["DEFAULT_DATA", "GoldArticle", "agreement", "count", "evaluate", "load", "match", "metrics", "read_ann",
           "split_dir"]

DEFAULT_DATA = "eval/quotes/polnear"

#: Overlap shares at which detection is scored.
THRESHOLDS = (0.3, 0.8)
#: What the overlap is a share of: the longer of the two contents (primary), or the gold content.
Of = Literal["longer", "gold"]
MATCHINGS: tuple[Of, ...] = ("longer", "gold")
#: Articles annotated per spaCy batch.
BATCH = 16
#: ``dateline train quotes`` holds out every this many-th article of the train split (in name order, the first
#: one included) to choose its settings on; ``held_out=True`` scores those articles alone.
HOLDOUT_EVERY = 10

def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


Attributed = Quote | Gold
"""What the scorer compares: a predicted quote, or one annotator's attribution held against another's."""


def _content(x: Attributed) -> Ranges:
    """The words attributed: a quote's quoted parts where its content runs over a credit between them."""
    if isinstance(x, Gold):
        return x.content
    return tuple(Extent(p.start, p.end) for p in x.parts) or (Extent(x.content.start, x.content.end),)


def _speaker(x: Attributed) -> Ranges:
    if isinstance(x, Gold):
        return x.source
    return () if x.speaker_span is None else (Extent(x.speaker_span.start, x.speaker_span.end),)


def _cue(x: Attributed) -> Ranges:
    if isinstance(x, Gold):
        return x.cue
    return () if x.cue is None else (Extent(x.cue.start, x.cue.end),)


def _scored(predicted: Sequence[Quote]) -> list[Quote]:
    """Predictions not nested inside another prediction (inside one of its words' ranges: a report in the credit
    between the parts of a split quotation is not inside the quotation)."""
    return [q for q in predicted if not any(o is not q and _inside(q, o) for o in predicted)]


def _inside(q: Quote, o: Quote) -> bool:
    """Whether the content of ``q`` lies inside one range of ``o``'s content (:func:`_content`) and is not ``o``'s."""
    start, end = q.content.start, q.content.end
    return (o.content.start, o.content.end) != (start, end) and any(s <= start and end <= e for s, e in _content(o))


P = TypeVar("P", bound=Attributed)


def match(predicted: Sequence[P], gold: Sequence[Gold], threshold: float, of: Of = "longer") -> list[tuple[P, Gold]]:
    """One-to-one matches whose overlap is at least ``threshold`` of the longer content (``of="longer"``) or of
    the gold content (``of="gold"``), closest spans first."""
    pairs = []
    for k, p in enumerate(predicted):
        pr = _content(p)
        for j, g in enumerate(gold):
            common = _overlap(pr, g.content)
            base = max(length(pr), length(g.content)) if of == "longer" else length(g.content)
            if common > 0 and common >= threshold * max(base, 1):
                # Pair the closest spans first (overlap over union), so a long
                # prediction does not take a short gold span beside its own.
                union = length(pr) + length(g.content) - common
                pairs.append((-common / max(union, 1), k, j))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, k, j in pairs:
        if k in used_p or j in used_g:
            continue
        used_p.add(k)
        used_g.add(j)
        out.append((predicted[k], gold[j]))
    return out


def _detection(counts: Counter[str], name: str, gold: int, predicted: int, matched: int) -> None:
    counts[f"{name}.gold"] += gold
    counts[f"{name}.predicted"] += predicted
    counts[f"{name}.matched"] += matched


def _mostly_quoted_all(inside: SegmentIndex, predicted: Sequence[Attributed]) -> list[bool]:
    return [_mostly_quoted(inside, _content(p)) for p in predicted]


def _score(predicted: Sequence[Attributed], gold: list[Gold], inside: SegmentIndex, of: Of) -> Counter[str]:
    """Counts of one article under one matching: detection at each threshold, direct and reported speech,
    speech alone, and speakers and cues among the matches at the lower threshold."""
    counts: Counter[str] = Counter()
    name = f"{of}{round(THRESHOLDS[0] * 100)}"
    loose = match(predicted, gold, THRESHOLDS[0], of)
    _detection(counts, name, len(gold), len(predicted), len(loose))
    for threshold in THRESHOLDS[1:]:
        _detection(counts, f"{of}{round(threshold * 100)}", len(gold), len(predicted),
                   len(match(predicted, gold, threshold, of)))
    quoted = _mostly_quoted_all(inside, predicted)
    for kind, direct in (("direct", True), ("reported", False)):
        sub_gold = [g for g in gold if g.direct == direct]
        sub_pred = [p for p, q in zip(predicted, quoted, strict=True) if q == direct]
        _detection(counts, f"{name}.{kind}", len(sub_gold), len(sub_pred),
                   len(match(sub_pred, sub_gold, THRESHOLDS[0], of)))
    for kind in QUOTE_KINDS:
        mine = [p for p in predicted if isinstance(p, Quote) and p.kind == kind]
        if mine:
            _detection(counts, f"{name}.{kind}", len(gold), len(mine), len(match(mine, gold, THRESHOLDS[0], of)))
    for p, g in loose:
        if g.source:
            counts[f"{name}.speaker.total"] += 1
            counts[f"{name}.speaker.right"] += bool(_overlap(_speaker(p), g.source))
        if g.cue:
            counts[f"{name}.cue.total"] += 1
            counts[f"{name}.cue.right"] += bool(_overlap(_cue(p), g.cue))
    return counts


def count(predicted: Sequence[Quote], gold: list[Gold], inside: SegmentIndex) -> Counter[str]:
    """Every count of one article: both matchings over the predictions not nested in another, and the primary
    matching over all of them (``longer30.with_nested``)."""
    scored = _scored(predicted)
    counts: Counter[str] = Counter({"nested": len(predicted) - len(scored)})
    for of in MATCHINGS:
        counts.update(_score(scored, gold, inside, of))
    _detection(counts, f"{PRIMARY}.with_nested", len(gold), len(predicted),
               len(match(predicted, gold, THRESHOLDS[0], MATCHINGS[0])))
    return counts


def agreement(item: GoldArticle) -> Counter[str]:
    """Counts of every annotator of ``item`` scored against every other one (no counts for one annotator)."""
    annotators = (item.gold, *item.others)
    counts: Counter[str] = Counter()
    for k, marked in enumerate(annotators):
        for j, reference in enumerate(annotators):
            if k != j:
                counts.update(_score(marked, reference, item.inside, MATCHINGS[0]))
                counts.update(_score(marked, reference, item.inside, MATCHINGS[1]))
    return counts


def metrics(counts: Counter[str]) -> dict[str, float | int]:
    """Precision, recall and F1 of every detection count, and the speaker and cue accuracies."""
    out: dict[str, float | int] = {}
    for key in sorted(k for k in counts if k.endswith(".matched")):
        name = key.removesuffix(".matched")
        matched, predicted, gold = counts[key], counts[f"{name}.predicted"], counts[f"{name}.gold"]
        p = matched / predicted if predicted else 0.0
        r = matched / gold if gold else 0.0
        out.update({f"{name}.precision": round(p, 4), f"{name}.recall": round(r, 4),
                    f"{name}.f1": round(f1(p, r), 4)})
    for key in sorted(k for k in counts if k.endswith(".total")):
        name = key.removesuffix(".total")
        out[f"{name}.accuracy"] = round(counts[f"{name}.right"] / counts[key], 4) if counts[key] else 0.0
    return out


#: The primary matching's name in the figures.
PRIMARY = f"{MATCHINGS[0]}{round(THRESHOLDS[0] * 100)}"
#: The figures reported for the rules and for the agreement between annotators (the rest are in their counts).
SUMMARY = (f"{PRIMARY}.precision", f"{PRIMARY}.recall", f"{PRIMARY}.f1", f"gold{round(THRESHOLDS[0] * 100)}.f1",
           f"{PRIMARY}.direct.f1", f"{PRIMARY}.reported.f1", f"{PRIMARY}.speaker.accuracy",
           f"{PRIMARY}.cue.accuracy")

NOTES = (
    "longer30/longer80 (primary): detection with a content overlap of at least 0.3/0.8 of the longer of the "
    "predicted and gold contents, one-to-one; gold30/gold80: the same with the overlap a share of the gold "
    "content only (the earlier figures); .direct/.reported: each kind of speech (at least half of the content "
    "inside quotation marks, for gold and predictions alike); .speech/.stance/.act: quotes of that kind only, "
    "against all gold attributions (speech, stances, deeds): read their precision; .speaker/.cue: accuracy among the "
    "matches; nested: predictions inside another prediction, not scored except in longer30.with_nested; "
    "model.*: the trained model alone (quotes.method=model; it never saw dev); all_attributions.*: the model alone "
    "with quotes.strict_stances=false (every attribution it finds, as PolNeAR marks them); rules.*: the rules alone "
    "(quotes.method=rules; tuned on dev), on the same parses; agreement.*: annotators scored "
    "against each other on the articles several annotated (agreement.system.*: the stage against each of them, "
    "same articles); "
    "time.quotes_share: quote extraction over parsing and actors (left out when parses come from a cache)",
)


def _summary(prefix: str, counts: Counter[str]) -> dict[str, float | int]:
    found = metrics(counts)
    return {f"{prefix}.{name}": found[name] for name in SUMMARY if name in found}


def _apply(batch: list[GoldArticle]) -> tuple[list[Article], float]:
    """The articles of ``batch`` parsed (from the cache when one is in use) with their actors, and the time."""
    from dateline import actors  # stage modules; loaded when first needed

    started = time.perf_counter()
    annotated = [actors.apply(a) for a in _parses.annotate([item.article for item in batch])]
    return annotated, time.perf_counter() - started


def evaluate(data: Path, limit: int | None = None, held_out: bool = False) -> Report:
    """Score the quotes stage on the PolNeAR dev split under ``data`` (or the split folder ``data``); with
    ``held_out``, on every :data:`HOLDOUT_EVERY`-th article of the train split under ``data`` (or of the split
    folder ``data``): the train articles training holds out."""
    from dateline import quotes

    items = load(split_dir(Path(data), "train" if held_out else "dev"), limit)
    if held_out:
        items = items[::HOLDOUT_EVERY]
    counts: Counter[str] = Counter()
    model: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    every: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    system: Counter[str] = Counter()
    spent = [0.0, 0.0]
    for i in range(0, len(items), BATCH):
        chunk = items[i:i + BATCH]
        annotated, spent_annotating = _apply(chunk)
        spent[0] += spent_annotating
        if i == 0 and annotated:
            quotes.apply(annotated[0])  # the stage's lexicon and model load once per worker, before the timing
        for article, item in zip(annotated, chunk, strict=True):
            started = time.perf_counter()
            found = quotes.apply(article).quotes
            spent[1] += time.perf_counter() - started
            counts.update(count(found, item.gold, item.inside))
            for alone, config in ((model, quotes.QuotesConfig(method="model")),
                                  (rules, quotes.QuotesConfig(method="rules")),
                                  (every, quotes.QuotesConfig(method="model", strict_stances=False))):
                alone.update(count(quotes.apply(article, config).quotes, item.gold, item.inside))
            if item.others:
                agreed.update(agreement(item))
                for gold in (item.gold, *item.others):
                    system.update(count(found, gold, item.inside))
    out: dict[str, float | int] = {"articles": len(items), "gold": counts[f"{PRIMARY}.gold"],
                                   "predicted": counts[f"{PRIMARY}.predicted"], "nested": counts["nested"]}
    out.update(metrics(counts))
    out.update(_summary("model", model))
    out.update(_summary("all_attributions", every))
    out.update(_summary("rules", rules))
    if agreed:
        out["agreement.articles"] = sum(1 for item in items if item.others)
        out.update(_summary("agreement", agreed))
        out.update(_summary("agreement.system", system))
    out["time.quotes_s"] = round(spent[1], 2)
    if not _parses.caching():
        out["time.annotate_actors_s"] = round(spent[0], 2)
        out["time.quotes_share"] = round(spent[1] / spent[0], 4) if spent[0] else 0.0
    return Report("quotes", str(data), out, NOTES)
