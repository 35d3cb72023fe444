"""Reported speech from the dependency parse.

A cue verb (say, tell, warn, believe, ...) with a clausal complement (ccomp,
or xcomp: "urged Congress to act"), "called on/for ...", an object for verbs
like deny or announce, a following "that" clause the parser attached
elsewhere, or a parenthetical "..., he said." gives the content; the subject
of the verb (climbing through "was quoted as saying") gives the speaker.
"According to X, ..." gives both from the phrase.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy
from spacy.parts_of_speech import ADJ, NOUN, PROPN, VERB

from dateline.quotes._arrays import Arrays, member, string_hash
from dateline.quotes._findings import find_findings
from dateline.quotes._lexicon import Lexicon
from dateline.quotes._parenthetical import (
    HEAD_POS,
    MIN_CONTENT_CHARS,
    as_clause,
    parenthetical,
    surface_parenthetical,
)
from dateline.quotes._speaker import SUBJECT_DEPS, find_subject
from dateline.quotes._stance import (
    SET_OFF_MARKS,
    complement,
    find_adjective_cues,
    find_noun_cues,
    find_stances,
    nearest_clause,
    object_phrase,
    verb_kind,
)
from dateline.quotes._types import Candidate, Extent, extent, goes_on, reaching, token_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MIN_CONTENT_CHARS", "find_reported", "trim"]

Quoted = Callable[[int, int], int]

#: How far (tokens) after a cue a "that" may open its content when the parser
#: attached the clause elsewhere ("was quoted as saying on July 7 that ..."); chosen on the seed and
#: PolNeAR dev.
MAX_THAT_DISTANCE = 8
_TRIM = frozenset(',.;:!?"“”‘’\'—–-( \u00a0')


def trim(text: str, stretch: Extent, lexicon: Lexicon) -> Extent:
    """``stretch`` without outer spaces and punctuation, nor a conjunction left dangling at its end
    ("choose the mayor and | 41 percent favor ...")."""
    start, end = stretch
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    dangling = lexicon.dangling.search(text, start, end)
    if dangling is not None:
        return trim(text, Extent(start, dangling.start()), lexicon)
    return Extent(start, end)


def _from_mark(clause: Token, lexicon: Lexicon) -> Extent:
    """A clause's extent from its "that" when words the parser hung on it come first ("on July 7 that ..."), up to
    a contrast set off at its end (:func:`_contrast_cut`)."""
    start, end = extent(clause)
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in lexicon.complementizers), None)
    return Extent(mark.idx if mark is not None else start, _contrast_cut(clause, lexicon) or end)


def _contrast_cut(clause: Token, lexicon: Lexicon) -> int | None:
    """Where a reported clause ends when a contrast or a second report set off by a comma closes it ("X had made a
    good case, | while other voters said ..."; "the plan would work, | adding that ..."): a clause opened by one of
    ``contrast_marks`` with a subject of its own tells what someone else holds, and a participle of a verb of
    speech or thought what the speaker said next (its own attribution), not the rest of what was reported."""
    last = clause.right_edge.i
    for inner in reaching(clause, last - 1):
        if inner.i <= clause.i or inner.dep_ != "advcl" or inner.right_edge.i < last - 1:
            continue
        k = inner.left_edge.i - 1
        while k > clause.i and inner.doc[k].is_quote:
            k -= 1  # the comma inside a quotation that closes before the clause ("... together," suggesting ...)
        opened = any(c.dep_ == "mark" and c.lower_ in lexicon.contrast_marks for c in inner.children)
        own = any(c.dep_ in SUBJECT_DEPS for c in inner.children)
        reports = inner.tag_ == "VBG" and inner.left_edge.i == inner.i and inner.lemma_ in lexicon.cue_verbs
        if (reports or (opened and own)) and k > clause.i and inner.doc[k].text in SET_OFF_MARKS:
            return token_end(inner.doc[k - 1])
    return None


def _after_that(cue: Token, lexicon: Lexicon) -> Extent | None:
    doc = cue.doc
    for k in range(cue.i + 1, cue.i + 1 + MAX_THAT_DISTANCE):
        if not goes_on(doc, k):
            break
        token = doc[k]
        if token.lower_ in lexicon.complementizers and (token.tag_ == "IN" or token.dep_ in ("dobj", "nsubj", "mark")):
            return Extent(token.idx, cue.sent.end_char)
        if token.is_punct and token.text not in (",",):
            return None
    return None


def _governed_quote(cue: Token, quoted: Quoted) -> Extent | None:
    """What follows a speech verb whose own words hold a quotation ("called him a 'nasty guy'")."""
    rights = [c for c in cue.rights if not c.is_punct and c.dep_ not in ("nsubj", "cc", "conj")]
    if not rights:
        return None
    start = rights[0].left_edge.idx
    end = token_end(rights[-1].right_edge)
    return Extent(start, end) if quoted(start, end) > 0 else None


def _call_content(cue: Token, lexicon: Lexicon, quoted: Quoted) -> tuple[Extent, Extent] | None:
    """"called on X to ...", "called for X", "called X Y" (with Y quoted or an object predicate)."""
    here = Extent(cue.idx, token_end(cue))
    if any(c.dep_ == "oprd" for c in cue.children):
        found = _governed_quote(cue, lambda s, e: 1)
        return None if found is None else (found, here)
    for child in cue.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in lexicon.call_particles:
            parts = [extent(c) for c in child.children if c.dep_ in ("pobj", "pcomp")]
            parts += [extent(c) for c in cue.children if c.dep_ == "xcomp"]
            if parts:
                return Extent(min(p.start for p in parts), max(p.end for p in parts)), Extent(cue.idx, token_end(child))
    found = _governed_quote(cue, quoted)
    if found is None:
        # "called the shootings a moment of reckoning" with the predicate parsed away; not "called a meeting"
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and c.pos_ != "PRON"), None)
        if obj is not None and obj.lemma_.lower() not in lexicon.convened_nouns:
            found = object_phrase(cue, obj, lexicon)
    return None if found is None else (found, here)


def _verb_content(cue: Token, lexicon: Lexicon, quoted: Quoted) -> tuple[Extent, Extent] | None:
    """Content and cue extents for one cue verb, or None when it introduces nothing."""
    here = Extent(cue.idx, token_end(cue))
    if cue.lemma_ in lexicon.call_verbs:
        return _call_content(cue, lexicon, quoted)
    found = as_clause(cue, lexicon)
    if found is not None:
        return found, here
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None  # passives ("was expected to", "was told that") are read as stances, with their agent
    clause = nearest_clause(cue, lexicon.not_content_xcomp_verbs)
    own: bool | None = None  # whether the cue holds its own object after it, read once and only when asked
    if clause is not None and clause.i < cue.i:
        own = _holds_own(cue, lexicon)
    if clause is not None and not (clause.i < cue.i and own):
        return _from_mark(clause, lexicon), here
    if cue.lemma_ in lexicon.object_verbs:
        for child in cue.children:
            if child.dep_ == "dobj" and child.pos_ not in ("PRON", "DET"):
                return object_phrase(cue, child, lexicon), here
    if cue.lemma_ in lexicon.speech_verbs:
        own = _holds_own(cue, lexicon) if own is None else own
        found = _after_that(cue, lexicon) or (None if own else parenthetical(cue, lexicon)) or _governed_quote(
            cue, quoted)
        if found:
            return found, here
    lemma = cue.lemma_.lower()
    if lemma in lexicon.clause_only_verbs:
        return None  # "saw the tweet", "found a way": perception, not report
    found = complement(cue, lexicon, objects=lemma not in lexicon.recipient_verbs)
    return None if found is None or found.start < cue.idx else (found, here)


#: Labels of words a verb governs after it that are what it is about ("..., I don't know any details", "..., so I
#: understand that"): with one of them the verb is no aside to a clause before it ("It works, I believe").
_OWN_COMPLEMENTS = frozenset({"dobj", "dative", "attr", "oprd", "acomp", "xcomp"})


#: The same for a cue of speech: not "dative", and only where the verb's object is no one addressed (not "..., he
#: told reporters": ``recipient_verbs``).
_OWN_SAID = _OWN_COMPLEMENTS - {"dative"}


def _holds_own(cue: Token, lexicon: Lexicon) -> bool:
    """Whether a cue governs its own object, complement or question word after it ("I don't know why", "...
    while she slammed his plan as vague", "..., he cited it as proof"): then a clause before it, that the parser
    hung on it or that it is set off from, is not what it reports. A verb of speech whose object is the one
    addressed ("..., he told reporters") is still an aside."""
    if verb_kind(cue, lexicon) == "stance":
        own = _OWN_COMPLEMENTS
    elif cue.lemma_.lower() in lexicon.recipient_verbs:
        return False
    else:
        own = _OWN_SAID
    return any(c.i > cue.i and (c.dep_ in own or (c.dep_ == "advmod" and c.tag_ == "WRB")) for c in cue.children)


def _lone_word(doc: Doc, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is one pronoun or determiner ("complained about that") or only a date ("his
    remarks on Saturday"): nothing reported."""
    span = doc.char_span(start, end)
    if span is None:
        return False
    return (len(span) == 1 and span[0].pos_ in ("PRON", "DET")) or all(t.ent_type_ in ("DATE", "TIME") for t in span)


def _paragraph(text: str, offset: int) -> Extent:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return Extent(start, len(text) if end < 0 else end)


def _clip(text: str, content: Extent, cue: Extent) -> Extent:
    """``content`` cut to the paragraph of its cue (sentences may run over paragraph breaks)."""
    para = _paragraph(text, cue.start)
    return Extent(max(content.start, para.start), min(content.end, para.end))


def _local_subject(subject: Token | None, cue: Token, text: str) -> Token | None:
    """``subject`` when it sits in the cue's paragraph, else the first noun before the cue there."""
    para = _paragraph(text, cue.idx)
    if subject is None or para.start <= subject.idx < para.end:
        return subject
    for token in cue.doc[cue.sent.start : cue.i]:
        if token.idx >= para.start and token.pos_ in ("PROPN", "NOUN", "PRON"):
            while token.dep_ in ("compound", "flat") and token.head.i > token.i:
                token = token.head
            return token
    return None


def _name_before(cue: Token, lexicon: Lexicon) -> Token | None:
    """The name right before a cue whose subject the parser lost ("... of the Washington Post Trump said")."""
    if cue.i == cue.sent.start:
        return None
    before = cue.doc[cue.i - 1]
    return before if before.pos_ == "PROPN" or before.lower_ in lexicon.subject_pronouns else None


#: Entity labels of a subject that is a time, never the holder of a view ("2018 saw ...").
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _from_verbs(verbs: list[Token], text: str, lexicon: Lexicon, skip: Callable[[int], bool],
                quoted: Quoted) -> Iterator[Candidate]:
    cues = lexicon.cue_verbs
    for token in verbs:
        if token.lemma_.lower() not in cues or skip(token.idx):
            continue
        paren = surface_parenthetical(token, lexicon) if token.lemma_.lower() in lexicon.speech_verbs else None
        if paren is not None:
            cue, (content, speaker) = Extent(token.idx, token_end(token)), paren
            yield Candidate(_clip(text, content, cue), cue, token, speaker, verb_kind(token, lexicon))
            continue
        found = _verb_content(token, lexicon, quoted)
        if found is None:
            continue
        subject = _local_subject(find_subject(token), token, text) or _name_before(token, lexicon)
        if subject is None and token.lemma_.lower() not in lexicon.speech_verbs:
            continue
        if subject is not None and subject.ent_type_ in TIME_ENTITIES and verb_kind(token, lexicon) == "stance":
            continue  # "2018 saw 11,187 accidents", "this week saw protests": a time holds no view
        content, cue = found
        if token.dep_ == "advcl" and token.head.i > token.i and token.tag_ == "VBN" \
                and not any(c.dep_ == "mark" for c in token.children):  # "Asked about X, she said ...": to the comma
            content = Extent(content.start, min(content.end, token_end(token.right_edge)))
        yield Candidate(_clip(text, content, cue), cue, token, subject, verb_kind(token, lexicon))


def _phrase_at(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase))


@functools.lru_cache(maxsize=8)
def _first_words(phrases: tuple[tuple[str, ...], ...]) -> numpy.ndarray:
    """The sorted word hashes of the first words of ``phrases``, made once per lexicon."""
    return numpy.unique(numpy.array([string_hash(phrase[0]) for phrase in phrases], dtype=numpy.uint64))


def _from_phrases(a: Arrays, lexicon: Lexicon, skip: Callable[[int], bool]) -> Iterator[Candidate]:
    doc, text = a.doc, a.text
    for i in numpy.flatnonzero(member(a.lower, _first_words(lexicon.source_phrases))):
        token = doc[int(i)]
        for phrase in lexicon.source_phrases:
            if skip(token.idx) or not _phrase_at(doc, token.i, phrase):
                continue
            last = doc[token.i + len(phrase) - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
            if not objects:
                continue
            phrase_end = extent(objects[0]).end
            source = objects[0]
            sent = token.sent
            before = Extent(sent.start_char, token.idx)
            after = Extent(phrase_end, sent.end_char)
            content = before if before.end - before.start > after.end - after.start else after
            cue = Extent(token.idx, token_end(last))
            yield Candidate(_clip(text, content, cue), cue, token, source, "speech")


def _verb_base(word: str, lexicon: Lexicon) -> str | None:
    """The lemma of ``word`` read as a cue verb in the third person ("claims", "vows", "pushes"), if it is one."""
    lower = word.lower()
    for ending in sorted(lexicon.third_person_endings, key=len):
        base = lower[:-len(ending)]
        if lower.endswith(ending) and base in lexicon.cue_verbs:
            return base
    return None


def _from_headline_verbs(a: Arrays, lexicon: Lexicon, skip: Callable[[int], bool]) -> Iterator[Candidate]:
    """Cue verbs the tagger read as nouns or names heading a short sentence ("Trump claims that ...",
    "Mayor Vows To Rebuild Bridges"): their name part is the source, the rest of the sentence the content."""
    doc, text = a.doc, a.text
    # A sentence's root has no head inside the sentence but itself: only nouns and names among those are read.
    sent_of = a.sent
    rootish = (a.head == numpy.arange(a.n)) | (sent_of[a.head] != sent_of)
    for i in numpy.flatnonzero(rootish & ((a.pos == NOUN) | (a.pos == PROPN))).tolist():
        token = doc[i]
        if token.sent.root.i != i or skip(token.idx):
            continue
        base = _verb_base(token.text, lexicon)
        names = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "nsubj") and c.pos_ in HEAD_POS]
        source = names[-1] if names else None  # the word nearest the verb: "Lee" in "Governor Lee Vows"
        rest = [c for c in token.rights if not c.is_punct]
        if base is None or source is None or not rest:
            continue
        content = Extent(rest[0].left_edge.idx, token_end(rest[-1].right_edge))
        cue = Extent(token.idx, token_end(token))
        yield Candidate(_clip(text, content, cue), cue, token, source, lexicon.kind(base))


