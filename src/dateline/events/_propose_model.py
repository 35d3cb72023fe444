"""Learned proposals: an event trigger in a sentence where the rules code none.

The lexicon names the words of acts it knows; a sentence whose act is in no
entry ("took a parting shot"), or whose word the rules refuse, gets no event.
A token classifier (a multinomial logistic model over the token's lemma, part
of speech, dependency, head, dependents and neighbours) gives each verb and
noun of such a sentence a probability of being the trigger of each PLOVER
type, or of none. The likeliest (token, type) at or above the model's
threshold becomes a trigger hit: the lexicon's own entry where the lemma has
one of that type, else a plain entry of the type; its parties come from the
same argument rules and learned choice of parties as any hit
(:func:`dateline.events._args.find_args`), and the event is built, dated,
placed and kept or refused like a rule's (no known party: no event).

The model is trained by ``dateline train proposals``
(:mod:`dateline.training.proposals`) and read from
``lang/<code>/models/proposals.json`` when one has been made there; without
it the stage codes only what the rules find.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from dateline import ids
from dateline.errors import ResourceError
from dateline.events._args import find_args
from dateline.events._fold import Hit
from dateline.events._lexicon import Entry, Lexicon
from dateline.events._model import Candidate, read_model
from dateline.events._plover import plover
from dateline.lang import Resources
from dateline.records import EVENT_TYPES, Article, EventType

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["MODEL_FILE", "NONE", "Proposer", "eligible", "load_proposer", "parse_proposer", "token_features"]

#: Where a language keeps its trained proposal model (under ``lang/<code>/``).
MODEL_FILE = "models/proposals.json"
#: Major version of the model file format this code reads.
SUPPORTED_MAJOR = "1"
#: The class of a token that triggers no event.
NONE = "NONE"
#: Base confidence of a proposed event's hit, below a lexicon entry's usual 0.7: the rules did not see it.
PROPOSAL_WEIGHT = 0.5
#: A threshold no probability reaches: the part of the model it guards is off.
OFF = 2.0
#: How many times likelier than the rule's own type another type must be for a rule event to take it.
RETYPE_MARGIN = 2.0
#: Parts of speech a trigger may have, and the lexicon's group of each.
_GROUPS = {"VERB": "verb", "NOUN": "noun"}
#: Sentence positions told apart (last sentence number of each, from 0): the lead, the next two, the next
#: three, the rest.
_POSITIONS = ((0, "lead"), (2, "next"), (5, "early"), (1 << 30, "rest"))
#: Dependents whose word is a feature.
_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "xcomp", "ccomp", "prep", "agent", "dative", "attr", "prt",
                   "compound", "amod", "neg", "aux", "auxpass"})


def eligible(token: Token) -> bool:
    """Whether a token may trigger a proposed event: a verb or common noun outside a name."""
    return token.pos_ in _GROUPS and token.is_alpha and not token.ent_type_


def _word(token: Token) -> str:
    return token.ent_type_ if token.ent_type_ else token.lemma_.lower()


def _context(token: Token, number: int, article: Article) -> list[str]:
    """Where the token's sentence stands in the article, and which of its dependents are known actors."""
    out = [f"s={next(label for last, label in _POSITIONS if number <= last)}"]
    for child in token.children:
        heads = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        for head in heads:
            actor = article.actor_at(head.idx, head.idx + len(head.text))
            if actor is not None:
                out += [f"a={child.dep_}|{actor.kind}", f"al={token.lemma_.lower()}|{child.dep_}|actor"]
    return out


def token_features(token: Token, lex: Lexicon, number: int | None = None, article: Article | None = None) -> list[str]:
    """What the classifier reads of a token: its word and form, the types the lexicon gives its lemma, its place
    in the parse and its neighbours; with its sentence's ``number`` in the ``article``, where the sentence
    stands and the known actors around it."""
    lemma, head = token.lemma_.lower(), token.head
    listed = {e.type for e in lex.index.get((lemma, _GROUPS.get(token.pos_, "")), ())}
    out = [f"l={lemma}", f"p={token.pos_}", f"t={token.tag_}", f"d={token.dep_}", f"ld={lemma}|{token.dep_}",
           f"h={head.lemma_.lower()}", f"hd={head.lemma_.lower()}|{token.dep_}", f"hp={head.pos_}|{token.dep_}"]
    out += [f"x={kind}" for kind in sorted(listed)] or ["x=-"]
    doc = token.doc
    if token.i > token.sent.start:
        out.append(f"w-1={_word(doc[token.i - 1])}")
    if token.i + 1 < token.sent.end:
        out.append(f"w+1={_word(doc[token.i + 1])}")
    for child in token.children:
        if child.dep_ not in _DEPS:
            continue
        out += [f"c={child.dep_}", f"cw={child.dep_}|{_word(child)}", f"lc={lemma}|{child.dep_}"]
        if child.dep_ == "prep":
            out += [f"pp={child.lower_}|{_word(g)}" for g in child.children if g.dep_ == "pobj"]
            out.append(f"lp={lemma}|{child.lower_}")
        elif child.ent_type_:
            out.append(f"ce={child.dep_}|{child.ent_type_}")
    return out + (_context(token, number, article) if number is not None and article is not None else [])


