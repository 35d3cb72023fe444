"""Place names the entity tagger misses, read from the layout and wording of news.

- **Datelines**: a story opens with the place it was filed from, in capitals
  ("CHARLESTON, W.Va. -", "BEIRUT (AP) —", "MOUNT GILEAD (AP) --") or with a
  news agency after it ("Hanoi (VNA) –"), at the start of a line, after a
  title's full stop or after a byline's date ("March 29, 2009 PATASKALA --").
  The tagger rarely tags a name in capitals; a dateline the gazetteer knows is
  a place wherever it stands.
- **Lists of divisions**: "in Becker, Clay, Douglas and Otter Tail counties"
  names four counties, each written without its "County".
- **Qualified names**: before a county or province that qualifies it
  ("Truro, Cornwall", "Merstham in Surrey"), a name the gazetteer knows in
  that county is a place, whatever the tagger called it; and the qualifier
  itself names a place ("W.Va." in "CHARLESTON, W.Va. --"), under the name
  of what it reads as ("West Virginia").
- **Provinces with their word for a state**: "Borno State", "in Lagos state" name a province
  outside the USA, whatever the tagger called them (often a person or an organization).
- **Legislators' home towns**: "Del. Anna Roe, R-Fairfax," and
  "(D-Iowa City)" name the town after a party's initial.
- **Lists of places**: a proper noun the parse coordinates with a place
  ("in Hamilton and Middletown", "Bicester, Kidlington and Oxford") is a
  place too, when the gazetteer knows a town, county or province of that
  name, whatever the tagger called it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ORTH

from dateline.places._gazetteer import Gazetteer
from dateline.places._qualify import qualifier_at
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

__all__ = ["coordinated", "datelines", "division_lists", "party_homes", "province_names", "qualified_heads",
           "qualifiers_of"]

_CAPS_WORD = r"[A-Z][A-Z.'\u2019&-]*"
_AGENCY = r"\([^()\n]{1,40}\)"
#: A news agency's one-word name in brackets ("(AP)", "(Reuters)"): after a name in capitals it marks a dateline
#: whatever follows, often a dash garbled by a wrong decoding ("\x97", "\ufffd"; ten LGL articles, GeoWebNews').
_AGENCY_WORD = r"\([A-Z][A-Za-z.&-]{0,15}\)"
_DASH = r"(?:-{1,3}|\u2014|\u2013|_)"
#: "CHARLESTON, W.Va. -", "BEIRUT (AP) —", "LONDON The Latest": a name in capitals (with a qualifier and an
#: agency) before a dash, or before a capitalized word when it opens a line, or before an agency's name alone.
_CAPS_DATELINE = re.compile(
    rf"(?P<name>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}})(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})?"
    rf"(?: ?{_AGENCY_WORD}(?=\s)|(?: ?{_AGENCY})?(?: ?(?:{_DASH}|:)(?=[\s(])| (?=[A-Z][a-z])))"
)
#: "Hanoi (VNA) –", "Muscat:" opening a story: a name in title case before an agency and a dash, or a colon.
_TITLED_DATELINE = re.compile(rf"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})(?: ?{_AGENCY} ?{_DASH}|:)(?=\s)")
#: Names a list before a plural division word needs: one name is the place the divisions lie in
#: ("Indiana counties", "the metro Athens counties").
MIN_LIST_NAMES = 2

#: What may stand before a dateline: the start of the text, of a line, or the end of a sentence (a title).
_OPENINGS = ("\n", ". ", ".\u00a0")
#: Where a dateline may lie: within the first characters of the text (a title may come first).
DATELINE_WITHIN_CHARS = 400


#: A byline's date before a dateline: "By Jane Doe, Reporter March 29, 2009 PATASKALA --".
_DATE_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+$")
#: Characters looked back for that date's year: four digits and up to three spaces.
_DATE_BEFORE_CHARS = 7


def _opens(text: str, start: int) -> bool:
    if start == 0 or any(text.endswith(opening, 0, start) for opening in _OPENINGS):
        return True
    return _DATE_BEFORE.search(text, max(0, start - _DATE_BEFORE_CHARS), start) is not None


def datelines(text: str, gazetteer: Gazetteer) -> Iterator[Span]:
    """The place names of the datelines near the start of ``text`` (the first one only, per line)."""
    head = text[:DATELINE_WITHIN_CHARS]
    for pattern in (_CAPS_DATELINE, _TITLED_DATELINE):
        for match in pattern.finditer(head):
            start, end = match.span("name")
            name = match.group("name").rstrip(".,'\u2019&-")
            end = start + len(name)
            if not _opens(text, start) or gazetteer.key(name) in gazetteer.not_places:
                continue
            if len(name) > 1 and gazetteer.lookup(name):
                yield Span(start, end, name)
                return


@functools.cache
def _party_pattern(initials: tuple[str, ...]) -> re.Pattern[str]:
    """", R-Fairfax," or "(D-Iowa City)": a party's initial and a name of one to three words between
    a comma or an opening bracket and a comma, semicolon or closing bracket."""
    parties = "|".join(re.escape(initial) for initial in initials)
    return re.compile(rf"(?:, |\()(?:{parties})-(?P<name>[A-Z][\w.'\u2019]*(?: [A-Z][\w.'\u2019]*){{0,2}})(?=[,;)])")


def party_homes(text: str, gazetteer: Gazetteer) -> Iterator[Span]:
    """The home towns written after a legislator's party ("Del. Anna Roe, R-Fairfax,") that the
    gazetteer knows."""
    initials = gazetteer.words.party_initials
    if not initials:
        return
    for match in _party_pattern(initials).finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if gazetteer.key(name) not in gazetteer.not_places and gazetteer.lookup(name):
            yield Span(start, end, name)


def province_names(doc: Doc, gazetteer: Gazetteer) -> Iterator[Span]:
    """Provinces written with a word for a state after them ("Borno State", "Lagos state"): the name and
    the word, when the gazetteer knows a province of that name outside the USA (whose "Ohio State" and
    "Washington state" are read elsewhere) and no capitalized word follows ("Delta State University")."""
    words = gazetteer.words.use.state_words
    hashes = np.array([doc.vocab.strings[w] for w in words], dtype=np.uint64)
    for at in np.flatnonzero(np.isin(doc.to_array(ORTH), hashes)):  # the words' places, no token object of others
        token = doc[int(at)]
        if token.i == 0 or _capitalized(doc, token.i + 1):
            continue
        for size in range(min(MAX_HEAD_TOKENS, token.i), 0, -1):
            head = doc[token.i - size : token.i]
            if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in head) and _province(head.text, gazetteer):
                name = doc[head.start : token.i + 1]
                yield Span(name.start_char, name.end_char, name.text)
                break


def _capitalized(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()


def _province(name: str, gazetteer: Gazetteer) -> bool:
    """Whether ``name`` is a province outside the USA and no US state, country or region ("the Gulf state of
    Qatar" names no Gulf Province of Papua New Guinea)."""
    entries = gazetteer.lookup(name)
    provinces = {e.country for e in entries if e.feature == "admin1" and not e.alias}
    if any(e.feature in ("country", "region") for e in entries):
        return False
    return bool(provinces) and "USA" not in provinces and None not in provinces


def _name_runs(doc: Doc, end: int, separators: frozenset[str]) -> Iterator[tuple[Token, Token]]:
    """The runs of capitalized words before token ``end``, separated by commas and conjunctions
    ("Becker, Clay, Otter Tail and Wilkin"), last first; each as its first and last token."""
    i = end - 1
    while i >= 0:
        last = i
        while i >= 0 and doc[i].text[:1].isupper() and doc[i].is_alpha:
            i -= 1
        if i == last:
            return
        yield doc[i + 1], doc[last]
        if i < 0 or doc[i].lower_ not in separators:
            return
        while i >= 0 and doc[i].lower_ in separators:
            i -= 1


@functools.cache
def _plural_words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def division_lists(doc: Doc, text: str, gazetteer: Gazetteer) -> Iterator[tuple[Span, str]]:
    """Names in a list before a plural division word ("Clay and Wilkin counties"), each with the
    name of the division to look up ("Clay County"), when the gazetteer knows it (``text``: the doc's)."""
    words = gazetteer.words
    for match in _plural_words(tuple(words.plural_divisions)).finditer(text):
        token = doc.char_span(match.start(), match.end())
        if token is None:
            continue
        singular = words.plural_divisions[token.text.lower()]
        runs = list(_name_runs(doc, token.start, words.list_separators))
        if len(runs) < MIN_LIST_NAMES:
            continue  # "Indiana counties" are the counties of Indiana
        for first, last in runs:
            span = doc[first.i : last.i + 1]
            name = f"{span.text} {singular}"
            if any(e.feature in ("admin2", "admin1") for e in gazetteer.lookup(name)):
                yield Span(span.start_char, span.end_char, span.text), name


#: Most words of a name read before its qualifier ("Palm Beach Gardens, Fla.").
MAX_HEAD_TOKENS = 3


def qualified_heads(doc: Doc, text: str, spans: Iterable[Span], gazetteer: Gazetteer) -> Iterator[Span]:
    """Names right before a found place that qualifies them ("Truro" in "Truro, Cornwall"): the longest run
    of capitalized words there of which the gazetteer knows a place within the qualifier (``text``: the
    doc's, which spaCy rebuilds on each ``doc.text``)."""
    separators = gazetteer.words.qualifier_prepositions | {","}
    for span in spans:
        before = doc.char_span(span.start, span.end, alignment_mode="expand")
        if before is None or before.start < 2 or doc[before.start - 1].lower_ not in separators:
            continue
        end = before.start - 1
        for size in range(min(MAX_HEAD_TOKENS, end), 0, -1):
            head = doc[end - size : end]
            if not all(t.text[:1].isupper() and not t.is_punct for t in head):
                continue
            qualified = qualifier_at(gazetteer, text, head.end_char, head.text)
            if qualified is not None and qualified.start == span.start:
                yield Span(head.start_char, head.end_char, head.text)
                break


def qualifiers_of(text: str, spans: Iterable[Span], gazetteer: Gazetteer) -> Iterator[tuple[Span, str]]:
    """The qualifier after each found place that has one ("W.Va." after "CHARLESTON"), with the name of the
    place it reads as ("West Virginia")."""
    for span in spans:
        qualified = qualifier_at(gazetteer, text, span.end, span.text, unknown_town=True)
        if qualified is not None:
            where = Span(qualified.start, qualified.end, text[qualified.start : qualified.end])
            yield where, qualified.entry.name


#: Features of the places a coordinated name may be: towns, counties and provinces, not countries or
#: regions, whose names are seldom missed by the tagger and often name other things ("Jordan and Smith").
COORDINATED_FEATURES = frozenset({"city", "admin2", "admin1"})


def coordinated(doc: Doc, places: Iterable[Span], taken: set[int], gazetteer: Gazetteer) -> Iterator[Span]:
    """The proper nouns the parse coordinates with a found place ("Hamilton and Middletown"), with the proper
    nouns compounded before them ("Glen" + "Carbon"), that the gazetteer knows as a town, county or province
    and that no found mention covers (``taken``: the indices of the tokens found mentions cover)."""
    seen: set[int] = set()
    for span in places:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            continue
        for token in tokens.root.conjuncts:
            if token.i in seen or token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            seen.add(token.i)
            name = _compound_name(token)
            if any(t.i in taken for t in name) or not _town_name(name.text, gazetteer):
                continue
            yield Span(name.start_char, name.end_char, name.text)


def _compound_name(token: Token) -> TokenSpan:
    """The token with the capitalized proper nouns compounded right before it ("Wood River")."""
    doc, start = token.doc, token.i
    while (start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i
           and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()):
        start -= 1
    return doc[start : token.i + 1]


def _town_name(name: str, gazetteer: Gazetteer) -> bool:
    key = gazetteer.key(name)
    if key in gazetteer.not_places or key in gazetteer.demonyms:
        return False
    return any(e.feature in COORDINATED_FEATURES and not e.alias for e in gazetteer.lookup(name))
