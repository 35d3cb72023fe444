"""Who did it and to whom: argument spans of a trigger over spaCy's dependency parse.

Patterns: the subject is the actor (climbing ``xcomp``/``conj`` to the clause
that has one); the direct object or the object of a trigger's prepositions
("with", "against", "on", "to") is the recipient; passives swap the roles
("sanctions imposed by X on Y"); coordinated noun phrases give several
parties; a nominal trigger takes its possessor ("X's call") or a "by" phrase
as actor, "between A and B" as parties and "of" as recipient ("the annexation
of Crimea"), borrows the subject of the verb it is the object of
("Putin's agenda included talks with ..."), or the "from" of a verb of arriving ("support came from X"),
and else takes the noun or people's adjective before it ("the police killing of", "a Russian airstrike").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.events._clause import NOUNISH, SUBJ, causative, for_clause, holders, intended, modifying_doers, passive
from dateline.events._clause import complement_passive as _complement_passive
from dateline.events._clause import named as _named
from dateline.events._clause import owner as _owner
from dateline.events._clause import parties as _parties
from dateline.events._clause import passive_agents as _passive_agents
from dateline.events._clause import pobjs as _pobjs
from dateline.events._clause import source_owner as _source_owner
from dateline.events._clause import subject as _subject
from dateline.events._lexicon import Entry, Words
from dateline.events._located import located
from dateline.events._misparsed import apposed_owner as _apposed_owner
from dateline.events._misparsed import first_object, stray_patient

if TYPE_CHECKING:
    from spacy.tokens import Token

    #: A rule that finds the actor of a nominal trigger in the clause around it: None where it does not apply.
    _OwnerRule = Callable[[Token, frozenset[str], Words], list[Token] | None]

__all__ = ["Args", "find_args", "modal_args", "passive"]


@dataclass(frozen=True, slots=True)
class Args:
    """Argument head tokens of one trigger (parties are expanded to phrases later)."""

    actors: tuple[Token, ...] = ()
    recipients: tuple[Token, ...] = ()
    #: Coordinated parties of a meeting's "with" ("talks with A and B"): one bilateral meeting each.
    partners: tuple[Token, ...] = ()

    def add(self, role: str, tokens: Iterable[Token]) -> Args:
        """These arguments with ``tokens`` added to ``role`` (``"actor"`` or ``"recipient"``), each token once."""
        target = list(self.actors if role == "actor" else self.recipients)
        for token in tokens:
            if all(token.i != t.i for t in target):
                target.append(token)
        if role == "actor":
            return replace(self, actors=tuple(target))
        return replace(self, recipients=tuple(target))


def _prep_args(head: Token, entry: Entry, args: Args, words: Words) -> Args:
    """``args`` with the parties that ``head``'s prepositional phrases, agent and dative bring in."""
    role = "actor" if entry.reciprocal else "recipient"
    for child in head.children:
        lemma = child.lower_
        if child.dep_ == "agent":
            args = args.add("actor", _pobjs(child, words))
        elif child.dep_ in ("prep", "dative") and lemma in entry.preps:
            found = _pobjs(child, words)
            if lemma in words.instrument_prepositions and not entry.reciprocal:
                found = [t for t in found if t.lemma_.lower() not in words.instruments]
            args = args.add(role, found)
            if entry.reciprocal and lemma in words.partner_prepositions:
                args = replace(args, partners=(*args.partners, *found))
        elif child.dep_ == "dative" and child.pos_ in NOUNISH:
            args = args.add("recipient", _parties(child, words))
        elif child.dep_ == "prep" and lemma in words.among_prepositions:
            args = args.add("actor", _pobjs(child, words))
        elif child.dep_ == "prep" and lemma in words.response_prepositions and not args.recipients:
            # "sanctions in response to X that Russia interfered"
            args = args.add("recipient", _responded_to(child, words))
        elif child.dep_ == "prep" and lemma in words.cause_prepositions and not args.recipients:
            # "sanctions for Russia's annexation", "criticized over its policy"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                args = args.add("recipient", [p for c in pobj.children if c.dep_ == "poss" for p in _parties(c, words)])
    return args


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


