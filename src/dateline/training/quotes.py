"""Train the quotes stage's attribution model on PolNeAR's train split (``dateline train quotes``).

1. Every train article is parsed (from the evaluation parse cache when one is
   in use) and its gold attributions are put on tokens: the head of each cue,
   the tokens of each source.
2. The cue scorer is a logistic regression over every token that may head a
   cue; the gold cue heads are its positives. The content and source rankers
   learn, for each gold cue, which of its candidates is the gold content
   (closest by overlap over the longer span, at least 0.3) and which is the
   gold source's head (or none). The rankers' "other likely cues inside this
   span" feature comes from cue scores cross-fitted over two halves of the
   articles, so that they see scores as noisy as at run time.
3. Every 10th article (in name order) is held out: a model trained on the rest
   is scored on it through the stage at several cue thresholds, and the best
   one is kept. The model written is then trained on all train articles with
   that threshold. Dev plays no part; when the dev split is there it is scored
   once at the end, for the model card.

The artifact (``quotes.npz``) and its model card (``quotes.md``) go to
``dateline/lang/en/models/`` unless ``--out`` says otherwise.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from dateline.errors import InputError
from dateline.evaluation import _parses, _polnear
from dateline.evaluation import quotes as scoring
from dateline.lang import resources
from dateline.quotes._arrays import Arrays, Ranges
from dateline.quotes._cue_features import cue_slots
from dateline.quotes._learned import MODEL_FILE, Learned, arrays_of, quotes_of
from dateline.quotes._lexicon import load_lexicon
from dateline.quotes._model import FORMAT, AttributionModel, Features, content_group, source_group
from dateline.quotes._reading import reportable
from dateline.quotes._span_features import content_slots, cue_info, source_slots
from dateline.records import Article
from dateline.training import TrainingReport
from dateline.training._linear import Fit, fit_binary, fit_ranker

__all__ = ["DEFAULT_DATA", "SETTINGS", "train"]

DEFAULT_DATA = "eval/quotes/polnear"
#: Every this many-th train article (in name order) is held out to choose the cue threshold.
HOLDOUT_EVERY = scoring.HOLDOUT_EVERY
#: Cue thresholds tried on the held-out articles (logits; -1.0 is p > 0.27).
THRESHOLDS = (-2.0, -1.75, -1.5, -1.25, -1.0, -0.75, -0.5)
#: The threshold kept is the highest whose held-out F1 is within this of the best: F1 is flat over a wide range
#: of thresholds (within 0.004 from -2.0 to -1.0 on held-out train), and a higher one gives fewer false alarms,
#: which is what a reader of the records sees.
F1_TOLERANCE = 0.005
#: A content candidate is a ranker's answer when it overlaps the gold content by this share of the longer span.
MIN_TARGET_OVERLAP = 0.3
#: Hash sizes (bits), passes, step sizes and shrinkage; chosen on held-out train articles, never on dev.
SETTINGS: dict[str, Any] = {
    "format": FORMAT, "cue_bits": 20, "content_bits": 18, "source_bits": 18,
    "cue_epochs": 12, "cue_lr": 0.005, "cue_l2": 1e-6, "cue_batch": 20000,
    "rank_epochs": 30, "rank_lr": 0.02, "rank_l2": 1e-6, "rank_batch": 2000,
}


@dataclass(frozen=True)
class Example:
    """One training article: its arrays, gold cue heads and sources on tokens, cue slots and labels."""

    item: _polnear.GoldArticle
    arrays: Arrays
    cue_heads: tuple[int, ...]
    sources: tuple[frozenset[int], ...]
    rows: np.ndarray
    slots: np.ndarray
    labels: np.ndarray

    def scores(self, weights: np.ndarray) -> np.ndarray:
        """Cue scores of every token under ``weights`` (-inf where no cue can be)."""
        z = np.full(self.arrays.n, -np.inf)
        z[self.rows] = weights[self.slots].sum(axis=1)
        return z


def range_tokens(a: Arrays, ranges: Ranges) -> list[int]:
    """The tokens (not spaces) that overlap the character ``ranges``."""
    return [i for s, e in ranges if e > s for i in range(*a.token_range(s, e)) if not a.space[i]]


def head_of(a: Arrays, tokens: list[int]) -> int:
    """The first token of ``tokens`` whose head lies outside them."""
    inside = set(tokens)
    return next((i for i in tokens if int(a.head[i]) not in inside or int(a.head[i]) == i), tokens[0])


def _example(item: _polnear.GoldArticle, article: Article, features: Features) -> Example:
    a = arrays_of(article)
    heads, sources = [], []
    for g in item.gold:
        cue = range_tokens(a, g.cue)
        heads.append(head_of(a, cue) if cue else -1)
        sources.append(frozenset(range_tokens(a, g.source)))
    rows, slots = cue_slots(a, features.bits, SETTINGS["cue_bits"])
    labels = np.zeros(a.n)
    labels[[h for h in heads if h >= 0]] = 1.0
    return Example(item, a, tuple(heads), tuple(sources), rows, slots.astype(np.int32), labels[rows])


def _fit_cue(examples: list[Example], settings: dict[str, Any], seed: int) -> np.ndarray:
    fit = Fit(settings["cue_epochs"], settings["cue_lr"], settings["cue_l2"], settings["cue_batch"], seed)
    return fit_binary(np.concatenate([e.slots for e in examples]), np.concatenate([e.labels for e in examples]),
                      settings["cue_bits"], fit)


def _overlap_share(a: Arrays, spans: tuple[tuple[int, int], ...], gold: Ranges) -> float:
    ranges = a.char_ranges(spans)
    common = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in ranges for s2, e2 in gold)
    return common / max(sum(e - s for s, e in ranges), sum(e - s for s, e in gold), 1)


class _Groups:
    """Ranker training groups: descriptor rows, the cue values of each row, where each group starts, its answer."""

    def __init__(self) -> None:
        self.rows: list[list[int]] = []
        self.cues: list[tuple[int, ...]] = []
        self.starts: list[int] = []
        self.answers: list[int] = []

    def add(self, rows: list[list[int]], cue: tuple[int, ...], answer: int) -> None:
        self.starts.append(len(self.rows))
        self.answers.append(len(self.rows) + answer)
        self.rows.extend(rows)
        self.cues.extend([cue] * len(rows))

    def fit(self, slotter: Callable[[list[list[int]], list[tuple[int, ...]], int], np.ndarray], bits: int,
            fit: Fit) -> np.ndarray:
        slots = slotter(self.rows, self.cues, bits).astype(np.int32)
        return fit_ranker(slots, np.asarray(self.starts), np.asarray(self.answers), bits, fit)


def _groups(e: Example, z: np.ndarray, threshold: float, features: Features, content: _Groups,
            sources: _Groups) -> None:
    """Add the content and source groups of every gold cue of ``e`` (``z``: its cross-fitted cue scores)."""
    a = e.arrays
    inner = np.concatenate([[0], np.cumsum(z > threshold)]).tolist()
    likely = np.flatnonzero(z > threshold).tolist()
    masks = features.bits(a.lemma)
    for g, head, source in zip(e.item.gold, e.cue_heads, e.sources, strict=True):
        if head < 0:
            continue
        cue = cue_info(a, head, int(masks[head]), features.openers)
        cands, rows = content_group(a, cue, inner, likely, features.openers)
        taken: set[int] = set()
        if cands:
            shares = [_overlap_share(a, c.spans, g.content) for c in cands]
            best = int(np.argmax(shares))
            if shares[best] >= MIN_TARGET_OVERLAP:
                content.add(rows, cue.values, best)
                taken = {i for s, t in cands[best].spans for i in range(s, t)}
        found, rows = source_group(a, cue, taken)
        answer = 0  # "none" comes first
        if source:
            heads = [k for k, s in enumerate(found) if s.head in source]
            if not heads:
                continue
            main = head_of(a, sorted(source))
            answer = next((k for k in heads if found[k].head == main), heads[0])
        sources.add(rows, cue.values, answer)


def fit_model(examples: list[Example], settings: dict[str, Any], features: Features, seed: int,
              log: dict[str, float]) -> AttributionModel:
    """The three linear models fitted on ``examples`` with ``settings`` (its ``threshold`` included)."""
    started = time.perf_counter()
    zs = [np.zeros(0)] * len(examples)
    for fold in (0, 1):
        w = _fit_cue([e for k, e in enumerate(examples) if k % 2 != fold], settings, seed)
        for k in range(fold, len(examples), 2):
            zs[k] = examples[k].scores(w)
    cue = _fit_cue(examples, settings, seed)
    log["cue_fit_s"] = round(time.perf_counter() - started, 1)
    content, sources = _Groups(), _Groups()
    for e, z in zip(examples, zs, strict=True):
        _groups(e, z, settings["threshold"], features, content, sources)
    rank = Fit(settings["rank_epochs"], settings["rank_lr"], settings["rank_l2"], settings["rank_batch"], seed)
    weights = {"cue": cue, "content": content.fit(content_slots, settings["content_bits"], rank),
               "source": sources.fit(source_slots, settings["source_bits"], rank)}
    log["fit_s"] = round(time.perf_counter() - started, 1)
    return AttributionModel(weights, dict(settings))


def parsed_articles(items: list[_polnear.GoldArticle]) -> list[Article]:
    """The articles of ``items`` parsed like the annotate stage (through the evaluation parse cache)."""
    out: list[Article] = []
    for k in range(0, len(items), scoring.BATCH):
        out.extend(_parses.annotate([item.article for item in items[k:k + scoring.BATCH]]))
    return out


def score(model: AttributionModel, examples: list[Example], learned: Learned,
          thresholds: tuple[float, ...]) -> dict[float, dict[str, float | int]]:
    """The stage's figures with ``model`` on ``examples`` (with their actors) at each cue threshold."""
    from dateline import actors

    counts: dict[float, Counter[str]] = {t: Counter() for t in thresholds}
    learned = replace(learned, model=model)
    for e in examples:
        article = actors.apply(replace(e.item.article, doc=e.arrays.doc))
        z = model.cue_scores(e.arrays, learned.features, reportable(e.arrays, learned.features))
        for t in thresholds:
            found = quotes_of(article, e.arrays, model.decode(e.arrays, z, learned.features, t), learned)
            counts[t].update(scoring.count(found, e.item.gold, e.item.inside))
    return {t: scoring.metrics(c) for t, c in counts.items()}


