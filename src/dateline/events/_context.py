"""An event's status (occurred, planned, hypothetical, negated), its clause, and the time on it.

Status comes from the words governing the trigger: a negation ("did not
meet", "no talks"), a future or intention ("will", "is set to", "is expected
to", "plans to", "was to", "scheduled"), or a condition ("could", "would",
"if"). A time or place is the event's when it hangs on the trigger's own
clause (:func:`own_clause`); :mod:`dateline.events._dates` and
:mod:`dateline.events._places` choose among them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.events._clause import causative
from dateline.events._inversion import counterfactual, in_inverted_condition
from dateline.events._lexicon import Words
from dateline.records import EventDate, EventStatus, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "FINITE_TAGS", "PRESENT_TAGS", "asked", "calendar", "event_date", "governors", "nearest", "own_clause", "pick",
    "resolved", "saying", "status",
]


#: Dependencies through which the modality of a word reaches the trigger below it.
_CARRIES_MODALITY = frozenset({
    "xcomp", "conj", "acl", "advcl", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "pcomp", "appos",
})
#: Dependencies through which a verb of averting ("foiled", "prevented") reaches what it does not avert: its
#: own subject ("the ship, deployed on patrols, foiled an attack") and a verb coordinated with it ("foiled
#: the attack and arrested 23 pirates").
_NOT_AVERTED = frozenset({"nsubj", "conj"})
#: Dependencies of a word that modifies a noun ("the 2015 accord"): its date is the noun's.
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})
#: Times that can date an event (durations and sets cannot).
_DATED = frozenset({"DATE", "TIME"})
#: Words climbed from a trigger through which a modality reaches it ("was expected to try to meet":
#: meet, try, expected). Set by hand; 3 or 8 change the status of 2 and 3 events in the 3,130 texts
#: of the PLOVER records, the ConfliBERT sentences, the shared corpus, wikinews-dev and the seed.
MAX_MODALITY_CLIMB = 4
#: Words climbed from a time or place expression looking for the trigger's clause ("Later on July 8,
#: Putin was to meet ..."); a verb on the way ends the climb first. Set by hand; 6 or 16 code the
#: same events on those texts.
MAX_GOVERNED_CLIMB = 8


def governors(trigger: Token) -> list[Token]:
    """The trigger and the words above it whose modality carries down to it."""
    chain = [trigger]
    tok = trigger
    for _ in range(MAX_MODALITY_CLIMB):
        if tok.dep_ in _CARRIES_MODALITY:
            if tok.head.i == tok.i:
                break
            tok = tok.head
            chain.append(tok)
        else:
            break
    return chain


def _is_to_be(tok: Token, words: Words) -> bool:
    """"Putin was to meet": the infinitive hangs on a bare 'be'."""
    return tok.lemma_ in words.copulas and any(c.dep_ == "xcomp" for c in tok.children)


#: Closing quotation marks a question may end in ('... attack?"').
_CLOSING_QUOTES = "\"\u201d'\u2019"


def asked(trigger: Token) -> bool:
    """Whether the trigger's sentence is a question ("Will Russia attack?"): it asserts no event. Only the words
    at the sentence's end are read, back to the last that is more than spaces and closing quotation marks."""
    doc, sent = trigger.doc, trigger.sent
    tail = ""
    for k in range(sent.end - 1, sent.start - 1, -1):
        tail = doc[k].text_with_ws + tail
        if not all(c.isspace() or c in _CLOSING_QUOTES for c in tail):
            break
    return tail.rstrip().rstrip(_CLOSING_QUOTES).endswith("?")


