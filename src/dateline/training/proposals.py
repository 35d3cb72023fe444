"""Train the learned proposals of events (``dateline train proposals``).

A token classifier (:mod:`dateline.events._propose_model`) learns which verb or
noun of a sentence triggers an event of which PLOVER type, from:

- ``plover/plover_gsr_cameo.json``: PLOVER's gold records (CC BY-SA 4.0), one
  sentence each, its first ``EVT`` span the trigger of the record's type (the
  span's syntactic head); the other ``EVT`` spans (the content of the act) are
  left out; every other verb and noun triggers nothing.
- the hand-coded articles (``wikinews-dev`` and the sets of
  :func:`dateline.training._coded.coded_sets`): each coded event's trigger
  is found in the sentence its evidence lies in by one rule, :func:`align`;
  every other verb and noun of the article triggers nothing, but for the
  sentences of an event no token could be found for (left out).

Figures are out of fold: the articles are cut into :data:`FOLDS` folds by
article; each fold is coded by a model fitted on the other folds and the PLOVER
records, and scored like ``dateline eval events``: with proposals (where the
rules code nothing in a sentence) at each threshold of :data:`THRESHOLDS`
(``proposals.<t>.*``), with rule events retyped at each threshold of
:data:`RETYPES` (``retype.<r>.*``), each part alone, per set, beside the rules
alone (``rules.*``; ``rules.core_other_type`` counts the core events a choice of
type among the rule events could find at most). Each part's threshold is chosen
on the out-of-fold figures (:func:`_choose`: the best F1 of core recall and
precision, off where none beats the rules); ``nested.<part>.*`` scores each
fold at the threshold chosen on the others. The model written is fitted on
everything, its parts at the chosen thresholds. Training is deterministic.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from dateline import events, lang
from dateline.evaluation import f1, wikinews
from dateline.evaluation._parses import annotate
from dateline.evaluation.events import DEFAULT_DATA, GSR_FILE, LEGACY_TYPES, WIKINEWS_DIR
from dateline.events._lexicon import Lexicon, load_lexicon
from dateline.events._propose_model import MODEL_FILE, NONE, OFF, SUPPORTED_MAJOR, Proposer, eligible, token_features
from dateline.events._roles import Roles, load_roles
from dateline.records import EVENT_TYPES, Article
from dateline.training import TrainingReport, require
from dateline.training._coded import coded_sets

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["DEFAULT_DATA", "align", "train"]

#: Folds of the cross-validation by article.
FOLDS = 6
#: The classes: no event, then the PLOVER types.
CLASSES = (NONE, *EVENT_TYPES)
#: L2 penalty (per example, summed) and full-batch Adam steps and step size.
L2 = 3.0
STEPS = 300
STEP_SIZE = 0.1
#: A feature seen fewer times than this in the training part is left out.
MIN_FEATURE_COUNT = 2
#: Probabilities a proposal may need (chosen out of fold).
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
#: Probabilities another type must have for a rule event to take it (chosen out of fold).
RETYPES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
#: Version of the model file format; its major is the one the stage reads.
FORMAT_VERSION = f"{SUPPORTED_MAJOR}.0"
#: A marked trigger in a PLOVER record's markup.
_EVT = re.compile(r"\(EVT: ([^)]*)\)")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Rows:
    """Tokens as feature lists with their class (index into :data:`CLASSES`) and their article (-1: PLOVER)."""

    names: list[list[str]]
    labels: list[int]
    articles: list[int]

    def __add__(self, other: _Rows) -> _Rows:
        return _Rows(self.names + other.names, self.labels + other.labels, self.articles + other.articles)


# --- labelled tokens ---------------------------------------------------------------------------------------


def _lexicon_types(token: Token, lex: Lexicon) -> set[str]:
    group = "verb" if token.pos_ == "VERB" else "noun"
    return {e.type for e in lex.index.get((token.lemma_.lower(), group), ())}


def align(sentence: TokenSpan, types: Sequence[str], lex: Lexicon) -> int | None:
    """The token (doc index) of ``sentence`` that triggers a coded event of one of ``types``: of the verbs and
    nouns whose lemma the lexicon lists as a trigger of one of them, the one closest to the root; None where
    there is none (the sentence is then left out: its trigger is not known). Taking the root verb instead (or
    the verb of the clause a verb of saying reports) taught the model that any main verb is a trigger: out of
    fold it proposed as many events for fewer right ones."""
    listed = [t for t in sentence if eligible(t) and _lexicon_types(t, lex) & set(types)]
    return min(listed, key=lambda t: (len(list(t.ancestors)), t.i)).i if listed else None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _article_rows(article: Article, gold: wikinews.GoldArticle, lex: Lexicon, number: int) -> _Rows:
    """The article's eligible tokens, labelled by the coded events aligned to them."""
    assert article.doc is not None
    sentences = list(article.doc.sents)
    labels: dict[int, int] = {}
    skipped: set[int] = set()
    for event in gold.events:
        wanted = _words(event.evidence)
        if not wanted:
            continue
        s = max(range(len(sentences)), key=lambda k: len(_words(sentences[k].text) & wanted))
        token = align(sentences[s], (event.type, *event.alt_types), lex)
        if token is None or event.type not in CLASSES:
            skipped.add(s)
        else:
            labels.setdefault(token, CLASSES.index(event.type))
    rows = _Rows([], [], [])
    for s, sentence in enumerate(sentences):
        if s in skipped:
            continue
        for token in sentence:
            if eligible(token):
                rows.names.append(token_features(token, lex, s, article))
                rows.labels.append(labels.get(token.i, 0))
                rows.articles.append(number)
    return rows


