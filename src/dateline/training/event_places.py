"""Train the learned choice of an event's place (``dateline train event-places``).

The rules place an event by an ordered cascade; :mod:`dateline.events._where`
offers every step's place at once and a linear ranker picks one. This trains
that ranker on the hand-coded Wikinews articles (``wikinews-dev`` of the shared
data and the repository's ``wikinews-train``, the texts CC BY 2.5): each
coded event that the scorer pairs with a hand-coded one whose place is given
is a group of options (the places the steps offer, and none), and an option is
right when the scorer would count it right (:func:`dateline.evaluation._names.place_right`:
the same country and a shared name word); only the first right option of a group is
its answer. A group none of whose options is right teaches nothing and is left
out of fitting (it still counts, as wrong, in the figures).

Everything is cross-validated by article: the articles of all sets are cut into
:data:`FOLDS` folds; each fold's articles are coded with the ranker fitted on
the other folds, whose shrinkage, feature groups and margin were chosen by an
inner cross-validation on those folds alone (:data:`TRIED_L2`, :data:`TRIED_DROP`,
:data:`TRIED_MARGIN`). The figures reported are
those out-of-fold codings scored as ``dateline eval events`` scores them
(``oof.<set>.place`` with its counts), beside the cascade on the same articles
(``rules.<set>.*``); the sets are ``wikinews-dev`` and the two halves of
``wikinews-train`` by sorted id (``A``: even positions, ``B``: odd). The model
written is fitted on all groups, with the choice an un-nested cross-validation
of all of them makes. Training is deterministic for a seed.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from dateline import events, lang
from dateline.evaluation import wikinews
from dateline.evaluation._wikinews_records import Counts, Location, event_rates
from dateline.evaluation.events import WIKINEWS_DIR
from dateline.events._lexicon import Lexicon, load_lexicon
from dateline.events._model import load_model
from dateline.events._roles import load_roles
from dateline.events._where import MODEL_FILE, Option, PlaceModel, best
from dateline.records import Article, Event
from dateline.training import TrainingReport, require
from dateline.training._linear import Fit, fit_ranker
from dateline.training.events import coded_sets

__all__ = ["DEFAULT_DATA", "train"]

#: Training data, relative to the shared data root (the repository's own sets are found beside it).
DEFAULT_DATA = "eval/events"
#: Folds of the outer and of the inner cross-validation, by article.
FOLDS, INNER_FOLDS = 5, 4
#: How to fit the ranker (the L2 shrinkage is chosen from :data:`TRIED_L2`).
FIT = Fit(epochs=30, lr=0.05, l2=1e-3, batch=16)
#: L2 shrinkages tried by the inner cross-validation.
TRIED_L2 = (1e-3, 1e-2, 3e-2)
#: Margins tried: how much higher than the cascade's answer another option must score to replace it.
TRIED_MARGIN = (0.0, 0.5, 1.0, 2.0)
#: Feature groups left out, tried (by prefix: none; the kinds crossed with the event's quad class, status and
#: time; those and where the mention stands to the trigger).
TRIED_DROP: tuple[tuple[str, ...], ...] = ((), ("ctx:",), ("ctx:", "dist=", "prep=", "side=", "quoted"))
#: A feature seen in fewer groups than this is left out (it cannot be weighed).
MIN_FEATURE_COUNT = 3
#: Version of the model file format (:data:`dateline.events._where.SUPPORTED_MAJOR`).
FORMAT_VERSION = "1.0"


@dataclass(frozen=True)
class _Recorder(PlaceModel):
    """The cascade's own choice, keeping what each event was offered (by event id)."""

    offered: dict[str, tuple[Option, ...]] = field(default_factory=dict)

    def pick(self, found: Sequence[Option], event: Event) -> Option:
        self.offered[event.id] = tuple(found)
        return found[0]


@dataclass(frozen=True)
class _Group:
    """The options of one paired coded event, which of them are right, its article's index and the hand-coded
    place."""

    options: tuple[Option, ...]
    right: tuple[bool, ...]
    article: int
    target: Location


@dataclass(frozen=True)
class _Coded:
    """A hand-coded article through the stages before events, and its set."""

    gold: wikinews.GoldArticle
    article: Article
    set: str


class _Coder:
    """Codes articles as the stage does, with a given place ranker."""

    def __init__(self, lex: Lexicon) -> None:
        res = lang.resources()
        self.lex, self.roles, self.check = lex, load_roles(res), load_model(res)

    def events(self, article: Article, places: PlaceModel | None) -> tuple[Event, ...]:
        found = events.candidates(article, self.lex, self.roles, None, places)
        return events.checked(article, found, self.lex, self.check)

    def counts(self, coded: _Coded, places: PlaceModel | None) -> Counts:
        system = wikinews.from_article(replace(coded.article, events=self.events(coded.article, places)))
        return wikinews.score([coded.gold], [system])[coded.gold.id]


