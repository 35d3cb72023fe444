"""Attributed stances beyond speech verbs: what an agent endorses, rejects, plans or examines.

News attribution (as PolNeAR annotates it) covers more than "X said": a
person, group or organization that endorses, criticizes, declines, discusses,
supports or examines something is a source, and that something is the
content ("the union endorses the mayor", "the auditor faulted the council for
its late accounts", "she declined to answer"). Passives count too, with the
agent as source ("the leak was first noticed by a local paper") or no source
("the governor is expected to sign it").

A verb qualifies when its subject is an agent (a person, organization,
nationality or country name, a personal pronoun, or a source noun such as
"critics" or "a poll") and it is not a verb of plain action, motion or
possession (``lang/<language>/quotes.json`` lists those). The content is the verb's
clausal complement, else its object with the phrases that complete it ("X for
Y", "X as Y", "X of Y"), else the object of a preposition that carries
content ("complained about X").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from dateline.quotes._lexicon import Lexicon
from dateline.quotes._types import Candidate, Extent, extent, reaching, token_end
from dateline.records import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "complement",
    "find_adjective_cues",
    "find_noun_cues",
    "find_stances",
    "is_agent",
    "nearest_clause",
    "object_phrase",
    "only_setting",
    "phrase_end",
    "set_off",
    "verb_kind",
]


#: Entity labels that make a subject an agent. Country and city names are left
#: out: as subjects of verbs outside the speech lexicon they were mostly events
#: in PolNeAR dev ("Norway staged an exercise"; 5 of 16 were attributions).
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
def verb_kind(verb: Token, lexicon: Lexicon) -> QuoteKind:
    """``"speech"`` for a verb of saying or writing, ``"stance"`` for one of belief, judgement or support."""
    return lexicon.kind(verb.lemma_.lower())


def is_agent(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` (a subject head) names someone who can hold a stance."""
    lower = token.lower_
    if lower in lexicon.not_agents:
        return False
    if lower in lexicon.pronouns or token.lemma_.lower() in lexicon.agent_nouns:
        return True
    if token.ent_type_ in AGENT_ENTITIES:
        return True
    return bool(token.tag_ == "WP" and lower in lexicon.person_words)  # "who"; possessives are never WP


#: Clauses that a comma or dash sets off after a phrase ("the deal, which ...", "the media, saying ...", "the plan,
#: while ..."): what they tell is no part of what the phrase's cue reports (PolNeAR ends the content before them,
#: and marks the clause apart when it holds a cue of its own: "which the union called a betrayal"). An adverbial
#: clause is set off when its verb is a present participle or finite, or it has a subject or a conjunction; a bare past
#: participle or infinitive goes on with the phrase ("Rubio third, followed by Kasich", "not to stall growth, only
#: to prevent ..."), and so does a clause of the noun itself ("his statements, ranging from ... to ...").
SET_OFF_CLAUSES = frozenset({"relcl", "advcl"})
#: The marks that set such a clause off.
SET_OFF_MARKS = frozenset({",", ";", "—", "–", "-", "--"})


def _mark_before(token: Token) -> int:
    """The index of the token before ``token``'s phrase, past closing quotation marks ('"dossiers," which ...': the
    comma inside the quotation sets the clause off)."""
    k = token.left_edge.i - 1
    while k > 0 and token.doc[k].is_quote:
        k -= 1
    return k


def set_off(token: Token) -> bool:
    """Whether ``token`` heads a clause that a comma or dash right before it sets off (:data:`SET_OFF_CLAUSES`)."""
    k = _mark_before(token)
    if token.dep_ not in SET_OFF_CLAUSES or k < 0 or token.doc[k].text not in SET_OFF_MARKS:
        return False
    if token.dep_ == "relcl" or token.tag_ in _OWN_VERB_TAGS:
        return True
    return any(c.dep_ in _CLAUSE_PARTS or (c.dep_ == "mark" and c.tag_ != "TO") for c in token.children)


#: Tags of a verb that heads a clause of its own after a comma: a present participle ("..., saying ...") or a finite
#: verb ("..., referred to X and considered Y").
_OWN_VERB_TAGS = frozenset({"VBG", "VBD", "VBZ", "VBP"})
#: Dependents that make a clause after a comma one of its own ("while X has threatened ..."), where a bare participle
#: or infinitive goes on with the phrase before it ("followed by ...", "only to prevent ...").
_CLAUSE_PARTS = frozenset({"nsubj", "nsubjpass", "expl"})


