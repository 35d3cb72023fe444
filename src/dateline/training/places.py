"""Train and cross-validate a learned check of the places stage (``dateline train places``).

The stage resolves every mention it finds, then its rules decide which points
to report (:func:`dateline.places.choices`). This fits a logistic model
(:mod:`dateline.places._check`) that says instead, for each mention resolved to
an entry with a point, whether that point is right, from the labelled corpora
under ``eval/places`` of the shared data (LGL and GeoWebNews, GPL-3.0 as
redistributed; LGL is Lieberman et al.'s, the texts stay their publishers'):
a mention is positive when it overlaps a gold toponym and is its GeoNames entry
or lies within 161 km of it (as ``dateline eval places`` judges), negative when
it overlaps no gold toponym or is far from it; mentions over gold toponyms
without a point are left out.

Every figure is out of fold: the articles of each corpus are split into
:data:`FOLDS` folds, the model fitted on the other folds of both corpora scores
each fold, and the end-to-end figures of ``dateline eval places`` are computed
with the model's decisions in place of the rules' (``oof.*``), beside the rules'
own on the same articles (``rules.*``). The model overrides the rules only where it
is sure: a point they drop is reported above a high bound, one they report dropped
below a low one; the bounds are chosen out of fold, and ``nested.*`` are the figures
of each outer fold with bounds chosen on the other folds alone. The artifact
(``places-check.json``, the model fitted on every article, bounds chosen out of
fold on them all) and its card (``places-check.md``) go to
``dateline/lang/en/models/`` unless ``--out`` says otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from dateline import places
from dateline.evaluation._parses import annotate
from dateline.evaluation.places import GoldDocument, Tally, near_gold, read_geowebnews, read_lgl
from dateline.lang import resources
from dateline.places._check import FEATURE_BITS, MODEL_FILE, Check, score, slot_rows
from dateline.places._gazetteer import Gazetteer, load_gazetteer
from dateline.records import Article, Place
from dateline.training import TrainingReport
from dateline.training._linear import Fit, fit_binary

__all__ = ["DEFAULT_DATA", "train"]

DEFAULT_DATA = "eval/places"
CORPORA = {"lgl": (read_lgl, "lgl/lgl.xml"), "gwn": (read_geowebnews, "geowebnews/GWN.xml")}
#: Folds by article.
FOLDS = 5
#: How the model is fitted (set by hand, not selected on the scored folds).
FIT = Fit(epochs=20, lr=0.05, l2=1e-4, batch=64)
#: Probability above which a point is reported; the others are judged at these too, for the card.
THRESHOLD = 0.5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
#: Where the model only overrides the rules: a point they drop is reported above the second, one they report
#: dropped below the first.
OVERRIDES = ((0.0, 1.0), (0.1, 0.9), (0.2, 0.8), (0.3, 0.7), (0.0, 0.8), (0.0, 0.9), (0.05, 0.85), (0.1, 0.8),
             (0.2, 1.0), (0.1, 1.0))


@dataclass
class _Doc:
    gold: GoldDocument
    choices: list[places.Choice]
    rows: list[list[str]]  # features of the choices with a point, in order
    labels: list[int | None]  # 1 right, 0 wrong, None unjudged
    corpus: str


def _document(gold: GoldDocument, article: Article, gazetteer: Gazetteer, corpus: str) -> _Doc:
    chosen = places.choices(article)
    pointed = [c for c in chosen if c.pointed]
    rows = places.check_features(article, gazetteer, pointed)
    labels: list[int | None] = []
    for c in pointed:
        under = [g for g in gold.toponyms if c.span.start < g.span.end and g.span.start < c.span.end]
        if under and all(g.lat is None for g in under):
            labels.append(None)
        else:
            labels.append(int(any(near_gold(c.point(), g) for g in under)))
    return _Doc(gold, chosen, rows, labels, corpus)


def _reported(doc: _Doc, keep: npt.NDArray[np.bool_] | None) -> list[Place]:
    """The places reported for ``doc``: the rules' (``keep`` None) or the model's decision on each point."""
    out: list[Place] = []
    k = 0
    for c in doc.choices:
        if c.pointed:
            placed = c.placed if keep is None else bool(keep[k])
            k += 1
            if placed:
                out.append(c.point())
                continue
        if c.named:
            out.append(Place(c.span, c.span.text, c.country))
    return out


def _figures(docs: list[_Doc], decisions: Sequence[npt.NDArray[np.bool_] | None], prefix: str,
             gazetteer: Gazetteer) -> dict[str, float | int]:
    def demonym(text: str) -> bool:
        return gazetteer.key(text) in gazetteer.demonyms

    out: dict[str, float | int] = {}
    for corpus in CORPORA:
        tally = Tally()
        for doc, keep in zip(docs, decisions, strict=True):
            if doc.corpus == corpus:
                found = _reported(doc, keep)
                tally.add_gold(doc.gold, found, demonym)
                tally.add_reported(doc.gold, found)
        m = tally.metrics(f"{prefix}.{corpus}")
        out |= {k: v for k, v in m.items() if k.endswith(("recall_names", "precision", "f1_names"))}
    return out


def _fit(docs: list[_Doc], seed: int) -> npt.NDArray[np.float32]:
    rows = [r for d in docs for r, y in zip(d.rows, d.labels, strict=True) if y is not None]
    labels = np.array([y for d in docs for y in d.labels if y is not None], dtype=np.float64)
    return fit_binary(slot_rows(rows), labels, FEATURE_BITS, Fit(FIT.epochs, FIT.lr, FIT.l2, FIT.batch, seed))


def _load(data: Path, gazetteer: Gazetteer) -> list[_Doc]:
    docs: list[_Doc] = []
    for corpus, (reader, name) in CORPORA.items():
        golds = list(reader(data / name))
        articles = [Article(id=g.id, source=g.id, url=g.url, text=g.text) for g in golds]
        docs += [_document(g, a, gazetteer, corpus) for g, a in zip(golds, annotate(articles), strict=True)]
    return docs


def _out_of_fold(docs: list[_Doc], seed: int) -> list[npt.NDArray[np.float64]]:
    """Each document's probabilities from the model fitted on the other folds (folds by article)."""
    fold = np.random.default_rng(seed).permutation(len(docs)) % FOLDS
    probs: list[npt.NDArray[np.float64]] = [np.zeros(0)] * len(docs)
    for f in range(FOLDS):
        weights = _fit([d for d, g in zip(docs, fold, strict=True) if g != f], seed)
        for i in np.flatnonzero(fold == f):
            probs[i] = score(weights, docs[i].rows)
    return probs


