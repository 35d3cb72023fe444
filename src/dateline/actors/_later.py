"""Later mentions of a named body or group by a common noun: "the Saudi Press Agency said ... The agency added",
"the Commission on Presidential Debates ... the commission said".

News names a body once and then by the noun of its kind with "the". The nouns are the language's
(``later_mention_nouns`` of ``actors.json``): each stands for an organization actor whose name's head is
the noun ("Saudi Press Agency", "Commission on Presidential Debates": the head comes before "on"), and
some also for an organization of a sector whose name lacks it ("Boeing ... the company": BUS). The mention
joins the last such organization named before it, so a second body of the kind named in between takes it.
The pass reads the organizations already found and looks for "the <noun>" of their nouns only, in the
text, so it makes no token object of most of the text; a noun already used by another actor, one that
modifies another noun ("the company structure"), one followed by a name ("the company Boeing"), by "of"
(a longer name: "the court of appeal") or by another preposition of names and a name ("the commission on Human
Rights") and one written with a capital (a name of its own) are left alone,
and so is a noun that names a building too (``building_nouns``: "the hospital") where it is no subject or owner.

The agents pass makes its own bare anaphors ("the court", "the police", "the troops" with no country); they
join the organization of that kind, or the group of that kind with a country, named last before them
(:func:`anaphors_pass`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group, Key

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["anaphors_pass", "later_mentions_pass"]

#: Most words of a noun of the table ("news agency", "postal service").
_MAX_NOUN_WORDS = 2
_NOT_PARTIES = frozenset({"compound", "amod", "nmod", "attr"})
#: Entity types of a name after a preposition that is no part of a body's name ("the agency on Tuesday").
_TIME_ENTS = frozenset({"DATE", "TIME"})
#: Where a noun that names a building too ("the hospital") stands for the body: a subject or an owner.
_SEAT_PARTIES = frozenset({"nsubj", "nsubjpass", "poss"})


def later_mentions_pass(build: Build) -> None:
    """Join "the <noun>" to the organization named last before it that the noun may stand for (see the module
    docstring)."""
    named = _named_bodies(build)
    if not named:
        return
    offsets = build.texts.offsets
    for found in _pattern(tuple(build.lex.words.later_mention_nouns)).finditer(build.article.text):
        noun, start = found.group(1), found.start(1)
        if noun not in named and " " in noun:  # "the news agency" after "Saudi Press Agency": its head
            head = noun.rsplit(" ", 1)[1]
            noun, start = head, start + len(noun) - len(head)
        if noun not in named:
            continue
        first = bisect.bisect_left(offsets, start)
        if first >= len(offsets) or offsets[first] != start:
            continue  # not at a token's start
        last = first + noun.count(" ")
        if any(k in build.taken for k in range(first - 1, last + 1)) or not _stands_alone(build, last):
            continue
        key = _antecedent(build, named[noun], found.start())
        if key is not None:
            build.add_tokens(key, build.groups[key], range(first, last + 1))


@functools.lru_cache(maxsize=4)
def _pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """ "the" and a noun of the table, longest nouns first, compiled once per table."""
    return re.compile(r"\b[Tt]he (" + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + r")\b")


def _named_bodies(build: Build) -> dict[str, list[tuple[list[int], Key]]]:
    """Noun -> the organizations it may stand for, each with where its mentions start."""
    words = build.lex.words
    nouns, by_sector, stops = words.later_mention_nouns, words.later_mention_sectors, words.name_prepositions
    out: dict[str, list[tuple[list[int], Key]]] = defaultdict(list)
    if not nouns:
        return out
    for key, group in build.groups.items():
        if group.kind != "organization" or group.anaphor is not None or not group.mentions:
            continue
        found = {*_heads(group.name, stops, nouns), *by_sector.get(group.sector or "", ())}
        if found:
            starts = sorted([m.start for m in group.mentions])
            for noun in found:
                out[noun].append((starts, key))
    return out


def _heads(name: str, stops: frozenset[str], nouns: Mapping[str, frozenset[str]]) -> list[str]:
    """The nouns of the table that end the head of an organization's name of several words ("Saudi Press
    Agency" -> "agency", "United States Postal Service" -> "postal service", "Commission on Presidential
    Debates" -> "commission")."""
    words = name.lower().split()
    if len(words) < 2:
        return []
    cut = words
    for k in range(1, len(words)):
        if words[k] in stops:
            cut = words[:k]
            break
    ends = [cut[-1], " ".join(cut[-_MAX_NOUN_WORDS:])] if len(cut) >= _MAX_NOUN_WORDS else [cut[-1]]
    return [end for end in ends if end in nouns]


