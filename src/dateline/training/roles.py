"""Train the learned choice of actor and recipient (``dateline train roles``).

The events stage codes an event from its lexicon and the parse; the model of
:mod:`dateline.events._roles` then re-chooses its actor and recipient among the
parties the parse offers. This trains its two logistic models from:

- ``conflibert/cameo_ner/train.txt`` (GPL-3; news sentences whose copyright is
  not the annotators'): the source (S) and target (T) spans of the one event
  each sentence marks. The sentence's first coded event (the one the evaluation
  scores) is labelled: a candidate party inside an S span is an actor, inside a
  T span a recipient (for a meeting, both are actors).
- ``wikinews-dev/`` (CC BY 2.5) and the further hand-coded sets of
  :func:`dateline.training.events.coded_sets`: a coded event of a hand-coded
  event's type whose evidence overlaps the hand-coded sentence is labelled by
  the hand-coded actors and recipients (a candidate whose actor, else its
  words, shares a name word with one of them).

Both are cross-validated: the sentences and the articles (of all sets together) are cut into
:data:`FOLDS` folds, and each fold is coded by the model fitted on the other
folds of both sets, which never saw it. The figures reported (``oof.*``) are
those, beside the rules alone on the same sets (``rules.*``); the thresholds are
the pair whose mean of the out-of-fold Wikinews actor and recipient rates and
ConfliBERT role F1 is best; the Wikinews figures are also given per set
(``oof.<set>.*``). The model written is then fitted on all of the data. Training is deterministic for a seed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from dateline import events, lang
from dateline.evaluation import f1, wikinews
from dateline.evaluation._names import name_words
from dateline.evaluation.events import DEFAULT_DATA, NER_FILE, WIKINEWS_DIR, _ner_sentences, _roles
from dateline.events._lexicon import Lexicon, load_lexicon
from dateline.events._model import Candidate
from dateline.events._phrase import phrase
from dateline.events._roles import MODEL_FILE, ROLES, THRESHOLDS, Party, Roles, features, participants, voice_of
from dateline.records import Article
from dateline.training import TrainingReport, require
from dateline.training._linear import Fit, fit_binary
from dateline.training.events import coded_sets, staged

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DEFAULT_DATA", "train"]

#: Folds of the cross-validation (by sentence and by article).
FOLDS = 6
#: How to fit each role's logistic model: passes, step size, L2 shrinkage, examples per step. Chosen on
#: the out-of-fold figures: 40 passes, or L2 1e-3, scored lower.
FIT = Fit(epochs=20, lr=0.02, l2=1e-4, batch=64)
#: A feature seen fewer times than this in all the data is left out (it cannot be weighed).
MIN_FEATURE_COUNT = 3
#: Values tried for each threshold of a model (:data:`dateline.events._roles.THRESHOLDS`): keeping a
#: party the rules gave a role (0 keeps every one), adding one they did not (above 1 adds none). The
#: search starts from the rules' own choice (keep 0, add above 1).
TRIED = {"keep": (0.0, 0.05, 0.1, 0.2, 0.3), "add": (0.5, 0.6, 0.75, 0.9, 1.01)}
#: Sentences parsed at once.
CHUNK = 64
#: Version of the model file format (:data:`dateline.events._roles.SUPPORTED_MAJOR`).
FORMAT_VERSION = "1.0"


@dataclass(frozen=True)
class _Example:
    """One candidate party of one coded event: its features, whether it is the actor and the recipient,
    its set and its fold."""

    features: tuple[str, ...]
    actor: int
    recipient: int
    source: str
    fold: int


@dataclass(frozen=True)
class _Sentence:
    """A ConfliBERT sentence through the stages before events, with its gold role spans."""

    article: Article
    gold: frozenset[tuple[int, int, str]]


def _sentences(path: Path) -> list[_Sentence]:
    raw = _ner_sentences(path)
    out: list[_Sentence] = []
    for first in range(0, len(raw), CHUNK):
        chunk = raw[first:first + CHUNK]
        batch = [Article(id=f"roles{first + i}", source="conflibert", text=t) for i, (t, _) in enumerate(chunk)]
        out += [_Sentence(a, frozenset(g)) for a, (_, g) in zip(staged(batch), chunk, strict=True)]
    return out


def _labelled(candidate: Candidate, parties: Sequence[Party], article: Article, lex: Lexicon, source: str,
              fold: int, label: dict[int, str]) -> list[_Example]:
    """The examples of one coded event's candidate ``parties``; ``label``: token index -> role."""
    hit, out = candidate.hit, []
    voice = voice_of(hit)
    for party in parties:
        role = label.get(party.token.i, "none")
        out.append(_Example(tuple(features(hit, party, article, lex.words, voice)), int(role == "actor"),
                            int(role == "recipient"), source, fold))
    return out