def _gsr_rows(path: Path, lex: Lexicon) -> _Rows:
    """The eligible tokens of PLOVER's gold records: the head of the first marked trigger of the record's type,
    the other marked triggers left out, every other token no trigger."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    batch = [Article(id=f"gsr{i}", source="gsr", text=r["text"]) for i, r in enumerate(records)]
    rows = _Rows([], [], [])
    for record, article in zip(records, annotate(batch), strict=True):
        kind = LEGACY_TYPES.get(record["event"], record["event"])
        info = record.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else ""
        marked = [m.group(1).strip() for m in _EVT.finditer(markup)]
        spans = [(i, i + len(m)) for m in marked if (i := article.text.find(m)) >= 0]
        if article.doc is None or kind not in CLASSES or not spans:
            continue
        first = spans[0]
        inside = [t for t in article.doc if first[0] <= t.idx < first[1]]
        heads = [t for t in inside if not (first[0] <= t.head.idx < first[1]) or t.head.i == t.i]
        trigger = heads[0].i if heads else -1
        for token in article.doc:
            marked_other = any(a <= token.idx < b for a, b in spans) and token.i != trigger
            if eligible(token) and not marked_other:
                rows.names.append(token_features(token, lex))
                rows.labels.append(CLASSES.index(kind) if token.i == trigger else 0)
                rows.articles.append(-1)
    return rows


# --- the multinomial logistic model ------------------------------------------------------------------------


def _fit(rows: _Rows, keep: Sequence[int], threshold: float = OFF) -> Proposer:
    """A proposer fitted to the rows ``keep`` (full-batch Adam, L2)."""
    counts = Counter(n for i in keep for n in set(rows.names[i]))
    vocabulary = sorted(n for n, k in counts.items() if k >= MIN_FEATURE_COUNT)
    index = {n: j for j, n in enumerate(vocabulary)}
    r_idx, c_idx = [], []
    for r, i in enumerate(keep):
        for c in sorted({index[n] for n in rows.names[i] if n in index}):
            r_idx.append(r)
            c_idx.append(c)
    rr, cc = np.array(r_idx, dtype=np.int64), np.array(c_idx, dtype=np.int64)
    n, d, k = len(keep), len(vocabulary), len(CLASSES)
    target = np.zeros((n, k))
    target[np.arange(n), [rows.labels[i] for i in keep]] = 1.0
    params = np.zeros((d + 1, k))
    first, second = np.zeros_like(params), np.zeros_like(params)
    for step in range(1, STEPS + 1):
        residual = _softmax(_logits(rr, cc, params, n)) - target
        grad = np.empty_like(params)
        for j in range(k):
            grad[:d, j] = np.bincount(cc, weights=residual[rr, j], minlength=d)
        grad[:d] += L2 * params[:d]
        grad[d] = residual.sum(axis=0)
        grad /= n
        first = 0.9 * first + 0.1 * grad
        second = 0.999 * second + 0.001 * grad * grad
        params -= STEP_SIZE * (first / (1 - 0.9 ** step)) / (np.sqrt(second / (1 - 0.999 ** step)) + 1e-8)
    return Proposer(CLASSES, index, params[:d], params[d], threshold)


def _logits(rr: npt.NDArray[np.int64], cc: npt.NDArray[np.int64], params: npt.NDArray[np.float64],
            n: int) -> npt.NDArray[np.float64]:
    out = np.tile(params[-1], (n, 1))
    for j in range(params.shape[1]):
        out[:, j] += np.bincount(rr, weights=params[cc, j], minlength=n)
    return out


def _softmax(logits: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    out: npt.NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
    return out


# --- out-of-fold figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Coded:
    """A hand-coded article, what the stages before events made of it, and its set."""

    gold: wikinews.GoldArticle
    article: Article
    set: str


def _coded(data: Path) -> list[_Coded]:
    out = []
    for name, folder in coded_sets(data):
        gold = wikinews.load(folder)
        out += [_Coded(g, a, name) for g, a in zip(gold, wikinews.run(gold, until="events"), strict=True)
                if isinstance(a, Article)]
    return out


def _coded_events(item: _Coded, lex: Lexicon, roles: Roles | None,
                  proposer: Proposer | None) -> wikinews.SystemArticle:
    found = events.candidates(item.article, lex, roles, proposer)
    return wikinews.from_article(replace(item.article, events=tuple(c.event for c in found)))


def _figures(coded: Sequence[_Coded], systems: Sequence[wikinews.SystemArticle],
             which: Sequence[int]) -> dict[str, float | int]:
    total = sum(wikinews.score([coded[i].gold for i in which], [systems[i] for i in which]).values(),
                wikinews.Counts())
    return {**{k: v for k, v in wikinews.event_rates(total).items() if k in ("core_recall", "precision")},
            "core_found": total.core_found, "events": total.system_events, "right": total.system_right}


def _rank(figures: dict[str, float | int]) -> float:
    return f1(float(figures["precision"]), float(figures["core_recall"]))


#: A setting of the model: (proposal threshold, retype threshold); OFF turns a part off.
_Setting = tuple[float, float]
_Systems = list[wikinews.SystemArticle]


def _settings() -> list[_Setting]:
    """Each part alone at each of its thresholds, and neither (the rules)."""
    return [(OFF, OFF), *((t, OFF) for t in THRESHOLDS), *((OFF, r) for r in RETYPES)]


def _out_of_fold(coded: Sequence[_Coded], models: Sequence[Proposer], settings: Sequence[_Setting], lex: Lexicon,
                 roles: Roles | None) -> dict[_Setting, _Systems]:
    """Every article coded at each setting by the model fitted without its fold (``models[fold]``)."""
    out: dict[_Setting, _Systems] = {}
    for setting in settings:
        out[setting] = [_coded_events(item, lex, roles, replace(models[i % FOLDS], threshold=setting[0],
                                                               retype=setting[1]))
                        for i, item in enumerate(coded)]
    return out


def _choose(coded: Sequence[_Coded], oof: dict[_Setting, _Systems], which: Sequence[int],
            part: int) -> float:
    """The threshold of one part (0: proposals, 1: retyping) whose out-of-fold figures on ``which`` are best,
    the other part off; OFF where none beats the rules alone."""
    tried = [s for s in oof if s[1 - part] == OFF]
    best = max(tried, key=lambda s: (_rank(_figures(coded, oof[s], which)), s[part] == OFF, -s[part]))
    return best[part]


def _nested(coded: Sequence[_Coded], oof: dict[_Setting, _Systems], part: int) -> _Systems:
    """Every article coded at the setting of one part chosen on the other folds alone."""
    out: _Systems = list(oof[(OFF, OFF)])
    for k in range(FOLDS):
        t = _choose(coded, oof, [i for i in range(len(coded)) if i % FOLDS != k], part)
        setting = (t, OFF) if part == 0 else (OFF, t)
        for i in range(k, len(coded), FOLDS):
            out[i] = oof[setting][i]
    return out


def _metrics(coded: Sequence[_Coded], oof: dict[_Setting, _Systems]) -> dict[str, float | int]:
    """The figures of every setting, of the nested choices, on all articles and on each set."""
    everyone = list(range(len(coded)))
    ways: dict[str, _Systems] = {"rules": oof[(OFF, OFF)], "nested.proposals": _nested(coded, oof, 0),
                                 "nested.retype": _nested(coded, oof, 1)}
    for (t, r), systems in oof.items():
        if (t, r) != (OFF, OFF):
            ways[f"proposals.{t}" if r == OFF else (f"retype.{r}" if t == OFF else f"both.{t}.{r}")] = systems
    parts = [("", everyone)] + [(f"{s}.", [i for i in everyone if coded[i].set == s])
                                for s in dict.fromkeys(c.set for c in coded)]
    metrics: dict[str, float | int] = {}
    for prefix, which in parts:
        metrics[f"{prefix}rules.core_other_type"] = _other_type(coded, oof[(OFF, OFF)], which)
        for name, systems in ways.items():
            metrics.update({f"{prefix}{name}.{k}": v for k, v in _figures(coded, systems, which).items()})
    return metrics


def _other_type(coded: Sequence[_Coded], rules: _Systems, which: Sequence[int]) -> int:
    """The core events no rule event matches that one would match with the coded type: what the best choice of
    type among the rules' events could find at most."""
    found = 0
    for i in which:
        events = rules[i].events
        for gold in (g for g in coded[i].gold.events if g.core):
            if not any(wikinews.matches(s, gold) for s in events):
                found += any(wikinews.matches(replace(s, type=gold.type), gold) for s in events)
    return found