def phrase_end(token: Token) -> tuple[int, bool]:
    """Where ``token``'s phrase ends (an offset) when a clause set off at its end is left out ("the deal | , which
    would cost ..."), and whether one was."""
    last = token.right_edge
    for inner in reaching(token, last.i - 1):
        if inner.i > token.i and inner.right_edge.i >= last.i - 1 and set_off(inner):
            before = token.doc[_mark_before(inner) - 1]
            if before.i >= token.i:
                return token_end(before), True
    return token_end(last), False


#: Labels of the right-hand phrases of a verb that complete its object phrase ("the mayor for not acting").
_COMPLETING = frozenset({"oprd", "xcomp", "ccomp", "prep", "npadvmod", "advmod", "dative", "advcl"})
#: Entity labels of a date or a time of day.
_WHEN = frozenset({"DATE", "TIME"})


def _setting(child: Token, lexicon: Lexicon) -> bool:
    """Whether ``child``, a right-hand phrase of a verb, only tells when or where the act took place: a date or
    time ("on Sunday", "last week") or the occasion or channel after one of ``setting_prepositions`` ("at a
    rally", "during a conference call", "in an interview")."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in _WHEN
    if child.dep_ != "prep" or child.lower_ not in lexicon.setting_prepositions:
        return False
    obj = next((k for k in child.children if k.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in _WHEN or obj.lemma_.lower() in lexicon.setting_nouns)


def _ends_in_setting(setting: Token, lexicon: Lexicon) -> bool:
    """Whether ``setting`` (a right-hand phrase of a verb that tells only its setting, :func:`_setting`) and the
    verb's phrases after it that would complete its object phrase all tell only its setting: the object phrase
    ends before them."""
    for child in setting.head.rights:
        if child.i <= setting.i:
            continue
        if child.lower_ in lexicon.sourcing_words or set_off(child) or child.dep_ not in _COMPLETING:
            if not child.is_punct:
                return True
        elif not _setting(child, lexicon):
            return False
    return True


def only_setting(verb: Token, words: Span, lexicon: Lexicon) -> bool:
    """Whether ``words`` open with a phrase of ``verb`` that tells only its setting (:func:`_setting`) and every word
    of them but punctuation lies in such a phrase ("... | at a rally on Tuesday.")."""
    first = next((t for t in words if not t.is_punct), None)
    if first is None or (first.lower_ not in lexicon.setting_prepositions and first.ent_type_ not in _WHEN):
        return False  # the words do not open with a setting
    settings = [child for child in verb.rights if child.right_edge.i >= words.start and _setting(child, lexicon)]
    return bool(settings) and all(
        t.is_punct or any(c.left_edge.i <= t.i <= c.right_edge.i for c in settings) for t in words)


def object_phrase(verb: Token, obj: Token, lexicon: Lexicon) -> Extent:
    """The object with the right-hand phrases of ``verb`` after it ("the mayor for not acting", "the plan as a
    betrayal"): the rest of the verb phrase, up to a coordinated verb or clause, a clause set off by a comma or
    dash (:data:`SET_OFF_CLAUSES`: "criticized the deal, which ...", "backed the plan, while ..."), or phrases at
    its end that only tell when or at what occasion ("thanked supporters | at a rally on Tuesday"; on PolNeAR
    train, 14 such contents came to match their gold attribution once cut and 2 stopped)."""
    start = extent(obj).start
    end, cut = phrase_end(obj)
    for child in verb.rights:
        if cut:
            break
        if child.i <= obj.i:
            continue
        if child.lower_ in lexicon.sourcing_words or set_off(child):
            break  # "..., according to X" names who says so; it is not part of what is said
        if child.dep_ in _COMPLETING:
            if _setting(child, lexicon) and _ends_in_setting(child, lexicon):
                break
            child_end, cut = phrase_end(child)
            end = max(end, child_end)
        elif not child.is_punct:
            break
    return Extent(start, end)


def nearest_clause(verb: Token, no_xcomp: frozenset[str]) -> Token | None:
    """The head of ``verb``'s clausal complement (ccomp, or xcomp unless the lemma is in ``no_xcomp``) nearest
    after it, else its last one: the parser also hangs earlier or unrelated clauses on a verb ("Both
    candidates face questions ... (her campaign disclosed that she has pneumonia)")."""
    clauses = [c for c in verb.children
               if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and verb.lemma_.lower() not in no_xcomp)]
    after = [c for c in clauses if c.i > verb.i]
    return min(after, key=lambda c: c.i) if after else (clauses[-1] if clauses else None)


def complement(verb: Token, lexicon: Lexicon, objects: bool = True,
               preps: frozenset[str] | None = None) -> Extent | None:
    """What ``verb`` is about: its clause, its object phrase, or the object of one of ``preps``."""
    child = nearest_clause(verb, lexicon.stance_no_xcomp)
    if child is not None:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
        start = extent(obj).start if obj is not None else extent(child).start
        return Extent(start, extent(child).end)
    if objects:
        for child in verb.children:
            if child.dep_ == "dobj" and child.i > verb.i and child.lower_ not in lexicon.reflexive_pronouns:
                return object_phrase(verb, child, lexicon)
    return _prep_object(verb, lexicon.content_prepositions if preps is None else preps)


def _prep_object(head: Token, preps: frozenset[str]) -> Extent | None:
    """The object of ``head``'s first right-hand preposition in ``preps``, to the end of that phrase."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return Extent(objs[0].left_edge.idx, token_end(child.right_edge))
    return None


def _passive(verb: Token, lexicon: Lexicon) -> tuple[Extent, Token | None] | None:
    """A passive stance: the patient (with its complement) as content, the "by" agent as source."""
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return None
    agent = None
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
    if agent is None and verb.lemma_.lower() in lexicon.clause_only_verbs \
            and nearest_clause(verb, lexicon.stance_no_xcomp) is None:
        return None  # "is known for its wines", "was found in the car": repute and finding, nobody's claim
    rest = complement(verb, lexicon, objects=False)
    start, end = extent(patient)
    if rest is not None:
        end = max(end, rest.end)
    elif agent is None:
        return None
    return Extent(start, end), agent


def _passes_on(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a passive hands its content to a speech verb ("was quoted as saying"): that verb reports it."""
    return any(
        child.dep_ == "prep" and child.lower_ in lexicon.as_words
        and any(c.lemma_.lower() in lexicon.speech_verbs for c in child.children if c.dep_ == "pcomp")
        for child in verb.rights
    )


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        head = verb.head
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def _cue_extent(verb: Token, content: Extent) -> Extent:
    """The verb, with its particle or preposition when the content follows them ("called for")."""
    end = token_end(verb)
    for child in verb.rights:
        if child.dep_ in ("prt", "prep") and token_end(child) <= content.start and child.i == verb.i + 1:
            end = token_end(child)
    return Extent(verb.idx, end)


def _told_deed(verb: Token, subject: Token, lexicon: Lexicon) -> bool:
    """Whether ``verb``, a word in no list of stance or communication, tells of a deed of the speaker, the one
    addressed or a group spoken of ("we lined up one activity", "they lease it to someone else", "I would
    eliminate them"): an account of what is done, not a position held. Deeds of a named agent or of "he" or
    "she" stay, as PolNeAR marks them ("she denounced the plan")."""
    if verb.lemma_.lower() in lexicon.stance_words | lexicon.communication_cues:
        return False
    narrators = lexicon.first_person_pronouns | lexicon.addressee_pronouns
    return subject.lower_ in narrators | (lexicon.group_pronouns - lexicon.organization_pronouns)


def _purpose(verb: Token, lexicon: Lexicon) -> bool:
    """Whether ``verb`` is the infinitive of a purpose clause ("emigrated to pursue his education", "visited
    the room to celebrate a birthday"): what the subject went on to do, not a position it holds."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ in lexicon.infinitive_marks for c in verb.children)


def _felt(verb: Token, lexicon: Lexicon) -> Candidate | None:
    """The stance a verb of feeling caused tells of ("the verdict angered his lawyers", "his lawyers were angered
    by the verdict"): the one who feels it is its source, and what caused it its content."""
    cue = Extent(verb.idx, token_end(verb))
    cause = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    felt = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if cause is not None and felt is not None and felt.lower_ not in lexicon.reflexive_pronouns:
        return Candidate(Extent(cause.left_edge.idx, phrase_end(cause)[0]), cue, verb, felt, "stance")
    felt = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    by = next((c for c in verb.rights if c.dep_ == "agent"), None)
    cause = None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)
    if felt is not None and cause is not None:
        return Candidate(Extent(cause.left_edge.idx, phrase_end(cause)[0]), cue, verb, felt, "stance")
    return None


def find_stances(verbs: list[Token], lexicon: Lexicon, skip: Callable[[int], bool]) -> Iterator[Candidate]:
    """Stance candidates among ``verbs`` (the verb tokens of a document)."""
    for token in verbs:
        if token.dep_ in ("amod", "aux", "auxpass") or skip(token.idx):
            continue
        lemma = token.lemma_.lower()
        if lemma in lexicon.feeling_verbs:
            felt = _felt(token, lexicon)
            if felt is not None:
                yield felt
            continue
        if lemma in lexicon.action_verbs:
            continue
        passive = _passive(token, lexicon)
        if passive is not None:
            (content, agent) = passive
            if lemma not in lexicon.passive_verbs or _passes_on(token, lexicon) or (
                    agent is None and lemma in lexicon.forecast_verbs):
                continue
            yield Candidate(content, Extent(token.idx, token_end(token)), token, agent, verb_kind(token, lexicon))
            continue
        if lemma in lexicon.cue_verbs:
            continue  # speech and thought verbs in the active voice are read elsewhere
        subject = _subject(token)
        if _purpose(token, lexicon):
            continue
        if subject is None or not is_agent(subject, lexicon) or _told_deed(token, subject, lexicon):
            continue
        found = complement(token, lexicon, preps=lexicon.topic_prepositions)
        if found is not None and found.start > token.idx:
            kind: QuoteKind = "speech" if lemma in lexicon.communication_cues else "stance"  # "discussed why ..."
            yield Candidate(found, _cue_extent(token, found), token, subject, kind)


def _noun_source(noun: Token, lexicon: Lexicon) -> Token | None:
    """Whose claim or plan: the possessor ("his statement") or the "by"/"from" object."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in lexicon.source_prepositions:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() not in lexicon.receiving_verbs:
        # "the senator made the claim that ...", "it was his view that ..."; not "he received criticism for ...",
        # whose subject is the one criticized
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None


def _noun_content(noun: Token, lexicon: Lexicon) -> Extent | None:
    """What a cue noun reports: its "that"/"to" clause, else the object of one of its prepositions."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(
                (c.dep_ == "mark" and c.lower_ in lexicon.noun_clause_marks)
                or (c.dep_ == "aux" and c.lower_ in lexicon.infinitive_marks) for c in child.children):
            return extent(child)
    return _prep_object(noun, lexicon.noun_prepositions)


