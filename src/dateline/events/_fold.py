"""Folding a sentence's trigger hits into events.

A trigger inside another's complement is its content ("threatened to impose
sanctions" is one THREATEN); two triggers of one type on one clause are one
event ("held talks"); a nominal restatement joins the clause's event ("held a
meeting ...: a sit-down with Putin"). Two exceptions let the lower trigger
win: the event noun a light verb governs says what was done ("carried out a
cyber attack" is the attack, not an act of carrying), and what a letter says
is the event, not the letter ("sent a letter to X threatening to ..."). A relative or adverbial clause with a
subject of its own is that subject's act, never content ("accused him of bribery, which he denied"), but for
a condition ("... if Israel strikes") and an infinitive ("called for the club to drop him").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.events._args import Args
from dateline.events._lexicon import Entry, Lexicon, Words
from dateline.events._plover import plover

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CONFLICT_QUADS", "PARTY_ENTS", "Hit", "fold", "harm", "threat_entry"]


#: Dependencies of a clause whose own subject, when it has one, does its act (:func:`_own_doer`).
_OWN_CLAUSES = frozenset({"relcl", "advcl"})
#: Penn tag of a bare infinitive ("called for the club to drop him"): its subject is whom the act above it concerns.
_INFINITIVE = "VB"
#: Dependencies across which a trigger is its own event, not the content of the one above.
_INDEPENDENT = frozenset({"conj", "advcl", "relcl", "parataxis", "ROOT"})
#: Punctuation that parts two clauses of a sentence, whatever the parse hangs on what across it.
_CLAUSE_BREAKS = frozenset({";"})
#: Named-entity types of parties: what a relative clause on one of them says is its own event.
PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Dependencies of an event noun on the light verb that carries it ("carried out an attack",
#: "an attack was carried out").
_LIGHT_OBJECTS = frozenset({"dobj", "obj", "nsubjpass"})
#: Words climbed from a trigger looking for the trigger it is embedded in ("threatened to try to
#: impose sanctions": impose, try, threatened). Set by hand; it matters only in long sentences: 6 or
#: 16 change the events of 5 and 4 of the 3,130 texts of the PLOVER records, the ConfliBERT
#: sentences, the shared corpus, wikinews-dev and the seed.
MAX_PARENT_CLIMB = 8
#: Triggers one hit may replace in turn on its way up ("threatened to carry out a cyber attack":
#: the attack replaces "carry out", then folds into the threat). Set by hand; 3 or 8 code the same
#: events on those texts.
MAX_TAKEOVERS = 4
#: PLOVER quad classes of conflict (verbal and material): one promised is that act, not an agreement; one
#: claimed of another is an accusation (:mod:`dateline.events._judged`).
CONFLICT_QUADS = frozenset({3, 4})
#: Dependencies of what a verb of promising promises ("vowed to keep fighting", "promised protests").
_PROMISED = frozenset({"xcomp", "ccomp", "dobj"})
#: A bound on the depth of a parse tree (spaCy's trees have no cycles; news sentences nest far
#: less deep), so that a malformed parse cannot loop.
MAX_DEPTH = 50


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger token, the lexicon entry it matched, its argument heads and its base confidence."""

    token: Token
    entry: Entry
    args: Args
    weight: float
    #: Token index just past the words the event rests on when they run beyond the trigger's sentence (a
    #: quotation of several sentences), else 0.
    reach: int = 0
    #: Token index of a word in the sentence that holds what the event rests on when that is another sentence of
    #: a quotation than the trigger's (the sentence of a tribute that holds its praise), else None.
    anchor: int | None = None
    #: Whether the parties are the rules' alone: the doer that the sentence names for a passive with no agent
    #: (:mod:`dateline.events._doers`) is no party the learned choice of parties weighs.
    rules_only: bool = False
    #: Whether the hit is a judgement of a party beside the event its reported words tell ('"the corrupt
    #: commission refuses to hear us," she argued'), not that event's frame: folding keeps both.
    apart: bool = False


def parent_of(hit: Hit, hits: dict[int, Hit], words: Words) -> tuple[Hit | None, bool]:
    """The nearest trigger above ``hit`` and whether ``hit`` is embedded in it (not a sibling event)."""
    tok = hit.token
    if _purpose(tok, words) and tok.head.i not in hits:
        # "continued their hunger strike to demand ...": the purpose is the object event's
        for sibling in tok.head.children:
            if sibling.dep_ == "dobj" and sibling.i in hits:
                return hits[sibling.i], True
    if _own_doer(tok, words):
        return None, False  # "accused of inciting the murder, which he denied": the denial is the accused's own act
    embedded = False
    for _ in range(MAX_PARENT_CLIMB):
        if tok.dep_ == "relcl" and (tok.head.pos_ == "PROPN" or tok.head.ent_type_ in PARTY_ENTS):
            return None, False  # a relative clause describes a party: "urged X to ..., such as Y, who denounced Z"
        if tok.dep_ not in _INDEPENDENT or _purpose(tok, words):
            embedded = True
        if tok.head.i == tok.i or _across_clauses(tok):
            return None, False
        tok = tok.head
        if tok.i in hits:
            return hits[tok.i], embedded
    return None, False


