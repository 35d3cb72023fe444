"""Tokens that name no actor, set aside before the passes read names.

Credit and copyright lines ("Reporting by ...; Editing by ...", "Copyright
Financial Times Ltd."), pictures' credits ("Image: Jane Roe.") and ships' names
("USS Ronald Reagan") are used up before any pass reads them
(:func:`not_actors_pass`). A country's, people's or capital's name that opens
the name of an event ("an Iraq War veteran", "the Beijing Olympics") or a
currency ("20,000 US dollars") is no actor there (:func:`opens_event_name`,
read by the names pass). Unknown names are judged once the actors are built
(:mod:`dateline.actors._junk`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build

if TYPE_CHECKING:
    from dateline.actors._mentions import Candidate

__all__ = ["not_actors_pass", "opens_event_name"]

#: Dictionary readings of places and peoples: one that opens the name of an event is no actor there.
PLACE_KINDS = frozenset({"country", "demonym", "capital", "metonym"})
#: Most capitalized words read after a place's name for the word that makes it an event's ("Syrian Civil War").
MAX_EVENT_WORDS = 2


def not_actors_pass(build: Build) -> None:
    """Use up, before any pass reads them, the tokens that name no actor: sentences that open a credit or
    copyright line ("Reporting by ...; Editing by ...", "Copyright Financial Times Ltd."), a picture's credit
    to the end of its sentence ("Image: Jane Roe.") and the names of ships ("USS Ronald Reagan")."""
    words, doc, lowers = build.lex.words, build.doc, build.lowers
    longest = max((len(o) for o in words.credit_openings), default=0)
    firsts = {o[0] for o in words.credit_openings}
    for sent in build.sentences:
        k = sent.start
        while k < sent.stop and lowers[k].isspace():
            k += 1
        if k < sent.stop and lowers[k] in firsts:
            opening = tuple(lowers[k : k + longest])
            if any(opening[: len(o)] == o for o in words.credit_openings):
                build.taken.update(sent)
    for k in [k for k in range(len(lowers) - 1) if lowers[k + 1] == ":"]:  # "A deer at the farm. Image: Jane Roe."
        if doc[k].text in words.credit_labels:
            end = k + 2
            while end < doc[k].sent.end and "\n" not in doc[end].text:
                end += 1
            build.taken.update(range(k, end))
    vessels = {v.lower() for v in words.vessel_prefixes}
    prefixes = {lower for lower in set(lowers) if lower.replace(".", "") in vessels}  # each distinct word once
    for k in [k for k, lower in enumerate(lowers) if lower in prefixes]:  # "USS Grayback", "U.S.S. Grayback"
        if doc[k].text.replace(".", "") in words.vessel_prefixes:
            _take_vessel(build, k)


def opens_event_name(build: Build, cand: Candidate) -> bool:
    """Whether a country's, people's or capital's name opens the name of an event, a period or a place, whose
    capitalized last word says so ("an Iraq War veteran", "the Syrian Civil War", "the Beijing Olympics"), or
    names a currency ("five million US dollars"): no actor there."""
    if not cand.hits or any(h.kind not in PLACE_KINDS for h in cand.hits):
        return False
    doc, heads = build.doc, build.lex.words.not_actor_heads
    after = doc[cand.tok_end] if cand.tok_end < len(doc) else None
    if after is not None and after.lower_ in build.lex.words.currency_nouns and after.pos_ == "NOUN":
        return True  # not "South Korea won the match"
    for k in range(cand.tok_end, min(cand.tok_end + MAX_EVENT_WORDS, len(doc))):
        if not doc[k].is_title:
            return False
        if doc[k].lower_ in heads:
            return True
    return False


def _take_vessel(build: Build, k: int) -> None:
    """The ship's name after the prefix at token ``k``: a title in it is the ship's ("HMS Queen Elizabeth", "USS
    President Lincoln"), unless the prefix is also a word or initials of its own ("an RV Professor Jane Roe drove")."""
    doc, lex = build.doc, build.lex
    after = doc[k + 1] if k + 1 < len(doc) else None
    if after is None or after.pos_ != "PROPN":
        return
    if doc[k].text.replace(".", "") in lex.words.vessel_prefix_words and (
            after.lower_ in lex.titles or after.lower_ in lex.role_titles):
        return
    end = k + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    build.taken.update(range(k, end))