def _verb_args(verb: Token, entry: Entry, event_nouns: frozenset[str], words: Words) -> Args:
    is_passive = passive(verb) or causative(verb, words)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] or [
        c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]  # "named Ann Lee as his deputy" misparsed
    args = Args()
    if is_passive:
        objects += [c for c in verb.children if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and causative(verb, words))]
        if _complement_passive(verb):
            objects += [c for c in verb.head.children if c.dep_ in SUBJ]  # "he was nominated", "X, when elected"
        if verb.dep_ == "acl":
            objects.append(verb.head)
        objects = objects or stray_patient(verb, words)  # "after Jane Roe, mayor of Leeds, was stabbed"
    else:
        args = args.add("actor", _subject(verb, words) or _intender(verb, words))
        objects += _misparsed_objects(verb)
    args = _prep_args(verb, entry, args, words)
    if is_passive and not args.actors:  # "convicted of corruption by a court": the agent hung on the phrase
        args = args.add("actor", [t for c in verb.children if c.dep_ == "prep" for o in c.children
                                  if o.dep_ == "pobj" for a in o.children
                                  if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ in words.agent_prepositions)
                                  for t in _pobjs(a, words)])
    for obj in objects:
        if obj.lemma_.lower() in entry.with_ and not _named(obj):
            args = _prep_args(obj, entry, args, words)  # "imposed sanctions on Y": the parties hang on the noun
            if not args.recipients and not entry.reciprocal and entry.object != "topic":
                args = args.add("recipient", holders(obj, words))  # "commuted the sentence of Roger Stone"
            continue
        if obj.lemma_.lower() in event_nouns:
            args = _prep_args(obj, entry, args, words)  # "threatened the seizure of X", "rejected Y's request"
            agents = _agents(obj, words)
            if agents and entry.object != "topic":
                args = args.add("recipient", agents)  # "rejected accusations by the opposition"
                continue
        if entry.object == "topic":
            continue
        role = "actor" if entry.object == "actor" else ("actor" if entry.reciprocal else "recipient")
        args = args.add(role, _parties(obj, words))
    if not args.recipients and entry.object != "topic" and not entry.reciprocal:
        # "demanded that the US cancel its plans", "called for CNN to fire him": the subject of the demanded clause
        for clause in (c for c in verb.children if c.dep_ == "ccomp" or for_clause(c, words)):
            args = args.add("recipient", [p for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                                          for p in _parties(c, words)])
    if entry.object == "actor" and not is_passive:
        args = replace(args, actors=args.recipients, recipients=args.actors)
    return args


