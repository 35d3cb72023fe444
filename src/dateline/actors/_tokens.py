"""The texts of an article's tokens, read once from the doc's arrays.

The actor passes ask again and again for the text of a run of tokens; spaCy answers ``doc[a:b].text`` by
making a span and a token object for each of its words, a few microseconds each time (the stage made 21,000
such spans over the 105 coded articles of wikinews-dev and wikinews-train, its largest single cost). Here a
run's text is a slice of the article's text between the offsets of its first and last tokens, the same string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import IDX, LENGTH

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["HYPHENS", "TokenTexts"]

#: Marks that join the pieces of one word or name when no space stands beside them ("son-in-law").
HYPHENS = frozenset({"-", "\u2010", "\u2011"})


@dataclass(frozen=True)
class TokenTexts:
    """Every token's text, its lower case and where it begins in ``text``, the article's text (the doc is built
    over it, or over its beginning)."""

    text: str
    words: list[str]
    lowers: list[str]
    offsets: list[int]

    @classmethod
    def of(cls, doc: Doc, text: str) -> TokenTexts:
        """The texts of ``doc``'s tokens over ``text``, cut from it at the offsets and lengths of the doc's arrays
        (no token object made, and no word hash read: a list of 64-bit hashes is slow to make); a token's lower
        case is its text's, as spaCy makes it."""
        rows = doc.to_array([IDX, LENGTH]).astype(np.int64)
        offsets = rows[:, 0].tolist()
        words = [text[start:end] for start, end in zip(offsets, (rows[:, 0] + rows[:, 1]).tolist(), strict=True)]
        return cls(text, words, [word.lower() for word in words], offsets)

    def between(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (not included), as ``doc[start:end].text`` gives it, for
        ``0 <= start`` and ``end <= len(doc)``."""
        if end <= start:
            return ""
        return self.text[self.offsets[start] : self.end(end - 1)]

    def end(self, k: int) -> int:
        """Where token ``k`` ends in the text."""
        return self.offsets[k] + len(self.words[k])

    def touching(self, k: int) -> bool:
        """Whether token ``k`` touches the tokens on both sides, no space between ("-" of "Salat-Baroux"), for
        ``0 < k < len(doc) - 1``."""
        return self.end(k - 1) == self.offsets[k] and self.end(k) == self.offsets[k + 1]

    def hyphened(self, k: int) -> str:
        """The lower-case word that ends at token ``k`` with the pieces hyphens join to it ("son-in-law", which
        the tokenizer splits into five tokens)."""
        first = k
        while first >= 2 and self.words[first - 1] in HYPHENS and self.touching(first - 1):
            first -= 2
        return self.lowers[k] if first == k else self.between(first, k + 1).lower()