@dataclass(frozen=True)
class Proposer:
    """A trained token classifier: classes (:data:`NONE` first), a weight row per feature, a bias per class,
    and the probability a proposal needs."""

    classes: tuple[str, ...]
    index: dict[str, int]
    weights: npt.NDArray[np.float64]
    bias: npt.NDArray[np.float64]
    threshold: float
    #: The probability of another type a rule event's trigger needs for the event to take that type (above 1:
    #: never).
    retype: float = OFF

    def probabilities(self, rows: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
        """Each row's class probabilities (rows x classes)."""
        logits = np.tile(self.bias, (len(rows), 1))
        for r, names in enumerate(rows):
            cols = [self.index[n] for n in set(names) if n in self.index]
            if cols:
                logits[r] += self.weights[cols].sum(axis=0)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probabilities: npt.NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
        return probabilities

    def best(self, sentence: TokenSpan, number: int, article: Article,
             lex: Lexicon) -> tuple[Token, EventType, float] | None:
        """The likeliest trigger and type of sentence ``number`` of the article, at or above the threshold; None
        where there is none."""
        tokens = [t for t in sentence if eligible(t)]
        if not tokens:
            return None
        p = self.probabilities([token_features(t, lex, number, article) for t in tokens])
        p[:, 0] = -1.0  # the class NONE is never proposed
        row, col = np.unravel_index(int(np.argmax(p)), p.shape)
        if p[row, col] < self.threshold:
            return None
        return tokens[int(row)], cast(EventType, self.classes[int(col)]), float(p[row, col])

    def hit(self, sentence: TokenSpan, number: int, article: Article, lex: Lexicon) -> Hit | None:
        """The hit of the proposed trigger of sentence ``number`` of the article, its parties from the argument
        rules; None where none is proposed."""
        found = self.best(sentence, number, article, lex)
        if found is None:
            return None
        token, kind, _ = found
        group = _GROUPS[token.pos_]
        own = [e for e in lex.index.get((token.lemma_.lower(), group), ()) if e.type == kind and not e.with_]
        entry = own[0] if own else Entry(token.lemma_.lower(), group, kind, weight=PROPOSAL_WEIGHT,
                                         preps=lex.words.default_prepositions)
        args = find_args(token, entry, lex.nouns, lex.light, lex.words)
        return Hit(token, entry, args, PROPOSAL_WEIGHT)

    def retyped(self, candidate: Candidate, article: Article, lex: Lexicon) -> Candidate:
        """The rule event ``candidate`` with the type the model finds for its trigger where that is another
        type, at least :attr:`retype` likely and :data:`RETYPE_MARGIN` times likelier than the rule's; else
        as it is."""
        token, event = candidate.hit.token, candidate.event
        if self.retype > 1.0 or not eligible(token) or event.type not in self.classes:
            return candidate
        p = self.probabilities([token_features(token, lex, candidate.sentence, article)])[0]
        best = 1 + int(np.argmax(p[1:]))
        kind = cast(EventType, self.classes[best])
        if kind == event.type or p[best] < self.retype or p[best] < RETYPE_MARGIN * p[self.classes.index(event.type)]:
            return candidate
        tables = plover()
        # a stable id of its own: the rule's event id and the new type
        retyped = replace(event, id=ids.child_id(event.id, "event", kind), type=kind, mode=None,
                          quad=tables.quad[kind], intensity=tables.score(kind, None))
        return replace(candidate, event=retyped, hit=replace(candidate.hit, entry=replace(candidate.hit.entry,
                                                                                         type=kind, mode=None)))


def parse_proposer(raw: Any, source: str) -> Proposer:
    """A proposer from the JSON object of a model file."""
    try:
        if str(raw["version"]).split(".")[0] != SUPPORTED_MAJOR:
            raise ValueError(f"format {raw['version']}, this code reads {SUPPORTED_MAJOR}.x")
        classes = tuple(str(c) for c in raw["classes"])
        if classes[0] != NONE or any(c not in EVENT_TYPES for c in classes[1:]):
            raise ValueError(f"classes must be {NONE} then PLOVER types")
        names = sorted(raw["weights"])
        weights = np.array([raw["weights"][n] for n in names], dtype=np.float64).reshape(len(names), len(classes))
        return Proposer(classes, {n: i for i, n in enumerate(names)}, weights,
                        np.array(raw["bias"], dtype=np.float64), float(raw["threshold"]), float(raw["retype"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError(f"proposal model {source}: {exc}; retrain it with 'dateline train proposals'") from exc


@functools.cache
def load_proposer(res: Resources, path: str = "") -> Proposer | None:
    """The trained proposal model: the file at ``path``, else the language's own; None when there is none or
    ``path`` is ``"none"``."""
    found = read_model(res, path, MODEL_FILE, "proposal model", "dateline train proposals")
    return parse_proposer(*found) if found is not None else None
