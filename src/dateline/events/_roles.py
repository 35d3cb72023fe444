"""The learned choice of actor and recipient among the parties the parse offers for a trigger.

The rules of :mod:`dateline.events._args` name an event's actor and recipient
from fixed patterns of the parse. This module reads the same parse as a set of
candidate parties of one coded event (:func:`participants`: the rules' own
answer, and every noun phrase head near the trigger in the dependency tree:
subjects, objects, agents of passives, objects of prepositions, possessors,
appositions, coordinated and named parties) and scores each with two logistic
models over named binary features (:func:`features`: the rules' answer, the
dependency path to the trigger, the preposition, side and distance, what the
actors stage knows of the party, voice and type of the trigger, how the party
stands to a verb of asking or ordering that governs the trigger's infinitive:
:func:`control`). A candidate is
kept in the role the rules gave it unless that model's probability falls below a
low threshold and another candidate's passes a high one; a role the rules
leave empty takes the likeliest candidate whose probability passes it
(:func:`choose`).

The model only re-chooses the parties of events the rules code: an event the
rules do not code stays uncoded, and an event for which the model names no known
party keeps the rules' parties. It is trained by ``dateline train roles``
(:mod:`dateline.training.roles`) and read from ``lang/<code>/models/roles.json``
when one has been made there; the stage loads it once per worker and runs on
the rules alone without it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.errors import ResourceError
from dateline.events._args import Args
from dateline.events._clause import NOUNISH, passive
from dateline.events._fold import Hit
from dateline.events._lexicon import Words
from dateline.events._model import NO_MODEL, read_model
from dateline.events._phrase import phrase
from dateline.lang import Resources
from dateline.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MODEL_FILE", "NO_MODEL", "Party", "Roles", "choose", "control", "features", "load_roles", "parse_roles",
           "participants", "voice_of"]


#: Where a language keeps its trained actor/recipient model (under ``lang/<code>/``).
MODEL_FILE = "models/roles.json"
#: Major version of the model file format this code reads.
SUPPORTED_MAJOR = "1"
#: Dependencies of a noun phrase head that make it a candidate party.
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "poss", "appos", "conj", "dative", "attr",
                        "npadvmod", "ROOT"})
#: Most dependency arcs between a candidate and the trigger. Chosen on the out-of-fold figures of
#: ``dateline train roles`` (ConfliBERT roles and wikinews-dev): 3 and 5 arcs scored lower.
MAX_PATH = 4
#: Token distances told apart (bucket upper bounds).
_DISTANCES = (1, 3, 6, 12)
#: Dependencies of the object of a verb that governs an open infinitive clause ("advised Y to attack"), as
#: :func:`dateline.events._clause.subject` reads them.
_CONTROL_OBJECTS = frozenset({"dobj", "obj", "dative"})
#: The roles a candidate can take.
ROLES = ("actor", "recipient")
#: The thresholds a model holds: per role, keeping a party the rules gave it and adding one they did not.
THRESHOLDS = ("actor.keep", "actor.add", "recipient.keep", "recipient.add")


@dataclass(frozen=True)
class Roles:
    """Weights of the actor and the recipient model over named binary features, and their thresholds."""

    version: str
    weights: Mapping[str, Mapping[str, float]]
    thresholds: Mapping[str, float]

    def probability(self, role: str, names: Iterable[str]) -> float:
        """The probability that a candidate with these features is the event's ``role``."""
        table = self.weights[role]
        score = sum(table.get(name, 0.0) for name in set(names))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _fail(where: str, problem: str) -> ResourceError:
    return ResourceError(f"actor/recipient model {where}: {problem}; retrain it with 'dateline train roles'")


def parse_roles(raw: Any, where: str) -> Roles:
    """A model from its JSON object, checked."""
    if not isinstance(raw, dict) or str(raw.get("version", "")).split(".")[0] != SUPPORTED_MAJOR:
        raise _fail(where, f"needs an object of format version {SUPPORTED_MAJOR}.x")
    weights, thresholds = raw.get("weights"), raw.get("thresholds")
    if (not isinstance(weights, dict) or not isinstance(thresholds, dict)
            or any(not isinstance(weights.get(r), dict) for r in ROLES)
            or any(not isinstance(thresholds.get(t), int | float) for t in THRESHOLDS)
            or not all(isinstance(v, int | float) for r in ROLES for v in weights[r].values())):
        raise _fail(where, f"needs 'weights' for {' and '.join(ROLES)} and 'thresholds' {', '.join(THRESHOLDS)}")
    return Roles(str(raw["version"]), {r: {str(k): float(v) for k, v in weights[r].items()} for r in ROLES},
                 {t: float(thresholds[t]) for t in THRESHOLDS})


@functools.cache
def load_roles(res: Resources, path: str = "") -> Roles | None:
    """The trained model: the file at ``path``, else the language's own; None (noted in the log) when the
    language has none, or when ``path`` is :data:`NO_MODEL`."""
    found = read_model(res, path, MODEL_FILE, "actor/recipient model", "dateline train roles")
    return parse_roles(*found) if found is not None else None


