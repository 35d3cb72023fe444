"""Character offsets of spaCy tokens and of the phrases they head, shared by the quotes modules."""

from __future__ import annotations

from typing import Any

__all__ = ["Extent", "Token", "extent", "token_end"]

Token = Any  # a spaCy Token: spaCy ships no stubs for it
Extent = tuple[int, int]


def token_end(token: Token) -> int:
    """The offset just past ``token``."""
    return int(token.idx + len(token.text))


def extent(token: Token) -> Extent:
    """``token``'s whole phrase (its subtree), from its left edge to the end of its right edge."""
    return token.left_edge.idx, token_end(token.right_edge)
