"""Speaker labels: "WALLACE: Let's start ..." in transcripts, "Pat Caddell: ..." in headlines.

A line that opens (after an optional quotation mark) with a short name (proper nouns, or words in capitals)
followed by a colon is that speaker's words. So is a line that opens with a name in double parentheses,
with or without a colon: "((Jane Roe)) We started in 2010." is how wiki interviews mark each turn once
their markup is stripped. Labels that are section names ("UPDATE:", "Photo:") are listed in
``lang/<language>/quotes.json`` and never speakers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.quotes._types import Extent

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

    from dateline.quotes._arrays import Arrays

__all__ = ["Labelled", "find_labelled", "labelled_lines"]

#: Longest speaker label, in words ("Republican Gov. Mike Pence" is four); chosen on the transcript and
#: headline labels of PolNeAR dev.
MAX_LABEL_WORDS = 4
#: Fewest words after a colon label for the line to count as speech ("Photo: AP" is a caption); chosen on
#: PolNeAR dev.
MIN_LABELLED_WORDS = 3

_WORD = r"[A-Z][\w.'’-]*"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,{MAX_LABEL_WORDS - 1}}}"
#: "NAME: words" (groups ``name``, ``colon``) or "((Name)) words" (groups ``marked``, ``close``), then ``content``.
_LABEL = re.compile(
    rf"^[ \t]*(?:[\"“]?(?P<name>{_NAME})[ \t]*(?P<colon>:)|\(\((?P<marked>{_NAME})(?P<close>\)\))[ \t]*:?)"
    rf"[ \t]+(?P<content>\S.*)$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Labelled:
    """A labelled line: the name's extent, the colon's, the content's, and the name's head token."""

    name: Extent
    cue: Extent
    content: Extent
    head: Token


def _is_name(span: TokenSpan, stopwords: frozenset[str], marked: bool) -> bool:
    """Whether ``span`` names a speaker; ``marked``: it stands in double parentheses, so any capitalized words do."""
    words = [t for t in span if not t.is_punct]
    if not words or " ".join(t.lower_ for t in words) in stopwords or words[0].lower_ in stopwords:
        return False
    return marked or all(t.pos_ == "PROPN" or (t.is_upper and t.is_alpha and len(t.text) > 1) for t in words)


def find_labelled(doc: Doc, text: str, stopwords: frozenset[str]) -> Iterator[Labelled]:
    """Every labelled line of ``text`` (the annotated part of the article)."""
    opening = len(text) - len(text.lstrip())  # where the first line (the headline) starts
    for match in _LABEL.finditer(text):
        content = match.group("content").rstrip()
        marked = match.group("name") is None
        name, cue = ("marked", "close") if marked else ("name", "colon")
        if not marked and len(content.split()) < MIN_LABELLED_WORDS:
            continue  # "Photo: AP"; a turn in double parentheses may be one word ("((Jane Roe)) Yes.")
        span = doc.char_span(match.start(name), match.end(name), alignment_mode="expand")
        headline = match.start() <= opening  # "Poll: Voters Abandon ...": any capitalized source
        if span is None or not _is_name(span, stopwords, marked=marked or headline):
            continue
        start = match.start("content")
        yield Labelled(Extent(*match.span(name)), Extent(*match.span(cue)), Extent(start, start + len(content)),
                       span.root)


def labelled_lines(a: Arrays, stopwords: frozenset[str]) -> list[Labelled]:
    """:func:`find_labelled` over the document of ``a``, read once per article and set of stopwords."""
    if a.labelled is None or a.labelled[0] is not stopwords:
        a.labelled = (stopwords, list(find_labelled(a.doc, a.text, stopwords)))
    return a.labelled[1]
