"""Train and cross-validate the places stage's ranker of namesakes (``dateline train places-rank``).

The stage's rules settle each name of an article on one of its candidates; the
ranker (:mod:`dateline.places._rank`) may pick another. It is fitted on LGL
alone (GPL-3.0 as redistributed; LGL is Lieberman et al.'s, the texts stay their
publishers'): a name whose mentions overlap gold toponyms with points, and which
has among its candidates both one that is right (the gold's GeoNames entry, or
within 161 km of its point, as ``dateline eval places`` judges) and one that is
not, is one example of a conditional logit whose answer is the right candidate
(the rules' pick when it is right, else the most populous right one).

Every LGL figure is out of fold: LGL's articles are split into :data:`FOLDS`
folds, and each fold's articles run through the stage with the ranker fitted on
the other folds; ``rules.*`` are the stage's figures without a ranker on the
same articles. GeoWebNews is never trained on: ``gwn.*`` are the figures of the
ranker fitted on all of LGL, the one written to ``places-rank.json`` (with its
card ``places-rank.md``) under ``dateline/lang/en/models/`` unless ``--out``
says otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline import places
from dateline.evaluation._parses import annotate
from dateline.evaluation.places import GoldDocument, Tally, near_gold, read_geowebnews, read_lgl
from dateline.lang import resources
from dateline.places._check import slot_rows
from dateline.places._gazetteer import Entry, Gazetteer, load_gazetteer
from dateline.places._rank import RANK_BITS, RANKER_FILE, Ranked, Ranker
from dateline.records import Article, Place, Span
from dateline.training import TrainingReport, require
from dateline.training._linear import Fit, fit_ranker

__all__ = ["DEFAULT_DATA", "train"]

DEFAULT_DATA = "eval/places"
LGL, GWN = "lgl/lgl.xml", "geowebnews/GWN.xml"
#: Folds by article.
FOLDS = 5
#: How the ranker is fitted (set by hand, not selected on the scored folds).
FIT = Fit(epochs=30, lr=0.05, l2=1e-4, batch=32)
#: How much more than the rules' pick another candidate may have to score to replace it; chosen out of fold.
MARGINS = (0.0, 0.5, 1.0, 2.0, 3.0, 4.0)


@dataclass
class _Doc:
    gold: GoldDocument
    article: Article
    examples: list[tuple[Ranked, int, frozenset[int]]]  # names with right and wrong candidates: the answer, the right


def _examples(gold: GoldDocument, article: Article) -> list[tuple[Ranked, int, frozenset[int]]]:
    out: list[tuple[Ranked, int, frozenset[int]]] = []
    for spans, ranked in _names(article):
        under = [g for g in gold.toponyms if g.lat is not None
                 and any(s.start < g.span.end and g.span.start < s.end for s in spans)]
        if not under:
            continue
        right = [k for k, e in enumerate(ranked.options)
                 if any(near_gold(_point(s, e), g) for g in under for s in spans)]
        if not right or len(right) == len(ranked.options):
            continue
        answer = ranked.pick if ranked.pick in right else max(right, key=lambda k: ranked.options[k].population)
        out.append((ranked, answer, frozenset(right)))
    return out


def _names(article: Article) -> list[tuple[list[Span], Ranked]]:
    """Each name of ``article`` the ranker may pick again, with the spans of its mentions, in text order."""
    names: dict[tuple[int, ...], tuple[list[Span], Ranked]] = {}
    for choice in places.choices(article, describe=True):
        if choice.ranked is not None:
            names.setdefault(choice.ranked.mentions, ([], choice.ranked))[0].append(choice.span)
    return list(names.values())


def _point(span: Span, entry: Entry) -> Place:
    return Place(span, entry.name, entry.country, entry.lat, entry.lon, entry.geonames_id, entry.feature)


def _load(data: Path, name: str, reader: Callable[[Path], Iterable[GoldDocument]]) -> list[_Doc]:
    golds = list(reader(data / name))
    articles = [Article(id=g.id, source=g.id, url=g.url, text=g.text) for g in golds]
    return [_Doc(g, a, _examples(g, a)) for g, a in zip(golds, annotate(articles), strict=True)]


def _fit(docs: Sequence[_Doc], seed: int, margin: float = 0.0) -> Ranker:
    examples = [example for d in docs for example in d.examples]
    if not examples:
        return Ranker(np.zeros(1 << RANK_BITS, dtype=np.float32), margin)
    rows = [row for ranked, _, _ in examples for row in ranked.rows]
    sizes = np.array([len(ranked.rows) for ranked, _, _ in examples], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    gold = starts + np.array([answer for _, answer, _ in examples], dtype=np.int64)
    fit = Fit(FIT.epochs, FIT.lr, FIT.l2, FIT.batch, seed)
    return Ranker(fit_ranker(slot_rows(rows, RANK_BITS), starts, gold, RANK_BITS, fit), margin)


def _folds(docs: Sequence[_Doc], seed: int) -> list[int]:
    return [int(f) for f in np.random.default_rng(seed).permutation(len(docs)) % FOLDS]


def _choose(docs: Sequence[_Doc], seed: int) -> float:
    """The margin under which the rankers fitted out of fold within ``docs`` settle the most names right (the
    largest of equals: the rules stand where the ranker gains nothing)."""
    folds = _folds(docs, seed)
    fitted = [_fit([d for d, g in zip(docs, folds, strict=True) if g != f], seed) for f in range(FOLDS)]

    def right(margin: float) -> int:
        rankers = [Ranker(fitted[f].weights, margin) for f in folds]
        return _picks(docs, rankers)["names.ranker_right"]

    return max(reversed(MARGINS), key=right)


def _nested(docs: Sequence[_Doc], seed: int) -> tuple[list[Ranker], list[float]]:
    """Each document's ranker: fitted on the other folds, with a margin chosen out of fold on them alone."""
    folds = _folds(docs, seed)
    rankers: list[Ranker] = []
    for f in range(FOLDS):
        train = [d for d, g in zip(docs, folds, strict=True) if g != f]
        rankers.append(_fit(train, seed, _choose(train, seed + 1)))
    return [rankers[f] for f in folds], [r.margin for r in rankers]