def _own_doer(token: Token, words: Words) -> bool:
    """Whether ``token`` heads a relative or adverbial clause with a subject of its own, not a relative pronoun
    standing for the noun it describes: "the claim, which the minister denied", "with the mayor calling the vote a
    sham", "as much money as the governor had asked for". What such a clause tells is its subject's own act, never the
    content of a trigger above it; "called for the club to drop him" (an infinitive) stays what was called for, and a
    condition ("threatened to attack if Iran strikes") or what is asked ("asked whether Iran would strike") stays
    part of the act above it."""
    if token.dep_ not in _OWN_CLAUSES or token.tag_ == _INFINITIVE or any(
            c.dep_ == "mark" and c.lower_ in words.conditional_marks for c in token.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ not in words.relative_pronouns for c in token.children)


def _across_clauses(token: Token) -> bool:
    """Whether a semicolon between ``token`` and its head parts two clauses that the parse hangs one on the
    other ("X sent a letter requesting new rules; the rules were released later": "sent" made the complement
    of "released"): each tells an act of its own, never the content of the other's."""
    low, high = sorted((token.i, token.head.i))
    return any(c.text in _CLAUSE_BREAKS and low < c.i < high for c in (*token.head.children, *token.children))


def _purpose(token: Token, words: Words) -> bool:
    """A purpose, manner or condition clause ("staged a strike to demand reforms", "blocked roads
    demanding reforms", "will boycott unless ..."): the content of the event above it."""
    if token.dep_ != "advcl":
        return False
    if any(c.dep_ == "mark" and c.lower_ in words.condition_marks for c in token.children):
        return True  # "... unless Baghdad accepted": the condition is part of the threat
    if token.tag_ == "VBG":
        return not any(c.dep_ == "mark" for c in token.children)  # but "after meeting X" is its own
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in token.children)


def _not_taken(tokens: tuple[Token, ...], args: Args) -> list[Token]:
    """``tokens`` that are not already actors in ``args``."""
    taken = {a.i for a in args.actors}
    return [t for t in tokens if t.i not in taken]


def _merge(parent: Hit, hit: Hit) -> Hit:
    """Two triggers of one type on one clause: ``parent`` with ``hit``'s parties and mode joined."""
    # the subject of a passive trigger is what it was done to, never the doer of the other trigger ("he was
    # arrested in March, ... announcing the arrest" misparsed as the announcer's)
    patients = {t.i for h in (parent, hit) for t in h.args.recipients
                if t.dep_ == "nsubjpass" and t.head.i == h.token.i}
    args = replace(parent.args, actors=tuple(t for t in parent.args.actors if t.i not in patients))
    args = args.add("actor", [t for t in hit.args.actors if t.i not in patients])
    if not args.recipients or hit.token.dep_ != "advcl":
        # "pounded the enclave, killing five people": the victims of the consequence stay out
        args = args.add("recipient", _not_taken(hit.args.recipients, args))
    entry = parent.entry
    if entry.mode is None and hit.entry.mode is not None:
        entry = replace(entry, mode=hit.entry.mode)
    return replace(parent, args=args, entry=entry, weight=max(parent.weight, hit.weight))


def _takes_over(hit: Hit, parent: Hit, lex: Lexicon) -> bool:
    """Whether ``hit``, embedded in ``parent`` and of another type, is the event rather than its
    content: what a letter says ("sent a letter to X urging ..."), an act of conflict one vows
    ("vowed to investigate X": PLOVER's AGREE promises cooperation), or the event noun a light verb
    governs when the noun's entry is the more specific one: it names a modifier ("launched air
    strikes on Gaza" is ASSAULT, "carried out a cyber attack" COERCE, whatever the verb's entry says
    of strikes and attacks), or the verb's entry does not name the noun at all. The verb's entry
    wins where it names the bare noun ("made an ultimatum" is a THREATEN, not a REQUEST)."""
    if parent.entry.vehicle or _promised_conflict(hit, parent, lex.words):
        return True
    noun = hit.token
    if hit.entry.pos != "noun" or noun.head.i != parent.token.i or noun.dep_ not in _LIGHT_OBJECTS:
        return False
    specific = bool(hit.entry.with_) or noun.lemma_.lower() not in parent.entry.with_
    return parent.entry.lemma in lex.light and specific


def _promised_conflict(hit: Hit, parent: Hit, words: Words) -> bool:
    """An act of conflict someone vows or promises ("vowed to investigate X", "promised protests"): the act
    itself, planned, not an AGREE."""
    if parent.entry.type != "AGREE" or parent.token.lemma_.lower() not in words.promising_verbs:
        return False
    tok = hit.token
    for _ in range(MAX_PARENT_CLIMB):  # what is promised, not a scene of it ("pledged support despite the attack")
        if tok.dep_ not in _PROMISED or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == parent.token.i:
            return plover().quad[hit.entry.type] in CONFLICT_QUADS
    return False