# --- candidates and features ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Party:
    """A candidate party: its head token, the dependency path from it to the trigger ("nsubj>",
    "pobj^prep>", "nsubj>dobj": up from the token to the lowest head it shares with the trigger, then up
    from the trigger to it; "far" beyond :data:`MAX_PATH` arcs) and the path's length."""

    token: Token
    route: str
    length: int


def _first_conjunct(token: Token, where: dict[int, int]) -> Token:
    """The first of the noun phrases coordinated with ``token`` ("A, B and C": A), which stands to the trigger
    as each of them does; ``token`` itself where it is none's conjunct, or its conjunct is the trigger's head."""
    while (token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ in NOUNISH
           and token.head.i not in where):
        token = token.head
    return token


def _party(token: Token, down: list[Token], where: dict[int, int]) -> Party:
    """``token`` as a party of the trigger whose heads are ``down`` (``where``: index -> place in it), on the
    path of its first conjunct: the arcs of a coordination do not take a party further from the trigger."""
    up = [_first_conjunct(token, where)]
    while up[-1].i not in where and len(up) <= MAX_PATH and up[-1].head.i != up[-1].i:
        up.append(up[-1].head)
    top = up[-1]
    if top.i not in where or len(up) - 1 + where[top.i] > MAX_PATH:
        return Party(token, "far", MAX_PATH + 1)
    rising = "^".join(x.dep_ for x in up[:-1])
    falling = "^".join(x.dep_ for x in down[:where[top.i]])
    return Party(token, f"{rising}>{falling}", len(up) - 1 + where[top.i])


def participants(hit: Hit, words: Words) -> list[Party]:
    """The candidate parties of a coded event: the rules' own, then every noun phrase head of the trigger's
    sentence within :data:`MAX_PATH` arcs of it (a coordinated one on the path of the first of its
    coordination), in order of the text."""
    trigger = hit.token
    down = [trigger, *trigger.ancestors]
    where = {t.i: k for k, t in enumerate(down)}
    found = {t.i: _party(t, down, where) for t in (*hit.args.actors, *hit.args.recipients)}
    for token in trigger.sent:
        if (token.i == trigger.i or token.i in found or token.pos_ not in NOUNISH or token.dep_ not in PARTY_DEPS
                or token.lower_ in words.not_parties):
            continue
        party = _party(token, down, where)
        if party.length <= MAX_PATH:
            found[token.i] = party
    return [found[i] for i in sorted(found)]


def _rule_role(hit: Hit, token: Token) -> str:
    if any(t.i == token.i for t in hit.args.actors):
        return "actor"
    if any(t.i == token.i for t in hit.args.recipients):
        return "recipient"
    return "none"


def voice_of(hit: Hit) -> str:
    """The voice of the trigger of ``hit``, which every party of it shares: "active" or "passive"."""
    return "passive" if passive(hit.token) else "active"


def control(trigger: Token, token: Token, words: Words) -> str:
    """How ``token`` stands to the open infinitive clause the trigger heads, by the verb that governs it:
    "object" where it is the object of a verb of asking, urging or ordering (``words.control_verbs``), the
    doer of the clause ("X advised Y to attack Z"); "outranked" where it is that verb's subject, who only asks
    for the act; "subject" where it is the subject of another governing verb, the doer ("X founded a party
    to oppose Z"); "-" else."""
    clause = trigger
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "urged Y to stop and release Z": the clause of the first verb
    governor = clause.head
    if clause.dep_ != "xcomp" or governor.i == clause.i or token.head.i != governor.i:
        return "-"
    asked = governor.lemma_.lower() in words.control_verbs and any(
        c.dep_ in _CONTROL_OBJECTS for c in governor.children)
    if token.dep_ in _CONTROL_OBJECTS:
        return "object" if asked else "-"
    if token.dep_ == "nsubj":
        return "outranked" if asked else "subject"
    return "-"


def features(hit: Hit, party: Party, article: Article, words: Words, voice: str = "") -> list[str]:
    """The named binary features of ``party`` as a party of the event of ``hit`` (``voice``: its
    :func:`voice_of`, when the caller has it)."""
    token, trigger, entry, route = party.token, hit.token, hit.entry, party.route
    rule, kind, voice = _rule_role(hit, token), entry.type, voice or voice_of(hit)
    distance = abs(token.i - trigger.i)
    bucket = next((str(b) for b in _DISTANCES if distance <= b), "far")
    side = "before" if token.i < trigger.i else "after"
    actor = article.actor_at(*phrase(token, words))
    out = ["bias", f"rule={rule}", f"rule.type={rule}|{kind}", f"rule.pos={rule}|{entry.pos}",
           f"rule.voice={rule}|{voice}", f"path={route}", f"path.voice={route}|{voice}", f"path.rule={route}|{rule}",
           f"path.type={route}|{kind}", f"path.pos={route}|{entry.pos}", f"length={party.length}",
           f"dep={token.dep_}", f"dep.voice={token.dep_}|{voice}", f"pos={token.pos_}", f"tag={token.tag_}",
           f"ent={token.ent_type_ or '-'}", f"side={side}", f"side.voice={side}|{voice}|{entry.pos}",
           f"distance={bucket}", f"reciprocal={entry.reciprocal}", f"object={entry.object}",
           f"trigger.dep={trigger.dep_}", f"known={actor is not None}", f"known.rule={actor is not None}|{rule}"]
    held = control(trigger, token, words)
    if held != "-":
        out += [f"control={held}", f"control.rule={held}|{rule}", f"control.voice={held}|{voice}"]
    if token.dep_ == "pobj":
        word = token.head.lower_
        out += [f"prep={word}", f"prep.type={word}|{kind}", f"prep.rule={word}|{rule}", f"prep.path={word}|{route}"]
    if actor is not None:
        out += [f"kind={actor.kind}", f"sector={actor.sector or '-'}", f"kind.type={actor.kind}|{kind}",
                f"kind.path={actor.kind}|{route}"]
    return out