def _figures(docs: Sequence[_Doc], rankers: Sequence[Ranker | None], prefix: str,
             gazetteer: Gazetteer) -> dict[str, float | int]:
    def demonym(text: str) -> bool:
        return gazetteer.key(text) in gazetteer.demonyms

    tally = Tally()
    for doc, ranker in zip(docs, rankers, strict=True):
        chosen = places.choices(doc.article, ranker=ranker)
        found = sorted((c.place() for c in chosen if c.placed or c.named), key=lambda p: (p.span.start, p.span.end))
        tally.add_gold(doc.gold, found, demonym)
        tally.add_reported(doc.gold, found)
    metrics = tally.metrics(prefix)
    return {k: v for k, v in metrics.items() if k.endswith(("recall_names", "precision", "f1_names"))}


def _picks(docs: Sequence[_Doc], rankers: Sequence[Ranker]) -> dict[str, int]:
    """How many training names each ranker (out of fold) and the rules settle on a right candidate."""
    rules = ranked = total = 0
    for doc, ranker in zip(docs, rankers, strict=True):
        for example, _, right in doc.examples:
            total += 1
            rules += example.pick in right
            ranked += ranker.pick(example.rows, example.pick) in right
    return {"names.judged": total, "names.rules_right": rules, "names.ranker_right": ranked}


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Cross-validate the ranker by article on LGL under ``data``, check it on GeoWebNews, and write the
    ranker fitted on all of LGL (to ``out``, by default the language's models folder)."""
    data = require("places-rank", Path(data), LGL, GWN)
    gazetteer = load_gazetteer(resources("en"))
    lgl = _load(data, LGL, read_lgl)
    gwn = _load(data, GWN, read_geowebnews)
    oof, margins = _nested(lgl, seed)
    final = _fit(lgl, seed, _choose(lgl, seed + 1))
    metrics = (_figures(lgl, [None] * len(lgl), "rules.lgl", gazetteer) | _figures(lgl, oof, "oof.lgl", gazetteer)
               | _figures(gwn, [None] * len(gwn), "rules.gwn", gazetteer)
               | _figures(gwn, [final] * len(gwn), "unseen.gwn", gazetteer)
               | {f"oof.lgl.{k}": v for k, v in _picks(lgl, oof).items()}
               | {f"unseen.gwn.{k}": v for k, v in _picks(gwn, [final] * len(gwn)).items()})
    folder = out if out is not None else Path(str(resources("en").file(RANKER_FILE))).parent
    folder.mkdir(parents=True, exist_ok=True)
    artifact = folder / Path(RANKER_FILE).name
    artifact.write_text(json.dumps(final.to_json(), sort_keys=True) + "\n", encoding="utf-8")
    card = _card(folder, metrics, len(lgl), sum(len(d.examples) for d in lgl))
    return TrainingReport("places-rank", str(data), (artifact, card), metrics,
                          (f"LGL: {len(lgl)} articles, {sum(len(d.examples) for d in lgl)} names with right and "
                           f"wrong candidates, {FOLDS} folds by article; GeoWebNews never trained on",
                           f"margins chosen per outer fold: {', '.join(f'{m:g}' for m in margins)}; "
                           f"the artifact's: {final.margin:g}"))


LICENCE = (
    "the training data are GPL-3.0: LGL (Lieberman et al., 2010) as the GeoWebNews authors' repository "
    "redistributes it under GNU GPL v3 (LGL's original terms may differ); the article texts stay their "
    "publishers'. The artifact holds hashed feature weights only, no text of the data. Whether weights fitted "
    "to GPL-3.0 data are a work based on it is not settled, and dateline is MIT: clear this before a release, "
    "or leave the file out (the stage then picks namesakes on its rules, with a warning)."
)


def _card(folder: Path, metrics: dict[str, float | int], articles: int, names: int) -> Path:
    """Write the model card ``places-rank.md`` beside the artifact and return its path."""
    rows = ["| figure | rules | with the ranker |", "|---|---|---|"]
    for corpus, label, ranked in (("lgl", "LGL (out of fold)", "oof"), ("gwn", "GeoWebNews (unseen)", "unseen")):
        for name in ("recall_names", "precision", "f1_names"):
            key = f"{corpus}.e2e.{name}"
            rows.append(f"| {label} `{key}` | {metrics[f'rules.{key}']:.3f} | {metrics[f'{ranked}.{key}']:.3f} |")
    for corpus, label, ranked in (("lgl", "LGL (out of fold)", "oof"), ("gwn", "GeoWebNews (unseen)", "unseen")):
        judged = metrics[f"{ranked}.{corpus}.names.judged"]
        rows.append(f"| {label}: names with right and wrong candidates settled right, of {judged} | "
                    f"{metrics[f'{ranked}.{corpus}.names.rules_right']} | "
                    f"{metrics[f'{ranked}.{corpus}.names.ranker_right']} |")
    lines = [
        "# Model card: the places stage's ranker of namesakes (`places-rank.json`)", "",
        "A conditional logit over hashed features (`dateline/places/_rank.py`) of each candidate of a name, as "
        "the rules leave the article, among the candidates of the kind the rules picked (towns, counties, states): "
        "the stage reports the ranker's pick in place of the rules' when it is "
        "another, by more than a margin chosen out of fold. The stage uses it only with `places.rank` on, off by "
        "default: see the figures.", "",
        f"**Data.** LGL, {articles} articles, {names} names with a right and a wrong candidate; a candidate is "
        "right when it is the gold toponym's GeoNames entry or lies within 161 km of it. GeoWebNews is never "
        "trained on.", "",
        f"**Licence.** {LICENCE}", "",
        f"**Figures** (`dateline train places-rank`, {FOLDS} folds by article on LGL: each fold run through the "
        "stage with the ranker fitted on the other folds; GeoWebNews with the ranker fitted on all of LGL). The "
        "rules themselves were written while reading errors on both sets, so the rules column is in-sample; "
        "the ranker's gain over them is not.", "", *rows, "",
        f"**Fit.** Adam, {FIT.epochs} epochs, step {FIT.lr:g}, L2 {FIT.l2:g}, batch {FIT.batch} names, "
        f"{1 << RANK_BITS} slots; deterministic for a seed.",
    ]
    card = folder / "places-rank.md"
    card.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return card