def _decided(chain: list[Token], depth: int, kids: list[Token], words: Words) -> EventStatus | None:
    """What a word on the trigger's chain settles by itself: failure, an averted act, a condition, negation."""
    tok = chain[depth]
    lemma = tok.lemma_.lower()
    if depth > 0 and lemma in words.failing_verbs and chain[depth - 1].dep_ == "xcomp":
        return "negated"  # "failed to reach agreement"
    if depth > 0 and lemma in words.averting_verbs and chain[depth - 1].dep_ not in _NOT_AVERTED and not (
            chain[depth - 1].dep_ == "prep" and chain[depth - 1].lower_ in words.means_prepositions):
        return "negated"  # "avoided a feared veto", not "foiled the attack and arrested", nor "avoided jail by hiding"
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.conditional_marks for c in kids):
        return "hypothetical"  # "if the compounds aren't returned"
    if counterfactual(tok, kids, words):
        return "hypothetical"  # "Had nine more senators voted to convict"
    negation = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in words.negative_determiners) for c in kids)
    if negation and (depth == 0 or (depth == 1 and lemma not in words.planning_words and chain[0].dep_ != "advcl")):
        return "negated"  # "did not hold talks", not "did not resign, citing his health"
    if negation and lemma in words.copulas and all(t.dep_ in ("pobj", "prep", "attr") for t in chain[:depth]):
        return "negated"  # "they were not in agreement"
    return None


def _planned(chain: list[Token], depth: int, kids: list[Token], words: Words) -> bool:
    tok = chain[depth]
    lowered = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    governs_plan = depth > 0 and (chain[depth - 1].dep_ in ("xcomp", "nsubj", "nsubjpass", "ccomp") or (
        depth > 1 and chain[depth - 1].dep_ == "prep" and chain[depth - 2].dep_ == "pcomp"  # "plans on leaving"
        and chain[depth - 1].lower_ not in words.temporal_marks)  # not "set fire to it before making off"
        or _described_infinitive(chain[depth - 1], words))  # "filed his intent to appeal"
    return bool(lowered & words.future_auxiliaries
                or (governs_plan and (tok.lemma_.lower() in words.planning_words or _is_to_be(tok, words)))
                or any(c.dep_ == "amod" and c.lower_ in words.planned_adjectives for c in kids)
                or _ahead(tok, words)
                or _headline_infinitive(tok, kids, words)
                or any(c.dep_ == "advmod" and c.lower_ in words.ahead_prepositions and not c.n_rights
                       for c in kids))  # "months of fighting lie ahead", not "quit ahead of the election"


def _described_infinitive(tok: Token, words: Words) -> bool:
    """An infinitive that describes a noun ("his intent to appeal", "the plan to leave")."""
    return tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in tok.children)


def _ahead(tok: Token, words: Words) -> bool:
    """A gerund after a preposition of what comes later ("ahead of meeting X"); not one after a subordinator
    of time ("held them hostage before fleeing"), which takes the status of the clause it hangs on."""
    return (tok.dep_ == "pcomp" and tok.head.lower_ in words.ahead_prepositions
            and tok.head.lower_ not in words.temporal_marks)


def _headline_infinitive(tok: Token, kids: list[Token], words: Words) -> bool:
    """The bare infinitive of a headline with a subject of its own and no verb above it ("Kenya to send
    troops to Somalia", "Talks to be held in Geneva"): an act to come."""
    return (tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in kids)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids))


def _had(aux: Token, words: Words) -> bool:
    """A contracted auxiliary before a past participle: "had", not "would" ("she'd been suspended")."""
    return (aux.lower_ in words.perfect_contractions and aux.i + 1 < len(aux.doc)
            and aux.nbor().tag_ == "VBN")


def _unreal(kids: list[Token], words: Words) -> bool:
    """A modal ("could meet") or a word that makes the event only possible ("a potential charge")."""
    return any((c.dep_ in ("aux", "auxpass") and c.lower_ in words.hypothetical_auxiliaries and not _had(c, words))
               or (c.dep_ == "amod" and c.lower_ in words.unreal_adjectives) for c in kids)