def harm(entry: Entry) -> bool:
    """Whether the act of ``entry`` is a harm one may threaten (PLOVER's table of threats); a fight or a clash
    one says one will have ("I will fight for every vote", "vowed to keep fighting") is a struggle, none."""
    return not entry.reciprocal and plover().harm(entry.type, entry.mode)[0]


def threat_entry(lemma: str, harm_entry: Entry, base: Entry | None = None) -> Entry:
    """The THREATEN entry of a threat of ``harm_entry``, its mode the one PLOVER's table gives the harm
    ("threatened to expel the envoy" is a THREATEN 'expel'), on a verb ``lemma``; ``base``: the verb's own
    entry, kept but for type and mode."""
    _, mode = plover().harm(harm_entry.type, harm_entry.mode)
    if base is not None:
        return replace(base, type="THREATEN", mode=mode or (base.mode if base.type == "THREATEN" else None))
    return Entry(lemma, "verb", "THREATEN", mode)


def _threat(parent: Hit, hit: Hit) -> Hit:
    """``parent``, a vow or a threat whose content is the harm ``hit``, as the THREATEN of that harm: "vowed to
    retaliate", "threatened to expel the envoy" (PLOVER codes a promised attack or sanction as a threat, its
    mode what is threatened), with the harm's recipients where it has none."""
    args = parent.args
    if not args.recipients:
        args = args.add("recipient", _not_taken(hit.args.recipients, args))
    return replace(parent, entry=threat_entry(parent.entry.lemma, hit.entry, parent.entry), args=args)


def _threatened(hit: Hit, parent: Hit, words: Words) -> bool:
    """Whether ``hit`` is a harm ``parent`` threatens or vows ("threatened to expel", "vowed to retaliate")."""
    if not harm(hit.entry):
        return False
    return parent.entry.type == "THREATEN" or _promised_conflict(hit, parent, words)


def _inherit(hit: Hit, parent: Hit) -> Hit:
    """``hit`` in place of ``parent``: with its own parties, and the parent's it lacks."""
    args = hit.args
    if not args.actors:
        args = args.add("actor", parent.args.actors)
    named = [t for t in _not_taken(parent.args.recipients, args) if t.pos_ != "PRON"]
    if named and all(t.pos_ == "PRON" for t in args.recipients):
        args = replace(args, recipients=tuple(named))  # "wrote to Biden to urge him to ...": Biden, not "him"
    return replace(hit, args=args, weight=max(hit.weight, parent.weight))


def _restatements(kept: dict[int, Hit]) -> dict[int, Hit]:
    """``kept`` with each nominal restatement joined to the clause's event of its type that comes
    before it ("held a meeting ...: a sit-down with Putin")."""
    out = dict(kept)
    verbs = [i for i, h in kept.items() if h.entry.pos == "verb"]
    for i in sorted(kept):
        hit = out[i]
        host = next((v for v in verbs if out[v].entry.type == hit.entry.type and v < i), None)
        if hit.entry.pos == "noun" and host is not None:
            args = out[host].args.add("actor", hit.args.actors)
            out[host] = replace(out[host], args=args.add("recipient", _not_taken(hit.args.recipients, args)))
            del out[i]
    return out


def _place(hit: Hit, kept: dict[int, Hit], lex: Lexicon) -> dict[int, Hit]:
    """``kept`` with ``hit`` folded into the trigger above it, or put in its place (and looking further up)."""
    out = dict(kept)
    if hit.entry.type == "THREATEN" and hit.token.lemma_.lower() in lex.words.speech_verbs:
        return out  # a threat told by a verb of saying is its speaker's own act, not the content of one above
    for _ in range(MAX_TAKEOVERS):
        parent, embedded = parent_of(hit, out, lex.words)
        if parent is None or not embedded or parent.apart:
            return out
        if parent.entry.type == hit.entry.type:
            out[parent.token.i] = _merge(parent, hit)
        elif _threatened(hit, parent, lex.words) and not parent.entry.vehicle:
            out[parent.token.i] = _threat(parent, hit)
        elif _takes_over(hit, parent, lex):
            hit = out[hit.token.i] = _inherit(hit, parent)
            del out[parent.token.i]
            continue  # "threatened to carry out a cyber attack": the attack is the threat's content
        elif not parent.args.recipients and not parent.entry.reciprocal:
            # "refused to meet X", "agreed to provide aid to Y": the content's recipient is the parent's
            out[parent.token.i] = replace(parent, args=parent.args.add(
                "recipient", _not_taken(hit.args.recipients, parent.args)))
        del out[hit.token.i]
        return out
    return out


def fold(hits: dict[int, Hit], lex: Lexicon) -> list[Hit]:
    """Merge same-type triggers of one clause; drop triggers that are another's content (the event
    nouns of light verbs are the event)."""
    kept = dict(hits)
    for i in sorted(hits, key=lambda i: -_depth(hits[i].token)):
        hit = kept.get(i)
        if hit is not None:
            kept = _place(hit, kept, lex)
    kept = _restatements(kept)
    return [kept[i] for i in sorted(kept)]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < MAX_DEPTH:
        token, depth = token.head, depth + 1
    return depth
