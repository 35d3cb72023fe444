"""Roles the parse gives a name when no title stands right beside it.

- A name in apposition to a noun phrase before it takes that phrase's role:
  "the Archbishop of Gdańsk, Sławoj Leszek Głódź" (REL), "the head of the UK's
  counter terror police, Neil Basu" (a rank: the organization's sector, COP).
- Names joined by "and" share a plural title before the first of them:
  "officers Antoine Quirin and Nicolas Redouane" (both COP).
- Names listed under a plural role noun take its role: "commentators such as
  Jane Roe and John Doe" (JRN), "lawmakers, including Jane Roe," (LEG), "two
  astronauts, Jane Roe and John Doe," (the words are ``listing_words`` of
  ``actors.json``).
- A title the parse hangs on a name from further before: "businessman and
  Trump loyalist Stephen Schwarzman" (BUS).

The modifiers found here carry a sector (and the organization a rank belongs
to) but no title: the words are not beside the name. The phrase a name stands
in apposition to ("the head", "the Archbishop") is a mention of the person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._lexicon import Lexicon
from dateline.actors._mentions import MAX_ROLE_TOKENS, PLURAL_TAGS, Candidate, Modifier
from dateline.actors._modifiers import of_organization, title_words
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["role_from_parse"]

#: Parts of speech of a noun phrase's head that can be a role ("head", "archbishop"), not a name.
_ROLE_HEADS = frozenset({"NOUN"})
#: Parts of speech of the words of a role's phrase that become the person's mention ("the new governor").
_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "NUM"})
#: Penn tags of the words of a name.
_NAME_TAGS = frozenset({"NNP", "NNPS"})


def role_from_parse(
    doc: Doc, lowers: list[str], cand: Candidate, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """The role the parse gives the name ``cand``: by apposition, else by a shared plural title."""
    root = _name_root(doc, cand)
    if root is None:
        return None
    first = root.head if root.dep_ == "conj" and root.head.i < cand.tok_start else root
    shared = first is not root or any(child.dep_ == "conj" for child in root.children)
    role = None
    if root.dep_ == "appos" and root.head.i < cand.tok_start and root.head.pos_ in _ROLE_HEADS:
        role = _appositive_role(doc, lowers, root.head, lex, phrases)
    elif not shared:
        role = _compound_title(doc, root, cand, lex)
    if role is None and shared:  # the parse may hang the first of two names on their plural title ("met officers
        role = _shared_title(doc, lowers, first, lex, phrases)  # A and B") as an apposition
    return role or _listed_under(doc, lowers, first, lex, phrases)


def _listed_under(
    doc: Doc, lowers: list[str], first: Token, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """ "commentators such as Jane Roe and John Doe", "lawmakers, including Roe,", "two astronauts, Roe and Doe":
    the role of the plural noun the first of the listed names (``first``) hangs on."""
    noun, listing = first.head, lex.words.listing_words
    if first.dep_ == "pobj":
        said = f"{lowers[noun.i - 1]} {noun.lower_}" if noun.i else noun.lower_  # "such as"
        if said not in listing and noun.lower_ not in listing:
            return None
        noun = noun.head.head if noun.head.tag_ == "JJ" else noun.head  # the noun, not "such"
    elif first.dep_ != "appos" or any(not t.is_punct for t in doc[noun.i + 1 : first.left_edge.i]):
        return None  # "two senators, Roe and Doe", not "Politicians and the Archbishop of X, Roe" misparsed
    if noun.i >= first.i or noun.tag_ not in PLURAL_TAGS:
        return None
    found = title_words(doc, lowers, max(0, noun.i + 1 - MAX_ROLE_TOKENS), noun.i + 1, lex, plural=True)
    if found is None or found[0].stop != noun.i + 1:
        return None
    hits = tuple(h for k in range(found[0].start, noun.i + 1) if k in phrases for h in phrases[k].hits)
    return Modifier(doc[found[0].start].idx, None, found[1], hits, False)


def _compound_title(doc: Doc, root: Token, cand: Candidate, lex: Lexicon) -> Modifier | None:
    """A title joined to other words that the parse hangs on the name: "businessman and Trump loyalist
    Stephen Schwarzman" (the title word is the person's mention, the words between are not)."""
    for child in root.children:
        sector = lex.titles.get(child.lower_)
        joined = any(c.dep_ == "conj" for c in child.children)  # "businessman and ...", not "Chief Officer"
        if child.dep_ == "compound" and child.i < cand.tok_start and sector is not None and joined:
            word = Span(child.idx, child.idx + len(child.text), child.text)
            return Modifier(child.idx, None, sector, (), False, appositive=word)
    return None


def _name_root(doc: Doc, cand: Candidate) -> Token | None:
    """The token of the name whose head lies outside it."""
    for tok in doc[cand.tok_start : cand.tok_end]:
        if not cand.tok_start <= tok.head.i < cand.tok_end or tok.head.i == tok.i:
            return tok
    return None


def _appositive_role(
    doc: Doc, lowers: list[str], head: Token, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """ "the head of the UK's counter terror police, Neil Basu": the role of the phrase ``head`` ends."""
    lo = head.left_edge.i
    found = title_words(doc, lowers, lo, head.i + 1, lex)
    owner = of_organization(doc, head.i + 1, lex, phrases, rank=True)
    if found is not None and found[0].stop == head.i + 1:
        sector = found[1]
    elif owner is not None and head.lower_ in lex.words.position_words:
        sector = None  # a rank in an organization: its sector ("the head of ... police")
    else:
        return None
    hits = tuple(h for k in range(lo, head.i + 1) if k in phrases for h in phrases[k].hits)
    start = head.i
    while start > lo and doc[start - 1].pos_ in _PHRASE_POS:
        start -= 1  # "the director", "One senator", "editorial director" (not "Daily Xtra's")
    phrase = Span(doc[start].idx, head.idx + len(head.text), doc[start : head.i + 1].text)
    return Modifier(doc[lo].idx, None, sector, hits + (owner.hits if owner is not None else ()), False,
                    appositive=phrase,
                    organization=owner.organization if owner is not None else _possessor(doc, lo, start))


def _possessor(doc: Doc, lo: int, start: int) -> str | None:
    """The name whose possessive opens a role's phrase at token ``start`` ("Daily Xtra's editorial director"),
    reading back no further than token ``lo``."""
    k = start - 1
    if k <= lo or doc[k].tag_ != "POS":
        return None
    first = k
    while first - 1 >= lo and doc[first - 1].tag_ in _NAME_TAGS:
        first -= 1
    return doc[first:k].text if first < k else None


def _shared_title(
    doc: Doc, lowers: list[str], first: Token, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """ "officers Antoine Quirin and Nicolas Redouane": the plural title before the first name."""
    start = first.i
    while start > 0 and doc[start - 1].tag_ in _NAME_TAGS and doc[start - 1].head.i == first.i:
        start -= 1
    if start == 0 or doc[start - 1].tag_ not in PLURAL_TAGS:
        return None
    found = title_words(doc, lowers, max(0, start - MAX_ROLE_TOKENS), start, lex, plural=True)
    if found is None or found[0].stop != start:
        return None
    lo = found[0].start
    while lo > 0 and (lowers[lo - 1] in lex.words.former_words or (lo - 1) in phrases):
        lo -= 1  # "former CIA directors", "French officers"
    hits = tuple(h for k in range(lo, start) if k in phrases for h in phrases[k].hits)
    return Modifier(doc[lo].idx, None, found[1], hits, False)
