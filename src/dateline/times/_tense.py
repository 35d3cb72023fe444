"""The tense that places an expression in time: the governing verb's, or what the word before it says.

One of "past", "present" (a verb or auxiliary in the simple present: "takes effect", "is set for"),
"reported" (a simple present inside a clause told in the past: "officials said the talks resume in May"),
"untensed" (a gerund or participle with no tense of its own: "began raising its stake in July"),
"future", "ahead" (would, infinitives, what was arranged: ahead of the telling), "near" (arranged
ahead of a telling in the past: "they extended their offers to buy the company Friday", near the
telling on either side) or "none" when the expression hangs from a noun or adjective ("payable
Dec. 7") or there is no annotation. Every word consulted (auxiliaries, verbs of
planning, "until", "by") comes from the lexicon's ``context`` lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.times._lexicon import Lexicon
from dateline.times._parse import clause_verb, governing_verb
from dateline.times._recognize import Extent

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["PREVIOUS_WORD_CHARS", "previous_word", "tense", "tense_at"]

#: Characters looked back for the word before an expression: longer than any word of the context lists
#: with the spaces around it.
PREVIOUS_WORD_CHARS = 20

_CLAUSES = frozenset({"xcomp", "ccomp", "advcl"})
_AUXILIARIES = frozenset({"aux", "auxpass"})
#: Tags of a verb or auxiliary that carries the tense of its clause.
_PAST_TAGS = frozenset({"VBD"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP", "MD"})
#: Tags of a verb or auxiliary in the simple present ("takes effect", "is set for"); modals are read on their own.
_FINITE_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def previous_word(text: str, start: int) -> str:
    """The word right before ``start``, lower case ("" at the start of the text)."""
    words = text[max(0, start - PREVIOUS_WORD_CHARS) : start].split()
    return words[-1].lower() if words else ""


def _verb_tense(verb: Token, words: dict[str, frozenset[str]]) -> str:
    """The tense of a verb token, from its tag and auxiliaries (see :func:`tense_at`).

    A passive in the present ("is expected") is present, a gerund with no auxiliary untensed; a participle with no
    passive auxiliary ("the record set on Aug. 6") and a present perfect are past;
    "would" and a bare infinitive ("agreed to meet") look ahead.
    """
    if verb.tag_ == "VB" and verb.dep_ in _CLAUSES and verb.head.lemma_ in words["future_verbs"]:
        return "future"
    auxes = [child for child in verb.children if child.dep_ in _AUXILIARIES]
    if any(a.lower_ in words["future_auxiliaries"] for a in auxes):
        return "future"
    if verb.lemma_ in words["future_verbs"] and any(ch.dep_ == "xcomp" for ch in verb.children):
        return "future"
    if verb.lemma_ in words["schedule_verbs"]:
        return "ahead"  # "was planned for early March", "planned a rally on Saturday": what was arranged lies ahead
    if any(a.lower_ in words["conditional_auxiliaries"] for a in auxes) or (
        verb.tag_ == "VB" and any(a.lower_ in words["infinitive_markers"] for a in auxes)
    ):
        return "ahead"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.lemma_ in words["future_verbs"] and (
        not auxes or any(a.dep_ == "auxpass" and a.tag_ in _FINITE_PRESENT_TAGS for a in auxes)
    ):
        return "future"  # "crowds are expected this summer"
    if verb.tag_ == "VBN" and (not any(a.dep_ == "auxpass" for a in auxes)
                               or any(a.lemma_ in words["perfect_auxiliaries"] for a in auxes)):
        return "past"  # no passive auxiliary: a bare participle, whatever the parse hung on it ("do ... levied")
    finite = {verb.tag_, *(a.tag_ for a in auxes)} & _FINITE_PRESENT_TAGS
    if finite and any(ch.dep_ == "acomp" and ch.lemma_ in words["future_verbs"] for ch in verb.children):
        return "future"  # "elections are due in October"
    if finite == {"VBP"} and not auxes and verb.lower_ in words["unchanged_pasts"]:
        return "untensed"  # "stocks hurt the index on Friday": the tagger's present may be a past
    return "present" if finite else "untensed"


def tense_at(doc: Doc | None, where: Extent, lex: Lexicon) -> str:
    """The tense of the verb that governs the text at ``where`` directly or through a preposition."""
    verb = governing_verb(doc, where)
    return "none" if verb is None else _verb_tense(verb, lex.context)


def _past_perfect(doc: Doc | None, where: Extent, lex: Lexicon) -> bool:
    """Whether the governing verb is in the past perfect ("until Thursday, they had not called him")."""
    verb = governing_verb(doc, where)
    forms = lex.context["past_perfect_auxiliaries"]
    return verb is not None and any(ch.dep_ == "aux" and ch.lower_ in forms for ch in verb.children)


def _frame(verb: Token, lex: Lexicon) -> str:
    """The tense of the first finite clause at or above ``verb``: "past_perfect", "past", "present" or ""
    (none found). "The offer had been due to expire Friday" is told in the past perfect through "due";
    "celebrations to mark the entry into NATO on Friday" in the tense of the verb "celebrations" hangs from."""
    for token in (verb, *verb.ancestors):
        auxes = [ch for ch in token.children if ch.dep_ in _AUXILIARIES]
        tags = {token.tag_, *(a.tag_ for a in auxes)}
        if tags & _PAST_TAGS:
            perfect = any(a.lower_ in lex.context["past_perfect_auxiliaries"] for a in auxes)
            return "past_perfect" if perfect else "past"
        if tags & _PRESENT_TAGS:
            return "present"
    return ""


def _in_frame(doc: Doc | None, where: Extent, lex: Lexicon, found: str) -> str:
    """``found`` ("ahead", "future") as the clause above tells it: what was arranged in the past perfect was
    overtaken ("had been scheduled to expire at midnight Friday": past); what a past clause arranged, not
    a conditional, lies near its telling on either side ("extended their offers to acquire the company
    Friday")."""
    verb = governing_verb(doc, where)
    if verb is None or found not in ("ahead", "future"):
        return found
    frame = _frame(verb, lex)
    if frame == "past_perfect":
        return "past"
    conditional = any(
        ch.dep_ in _AUXILIARIES and ch.lower_ in lex.context["conditional_auxiliaries"] for ch in verb.children
    )
    return "near" if found == "ahead" and frame == "past" and not conditional else found


def _clause_future(doc: Doc | None, where: Extent, lex: Lexicon) -> str:
    """ "future" when the expression hangs from a noun in a clause in the future ("will be named commander for
    a mission in December"), else "none": the clause's other tenses say less of a noun's date ("the record set
    on Aug. 6" is past through its participle, "payable Dec. 7" has no verb)."""
    verb = clause_verb(doc, where)
    return "future" if verb is not None and _verb_tense(verb, lex.context) == "future" else "none"


def _told_in_past(doc: Doc | None, where: Extent, lex: Lexicon) -> bool:
    """Whether the verb governing the text at ``where`` hangs from a clause told in the past ("police said on
    Monday they believe", where the parse hangs "on Monday" from "believe")."""
    verb = governing_verb(doc, where)
    return verb is not None and verb.head.i != verb.i and _frame(verb.head, lex) in ("past", "past_perfect")


def tense(doc: Doc | None, text: str, where: Extent, lex: Lexicon) -> str:
    """The tense that places an expression: "past" after "since"; the verb's, or "ahead" after "until" (and
    after "by" unless past).

    "Until" looks back only from the past perfect: "until Thursday, they had not called him a suspect".
    """
    before = previous_word(text, where.start)
    if before in lex.context["origin_words"]:
        return "past"  # "since March": the March before the telling
    if before in lex.context["deadline_words"]:
        return "past" if _past_perfect(doc, where, lex) else "ahead"
    found = tense_at(doc, where, lex)
    if found == "none":
        found = _clause_future(doc, where, lex)
    elif found == "present" and _told_in_past(doc, where, lex):
        found = "reported"
    if before in lex.context["soft_deadline_words"] and found != "past":
        return "ahead"
    return _in_frame(doc, where, lex, found)
