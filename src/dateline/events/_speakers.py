"""The speaker a first-person pronoun of quoted words stands for.

'"We warn them that our targets will keep expanding", the spokesman said' and 'The minister responded on
Twitter: "I strongly reject the new measure"' tell an act of the speaker in the speaker's own words: the
actors stage links no actor to "we" or "I", so the act has no known doer. A first-person pronoun
(``first_person_pronouns``) inside a quotation stands for the one who says it: the subject of the verb of
saying (``speech_verbs``) that stands outside the quotation in the sentence that opens or closes it, or of
the top verb of the words before the colon that opens it ('X wrote: "..."'). A quotation runs over several
sentences ('said in a statement: "... . I urge ... ."'); marks pair in order from the start of the text, as
:mod:`dateline.events._judged` pairs them. Where two verbs of saying could be meant (a quotation between two
speakers' words), none is taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events._lexicon import Words
from dateline.events._quotation import MAX_QUOTE_TOKENS, mark_pairs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["quoted_speaker"]

#: Dependency labels of a subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Marks after which a quotation is its sentence's words, not a verb of saying's ('X wrote: "..."').
_INTRODUCING = frozenset({":"})


def quoted_speaker(token: Token, words: Words) -> Token | None:
    """The head word of the speaker's subject when ``token`` is a first-person pronoun inside a quotation; None
    for another word, one outside quotations, or when no verb of saying (or two) tells who said it."""
    if token.lower_ not in words.first_person_pronouns:
        return None
    quote = _quotation(token.doc, token.i)
    if quote is None:
        return None
    doc, (start, end) = token.doc, quote
    verbs: dict[int, Token] = {}
    for mark in (start, end):
        sentence = doc[mark].sent
        for verb in sentence:
            if (start <= verb.i <= end or verb.pos_ not in ("VERB", "AUX")
                    or not _saying(verb, start, end, words)):
                continue
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.lower_ not in words.first_person_pronouns]
            if subjects:
                verbs[verb.i] = subjects[0]
    speakers = {s.i: s for s in verbs.values()}
    return next(iter(speakers.values())) if len(speakers) == 1 else None


def _saying(verb: Token, start: int, end: int, words: Words) -> bool:
    """Whether ``verb`` tells who says the quotation from token ``start`` to ``end``: a verb of saying, or the
    top verb of the words before the colon that opens it ('Kell put it plainly: "I think ..."'), whose
    head is the sentence's root or a word of the quotation."""
    if verb.lemma_.lower() in words.speech_verbs:
        return True
    doc, head = verb.doc, verb.head
    return (verb.i < start and start > 0 and doc[start - 1].text in _INTRODUCING
            and doc[start].sent.start == verb.sent.start and (head.i == verb.i or start <= head.i <= end))


def _quotation(doc: Doc, i: int) -> tuple[int, int] | None:
    """The opening and closing marks (token indices) of the quotation token ``i`` stands in: marks pair in order
    from the start of the text, and a quotation longer than :data:`MAX_QUOTE_TOKENS` is none."""
    for a, b in mark_pairs(doc, i + MAX_QUOTE_TOKENS):
        if a < i < b:
            return (a, b) if b - a <= MAX_QUOTE_TOKENS else None
    return None