def _future_in_past(chain: list[Token], words: Words) -> bool:
    """A "would" in words reported by a verb in a past tense ("said she would sue"): the future of that past,
    planned; not when another modal ("could"), a condition ("if the court rules") or a perfect ("would have
    sued") makes it unreal."""
    top = chain[-1]
    if top.dep_ != "ccomp" or top.head.i == top.i or not _past(top.head):
        return False
    future = False
    for tok in chain:
        kids = list(tok.children)
        auxiliaries = [c for c in kids if c.dep_ in ("aux", "auxpass") and c.lower_ in words.hypothetical_auxiliaries]
        if any(c.lower_ not in words.future_in_past_auxiliaries for c in auxiliaries):
            return False
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words.conditional_marks
                                         for m in c.children) for c in kids):
            return False
        if auxiliaries and tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ == "VB" for c in kids):
            return False  # "would have sued"
        future = future or bool(auxiliaries)
    return future


def _attempted(tok: Token, words: Words) -> bool:
    """A verb an attempt governs ("tried to have ...")."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in words.attempting_verbs


def _past(tok: Token) -> bool:
    """A verb in a past tense of its own ("ripped", "was hit", "had left"), not a present that can refer ahead
    ("before the troops withdraw", "once they have left")."""
    if tok.tag_ == "VBD":
        return True
    auxiliaries = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxiliaries) and auxiliaries[0].tag_ == "VBD"


def _own_time(chain: list[Token], words: Words) -> list[Token]:
    """The chain up to a clause that says when in a past tense of its own ("will have to attend a hearing after
    a fire ripped through the plant"), or up to a gerund of what is already done ("will make the playoffs after
    securing a win"), or up to what a preposition of topic names ("will hold an inquiry into the murder"): the
    modality of the clause above does not reach it."""
    for depth, tok in enumerate(chain):
        if tok.dep_ == "advcl" and _past(tok) and any(_opens_when(c, tok, words) for c in tok.children):
            return chain[:depth + 1]
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in words.done_prepositions:
            return chain[:depth + 1]
        if depth > 0 and tok.dep_ == "prep" and tok.lower_ in words.topic_prepositions:
            return chain[:depth]  # "could answer few questions about how he escaped", "an inquiry into the murder"
    return chain


def _opens_when(kid: Token, clause: Token, words: Words) -> bool:
    """A subordinator of time ("after", "once"), or "when" opening the clause as an adverb."""
    return kid.lower_ in words.temporal_marks and (
        kid.dep_ == "mark" or (kid.dep_ == "advmod" and kid.i == clause.left_edge.i))


#: Dependencies of an event noun that is the subject of a verb.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Penn tags of a finite verb or auxiliary: one gives a coordinated verb a tense of its own ("has decided to
#: try ... and has entered rehab"), and a participle with one is a clause of its own ("was", "has been").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Penn tags of a verb or auxiliary in the simple present ("says", "say", "is", "has").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _occurs(subject: Token, tok: Token, words: Words) -> bool:
    """A verb that says whether its subject happens: one that says it does ("talks will take place", "fighting
    could break out"), a 'be' that says only when or where ("the talks will be in Geneva", not "the fire may
    have been arson"), a verb of averting in the passive ("the attack was foiled")."""
    lemma = tok.lemma_.lower()
    if lemma in words.copulas:
        return not any(c.dep_ in ("attr", "acomp", "xcomp", "ccomp") for c in tok.children)
    if subject.dep_ == "nsubjpass" and lemma in words.averting_verbs:
        return True
    return lemma in words.occurrence_verbs or any(
        f"{lemma} {c.lower_}" in words.occurrence_verbs for c in tok.children if c.dep_ in ("prt", "dobj", "advmod"))


def _own_mood(chain: list[Token], words: Words) -> tuple[list[Token], Token | None]:
    """The chain up to the clause whose mood is the trigger's, and the verb above it that says something of the
    trigger without saying whether it happened (None if none): a verb with the trigger (or a word of its
    chain) as its subject ("the arrest will not affect the case": its negation is not the arrest's; "the fire
    may have been arson"), unless it says the subject happens ("talks will take place"); a coordinated verb
    with a subject or a tense of its own is a clause of its own ("decided to try to quit and has entered
    rehab")."""
    for depth, tok in enumerate(chain[:-1]):
        above = chain[depth + 1]
        if tok.dep_ in _SUBJECTS and not _occurs(tok, above, words):
            return chain[:depth + 1], above
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ in _SUBJECTS or (c.dep_ == "aux" and c.tag_ in FINITE_TAGS) for c in tok.children):
            return chain[:depth + 1], None
    return chain, None


def _planned_subject(predicate: Token, words: Words) -> bool:
    """A verb of planning whose subject is the event ("the vote was scheduled", "the summit is to open")."""
    return predicate.lemma_.lower() in words.planning_words or _is_to_be(predicate, words)


def status(trigger: Token, words: Words) -> EventStatus:
    """Occurred unless the words around the trigger say otherwise."""
    if asked(trigger):
        return "hypothetical"  # a question in an interview asserts nothing
    if in_inverted_condition(trigger, words):
        return "hypothetical"  # "Had two more judges voted to convict, ...", "... had the rebels attacked"
    if causative(trigger, words):
        if _attempted(trigger.head, words):
            return "planned"  # "tried to have him released": no release took place
        trigger = trigger.head  # "did not have him arrested"
    chain, predicate = _own_mood(_own_time(governors(trigger), words), words)
    planned = predicate is not None and _planned_subject(predicate, words)
    hypothetical = False
    for depth, tok in enumerate(chain):
        kids = list(tok.children)
        decided = _decided(chain, depth, kids, words)
        if decided is not None:
            return decided
        hypothetical = hypothetical or _unreal(kids, words)
        planned = planned or _planned(chain, depth, kids, words)
    if hypothetical and not _future_in_past(chain, words):
        return "hypothetical"
    return "planned" if planned or hypothetical else "occurred"


def nearest(spans: Sequence[tuple[int, int]], trigger_at: int) -> int:
    return min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][1]) // 2 - trigger_at))


