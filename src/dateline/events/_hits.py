"""Trigger hits: the words of a sentence that the lexicon names, with the entry their dependents fit.

One pass over the sentence looks every token's lemma up in the trigger lexicon; an entry with a
``with`` list applies only when one of its words (or markers: a direct object, a named one, a clause)
depends on the token, and never when one of its ``without`` words does. Words of a date ("in March")
are never triggers. A modal ("X said Y must leave") is a hit on the verb of saying.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.events._args import find_args, modal_args
from dateline.events._clause import for_clause, passive, reports_question
from dateline.events._context import PRESENT_TAGS, asked, status
from dateline.events._fold import Hit
from dateline.events._judged import claimed, judged
from dateline.events._lexicon import Entry, Lexicon, Words
from dateline.events._quotation import inside_quotation
from dateline.events._threats import threats

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

__all__ = ["hits", "matches", "told_types"]


_POS_GROUP = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun"}
#: Dependents that never complete a multiword trigger ("expected to protest" is not "protest to"; an adverbial
#: clause says when or why: "suspended aid deliveries after a convoy was attacked" is no halt of attacks).
_NOT_CONTEXT = frozenset({"aux", "auxpass", "punct", "cc", "mark", "neg", "nsubj", "advcl"})
#: Clausal dependents a lexicon entry may ask for or rule out ("@xcomp": "seek to divide us").
_CLAUSES = frozenset({"xcomp", "ccomp"})
#: Named-entity types of a named direct object ("@dobj_name": "hosted Merkel", not "hosted a show").
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Penn tags of a singular noun: a subject a present tense verb agrees with ("Congress funds").
_SINGULAR = frozenset({"NN", "NNP"})
#: Dependents of a copula that say what its subject is ("to be unlawful").
_PREDICATES = frozenset({"acomp", "attr"})
#: Event types whose present-tense passive is an opinion held ("is supported by most residents").
_STANCES = frozenset({"SUPPORT"})
#: Named-entity types of an amount, whose "of" phrase says what it is of ("300 tons of aid").
_AMOUNTS = frozenset({"CARDINAL", "QUANTITY", "MONEY"})
#: Penn tag of a present participle: one joined to another ("killing two and injuring three") tells what it does.
_PARTICIPLE = frozenset({"VBG"})
#: Penn tags of a plural common noun: a bare one ("terrorists", "members of Congress") is any of its kind.
_PLURAL_COMMON = frozenset({"NNS"})
#: Dependents that make a plural noun some particular ones ("the members", "their doctors", "two women").
_PARTICULAR = frozenset({"det", "poss", "nummod"})


def _match(token: Token, entries: tuple[Entry, ...], words: Words) -> Entry | None:
    """The first entry whose multiword pattern fits the token's dependents."""
    kids = [c for c in token.children if c.dep_ not in _NOT_CONTEXT and not _dated(c)]
    kids += [g for c in kids if c.dep_ in ("prep", "dative") and c.lower_ not in words.trigger_scene_prepositions
             for g in c.children if g.dep_ == "pobj"]
    kids += [g for c in kids if c.dep_ == "prep" and c.lower_ not in words.trigger_scene_prepositions
             for p in c.children if p.dep_ == "prep" for g in p.children
             if g.dep_ == "pobj"]  # a two-word preposition: "dropped out of the race"
    kids += [g for c in kids if c.dep_ == "dobj" for p in c.children
             if p.dep_ == "prep" and p.lower_ in words.complement_prepositions
             for g in p.children if g.dep_ == "pobj"]  # an object complement: "held civilians as shields"
    kids += [g for c in kids if c.dep_ == "dobj" and _amount(c) for p in c.children
             if p.dep_ == "prep" and p.lower_ in words.partitive_prepositions
             for g in p.children if g.dep_ == "pobj"]  # what an amount is of: "sent 300 tons of aid"
    # a preposition counts as written: "according to" is no "accord"
    context = {c.lower_ if c.dep_ == "prep" else c.lemma_.lower() for c in kids} | {c.lower_ for c in kids}
    for child in kids:
        if child.dep_ == "dobj":
            # "with": ["@dobj"] asks for a direct object ("returned the paintings to"), "@dobj:election"
            # for that object ("called the election", but "called for elections"), "@dobj_name" for a named one
            context |= {"@dobj", f"@dobj:{child.lemma_.lower()}"}
            if child.lower_ in words.thing_pronouns and (before := _antecedent(child)) is not None:
                context |= {before.lemma_.lower(), f"@dobj:{before.lemma_.lower()}"}  # "its election ... postponed it"
            if child.pos_ == "PROPN" or child.ent_type_ in _NAMED:
                context.add("@dobj_name")
        elif child.dep_ in ("acomp", "oprd"):
            context |= {g.lemma_.lower() for g in child.children if g.dep_ == "neg"}  # "pleaded not guilty"
        elif child.dep_ in _CLAUSES:
            context.add(f"@{child.dep_}")  # "seek to divide" (@xcomp), "warned that ..." (@ccomp)
            context |= {f"@mark:{m.lower_}" for m in child.children if m.dep_ == "mark"}  # "asked whether"
            if child.dep_ == "ccomp" and _subjunctive(child):
                context.add("@subjunctive")  # "insists that Congress fund the wall": what one demands be done
            if child.lemma_.lower() in words.copulas:  # "found the decree to be unlawful", "ruled it was illegal"
                context |= {g.lemma_.lower() for g in child.children if g.dep_ in _PREDICATES}
    # "called for CNN to fire him": the "for" the parse makes the mark of the clause called for is the preposition
    context |= {m.lower_ for c in token.children if for_clause(c, words) for m in c.children if m.dep_ == "mark"}
    if token.pos_ in ("VERB", "AUX") and reports_question(token):
        context.add("@question")  # '"Do you expect a deal?" Vale asked.': a question put, nothing asked for
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        context.add("@passive")  # "the border was closed by Hungary": its subject is its object
    if token.dep_ in ("acl", "relcl", "amod"):
        context.add(token.head.lemma_.lower())  # "sanctions imposed"
        context.add("@modifier")  # "the deal agreed in Doha": the noun it describes is its object
    for entry in entries:
        if entry.tags and token.tag_.lower() not in entry.tags:
            continue
        if entry.without & context or (entry.with_ and not entry.with_ & context):
            continue
        return entry
    return None


