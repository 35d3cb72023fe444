"""Candidates: persons running for office are party actors (PLOVER's PRESIDENTIAL_CANDIDATE is PTY).

A former officeholder named in a sentence about an election, or in the sentence
right after one ("Following the primary, three candidates withdrew. Deval
Patrick, the former governor of Massachusetts, ended his on Wednesday"), is
running again, not an elite. Any person who is the subject of a verb, or of a
relative clause on their name, whose object is a candidacy ("Andrew Yang, an
entrepreneur, suspended his campaign", "Roe, who sought the nomination"), who
leaves or enters one ("dropped out of the race"), who runs for an office ("she
is running for president", a pronoun too) or who is said to be a candidate
("Roe was his running mate") is a candidate whatever else the text calls them,
unless they hold public office; so is a person named as one ("presidential
nominee Jane Roe", "Jane Roe, the party's candidate", "a ticket of John Roe for
president") and the one whose running mate another is ("Roe's running mate").
The words are ``candidacy_words``, ``candidate_nouns``,
``candidacy_prepositions``, ``candidacy_offices``, ``not_candidate_modifiers``,
``running_verbs``, ``race_prepositions``, ``ticket_nouns``,
``ticket_prepositions`` and ``relative_pronouns`` of ``actors.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group, Key
from dateline.actors._persons import PUBLIC_SECTORS
from dateline.actors._relations import RELATION

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

    from dateline.actors._words import Words

__all__ = ["CANDIDATE", "candidates_pass"]

#: The sector of candidates for office.
CANDIDATE = "PTY"
#: Dependency labels of a name that only modifies another noun ("the Obama administration").
NOT_PARTICIPANTS = frozenset({"compound", "amod", "nmod"})
#: Dependency labels of a word that names what the person next to it is ("nominee Jane Roe", "Roe, a nominee").
DESCRIBERS = frozenset({"compound", "appos", "nmod", "amod"})
#: The most words of an office a person is put up for ("vice president").
OFFICE_WORDS = 2
#: Dependency labels of a verb's object.
OBJECTS = frozenset({"dobj", "obj"})


def candidates_pass(build: Build) -> None:
    """Former officeholders in or right after a sentence of elections, and persons who run a campaign."""
    words = build.lex.words.candidacy_words
    if not words:
        return
    for key, group in build.groups.items():
        if group.kind != "person" or not (group.former or group.sector not in PUBLIC_SECTORS):
            continue
        if any(_runs_for_office(span.root.head, build.lex.words) for span in _subject_pronouns(build, group)):
            group.sector = CANDIDATE  # "she announced that she was running for president"
            continue
        for span in _participant_spans(build, group):
            if (_runs(span, build.lex.words) or _named_candidate(span, build.lex.words)
                    or (group.former and span.root.dep_ != "poss" and _in_election_talk(build, span, words, key))):
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


def _subject_pronouns(build: Build, group: Group) -> list[TokenSpan]:
    """The group's pronouns that are the subject of a verb ("he was running")."""
    out = []
    for mention in group.mentions:
        span = build.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.pos_ == "PRON" and span.root.dep_ == "nsubj":
            out.append(span)
    return out


def _clauses(span: TokenSpan, words: Words) -> list[Token]:
    """The verbs whose subject the name is: its own verb ("Roe withdrew"), and that of a relative clause on it
    ("Roe, who is the nominee", "Roe, who sought the nomination")."""
    root = span.root
    verbs = [root.head] if root.dep_ == "nsubj" else []
    for clause in root.children:
        if clause.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in words.relative_pronouns
                                          for c in clause.children):
            verbs.append(clause)
    return verbs


def _runs(span: TokenSpan, words: Words) -> bool:
    """Whether the name is the subject of a verb whose object is a candidacy ("suspended their campaigns", "who
    sought the nomination"), that leaves or enters one ("dropped out of the race"), that says they are a
    candidate ("Roe was his running mate") or that runs for an office."""
    return any(any(c.dep_ in OBJECTS and c.lower_ in words.candidacy_words for c in verb.children)
               or _into_race(verb, words) or _runs_for_office(verb, words)
               or any(c.dep_ == "attr" and _candidate_noun(c, words) for c in verb.children)
               for verb in _clauses(span, words))


