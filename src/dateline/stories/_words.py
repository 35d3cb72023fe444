"""The word an event record is compared by: its trigger's first letters, one for every word of a family.

Reports of one event name it in other words: "died" and "death", "quake" and
"earthquake". The language's ``stories.json`` lists ``word_families``, groups
of words that name one kind of happening; :func:`trigger_word` gives every
word of a family the first letters of the family's first word, so the matcher
(:mod:`dateline.stories._match`) sees them as one word. A language without the
file has no families: each trigger is compared by its own first letters.
"""

from __future__ import annotations

import functools

from dateline.errors import LanguageError, ResourceError
from dateline.lang import Resources, resources

__all__ = ["STEM_LETTERS", "SUPPORTED_MAJOR", "court_words", "families", "headline_verb_endings", "index_families",
           "name_joiners", "speech_words", "stem", "trigger_word"]

#: Letters of a trigger word compared: "attack", "attacks" and "attacked" are one word to the matcher.
STEM_LETTERS = 5
#: The major version of ``stories.json`` this code reads.
SUPPORTED_MAJOR = "1"
_FILE = "stories"


def stem(word: str) -> str:
    """The letters of a word the matcher compares (lower case)."""
    return word.lower()[:STEM_LETTERS]


def _resources(language: str | None) -> Resources | None:
    """The resources of a language that has a ``stories.json``; None for any other."""
    try:
        res = resources(language)
    except LanguageError:
        return None
    return res if res.file(f"{_FILE}.json").is_file() else None


@functools.cache
def families(language: str | None) -> dict[str, str]:
    """The stem of every word of a family -> the stem of its family's first word (none for a language
    without a ``stories.json``)."""
    res = _resources(language)
    if res is None:
        return {}
    return index_families(res.data(_FILE, SUPPORTED_MAJOR).get("word_families"), res.where(_FILE))


@functools.cache
def speech_words(language: str | None) -> frozenset[str]:
    """The stems of the words of ``headline_speech_verbs``: a headline's verb that says who spoke ("Police say
    ...", "Mayor warns ..."), not what happened (none for a language without a ``stories.json``)."""
    res = _resources(language)
    if res is None:
        return frozenset()
    return frozenset(stem(w) for w in res.words(_FILE, "headline_speech_verbs", SUPPORTED_MAJOR))


@functools.cache
def court_words(language: str | None) -> frozenset[str]:
    """The words of ``court_step_words`` in lower case: words by which a title tells a step of a case at law
    ("Court finds ...", "Driver pleads not guilty"); none for a language without a ``stories.json``."""
    res = _resources(language)
    if res is None:
        return frozenset()
    return frozenset(w.lower() for w in res.words(_FILE, "court_step_words", SUPPORTED_MAJOR))


@functools.cache
def headline_verb_endings(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The endings of a headline's verb as headlines mostly write it (``headline_verb_endings``: "s" of
    "endorses") and those of words that end so but are none (``not_headline_verb_endings``: "ss" of "boss");
    none for a language without a ``stories.json``, whose headlines are then read for no act."""
    res = _resources(language)
    if res is None:
        return (), ()
    return (tuple(res.words(_FILE, "headline_verb_endings", SUPPORTED_MAJOR)),
            tuple(res.words(_FILE, "not_headline_verb_endings", SUPPORTED_MAJOR)))


@functools.cache
def name_joiners(language: str | None) -> frozenset[str]:
    """The marks and words (lower case) that join the names of several doers of one act in a headline
    (``headline_name_joiners``: ",", "and"); none for a language without a ``stories.json``."""
    res = _resources(language)
    if res is None:
        return frozenset()
    return frozenset(w.lower() for w in res.words(_FILE, "headline_name_joiners", SUPPORTED_MAJOR))


def index_families(raw: object, where: str) -> dict[str, str]:
    """:func:`families` of the ``word_families`` value of the file ``where``, checked."""
    if not isinstance(raw, list) or not all(isinstance(f, list) and f and all(isinstance(w, str) and w.strip()
                                                                             for w in f) for f in raw):
        raise ResourceError(f"{where}: 'word_families' must be a list of non-empty lists of words; fix the file")
    out: dict[str, str] = {}
    for family in raw:
        head = stem(family[0].strip())
        for word in family:
            key = stem(word.strip())
            if out.get(key, head) != head:
                raise ResourceError(f"{where}: {word!r} begins like a word of another family ({key!r}); the "
                                    f"matcher compares {STEM_LETTERS} letters, so keep such words in one family")
            out[key] = head
    return out


def trigger_word(word: str, language: str | None) -> str:
    """What a trigger word is compared by: its stem, or its family's when it belongs to one."""
    key = stem(word)
    return families(language).get(key, key)
