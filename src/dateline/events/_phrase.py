"""Noun-phrase extents for event parties: the short phrase (modifiers and head) and the full one.

The full phrase takes in prepositional phrases, appositions and participles ("the missiles fired
by the Israeli military") and stops at coordination, relative clauses, time modifiers and scene-setting
prepositions, so that a party reads as the name a user would search for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.events._lexicon import Words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["full_phrase", "phrase"]


_NP_LEFT = frozenset({"det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "predet", "npadvmod", "case"})
_NP_RIGHT = frozenset({"prep", "appos", "acl", "compound", "flat", "nummod", "amod"})
#: Most words in a bracketed short name taken into a party's phrase ("Amnesty International (AI)");
#: a longer bracket is an aside. Set by hand.
MAX_SHORT_NAME_WORDS = 3
#: A bracketed short name right after a phrase: "(NSC)", "(PML-Q)".
_SHORT_NAME = re.compile(r" ?\([A-Z][A-Z.&-]*(?: [A-Z][A-Z.]*)?\)")


def phrase(token: Token, words: Words) -> tuple[int, int]:
    """Character offsets of the noun phrase headed by ``token`` (left modifiers and the head)."""
    first = token
    for child in token.lefts:
        if child.dep_ in _NP_LEFT and child.left_edge.i < first.i:
            first = child.left_edge
    while first.i < token.i and first.lower_ in words.preconjunctions:
        first = first.nbor(1)  # "both Libya and Iraq"
    doc = token.doc  # the words between read one by one: a span of them costs more, and is mostly empty
    verbs = [doc[k] for k in range(first.i, token.i) if doc[k].tag_ == "VBD"]
    if verbs:  # a past tense is no modifier: "X nominated lawyer Jane Roe" parsed with "nominated" inside
        first = verbs[-1].nbor(1)
    start = first.idx
    end = token.idx + len(token.text)
    for child in token.rights:
        # Multi-token names split by hyphens ("Jae-in") hang to the right.
        if child.dep_ in ("compound", "flat") and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return start, end


def full_phrase(token: Token, words: Words, text: str) -> tuple[int, int]:
    """Character offsets of the whole noun phrase of ``token``: with its prepositional phrases,
    appositions and participles ("the missiles fired by the Israeli military"), without
    coordinated phrases, relative clauses, infinitives or what follows a comma (but for an
    apposition closed by one: "The minister, Omar Abdullah, said"). ``text``: the article's text (the doc's
    is its beginning): the sentence's text is cut from it, not rebuilt from its tokens."""
    start, end = phrase(token, words)
    for child in token.rights:
        if child.dep_ in ("conj", "cc", "relcl", "ccomp", "advcl") or (child.dep_ == "acl" and (
                (child.tag_ != "VBN" and child.lemma_.lower() not in words.owning_participles)
                or any(c.dep_ in ("dobj", "obj", "ccomp") for c in child.children))):
            break  # a participle with an object of its own is a clause ("one man sprayed Khan")
        if child.left_edge.text == "(" and _acronym(child):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
            continue  # "Amnesty International (AI)"
        if child.dep_ not in _NP_RIGHT or child.left_edge.text in ("(", "[", "\u2014", "--"):
            continue  # parentheticals ("Trump (right)") stay out
        if child.dep_ == "prep" and (child.lower_ in words.phrase_scene_prepositions
                                     or (token.pos_ == "PROPN" and child.lower_ not in words.name_prepositions)):
            break  # "ports following the operation", "Varadkar at Downing Street"
        if _timed(child, words):
            break  # "Russian police on Saturday", "airstrikes this month"
        if _role(child, words):
            break  # a role, not part of the name: "held civilians as human shields"
        if child.left_edge.i > 0 and child.left_edge.nbor(-1).text == "," and not _closed_apposition(child):
            break
        last = _last_before_coordination(child)
        end = max(end, last.idx + len(last.text))
    # The sentence's text, not the document's: ``Doc.text`` is rebuilt on every access,
    # which made this quadratic in long articles. Parse subtrees stay inside their sentence.
    sent = token.sent
    base = sent.start_char
    text = text[base : sent.end_char]
    start, end = max(start - base, 0), min(end - base, len(text))
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
        end += 1  # "Nigerian Air Force (NAF)" with the closing bracket left out by the parse
    elif (short := _SHORT_NAME.match(text, end)) is not None:
        end = short.end()  # "The National Security Council (NSC)", however the parse hangs it
    cut = text.find("\n", token.idx - base, end)
    if cut != -1:  # a phrase never runs into the next line (a heading, a caption)
        end = len(text[:cut].rstrip(" ,;:-\u2013\u2014"))
    return start + base, max(end + base, token.idx + len(token.text))


def _timed(child: Token, words: Words) -> bool:
    """A time modifier of a noun ("on Saturday", "this month", "on Nov. 2"): never part of a party."""
    if child.ent_type_ in ("DATE", "TIME"):
        return True
    objects = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
    return any(g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in words.time_nouns for g in objects)


def _role(child: Token, words: Words) -> bool:
    """An object complement ("as human shields"), but not examples ("groups such as Hamas")."""
    return (child.dep_ == "prep" and child.lower_ in words.complement_prepositions
            and not any(c.lower_ in words.example_words for c in child.children))


def _acronym(child: Token) -> bool:
    """A bracketed short name: "(AI)", "(DRC)"."""
    inner = [t for t in child.subtree if not t.is_punct]
    return (child.right_edge.text == ")" and 0 < len(inner) <= MAX_SHORT_NAME_WORDS
            and all(t.text.isupper() for t in inner))


def _closed_apposition(child: Token) -> bool:
    after = child.right_edge.i + 1
    return child.dep_ == "appos" and (after >= len(child.doc) or child.doc[after].text in (",", ".", ")"))


def _last_before_coordination(child: Token) -> Token:
    """The last token of ``child``'s subtree before a coordination or comma inside it."""
    last = child
    for tok in child.subtree:
        if tok.i > child.i and (tok.dep_ in ("cc", "relcl") or tok.text == ","):
            break
        last = tok
    while last.i > child.i and (last.is_punct or last.dep_ == "cc") and not _closes(last, child):
        last = last.nbor(-1)
    return last


def _closes(token: Token, child: Token) -> bool:
    """A closing bracket whose opening bracket is inside the phrase ("... (EDMC)")."""
    return token.text == ")" and any(t.text == "(" for t in child.subtree if t.i < token.i)