def _group(token: Token, among: list[Token]) -> list[Token]:
    """``token`` and the candidates coordinated with it ("A and B")."""
    linked = {token.i, *(c.i for c in token.children if c.dep_ == "conj")}
    if token.dep_ == "conj":
        linked.add(token.head.i)
    return [t for t in among if t.i in linked]


def _actor_id(token: Token, article: Article, words: Words) -> str:
    """The id of the actor the phrase of ``token`` names; "" where it names none."""
    actor = article.actor_at(*phrase(token, words))
    return actor.id if actor is not None else ""


def _agent(token: Token, words: Words) -> bool:
    """Whether ``token`` is the object of an agent preposition ("the eviction of families by Israel"): the
    doer by the grammar, never a recipient the model adds, wherever the parser hung the phrase."""
    return token.dep_ == "pobj" and token.head.lower_ in words.agent_prepositions


def choose(hit: Hit, article: Article, words: Words, model: Roles) -> Args | None:
    """The parties the model chooses for the event of ``hit``; None where it names none (the rules' parties
    stay). A party the rules gave a role keeps it while the model's probability of that role is at least
    the role's ``keep`` threshold, and so do the parties the rules coordinate with it and every party the
    rules give a meeting (its partners, all actors); a role the rules leave empty, or whose parties the
    model doubts, takes the candidate the model finds likeliest for it, with those coordinated with it,
    where its probability reaches the role's ``add`` threshold. The rules'
    parties of a role stay where no candidate replaces them: the model never just removes a party, nor moves
    one the rules gave the other role, nor another mention of its actor, into a role ("charges against X"
    with no actor named: X stays the recipient and does not become the actor). The subject of a verb of
    asking or ordering is never added as the actor of the act it asks for ("X advised Y to attack Z": Y
    attacks), as the object of an agent preposition is never added as a recipient."""
    parties = participants(hit, words)
    voice = voice_of(hit)
    scores = {}
    for party in parties:
        names = features(hit, party, article, words, voice)
        scores[party.token.i] = {r: model.probability(r, names) for r in ROLES}
    among = [p.token for p in parties]
    rule = {"actor": {t.i for t in hit.args.actors}, "recipient": {t.i for t in hit.args.recipients}}
    # the actors of the rules' recipients that the model does not doubt there: no actor takes them
    named = {t.i: _actor_id(t, article, words) for t in among}
    held = {named[i] or str(i) for i in rule["recipient"]
            if i in scores and scores[i]["recipient"] >= model.thresholds["recipient.keep"]}
    chosen: dict[str, list[Token]] = {}
    for role in ROLES:
        taken = {t.i for r in chosen.values() for t in r}
        ruled = [t for t in among if t.i in rule[role] and t.i not in taken]
        # the parties of a meeting are partners: the model drops none of those the rules name
        kept = [t for t in ruled if scores[t.i][role] >= model.thresholds[f"{role}.keep"]
                or (role == "actor" and hit.entry.reciprocal)]
        # a party keeps those coordinated with it in the same role ("Jordan and Britain agreed")
        linked = {t.i for t in kept} | {g.i for t in kept for g in _group(t, among)
                                        if g.i in rule[role] and g.i not in taken}
        kept = [t for t in among if t.i in linked]
        free = [t for t in among if t.i not in taken and t.i not in rule[role]
                and not (role == "actor" and (named[t.i] or str(t.i)) in held)
                and not (role == "recipient" and _agent(t, words))
                and not (role == "actor" and control(hit.token, t, words) == "outranked")]
        if not kept and free:
            best = max(free, key=lambda t: scores[t.i][role])
            if scores[best.i][role] >= model.thresholds[f"{role}.add"]:
                kept = _group(best, free)
        chosen[role] = kept or ruled  # a party the rules name goes only where another replaces it
    actors, recipients = chosen["actor"], chosen["recipient"]
    if not actors and not recipients:
        return None
    actor_set = {t.i for t in actors}
    return Args(actors=tuple(actors), recipients=tuple(recipients),
                partners=tuple(t for t in hit.args.partners if t.i in actor_set))