def _groups(coded: Sequence[_Coded], coder: _Coder) -> list[_Group]:
    out: list[_Group] = []
    for index, item in enumerate(coded):
        recorder = _Recorder(FORMAT_VERSION, {})
        found = coder.events(item.article, recorder)
        system = wikinews.from_article(replace(item.article, events=found))
        for g, s in wikinews.event_pairs(item.gold, system)[0].items():
            target = item.gold.events[g].place
            offered = recorder.offered.get(found[s].id)
            if target is None or not offered:
                continue
            out.append(_Group(offered, tuple(wikinews.place_right(o.place, target) for o in offered), index, target))
    return out


# --- fitting ----------------------------------------------------------------------------------------------


def _names(option: Option, drop: Sequence[str]) -> list[str]:
    return [n for n in option.features if not n.startswith(tuple(drop))]


def _fit(groups: Sequence[_Group], l2: float, drop: Sequence[str], seed: int) -> PlaceModel:
    """The ranker fitted to the groups that have a right option."""
    usable = [g for g in groups if any(g.right)]
    if not usable:
        return PlaceModel(FORMAT_VERSION, {})
    counts = Counter(n for g in usable for n in {n for o in g.options for n in _names(o, drop)})
    vocabulary = sorted(n for n, c in counts.items() if c >= MIN_FEATURE_COUNT)
    index = {n: i + 1 for i, n in enumerate(vocabulary)}  # slot 0 is padding
    rows = [sorted({index[n] for n in _names(o, drop) if n in index}) for g in usable for o in g.options]
    slots = np.zeros((len(rows), max(1, *(len(r) for r in rows))), dtype=np.int64)
    for r, row in enumerate(rows):
        slots[r, :len(row)] = row
    sizes = np.array([len(g.options) for g in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    gold = starts + np.array([g.right.index(True) for g in usable])
    bits = max(1, int(np.ceil(np.log2(len(vocabulary) + 1))))
    w = fit_ranker(slots, starts, gold, bits, replace(FIT, l2=l2, seed=seed))
    weights = {n: round(float(w[index[n]]), 4) for n in vocabulary if abs(float(w[index[n]])) >= 1e-4}
    return PlaceModel(FORMAT_VERSION, weights)


def _accuracy(model: PlaceModel, groups: Sequence[_Group]) -> int:
    """Groups whose picked option is right."""
    return sum(g.right[g.options.index(best(model, g.options))] for g in groups)


@dataclass(frozen=True)
class _Choice:
    """What the inner cross-validation chooses: shrinkage, feature groups left out, margin."""

    l2: float
    drop: tuple[str, ...]
    margin: float


def _choose(groups: Sequence[_Group], seed: int) -> _Choice:
    """The shrinkage, feature groups left out and margin whose inner cross-validated accuracy on ``groups`` is
    best (ties: the first tried, the smallest margin), folded by article."""
    folds = {a: k % INNER_FOLDS for k, a in enumerate(sorted({g.article for g in groups}))}
    scored: list[tuple[int, int, _Choice]] = []
    for l2, drop in itertools.product(TRIED_L2, TRIED_DROP):
        fitted = [(_fit([g for g in groups if folds[g.article] != k], l2, drop, seed),
                   [g for g in groups if folds[g.article] == k]) for k in range(INNER_FOLDS)]
        for margin in TRIED_MARGIN:
            right = sum(_accuracy(replace(m, margin=margin), test) for m, test in fitted)
            scored.append((-right, len(scored), _Choice(l2, drop, margin)))
    return min(scored, key=lambda s: s[:2])[2]


def _fitted(groups: Sequence[_Group], choice: _Choice, seed: int) -> PlaceModel:
    return replace(_fit(groups, choice.l2, choice.drop, seed), margin=choice.margin)


# --- figures ----------------------------------------------------------------------------------------------


def _halves(coded: Sequence[_Coded]) -> list[str]:
    """Each article's set, ``wikinews-train`` cut in two by sorted id: ``A`` (even positions), ``B`` (odd)."""
    train = sorted(c.gold.id for c in coded if c.set != WIKINEWS_DIR)
    half = {i: "A" if k % 2 == 0 else "B" for k, i in enumerate(train)}
    return [c.set if c.set == WIKINEWS_DIR else half[c.gold.id] for c in coded]


def _figures(coded: Sequence[_Coded], coder: _Coder, models: Sequence[PlaceModel | None]) -> dict[str, float | int]:
    """The figures of each set (and of all), each article coded with the ranker of its fold."""
    sets = _halves(coded)
    totals: dict[str, Counts] = {}
    for index, item in enumerate(coded):
        counts = coder.counts(item, models[index % FOLDS])
        for name in (sets[index], "all"):
            totals[name] = totals.get(name, Counts()) + counts
    out: dict[str, float | int] = {}
    for name, total in sorted(totals.items()):
        rates = event_rates(total)
        out.update({f"{name}.{k}": rates[k] for k in ("core_recall", "precision", "place", "all_fields")})
        out.update({f"{name}.place_right": total.place_right, f"{name}.place_scored": total.place_scored,
                    f"{name}.core_found": total.core_found, f"{name}.system_right": total.system_right})
    return out


def _group_figures(groups: Sequence[_Group], coded: Sequence[_Coded],
                   models: Sequence[PlaceModel]) -> dict[str, float | int]:
    """On the paired events of the cascade's coding: groups whose cascade answer, and whose out-of-fold pick, is
    right; and those with some right option."""
    sets = _halves(coded)
    out: Counter[str] = Counter()
    for g in groups:
        for name in (sets[g.article], "all"):
            out[f"{name}.groups"] += 1
            out[f"{name}.reachable"] += any(g.right)
            out[f"{name}.cascade_right"] += g.right[0]
            out[f"{name}.model_right"] += g.right[g.options.index(best(models[g.article % FOLDS], g.options))]
    return dict(sorted(out.items()))


# --- the command ------------------------------------------------------------------------------------------


def _coded(data: Path) -> list[_Coded]:
    out: list[_Coded] = []
    for name, folder in coded_sets(data):
        gold = wikinews.load(folder)
        out += [_Coded(g, a, name) for g, a in zip(gold, wikinews.run(gold, until="events"), strict=True)
                if isinstance(a, Article)]
    return out


def _write(out: Path, model: PlaceModel, choice: _Choice, metrics: dict[str, float | int],
           groups: int) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / Path(MODEL_FILE).name
    raw = {"version": model.version, "margin": model.margin, "l2": choice.l2, "dropped": list(choice.drop),
           "groups": groups, "weights": dict(sorted(model.weights.items()))}
    path.write_text(json.dumps(raw, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    card = out / (path.stem + ".md")
    rows = "\n".join(f"| {k} | {v} |" for k, v in metrics.items())
    card.write_text(CARD.format(folds=FOLDS, inner=INNER_FOLDS, groups=groups, l2=choice.l2, margin=choice.margin,
                                dropped=", ".join(choice.drop) or "none", rows=rows), encoding="utf-8")
    return path, card


CARD = """# Event place choice (`event-places.json`)

A linear ranker over named binary features of the places the rules' steps offer a coded event
(`src/dateline/events/_where.py`): the steps that offer it, its kind, whether it is the country of another
option, where its nearest mention stands to the trigger (distance, preposition, side, quotation), how often
the article names it, whether it is the dateline, the main place or an actor's country, the event's quad
class, status and whether it is of the story's time, and whether it is the cascade's own answer. The option of
the highest score is the event's place; of equal scores, the cascade's. Written by `dateline train
event-places` (`src/dateline/training/event_places.py`); deterministic for a seed (0).

## Data ({groups} paired events with a hand-coded place)
Wikinews articles coded by hand to PLOVER (`eval/events/wikinews-dev` of the shared data, `eval/wikinews-train`
of the repository; the texts CC BY 2.5, Wikinews). An option is right by the scorer's rule (the hand-coded
place's country and a shared name word). No text is stored in the model: it holds feature names (steps,
gazetteer kinds, prepositions, PLOVER quad classes and statuses) and their weights. Licence of the weights:
CC BY 2.5 texts, with attribution to Wikinews.

## Figures
`oof.<set>.*`: out of fold, {folds} folds by article, each fold's articles coded by the stage with the ranker
fitted on the other folds (shrinkage, feature groups and margin chosen by a {inner}-fold inner cross-validation on
those alone) and scored as `dateline eval events` scores them; `rules.<set>.*`: the cascade alone on the
same articles. Sets: `wikinews-dev`, and `wikinews-train` halved by sorted id (`A` even positions, `B` odd).
`groups.*`: on the paired events of the cascade's coding, those whose cascade answer (`cascade_right`) and
whose out-of-fold pick (`model_right`) is right, and those with a right option at all (`reachable`). The final
model: L2 {l2}, margin {margin}, feature groups left out: {dropped}.

| metric | value |
|---|---|
{rows}
"""


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Train the event-place ranker on the hand-coded sets under ``data``; write it and its card to ``out`` (by
    default where the stage loads it from)."""
    data = require("event-places", data, f"{WIKINEWS_DIR}/{wikinews.GOLD_FILE}")
    coder = _Coder(load_lexicon(lang.resources()))
    coded = _coded(data)
    groups = _groups(coded, coder)
    folds: list[PlaceModel] = []
    for k in range(FOLDS):
        rest = [g for g in groups if g.article % FOLDS != k]
        folds.append(_fitted(rest, _choose(rest, seed), seed))
    metrics: dict[str, float | int] = {f"groups.{k}": v for k, v in _group_figures(groups, coded, folds).items()}
    metrics.update({f"oof.{k}": v for k, v in _figures(coded, coder, folds).items()})
    metrics.update({f"rules.{k}": v for k, v in _figures(coded, coder, [None] * FOLDS).items()})
    choice = _choose(groups, seed)
    model = _fitted(groups, choice, seed)
    target = out or Path(str(lang.resources().file(MODEL_FILE))).parent
    written = _write(target, model, choice, metrics, len(groups))
    return TrainingReport("event-places", str(data), written, metrics,
                          (f"groups: {len(groups)}, with a right option: {sum(any(g.right) for g in groups)}",))
