"""Place names inside an entity the gazetteer does not know as a whole, and among the proper nouns outside
entities: windows of tokens tried longest first (see :func:`dateline.places._names.longest_window`). Used by
detection (``_detect``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from dateline._dashes import dash_pieces
from dateline.places._context import before_institution, placed_by_context
from dateline.places._gazetteer import Entry, Gazetteer
from dateline.places._names import (
    MAX_MATCH_TOKENS,
    PLACE_LABELS,
    acceptable,
    after_byline,
    common_word,
    decisive_entry,
    in_context,
    longest_window,
    strong,
)
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as TokenSpan

__all__ = ["CONTAINER_LABELS", "MISTAGGED_LABELS", "Sources", "gazetteer_matches", "inside_unknown", "record_span"]

#: Entity labels under which a country or US state name is still taken as a place: en_core_web_sm often tags
#: "Georgia" PERSON or "Hamburg" ORG (and a town before "man", "a Fairbury man", ORG or PERSON).
MISTAGGED_LABELS = frozenset({"ORG", "PERSON", "NORP"})

#: Entity labels searched for place names inside them when they are not places as a whole: "the Minnesota
#: Department of Transportation" holds "Minnesota" (LGL and GeoWebNews annotate such embedded toponyms).
#: Person names are not searched: "George W. Bush" holds no place.
CONTAINER_LABELS = frozenset({"ORG", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})

#: Where each mention came from while they are gathered: an entity label, "embedded" or "gazetteer".
Sources = dict[Span, str]


def inside_unknown(entity: TokenSpan, label: str, gazetteer: Gazetteer, known: set[str],
                   pieces: list[TokenSpan]) -> Sources:
    """The places an entity the gazetteer does not know as a whole names, or holds (``pieces``: the entity's
    :func:`entity_pieces`, read under a label that mistags places)."""
    if label in MISTAGGED_LABELS:
        # One sense per article: a name used as a place elsewhere is a place here too.
        found = {record_span(pieces[0]): label} if len(pieces) == 1 and gazetteer.key(pieces[0].text) in known else {}
        if label not in CONTAINER_LABELS:
            return found or dict.fromkeys(_local_title(entity, gazetteer), "embedded")
    else:
        found = {}
    text = entity.text  # spaCy joins a span's text anew on each call
    if gazetteer.key(text) in gazetteer.not_places:
        return found  # "the White House" holds no place
    parts = _hyphen_parts(entity, text, gazetteer)
    if parts:
        return found | dict.fromkeys(parts, label)  # "U.S.-Russia relations"
    if label in PLACE_LABELS and _is_way(entity, gazetteer):
        return found | {_with_number(entity): label}  # "Washington Drive", "Orchard Road 4": a place of its own
    inner = dict.fromkeys(_embedded(entity, gazetteer, known), "embedded")
    if not inner and label in PLACE_LABELS and acceptable(text, gazetteer):
        inner[Span(entity.start_char, entity.end_char, text)] = label
    return found | inner


def _local_title(entity: TokenSpan, gazetteer: Gazetteer) -> Iterator[Span]:
    """The place opening a person's name as the tagger has it, before the title of a local office
    ("Rock Hill City Manager Carey Smith", "McMinn County Sheriff Steve Frisbie")."""
    doc, nouns = entity.doc, gazetteer.words.context.institution_nouns
    if not any(t.lower_ in nouns for t in doc[entity.start + 1 : entity.end + 1]):
        return
    window = longest_window(
        doc, entity.start, min(entity.end, len(doc) - 1),
        lambda w: any(t.is_space for t in w),
        lambda w: acceptable(w.text, gazetteer) and bool(gazetteer.lookup(w.text))
        and doc[w.end].lower_ in nouns and w.text.lower() not in nouns,
    )
    if window is not None:
        yield record_span(window)


def record_span(tokens: TokenSpan) -> Span:
    """The text of a run of tokens as a record span."""
    return Span(tokens.start_char, tokens.end_char, tokens.text)


def _hyphen_parts(span: TokenSpan, text: str, gazetteer: Gazetteer) -> list[Span]:
    """The places joined by hyphens in "U.S.-Russia" or "Egypt–Israel", when every part is one (``text``: the
    span's)."""
    pieces = dash_pieces(text)
    if len(pieces) < 2:
        return []
    for start, end in pieces:
        piece = text[start:end]
        if not piece or not gazetteer.lookup(piece) or not acceptable(piece, gazetteer):
            return []
    return [Span(span.start_char + start, span.start_char + end, text[start:end]) for start, end in pieces]


def _is_way(span: TokenSpan, gazetteer: Gazetteer) -> bool:
    """Whether ``span`` names a street or road ("Washington Drive", "Orchard Rd.")."""
    return bool(len(span) > 1 and span[-1].text.rstrip(".").casefold() in gazetteer.words.ways)


def _with_number(span: TokenSpan) -> Span:
    """The span, with the number that follows a road's name ("Orchard Road" + "4")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.like_num and after.idx == span.end_char + 1:
        return record_span(doc[span.start : span.end + 1])
    return record_span(span)


def _embedded(span: TokenSpan, gazetteer: Gazetteer, known: set[str]) -> Iterator[Span]:
    """Place names inside a longer name: clear places, or names the article uses as places elsewhere."""
    first, end = span.start, span.end
    # The entity's tokens read once: each window's text is cut from the entity's, and the window's tokens are
    # made only for a name the gazetteer knows (spaCy makes a token object per word of a span at each use).
    tokens = list(span)
    text, base = span.text, span.start_char
    starts = [t.idx - base for t in tokens]
    ends = [start + len(t) for start, t in zip(starts, tokens, strict=True)]
    # a window never holds a space token: each ends before the first space after its start
    spaces = [t.i for t in tokens if t.is_space] + [end]
    i = first
    while i < end:
        window = None
        word = tokens[i - first].text
        if word[:1].isupper() and word not in gazetteer.words.leading:
            for size in range(min(MAX_MATCH_TOKENS, spaces[bisect.bisect_left(spaces, i)] - i), 0, -1):
                if size == end - first:
                    continue  # the whole name
                name = text[starts[i - first] : ends[i + size - 1 - first]]
                if acceptable(name, gazetteer) and _embedded_place(i, i + size, name, span, gazetteer, known):
                    window = Span(base + starts[i - first], base + ends[i + size - 1 - first], name)
                    break
        if window is not None:
            yield window
        i += size if window is not None else 1


def _embedded_place(start: int, end: int, name: str, entity: TokenSpan, gazetteer: Gazetteer, known: set[str]) -> bool:
    """Whether a name inside a longer one (the tokens ``start`` to ``end`` of its doc, reading ``name``) is a
    place there: one the article uses as a place, a clear place that ends the name ("the Cooper School in
    Lombard") or is a country, region or US state, or one before a word of a local institution ("Berea Police
    Department"), not "Delta Air Lines"."""
    if gazetteer.key(name) in known:
        return True
    entries = gazetteer.lookup(name)
    if not entries:
        return False
    window = entity.doc[start:end]
    if common_word(window, gazetteer) or _opens_other_feature(window, entity, entries, gazetteer):
        return False
    if any(decisive_entry(e) for e in entries if not e.alias) or name.endswith(gazetteer.words.county_endings):
        return True
    words = gazetteer.words.context
    if before_institution(window, entity, words, gazetteer.words.leading) or placed_by_context(window, words):
        return True
    return window.end == entity.end and strong(gazetteer, name)


def _opens_other_feature(window: TokenSpan, entity: TokenSpan, entries: Sequence[Entry], gazetteer: Gazetteer) -> bool:
    """Whether a name of a region or natural feature only opens a longer name that a word of a feature's kind or
    of a compass point makes another place: "the Gulf Coast" is no gulf, "the Pacific Islands" and "the Pacific
    Northwest" no ocean."""
    if window.end >= entity.end or not any(e.feature == "region" for e in entries):
        return False
    word = entity.doc[window.end].lower_
    return word in gazetteer.words.feature_words or word in gazetteer.words.context.part_words


def gazetteer_matches(doc: Doc, gazetteer: Gazetteer, covered: set[int], known: set[str]) -> Iterator[Span]:
    """Proper-noun sequences outside entities that are clear places or places the article names elsewhere."""
    from spacy.parts_of_speech import PROPN

    size = len(doc)
    # a window holds only proper nouns outside entities: each ends where the run of such tokens from its start ends
    # (the tags read in one array: a token object per word costs more than all the rest)
    free = [pos == PROPN and i not in covered for i, pos in enumerate(doc.to_array("POS").tolist())]
    i = 0
    while i < size:
        if not free[i]:
            i += 1
            continue
        run = i + 1
        while run < min(size, i + MAX_MATCH_TOKENS) and free[run]:
            run += 1
        window = longest_window(
            doc, i, run,
            lambda w: False,
            lambda w: strong(gazetteer, w.text) or (acceptable(w.text, gazetteer) and (
                gazetteer.key(w.text) in known or (bool(gazetteer.lookup(w.text)) and in_context(w, gazetteer)))),
        )
        if window is not None and not after_byline(window, gazetteer):
            yield record_span(window)
        i += len(window) if window is not None else 1
