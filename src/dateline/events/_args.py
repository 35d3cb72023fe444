"""Who did it and to whom: argument spans of a trigger over spaCy's dependency parse.

Patterns: the subject is the actor (climbing ``xcomp``/``conj`` to the clause
that has one); the direct object or the object of a trigger's prepositions
("with", "against", "on", "to") is the recipient; passives swap the roles
("sanctions imposed by X on Y"); coordinated noun phrases give several
parties; a nominal trigger takes its possessor ("X's call") or a "by" phrase
as actor, "between A and B" as parties and "of" as recipient ("the annexation
of Crimea"), and borrows the subject of the verb it is the object of
("Putin's agenda included talks with ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.events._lexicon import Entry
from dateline.events._located import located

__all__ = ["Args", "find_args", "modal_args"]

Token = Any  # a spaCy Token

_SUBJ = ("nsubj", "nsubjpass", "csubj")
#: Subjects of a reported clause that stand for the speaker ("X said it would ...").
_REPORTED_SELF = frozenset({"it", "they", "he", "she", "we"})
_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
#: Determiner-like words that are never parties on their own.
_NOT_PARTIES = frozenset({"it", "this", "that", "which", "what", "there", "who", "whom", "one", "all", "both", "each"})
#: Named-entity types that are never parties ("meet with X on July 8").
_NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: Nouns of time and manner that prepositions bring in but that are never parties.
_NOT_PARTY_NOUNS = frozenset({
    "morning", "afternoon", "evening", "night", "day", "week", "month", "year", "time", "weekend", "sideline",
    "issue", "matter", "question", "topic", "subject", "way", "basis", "part", "behalf", "order", "bid",
    "eve", "margin", "occasion", "course", "wake", "run", "side", "start", "end", "aftermath", "level",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
#: Means an act is done with ("pounded X with heavy artillery"): a "with" phrase of these is never a party.
_INSTRUMENTS = frozenset({
    "artillery", "airstrike", "strike", "bomb", "missile", "rocket", "gun", "gunfire", "mortar", "shell", "drone",
    "gas", "baton", "cannon", "explosive", "grenade", "weapon", "bullet", "knife", "tank", "fire", "force",
    "warplane", "aircraft", "helicopter", "jet", "device", "vehicle",
})
#: Nouns of what is said or sent ("issued a statement calling on X"): their speaker is the subject above.
_MESSAGES = frozenset({"statement", "communique", "letter", "declaration", "message", "appeal", "resolution",
                       "note", "report", "call", "tweet", "video", "release"})
#: Nouns of an answer to someone's act ("in response to", "in retaliation for").
_ANSWERS = frozenset({"response", "retaliation", "reply", "reaction", "return"})
#: Prepositions whose objects are all parties of a nominal event ("talks between A and B").
_AMONG = frozenset({"between", "among", "amongst"})
#: Prepositions that set a nominal event inside a clause whose subject is its actor.
_SETTING_PREPS = frozenset({"during", "on", "at", "after", "before", "in", "upon", "following"})
#: Nominal triggers whose "of" phrase is a party rather than the thing acted on.
_CONSULT_OF = "of"


@dataclass
class Args:
    """Argument head tokens of one trigger (parties are expanded to phrases later)."""

    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    #: Coordinated parties of a meeting's "with" ("talks with A and B"): one bilateral meeting each.
    partners: list[Token] = field(default_factory=list)

    def add(self, role: str, tokens: list[Token]) -> None:
        target = self.actors if role == "actor" else self.recipients
        for token in tokens:
            if all(token.i != t.i for t in target):
                target.append(token)


def _parties(token: Token) -> list[Token]:
    """``token`` and the noun phrases coordinated with it ("A, B and C")."""
    out: list[Token] = []
    stack = [token]
    while stack:
        tok = stack.pop()
        if (tok.pos_ in _NOUNISH and tok.lower_ not in _NOT_PARTIES and tok.ent_type_ not in _NOT_PARTY_ENTS
                and tok.lemma_.lower() not in _NOT_PARTY_NOUNS):
            out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj" and c.pos_ in _NOUNISH)
    return sorted(out, key=lambda t: t.i)


def _pobjs(prep: Token) -> list[Token]:
    return [t for c in prep.children if c.dep_ == "pobj" for t in _parties(c)]


def _subject(verb: Token) -> list[Token]:
    """The subject of ``verb``, looking up the clause chain when it has none of its own."""
    tok = verb
    for _ in range(4):
        # A subject the parse hangs on the auxiliary ("X and Y however have opposed") is the verb's.
        kids = [*tok.children, *(g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children)]
        for child in kids:
            if child.dep_ in _SUBJ:
                if child.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                    return _parties(tok.head)
                if child.lower_ in _REPORTED_SELF and tok.dep_ == "ccomp" and tok.head.i != tok.i:
                    speaker = [t for t in _subject(tok.head) if t.pos_ != "PRON"]
                    if speaker:
                        return speaker  # "Hungary has said it will support ..."
                return _parties(child)
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "acl" and tok.head.lemma_.lower() in _MESSAGES and tok.head.dep_ in ("dobj", "obj"):
            tok = tok.head.head  # "X issued a statement calling on Y": X speaks
        elif tok.dep_ == "relcl" or (tok.dep_ == "acl" and any(c.dep_ in ("dobj", "obj") for c in tok.children)):
            return _parties(tok.head)  # "forces that carried out strikes", misparsed "The force carried out strikes"
        else:
            break
    return []


def _owner(token: Token) -> list[Token]:
    """The party behind a noun: its possessor if it has one ("Putin's agenda"), else itself."""
    for child in token.children:
        if child.dep_ == "poss":
            return _parties(child)
    return _parties(token) if token.pos_ in ("PROPN", "PRON") or token.ent_type_ else []


def _prep_args(head: Token, entry: Entry, args: Args) -> None:
    role = "actor" if entry.reciprocal else "recipient"
    for child in head.children:
        lemma = child.lower_
        if child.dep_ == "agent":
            args.add("actor", _pobjs(child))
        elif child.dep_ in ("prep", "dative") and lemma in entry.preps:
            found = _pobjs(child)
            if lemma == "with" and not entry.reciprocal:
                found = [t for t in found if t.lemma_.lower() not in _INSTRUMENTS]
            args.add(role, found)
            if entry.reciprocal and lemma == "with":
                args.partners += found
        elif child.dep_ == "dative" and child.pos_ in _NOUNISH:
            args.add("recipient", _parties(child))
        elif child.dep_ == "prep" and lemma in _AMONG:
            args.add("actor", _pobjs(child))
        elif child.dep_ == "prep" and lemma == "in" and not args.recipients:
            args.add("recipient", _responded_to(child))  # "sanctions in response to X that Russia interfered"
        elif child.dep_ == "prep" and lemma in ("for", "over") and not args.recipients:
            # "sanctions for Russia's annexation", "criticized over its policy"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                args.add("recipient", [p for c in pobj.children if c.dep_ == "poss" for p in _parties(c)])


def _responded_to(prep: Token) -> list[Token]:
    """Who did what an event answers: "in response to conclusions that Russia interfered", "in
    retaliation for Moscow's annexation" (the subject of the clause on the act, or its possessor)."""
    out: list[Token] = []
    for answer in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _ANSWERS):
        for act in (g for p in answer.children if p.dep_ == "prep" and p.lower_ in ("to", "for")
                    for g in p.children if g.dep_ == "pobj"):
            for child in act.children:
                if child.dep_ == "poss":
                    out += _parties(child)
                elif child.dep_ in ("relcl", "acl", "ccomp"):
                    out += [t for c in child.children if c.dep_ == "nsubj" for t in _parties(c)]
    return out