def _amount(noun: Token) -> bool:
    """A count or a measure ("hundreds of soldiers", "500 kg of medicine", "25,000 tons of aid")."""
    return noun.ent_type_ in _AMOUNTS or any(c.dep_ == "nummod" for c in noun.children)


def _antecedent(pronoun: Token) -> Token | None:
    """What a thing pronoun object most likely stands for: the object of the verb its own verb is coordinated
    with ("obtained the messages between X and eleven others and released them": the messages), else the
    nearest common noun before it in its sentence."""
    verb = pronoun.head
    if pronoun.dep_ == "dobj" and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        shared = next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if shared is not None:
            return shared
    return next((t for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]) if t.pos_ == "NOUN"), None)


def _subjunctive(verb: Token) -> bool:
    """A clause in the subjunctive, what someone demands be done: a base form where a finite verb would agree
    with a singular subject ("that Congress fund the wall", "that the budget include"), or a bare "be" ("that the
    prisoners be released")."""
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.tag_ != "VB" for c in kids):
        return False  # "that they will pay", "that it has paid"
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VB" for c in kids) or verb.tag_ == "VB":
        return True
    return verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in _SINGULAR for c in kids)


def _in_date(token: Token) -> bool:
    """A word of a date or time ("in March", "on the eve of"): never a trigger."""
    return token.ent_type_ in ("DATE", "TIME")


def _dated(token: Token) -> bool:
    """A preposition introducing a date ("on Nov. 2"), which never completes a trigger ("call on")."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _doer(verb: Token, words: Words) -> Token | None:
    """The head of who or what does a verb: its subject, the agent of a passive ("hit by a train"), the
    noun a relative clause describes ("a truck that struck ..."), or the doer of the verb it is joined to."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in words.relative_pronouns and verb.dep_ == "relcl":
                return verb.head
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):  # "struck X, killing seven"
        return _doer(verb.head, words)
    return None


