"""Train the learned check of event candidates (``dateline train events``).

The events stage proposes candidates from its lexicon and the parse
(:func:`dateline.events.candidates`); this trains the logistic model that says
which are real events of their type (:mod:`dateline.events._model`), from the
labelled data under ``eval/events`` of the shared data:

- ``wikinews-dev/``: whole articles coded by hand (CC BY 2.5). A candidate is
  positive when it matches a hand-coded event of the article (type, sentence
  and a participant, as :mod:`dateline.evaluation.wikinews` scores); the
  others, trigger words in sentences with no such event, are the negatives.
- ``plover/plover_gsr_cameo.json``: PLOVER's gold records (CC BY-SA 4.0), one
  event per sentence: a candidate of the record's type (as PLOVER codes it) is
  positive, any other negative.
- ``plover/synthetic_headlines.csv`` (templates filled with country and capital
  names) and the lead of each story of ``plover/gpt_synthetic_events_*.csv``
  (synthetic, pseudo-labelled by their type; no licence file upstream): a
  candidate of the labelled type is positive, any other negative. They weigh
  less (:data:`SOURCE_WEIGHTS`): their labels are a document's, not a span's.

The hand-coded articles are the yardstick, not training data: the model is
fitted on the sentence sets alone, each hand-coded article's candidates are
then scored by that model, which never saw them, and the figures reported are
those (``dev.*``), beside the rules alone on the same candidates (``rules.*``).
The threshold of a kept event is the one whose F1 of core recall and precision
on the hand-coded articles is best (selected on them). Training is
deterministic for a seed (the filled templates depend on it).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from dateline import actors, events, lang, places, times
from dateline.evaluation import f1, wikinews
from dateline.evaluation._parses import annotate
from dateline.evaluation.events import DEFAULT_DATA, GSR_FILE, LEGACY_TYPES, WIKINEWS_DIR
from dateline.events._lexicon import load_lexicon
from dateline.events._model import FEATURE_GROUPS, MODEL_FILE, Candidate, features, logit
from dateline.records import Article, Event
from dateline.training import TrainingReport, require

__all__ = ["DEFAULT_DATA", "staged", "train"]

HEADLINES_FILE = "plover/synthetic_headlines.csv"
SYNTHETIC_GLOB = "plover/gpt_synthetic_events_*.csv"
#: How much an example of each source counts. Set by hand: the hand-coded articles are the target
#: kind of text; the synthetic labels are a whole document's.
SOURCE_WEIGHTS = {"wikinews": 1.0, "gsr": 1.0, "headlines": 0.5, "synthetic": 0.3}
#: L2 penalty on the weights. Out of fold on the hand-coded articles, 3, 10 and 30 ranked candidates
#: alike (AUC 0.62-0.63); the strongest keeps the model closest to the rules' confidence.
L2 = 30.0
#: Full-batch Adam steps and step size: the loss no longer moves after about 200 steps.
STEPS = 300
STEP_SIZE = 0.1
#: A feature seen fewer times than this in all the data is left out (it cannot be weighed).
MIN_FEATURE_COUNT = 2
#: Thresholds tried for a kept event (0: keep every candidate, the model only gives the confidence).
THRESHOLDS = (0.0, *(round(0.2 + 0.05 * i, 2) for i in range(11)))
#: Characters of a synthetic story read: its lead, where its labelled event is reported.
SYNTHETIC_LEAD = 300
#: Sentences parsed at once.
CHUNK = 64
#: Version of the model file format (:data:`dateline.events._model.SUPPORTED_MAJOR`).
FORMAT_VERSION = "1.0"
_PLACEHOLDER = re.compile(r"\{(country_\d|city)\}")


@dataclass(frozen=True)
class _Example:
    """One candidate: its features (of the groups a model weighs), the log-odds of the rules' confidence
    in it, its label, weight, source and (for a hand-coded article) its index."""

    features: tuple[str, ...]
    offset: float
    label: int
    weight: float
    source: str
    article: int = -1


def _example(candidate: Candidate, article: Article, earlier: Sequence[Candidate], label: int,
             source: str, index: int = -1) -> _Example:
    names = features(candidate, article, (c.event for c in earlier))
    return _Example(tuple(n for n in names if n.startswith(FEATURE_GROUPS)), logit(candidate.event.confidence or 0.0),
                    label, SOURCE_WEIGHTS[source], source, index)


def staged(batch: Sequence[Article]) -> list[Article]:
    """Articles parsed (from the parse cache when one is in use) and through the stages before events."""
    out = []
    for article in annotate(batch):
        for stage in (actors.apply, times.apply, places.apply):
            article = stage(article)
        out.append(article)
    return out


def _sentence_examples(texts: Sequence[tuple[str, str]], source: str) -> list[_Example]:
    """Examples from short texts, each with the PLOVER type of its one event: a candidate of that type is
    positive, any other negative."""
    lex = load_lexicon(lang.resources())
    out: list[_Example] = []
    for first in range(0, len(texts), CHUNK):
        chunk = texts[first:first + CHUNK]
        batch = [Article(id=f"{source}{first + i}", source=source, text=t) for i, (t, _) in enumerate(chunk)]
        for article, (_, label) in zip(staged(batch), chunk, strict=True):
            found = events.candidates(article, lex)
            for i, candidate in enumerate(found):
                kind = events.plover_type(candidate.event)
                out.append(_example(candidate, article, found[:i], int(label in (kind, candidate.event.type)), source))
    return out


def _gsr(path: Path) -> list[tuple[str, str]]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [(r["text"], LEGACY_TYPES.get(r["event"], r["event"])) for r in records if r.get("event") != "DOCUMENT"]


def _headlines(path: Path, rng: np.random.Generator) -> list[tuple[str, str]]:
    """The headline templates with their placeholders filled by country names and capitals."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    countries = lang.resources().data("countries", "1")["countries"]
    names = [c["name"] for c in countries]
    capitals = [cap for c in countries for cap in c.get("capitals", [])]

    def fill(match: re.Match[str]) -> str:
        pool = capitals if match.group(1) == "city" else names
        return str(pool[int(rng.integers(len(pool)))])

    return [(_PLACEHOLDER.sub(fill, r["title"]), r["event"]) for r in rows if r.get("title") and r.get("event")]