def _felt_for_others(noun: Token, content: Extent, lexicon: Lexicon) -> bool:
    """A feeling noun about a thing ("the board's disdain for cyclists") held by no named person.

    Feelings of groups and institutions about things are the writer's characterization; a feeling with
    a clause ("fears that ...") or of a person ("his disdain for ...") is attributed.
    """
    if noun.lemma_.lower() not in lexicon.feeling_nouns:
        return False
    if any(extent(c) == content for c in noun.rights if c.dep_ in ("acl", "ccomp")):
        return False
    source = _noun_source(noun, lexicon)
    return source is None or not (source.ent_type_ == "PERSON" or source.lower_ in lexicon.person_words
                                  or source.lower_ in lexicon.person_pronouns)


def find_noun_cues(nouns: list[Token], lexicon: Lexicon, skip: Callable[[int], bool]) -> Iterator[Candidate]:
    """Stances reported by nouns ("the claim that ...", "his support for ...") among ``nouns``."""
    for token in nouns:
        if token.lemma_.lower() not in lexicon.cue_nouns or skip(token.idx):
            continue
        found = _noun_content(token, lexicon)
        if found is not None and _felt_for_others(token, found, lexicon):
            continue
        if found is not None and found.start > token.idx:
            kind: QuoteKind = "speech" if token.lemma_.lower() in lexicon.speech_nouns else "stance"
            yield Candidate(found, Extent(token.idx, token_end(token)), token, _noun_source(token, lexicon), kind)


def find_adjective_cues(adjectives: list[Token], lexicon: Lexicon,
                        skip: Callable[[int], bool]) -> Iterator[Candidate]:
    """Stances carried by predicate adjectives ("farmers are worried that ...", "he is sure of it")."""
    for token in adjectives:
        if token.dep_ != "acomp" or token.lemma_.lower() not in lexicon.cue_adjectives or skip(token.idx):
            continue
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not is_agent(subject, lexicon):
            continue
        found = complement(token, lexicon, objects=False, preps=lexicon.noun_prepositions)
        if found is not None and found.start > token.idx:
            yield Candidate(found, Extent(token.idx, token_end(token)), token, subject, "stance")