def _choose(figures: dict[float, dict[str, float | int]]) -> float:
    """The highest threshold whose primary F1 is within :data:`F1_TOLERANCE` of the best."""
    best = max(figures[t][f"{scoring.PRIMARY}.f1"] for t in figures)
    return max(t for t in figures if figures[t][f"{scoring.PRIMARY}.f1"] >= best - F1_TOLERANCE)


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Train on the train split under ``data``; write the model and its card to ``out`` (default: the package)."""
    res = resources("en")
    lexicon = load_lexicon(res)
    features = Features(lexicon)
    started = time.perf_counter()
    items = _polnear.load(_polnear.split_dir(Path(data), "train"))
    examples = [_example(item, article, features) for item, article in zip(items, parsed_articles(items), strict=True)]
    log: dict[str, float] = {"parse_s": round(time.perf_counter() - started, 1)}
    held = [e for k, e in enumerate(examples) if k % HOLDOUT_EVERY == 0]
    rest = [e for k, e in enumerate(examples) if k % HOLDOUT_EVERY != 0]
    settings = {**SETTINGS, "threshold": -1.0}
    probe = fit_model(rest, settings, features, seed, log)
    learned = Learned(probe, features, lexicon)
    tried = score(probe, held, learned, THRESHOLDS)
    threshold = _choose(tried)
    model = fit_model(examples, {**settings, "threshold": threshold}, features, seed, log)
    dev = _dev_figures(Path(data), model, learned)
    folder = out if out is not None else Path(str(res.file(MODEL_FILE))).parent
    folder.mkdir(parents=True, exist_ok=True)
    artifact = folder / Path(MODEL_FILE).name
    artifact.write_bytes(model.to_bytes())
    log["train_s"] = round(time.perf_counter() - started, 1)
    card = write_card(folder, artifact, model.config, len(items), sum(len(i.gold) for i in items), len(held),
                      tried, threshold, dev, log)
    metrics: dict[str, float | int] = {"threshold": threshold, "articles": len(items), "held_out": len(held),
                                       **{f"held_out.{k}": v for k, v in _headline(tried[threshold]).items()},
                                       **{f"dev.{k}": v for k, v in _headline(dev).items()},
                                       "artifact_bytes": artifact.stat().st_size, **log}
    return TrainingReport("quotes", str(data), (artifact, card), metrics,
                          ("held_out.*: every 10th train article, scored by a model trained on the others (the "
                           "threshold was chosen there); dev.*: the model written, never trained or tuned on dev",))


def _headline(figures: dict[str, float | int]) -> dict[str, float | int]:
    return {name: figures[name] for name in scoring.SUMMARY if name in figures}


def _dev_figures(data: Path, model: AttributionModel, learned: Learned) -> dict[str, float | int]:
    """The written model's figures on dev, when the dev split is there (for the card; nothing is chosen on them)."""
    try:
        split = _polnear.split_dir(data, "dev")
    except InputError:
        return {}  # no dev split: the card says so
    items = _polnear.load(split)
    features = learned.features
    examples = [_example(item, article, features) for item, article in zip(items, parsed_articles(items), strict=True)]
    threshold = float(model.config["threshold"])
    return {"articles": len(items), **score(model, examples, learned, (threshold,))[threshold]}