def _stands_alone(build: Build, last: int) -> bool:
    """Whether the noun at token ``last`` is a body's noun phrase of its own: a lower-case noun that modifies
    no other noun and has no name or "of" after it."""
    tok: Token = build.doc[last]
    if tok.pos_ != "NOUN" or not tok.text.islower() or tok.dep_ in _NOT_PARTIES:
        return False
    if tok.lower_ in build.lex.words.building_nouns and tok.dep_ not in _SEAT_PARTIES:
        return False  # "released from the hospital": the building
    after = last + 1
    if after < len(build.doc):
        nxt = build.doc[after]
        if nxt.pos_ == "PROPN" or nxt.lower_ == "of":
            return False  # "the company Boeing", "the court of appeal"
        if nxt.lower_ in build.lex.words.name_prepositions and after + 1 < len(build.doc):
            named = build.doc[after + 1]  # "the commission on Human Rights": a longer name; not "on Tuesday"
            return named.pos_ != "PROPN" or named.ent_type_ in _TIME_ENTS
    return True


def _antecedent(build: Build, bodies: list[tuple[list[int], Key]], at: int) -> Key | None:
    """The body of ``bodies`` with the last mention before ``at``; None if none was named before."""
    best: tuple[int, Key] | None = None
    for starts, key in bodies:
        k = bisect.bisect_left(starts, at)
        if k and (best is None or starts[k - 1] > best[0]):
            best = (starts[k - 1], key)
    return best[1] if best is not None else None


def anaphors_pass(build: Build) -> None:
    """ "the court", "the police", "the troops" without a country join the organization of that kind, or
    the group of that kind with a country, the article named last before them ("the Supreme Court", "the
    Metropolitan Police", "Israeli troops"), when there is one."""
    nouns = build.lex.words.later_mention_nouns
    for key, group in list(build.groups.items()):
        if group.anaphor is None or not group.mentions:
            continue
        first = min(m.start for m in group.mentions)
        named = [(max(m.start for m in g.mentions if m.start < first), k) for k, g in build.groups.items()
                 if k != key and _stands_for(key, group, k, g, nouns) and any(m.start < first for m in g.mentions)]
        if not named and group.needs_antecedent:
            build.token_keys = {t: k for t, k in build.token_keys.items() if k != key}
            del build.groups[key]  # "officers" with no police named before them: nobody known
        elif named:
            target = build.groups[max(named)[1]]
            target.mentions.extend(group.mentions)
            build.token_keys.update((t, max(named)[1]) for t, k in build.token_keys.items() if k == key)
            del build.groups[key]


def _stands_for(key: Key, group: Group, other_key: Key, other: Group, nouns: Mapping[str, frozenset[str]]) -> bool:
    """Whether ``other`` is what the bare anaphor ``group`` ("the court", "the troops") may stand for. A noun that
    needs an antecedent ("the party", "the union", "the company") stands for a body of its sector ("Eastgate
    Freight Ltd."), or an organization whose name ends in it ("the Communication Workers Union"), never one of
    no known kind (a company, a union and a charity may all be named by no word of their kind). Another ("the
    court", "the newspaper") stands for an organization whose name holds it or of a sector ``nouns`` give it."""
    if group.needs_antecedent:
        if other.needs_antecedent or other.kind not in ("organization", "group"):
            return False
        named = other.kind == "organization" and other.name.lower().split()[-1:] == [group.anaphor]
        return other.sector == group.sector or named
    if other.kind == "organization":
        return other.anaphor is None and group.anaphor is not None and (
            group.anaphor in other.name.lower() or other.sector in nouns.get(group.anaphor, ()))
    return (other.kind == "group" and key[0] == other_key[0] == "A" and key[1] == "" and other_key[1] != ""
            and other_key[2:] == key[2:])
