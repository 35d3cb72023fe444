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
after it). It is kept with the article's story keys as one mark (``h:``), and
:func:`differ` says when two headlines tell the same act of other parties.

On the shared Wikinews corpus this parts 4 of the 9 pairs of articles about
different incidents that shared a story (two endorsements, two wins, two
declarations, two interviews) and none of the 3 about one incident. ECB+ keeps
its headlines in the text, with no title apart, so it does not measure this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.stories._match import Party
from dateline.stories._words import headline_verb_endings, speech_words, stem, trigger_word

__all__ = ["MARK", "OBJECT_WORDS", "Headline", "differ", "headline", "of_keys"]

#: The prefix of the key that holds a headline.
MARK = "h:"
#: Words after the verb within which the name of whom the act was done to ends ("removes Governor Ada Quill").
#: Set by hand, not tuned.
OBJECT_WORDS = 3
#: Letters a verb has at least ("is", "as" are none).
_VERB_LETTERS = 3
_WORD = re.compile(r"[^\W\d_]+")
#: An actor key's country suffix (``.usa``, ``.igo``).
_COUNTRY = re.compile(r"\.[a-z]{3}$")


@dataclass(frozen=True)
class Headline:
    """The act a headline tells: its verb (as the matcher compares trigger words), its doer and whom it was
    done to (actor keys; ``done_to`` None when it names no one there)."""

    verb: str
    doer: str
    done_to: str | None = None

    def key(self) -> str:
        """The story key that holds the headline's act (``h:verb|doer|done_to``), read back by :func:`of_keys`."""
        return f"{MARK}{self.verb}|{self.doer}|{self.done_to or ''}"

    @property
    def parties(self) -> tuple[str, ...]:
        """The actor keys the headline names: its doer, and whom the act was done to when it names one."""
        return (self.doer,) if self.done_to is None else (self.doer, self.done_to)


def of_keys(keys: Iterable[str]) -> Headline | None:
    """The headline kept among an article's story keys, if any."""
    for key in keys:
        if key.startswith(MARK):
            verb, doer, done_to = [*key[len(MARK):].split("|"), "", ""][:3]
            return Headline(verb, doer, done_to or None) if verb and doer else None
    return None


def headline(title: str | None, actors: Iterable[str], language: str | None, stop: frozenset[str]
             ) -> Headline | None:
    """The act ``title`` tells, with its doer among ``actors`` (actor keys of the article; ``stop``: the
    language's stop words); None when it tells none that way."""
    if not title:
        return None
    words = [m.group(0) for m in _WORD.finditer(title)]
    ends = _name_ends([w.lower() for w in words], actors)
    for end, doer in sorted(ends.items()):
        verb = end + 1
        if (verb < len(words) and _is_verb(words[verb], stop, language)
                and stem(words[verb]) not in speech_words(language)):
            after = [ends[i] for i in range(verb + 1, min(verb + 1 + OBJECT_WORDS, len(words))) if i in ends]
            return Headline(trigger_word(words[verb], language), doer, after[0] if after else None)
    return None


def _is_verb(word: str, stop: frozenset[str], language: str | None) -> bool:
    """A headline's verb as it is mostly written: the present tense of one doer, in lower case."""
    endings, not_endings = headline_verb_endings(language)
    return (word.islower() and len(word) >= _VERB_LETTERS and word.endswith(endings)
            and not word.endswith(not_endings) and word not in stop)


def _name_ends(words: list[str], actors: Iterable[str]) -> dict[int, str]:
    """Where in ``words`` an actor's name ends (its last word), with the actor: of several, the one with most
    of its other words among the words before (then the first key)."""
    best: dict[int, tuple[int, str]] = {}
    for key in sorted(set(actors)):
        name = [w for w in _COUNTRY.sub("", key).split("-") if w]
        if not name:
            continue
        for i, word in enumerate(words):
            if word == name[-1]:
                found = sum(w in words[max(0, i - len(name)):i] for w in name[:-1])
                if i not in best or found > best[i][0]:
                    best[i] = (found, key)
    return {i: key for i, (_, key) in best.items()}


def _same(a: str, b: str) -> bool:
    """One actor: one key, or one name more or less fully (:meth:`Party.names_alike`), countries aside."""
    return a == b or Party(_COUNTRY.sub("", a)).names_alike(Party(_COUNTRY.sub("", b)))


def differ(a: Headline | None, b: Headline | None) -> bool:
    """Both headlines tell one act of other parties: the same verb, and each names a party the other does not
    ("Ann Cole endorses Joe Roe" and "Bea Lund endorses Joe Roe"). The parties are compared whatever their
    place, as a meeting is told from either side ("Roe meets Cole", "Cole meets Roe"), and one naming fewer is
    no difference ("Cole endorses Roe", "Cole endorses")."""
    if a is None or b is None or a.verb != b.verb:
        return False
    mine, theirs = a.parties, b.parties
    return (any(not any(_same(p, q) for q in theirs) for p in mine)
            and any(not any(_same(q, p) for p in mine) for q in theirs))