def _into_race(verb: Token, words: Words) -> bool:
    """Whether the verb leaves or enters a candidacy ("dropped out of the race", "withdrew from the primary")."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        chain, objects = [prep], [c for c in prep.children if c.dep_ == "pobj"]
        inner = [c for c in prep.children if c.dep_ == "prep"]
        if not objects and inner:  # "out" -> "of" -> "race"
            chain.append(inner[0])
            objects = [c for c in inner[0].children if c.dep_ == "pobj"]
        said = " ".join(t.lower_ for t in chain)
        if said in words.race_prepositions and any(o.lower_ in words.candidacy_words for o in objects):
            return True
    return False


def _runs_for_office(verb: Token, words: Words) -> bool:
    """Whether the verb runs for an office ("he was running for president", "she will stand for mayor")."""
    if verb.lemma_.lower() not in words.running_verbs:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in words.candidacy_prepositions and _office_at(prep.doc, prep.i + 1,
                                                                                                 words):
            return True
    return False


def _in_election_talk(build: Build, span: TokenSpan, words: frozenset[str], key: Key) -> bool:
    """Whether the name's sentence, or the one before it, speaks of elections, in words that are no part of
    the mention of another person or of a person's people ("John Doe, once president, met Jane Roe, who ran for
    the Senate": the race is Roe's; "the Roe campaign described Doe": Roe's)."""
    sent, keys, groups = span.sent, build.token_keys, build.groups

    def others(k: Key | None) -> bool:
        other = groups.get(k) if k is not None and k != key else None
        return other is not None and ((k is not None and k[0] == RELATION) or other.kind == "person")

    def election(tokens: TokenSpan) -> bool:
        return any(t.lower_ in words and not others(keys.get(t.i)) for t in tokens)

    return election(sent) or (sent.start > 0 and election(build.doc[sent.start - 1].sent))


def _named_candidate(span: TokenSpan, words: Words) -> bool:
    """Whether the name is called a candidate ("nominee Jane Roe", "Roe, the party's nominee") or put up for an
    office ("a ticket of John Roe for president")."""
    root = span.root
    near = [c for c in root.children if c.dep_ in DESCRIBERS and not span.start <= c.i < span.end]
    if root.dep_ == "appos":
        near.append(root.head)
    if any(_candidate_noun(t, words) for t in near):
        return True
    return _heads_ticket(root, words) or _put_up_for_office(span, words)


def _heads_ticket(root: Token, words: Words) -> bool:
    """Whether the name is the one whose running mate another is ("Roe's running mate", "the running mate of
    painter Jane Roe"): they run too."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in words.ticket_prepositions:
        head = head.head
    elif root.dep_ != "poss":
        return False
    pair = f"{head.nbor(-1).lower_} {head.lower_}" if head.i > 0 else head.lower_
    return head.lower_ in words.ticket_nouns or pair in words.ticket_nouns


def _put_up_for_office(span: TokenSpan, words: Words) -> bool:
    """Whether the name is followed by the office it is put up for ("John Roe for vice president"), read from the
    words themselves, as the parser may hang the preposition on the ticket."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in words.candidacy_prepositions:
        return False
    return _office_at(doc, span.end + 1, words)


def _office_at(doc: Doc, start: int, words: Words) -> bool:
    """Whether the words from token ``start`` on (at most :data:`OFFICE_WORDS`) begin with the name of an office
    ("vice president", "mayor")."""
    after = doc[start:start + OFFICE_WORDS]
    return any(" ".join(t.lower_ for t in after[:n]) in words.candidacy_offices for n in range(1, len(after) + 1))


def _candidate_noun(token: Token, words: Words) -> bool:
    """Whether the word names a candidate for office ("nominee", "running mate"; not "doctoral candidate")."""
    pair = f"{token.nbor(-1).lower_} {token.lower_}" if token.i > 0 else token.lower_
    if token.lower_ not in words.candidate_nouns and pair not in words.candidate_nouns:
        return False
    return not any(c.lower_ in words.not_candidate_modifiers for c in token.children if c.i < token.i)
