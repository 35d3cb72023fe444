"""What the words around a name say about it: the title and country words before it ("U.S. President", "the
Kremlin's top adviser,"), an appositive title after it ("Delfin Lorenzana, the Defence Secretary"), and the
organization a title belongs to ("director of Youth Forum Zimbabwe"), each a :class:`Modifier`.

Like :mod:`dateline.actors._mentions`, this works on token indices and article character offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._lexicon import Hit, Lexicon, Org
from dateline.actors._mentions import MAX_ROLE_TOKENS, PLURAL_TAGS, Candidate, Modifier
from dateline.actors._words import Words
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["of_organization", "title_after", "title_before", "title_words"]

#: Most tokens read back from a name for its title ("the Kremlin's top foreign adviser,").
MAX_TITLE_TOKENS = 8


def _span_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def title_words(
    doc: Doc, lowers: list[str], lo: int, hi: int, lex: Lexicon, plural: bool = False
) -> tuple[range, str] | None:
    """The last title phrase inside tokens [lo, hi): its tokens and sector. PLOVER's role nouns count
    too, unless the tagger read their words as part of a person's name ("Dr Christian Keysers"). With
    ``plural``, a plural title counts as its singular ("officers Antoine Quirin and Nicolas Redouane")."""
    for j in range(hi, lo, -1):
        last = doc[j - 1]
        single = last.lemma_.lower() if plural and last.tag_ in PLURAL_TAGS else None
        for i in range(max(lo, j - MAX_ROLE_TOKENS), j):
            for key in (" ".join(lowers[i:j]), " ".join([*lowers[i : j - 1], single]) if single else None):
                if key is None:
                    continue
                if key in lex.words.nationality_nouns and not doc[j - 1].is_lower:
                    continue  # "Libyan national Jane Roe", not the "National Convention" of a name
                if key in lex.titles:
                    return range(i, j), lex.titles[key]
                if key in lex.role_titles and not any(t.ent_type_ == "PERSON" for t in doc[i:j]):
                    return range(i, j), lex.role_titles[key]
    return None


def title_before(
    doc: Doc, lowers: list[str], tok_start: int, lex: Lexicon, phrases: dict[int, Candidate],
    sent_start: int | None = None,
) -> Modifier | None:
    """The title and country words right before a name ("U.S. President", "the Kremlin's top adviser,");
    ``sent_start``: the first token of the name's sentence, when the caller knows it."""
    determiners = lex.words.determiners
    if sent_start is None:
        sent_start = doc[tok_start].sent.start
    contiguous = not (tok_start - 1 >= sent_start and doc[tok_start - 1].text == ",")
    end = tok_start if contiguous else tok_start - 1
    lo = _read_back(doc, range(sent_start, end), lex, phrases)
    found = title_words(doc, lowers, lo, end, lex)
    if found is None or (not contiguous and found[0].stop != end and not _of_name(doc, found[0].stop, end, lex)):
        return None
    title_tokens, sector = found
    read_lo, lo = lo, _title_start(doc, range(lo, title_tokens.start), lex)
    owners = tuple(h for h in _hits(phrases, range(read_lo, lo)) if isinstance(h.ref, Org))
    hits = owners + _hits(phrases, range(lo, end))  # "AU trade and industry commissioner"
    if not contiguous and doc[lo].lower_ not in determiners and not hits:
        return None
    title = _title_text(doc, lo, title_tokens, lex, phrases)
    start = doc[lo + 1].idx if doc[lo].lower_ in determiners and lo + 1 < end else doc[lo].idx
    owner = of_organization(doc, title_tokens.stop, lex, phrases, rank=True) if title_tokens.stop < end else None
    organization = owner.organization if owner is not None else _owner_before(doc, lo, title_tokens.start)
    return Modifier(start, title, sector, hits, contiguous, organization=organization)