def _accident(token: Token, entry: Entry, words: Words) -> bool:
    """A violent act done by a vehicle or a force of nature ("the truck struck a group of motorcycles"), one
    that strikes a thing on the road ("struck a guard rail"), a driver's that strikes another vehicle, or what
    such a crash does, in a clause or participles joined to it ("..., killing two and injuring three"): a crash,
    not an attack."""
    if entry.type != "ASSAULT" or token.pos_ not in ("VERB", "AUX"):
        return False
    doer = _doer(token, words)
    if doer is not None and doer.lemma_.lower() in words.accident_subjects:
        return True
    crash_clause = token.dep_ == "advcl" or (token.dep_ == "conj" and token.tag_ in _PARTICIPLE)
    if crash_clause and token.head.pos_ in ("VERB", "AUX") and _accident(token.head, entry, words):
        # "... struck a guard rail, killing two and injuring three": what a crash does is the crash's; a finite
        # verb joined to the crash is an act of its own ("struck a wall and stabbed two officers")
        return True
    struck = [c for c in token.children if c.dep_ == "dobj"]
    struck += [g for c in struck for p in c.children if p.dep_ == "prep" and p.lower_ in words.partitive_prepositions
               for g in p.children if g.dep_ == "pobj"]  # "a group of motorcycles"
    if entry.mode != "destroy" and any(c.lemma_.lower() in words.obstacles for c in struck):
        return True
    # a driver that strikes another vehicle ("was driving a pickup truck ... and struck a group of motorcycles")
    driving = token.dep_ == "conj" and any(c.dep_ == "dobj" and c.lemma_.lower() in words.accident_subjects
                                          for c in token.head.children)
    return driving and any(c.lemma_.lower() in words.accident_subjects for c in struck)