def _rules(doc: _Doc) -> npt.NDArray[np.bool_]:
    return np.array([c.placed for c in doc.choices if c.pointed], dtype=bool)


def _override(docs: Sequence[_Doc], probs: Sequence[npt.NDArray[np.float64]],
              bounds: tuple[float, float]) -> list[npt.NDArray[np.bool_]]:
    low, high = bounds
    return [(_rules(d) | (p > high)) & (p >= low) for d, p in zip(docs, probs, strict=True)]


def _choose(docs: list[_Doc], seed: int, gazetteer: Gazetteer) -> tuple[float, float]:
    """The override bounds whose smaller gain in F1 (names) over the rules, of the two corpora, is largest,
    out of fold within ``docs``."""
    probs = _out_of_fold(docs, seed + 1)
    rules = _figures(docs, [None] * len(docs), "x", gazetteer)

    def gain(bounds: tuple[float, float]) -> float:
        got = _figures(docs, _override(docs, probs, bounds), "x", gazetteer)
        return min(got[f"x.{c}.e2e.f1_names"] - rules[f"x.{c}.e2e.f1_names"] for c in CORPORA)

    return max(OVERRIDES, key=gain)


def _nested(docs: list[_Doc], seed: int, gazetteer: Gazetteer) -> tuple[list[npt.NDArray[np.bool_]], list[str]]:
    """Override decisions for each outer fold, with bounds chosen out of fold on the other folds alone."""
    fold = np.random.default_rng(seed).permutation(len(docs)) % FOLDS
    keep: list[npt.NDArray[np.bool_]] = [np.zeros(0, dtype=bool)] * len(docs)
    chosen: list[str] = []
    for f in range(FOLDS):
        train = [d for d, g in zip(docs, fold, strict=True) if g != f]
        bounds = _choose(train, seed, gazetteer)
        chosen.append(f"{bounds[0]:g}-{bounds[1]:g}")
        weights = _fit(train, seed)
        for i in np.flatnonzero(fold == f):
            keep[i] = _override([docs[i]], [score(weights, docs[i].rows)], bounds)[0]
    return keep, chosen


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Cross-validate the check by article on LGL and GeoWebNews under ``data``; write the model fitted on all
    of them to ``out`` only when given."""
    gazetteer = load_gazetteer(resources("en"))
    docs = _load(Path(data), gazetteer)
    probs = _out_of_fold(docs, seed)
    metrics = _figures(docs, [None] * len(docs), "rules", gazetteer)
    for t in THRESHOLDS:
        name = "oof" if t == THRESHOLD else f"oof@{t:g}"
        metrics |= _figures(docs, [p > t for p in probs], name, gazetteer)
    for bounds in OVERRIDES:
        metrics |= _figures(docs, _override(docs, probs, bounds), f"override@{bounds[0]:g}-{bounds[1]:g}", gazetteer)
    keep, chosen = _nested(docs, seed, gazetteer)
    metrics |= _figures(docs, keep, "nested", gazetteer)
    folder = out if out is not None else Path(str(resources("en").file(MODEL_FILE))).parent
    check = Check(_fit(docs, seed), *_choose(docs, seed, gazetteer))
    folder.mkdir(parents=True, exist_ok=True)
    artifact = folder / Path(MODEL_FILE).name
    artifact.write_text(json.dumps(check.to_json(), sort_keys=True) + "\n", encoding="utf-8")
    card = _card(folder, check, metrics, len(docs))
    artifacts = (artifact, card)
    judged = sum(y is not None for d in docs for y in d.labels)
    return TrainingReport("places", str(data), artifacts, metrics,
                          (f"{len(docs)} articles, {judged} judged points, {FOLDS} folds by article",
                           f"nested: override bounds chosen per outer fold: {', '.join(chosen)}"))


LICENCE = (
    "the training data are GPL-3.0: LGL (Lieberman et al., 2010) and GeoWebNews (Gritta et al., 2019) as the "
    "GeoWebNews authors' repository redistributes them under GNU GPL v3 (LGL's original terms may differ); the "
    "article texts stay their publishers'. The artifact holds hashed feature weights only, no text of the data. "
    "Whether weights fitted to GPL-3.0 data are a work based on it is not settled, and dateline is MIT: clear "
    "this before a release, or leave the file out (the stage then keeps places on its rules, with a warning)."
)


def _card(folder: Path, check: Check, metrics: dict[str, float | int], articles: int) -> Path:
    """Write the model card ``places-check.md`` beside the artifact and return its path."""
    rows = ["| figure | rules | check, out of fold (nested) |", "|---|---|---|"]
    for corpus, label in (("lgl", "LGL"), ("gwn", "GeoWebNews")):
        for name in ("recall_names", "precision", "f1_names"):
            key = f"{corpus}.e2e.{name}"
            rows.append(f"| {label} `{key}` | {metrics[f'rules.{key}']:.3f} | {metrics[f'nested.{key}']:.3f} |")
    lines = [
        "# Model card: the places stage's learned check (`places-check.json`)", "",
        "A logistic model over hashed features (`dateline/places/_check.py`) of each mention the stage resolves "
        "to a point: whether the point is right. It overrides the rules only where it is sure: a point they drop "
        f"is reported above {check.high:g}, one they report is dropped below {check.low:g} (bounds chosen out of "
        "fold).", "",
        f"**Data.** LGL (588 articles) and GeoWebNews (200), {articles} articles; a point is right when it "
        "overlaps a gold toponym and is its GeoNames entry or lies within 161 km of it.", "",
        f"**Licence.** {LICENCE}", "",
        f"**Figures** (`dateline train places`, {FOLDS} folds by article; each outer fold scored by a model and "
        "bounds chosen on the other folds alone). The rules themselves were written while reading errors on "
        "both sets, so neither column is unseen data for the rules; the check's gain over them is out of fold.",
        "", *rows, "",
        f"**Fit.** Adam, {FIT.epochs} epochs, step {FIT.lr:g}, L2 {FIT.l2:g}, batch {FIT.batch}, "
        f"{1 << FEATURE_BITS} slots; deterministic for a seed.",
    ]
    card = folder / "places-check.md"
    card.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return card