def _synthetic(folder: Path) -> list[tuple[str, str]]:
    """The lead of each synthetic story (up to the last sentence end within :data:`SYNTHETIC_LEAD`)."""
    out = []
    for path in sorted(folder.glob(SYNTHETIC_GLOB)):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            text = " ".join((row.get("text") or "").split())
            lead = text[:SYNTHETIC_LEAD]
            end = lead.rfind(". ")
            if row.get("label") and end > 0:
                out.append((lead[:end + 1], row["label"]))
    return out


@dataclass(frozen=True)
class _Scored:
    """A hand-coded article, what the stages before events made of it (without its parse), and the events
    of its candidates."""

    gold: wikinews.GoldArticle
    article: Article
    events: tuple[Event, ...]


def _wikinews(folder: Path) -> tuple[list[_Example], list[_Scored]]:
    gold = wikinews.load(folder)
    lex = load_lexicon(lang.resources())
    examples: list[_Example] = []
    scored: list[_Scored] = []
    for index, (g, article) in enumerate(zip(gold, wikinews.run(gold, until="events"), strict=True)):
        if not isinstance(article, Article):
            continue
        found = tuple(events.candidates(article, lex))
        system = wikinews.from_article(replace(article, events=tuple(c.event for c in found)))
        for i, (candidate, event) in enumerate(zip(found, system.events, strict=True)):
            label = int(any(wikinews.matches(event, e) for e in g.events))
            examples.append(_example(candidate, article, found[:i], label, "wikinews", index))
        scored.append(_Scored(g, replace(article, doc=None), tuple(c.event for c in found)))
    return examples, scored


# --- the logistic model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Matrix:
    """Examples as sparse binary rows: the (row, column) of every present feature, labels and weights."""

    vocabulary: tuple[str, ...]
    rows: npt.NDArray[np.int64]
    cols: npt.NDArray[np.int64]
    offsets: npt.NDArray[np.float64]
    labels: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]


def _matrix(examples: Sequence[_Example]) -> _Matrix:
    counts = Counter(name for e in examples for name in set(e.features))
    vocabulary = tuple(sorted(name for name, n in counts.items() if n >= MIN_FEATURE_COUNT))
    index = {name: i for i, name in enumerate(vocabulary)}
    rows, cols = [], []
    for r, example in enumerate(examples):
        for c in sorted({index[n] for n in example.features if n in index}):
            rows.append(r)
            cols.append(c)
    return _Matrix(vocabulary, np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
                   np.array([e.offset for e in examples], dtype=np.float64),
                   np.array([e.label for e in examples], dtype=np.float64),
                   np.array([e.weight for e in examples], dtype=np.float64))


