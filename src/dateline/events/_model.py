"""The learned check of event candidates: is this candidate an event a coder codes, as coded?

The lexicon and the parse propose candidates; rules cannot see everything that
makes one wrong: another sense of the word ("a press release", "attacked the
subpoena"), a question or a wish, an actor that is a thing, a restatement, an
act the article tells as background or biography. A logistic model corrects
the rules' confidence in each candidate (its log-odds are the model's offset)
from features of the one spaCy parse (its type and status, its parties and
what the actors stage knows of them, where its date comes from, quotation,
questions, restatements) and of the article around it
(:mod:`dateline.events._discourse`: where its sentence stands, its clause and
tense, times years before the publication, the same act coded before, the
trigger word's prior); the stage keeps candidates whose probability is at or
above the model's threshold and gives that probability as the event's
confidence.

The model is trained by ``dateline train events`` (:mod:`dateline.training.events`)
and read from ``lang/<code>/models/events.json`` (one ships for English: nested out of
fold on the hand-coded articles it keeps the rules' core events within one in 50 and
codes fewer false ones, see the README). The stage loads it once per worker and reads
only texts of at least :data:`dateline.events._discourse.MIN_SENTENCES` sentences;
without it, or with ``model = none``, the stage runs on its rules alone.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.errors import ResourceError
from dateline.events._discourse import discourse
from dateline.events._fold import Hit
from dateline.lang import Resources
from dateline.records import Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FEATURE_GROUPS", "MODEL_FILE", "NO_MODEL", "Candidate", "Model", "features", "load_model", "logit",
           "sentence_count"]

logger = logging.getLogger(__name__)

#: Where a language keeps its trained event model (under ``lang/<code>/``).
MODEL_FILE = "models/events.json"
#: The ``model`` setting that codes on the rules alone.
NO_MODEL = "none"
#: Major version of the model file format this code reads.
SUPPORTED_MAJOR = "1"
#: Dependencies of a trigger's dependents whose lemma is a feature ("seek" + xcomp "divide").
_NAMED_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "xcomp", "ccomp", "prep", "agent", "dative", "attr", "acomp"})
#: Quotation marks: a trigger between them is in someone's words.
_QUOTES = frozenset({'"', "\u201c", "\u201d"})
#: Sentence positions told apart: the lead, the next two, the rest.
_LEAD_SENTENCES = (1, 3)
#: The rules' confidence is read as a probability no closer to 0 or 1 than this.
PRIOR_BOUND = 0.05
#: The groups of features a model weighs (by name prefix); the others are computed but not learned from.
#: On the 36 hand-coded articles, trigger words and dependents (the sense of a word) did not generalize
#: from one article to another out of fold; these did (see the model card).
FEATURE_GROUPS = ("type=", "status=", "actor.n=", "recipient.n=", "quoted=", "question=", "repeat", "date=",
                  "actor.kind=", "recipient.kind=", "years.ago=", "at.", "depth=", "in.", "verb.tag=", "aux.",
                  "past.year=", "prior=", "before.", "actor.tag=", "actor.bare")


@dataclass(frozen=True)
class Candidate:
    """An event the rules propose, with what the learned check reads: its trigger hit (arguments within
    the evidence), the number of its sentence and whether its date or place was carried from before."""

    event: Event
    hit: Hit
    sentence: int
    carried: bool


@dataclass(frozen=True)
class Model:
    """Weights of a logistic model over named binary features, its bias and the threshold of a kept event."""

    version: str
    weights: Mapping[str, float]
    bias: float
    threshold: float
    #: Share of right candidates of each trigger word and type in training (:func:`._discourse.prior_rates`).
    priors: Mapping[str, float] = dataclasses.field(default_factory=dict)

    def probability(self, names: Iterable[str], prior: float) -> float:
        """The probability that a candidate with these features is a real event of its type, given the
        rules' confidence in it (``prior``): the model corrects the rules' log-odds."""
        score = logit(prior) + self.bias + sum(self.weights.get(name, 0.0) for name in set(names))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def logit(confidence: float) -> float:
    """The log-odds of a confidence, kept off 0 and 1."""
    p = min(max(confidence, PRIOR_BOUND), 1.0 - PRIOR_BOUND)
    return math.log(p / (1.0 - p))


def _fail(where: str, problem: str) -> ResourceError:
    return ResourceError(f"event model {where}: {problem}; retrain it with 'dateline train events'")


def parse_model(raw: Any, where: str) -> Model:
    """A model from its JSON object, checked."""
    if not isinstance(raw, dict) or str(raw.get("version", "")).split(".")[0] != SUPPORTED_MAJOR:
        raise _fail(where, f"needs an object of format version {SUPPORTED_MAJOR}.x")
    weights, bias, threshold = raw.get("weights"), raw.get("bias"), raw.get("threshold")
    priors = raw.get("priors", {})
    if (not isinstance(weights, dict) or not all(isinstance(v, int | float) for v in weights.values())
            or not isinstance(priors, dict) or not all(isinstance(v, int | float) for v in priors.values())
            or not isinstance(bias, int | float) or not isinstance(threshold, int | float)):
        raise _fail(where, "needs 'weights' and 'priors' (name -> number), a number 'bias' and a number 'threshold'")
    return Model(str(raw["version"]), {str(k): float(v) for k, v in weights.items()}, float(bias), float(threshold),
                 {str(k): float(v) for k, v in priors.items()})


def read_model(res: Resources, path: str, file: str, what: str, command: str) -> tuple[Any, str] | None:
    """The JSON object of a trained model of the stage and where it came from: the file at ``path``, else the
    language's own ``file``; None (noted in the log) when the language has none, or when ``path`` is
    :data:`NO_MODEL`. ``what`` names the model in messages, ``command`` the command that trains it."""
    if path == NO_MODEL:
        return None
    source = Path(path) if path else res.file(file)
    if not source.is_file():
        if path:
            raise ResourceError(f"{what} {path} not found; pass a file written by '{command}'")
        # Running without a model is a supported way to run, not a fault worth a warning on every run.
        logger.info("no trained %s at dateline/lang/%s/%s: the rules decide alone ('%s' makes one)",
                    what, res.language, file, command)
        return None
    try:
        return json.loads(source.read_text(encoding="utf-8")), str(source)
    except (OSError, ValueError) as exc:
        raise ResourceError(f"{what} {source}: cannot be read ({exc}); retrain it with '{command}'") from exc


@functools.cache
def load_model(res: Resources, path: str = "") -> Model | None:
    """The trained event model: the file at ``path``, else the language's own (English ships one); None when
    there is none or ``path`` is :data:`NO_MODEL`."""
    found = read_model(res, path, MODEL_FILE, "event model", "dateline train events")
    return parse_model(*found) if found is not None else None


# --- features ------------------------------------------------------------------------------------------


def _token_features(prefix: str, token: Token) -> list[str]:
    return [f"{prefix}.pos={token.pos_}", f"{prefix}.ent={token.ent_type_ or '-'}"]


def _trigger_features(hit: Hit) -> list[str]:
    token, entry = hit.token, hit.entry
    lemma, kind = token.lemma_.lower(), entry.type
    out = [f"type={kind}", f"lemma={lemma}", f"lemma.type={lemma}|{kind}", f"pos={entry.pos}",
           f"with={bool(entry.with_)}", f"tag={token.tag_}", f"dep={token.dep_}", f"dep.type={token.dep_}|{kind}",
           f"head={token.head.lemma_.lower()}", f"head.dep={token.head.dep_}",
           f"head.lemma={token.head.lemma_.lower()}|{lemma}"]
    for child in token.children:
        if child.dep_ in _NAMED_DEPS:
            word = child.lower_ if child.dep_ == "prep" else child.lemma_.lower()
            out += [f"kid={child.dep_}", f"kid.lemma={lemma}|{child.dep_}|{word}", f"kid.type={kind}|{child.dep_}"]
            if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
                out += _token_features(f"kid.{child.dep_}", child)
        elif child.dep_ in ("neg", "aux", "auxpass"):
            out.append(f"kid={child.dep_}|{child.lower_}")
    return out


def _party_features(role: str, tokens: tuple[Token, ...], ids: tuple[str, ...], article: Article,
                    kind: str) -> list[str]:
    out = [f"{role}.n={min(len(ids), 2)}", f"{role}.n.type={min(len(ids), 2)}|{kind}",
           f"{role}.tokens={min(len(tokens), 2)}"]
    if tokens and not ids:
        out.append(f"{role}.unresolved")
    out += [f"{role}.tok.pos={t.pos_}" for t in tokens[:2]]
    for actor_id in ids[:2]:
        actor = article.actor(actor_id)
        if actor is not None:
            out += [f"{role}.kind={actor.kind}", f"{role}.sector={actor.sector or '-'}",
                    f"{role}.kind.type={actor.kind}|{kind}"]
    return out


def _context_features(candidate: Candidate, article: Article) -> list[str]:
    event, token = candidate.event, candidate.hit.token
    sentence = token.sent
    kind = event.type
    before = article.text[sentence.start_char:token.idx]
    position = next((f"sent<{n}" for n in _LEAD_SENTENCES if candidate.sentence < n), "sent.later")
    out = [f"status={event.status}", f"status.type={event.status}|{kind}", position,
           f"quoted={sum(before.count(q) for q in _QUOTES) % 2 == 1}",
           f"question={sentence.text.rstrip().endswith('?')}", f"carried={candidate.carried}",
           f"date={'none' if event.date is None else ('own' if event.date.text else 'publication')}",
           f"place={event.place is not None}", f"mode={event.mode or '-'}"]
    if article.published is not None and event.date is not None and (event.date.value or "")[:4].isdigit():
        years = article.published.year - int((event.date.value or "")[:4])
        out.append(f"years.ago={min(max(years, -1), 3)}")
    return out


def sentence_count(article: Article) -> int:
    """The number of sentences of the article's parse (0 without one)."""
    return sum(1 for _ in article.doc.sents) if article.doc is not None else 0


def features(candidate: Candidate, article: Article, earlier: Sequence[Candidate] = (),
             priors: Mapping[str, float] | None = None, sentences: int = 0) -> list[str]:
    """The named binary features of a candidate: of its sentence, and of the article around it
    (:func:`dateline.events._discourse.discourse`). ``earlier``: the article's candidates before it (to tell
    a restatement); ``priors``: the model's table of trigger priors; ``sentences``: the article's number of
    sentences (:func:`sentence_count`; 0: a text too short for position features)."""
    event, hit = candidate.event, candidate.hit
    out = ["bias.feature", *_trigger_features(hit), *_context_features(candidate, article)]
    out += _party_features("actor", hit.args.actors, event.actors, article, event.type)
    out += _party_features("recipient", hit.args.recipients, event.recipients, article, event.type)
    parties = set(event.actors) | set(event.recipients)
    if any(c.event.type == event.type and parties & (set(c.event.actors) | set(c.event.recipients)) for c in earlier):
        out += ["repeat", f"repeat.type={event.type}"]
    out += discourse(event, hit, candidate.sentence, article, [(c.event, c.hit, c.sentence) for c in earlier],
                     sentences, priors or {})
    return out