def _sentence_examples(sentences: Sequence[_Sentence], lex: Lexicon) -> list[_Example]:
    out: list[_Example] = []
    for index, sentence in enumerate(sentences):
        found = events.candidates(sentence.article, lex)
        if not found:
            continue
        candidate = found[0]
        # the annotators mark no pronouns: an unmarked one says nothing of its role
        parties = [p for p in participants(candidate.hit, lex.words) if p.token.pos_ != "PRON"]
        label: dict[int, str] = {}
        for token in (p.token for p in parties):
            for start, end, kind in sentence.gold:
                if _head_of(token, start, end):
                    label[token.i] = "actor" if kind in ("S", "R") or candidate.hit.entry.reciprocal else "recipient"
        out += _labelled(candidate, parties, sentence.article, lex, "conflibert", index % FOLDS, label)
    return out


def _head_of(token: Token, start: int, end: int) -> bool:
    """Whether ``token`` heads the span ``[start, end)``: it lies in it and its head does not (the head of a
    marked party, not a word inside it: "the government" in "the government's request"), or is coordinated
    with the token that does."""
    head = token.head
    if token.dep_ == "conj" and head.i != token.i:
        return _head_of(head, start, end)  # "A and B" marked as one party: B is a party as A is
    return start <= token.idx < end and (head.i == token.i or not start <= head.idx < end)


def _gold_event(candidate: Candidate, gold: wikinews.GoldArticle) -> wikinews.GoldEvent | None:
    """The hand-coded event of the coded one's type whose sentence its evidence overlaps most."""
    event = candidate.event
    fits = [(wikinews.overlap(event.evidence.text, g.evidence), k) for k, g in enumerate(gold.events)
            if event.type in (g.type, *g.alt_types)]
    best = max((f for f in fits if f[0] >= wikinews.EVIDENCE_OVERLAP), default=None)
    return None if best is None else gold.events[best[1]]


def _article_examples(articles: Sequence[tuple[wikinews.GoldArticle, Article]], lex: Lexicon) -> list[_Example]:
    out: list[_Example] = []
    for index, (gold, article) in enumerate(articles):
        for candidate in events.candidates(article, lex):
            target = _gold_event(candidate, gold)
            if target is None:
                continue
            names = {"actor": frozenset().union(*(wikinews._gold_names(a) for a in target.actors)),
                     "recipient": frozenset().union(*(wikinews._gold_names(a) for a in target.recipients))}
            parties = participants(candidate.hit, lex.words)
            label: dict[int, str] = {}
            for token in (p.token for p in parties):
                start, end = phrase(token, lex.words)
                actor = article.actor_at(start, end)
                words = name_words(actor.name if actor is not None else article.text[start:end])
                role = next((r for r in ROLES if words & names[r]), None)
                if role is not None:
                    label[token.i] = role
            out += _labelled(candidate, parties, article, lex, "wikinews", index % FOLDS, label)
    return out


# --- fitting ----------------------------------------------------------------------------------------------


