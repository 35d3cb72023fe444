"""Candidates: persons running for office are party actors (PLOVER's PRESIDENTIAL_CANDIDATE is PTY).

A former officeholder named in a sentence about an election, or in the sentence
right after one ("Following the primary, three candidates withdrew. Deval
Patrick, the former governor of Massachusetts, ended his on Wednesday"), is
running again, not an elite. Any person who is the subject of a verb whose
object is a candidacy ("Andrew Yang, an entrepreneur, suspended his campaign")
is a candidate whatever else the text calls them, unless they hold public
office. The words are ``candidacy_words`` of ``actors.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group
from dateline.actors._persons import PUBLIC_SECTORS

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

__all__ = ["CANDIDATE", "candidates_pass"]

#: The sector of candidates for office.
CANDIDATE = "PTY"
#: Dependency labels of a name that only modifies another noun ("the Obama administration").
NOT_PARTICIPANTS = frozenset({"compound", "amod", "nmod"})
#: Dependency labels of a verb's object.
OBJECTS = frozenset({"dobj", "obj"})


def candidates_pass(build: Build) -> None:
    """Former officeholders in or right after a sentence of elections, and persons who run a campaign."""
    words = build.lex.words.candidacy_words
    if not words:
        return
    for group in build.groups.values():
        if group.kind != "person" or not (group.former or group.sector not in PUBLIC_SECTORS):
            continue
        for span in _participant_spans(build, group):
            if _runs(span, words) or (group.former and _in_election_talk(build, span, words)):
                group.sector = CANDIDATE
                break


def _participant_spans(build: Build, group: Group) -> list[TokenSpan]:
    """The group's mentions that name a participant ("Biden", "he"), not a modifier ("the Obama
    administration", "his campaign")."""
    out = []
    for mention in group.mentions:
        span = build.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.dep_ not in NOT_PARTICIPANTS and span.root.pos_ != "PRON":
            out.append(span)
    return out


def _runs(span: TokenSpan, words: frozenset[str]) -> bool:
    """Whether the name is the subject of a verb whose object is a candidacy ("suspended their campaigns")."""
    root = span.root
    return root.dep_ == "nsubj" and any(c.dep_ in OBJECTS and c.lower_ in words for c in root.head.children)


def _in_election_talk(build: Build, span: TokenSpan, words: frozenset[str]) -> bool:
    """Whether the name's sentence, or the one before it, speaks of elections."""
    sent = span.sent
    if any(t.lower_ in words for t in sent):
        return True
    return sent.start > 0 and any(t.lower_ in words for t in build.doc[sent.start - 1].sent)