def _scores(m: _Matrix, w: npt.NDArray[np.float64], bias: float, n: int) -> npt.NDArray[np.float64]:
    logits = np.bincount(m.rows, weights=w[m.cols], minlength=n) + bias + m.offsets
    probabilities: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
    return probabilities


def _fit(m: _Matrix, use: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.float64], float]:
    """Weights and bias of a logistic model fit to the examples marked in ``use`` (full-batch Adam, L2), each
    example's rule log-odds its offset: with little evidence the model keeps the rules' confidence."""
    n, d = len(m.labels), len(m.vocabulary)
    sample = np.where(use, m.weights, 0.0)
    total = sample.sum()
    params = np.zeros(d + 1)
    first, second = np.zeros(d + 1), np.zeros(d + 1)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, STEPS + 1):
        p = _scores(m, params[:d], params[d], n)
        residual = (p - m.labels) * sample
        grad = np.empty(d + 1)
        grad[:d] = np.bincount(m.cols, weights=residual[m.rows], minlength=d) / total + L2 * params[:d] / total
        grad[d] = residual.sum() / total
        first = beta1 * first + (1 - beta1) * grad
        second = beta2 * second + (1 - beta2) * grad * grad
        params -= STEP_SIZE * (first / (1 - beta1 ** step)) / (np.sqrt(second / (1 - beta2 ** step)) + eps)
    return params[:d], float(params[d])


# --- out-of-fold figures on the hand-coded articles ------------------------------------------------------


def _figures(scored: Sequence[_Scored], probabilities: dict[int, list[float]],
             threshold: float | None) -> dict[str, float | int]:
    """The wikinews figures of the candidates kept at ``threshold`` (None: all, as the rules alone)."""
    golds, systems = [], []
    for index, item in enumerate(scored):
        kept = [replace(event, confidence=round(p, 3))
                for event, p in zip(item.events, probabilities[index], strict=True)
                if threshold is None or p >= threshold]
        golds.append(item.gold)
        systems.append(wikinews.from_article(replace(item.article, events=tuple(kept))))
    total = sum(wikinews.score(golds, systems).values(), wikinews.Counts())
    return dict(wikinews.event_rates(total))


def _dev(m: _Matrix, examples: Sequence[_Example], scored: Sequence[_Scored], w: npt.NDArray[np.float64],
         bias: float) -> dict[int, list[float]]:
    """Each hand-coded article's candidate probabilities from the model fitted without any of them."""
    probabilities = _scores(m, w, bias, len(examples))
    out: dict[int, list[float]] = {i: [] for i in range(len(scored))}
    for row, example in enumerate(examples):
        if example.article >= 0:
            out[example.article].append(float(probabilities[row]))
    return out


def _auc(scored: Sequence[_Scored], examples: Sequence[_Example], probabilities: dict[int, list[float]],
         prior: bool) -> float:
    """How well the model's probabilities (``prior``: the rules' confidence) rank the hand-coded
    articles' right candidates above their wrong ones (the area under the ROC curve)."""
    labels = [e.label for e in examples if e.article >= 0]
    if prior:
        values = [e.confidence or 0.0 for item in scored for e in item.events]
    else:
        values = [p for index in range(len(scored)) for p in probabilities[index]]
    pairs = [(v, y) for v, y in zip(values, labels, strict=True)]
    right = [v for v, y in pairs if y]
    wrong = [v for v, y in pairs if not y]
    if not right or not wrong:
        return 0.0
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return round(wins / (len(right) * len(wrong)), 4)


def _choose(scored: Sequence[_Scored], oof: dict[int, list[float]]) -> tuple[float, dict[str, float | int]]:
    """The threshold whose F1 of core recall and precision on the hand-coded articles is best, and its figures."""
    best: tuple[float, float, dict[str, float | int]] | None = None
    for threshold in THRESHOLDS:
        figures = _figures(scored, oof, threshold)
        value = f1(float(figures["precision"]), float(figures["core_recall"]))
        if best is None or value > best[0]:
            best = (value, threshold, figures)
    assert best is not None
    return best[1], best[2]


# --- the command -----------------------------------------------------------------------------------------


