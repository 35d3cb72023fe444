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
from typing import TYPE_CHECKING

from dateline.events._lexicon import Entry, Words
from dateline.events._located import located

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Args", "find_args", "modal_args"]


_SUBJ = ("nsubj", "nsubjpass", "csubj")
_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
#: Named-entity types that are never parties ("meet with X on July 8").
_NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


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


def _parties(token: Token, words: Words) -> list[Token]:
    """``token`` and the noun phrases coordinated with it ("A, B and C")."""
    out: list[Token] = []
    stack = [token]
    while stack:
        tok = stack.pop()
        if (tok.pos_ in _NOUNISH and tok.lower_ not in words.not_parties and tok.ent_type_ not in _NOT_PARTY_ENTS
                and tok.lemma_.lower() not in words.not_party_nouns):
            out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj" and c.pos_ in _NOUNISH)
    return sorted(out, key=lambda t: t.i)


def _pobjs(prep: Token, words: Words) -> list[Token]:
    return [t for c in prep.children if c.dep_ == "pobj" for t in _parties(c, words)]


def _subject(verb: Token, words: Words) -> list[Token]:
    """The subject of ``verb``, looking up the clause chain when it has none of its own."""
    tok = verb
    for _ in range(4):
        # A subject the parse hangs on the auxiliary ("X and Y however have opposed") is the verb's.
        kids = [*tok.children, *(g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children)]
        for child in kids:
            if child.dep_ in _SUBJ:
                if child.lower_ in words.relative_pronouns and tok.dep_ == "relcl":
                    return _parties(tok.head, words)
                if child.lower_ in words.reported_self_pronouns and tok.dep_ == "ccomp" and tok.head.i != tok.i:
                    speaker = [t for t in _subject(tok.head, words) if t.pos_ != "PRON"]
                    if speaker:
                        return speaker  # "Hungary has said it will support ..."
                return _parties(child, words)
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "acl" and tok.head.lemma_.lower() in words.message_nouns and tok.head.dep_ in ("dobj", "obj"):
            tok = tok.head.head  # "X issued a statement calling on Y": X speaks
        elif tok.dep_ == "relcl" or (tok.dep_ == "acl" and any(c.dep_ in ("dobj", "obj") for c in tok.children)):
            # "forces that carried out strikes", misparsed "The force carried out strikes"
            return _parties(tok.head, words)
        else:
            break
    return []


def _owner(token: Token, words: Words) -> list[Token]:
    """The party behind a noun: its possessor if it has one ("Putin's agenda"), else itself."""
    for child in token.children:
        if child.dep_ == "poss":
            return _parties(child, words)
    return _parties(token, words) if token.pos_ in ("PROPN", "PRON") or token.ent_type_ else []


def _prep_args(head: Token, entry: Entry, args: Args, words: Words) -> None:
    role = "actor" if entry.reciprocal else "recipient"
    for child in head.children:
        lemma = child.lower_
        if child.dep_ == "agent":
            args.add("actor", _pobjs(child, words))
        elif child.dep_ in ("prep", "dative") and lemma in entry.preps:
            found = _pobjs(child, words)
            if lemma in words.instrument_prepositions and not entry.reciprocal:
                found = [t for t in found if t.lemma_.lower() not in words.instruments]
            args.add(role, found)
            if entry.reciprocal and lemma in words.partner_prepositions:
                args.partners += found
        elif child.dep_ == "dative" and child.pos_ in _NOUNISH:
            args.add("recipient", _parties(child, words))
        elif child.dep_ == "prep" and lemma in words.among_prepositions:
            args.add("actor", _pobjs(child, words))
        elif child.dep_ == "prep" and lemma in words.response_prepositions and not args.recipients:
            # "sanctions in response to X that Russia interfered"
            args.add("recipient", _responded_to(child, words))
        elif child.dep_ == "prep" and lemma in words.cause_prepositions and not args.recipients:
            # "sanctions for Russia's annexation", "criticized over its policy"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                args.add("recipient", [p for c in pobj.children if c.dep_ == "poss" for p in _parties(c, words)])


def _responded_to(prep: Token, words: Words) -> list[Token]:
    """Who did what an event answers: "in response to conclusions that Russia interfered", "in
    retaliation for Moscow's annexation" (the subject of the clause on the act, or its possessor)."""
    out: list[Token] = []
    for answer in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in words.answer_nouns):
        for act in (g for p in answer.children if p.dep_ == "prep" and p.lower_ in words.answered_prepositions
                    for g in p.children if g.dep_ == "pobj"):
            for child in act.children:
                if child.dep_ == "poss":
                    out += _parties(child, words)
                elif child.dep_ in ("relcl", "acl", "ccomp"):
                    out += [t for c in child.children if c.dep_ == "nsubj" for t in _parties(c, words)]
    return out


def _verb_args(verb: Token, entry: Entry, args: Args, event_nouns: frozenset[str], words: Words) -> None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if passive:
        objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl":
            objects.append(verb.head)
    else:
        args.add("actor", _subject(verb, words))
    _prep_args(verb, entry, args, words)
    for obj in objects:
        if obj.lemma_.lower() in entry.with_:
            _prep_args(obj, entry, args, words)  # "imposed sanctions on Y": the parties hang on the noun
            continue
        if obj.lemma_.lower() in event_nouns:
            _prep_args(obj, entry, args, words)  # "threatened the seizure of X", "rejected Y's request"
            agents = _agents(obj, words)
            if agents and entry.object != "topic":
                args.add("recipient", agents)  # "rejected accusations by the opposition"
                continue
        if entry.object == "topic":
            continue
        role = "actor" if entry.object == "actor" else ("actor" if entry.reciprocal else "recipient")
        args.add(role, _parties(obj, words))
    if not args.recipients and entry.object != "topic" and not entry.reciprocal:
        # "demanded that the US cancel its plans": the subject of the demanded clause
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            args.add("recipient", [p for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                                   for p in _parties(c, words)])
    if entry.object == "actor" and not passive:
        args.actors, args.recipients = args.recipients, args.actors


