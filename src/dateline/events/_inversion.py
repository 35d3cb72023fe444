"""Conditions put by inversion ("Had nine more senators voted to convict, ...", "The army would have retreated
had the rebels attacked", "Were the court to rule, ..."): the act in such a clause did not happen.

The parse hangs these clauses many ways (an adverbial clause, a complement of the verb after it, the inverted
auxiliary as the clause's head, a conjunct), so :func:`in_inverted_condition` reads the order of the words as
well, and :func:`counterfactual` the parse of one word on a trigger's chain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._lexicon import Words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["counterfactual", "in_inverted_condition"]

#: Penn tags of an inverted auxiliary ("had", "were", "should").
_FINITE = frozenset({"VBD", "MD"})
#: Parts of speech of the subject that follows an inverted auxiliary.
_SUBJECT_WORDS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: Penn tags of a relative pronoun: "who had guns" is no inversion.
_RELATIVES = frozenset({"WP", "WDT"})
#: Words that end the inverted clause when it opens the sentence.
_CLAUSE_ENDS = frozenset({",", ";"})


def in_inverted_condition(trigger: Token, words: Words) -> bool:
    """Whether a verb trigger stands in a condition put by inversion: an inverted auxiliary followed by a
    subject and then a verb, opening the sentence (the clause ends at the next comma) or after a clause with a
    modal ("would have lost his seat had two more judges voted"; the clause runs to the next comma or the end).
    An event noun is left to the parse: "Had the talks failed" does not deny that talks were held."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    doc, sent = trigger.doc, trigger.sent
    for inv in doc[sent.start:trigger.i]:
        if inv.lower_ not in words.inverted_conditionals or inv.tag_ not in _FINITE:
            continue
        before = doc[sent.start:inv.i]
        opens = all(t.is_punct or t.is_quote for t in before)
        if not opens and (not any(t.lower_ in words.hypothetical_auxiliaries for t in before)
                          or before[-1].tag_ in _RELATIVES):
            continue
        verb = next((t for t in doc[inv.i + 1:sent.end] if t.tag_.startswith("VB") or t.tag_ in ("TO", "MD")), None)
        if verb is None or verb.i > trigger.i:
            continue
        subject = doc[inv.i + 1:verb.i]
        if not any(t.pos_ in _SUBJECT_WORDS for t in subject) or any(t.is_punct for t in subject):
            continue
        end = next((t.i for t in doc[verb.i:sent.end] if t.text in _CLAUSE_ENDS), sent.end)
        if trigger.i < end:
            return True
    return False


def counterfactual(tok: Token, kids: list[Token], words: Words) -> bool:
    """A condition put by inversion ("Had nine more senators voted to convict, ...", "Should the talks fail,
    ...", "Were the court to rule, ..."): an auxiliary opening a subordinate clause before its subject. The
    parse makes such a clause an adverbial clause or a complement of the verb after it, and may make the
    inverted "had" or "were" its head, with the rest of the clause its complement."""
    if tok.dep_ == "ccomp" and tok.head.dep_ == "advcl" and _inverted(tok.head, words):
        return True  # "Had" heading the clause, "voted" its complement
    if _inverted(tok, words):
        return True
    if tok.dep_ != "advcl":
        return False
    auxiliaries = [c for c in kids if c.dep_ == "aux"]
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(auxiliaries and subjects) and auxiliaries[0].i < subjects[0].i and auxiliaries[0].i == tok.left_edge.i


def _inverted(clause: Token, words: Words) -> bool:
    """A clause before the verb it hangs on, opened by an inverted auxiliary that is its head or an auxiliary
    of its head, with the clause's subject (or, for a head auxiliary, its verb) after it."""
    if clause.dep_ not in ("advcl", "ccomp") or clause.head.i <= clause.i:
        return False
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ not in words.inverted_conditionals:
        return False
    heads = opener.i == clause.i
    if not heads and not (opener.head.i == clause.i and opener.dep_ in ("aux", "auxpass")):
        return False
    after = ("nsubj", "nsubjpass", "ccomp", "xcomp") if heads else ("nsubj", "nsubjpass")
    return any(c.dep_ in after and c.i > opener.i for c in clause.children)