def _misparsed_objects(verb: Token) -> list[Token]:
    """The object of an active verb the parse missed: the noun a past tense is hung on as a modifier ("Trump
    nominated Judge Jane Roe": "nominated" an ``amod`` of "Roe"; a participle would be ``VBN``), and a second
    subject after the verb when one comes before it ("the party nominated psychologist Jane Roe")."""
    out = []
    if verb.tag_ == "VBD" and verb.dep_ == "amod" and verb.head.pos_ in NOUNISH:
        head = verb.head
        while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.pos_ in NOUNISH:
            head = head.head  # "Judge" of "Judge Jane Roe": the phrase's head
        out.append(head)
    if any(c.dep_ in SUBJ and c.i < verb.i for c in verb.children):
        out += [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    return out


def _intender(verb: Token, words: Words) -> list[Token]:
    """The possessor of the noun an infinitive with no subject describes: whose intent, plan or bid it is does the
    act ("filed his intent to appeal", "Germany's decision to send troops"); none without one."""
    described = intended(verb, words) or (verb.dep_ == "acl" and verb.head.pos_ == "NOUN")  # "a bill to require"
    if not described or not any(c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in verb.children):
        return []
    noun = verb.head  # "announced its plans to oppose": who announced them, for a bare "its"
    own = [t for c in noun.children if c.dep_ == "poss" for t in _parties(c, words)]
    announced = noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.announcing_verbs
    if announced and all(t.tag_ == "PRP$" for t in own):
        return [t for t in _subject(noun.head, words) if t.pos_ != "PRON"] or own
    return own


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


def _light_verb_args(verb: Token, entry: Entry, args: Args, words: Words) -> Args:
    """``args`` with the recipients that a light verb carries for its object event ("sent a letter to X")."""
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in entry.preps:
            args = args.add("recipient", _pobjs(child, words))
        elif child.dep_ == "dative" and child.pos_ in NOUNISH:
            args = args.add("recipient", _parties(child, words))  # "granted Roe a pardon"
    return args


def _noun_children(noun: Token, entry: Entry, light: frozenset[str],
                   words: Words) -> tuple[Args, list[Token], list[Token]]:
    """What a nominal trigger's own dependents say: the parties they add, its owner (possessor, "by"
    phrase, agent of a light participle) and coordinated names misattached to it."""
    args = Args()
    own: list[Token] = []
    stray: list[Token] = []
    for child in noun.children:
        dep, word = child.dep_, child.lower_
        if dep == "poss" and _patient_possessor(noun, words):
            args = args.add("recipient", _parties(child, words))  # "the journalist's killing": the victim
        elif dep == "poss":
            own += _parties(child, words)
        elif dep == "prep" and word in words.agent_prepositions:
            own += _pobjs(child, words)
        elif dep == "prep" and word in words.object_prepositions and entry.reciprocal:
            # "a meeting of A and B", but not "the meeting of his presidency"
            args = args.add("actor", [t for t in _pobjs(child, words) if t.pos_ == "PROPN" or t.ent_type_])
        elif dep == "prep" and word in words.object_prepositions and (doers := _named_doers(noun, child, words)):
            own += doers  # "the resignation of Jane Roe", "at the request of the minister"
        elif dep == "prep" and word in words.object_prepositions:
            args = args.add("recipient", _pobjs(child, words))  # "the annexation of Crimea"
        elif dep == "conj" and child.pos_ == "PROPN" and entry.reciprocal:
            args = args.add("actor", _parties(child, words))  # a misattached coordinated party
            stray += _parties(child, words)
        elif dep == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in light:
            own += _agents(noun, words)  # "the attack carried out by hackers on the ministry"
            if not entry.reciprocal:
                args = _light_verb_args(child, entry, args, words)
    return args, own, stray


def _named_doers(noun: Token, prep: Token, words: Words) -> list[Token]:
    """The names of an "of" phrase that say who does the act of ``noun`` (``words.doer_of_nouns``: "the
    resignation of Jane Roe"); none for another noun, or for a thing ("the threat of sanctions")."""
    if noun.lemma_.lower() not in words.doer_of_nouns:
        return []
    return [t for t in _pobjs(prep, words) if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]


def _patient_possessor(noun: Token, words: Words) -> bool:
    """Whether ``noun``'s possessor is who the act was done to ("the journalist's killing", "her arrest"), not
    its doer: an "of" phrase makes the possessor the doer ("the army's killing of civilians")."""
    return noun.lemma_.lower() in words.patient_possessor_nouns and not any(
        c.dep_ == "prep" and c.lower_ in words.object_prepositions for c in noun.children)


def _clause_recipients(noun: Token, entry: Entry, args: Args, words: Words) -> Args:
    """``args`` with the recipients the clause around a nominal trigger brings in."""
    head = noun.head
    if not entry.reciprocal and (first := first_object(noun, words)) is not None:
        args = args.add("recipient", _parties(first, words))  # "granted Roe a pardon": the pardon is Roe's
    if noun.dep_ == "dobj" and head.lemma_.lower() in words.receiving_verbs and not entry.reciprocal:
        args = args.add("recipient", _subject(head, words))  # "she received threats": she is their target
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and not args.recipients and not entry.reciprocal:
        args = _light_verb_args(head, entry, args, words)  # "launched cyber warfare against the UK"
    if noun.dep_ == "nsubj" and head.tag_ == "VBN" and not any(
            c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ not in words.support_auxiliaries)
            for c in head.children):
        # "the sanctions levied in response to ..." misparsed
        args = args.add("recipient", [t for c in head.children if c.dep_ == "prep"
                                      and c.lower_ in words.response_prepositions for t in _responded_to(c, words)])
    return args


