"""A person named again by a surname the tagger did not see as a person's.

After "rapper Kanye West made an announcement", "West outlined his campaign" names him again, but the
tagger often reads a lone surname at the start of a sentence as a place or an organization ("West",
"Tamim", "Segal") or as no entity at all ("Waseem confessed"), and only names it tags reach the people
pass. A run of proper nouns that no other actor took, and that is the tail of the name of the one person
named before it in the article ("West", "De La Fuente"), is that person's mention, so later passes (he and
she, possessives) and the events stage find him there. Where two persons named before share the tail, the
one already called by it wins ("Trump" for Donald, not Mary Trump); else none does. A run after a
determiner ("the West") is a common name, not a person's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.actors._build import Build, Key

__all__ = ["surnames_pass"]

#: Penn tags of the words a surname run is made of.
_NAME_TAGS = frozenset({"NNP", "NNPS"})


def surnames_pass(build: Build) -> None:
    """Give each free run of proper nouns that repeats the tail of one person's name to that person."""
    tails = _tails(build)
    if not tails:
        return
    tags, taken, sentence_of = build.tags, build.taken, build.sentence_of  # read from arrays, no token made
    i = 0
    while i < len(tags):
        if i in taken or tags[i] not in _NAME_TAGS:
            i += 1
            continue
        end = i + 1
        while end < len(tags) and end not in taken and tags[end] in _NAME_TAGS and sentence_of[end] != end:
            end += 1
        key = _named_by(build, tails, i, end)
        if key is not None:
            build.add_tokens(key, build.groups[key], range(i, end))
        i = end


def _tails(build: Build) -> dict[str, list[tuple[int, Key]]]:
    """Each shorter tail of a person's name of two words or more ("West", "La Fuente", "De La Fuente"), with
    where the person is first named and the person's key."""
    honorifics = build.lex.words.honorifics
    tails: dict[str, list[tuple[int, Key]]] = {}
    for key, group in build.groups.items():
        words = group.name.split()
        if group.kind != "person" or len(words) < 2 or not group.mentions:
            continue
        first = min(m.start for m in group.mentions)
        for k in range(1, len(words)):
            tail = words[k:]
            if tail[0][:1].isupper() and tail[0].lower() not in honorifics:
                tails.setdefault(" ".join(tail), []).append((first, key))
    return tails


def _named_by(build: Build, tails: dict[str, list[tuple[int, Key]]], start: int, end: int) -> Key | None:
    """The one person named before token ``start`` whose name ends in the words ``start``-``end``."""
    if start > 0 and build.lowers[start - 1] in build.lex.words.determiners:
        return None
    text = build.texts.between(start, end)
    at = build.texts.offsets[start]
    keys = {key for first, key in tails.get(text, ()) if first < at}
    if len(keys) > 1:  # namesakes: the one the article already calls so
        keys = {key for key in keys if any(build.article.text[m.start:m.end] == text
                                           for m in build.groups[key].mentions if m.start < at)}
    return keys.pop() if len(keys) == 1 else None