def _listed(a: Arrays, pos: int, words: frozenset[str]) -> list[Token]:
    """The tokens of part of speech ``pos`` whose lemma in lower case is one of ``words``."""
    rows = numpy.flatnonzero(a.pos == pos)
    lemmas = a.lemma[rows].tolist()  # read once as a list: a numpy element read one at a time is slow
    strings = a.doc.vocab.strings
    keep = {h for h in set(lemmas) if strings[h].lower() in words}
    return [a.doc[i] for i, lemma in zip(rows.tolist(), lemmas, strict=True) if lemma in keep]


def find_reported(a: Arrays, lexicon: Lexicon, skip: Callable[[int], bool], quoted: Quoted) -> list[Candidate]:
    """Reported-speech candidates in the document of ``a``.

    Cues at offsets where ``skip`` is true are ignored; ``quoted(start, end)``
    counts the characters of a stretch that lie inside quotation marks.
    """
    doc, text = a.doc, a.text
    found: list[Candidate] = []
    cues: set[int] = set()
    sources: list[Extent] = []  # "according to X" phrases: no cue inside X ("according to people who saw it")
    # Only verbs, and nouns and adjectives of the cue lists, can be cues: pick them from the tag and lemma arrays
    # rather than walk every token.
    verbs = [doc[i] for i in numpy.flatnonzero(a.pos == VERB).tolist()]
    nouns = _listed(a, NOUN, lexicon.cue_nouns)
    adjectives = _listed(a, ADJ, lexicon.cue_adjectives)
    stances = (replace(s, content=_clip(text, s.content, s.cue))
               for s in [*find_stances(verbs, lexicon, skip), *find_noun_cues(nouns, lexicon, skip),
                         *find_adjective_cues(adjectives, lexicon, skip)])
    for cand in [*_from_phrases(a, lexicon, skip), *_from_verbs(verbs, text, lexicon, skip, quoted),
                 *_from_headline_verbs(a, lexicon, skip), *stances]:
        content = trim(text, cand.content, lexicon)
        start, end = content
        if end - start < MIN_CONTENT_CHARS or cand.cue_token.i in cues or _lone_word(doc, start, end) \
                or not cand.cue_token.is_ascii or any(a <= cand.cue.start < b for a, b in sources):
            continue  # a cue outside the Latin alphabet is a word of another language the tagger guessed at
        cues.add(cand.cue_token.i)
        if cand.subject is not None and cand.cue_token.lower_ in lexicon.sourcing_words:
            sources.append(Extent(cand.cue.end, extent(cand.subject).end))
        found.append(replace(cand, content=content))
    # "In the poll, ..." only where no cue of its own reports the rest ("In the poll, 46 percent choose X").
    for cand in find_findings(a, lexicon, skip):
        content = trim(text, _clip(text, cand.content, cand.cue), lexicon)
        if not any(content.start <= other.cue.start < content.end for other in found):
            found.append(replace(cand, content=content))
    return found
