"""Names the tagger left untagged that a person's title or noun stands right before: "Cardinal Marc Roe",
"preacher Jane Roe", "his son-in-law, John Roe-Doe", "Senior Advisers Jane Roe and John Doe".

The small model leaves many rare names outside any entity, most often right after a title it did not read as
part of the name; only tagged names reach the people pass, so such a person was no actor at all. A run of
capitalized proper nouns that no entity covers is a person's name when the word right before it is a
person's title (a curated title, or its plural), a noun of a person ("preacher", "chef") or a courtesy word,
or, after a comma, a word of kinship ("his son-in-law, John Roe-Doe,"); a second run joined to the first by
"and" after a plural title is one too. Nothing in the run may say anything but a name: no title or role
word, no organization's head word, nothing the dictionaries know, no word in capitals only, no country,
town or division. The candidates go to the people pass as the tagger's persons do, which reads the title.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.actors._build import Build
from dateline.actors._mentions import Candidate
from dateline.actors._tokens import HYPHENS

if TYPE_CHECKING:
    from spacy.tokens import Span as Entity

__all__ = ["untagged_names"]

#: Most words of an untagged name ("Tynice Nichole Hall" has 3; "Frédéric Salat-Baroux" 2, its hyphen joins).
MAX_NAME_WORDS = 4
#: The Penn tag of a singular proper noun.
PROPER = "NNP"
#: The label the candidates carry, as the tagger's persons do.
PERSON = "PERSON"


def untagged_names(build: Build, ents: Sequence[Entity]) -> list[Candidate]:
    """Persons' names no entity covers, right after a person's title or noun (see the module docstring)."""
    lowers, words = build.lowers, build.lex.name_cues  # "Secretaries" is a plural cue, "law" ends "son-in-law"
    tagged = {k for ent in ents for k in range(ent.start, ent.end)}
    out: list[Candidate] = []
    for k in [k for k, lower in enumerate(lowers[:-1]) if lower in words.lasts]:
        cue = build.texts.hyphened(k)
        if cue not in words.cues:
            continue
        start = k + 1
        if lowers[start] == ",":
            if cue not in words.kin:
                continue
            start += 1  # "his son-in-law, John Roe-Doe"
        found = _name_run(build, start, tagged)
        plural = cue in words.plurals
        while found is not None:
            out.append(found)
            after = found.tok_end
            if not plural or after + 1 >= len(lowers) or lowers[after] != "and":
                break
            found = _name_run(build, after + 1, tagged)  # "Advisers Jane Roe and John Doe"
    return out


def _name_run(build: Build, start: int, tagged: set[int]) -> Candidate | None:
    """The untagged name that begins at token ``start``, or None."""
    words, tags, texts = build.texts.words, build.tags, build.texts
    n, end, count = len(words), start, 0
    while end < n and count < MAX_NAME_WORDS and _name_word(words[end], tags[end]) and end not in tagged:
        end, count = end + 1, count + 1
        if end + 1 < n and words[end] in HYPHENS and texts.touching(end) and _name_word(words[end + 1], tags[end + 1]):
            end += 1  # the hyphen of "Salat-Baroux": the next piece is read with it
    while end > start and words[end - 1] in HYPHENS:
        end -= 1
    if end == start or (end < n and end in tagged):
        return None  # no name, or the first words of a name the tagger saw ("President Jane Roe")
    text = texts.between(start, end)
    if not _only_a_name(build, text, range(start, end)):
        return None
    return Candidate(start, end, texts.offsets[start], texts.end(end - 1), label=PERSON)


def _name_word(word: str, tag: str) -> bool:
    """Whether a token may be a word of a name: a capitalized proper noun, not in capitals only."""
    return tag == PROPER and word[:1].isupper() and not word.isupper()


def _only_a_name(build: Build, text: str, tokens: range) -> bool:
    """Whether nothing in a run of proper nouns says anything but a person's name."""
    lex, lowers = build.lex, build.lowers
    if lex.lookup(text) or (lex.heads is not None and lex.heads.sector(text)):
        return False  # a name the dictionaries know, or an organization's ("Assembly", "Foundation")
    kb, words = lex.kb, lex.words
    said = words.person_nouns | words.not_actor_heads  # "Lord Mayor Candidate": a title's last word
    for k in tokens:
        lower = lowers[k]
        if lower in lex.role_words or lower in lex.titles or lower in said:
            return False
        if kb is not None and (build.texts.words[k] in kb.towns or build.texts.words[k] in kb.divisions):
            return False
        if any(h.kind in ("country", "demonym", "capital") for h in lex.lookup(build.texts.words[k])):
            return False
    return True