def _governed(doc: Doc, start: int, end: int, clause: set[int]) -> bool:
    """Whether the words at ``[start, end)`` hang on the trigger's clause (not another verb's): on the
    trigger or a word above it (``clause``: :func:`governors`; "Later on July 8, Putin was to meet ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if tok.dep_ in _NOUN_MODIFIERS and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in clause:
        return False  # "the 2015 Paris accord", "the 2016 election": the date of a thing, not of the event
    for _ in range(MAX_GOVERNED_CLIMB):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in clause:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return False
    return False


def own_clause(trigger: Token) -> set[int]:
    """The words whose time or place is the trigger's: the trigger, the words above it that carry its
    modality, and for an event noun the participle that describes it ("sanctions imposed in 2014")."""
    clause = {t.i for t in governors(trigger)}
    if trigger.pos_ in ("NOUN", "PROPN"):
        clause |= {c.i for c in trigger.children if c.dep_ == "acl"}
    return clause


def pick(doc: Doc, spans: Sequence[tuple[int, int]], clause: set[int], middle: int) -> int | None:
    """The span on the clause (nearest ``middle`` of several), if any."""
    governed = [i for i, (a, b) in enumerate(spans) if _governed(doc, a, b, clause)]
    return governed[nearest([spans[i] for i in governed], middle)] if governed else None


def saying(trigger: Token) -> Token | None:
    """The verb of saying whose reported clause holds the trigger ("Schumer said: 'we told him ...'")."""
    top = governors(trigger)[-1]
    if top.dep_ in ("ccomp", "parataxis") and top.head.i != top.i and top.head.pos_ in ("VERB", "AUX"):
        return top.head
    return None


_CALENDAR = re.compile(r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(WE))?$")
#: Most ISO weeks in a year, and the ISO numbers of Thursday and Saturday: a week belongs to the month of its
#: Thursday, a weekend to the month of its Saturday.
ISO_WEEKS = 53
THURSDAY = 4
SATURDAY = 6


def calendar(value: str) -> str:
    """The calendar part of a TIMEX3 value, as events carry it: YYYY-MM-DD, YYYY-MM or YYYY
    ("2017-07-07TAF" -> "2017-07-07"); a week is the month its Thursday falls in ("2017-W27" -> "2017-07"),
    a weekend the month its Saturday falls in ("2019-W31-WE" -> "2019-08"), never the year alone."""
    week = _WEEK.match(value)
    if week is not None and 1 <= int(week.group(2)) <= ISO_WEEKS:
        day = SATURDAY if week.group(3) else THURSDAY
        with contextlib.suppress(ValueError):  # week 53 of a year that has 52
            return f"{dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), day):%Y-%m}"
    match = _CALENDAR.match(value)
    return match.group(0) if match else value


def resolved(value: str | None) -> bool:
    """A calendar value ("2017-07-07", "2017-W27", "XXXX-07-07"), not a reference like PAST_REF or a
    century ("20")."""
    return value is not None and _CALENDAR.match(value) is not None


def event_date(doc: Doc, times: Sequence[TimeExpr], trigger: Token, *, said: bool = False,
               deferred: frozenset[str] = frozenset(), meanwhile: frozenset[str] = frozenset()) -> EventDate | None:
    """The date of the time expression on the trigger's clause (``said``: or on the clause of the verb of
    saying that reports it), if any; a time on another clause is not the event's, nor one after a
    preposition of ``deferred`` ("delayed the election until June": June is when the vote is due), but one on
    a clause of the same moment is (``meanwhile``: "When announcing the shutdown on Monday, X called on ...")."""
    usable = [t for t in times if t.type in _DATED and resolved(t.value) and not _deferred(doc, t, deferred)]
    if not usable:
        return None
    clause = own_clause(trigger)
    clause |= {c.i for i in list(clause) for c in doc[i].children if c.dep_ == "advcl"
               and any(m.dep_ in ("mark", "advmod") and m.lower_ in meanwhile for m in c.children)}
    speech = saying(trigger) if said else None
    if speech is not None:
        clause |= {t.i for t in governors(speech)}
    best = pick(doc, [(t.span.start, t.span.end) for t in usable], clause, trigger.idx)
    return None if best is None else EventDate(calendar(usable[best].value or ""), usable[best].span.text)


def _deferred(doc: Doc, time: TimeExpr, prepositions: frozenset[str]) -> bool:
    """Whether a time expression is the object of one of ``prepositions`` ("until June")."""
    if not prepositions:
        return False
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    before = doc[first.i - 1] if first.i > 0 else None
    return (span.root.dep_ == "pobj" and span.root.head.lower_ in prepositions) or (
        before is not None and before.lower_ in prepositions)


#: Dependents that give a bare verb a subject, an auxiliary or a subordinator: no command then.
_CLAUSE_MARKS = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark"})


def imperative(trigger: Token) -> bool:
    """Whether the trigger is a command ("take a knife ... and attack the tourists"): a bare verb heading a
    main or reported clause with no subject, auxiliary or subordinator of its own or of the verb it is
    coordinated with. A command asks for an act; it reports none."""
    if trigger.pos_ != "VERB" or trigger.tag_ != "VB":
        return False
    clause = [trigger]
    while clause[-1].dep_ == "conj" and clause[-1].head.i != clause[-1].i:
        clause.append(clause[-1].head)
    top = clause[-1]
    if top.dep_ not in ("ROOT", "ccomp", "parataxis") or top.tag_ != "VB":
        return False
    return not any(c.dep_ in _CLAUSE_MARKS for t in clause for c in t.children)