def _in_words(token: Token, words: Words) -> bool:
    """An attack in words, not arms (PLOVER manual: the kinds of its arguments decide): a verb that says both
    ("attacked", "blasted") with no weapon, whose object is something said or decided ("attacked the plan"),
    that is made somewhere words are said or over an issue ("attacked X on Twitter", "in a speech", "over
    his policy"), or whose doer and object are both named persons ("Johnson attacked Corbyn")."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in words.verbal_attack_words:
        return False
    preps = [c for c in token.children if c.dep_ == "prep"]
    if any(p.lower_ in words.instrument_prepositions for p in preps) or passive(token):
        return False  # "attacked the convoy with rockets", "was attacked": arms, or no doer to judge by
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if any(o.lemma_.lower() in words.said_things for o in objects):
        return True
    said = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    if any(g.lower_ in words.verbal_channels or g.lemma_.lower() in words.verbal_channels for g in said):
        return True
    if any(p.lower_ in words.cause_prepositions and p.lower_ != "for" for p in preps):
        return True  # "attacked X over his policy"
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(doers and objects) and all(t.ent_type_ == "PERSON" for t in (*doers, *objects))


def _held_view(token: Token, entry: Entry) -> bool:
    """A stance held, not an act: a present-tense passive of support ("the law is supported by most
    residents", "the plan is backed overwhelmingly by voters") says what people think, not what they did."""
    return entry.type in _STANCES and any(
        c.dep_ == "auxpass" and c.tag_ in PRESENT_TAGS for c in token.children)


def _charge_content(token: Token, entry: Entry, words: Words) -> bool:
    """A noun of accusation as the subject of a verb of content ("his charges include homicide", "a charge of
    murder carries a life sentence"): what a charge consists of, not an act of accusing."""
    return (entry.type == "ACCUSE" and token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass")
            and token.head.lemma_.lower() in words.content_verbs)


def _told(token: Token, entry: Entry, lex: Lexicon, told: frozenset[str]) -> bool:
    """A definite noun of an act the article has told of before ("... was shot dead. Rittenhouse turned himself in
    the morning following the shooting", "... claimed responsibility for the attacks"): the reader knows the act,
    and it is not told again (hand coders give an act the sentence that states it). A possessor makes the noun
    definite where it is the one the act was done to ("the journalist's killing"); the doer's ("Russia's invasion
    of Ukraine began") may tell the act itself. Where nothing before the sentence tells of such an act, the noun
    is the telling ("The Taliban claimed responsibility for the Kabul bombing."). ``told``: the types of act the
    sentences before it tell of (:func:`told_types`)."""
    words = lex.words
    if not entry.told_when_definite or token.pos_ not in ("NOUN", "PROPN"):
        return False
    victim = token.lemma_.lower() in words.patient_possessor_nouns
    if not any((c.dep_ == "det" and c.lower_ in words.definite_determiners) or (c.dep_ == "poss" and victim)
               for c in token.children):
        return False
    return entry.type in told


def matches(sentence: TokenSpan, lex: Lexicon) -> dict[int, Entry]:
    """The words of ``sentence`` the lexicon has an entry for, by token index, each with the entry its
    context chooses (:func:`_match`): read once per sentence, by :func:`hits` and :func:`told_types` alike."""
    out: dict[int, Entry] = {}
    for token in sentence:
        found = _entries(token, lex)
        if found is not None and (entry := _match(token, found, lex.words)) is not None:
            out[token.i] = entry
    return out


def told_types(matched: Mapping[int, Entry]) -> frozenset[str]:
    """The types of act a sentence's words tell of (its :func:`matches`), as a definite noun after it reads them
    (:func:`_told`): the caller gathers them sentence by sentence, so that no noun looks back over the whole
    text."""
    return frozenset(e.type for e in matched.values())


def _generic(hit: Hit, words: Words) -> bool:
    """An act only possible, by a party that stands for any of its kind ("a country could demand ..."): a
    generic statement, not an event of anyone's."""
    return bool(hit.args.actors) and all(
        any(c.dep_ == "det" and c.lower_ in words.generic_determiners for c in t.children) for t in hit.args.actors
    ) and status(hit.token, words) == "hypothetical"


def _habitual(hit: Hit, words: Words) -> bool:
    """What people of a kind do, said in someone's words: in a quotation, doers that are all bare plurals
    ("rebels", "members of Congress", "women and doctors") of a clause in the present or present perfect
    ("Rebels attack the convoys", "members of Congress have ignored the will of the people"):
    a generalization, no act of anyone's. A question or a modal ("Why should socialists support X?") is not
    one, nor a named group."""
    token = hit.token
    if not hit.args.actors or not inside_quotation(token):
        return False
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    while clause.dep_ in ("xcomp", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        clause = clause.head
    present = clause.tag_ in PRESENT_TAGS or any(c.dep_ == "aux" and c.tag_ in PRESENT_TAGS for c in clause.children)
    return present and all(a.tag_ in _PLURAL_COMMON and not a.ent_type_ and not any(
        c.dep_ in _PARTICULAR for c in a.children) for a in hit.args.actors)


def _verb_forms(form: str, words: Words) -> list[str]:
    """The lemmas a verb form may have by its ending ("fined": "fin", "fine"), longest ending first, each stem
    as it is and then with the letters its inflection may have dropped."""
    stems = [form[:-len(e)] for e in sorted(words.verb_endings, key=len, reverse=True) if form.endswith(e)]
    restored = sorted(words.verb_stem_restorations)
    return [lemma for stem in stems if stem for lemma in (stem, *(stem + r for r in restored))]


def _entries(token: Token, lex: Lexicon) -> tuple[Entry, ...] | None:
    """The lexicon entries of the token's lemma; for a verb whose lemma is none, those of the lemma its form's
    ending gives, where the lemmatizer got it wrong ("fined" lemmatized "fin", "raped" "rap")."""
    group = _POS_GROUP.get(token.pos_, "")
    entries = lex.index.get((token.lemma_.lower(), group))
    if entries is not None or group != "verb":
        return entries
    return next((found for lemma in _verb_forms(token.lower_, lex.words)
                 if (found := lex.index.get((lemma, group))) is not None), None)


def hits(sentence: TokenSpan, lex: Lexicon, told: frozenset[str], matched: Mapping[int, Entry]) -> dict[int, Hit]:
    """The sentence's trigger hits by token index, each with its entry and argument heads; ``told``: the types of
    act the sentences before it tell of (:func:`told_types`); ``matched``: the sentence's :func:`matches`."""
    hits: dict[int, Hit] = {}
    for i, entry in matched.items():
        token = sentence.doc[i]
        if _in_date(token) or (entry.vehicle and token.dep_ in ("acl", "relcl")):
            continue  # "in a letter handed to the UN, Iraq said ...": the letter only frames what is said
        if (_accident(token, entry, lex.words) or _held_view(token, entry) or _charge_content(token, entry, lex.words)
                or _told(token, entry, lex, told)):
            continue
        if entry.type == "ASSAULT" and _in_words(token, lex.words):
            entry = replace(entry, type="ACCUSE", mode="disapprove")  # "Johnson attacked Corbyn over his policy"
        if entry.modal:
            verb = token.head
            if passive(verb):
                continue  # "said the rainforest should be opened up": a view of what should be done, asked of no one
            if asked(token) and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i for c in verb.children):
                continue  # "why should the bishops be exempt?": a question asks nothing of anyone
            if verb.dep_ == "ccomp" and verb.head.i not in hits and verb.head.pos_ in ("VERB", "AUX"):
                speaker = verb.head
                hits[speaker.i] = Hit(speaker, entry, modal_args(verb, speaker, lex.words), entry.weight)
            continue
        hit = Hit(token, entry, find_args(token, entry, lex.nouns, lex.light, lex.words), entry.weight)
        if not _generic(hit, lex.words) and not _habitual(hit, lex.words):
            hits[token.i] = hit
    return threats(sentence, claimed({**hits, **judged(sentence, lex, hits)}, lex), lex)