def _fit(examples: Sequence[_Example], use: npt.NDArray[np.bool_], seed: int) -> Roles:
    """The two models fitted to the examples marked in ``use`` (thresholds those of the rules' own choice
    until chosen)."""
    chosen = [e for e, u in zip(examples, use, strict=True) if u]
    rules = {name: 0.0 if name.endswith("keep") else 1.01 for name in THRESHOLDS}
    if not chosen:
        return Roles(FORMAT_VERSION, {r: {} for r in ROLES}, rules)  # nothing to learn from: the rules' choice
    counts = Counter(name for e in chosen for name in set(e.features))
    vocabulary = sorted(name for name, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {name: i + 1 for i, name in enumerate(vocabulary)}  # slot 0 is padding
    width = max(len(e.features) for e in chosen)
    slots = np.zeros((len(chosen), width), dtype=np.int64)
    for r, example in enumerate(chosen):
        row = sorted({index[n] for n in example.features if n in index})
        slots[r, :len(row)] = row
    bits = max(1, int(np.ceil(np.log2(len(vocabulary) + 1))))
    weights: dict[str, dict[str, float]] = {}
    for role in ROLES:
        labels = np.array([getattr(e, role) for e in chosen], dtype=np.float64)
        w = fit_binary(slots, labels, bits, replace(FIT, seed=seed))
        weights[role] = {name: round(float(w[index[name]]), 4) for name in vocabulary
                         if abs(float(w[index[name]])) >= 1e-4}
    return Roles(FORMAT_VERSION, weights, rules)


# --- out-of-fold figures ----------------------------------------------------------------------------------


def _conflibert(sentences: Sequence[_Sentence], lex: Lexicon, models: Sequence[Roles | None]) -> float:
    """Role span F1 of the sentences, each coded with the model of its fold (None: the rules alone)."""
    tp = fp = fn = 0
    for index, sentence in enumerate(sentences):
        found = [c.event for c in events.candidates(sentence.article, lex, models[index % FOLDS])]
        pred = _roles(sentence.article.text, found)
        tp, fp, fn = tp + len(pred & sentence.gold), fp + len(pred - sentence.gold), fn + len(sentence.gold - pred)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return round(f1(precision, recall), 4)


def _articles(articles: Sequence[tuple[wikinews.GoldArticle, Article]], lex: Lexicon,
              models: Sequence[Roles | None], indices: Sequence[int] | None = None) -> dict[str, float | int]:
    """The Wikinews figures of the articles (those of ``indices`` only, when given), each coded with the model
    of its fold (None: the rules alone)."""
    golds, systems = [], []
    for index in range(len(articles)) if indices is None else indices:
        gold, article = articles[index]
        found = tuple(c.event for c in events.candidates(article, lex, models[index % FOLDS]))
        golds.append(gold)
        systems.append(wikinews.from_article(replace(article, events=found)))
    total = sum(wikinews.score(golds, systems).values(), wikinews.Counts())
    return dict(wikinews.event_rates(total))


def _figures(sentences: Sequence[_Sentence], articles: Sequence[tuple[wikinews.GoldArticle, Article]],
             lex: Lexicon, models: Sequence[Roles | None]) -> dict[str, float | int]:
    figures = {f"wikinews.{k}": v for k, v in _articles(articles, lex, models).items()}
    figures["conflibert.role_f1"] = _conflibert(sentences, lex, models)
    return figures


def _per_set(articles: Sequence[tuple[wikinews.GoldArticle, Article]], sets: Sequence[str], lex: Lexicon,
             models: Sequence[Roles | None]) -> dict[str, float | int]:
    """The Wikinews figures of each set's articles alone (``<set>.*``), where there is more than one set."""
    names = list(dict.fromkeys(sets))
    out: dict[str, float | int] = {}
    for name in names if len(names) > 1 else ():
        indices = [i for i, s in enumerate(sets) if s == name]
        out.update({f"{name}.{k}": v for k, v in _articles(articles, lex, models, indices).items()})
    return out


def _objective(figures: dict[str, float | int]) -> float:
    return (float(figures["wikinews.actor"]) + float(figures["wikinews.recipient"])
            + float(figures["conflibert.role_f1"])) / 3


def _choose(sentences: Sequence[_Sentence], articles: Sequence[tuple[wikinews.GoldArticle, Article]],
            lex: Lexicon, folds: Sequence[Roles]) -> tuple[dict[str, float], dict[str, float | int]]:
    """The thresholds whose out-of-fold objective is best, searched one at a time from the rules' own
    choice, and their figures."""
    thresholds = {name: TRIED[name.split(".")[1]][0 if name.endswith("keep") else -1] for name in THRESHOLDS}
    best = _figures(sentences, articles, lex, [replace(m, thresholds=thresholds) for m in folds])
    for name in THRESHOLDS:
        for value in TRIED[name.split(".")[1]]:
            trial = {**thresholds, name: value}
            figures = _figures(sentences, articles, lex, [replace(m, thresholds=trial) for m in folds])
            if _objective(figures) > _objective(best):
                thresholds, best = trial, figures
    return thresholds, best


# --- the command ------------------------------------------------------------------------------------------


def _write(out: Path, model: Roles, metrics: dict[str, float | int], counts: Counter[str],
           sets: Counter[str]) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    raw = {"version": model.version, "thresholds": dict(model.thresholds),
           "trained_on": dict(sorted(counts.items())),
           "weights": {r: dict(sorted(model.weights[r].items())) for r in ROLES}}
    path = out / Path(MODEL_FILE).name
    path.write_text(json.dumps(raw, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    card = out / (path.stem + ".md")
    card.write_text(_card(model, metrics, counts, sets), encoding="utf-8")
    return path, card


def _card(model: Roles, metrics: dict[str, float | int], counts: Counter[str], sets: Counter[str]) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in metrics.items())
    coded = ", ".join(f"`{k}` {v}" for k, v in sets.items())
    sizes = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    return f"""# Actor and recipient choice (`roles.json`)

Two logistic models over named binary features of a coded event's candidate parties (the rules' own answer,
the dependency path to the trigger, the preposition, side and distance, what the actors stage knows of the
party, voice and type of the trigger, how the party stands to a verb of asking or ordering that governs the
trigger's infinitive): is this party the event's actor, its recipient? A party keeps the
role the rules gave it while that model's probability is at least the role's `keep` threshold; a role left
empty, or whose parties the model doubts, takes the likeliest other candidate when its probability reaches
the role's `add` threshold (the rules' parties stay where none does; date and place stay the rules'; the
subject of a verb of asking, "X advised Y to attack Z", is never added as the actor of the act it asks for)
(thresholds: {', '.join(f'{k} {v}' for k, v in model.thresholds.items())}). Written by `dateline train roles`
(`src/dateline/training/roles.py`); deterministic for a seed. Read by `src/dateline/events/_roles.py`.

## Data (candidate parties: {sizes})
- ConfliBERT CAMEO role spans (`conflibert/cameo_ner/train.txt`, 1,153 sentences; GPL-3). The sentences are
  news text whose copyright is not the annotators': the set's licence covers the annotations, not the texts.
- Wikinews articles coded by hand to PLOVER ({coded} articles: `eval/events/wikinews-dev` of the shared
  data, `eval/wikinews-train` of the repository; the texts CC BY 2.5, Wikinews).

## Licences of the weights
The weights are numbers learned from GPL-3 annotations and CC BY 2.5 texts; whether a model trained on such
data is a derivative work of it is not settled. No sentence of either set is stored in the model: it holds
feature names (dependency labels, parts of speech, prepositions, PLOVER types, actor kinds and sectors)
and their weights.

## Figures
`oof.*`: out of fold, {FOLDS} folds by sentence and by article (the Wikinews sets folded together); each fold
coded by the model fitted on the other folds of all sets (the thresholds chosen on these figures).
`oof.<set>.*`, `rules.<set>.*`: the same on one Wikinews set's articles alone. `rules.*`: the rules alone on the same
sets. `wikinews.actor` and `.recipient`: of the coded events that match a hand-coded one, the share with
the actor (recipient) right; `conflibert.role_f1`: labelled exact span F1 of the first coded event of each
sentence. The PLOVER gold records are not trained on: `dateline eval events` scores them out of sample.

| metric | value |
|---|---|
{rows}
"""


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Train the actor/recipient model on the sets under ``data``; write it and its card to ``out`` (by
    default where the stage loads it from)."""
    data = require("roles", data, f"{WIKINEWS_DIR}/{wikinews.GOLD_FILE}", NER_FILE)
    lex = load_lexicon(lang.resources())
    sentences = _sentences(data / NER_FILE)
    articles: list[tuple[wikinews.GoldArticle, Article]] = []
    sets: list[str] = []
    for name, folder in coded_sets(data):
        gold = wikinews.load(folder)
        for g, a in zip(gold, wikinews.run(gold, until="events"), strict=True):
            if isinstance(a, Article):
                articles.append((g, a))
                sets.append(name)
    examples = _sentence_examples(sentences, lex) + _article_examples(articles, lex)
    folds = [_fit(examples, np.array([e.fold != k for e in examples]), seed) for k in range(FOLDS)]
    thresholds, oof = _choose(sentences, articles, lex, folds)
    rules = _figures(sentences, articles, lex, [None] * FOLDS)
    model = replace(_fit(examples, np.ones(len(examples), dtype=bool), seed), thresholds=thresholds)
    counts = Counter(f"{e.source}.{'actor' if e.actor else 'recipient' if e.recipient else 'none'}"
                     for e in examples)
    metrics: dict[str, float | int] = {f"threshold.{k}": v for k, v in thresholds.items()}
    metrics.update({f"oof.{k}": v for k, v in oof.items()})
    metrics.update({f"oof.{k}": v for k, v in _per_set(articles, sets, lex, [replace(m, thresholds=thresholds)
                                                                             for m in folds]).items()})
    metrics.update({f"rules.{k}": v for k, v in rules.items()})
    metrics.update({f"rules.{k}": v for k, v in _per_set(articles, sets, lex, [None] * FOLDS).items()})
    target = out or Path(str(lang.resources().file(MODEL_FILE))).parent
    written = _write(target, model, metrics, counts, Counter(sets))
    return TrainingReport("roles", str(data), written, metrics,
                          (f"examples: {', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}",))