# --- the command -------------------------------------------------------------------------------------------


def _write(out: Path, model: Proposer, metrics: dict[str, float | int], counts: Counter[str]) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    names = sorted(model.index)
    weights = {n: [round(float(v), 3) for v in model.weights[model.index[n]]] for n in names}
    weights = {n: w for n, w in weights.items() if any(abs(v) >= 0.005 for v in w)}
    raw = {"version": FORMAT_VERSION, "classes": list(model.classes), "threshold": model.threshold,
           "retype": model.retype,
           "bias": [round(float(v), 3) for v in model.bias], "trained_on": dict(sorted(counts.items())),
           "weights": weights}
    path = out / Path(MODEL_FILE).name
    path.write_text(json.dumps(raw, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    card = out / (path.stem + ".md")
    rows = "\n".join(f"| {k} | {v} |" for k, v in metrics.items())
    card.write_text(f"""# Event proposals (`{path.name}`)

A multinomial logistic token classifier ({len(weights)} features, {len(CLASSES)} classes) that proposes an event
trigger and type in a sentence where the rules code none, and may give a rule event another type; built by
`dateline train proposals`. Proposals at {model.threshold}, retyping at {model.retype}.
Trained on PLOVER's gold records (CC BY-SA 4.0) and the hand-coded Wikinews articles (CC BY 2.5):
{", ".join(f"{k} {v}" for k, v in sorted(counts.items()))} tokens. Figures out of fold, {FOLDS} folds by
article (`proposals.<threshold>.*`, `retype.<threshold>.*`, `nested.<part>.*` at the threshold chosen on the other
folds), beside the rules alone; a threshold of {OFF} is off.

| metric | value |
|---|---|
{rows}
""", encoding="utf-8")
    return path, card


def train(data: Path, out: Path | None = None, *, seed: int = 0) -> TrainingReport:
    """Train the proposal model on PLOVER's gold records and the hand-coded articles under ``data``; write it
    and its card to ``out`` (by default where the stage loads it from). ``seed`` is unused: the fit is
    deterministic."""
    data = require("proposals", data, f"{WIKINEWS_DIR}/{wikinews.GOLD_FILE}", GSR_FILE)
    res = lang.resources()
    lex, roles = load_lexicon(res), load_roles(res)
    coded = _coded(data)
    rows = _gsr_rows(data / GSR_FILE, lex)
    for number, item in enumerate(coded):
        rows += _article_rows(item.article, item.gold, lex, number)
    models = [_fit(rows, [i for i, a in enumerate(rows.articles) if a < 0 or a % FOLDS != k]) for k in range(FOLDS)]
    oof = _out_of_fold(coded, models, _settings(), lex, roles)
    everyone = list(range(len(coded)))
    chosen = (_choose(coded, oof, everyone, 0), _choose(coded, oof, everyone, 1))
    if chosen not in oof:
        oof.update(_out_of_fold(coded, models, [chosen], lex, roles))
    metrics: dict[str, float | int] = {"threshold": chosen[0], "retype": chosen[1], **_metrics(coded, oof)}
    model = replace(_fit(rows, list(range(len(rows.labels)))), threshold=chosen[0], retype=chosen[1])
    counts = Counter(f"{'gsr' if a < 0 else 'coded'}.{'trigger' if y else 'none'}"
                     for a, y in zip(rows.articles, rows.labels, strict=True))
    written = _write(out or Path(str(res.file(MODEL_FILE))).parent, model, metrics, counts)
    del seed
    return TrainingReport("proposals", str(data), written, metrics,
                          (f"articles: {', '.join(f'{k} {v}' for k, v in Counter(c.set for c in coded).items())}",))
