"""What a headline tells: who did what, and to whom, read from its words and the article's actors.

A news headline mostly says one act in the present tense: "Ann Cole endorses
Joe Roe", "Wikinews interviews Ada Quill". Two reports of one incident tell the
same act of the same doer; two alike incidents may tell the same act of two
doers ("Ann Cole endorses Joe Roe", "Bea Lund endorses Joe Roe"), which their
keys, sharing the act, its object and its setting, do not keep apart.
:func:`headline` finds the doer (an actor of the article whose name ends right
before the verb), the verb (a word in lower case with an ending of the
language's ``headline_verb_endings``, in English the "s" of the present tense,
not a stop word: a headline written in title case, "Colts Beat Chiefs", tells
none; nor does one that says who spoke, "Police say ...", as the language's
``headline_speech_verbs`` list them) and
whom it was done to (an actor whose name ends within ``OBJECT_WORDS`` words
after it). Names joined by a comma or "and" (the language's
``headline_name_joiners``) before the verb's form of several doers ("Ann Cole,
Bea Lund win primaries") are all its doers: such a headline tells one act of
each, several incidents in one report. It is kept with the article's story keys
as one mark (``h:``), and :func:`differ` says when two headlines tell the same
act of other parties, or one tells it of several doers and the other not of the
same ones: a report of several incidents joins the story of none of them, as it
can join only one and would draw the reports of the others into it.

On the shared Wikinews corpus this parts 4 of the 9 pairs of articles about
different incidents that shared a story (two endorsements, two wins, two
declarations, two interviews) and none of the 3 about one incident. Reading
several doers (3 of its 269 headlines: two primary winners, two candidates
ending campaigns, two countries joining a trade bloc) parts the one pair left
(two winners' primaries and a later win of one of them) and none of the 3 about
one incident. ECB+ keeps its headlines in the text, with no title apart, so it
does not measure this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.stories._match import Party
from dateline.stories._words import headline_verb_endings, name_joiners, speech_words, stem, trigger_word

__all__ = ["MARK", "OBJECT_WORDS", "Headline", "differ", "headline", "of_keys"]

#: The prefix of the key that holds a headline.
MARK = "h:"
#: Words after the verb within which the name of whom the act was done to ends ("removes Governor Ada Quill").
#: Set by hand, not tuned.
OBJECT_WORDS = 3
#: Letters a verb has at least ("is", "as" are none).
_VERB_LETTERS = 3
_WORD = re.compile(r"[^\W\d_]+")
#: The words and marks between two names.
_PARTS = re.compile(r"[^\W\d_]+|[^\w\s]")
#: An actor key's country suffix (``.usa``, ``.igo``).
_COUNTRY = re.compile(r"\.[a-z]{3}$")


@dataclass(frozen=True)
class Headline:
    """The act a headline tells: its verb (as the matcher compares trigger words), its doer, whom it was done
    to (actor keys; ``done_to`` None when it names no one there) and the doers named with the first, joined
    to it ("Ann Cole, Bea Lund win primaries": one act of each, several incidents in one report)."""

    verb: str
    doer: str
    done_to: str | None = None
    with_doers: tuple[str, ...] = ()

    def key(self) -> str:
        """The story key that holds the headline's act (``h:verb|doer+doer|done_to``), read back by
        :func:`of_keys`."""
        return f"{MARK}{self.verb}|{'+'.join(self.doers)}|{self.done_to or ''}"

    @property
    def doers(self) -> tuple[str, ...]:
        """Every doer the headline names, in its order."""
        return (self.doer, *self.with_doers)

    @property
    def parties(self) -> tuple[str, ...]:
        """The actor keys the headline names: its doers, and whom the act was done to when it names one."""
        return self.doers if self.done_to is None else (*self.doers, self.done_to)


def of_keys(keys: Iterable[str]) -> Headline | None:
    """The headline kept among an article's story keys, if any."""
    for key in keys:
        if key.startswith(MARK):
            verb, doers, done_to = [*key[len(MARK):].split("|"), "", ""][:3]
            first, *others = doers.split("+")
            return Headline(verb, first, done_to or None, tuple(others)) if verb and first else None
    return None


def headline(title: str | None, actors: Iterable[str], language: str | None, stop: frozenset[str]
             ) -> Headline | None:
    """The act ``title`` tells, with its doer among ``actors`` (actor keys of the article; ``stop``: the
    language's stop words); None when it tells none that way. Names joined by the language's
    ``headline_name_joiners`` before a verb of the form several doers take are its doers, each of one act."""
    if not title:
        return None
    found = list(_WORD.finditer(title))
    words = [m.group(0) for m in found]
    names = _names([w.lower() for w in words], actors)
    for end in sorted(names):
        verb = end + 1
        if verb >= len(words) or _speech(words[verb], language):
            continue
        doers = _doers(title, found, names, end, stop, language)
        if doers:
            after = [names[i][1] for i in range(verb + 1, min(verb + 1 + OBJECT_WORDS, len(words))) if i in names]
            return Headline(trigger_word(words[verb], language), doers[0], after[0] if after else None,
                            tuple(doers[1:]))
    return None