def _agents(noun: Token, words: Words) -> list[Token]:
    """The "by" phrase of a noun, directly or through a participle ("an appeal lodged by X")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in words.agent_prepositions:
            return _pobjs(child, words)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    return _pobjs(grandchild, words)
    return []


def _light_verb_args(verb: Token, entry: Entry, args: Args, words: Words) -> None:
    """Recipients that a light verb carries for its object event ("sent a letter to X")."""
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in entry.preps:
            args.add("recipient", _pobjs(child, words))


def _noun_args(noun: Token, entry: Entry, args: Args, light: frozenset[str], words: Words) -> None:
    own: list[Token] = []
    stray: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss":
            own += _parties(child, words)
        elif child.dep_ == "prep" and child.lower_ in words.agent_prepositions:
            own += _pobjs(child, words)
        elif child.dep_ == "prep" and child.lower_ in words.object_prepositions and entry.reciprocal:
            # "a meeting of A and B", but not "the meeting of his presidency"
            args.add("actor", [t for t in _pobjs(child, words) if t.pos_ == "PROPN" or t.ent_type_])
        elif child.dep_ == "prep" and child.lower_ in words.object_prepositions:
            args.add("recipient", _pobjs(child, words))
        elif child.dep_ == "conj" and child.pos_ == "PROPN" and entry.reciprocal:
            args.add("actor", _parties(child, words))  # a misattached coordinated party
            stray += _parties(child, words)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in light:
            own += _agents(noun, words)  # "the attack carried out by hackers on the ministry"
            if not entry.reciprocal:
                _light_verb_args(child, entry, args, words)
    _prep_args(noun, entry, args, words)
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and not args.recipients and not entry.reciprocal:
        _light_verb_args(head, entry, args, words)  # "launched cyber warfare against the UK"
    if noun.dep_ == "nsubj" and head.tag_ == "VBN" and not any(
            c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ not in words.support_auxiliaries)
            for c in head.children):
        # "the sanctions levied in response to ..." misparsed
        args.add("recipient", [t for c in head.children if c.dep_ == "prep" and c.lower_ in words.response_prepositions
                               for t in _responded_to(c, words)])
    if args.partners:
        args.partners += stray  # "talks with A and B" with B misattached to "talks"
    if own and all(t.tag_ == "PRP$" for t in own) and noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        own = [t for t in _subject(head, words) if t.pos_ != "PRON"] or own  # "X continued their strike"
    if not own and noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        for subject in _subject(head, words):
            # "Putin's agenda included talks"; but "the army launched a crackdown" is the army's
            own += _owner(subject, words) if subject.pos_ == "NOUN" and head.lemma_.lower() not in light else [subject]
    elif (not own and noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX")
          and head.lower_ in words.setting_prepositions):
        own += _subject(head.head, words)  # "during a visit to Poland, Trump made ..."
    elif (not own and noun.dep_ == "pobj" and head.lower_ in words.answerable_prepositions
          and head.head.lemma_ in words.answerable_words):
        own += _subject(head.head.head, words)  # "the Taliban claimed responsibility for the attack"
    elif not own and noun.dep_ == "appos" and head.ent_type_ in ("PERSON", "ORG", "NORP"):
        own += _parties(head, words)  # "Trump ...: a sit-down with Putin"
    args.actors[:0] = [t for t in own if all(t.i != a.i for a in args.actors)]


def find_args(trigger: Token, entry: Entry, event_nouns: frozenset[str], light: frozenset[str],
              words: Words) -> Args:
    """The argument heads of ``trigger`` under ``entry``'s patterns (``event_nouns``: the lemmas of
    nominal triggers; ``light``: of light verbs, whose subject is the actor of their event noun)."""
    args = Args()
    if entry.pos == "verb":
        _verb_args(trigger, entry, args, event_nouns, words)
    else:
        _noun_args(trigger, entry, args, light, words)
    if entry.reciprocal:
        args.add("actor", args.recipients)
        args.recipients = []
    elif not args.recipients:
        args.add("recipient", located(trigger, words))  # "declared a ceasefire in Tripoli"
    # A party never stands for its own event word or the rest of a multiword trigger ("on alert");
    # "their" adds nothing to a named actor.
    args.actors = [t for t in args.actors if t.i != trigger.i and t.lemma_.lower() not in entry.with_]
    if any(t.tag_ != "PRP$" for t in args.actors):
        args.actors = [t for t in args.actors if t.tag_ != "PRP$"]
    args.recipients = [t for t in args.recipients if t.i != trigger.i and all(t.i != a.i for a in args.actors)
                       and t.lemma_.lower() not in entry.with_]
    return args


def modal_args(verb: Token, speaker: Token, words: Words) -> Args:
    """"X said Y must leave": X (the speaker's subject) asks Y (the subject of the obligation)."""
    args = Args()
    args.add("actor", _subject(speaker, words))
    args.add("recipient", [p for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for p in _parties(c, words)])
    args.recipients = [t for t in args.recipients if all(t.i != a.i for a in args.actors)]
    return args