def _object_owner(noun: Token, light: frozenset[str], words: Words) -> list[Token] | None:
    """The object of a verb: "Putin's agenda included talks" is Putin's (the owner of the subject),
    but "the army launched a crackdown" the army's (the subject of a light verb); what someone receives
    is the act of whoever it comes from ("received threats from X")."""
    head = noun.head
    if noun.dep_ not in ("dobj", "attr") or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.lemma_.lower() in words.receiving_verbs:
        return [t for c in (*head.children, *noun.children)
                if c.dep_ in ("prep", "agent") and c.lower_ in words.source_prepositions for t in _pobjs(c, words)]
    if head.lemma_.lower() in light or head.lemma_.lower() in words.announcing_verbs:
        return _subject(head, words)  # "the army launched a crackdown", "Sweden announced a suspension of aid"
    # only an owner's noun lends its owner ("Putin's agenda included talks"); who reports, condemns or
    # describes an event is not its actor ("Reuters reported Monday's attack")
    return [t for s in _subject(head, words) if s.pos_ == "NOUN" for t in _owner(s, words)]


def _setting_owner(noun: Token, light: frozenset[str], words: Words) -> list[Token] | None:
    """A scene of the clause: "during a visit to Poland, Trump made ..." is Trump's visit; so is what one
    travels for ("flew to Beijing for talks")."""
    head = noun.head
    if noun.dep_ != "pobj" or head.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = head.head
    if head.lower_ in words.purpose_prepositions and verb.lemma_.lower() in words.travel_verbs:
        return _subject(verb, words)  # "Blinken travelled to Beijing for talks with Wang": Blinken's talks
    if head.lower_ not in words.setting_prepositions:
        return None
    if verb.lemma_.lower() in words.undergoing_verbs and (
            passive(verb) or not any(c.dep_ in ("dobj", "obj") for c in verb.children)):
        return []  # "six people died in the attack", "were wounded in the raid": the subject underwent it
    if verb.lemma_.lower() in words.reporting_verbs:
        # "the BBC reported officials, after an inquiry, found ...": the source reports, the ones reported on act
        return [t for c in verb.children if c.dep_ in ("dobj", "obj") for t in _parties(c, words)] or [
            t for c in verb.children if c.dep_ == "ccomp" for t in _subject(c, words)]
    return _subject(verb, words)


def _carried_owner(noun: Token, light: frozenset[str], words: Words) -> list[Token] | None:
    """The event noun a passive light verb carries is the agent's: "attributions of responsibility were
    made by X", "an attack was carried out by Y"."""
    head = noun.head
    if noun.dep_ != "nsubjpass" or head.lemma_.lower() not in light:
        return None
    return _passive_agents(head, words)


def _answerable_owner(noun: Token, light: frozenset[str], words: Words) -> list[Token] | None:
    """What someone answers for: "the Taliban claimed responsibility for the attack"."""
    head = noun.head
    if (noun.dep_ != "pobj" or head.lower_ not in words.answerable_prepositions
            or head.head.lemma_ not in words.answerable_words):
        return None
    return _subject(head.head.head, words)


