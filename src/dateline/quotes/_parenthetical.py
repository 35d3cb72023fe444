"""Cues set off by commas: "The museum, he said, is ...", "..., she said.", "as experts have pointed out".

The small parser often hangs such cues on the wrong word, so these helpers read them from the
words around the cue as well as from the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.quotes._lexicon import Lexicon
from dateline.quotes._types import Extent, goes_on, token_end

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["HEAD_POS", "MIN_CONTENT_CHARS", "as_clause", "parenthetical", "surface_parenthetical"]


#: Fewest characters of content worth reporting ("no", "yes" are answers, but
#: two-letter contents were parse errors in PolNeAR dev).
MIN_CONTENT_CHARS = 3


def _inner_edges(cue: Token) -> tuple[int, int]:
    """First and last token index of ``cue``'s clause, without the commas the parser hung on it."""
    left, right = cue.left_edge.i, cue.right_edge.i
    doc = cue.doc
    while left < cue.i and doc[left].is_punct:
        left += 1
    while right > cue.i and doc[right].is_punct:
        right -= 1
    return left, right


def parenthetical(cue: Token, lexicon: Lexicon) -> Extent | None:
    """The sentence around a "..., he said(, ...)" whose clause the parser made the head."""
    if cue.dep_ not in ("parataxis", "advcl", "conj", "ccomp"):
        return None
    if not any(c.dep_ == "nsubj" for c in cue.children):
        return None
    doc = cue.doc
    left, right = _inner_edges(cue)
    breaks = lexicon.aside_breaks
    if left == 0 or doc[left - 1].text not in breaks:
        return None
    sent = cue.sent
    after = right + 1
    if after < sent.end and doc[after].text in breaks and after + 1 < sent.end and not doc[after + 1].is_punct:
        return Extent(sent.start_char, sent.end_char)  # "The museum, he said, is ..."
    if cue.head.i > cue.i:
        return None
    start = sent.start_char
    end = doc[left].idx
    return Extent(start, end) if end - start > MIN_CONTENT_CHARS else None


#: Parts of speech a speaker phrase set off by commas may hold ("one of Mr. Obama's advisers", "he has").
_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART", "AUX", "ADV"})
#: Longest speaker phrase (tokens) read as the subject of a parenthetical cue; chosen on PolNeAR dev.
MAX_PHRASE_TOKENS = 10
#: Most particles and adverbs between a parenthetical cue and its closing comma ("pointed out, ",
#: "said later, "); chosen on PolNeAR dev.
MAX_CUE_TAIL_TOKENS = 3
HEAD_POS = ("PROPN", "NOUN", "PRON")


def _phrase_start(cue: Token, lexicon: Lexicon) -> int:
    """Index of the first token of the speaker phrase right before ``cue`` (``cue.i`` when there is none)."""
    doc, sent = cue.doc, cue.sent
    k = cue.i
    while k > sent.start and cue.i - k < MAX_PHRASE_TOKENS:
        prev = doc[k - 1]
        if not (prev.pos_ in _PHRASE_POS or prev.lower_ in lexicon.speaker_phrase_words) or prev.text == ",":
            break
        k -= 1
    return int(k)


def _after_cue(cue: Token) -> int | None:
    """Index of the comma that closes a parenthetical cue ("said, " / "pointed out, "), or None."""
    doc = cue.doc
    k = cue.i + 1
    while goes_on(doc, k) and k - cue.i <= MAX_CUE_TAIL_TOKENS and doc[k].dep_ in ("prt", "advmod", "npadvmod"):
        k += 1
    return k if goes_on(doc, k) and goes_on(doc, k + 1) and doc[k].text == "," else None


def surface_parenthetical(cue: Token, lexicon: Lexicon) -> tuple[Extent, Token] | None:
    """Content and speaker of a cue set off by commas, read from the words rather than the parse.

    "To understand it, Chief Justice Roberts said, one should visit" and "Hawaii, as one of his advisers
    pointed out, does not get ..." give the sentence; "As many experts have pointed out, Mr. Trump is
    free to ..." gives what follows the comma. The small model often hangs such cues on the wrong word.
    """
    close = _after_cue(cue)
    if close is None:
        return None
    doc, sent = cue.doc, cue.sent
    if close + 1 < len(doc) and doc[close + 1].is_quote:
        return None  # 'Asked about it, he said, "Not going to go into that."': the quotation is what was said
    first = _phrase_start(cue, lexicon)
    heads = [t for t in doc[first:cue.i] if t.pos_ in HEAD_POS]
    if not heads:
        return None
    speaker = next((t for t in heads if t.dep_ == "nsubj"), heads[-1])
    if first == sent.start and doc[first].lower_ in lexicon.as_words:
        return Extent(doc[close].idx + 1, sent.end_char), speaker
    if first - 1 > sent.start and doc[first - 1].text == ",":
        return Extent(sent.start_char, sent.end_char), speaker
    return None


#: Labels of what a verb says or holds after it: with one of them an "as" clause tells when or while, not whose word
#: the main clause is ("..., as he described their struggles" against "..., as experts have pointed out").
_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "oprd"})


def _governs(cue: Token, lexicon: Lexicon) -> bool:
    """Whether ``cue`` governs an object or clause of its own after it (the one told of a verb of telling, "as she
    told reporters", is no such object)."""
    recipient = cue.lemma_.lower() in lexicon.recipient_verbs
    return any(c.dep_ in _OWN_OBJECTS and not (recipient and c.dep_ == "dobj") for c in cue.rights)


def as_clause(cue: Token, lexicon: Lexicon) -> Extent | None:
    """The main clause around "as X pointed out" / "as predicted": what the cue vouches for. An "as" clause whose
    cue has its own object or clause ("..., as he described their struggles", "just as she said she would") tells
    when, and its cue reports that object or clause instead."""
    if cue.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in lexicon.as_words for c in cue.children):
        return None
    if _governs(cue, lexicon):
        return None
    head, doc = cue.head, cue.doc
    while head.pos_ == "ADV" and head.dep_ == "advmod" and head.head.i != head.i:
        head = head.head  # "As far as I know, there is ...": the degree word hangs on the main clause
    if cue.i < head.i:  # "As experts have pointed out, Mr. Trump is free to ..."
        first = cue.right_edge.i + 1
        while first <= head.right_edge.i and doc[first].is_punct:
            first += 1
        start, end = doc[first].idx, token_end(head.right_edge)
    else:  # "Mr. Trump is free to ..., as experts have pointed out"
        start, end = head.left_edge.idx, cue.left_edge.idx
    return Extent(start, end) if end - start > MIN_CONTENT_CHARS else None