def _figure_rows(figures: dict[str, float | int]) -> list[str]:
    names = {f"{scoring.PRIMARY}.precision": "precision", f"{scoring.PRIMARY}.recall": "recall",
             f"{scoring.PRIMARY}.f1": "**F1** (overlap >= 0.3 of the longer span)",
             "gold30.f1": "F1, overlap a share of the gold span", f"{scoring.PRIMARY}.direct.f1": "direct speech F1",
             f"{scoring.PRIMARY}.reported.f1": "reported speech and stances F1",
             f"{scoring.PRIMARY}.speaker.accuracy": "speaker accuracy", f"{scoring.PRIMARY}.cue.accuracy":
             "cue accuracy", f"{scoring.PRIMARY}.speech.precision": "precision of kind speech",
             f"{scoring.PRIMARY}.stance.precision": "precision of kind stance"}
    return [f"| {label} | {figures[name]:.3f} |" for name, label in names.items() if name in figures]


def write_card(folder: Path, artifact: Path, config: dict[str, Any], articles: int, attributions: int, held: int,
               tried: dict[float, dict[str, float | int]], threshold: float, dev: dict[str, float | int],
               log: dict[str, float]) -> Path:
    """Write the model card ``quotes.md`` beside the artifact and return its path."""
    tries = ", ".join(f"{t:g}: {f[f'{scoring.PRIMARY}.f1']:.3f}" for t, f in tried.items())
    lines = [
        "# Model card: the quotes stage's attribution model (`quotes.npz`)", "",
        "**What it does.** Finds attributions in news text — a cue (\"said\", \"believes\", \"according to\", a "
        "colon), the content attributed and its source — over the spaCy parse dateline already has: a logistic cue "
        "scorer over every token and two conditional-logit rankers (content among ~5 candidate spans per cue, "
        "source among the nominal words of the cue's sentence or none), all linear over hashed features, numpy only.",
        "",
        "**Data.** PolNeAR v1.0.0 (Political News Attribution Relations), **train split only**: "
        f"{articles} articles of 2016 US election news from seven outlets, {attributions} hand-annotated "
        "attributions (the first annotator's file where several annotated an article). **Licence: PolNeAR has no "
        "licence file and its README makes no licence statement; the article texts' copyright stays with their "
        "publishers.** The artifact holds hashed feature weights only, no text of the data.",
        "",
        "**Training.** `dateline train quotes` (seed 0; the same data and seed give the same file). Settings: "
        + ", ".join(f"`{k}`={v}" for k, v in sorted(config.items())) + f". Time: {log.get('train_s', 0):.0f} s "
        "on a 2-core machine with the parses cached.",
        "",
        f"**Selection.** Every {HOLDOUT_EVERY}th train article ({held}) was held out; a model trained on the others "
        f"was scored through the stage at each cue threshold (primary F1: {tries}) and {threshold:g} was kept, the "
        f"highest within {F1_TOLERANCE} of the best F1. The model written here was then trained on every train "
        "article, the held-out ones included: `dateline eval quotes --data <train split> --held-out` scores those "
        "articles alone, which is in-sample for this model (out of sample only for a model fitted without them). "
        "Dev was never used to train or choose anything.",
        "",
        "## Figures of the model alone, without the stage's rules (`dateline eval quotes` matching: one-to-one, "
        "content overlap >= 0.3 of the longer span)", "",
        "The stage as it runs by default joins these attributions with its rules' (`quotes.method`); its figures "
        "are in the README and `docs/measured.md`.", "",
        "Held-out train articles (model trained on the other train articles):", "",
        "| measure | value |", "|---|---|", *_figure_rows(tried[threshold]), "",
    ]
    if dev:
        lines += [f"PolNeAR dev ({dev['articles']} articles; this model never saw them):", "",
                  "| measure | value |", "|---|---|", *_figure_rows(dev), ""]
    lines += [
        f"Size: {artifact.stat().st_size / 1e6:.1f} MB. The stage runs its rules, with one warning, without it.",
        "",
        "**Limits.** Trained on US political news of 2016: cue words and source patterns of other genres "
        "(interviews, transcripts, sports, science) are thinner in the data, and PolNeAR's attributions include "
        "beliefs, plans and positions (kind `stance`), which are less precise than speech.",
    ]
    card = folder / "quotes.md"
    card.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return card