def _verb_args(verb: Token, entry: Entry, args: Args, event_nouns: frozenset[str]) -> None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if passive:
        objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl":
            objects.append(verb.head)
    else:
        args.add("actor", _subject(verb))
    _prep_args(verb, entry, args)
    for obj in objects:
        if obj.lemma_.lower() in entry.with_:
            _prep_args(obj, entry, args)  # "imposed sanctions on Y": the parties hang on the noun
            continue
        if obj.lemma_.lower() in event_nouns:
            _prep_args(obj, entry, args)  # "threatened the seizure of X", "rejected Y's request"
            agents = _agents(obj)
            if agents and entry.object != "topic":
                args.add("recipient", agents)  # "rejected accusations by the opposition"
                continue
        if entry.object == "topic":
            continue
        role = "actor" if entry.object == "actor" else ("actor" if entry.reciprocal else "recipient")
        args.add(role, _parties(obj))
    if not args.recipients and entry.object != "topic" and not entry.reciprocal:
        # "demanded that the US cancel its plans": the subject of the demanded clause
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            args.add("recipient", [p for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for p in _parties(c)])
    if entry.object == "actor" and not passive:
        args.actors, args.recipients = args.recipients, args.actors


def _agents(noun: Token) -> list[Token]:
    """The "by" phrase of a noun, directly or through a participle ("an appeal lodged by X")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return _pobjs(child)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    return _pobjs(grandchild)
    return []


# Words whose "for" phrase names the event their subject carried out: "claimed responsibility for the
# attack", "X is responsible for mass killings".
_ANSWERABLE = frozenset({"responsibility", "responsible", "credit"})


def _light_verb_args(verb: Token, entry: Entry, args: Args) -> None:
    """Recipients that a light verb carries for its object event ("sent a letter to X")."""
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in entry.preps:
            args.add("recipient", _pobjs(child))


def _noun_args(noun: Token, entry: Entry, args: Args, light: frozenset[str]) -> None:
    own: list[Token] = []
    stray: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss":
            own += _parties(child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            own += _pobjs(child)
        elif child.dep_ == "prep" and child.lower_ == _CONSULT_OF and entry.reciprocal:
            # "a meeting of A and B", but not "the meeting of his presidency"
            args.add("actor", [t for t in _pobjs(child) if t.pos_ == "PROPN" or t.ent_type_])
        elif child.dep_ == "prep" and child.lower_ == _CONSULT_OF:
            args.add("recipient", _pobjs(child))
        elif child.dep_ == "conj" and child.pos_ == "PROPN" and entry.reciprocal:
            args.add("actor", _parties(child))  # a misattached coordinated party
            stray += _parties(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in light:
            own += _agents(noun)  # "the attack carried out by hackers on the ministry"
            if not entry.reciprocal:
                _light_verb_args(child, entry, args)
    _prep_args(noun, entry, args)
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and not args.recipients and not entry.reciprocal:
        _light_verb_args(head, entry, args)  # "launched cyber warfare against the UK"
    if noun.dep_ == "nsubj" and head.tag_ == "VBN" and not any(
            c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ != "do") for c in head.children):
        args.add("recipient", [t for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                               for t in _responded_to(c)])  # "the sanctions levied in response to ..." misparsed
    if args.partners:
        args.partners += stray  # "talks with A and B" with B misattached to "talks"
    if own and all(t.tag_ == "PRP$" for t in own) and noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        own = [t for t in _subject(head) if t.pos_ != "PRON"] or own  # "X continued their strike"
    if not own and noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        for subject in _subject(head):
            # "Putin's agenda included talks"; but "the army launched a crackdown" is the army's
            own += _owner(subject) if subject.pos_ == "NOUN" and head.lemma_.lower() not in light else [subject]
    elif not own and noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX") and head.lower_ in _SETTING_PREPS:
        own += _subject(head.head)  # "during a visit to Poland, Trump made ..."
    elif not own and noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in _ANSWERABLE:
        own += _subject(head.head.head)  # "the Taliban claimed responsibility for the attack"
    elif not own and noun.dep_ == "appos" and head.ent_type_ in ("PERSON", "ORG", "NORP"):
        own += _parties(head)  # "Trump ...: a sit-down with Putin"
    args.actors[:0] = [t for t in own if all(t.i != a.i for a in args.actors)]


def find_args(trigger: Token, entry: Entry, event_nouns: frozenset[str], light: frozenset[str] = frozenset()) -> Args:
    """The argument heads of ``trigger`` under ``entry``'s patterns (``event_nouns``: the lemmas of
    nominal triggers; ``light``: of light verbs, whose subject is the actor of their event noun)."""
    args = Args()
    if entry.pos == "verb":
        _verb_args(trigger, entry, args, event_nouns)
    else:
        _noun_args(trigger, entry, args, light)
    if entry.reciprocal:
        args.add("actor", args.recipients)
        args.recipients = []
    elif not args.recipients:
        args.add("recipient", located(trigger))  # "declared a ceasefire in Tripoli"
    # A party never stands for its own event word or the rest of a multiword trigger ("on alert");
    # "their" adds nothing to a named actor.
    args.actors = [t for t in args.actors if t.i != trigger.i and t.lemma_.lower() not in entry.with_]
    if any(t.tag_ != "PRP$" for t in args.actors):
        args.actors = [t for t in args.actors if t.tag_ != "PRP$"]
    args.recipients = [t for t in args.recipients if t.i != trigger.i and all(t.i != a.i for a in args.actors)
                       and t.lemma_.lower() not in entry.with_]
    return args


def modal_args(verb: Token, speaker: Token) -> Args:
    """"X said Y must leave": X (the speaker's subject) asks Y (the subject of the obligation)."""
    args = Args()
    args.add("actor", _subject(speaker))
    args.add("recipient", [p for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for p in _parties(c)])
    args.recipients = [t for t in args.recipients if all(t.i != a.i for a in args.actors)]
    return args
