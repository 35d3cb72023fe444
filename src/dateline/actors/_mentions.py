"""Finding actor mentions in a spaCy ``Doc``: dictionary phrases, cleaned entities, agents, titles.

Everything here works on token indices and article character offsets (spaCy's
``Doc`` is built over ``Article.text``). The functions only find candidate
spans; :mod:`dateline.actors` decides which actor each one belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dateline._dashes import dash_pieces
from dateline.actors._lexicon import Hit, Lexicon, Words, normalize

__all__ = [
    "ENTITY_LABELS",
    "Candidate",
    "Modifier",
    "clean_entities",
    "find_agents",
    "quote_regions",
    "scan_phrases",
    "title_after",
    "title_before",
]

#: spaCy entity labels that can name an actor.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})

#: Most tokens read back from a name for its title ("the Kremlin's top foreign adviser,").
MAX_TITLE_TOKENS = 8
#: Most words in an agent, title or institution phrase ("ministry of the interior" has 4).
MAX_ROLE_TOKENS = 4
#: Longest dictionary phrase, in tokens ("Islamic State of Iraq and the Levant" is 7).
MAX_PHRASE_TOKENS = 12
_LETTER = re.compile(r"[^\W\d_]")
_ODD = re.compile(r"[\[\]{}<>|@#=+*/\\\"\u201c\u201d]")


@dataclass
class Candidate:
    """A span that may name an actor; ``hits`` are its dictionary readings."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    hits: list[Hit] = field(default_factory=list)
    label: str | None = None  # spaCy entity label, when an entity supports it
    part: bool = False  # a piece of a hyphenated token ("Russia" in "U.S.-Russia")


@dataclass(frozen=True)
class Modifier:
    """What the words before (or beside) a name say about it."""

    start: int  # character offset where the modifier begins (mention start)
    title: str | None
    sector: str | None
    hits: tuple[Hit, ...]
    contiguous: bool  # the modifier runs straight into the name (no comma)
    end: int = 0  # for an appositive after the name ("Delfin Lorenzana, the Defence Secretary"): where it ends


def _span_end(tok: Any) -> int:
    return int(tok.idx + len(tok.text))


def _first_word(token_text: str) -> str:
    word = token_text.split("-", 1)[0]
    return normalize(word) if "\u2019" in word or "\u2018" in word else word


def scan_phrases(doc: Any, words: list[str], text: str, lex: Lexicon) -> list[Candidate]:
    """Longest dictionary phrases over the tokens (``words``: their texts), left to right, not overlapping."""
    out: list[Candidate] = []
    n = len(words)
    i = 0
    while i < n:
        word = words[i]
        if _first_word(word) in lex.first_words and _LETTER.search(word):
            found = _longest(doc, i, lex, text)
            if found is not None:
                out.append(found)
                i = found.tok_end
                continue
        out.extend(_hyphen_parts(doc[i], i, lex))
        i += 1
    return out


def _longest(doc: Any, i: int, lex: Lexicon, text: str) -> Candidate | None:
    start = doc[i].idx
    best: Candidate | None = None
    # a phrase of w words spans at most ~2w tokens (hyphens and apostrophes split words)
    limit = min(2 * lex.first_words[_first_word(doc[i].text)] + 1, MAX_PHRASE_TOKENS)
    j = i
    while j < len(doc) and j - i < limit:
        end = _span_end(doc[j])
        surface = text[start:end]
        if "\n" in surface:
            break
        hits = lex.lookup(surface)
        if hits:
            best = Candidate(i, j + 1, start, end, list(hits))
        j += 1
    return best


def _hyphen_parts(tok: Any, i: int, lex: Lexicon) -> list[Candidate]:
    """Countries inside compounds joined by dashes ("U.S.-Russia relations", "Egypt–Israel talks")."""
    pieces = dash_pieces(tok.text)
    if len(pieces) < 2:
        return []
    out = []
    for start, end in pieces:
        part = tok.text[start:end]
        hits = [h for h in lex.lookup(part) if h.kind in ("country", "demonym")] if part else []
        if hits:
            out.append(Candidate(i, i + 1, tok.idx + start, tok.idx + end, hits, part=True))
    return out


