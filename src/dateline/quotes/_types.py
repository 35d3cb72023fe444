"""The small types the quotes modules share: character extents, candidates, and token offsets.

Every stretch of text the rules find is an :class:`Extent`, offsets ``[start, end)`` into the
article text. An extent becomes a :class:`dateline.records.Span` (which also carries its text)
once, when a quote record is made: candidates are trimmed, clipped, cut and carried on several
times before that, and an extent cannot hold text that no longer matches its offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from dateline.records import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Candidate", "Extent", "extent", "finite", "goes_on", "reaching", "token_end"]

#: Tags of a finite verb: past, present, modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


class Extent(NamedTuple):
    """Character offsets ``[start, end)`` into the article text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """Reported speech or a stance before linking: content and cue extents, the cue token, the subject token."""

    content: Extent
    cue: Extent
    cue_token: Token
    subject: Token | None
    kind: QuoteKind


def token_end(token: Token) -> int:
    """The offset just past ``token``."""
    return token.idx + len(token.text)


def extent(token: Token) -> Extent:
    """``token``'s whole phrase (its subtree), from its left edge to the end of its right edge."""
    return Extent(token.left_edge.idx, token_end(token.right_edge))


def finite(token: Token) -> bool:
    """Whether ``token`` heads a finite clause: a finite verb itself, or with a finite auxiliary ("there were",
    "they do switch", "turnout has fallen")."""
    return token.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                            for c in token.children)


def goes_on(doc: Doc, k: int) -> bool:
    """Whether token ``k`` (not the first) belongs to the sentence of the token before it: read from the one token,
    where ``Token.sent`` makes two spans and walks the whole sentence."""
    return k < len(doc) and not doc[k].is_sent_start


def reaching(token: Token, floor: int) -> Iterator[Token]:
    """The tokens of ``token``'s subtree in the order of ``Token.subtree``, but for the subtrees of children whose
    right edge lies before token ``floor``: no token in those reaches ``floor`` (a token's right edge is the last of
    its subtree), so a caller that wants only tokens whose phrase ends at ``floor`` or later finds the same ones, in
    the same order, without walking the whole subtree."""
    for child in token.lefts:
        if child.right_edge.i >= floor:
            yield from reaching(child, floor)
    yield token
    for child in token.rights:
        if child.right_edge.i >= floor:
            yield from reaching(child, floor)
