"""Which of several persons a "he", "she", "his" or "her" stands for: the one its sentence is about.

"Varga, a former bank manager, admitted defrauding two clients whom Mayor Holt later thanked. He was
jailed for a year" names two men before "He"; the pronoun stands for the one the sentence before is
about, the subject of its main clause, not for a man named in passing.

- A possessive ("his company") stands for the subject of its own clause or of the first clause above it
  that has a person as subject ("Holt praised his deputy", "Varga admitted taking loans to
  prop up his shop"), when the text gives that person's gender or that subject is the one person
  its sentence names before it ("Referee Dana Kell was blamed for her slowness").
- A subject pronoun whose own sentence names none of the persons before it stands for the one person of
  its gender the sentence before has as its main subject. One whose own sentence names some is left open:
  in a clause below another's subject ("Holt argued Varga had lied by claiming he ...") it tells, as often as
  not, an aside the story does not code (on wikinews-train's read half, read so, one false event and no
  right one). A main subject whose gender the text does not give is no candidate: taking it linked 5 more
  pronouns of the read data, all right, and one more recipient, but cost the ECB+ stories 0.863 -> 0.859.
- An object pronoun ("urged him") is left alone: it never stands for its own clause's subject, and the
  person it stands for is as often an object before it. Where no person, or two, stand as subjects, the
  pronoun stays open.

Over wikinews-dev and wikinews-train's read half the rule links 62 pronouns. Of the 53 its first form (persons
of known gender only) linked, 3 were wrong: a possessive after another person of its clause ("Holt called
Varga a disgrace for his conduct") or in a relative clause ("Varga, who did not pay his debts")
read as the main subject's; leaving such possessives open, or reading the relative clause's subject as the
noun it qualifies, undid those 3 (setting one right) but also 6 right links, and coded no event better. The
9 links it added since are all right.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

from dateline.actors._build import Build, Key
from dateline.actors._tagged import SUBJECTS
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["salient"]

#: Dependency labels of the pronouns whose person is looked for by salience: subjects and possessives.
_SALIENT_ROLES = SUBJECTS | {"poss"}
#: Labels by which a clause is the sentence's main one: its root, or a verb joined to the root ("X came and
#: spoke").
_MAIN = frozenset({"ROOT", "conj"})
#: Most words climbed from a pronoun to its sentence's root, looking for the subject of a clause above it.
MAX_CLIMB = 12


def salient(build: Build, pronoun: Token, keys: Set[Key], start: int) -> set[Key]:
    """Of the persons ``keys`` a subject or possessive ``pronoun`` could stand for (named from the character
    ``start`` on), the one who is the subject of the possessive's clause or of one above it, when the text
    gives that person's gender or the sentence names no other of them before the pronoun; else, for a pronoun
    whose own sentence names none of them before it, the one person of fitting gender
    the sentence before has as its main subject; all of ``keys`` where that is no one, or the pronoun is an
    object."""
    if pronoun.dep_ not in _SALIENT_ROLES:
        return set(keys)
    gender = build.lex.words.pronouns.get(pronoun.lower_)
    known = {k for k in keys if build.groups[k].gender == gender}
    own = pronoun.sent.start_char
    here = {key for span, key in build.people if key in keys and own <= span.start and span.end <= pronoun.idx}
    if pronoun.dep_ == "poss" and (governing := _governing(build, pronoun, keys)):
        if len(governing) == 1 and (governing <= known or here == governing):
            return governing  # "Referee Dana Kell was blamed for her slowness"
        return set(keys)
    if here:
        return set(keys)  # "Holt argued Varga had lied by claiming he ...": left open
    before = [(span, key) for span, key in build.people if key in known and start <= span.start < own]
    found = set(_main_subjects(build, before))
    return found if len(found) == 1 else set(keys)


def _governing(build: Build, pronoun: Token, keys: Set[Key]) -> set[Key]:
    """Those of ``keys`` that are the subject (with its conjuncts) of the first clause on the way from the
    possessive ``pronoun`` up to its sentence's root that has one of them as subject, before the pronoun
    ("Holt praised his deputy", "Varga admitted taking loans to prop up his shop"); none
    when no clause there has."""
    node = pronoun.head
    for _ in range(MAX_CLIMB):
        for child in node.children:
            if child.dep_ in SUBJECTS and child.i < pronoun.i and build.token_keys.get(child.i) in keys:
                named = (build.token_keys.get(t.i) for t in (child, *child.conjuncts))
                return {k for k in named if k is not None and k in keys}
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        node = node.head
    return set()


def _main_subjects(build: Build, mentions: Iterable[tuple[Span, Key]]) -> Iterable[Key]:
    """The actors of ``mentions`` that stand as the subject of their sentence's main clause."""
    for span, key in mentions:
        words = build.doc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None:
            continue
        head = words.root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "Putin and Trump met": both are subjects
        clause = head.head
        if head.dep_ in SUBJECTS and clause.dep_ in _MAIN and (clause.dep_ == "ROOT" or clause.head.dep_ == "ROOT"):
            yield key