def _read_back(doc: Doc, before: range, lex: Lexicon, phrases: dict[int, Candidate]) -> int:
    """Where the title words that end at ``before.stop`` may begin: back over title-like words of the sentence
    (``before``), at most :data:`MAX_TITLE_TOKENS`, up to a determiner, a line break or a person's name."""
    lo = end = before.stop
    while lo - 1 >= before.start and end - (lo - 1) <= MAX_TITLE_TOKENS:
        tok = doc[lo - 1]
        if tok.is_space or "\n" in tok.whitespace_:
            break
        after_title = lo - 2 >= before.start and doc[lo - 2].lower_ in lex.role_words
        if not _title_token(tok, lex.words) and not (after_title and _of_name(doc, lo - 1, end, lex)) \
                and not _joins_nouns(tok, lex):
            break
        if (lo - 1) in phrases and any(h.kind == "person" for h in phrases[lo - 1].hits):
            break
        lo -= 1
        if tok.lower_ in lex.words.determiners:
            break
    return lo


def _of_name(doc: Doc, k: int, end: int, lex: Lexicon) -> bool:
    """Whether tokens [k, end) are "of" and a name ("mayor | of London |, Sadiq Khan")."""
    if k >= end - 1 or doc[k].lower_ not in lex.words.country_prepositions:
        return False
    return all(t.pos_ == "PROPN" or t.lower_ in lex.words.determiners for t in doc[k + 1 : end])


def _title_start(doc: Doc, before: range, lex: Lexicon) -> int:
    """The first token of a title whose office words start at ``before.stop``, reading back over ``before``
    only through words that belong to the title ("the Kremlin's top foreign adviser", not "impeach")."""
    k = before.stop
    while k - 1 >= before.start and not _outside_title(doc[k - 1], lex):
        k -= 1
    if k - 1 >= before.start and _joins_nouns(doc[k - 1], lex):
        return before.stop  # "AU peace and security commissioner" is a commissioner, not a security one
    return k - 1 if k - 1 >= before.start and doc[k - 1].lower_ in lex.words.determiners else k


def _title_text(doc: Doc, lo: int, office: range, lex: Lexicon, phrases: dict[int, Candidate]) -> str:
    """The title from token ``lo`` to the end of its ``office`` words, without a leading determiner,
    possessive or country ("Kremlin spokesman", "Foreign Minister"), capitalized."""
    title_lo = lo
    for k in range(lo, office.start):
        tok = doc[k]
        if tok.lower_ in lex.words.determiners or tok.text in lex.words.possessives or _is_place_at(phrases, k):
            title_lo = k + 1
    title = doc[title_lo : office.stop].text if title_lo < office.stop else doc[office.start : office.stop].text
    return title[:1].upper() + title[1:]


def _hits(phrases: dict[int, Candidate], tokens: range) -> tuple[Hit, ...]:
    """The dictionary readings of the phrases that start at ``tokens``."""
    return tuple(h for k in tokens if k in phrases for h in phrases[k].hits)


def title_after(
    doc: Doc, lowers: list[str], tok_end: int, lex: Lexicon, phrases: dict[int, Candidate]
) -> Modifier | None:
    """An appositive title after a name: "Delfin Lorenzana, the Defence Secretary, said", "Ashton Bumhira,
    director of Youth Forum Zimbabwe"; or only the organization: "Sheldon Yett of UNICEF"."""
    n, determiners = len(doc), lex.words.determiners
    if tok_end < n and lowers[tok_end] in lex.words.country_prepositions:
        return of_organization(doc, tok_end, lex, phrases)
    if tok_end + 1 >= n or doc[tok_end].text != ",":
        return None
    lo = hi = tok_end + 1
    first = lo + 1 if lowers[lo] in determiners else lo
    while hi < n and hi - lo < MAX_TITLE_TOKENS and _title_token(doc[hi], lex.words) and not doc[hi].is_space:
        if hi > lo and lowers[hi] in determiners:
            break
        hi += 1
    found = title_words(doc, lowers, first, hi, lex) if hi > first else None
    if found is None or found[0].stop != hi or (hi < n and doc[hi].pos_ in ("NOUN", "PROPN")):
        return of_organization(doc, tok_end + 1, lex, phrases) if first == lo else None
    office, sector = found
    title = _title_text(doc, first, office, lex, phrases)
    start = doc[first].idx
    appositive = Span(start, _span_end(doc[hi - 1]), doc[first:hi].text)
    owner = of_organization(doc, hi, lex, phrases, rank=True)
    hits = _hits(phrases, range(lo, hi)) + (owner.hits if owner is not None else ())
    return Modifier(start, title, sector, hits, False, appositive,
                    owner.organization if owner is not None else _owner_before(doc, first, office.start))