#: Where a nominal trigger with no owner of its own finds its actor, in order: the first rule that
#: applies decides, even when it finds nobody.
_CLAUSE_OWNERS: tuple[_OwnerRule, ...] = (_object_owner, _setting_owner, _carried_owner, _answerable_owner,
                                           _apposed_owner, _source_owner)


def _clause_owner(noun: Token, own: list[Token], light: frozenset[str], words: Words) -> list[Token]:
    """The actor of a nominal trigger: its own owner, else what the clause around it says."""
    head = noun.head
    if own and all(t.tag_ == "PRP$" for t in own):
        if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
            return [t for t in _subject(head, words) if t.pos_ != "PRON"] or own  # "X continued their strike"
        return own
    if own:
        return own
    if noun.ent_type_ == "EVENT" or noun.pos_ == "PROPN":
        return []  # a named event ("after the Libyan Civil War") is not the act of the clause's subject
    phrase = _collective(noun, words)
    for rule in _CLAUSE_OWNERS:
        found = rule(phrase, light, words)
        if found is not None:
            return found
    return []


def _collective(noun: Token, words: Words) -> Token:
    """The noun that counts a nominal trigger ("launched a wave of airstrikes", "issued a series of pardons"):
    the clause treats the acts through it, so it stands for them there; else the trigger itself."""
    head = noun.head
    if (noun.dep_ == "pobj" and head.lower_ in words.partitive_prepositions and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() in words.collective_nouns):
        return head.head
    return noun


def _noun_args(noun: Token, entry: Entry, light: frozenset[str], words: Words) -> Args:
    """The parties of a nominal trigger: from its own dependents and prepositions, then from the clause
    around it; its owner comes first among the actors."""
    args, own, stray = _noun_children(noun, entry, light, words)
    args = _clause_recipients(noun, entry, _prep_args(noun, entry, args, words), words)
    if args.partners:
        args = replace(args, partners=(*args.partners, *stray))  # "talks with A and B" with B misattached to "talks"
    own = _clause_owner(noun, own, light, words) or modifying_doers(noun)
    return replace(args, actors=(*(t for t in own if all(t.i != a.i for a in args.actors)), *args.actors))


def find_args(trigger: Token, entry: Entry, event_nouns: frozenset[str], light: frozenset[str],
              words: Words) -> Args:
    """The argument heads of ``trigger`` under ``entry``'s patterns (``event_nouns``: the lemmas of
    nominal triggers; ``light``: of light verbs, whose subject is the actor of their event noun)."""
    if entry.pos == "verb":
        args = _verb_args(trigger, entry, event_nouns, words)
    else:
        args = _noun_args(trigger, entry, light, words)
    if entry.reciprocal:
        args = replace(args.add("actor", args.recipients), recipients=())
    elif not args.recipients:
        args = args.add("recipient", located(trigger, words))  # "declared a ceasefire in Tripoli"
    # A party never stands for its own event word or the rest of a multiword trigger ("on alert");
    # "their" adds nothing to a named actor.
    actors = [t for t in args.actors if t.i != trigger.i and (t.lemma_.lower() not in entry.with_ or _named(t))]
    if any(t.tag_ != "PRP$" for t in actors):
        actors = [t for t in actors if t.tag_ != "PRP$"]
    recipients = [t for t in args.recipients if t.i != trigger.i and all(t.i != a.i for a in actors)
                  and (t.lemma_.lower() not in entry.with_ or _named(t))]
    return replace(args, actors=tuple(actors), recipients=tuple(recipients))


def modal_args(verb: Token, speaker: Token, words: Words) -> Args:
    """"X said Y must leave": X (the speaker's subject) asks Y (the subject of the obligation)."""
    args = Args().add("actor", _subject(speaker, words))
    args = args.add("recipient", [p for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                                  for p in _parties(c, words)])
    return replace(args, recipients=tuple(t for t in args.recipients if all(t.i != a.i for a in args.actors)))
