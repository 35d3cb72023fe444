"""The cue lexicon of the quotes stage, read from ``lang/<code>/quotes.json``.

The file is versioned and validated on load; users extend it without touching
code: a JSON file of the same shape (any subset of the keys) given as the
``quotes`` lexicon is merged over it, its word lists added to the built-in
ones (see :mod:`dateline._data`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from dateline import lang
from dateline._data import check_version, is_strings
from dateline.errors import ResourceError

__all__ = ["Lexicon", "load_lexicon", "parse_lexicon"]

#: Major version of the file format this code reads.
SUPPORTED_MAJOR = "1"

_WORD_LISTS = (
    "speech_verbs", "thought_verbs", "object_verbs", "call_particles", "person_pronouns", "group_pronouns",
    "label_stopwords",
)
#: Lists added in formats 1.1 to 1.3; an older file without them reads them as empty.
_OPTIONAL_LISTS = ("agent_nouns", "content_prepositions", "action_verbs", "passive_verbs", "recipient_verbs",
                   "cue_nouns", "noun_prepositions", "cue_adjectives",
                   "clause_only_verbs", "stance_verbs", "speech_nouns", "forecast_verbs", "feeling_nouns",
                   "convened_nouns", "title_words", "finding_nouns")


@dataclass(frozen=True)
class Lexicon:
    """Cue words: verb lemmas, multi-word source phrases, pronouns and stance words (all lower case)."""

    version: str
    speech_verbs: frozenset[str]
    thought_verbs: frozenset[str]
    object_verbs: frozenset[str]
    call_particles: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    label_stopwords: frozenset[str]
    agent_nouns: frozenset[str] = frozenset()
    content_prepositions: frozenset[str] = frozenset()
    action_verbs: frozenset[str] = frozenset()
    passive_verbs: frozenset[str] = frozenset()
    recipient_verbs: frozenset[str] = frozenset()
    cue_nouns: frozenset[str] = frozenset()
    noun_prepositions: frozenset[str] = frozenset()
    cue_adjectives: frozenset[str] = frozenset()
    clause_only_verbs: frozenset[str] = frozenset()
    stance_verbs: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    forecast_verbs: frozenset[str] = frozenset()
    feeling_nouns: frozenset[str] = frozenset()
    convened_nouns: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    finding_nouns: frozenset[str] = frozenset()

    @functools.cached_property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb lemma that can introduce speech or thought."""
        return self.speech_verbs | self.thought_verbs

    @functools.cached_property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.group_pronouns

    def kind(self, lemma: str) -> str:
        """``"speech"`` for a cue lemma of saying or writing, ``"stance"`` for one of belief, judgement or support."""
        return "speech" if lemma in self.speech_verbs and lemma not in self.stance_verbs else "stance"


def _words(raw: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = raw.get(key)
    if not is_strings(value, nonempty=True):
        raise ResourceError(f"{where}: {key!r} must be a list of non-empty strings; fix the file")
    return frozenset(w.strip().lower() for w in value)


def _phrases(raw: dict[str, Any], where: str) -> tuple[tuple[str, ...], ...]:
    value = raw.get("source_phrases")
    ok = isinstance(value, list) and all(
        isinstance(p, list) and p and all(isinstance(w, str) and w.strip() for w in p) for p in value
    )
    if not ok:
        raise ResourceError(f"{where}: 'source_phrases' must be a list of word lists, e.g. [[\"according\", \"to\"]]")
    assert isinstance(value, list)
    return tuple(tuple(w.strip().lower() for w in p) for p in value)


def parse_lexicon(raw: object, where: str = "quotes lexicon") -> Lexicon:
    """Validate the decoded JSON of a lexicon file and build a :class:`Lexicon`."""
    if not isinstance(raw, dict):
        raise ResourceError(f"{where}: expected a JSON object at the top level")
    version = check_version(raw, where, SUPPORTED_MAJOR)
    lists = {key: _words(raw, key, where) for key in _WORD_LISTS}
    lists.update({key: _words(raw, key, where) for key in _OPTIONAL_LISTS if key in raw})
    return Lexicon(version=version, source_phrases=_phrases(raw, where), **lists)


@functools.cache
def load_lexicon(res: lang.Resources | None = None) -> Lexicon:
    """The lexicon of ``res`` (default: the default language's), with the user's file merged over it."""
    res = res or lang.resources()
    return parse_lexicon(res.data("quotes", SUPPORTED_MAJOR), f"quotes lexicon {res.where('quotes')}")
