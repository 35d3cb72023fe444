"""The language data of the quotes stage, read from ``lang/<code>/quotes.json``.

Cue words and every other word the rules read (pronouns, function words,
punctuation that breaks clauses, word endings) live in that file, each list
described under its ``lists`` key. The file is versioned and validated on
load; users extend it without touching code: a JSON file of the same shape
(any subset of the keys) given as the ``quotes`` lexicon is merged over it, its
word lists added to the built-in ones (see :mod:`dateline._data`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateline import lang
from dateline._data import check_version, is_strings
from dateline.errors import ResourceError
from dateline.records import QuoteKind

__all__ = ["Lexicon", "load_lexicon", "parse_lexicon"]

#: Major version of the file format this code reads.
SUPPORTED_MAJOR = "1"

_WORD_LISTS = (
    "speech_verbs", "thought_verbs", "object_verbs", "call_particles", "person_pronouns", "group_pronouns",
    "label_stopwords",
)
#: Lists added in formats 1.1 to 1.15; an older file without them reads them as empty.
_OPTIONAL_LISTS = ("agent_nouns", "content_prepositions", "action_verbs", "passive_verbs", "recipient_verbs",
                   "cue_nouns", "noun_prepositions", "cue_adjectives",
                   "clause_only_verbs", "stance_verbs", "speech_nouns", "forecast_verbs", "feeling_nouns",
                   "convened_nouns", "title_words", "finding_nouns",
                   # 1.4: the words the rules read, out of the code
                   "clause_breaks", "aside_breaks", "first_person_pronouns", "third_person_pronouns",
                   "addressee_pronouns", "subject_pronouns", "relative_pronouns", "reflexive_pronouns",
                   "person_words", "not_agents", "complementizers", "noun_clause_marks", "infinitive_marks",
                   "as_words", "speaker_phrase_words", "sourcing_words", "source_prepositions", "topic_prepositions",
                   "finding_prepositions", "call_verbs", "not_content_xcomp_verbs", "aspect_verbs",
                   "list_conjunctions", "dangling_conjunctions", "possessive_endings", "participle_endings",
                   "third_person_endings",
                   # 1.5: what the learned model reads
                   "content_openers", "negative_pronouns", "organization_pronouns", "attitude_words",
                   "communication_words", "light_verbs", "negative_determiners",
                   # 1.6: what the stage's stance checks read
                   "question_openers",
                   # 1.7
                   "object_topic_verbs",
                   # 1.8
                   "continuation_verbs", "perception_verbs", "receiving_verbs",
                   # 1.9
                   "contrast_marks", "feeling_verbs",
                   # 1.10
                   "directive_verbs", "conditional_marks", "evidence_verbs", "reason_marks", "generic_people",
                   "occasion_verbs", "occasion_nouns", "pursuit_verbs",
                   # 1.12: counted from PolNeAR train by 'dateline train quote-cues'
                   "learned_cues",
                   # 1.13
                   "mind_verbs", "doer_endings", "courtesy_verbs", "courtesy_modals",
                   # 1.14
                   "setting_prepositions", "setting_nouns",
                   # 1.15
                   "clause_only_feelings")
#: Every list a file may hold, each described under ``lists``.
_ALL_LISTS = frozenset((*_WORD_LISTS, *_OPTIONAL_LISTS, "source_phrases"))


@dataclass(frozen=True)
class Lexicon:
    """The words of the quotes stage: cue lemmas, source phrases, pronouns, function words, endings (lower case).

    Each field is a list of ``quotes.json``; the file's ``lists`` key says what each is for.
    """

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
    clause_breaks: frozenset[str] = frozenset()
    aside_breaks: frozenset[str] = frozenset()
    first_person_pronouns: frozenset[str] = frozenset()
    third_person_pronouns: frozenset[str] = frozenset()
    addressee_pronouns: frozenset[str] = frozenset()
    subject_pronouns: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    reflexive_pronouns: frozenset[str] = frozenset()
    person_words: frozenset[str] = frozenset()
    not_agents: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    noun_clause_marks: frozenset[str] = frozenset()
    infinitive_marks: frozenset[str] = frozenset()
    as_words: frozenset[str] = frozenset()
    speaker_phrase_words: frozenset[str] = frozenset()
    sourcing_words: frozenset[str] = frozenset()
    source_prepositions: frozenset[str] = frozenset()
    topic_prepositions: frozenset[str] = frozenset()
    finding_prepositions: frozenset[str] = frozenset()
    call_verbs: frozenset[str] = frozenset()
    not_content_xcomp_verbs: frozenset[str] = frozenset()
    aspect_verbs: frozenset[str] = frozenset()
    list_conjunctions: frozenset[str] = frozenset()
    dangling_conjunctions: frozenset[str] = frozenset()
    possessive_endings: frozenset[str] = frozenset()
    participle_endings: frozenset[str] = frozenset()
    third_person_endings: frozenset[str] = frozenset()
    content_openers: frozenset[str] = frozenset()
    negative_pronouns: frozenset[str] = frozenset()
    organization_pronouns: frozenset[str] = frozenset()
    attitude_words: frozenset[str] = frozenset()
    communication_words: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    negative_determiners: frozenset[str] = frozenset()
    question_openers: frozenset[str] = frozenset()
    object_topic_verbs: frozenset[str] = frozenset()
    continuation_verbs: frozenset[str] = frozenset()
    perception_verbs: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    contrast_marks: frozenset[str] = frozenset()
    feeling_verbs: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    evidence_verbs: frozenset[str] = frozenset()
    reason_marks: frozenset[str] = frozenset()
    generic_people: frozenset[str] = frozenset()
    occasion_verbs: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    pursuit_verbs: frozenset[str] = frozenset()
    learned_cues: frozenset[str] = frozenset()
    clause_only_feelings: frozenset[str] = frozenset()
    mind_verbs: frozenset[str] = frozenset()
    doer_endings: frozenset[str] = frozenset()
    courtesy_verbs: frozenset[str] = frozenset()
    courtesy_modals: frozenset[str] = frozenset()
    setting_prepositions: frozenset[str] = frozenset()
    setting_nouns: frozenset[str] = frozenset()

    @functools.cached_property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb lemma that can introduce speech or thought."""
        return self.speech_verbs | self.thought_verbs

    @functools.cached_property
    def stance_words(self) -> frozenset[str]:
        """Every cue word of belief, attitude, intention or judgement."""
        return (self.thought_verbs | self.stance_verbs | (self.cue_nouns - self.speech_nouns) | self.cue_adjectives
                | self.attitude_words)

    @functools.cached_property
    def communication_cues(self) -> frozenset[str]:
        """Every cue word of saying, writing or communicating (verbs of saying that judge are stance words)."""
        return (self.speech_verbs - self.stance_verbs) | self.speech_nouns | self.communication_words

    @functools.cached_property
    def verbal_cues(self) -> frozenset[str]:
        """Every cue word that is a word of speech, belief, attitude or intention as a verb (or as any part of
        speech): a verb whose lemma is listed only among ``cue_adjectives`` is not one ("cleared the area")."""
        return (self.thought_verbs | self.stance_verbs | self.attitude_words | self.speech_verbs
                | self.communication_cues)

    @functools.cached_property
    def question_cues(self) -> frozenset[str]:
        """Every word of thought or finding whose content may be an embedded question ("know what it is", "not
        sure which company", "no idea whether ...")."""
        return self.thought_verbs | self.clause_only_verbs | self.cue_adjectives | (self.cue_nouns - self.speech_nouns)

    @functools.cached_property
    def speaking_words(self) -> frozenset[str]:
        """Every verb of saying and word of communicating ("would like to ask", "to add")."""
        return self.speech_verbs | self.communication_words

    @functools.cached_property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.group_pronouns

    @functools.cached_property
    def stance_no_xcomp(self) -> frozenset[str]:
        """Verbs whose infinitive complement is no stance's content: the cue verbs' list and the aspect verbs."""
        return self.not_content_xcomp_verbs | self.aspect_verbs

    @functools.cached_property
    def dangling(self) -> re.Pattern[str]:
        """A conjunction left at the end of a stretch (searched with an end position)."""
        return re.compile(rf"\s(?:{_alternation(self.dangling_conjunctions)})$")

    @functools.cached_property
    def listed(self) -> re.Pattern[str]:
        """What may stand between quotations listed as one: marks, commas and spaces, then a list conjunction."""
        return re.compile(rf"[ ,\"”'’]*(?:{_alternation(self.list_conjunctions)}) ")

    def kind(self, lemma: str) -> QuoteKind:
        """``"speech"`` for a cue lemma of saying or writing, ``"stance"`` for one of belief, judgement or support."""
        return "speech" if lemma in self.speech_verbs and lemma not in self.stance_verbs else "stance"


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (one that never matches when there are none)."""
    escaped = [re.escape(w) for w in sorted(words)]
    return "|".join(escaped) if escaped else "(?!)"


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


def _check_described(raw: dict[str, Any], where: str) -> None:
    """Every list the file holds is described under ``lists``, and ``lists`` names no unknown list."""
    described = raw.get("lists")
    if not isinstance(described, dict) or not all(isinstance(v, str) and v.strip() for v in described.values()):
        raise ResourceError(f"{where}: 'lists' must be an object that maps each word list to what it is for")
    unknown = sorted(set(described) - _ALL_LISTS)
    if unknown:
        raise ResourceError(f"{where}: 'lists' describes unknown lists {unknown}; remove them or fix their names")
    undescribed = sorted(key for key in raw if key in _ALL_LISTS and key not in described)
    if undescribed:
        raise ResourceError(f"{where}: lists {undescribed} have no description; add one under 'lists'")


def parse_lexicon(raw: object, where: str = "quotes lexicon") -> Lexicon:
    """Validate the decoded JSON of a lexicon file and build a :class:`Lexicon`."""
    if not isinstance(raw, dict):
        raise ResourceError(f"{where}: expected a JSON object at the top level")
    version = check_version(raw, where, SUPPORTED_MAJOR)
    _check_described(raw, where)
    lists = {key: _words(raw, key, where) for key in _WORD_LISTS}
    lists.update({key: _words(raw, key, where) for key in _OPTIONAL_LISTS if key in raw})
    return Lexicon(version=version, source_phrases=_phrases(raw, where), **lists)


@functools.cache
def load_lexicon(res: lang.Resources) -> Lexicon:
    """The lexicon of the language of ``res``, with the user's file merged over it; built once per process."""
    return parse_lexicon(res.data("quotes", SUPPORTED_MAJOR), f"quotes lexicon {res.where('quotes')}")