def _write(out: Path, m: _Matrix, w: npt.NDArray[np.float64], bias: float, threshold: float,
           metrics: dict[str, float | int], counts: Counter[str]) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    weights = {name: round(float(v), 4) for name, v in zip(m.vocabulary, w, strict=True) if abs(v) >= 1e-4}
    model = {"version": FORMAT_VERSION, "threshold": threshold, "bias": round(bias, 4),
             "trained_on": dict(sorted(counts.items())), "weights": dict(sorted(weights.items()))}
    path = out / Path(MODEL_FILE).name
    path.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    card = out / (path.stem + ".md")
    card.write_text(_card(threshold, metrics, counts, len(weights)), encoding="utf-8")
    return path, card


def _card(threshold: float, metrics: dict[str, float | int], counts: Counter[str], size: int) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in metrics.items())
    sources = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    return f"""# Event candidate model (`events.json`)

A logistic model that says whether a candidate event the rules propose (lexicon and parse) is a real event
of its type, as a careful coder would code it. It corrects the rules' own confidence in the candidate (whose
log-odds are its offset) from a few features of the parse: type, status, how many parties the actors stage
resolved and of what kind, where the date comes from, quotation, questions and restatements. The events
stage keeps candidates whose probability is at least {threshold} and gives that probability as the event's
confidence. Written by `dateline train events` (`src/dateline/training/events.py`); deterministic for a
seed.

## Data (training examples: {sources}; {size} features with a weight)
- PLOVER gold-standard records (`openeventdata/PLOVER`, 322 sentences; CC BY-SA 4.0).
- Synthetic headlines and stories of the NGEC project (`ahalterman/NGEC`): generated text, pseudo-labelled
  by document; the repository has no licence file (only package metadata of its successor declares MIT).

## Licences of the weights
The weights are numbers learned in part from CC BY-SA 4.0 records; whether a model trained on such data is a
derivative work of it is not settled. dateline distributes them under CC BY-SA 4.0 with attribution to the
PLOVER project (openeventdata). The NGEC synthetic data has no licence file, so its terms are unknown: a
user who needs certainty can retrain without it (remove the two CSV files from the data folder), but most of
what the model adds over the rules comes from it (trained on the PLOVER records alone it keeps every
candidate of the hand-coded articles at its best threshold).

## Figures
`dev.*`: the Wikinews articles coded by hand to PLOVER (`eval/events/wikinews-dev`, 36 articles), which
the model never saw, scored with it; the threshold is the one of best F1 of core recall and precision on
them (selected on them). `rules.*` is the same scoring of all candidates, as the stage codes without a model.
`*.auc` is how well the model's probabilities (and the rules' confidence) rank right candidates above wrong
ones. The other sources are training data only: no held-out figure is claimed for them.

| metric | value |
|---|---|
{rows}
"""


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Train the event candidate model on the sets under ``data``; write it and its card to ``out`` (by
    default where the stage loads it from)."""
    data = require("events", data, f"{WIKINEWS_DIR}/{wikinews.GOLD_FILE}", GSR_FILE)
    rng = np.random.default_rng(seed)
    examples, scored = _wikinews(data / WIKINEWS_DIR)
    examples += _sentence_examples(_gsr(data / GSR_FILE), "gsr")
    if (data / HEADLINES_FILE).is_file():
        examples += _sentence_examples(_headlines(data / HEADLINES_FILE, rng), "headlines")
    examples += _sentence_examples(_synthetic(data), "synthetic")
    m = _matrix(examples)
    w, bias = _fit(m, np.array([e.article < 0 for e in examples]))  # the sentence sets only
    dev = _dev(m, examples, scored, w, bias)
    threshold, figures = _choose(scored, dev)
    rules = _figures(scored, dev, None)
    counts = Counter(f"{e.source}.{'positive' if e.label else 'negative'}" for e in examples if e.article < 0)
    metrics: dict[str, float | int] = {"threshold": threshold, "features": len(m.vocabulary),
                                       "dev.auc": _auc(scored, examples, dev, prior=False),
                                       "rules.auc": _auc(scored, examples, dev, prior=True)}
    metrics.update({f"dev.{k}": v for k, v in figures.items()})
    metrics.update({f"rules.{k}": v for k, v in rules.items()})
    target = out or Path(str(lang.resources().file(MODEL_FILE))).parent
    written = _write(target, m, w, bias, threshold, metrics, counts)
    return TrainingReport("events", str(data), written, metrics,
                          (f"examples: {', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}",))