def _owner_before(doc: Doc, lo: int, title_start: int) -> str | None:
    """The proper name right before a title's words: "Abu Dhabi Media" in "Abu Dhabi Media general manager"."""
    names = [t for t in doc[lo:title_start] if t.pos_ == "PROPN"]
    return " ".join(t.text for t in names) if names else None


def of_organization(
    doc: Doc, k: int, lex: Lexicon, phrases: dict[int, Candidate], rank: bool = False
) -> Modifier | None:
    """ "of UNICEF", "of the Maidan Wardak provincial council" at token ``k``: the organization named there;
    after a rank (``rank``) also "for" and "at" ("a spokesperson for the National Police")."""
    prepositions = lex.words.rank_prepositions if rank else lex.words.country_prepositions
    if k >= len(doc) or doc[k].lower_ not in prepositions:
        return None
    lo = hi = k + 1
    while hi < len(doc) and hi - lo < MAX_TITLE_TOKENS and _title_token(doc[hi], lex.words) and not doc[hi].is_space:
        hi += 1
    while hi > lo and (doc[hi - 1].text in lex.words.possessives or doc[hi - 1].lower_ in lex.words.determiners):
        hi -= 1
    if hi <= lo or not any(t.text[:1].isupper() or t.lower_ in lex.role_words for t in doc[lo:hi]):
        return None
    words = [t for t in doc[lo:hi] if t.lower_ not in lex.words.determiners]
    return Modifier(doc[k].idx, None, None, _hits(phrases, range(lo, hi)), False, None,
                    " ".join(t.text for t in words))


def _outside_title(tok: Token, lex: Lexicon) -> bool:
    """Words before a title that are not part of it: "impeach", "current", "the"."""
    if tok.pos_ == "CCONJ" or tok.lower_ in lex.words.determiners or (
            tok.lower_ in lex.words.not_title_words and tok.pos_ != "PROPN"):
        return True  # "the new governor", but "the New Jersey governor"
    return tok.text[:1].islower() and tok.pos_ in ("NOUN", "VERB") and tok.lower_ not in lex.role_words


def _title_token(tok: Token, words: Words) -> bool:
    """Words a title phrase is made of: nouns, adjectives, names, "the", possessive 's, "U.S."-style dots."""
    if tok.text in words.possessives or tok.text in ("-", "(", ")") or (tok.text == "." and not tok.is_sent_end):
        return True  # "Organisation of Islamic Cooperation (OIC) head"; not the full stop of "Roe, a lawyer."
    return bool(tok.pos_ in ("NOUN", "PROPN", "ADJ", "DET") and not tok.is_punct)


def _joins_nouns(tok: Token, lex: Lexicon) -> bool:
    """A conjunction between two common nouns of one office, neither a title itself: "AU trade and industry
    commissioner" (not "for president and truck driver")."""
    doc, i = tok.doc, tok.i
    if tok.pos_ != "CCONJ" or not 0 < i < len(doc) - 1:
        return False
    around = (doc[i - 1], doc[i + 1])
    return all(t.pos_ == "NOUN" and t.lower_ not in lex.titles for t in around)


def _is_place_at(phrases: dict[int, Candidate], k: int) -> bool:
    """Whether token ``k`` is part of a country or demonym ("the Russian president")."""
    return k in phrases and any(h.kind in ("country", "demonym") for h in phrases[k].hits)