def clean_entities(doc: Any, lex: Lexicon) -> list[Candidate]:
    """spaCy entities cut to the name: no leading "the", possessive, headline verbs, line breaks."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        for lo, hi in _line_pieces(doc, ent.start, ent.end):
            if ent.label_ == "PERSON":
                while hi - lo >= 2 and doc[lo].text[:1].isupper() and doc[lo].lower_ in lex.titles:
                    lo += 1  # "Taoiseach Leo Varadkar": the title is read by title_before
            trimmed = _trim(doc, lo, hi, lex.words)
            if trimmed is not None and normalize(doc[trimmed[0] : trimmed[1]].text) in lex.not_actors:
                continue
            if trimmed is not None:
                s, e = trimmed
                out.append(Candidate(s, e, doc[s].idx, _span_end(doc[e - 1]), label=ent.label_))
    return out


def _line_pieces(doc: Any, lo: int, hi: int) -> list[tuple[int, int]]:
    pieces, start = [], lo
    for k in range(lo, hi):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_ or doc[k].is_space:
            if k > start and not doc[k].is_space:
                pieces.append((start, k + 1))
            elif k > start:
                pieces.append((start, k))
            start = k + 1
    if start < hi:
        pieces.append((start, hi))
    return pieces


def _trim(doc: Any, lo: int, hi: int, words: Words) -> tuple[int, int] | None:
    for k in range(lo, hi):
        if doc[k].text == "(":  # "Indian National Congress (INC) party"
            hi = k
            break
    while lo < hi and (doc[lo].lower_ in words.determiners or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].text in words.possessives or doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while hi - lo >= 2 and doc[hi - 1].text[:1].isupper() and doc[hi - 1].lower_ in words.headline_words:
        hi -= 1
    if hi <= lo:
        return None
    surface = doc[lo:hi].text
    if not _LETTER.search(surface) or len(surface) < 2 or not any(c.isupper() for c in surface) or _ODD.search(surface):
        return None
    if any(t.pos_ == "PRON" or t.like_num for t in doc[lo:hi]) and hi - lo == 1:
        return None
    return lo, hi


def find_agents(lowers: list[str], table: dict[str, Any], taken: set[int]) -> list[tuple[int, int, Any]]:
    """Longest lower-case phrases of ``table`` (agents, titles or institutions): (start, end, value)."""
    out = []
    firsts = {phrase.split(" ", 1)[0] for phrase in table}
    n = len(lowers)
    i = 0
    while i < n:
        found = None
        if i not in taken and lowers[i] in firsts:
            for j in range(min(i + MAX_ROLE_TOKENS, n), i, -1):
                key = " ".join(lowers[i:j])
                if key in table and not any(k in taken for k in range(i, j)):
                    found = (i, j, table[key])
                    break
        if found is not None:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def _title_words(lowers: list[str], lo: int, hi: int, lex: Lexicon) -> tuple[int, int, str] | None:
    """The last title phrase inside tokens [lo, hi): (start, end, sector)."""
    for j in range(hi, lo, -1):
        for i in range(max(lo, j - MAX_ROLE_TOKENS), j):
            key = " ".join(lowers[i:j])
            if key in lex.titles:
                return i, j, lex.titles[key]
    return None


def title_before(
    doc: Any, lowers: list[str], tok_start: int, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """The title and country words right before a name ("U.S. President", "the Kremlin's top adviser,")."""
    sent_start = doc[tok_start].sent.start
    end = tok_start
    contiguous = True
    if end - 1 >= sent_start and doc[end - 1].text == ",":
        end -= 1
        contiguous = False
    lo = end
    while lo - 1 >= sent_start and end - (lo - 1) <= MAX_TITLE_TOKENS:
        tok = doc[lo - 1]
        if tok.is_space or "\n" in tok.whitespace_ or not _title_token(tok, lex.words):
            break
        if (lo - 1) in phrases and any(h.kind == "person" for h in phrases[lo - 1].hits):
            break
        lo -= 1
        if tok.lower_ in lex.words.determiners:
            break
    found = _title_words(lowers, lo, end, lex)
    if found is None or (not contiguous and found[1] != end):
        return None
    k = found[0]  # read back only words that belong to the title ("the Kremlin's top foreign adviser")
    while k - 1 >= lo and not _outside_title(doc[k - 1], lex):
        k -= 1
    lo = k - 1 if k - 1 >= lo and doc[k - 1].lower_ in lex.words.determiners else k
    hits = tuple(h for k in range(lo, end) if k in phrases for h in phrases[k].hits)
    title_lo = lo
    for k in range(lo, found[0]):
        tok = doc[k]
        if tok.lower_ in lex.words.determiners or tok.text in lex.words.possessives or _is_place_at(phrases, k):
            title_lo = k + 1
    title = doc[title_lo : found[1]].text if title_lo < found[1] else doc[found[0] : found[1]].text
    if not contiguous and doc[lo].lower_ not in lex.words.determiners and not hits:
        return None
    start = doc[lo + 1].idx if doc[lo].lower_ in lex.words.determiners and lo + 1 < end else doc[lo].idx
    return Modifier(start, title[:1].upper() + title[1:], found[2], hits, contiguous)


def title_after(
    doc: Any, lowers: list[str], tok_end: int, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """An appositive title after a name: "Delfin Lorenzana, the Defence Secretary, said"."""
    n = len(doc)
    if tok_end + 1 >= n or doc[tok_end].text != "," or lowers[tok_end + 1] not in lex.words.determiners:
        return None
    lo = hi = tok_end + 1
    while hi < n and hi - lo < MAX_TITLE_TOKENS and _title_token(doc[hi], lex.words) and not doc[hi].is_space:
        if hi > lo and lowers[hi] in lex.words.determiners:
            break
        hi += 1
    found = _title_words(lowers, lo + 1, hi, lex)
    if found is None or found[1] != hi or (hi < n and doc[hi].pos_ in ("NOUN", "PROPN")):
        return None
    hits = tuple(h for k in range(lo, hi) if k in phrases for h in phrases[k].hits)
    title_lo = lo + 1
    for k in range(lo + 1, found[0]):
        if doc[k].text in lex.words.possessives or _is_place_at(phrases, k):
            title_lo = k + 1
    title = doc[title_lo:hi].text
    start = doc[lo + 1].idx
    return Modifier(start, title[:1].upper() + title[1:], found[2], hits, False, _span_end(doc[hi - 1]))


def _outside_title(tok: Any, lex: Lexicon) -> bool:
    """Words before a title that are not part of it: "impeach", "current", "the"."""
    if tok.lower_ in lex.words.not_title_words or tok.lower_ in lex.words.determiners:
        return True
    return tok.text[:1].islower() and tok.pos_ in ("NOUN", "VERB") and tok.lower_ not in lex.role_words


def _title_token(tok: Any, words: Words) -> bool:
    """Words a title phrase is made of: nouns, adjectives, names, "the", possessive 's, "U.S."-style dots."""
    if tok.text in words.possessives or tok.text in ("-", "."):
        return True
    return bool(tok.pos_ in ("NOUN", "PROPN", "ADJ", "DET") and not tok.is_punct)


def _is_place_at(phrases: dict[int, Candidate], k: int) -> bool:
    """Whether token ``k`` is part of a country or demonym ("the Russian president")."""
    return k in phrases and any(h.kind in ("country", "demonym") for h in phrases[k].hits)


def quote_regions(text: str, words: Words) -> list[tuple[int, int]]:
    """Stretches inside quotation marks, paired within each paragraph."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    marks = words.opening_quotes | words.closing_quotes
    for k, ch in enumerate(text):
        if ch == "\n":
            open_at = None
        elif ch in marks:
            if open_at is None and ch in words.opening_quotes:
                open_at = k
            elif open_at is not None:
                regions.append((open_at, k + 1))
                open_at = None
    return regions