def _doers(title: str, found: list[re.Match[str]], names: dict[int, tuple[int, str]], end: int,
           stop: frozenset[str], language: str | None) -> list[str]:
    """The doers of the act the word after the name ending at word ``end`` tells: that name's actor before a
    verb of one doer ("Lund wins"), the names joined up to it before a verb of several ("Cole, Lund win");
    none before any other word."""
    word = found[end + 1].group(0)
    if _is_verb(word, stop, language):
        return [names[end][1]]
    if _is_verb(word, stop, language, several=True):
        doers = _joined(title, found, names, end, language)
        return doers if len(doers) > 1 else []
    return []


def _speech(word: str, language: str | None) -> bool:
    """The word says who spoke ("says", of several speakers "say"), not what happened."""
    return stem(word) in speech_words(language)


def _is_verb(word: str, stop: frozenset[str], language: str | None, several: bool = False) -> bool:
    """A headline's verb as it is mostly written: the present tense, in lower case; of one doer with an ending
    of ``headline_verb_endings`` ("endorses"), of ``several`` doers without one ("win"; "address")."""
    endings, not_endings = headline_verb_endings(language)
    if not endings or not (word.islower() and len(word) >= _VERB_LETTERS and word not in stop):
        return False
    single = word.endswith(endings) and not word.endswith(not_endings)
    return single != several


def _names(words: list[str], actors: Iterable[str]) -> dict[int, tuple[int, str]]:
    """Where in ``words`` an actor's name ends (its last word) -> where it starts and the actor: of several,
    the one with most of its other words among the words before (then the first key)."""
    best: dict[int, tuple[int, int, str]] = {}
    for key in sorted(set(actors)):
        name = [w for w in _COUNTRY.sub("", key).split("-") if w]
        if not name:
            continue
        for i, word in enumerate(words):
            if word == name[-1]:
                found = sum(w in words[max(0, i - len(name)):i] for w in name[:-1])
                if i not in best or found > best[i][0]:
                    start = i
                    while start > 0 and i - start < len(name) - 1 and words[start - 1] in name[:-1]:
                        start -= 1
                    best[i] = (found, start, key)
    return {i: (start, key) for i, (_, start, key) in best.items()}


def _joined(title: str, found: list[re.Match[str]], names: dict[int, tuple[int, str]], end: int,
            language: str | None) -> list[str]:
    """The doers of the name ending at word ``end`` and of the names joined before it ("Cole, Lund and Roe"),
    in the title's order."""
    joiners = name_joiners(language)
    start, key = names[end]
    doers = [key]
    while start > 0:
        before = next((e for e in (start - 1, start - 2) if e in names and names[e][0] < start and _joins(
            title[found[e].end():found[start].start()], joiners)), None)
        if before is None or names[before][1] in doers:
            break
        start, key = names[before]
        doers.insert(0, key)
    return doers


def _joins(gap: str, joiners: frozenset[str]) -> bool:
    """The text between two names joins them: a joining mark or word, or a mark and a word (", and")."""
    parts = _PARTS.findall(gap.lower())
    return 0 < len(parts) <= 2 and all(p in joiners for p in parts)


def _same(a: str, b: str) -> bool:
    """One actor: one key, or one name more or less fully (:meth:`Party.names_alike`), countries aside."""
    return a == b or Party(_COUNTRY.sub("", a)).names_alike(Party(_COUNTRY.sub("", b)))


def differ(a: Headline | None, b: Headline | None) -> bool:
    """Both headlines tell one act of other parties: the same verb, and each names a party the other does not
    ("Ann Cole endorses Joe Roe" and "Bea Lund endorses Joe Roe"). The parties are compared whatever their
    place, as a meeting is told from either side ("Roe meets Cole", "Cole meets Roe"), and one naming fewer is
    no difference ("Cole endorses Roe", "Cole endorses") unless one names several doers: "Cole, Lund win
    primaries" tells two wins, several incidents, and is one story with no report of one of them ("Cole wins
    primary"), which it would otherwise join with the reports of the others; only a report of the same
    parties may share its story."""
    if a is None or b is None or a.verb != b.verb:
        return False
    mine, theirs = a.parties, b.parties
    only_mine = any(not any(_same(p, q) for q in theirs) for p in mine)
    only_theirs = any(not any(_same(q, p) for p in mine) for q in theirs)
    if a.with_doers or b.with_doers:
        return only_mine or only_theirs
    return only_mine and only_theirs
