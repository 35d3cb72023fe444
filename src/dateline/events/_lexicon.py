"""The event trigger lexicon, loaded once per process, beside PLOVER's tables.

The lexicon is language data (``dateline/lang/<code>/events.json``): trigger
entries, light verbs, and the word lists the stage reads beside them
(:class:`Words`: prepositions, pronouns, nouns of instruments, places, time
...). PLOVER's quad classes and intensities are not language data
(``dateline/data/events/plover.json``, read in :mod:`dateline.events._plover`).
The lexicon can be extended without touching code: a user file of the same shape merged over it
(``lexicons={"events": FILE}``) replaces an entry with the same lemma, part of
speech and ``with`` list; ``"type": null`` removes it; its ``light_verbs``, the
verbs of its ``act_nouns`` and the words of its ``words`` lists are added to the
built-in ones.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from spacy.strings import get_string_id

from dateline._data import is_strings, read_user
from dateline.errors import ResourceError
from dateline.lang import Resources
from dateline.records import EVENT_TYPES, EventType

__all__ = ["Entry", "Lexicon", "Words", "lemma_ids", "load_lexicon"]

#: Major version of the data file format this code reads.
SUPPORTED_MAJOR = "1"

#: Base confidence of an entry without a ``weight``: verbs are more reliable
#: triggers than nouns (measured on the PLOVER gold records).
DEFAULT_WEIGHT = {"verb": 0.7, "noun": 0.6}
#: Added to the default weight of an entry with a ``with`` list: a multiword trigger ("impose
#: sanctions") is surer than its head alone (set by hand with the weights above).
WITH_BONUS = 0.1

_POS = ("verb", "noun")
_OBJECTS = ("recipient", "topic", "actor")
_KEYS = {
    "lemma", "pos", "type", "mode", "with", "without", "tags", "object", "reciprocal", "preps", "weight", "note",
    "modal", "vehicle", "alone", "needs_actor", "by_sector", "told_when_definite", "needs_partner",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger: a head lemma (and optional dependents) mapped to a PLOVER type."""

    lemma: str
    pos: str
    type: EventType
    mode: str | None = None
    with_: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    object: str = "recipient"
    reciprocal: bool = False
    #: Prepositions whose objects are recipients (a reciprocal entry's: other parties); the loader
    #: fills in the language's defaults (``words.default_prepositions``) where the entry names none.
    preps: frozenset[str] = frozenset()
    weight: float = 0.7
    modal: bool = False
    #: A means of saying something (a letter): an event in what it says replaces it.
    vehicle: bool = False
    #: For a reciprocal entry, the type of the act when one party alone does it: joint military exercises are
    #: COOPERATE, one country's own are MOBILIZE (PLOVER manual); None keeps the entry's type.
    alone: EventType | None = None
    #: Coded only when its doer is a known actor: "the new law targets oligarchs" is no attack.
    needs_actor: bool = False
    #: (sector, type, mode) triples: the act's type and mode when all its doers are of that PLOVER sector ("the
    #: police raided the offices" is a COERCE 'seize', an army's raid an ASSAULT).
    by_sector: tuple[tuple[str, EventType, str | None], ...] = ()
    #: A noun that, made definite ("the killing", "this attack", "Smith's murder"), names an act the reader
    #: already knows of (told before, or background), not a new one.
    told_when_definite: bool = False
    #: Coded only between two parties or more: one party alone ("the senator discussed her role", "Congress
    #: debated the bill") talks about a topic and consults no one; one who visits a place that is no party
    #: ("visited Kenosha") makes a trip and meets no one.
    needs_partner: bool = False


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists of the lexicon's ``words`` object, one field per list (lower case; see each
    list's description in ``events.json``)."""

    trigger_scene_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    example_words: frozenset[str]
    group_words: frozenset[str]
    crowd_nouns: frozenset[str]
    default_prepositions: frozenset[str]
    reciprocal_prepositions: frozenset[str]
    reported_self_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    not_parties: frozenset[str]
    not_party_nouns: frozenset[str]
    instruments: frozenset[str]
    instrument_prepositions: frozenset[str]
    partner_prepositions: frozenset[str]
    message_nouns: frozenset[str]
    answer_nouns: frozenset[str]
    response_prepositions: frozenset[str]
    answered_prepositions: frozenset[str]
    cause_prepositions: frozenset[str]
    among_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    object_prepositions: frozenset[str]
    setting_prepositions: frozenset[str]
    purpose_prepositions: frozenset[str]
    travel_verbs: frozenset[str]
    joint_words: frozenset[str]
    verbal_attack_words: frozenset[str]
    said_things: frozenset[str]
    owned_things: frozenset[str]
    verbal_channels: frozenset[str]
    answerable_words: frozenset[str]
    answerable_prepositions: frozenset[str]
    support_auxiliaries: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    perfect_contractions: frozenset[str]
    done_prepositions: frozenset[str]
    future_in_past_auxiliaries: frozenset[str]
    content_verbs: frozenset[str]
    planning_words: frozenset[str]
    planned_adjectives: frozenset[str]
    failing_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    inverted_conditionals: frozenset[str]
    question_marks: frozenset[str]
    provision_nouns: frozenset[str]
    provision_verbs: frozenset[str]
    temporal_marks: frozenset[str]
    negative_determiners: frozenset[str]
    copulas: frozenset[str]
    ahead_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]
    partitive_prepositions: frozenset[str]
    here_words: frozenset[str]
    place_relatives: frozenset[str]
    visiting_verbs: frozenset[str]
    seat_offices: frozenset[str]
    former_words: frozenset[str]
    local_government_words: frozenset[str]
    #: Matched as written, not lower-cased: "(AP)", "--".
    dateline_marks: frozenset[str]
    condition_marks: frozenset[str]
    infinitive_markers: frozenset[str]
    located_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    phrase_scene_prepositions: frozenset[str]
    preconjunctions: frozenset[str]
    time_nouns: frozenset[str]
    name_prepositions: frozenset[str]
    naming_verbs: frozenset[str]
    naming_prepositions: frozenset[str]
    speech_verbs: frozenset[str]
    praise_words: frozenset[str]
    blame_words: frozenset[str]
    announcing_verbs: frozenset[str]
    averting_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    means_prepositions: frozenset[str]
    topic_prepositions: frozenset[str]
    unreal_adjectives: frozenset[str]
    receiving_verbs: frozenset[str]
    control_verbs: frozenset[str]
    deferral_prepositions: frozenset[str]
    owning_participles: frozenset[str]
    object_pronouns: frozenset[str]
    claiming_verbs: frozenset[str]
    simultaneous_marks: frozenset[str]
    source_prepositions: frozenset[str]
    accident_subjects: frozenset[str]
    obstacles: frozenset[str]
    body_pronouns: frozenset[str]
    responsibility_nouns: frozenset[str]
    accusation_nouns: frozenset[str]
    attributing_verbs: frozenset[str]
    perpetrator_nouns: frozenset[str]
    wrong_verbs: frozenset[str]
    wrong_deeds: frozenset[str]
    guilt_words: frozenset[str]
    collective_nouns: frozenset[str]
    generic_determiners: frozenset[str]
    appearance_nouns: frozenset[str]
    appearance_modifiers: frozenset[str]
    personal_gatherings: frozenset[str]
    holding_verbs: frozenset[str]
    indefinite_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    causative_verbs: frozenset[str]
    attempting_verbs: frozenset[str]
    undergoing_verbs: frozenset[str]
    patient_possessor_nouns: frozenset[str]
    doer_of_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    verb_endings: frozenset[str]
    verb_stem_restorations: frozenset[str]
    thing_pronouns: frozenset[str]
    promising_verbs: frozenset[str]
    negative_conjunctions: frozenset[str]
    deferral_adverbs: frozenset[str]
    inability_auxiliaries: frozenset[str]
    person_pronouns: frozenset[str]
    warning_words: frozenset[str]
    first_person_pronouns: frozenset[str]
    facing_verbs: frozenset[str]
    future_verbs: frozenset[str]
    supposing_determiners: frozenset[str]
    consequence_nouns: frozenset[str]
    body_nouns: frozenset[str]
    arriving_verbs: frozenset[str]
    origin_prepositions: frozenset[str]
    making_verbs: frozenset[str]
    any_act_nouns: frozenset[str]
    intention_nouns: frozenset[str]
    occasion_prepositions: frozenset[str]


#: Lists of :class:`Words` matched as written rather than lower-cased.
_VERBATIM = frozenset({"dateline_marks"})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Entries indexed by ``(lemma, pos)``; entries with ``with`` come first; the lemmas of light
    verbs, whose event nouns say what was done ("carried out a cyber attack"); the word lists; the
    language resources it was loaded from (the times vocabulary a title's month is read with)."""

    version: str
    index: dict[tuple[str, str], tuple[Entry, ...]]
    words: Words
    light: frozenset[str] = frozenset()
    resources: Resources | None = None
    #: Per noun of an act, the lemmas of the verbs whose acts it names (``act_nouns``: "the decision": "decide").
    act_verbs: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @functools.cached_property
    def nouns(self) -> frozenset[str]:
        """Lemmas of nominal triggers: objects that carry their own parties ("the seizure of X")."""
        return frozenset(lemma for lemma, pos in self.index if pos == "noun")

    @functools.cached_property
    def family_verbs(self) -> frozenset[str]:
        """Lemmas of the verbs whose acts a noun of ``act_nouns`` names ("decide": "the decision")."""
        return frozenset().union(*self.act_verbs.values())

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.index.values())


def _fail(source: str, where: str, problem: str) -> ResourceError:
    return ResourceError(
        f"event lexicon {source}: {where}: {problem}; fix the entry (see 'fields' in the built-in lexicon)"
    )


def _words(raw: dict[str, Any], key: str, source: str, where: str) -> frozenset[str]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(source, where, f"{key!r} must be a word or a list of words")
    return frozenset(v.lower() for v in value)


def _entries(raw: Any, source: str, where: str, words: Words) -> list[Entry | tuple[str, str, frozenset[str]]]:
    """Validate one raw entry; a removal comes back as its key."""
    if not isinstance(raw, dict):
        raise _fail(source, where, "an entry must be an object")
    unknown = set(raw) - _KEYS
    if unknown:
        raise _fail(source, where, f"unknown field(s) {sorted(unknown)}")
    lemmas = sorted(_words(raw, "lemma", source, where))
    pos = raw.get("pos")
    if not lemmas or pos not in _POS:
        raise _fail(source, where, f"needs 'lemma' and 'pos' in {_POS}")
    with_ = _words(raw, "with", source, where)
    event_type = raw.get("type")
    if event_type is None:
        return [(lemma, pos, with_) for lemma in lemmas]
    if event_type not in EVENT_TYPES:
        raise _fail(source, where, f"type {event_type!r} is not a PLOVER type ({', '.join(EVENT_TYPES)})")
    obj = raw.get("object", "recipient")
    weight = raw.get("weight", DEFAULT_WEIGHT[pos] + (WITH_BONUS if with_ else 0.0))
    if obj not in _OBJECTS or not isinstance(weight, int | float) or not 0 < weight <= 1:
        raise _fail(source, where, f"'object' must be one of {_OBJECTS} and 'weight' in (0, 1]")
    reciprocal = bool(raw.get("reciprocal", False))
    alone = raw.get("alone")
    by_sector = _by_sector(raw.get("by_sector", {}), source, where)
    if alone is not None and (alone not in EVENT_TYPES or not reciprocal):
        raise _fail(source, where, f"'alone' must be a PLOVER type of a reciprocal entry, not {alone!r}")
    needs_partner = bool(raw.get("needs_partner", False))
    # "met with X"; "sanctions on X", "aid to X"
    default = words.reciprocal_prepositions if reciprocal else words.default_prepositions
    preps = _words(raw, "preps", source, where) if "preps" in raw else default
    mode = raw.get("mode")
    return [
        Entry(lemma, pos, event_type, mode if isinstance(mode, str) else None, with_,
              _words(raw, "without", source, where), frozenset(_words(raw, "tags", source, where)),
              obj, reciprocal, preps, float(weight), bool(raw.get("modal", False)),
              bool(raw.get("vehicle", False)), alone, bool(raw.get("needs_actor", False)), by_sector,
              bool(raw.get("told_when_definite", False)), needs_partner)
        for lemma in lemmas
    ]


def _by_sector(raw: Any, source: str, where: str) -> tuple[tuple[str, EventType, str | None], ...]:
    """An entry's ``by_sector`` object ({"COP": {"type": "COERCE", "mode": "seize"}}) as triples."""
    rows = raw.items() if isinstance(raw, dict) else None
    if rows is None or not all(isinstance(v, dict) and v.get("type") in EVENT_TYPES for _, v in rows):
        raise _fail(source, where, "'by_sector' must map a PLOVER sector to an object with a PLOVER 'type'")
    return tuple((str(sector), v["type"], v.get("mode")) for sector, v in rows)


def _entry_list(data: dict[str, Any], source: str) -> list[Any]:
    if not isinstance(data.get("entries"), list):
        raise ResourceError(f"event lexicon {source} must be an object with an 'entries' list; fix the file")
    return list(data["entries"])


def _light_verbs(data: dict[str, Any], source: str) -> frozenset[str]:
    value = data.get("light_verbs", [])
    if not is_strings(value, nonempty=True):
        raise ResourceError(f"event lexicon {source}: 'light_verbs' must be a list of verb lemmas; fix the file")
    return frozenset(v.strip().lower() for v in value)


def _act_verbs(data: dict[str, Any], source: str) -> dict[str, frozenset[str]]:
    """The ``act_nouns`` object: per noun of an act, the verb lemmas whose acts it names."""
    raw = data.get("act_nouns", {})
    if not isinstance(raw, dict) or not all(isinstance(k, str) and is_strings(v, nonempty=True)
                                            for k, v in raw.items()):
        raise ResourceError(f"event lexicon {source}: 'act_nouns' must map each noun to a list of verb lemmas; "
                            "fix the file")
    return {noun.strip().lower(): frozenset(v.strip().lower() for v in verbs) for noun, verbs in raw.items()}


def _word_lists(data: dict[str, Any], source: str) -> Words:
    """The ``words`` object: every list :class:`Words` names, each with a description and its words."""
    raw = data.get("words")
    names = {f.name for f in fields(Words)}
    if not isinstance(raw, dict) or set(raw) != names:
        unknown, missing = sorted(set(raw or ()) - names), sorted(names - set(raw or ()))
        raise ResourceError(f"event lexicon {source}: 'words' must be an object of the lists {sorted(names)} "
                            f"(unknown: {unknown}, missing: {missing}); fix the file")
    lists: dict[str, frozenset[str]] = {}
    for name, item in raw.items():
        words = item.get("words") if isinstance(item, dict) else None
        description = item.get("description") if isinstance(item, dict) else None
        if not isinstance(description, str) or not description.strip() or not is_strings(words, nonempty=True):
            raise ResourceError(f"event lexicon {source}: words.{name} needs a 'description' and a list of "
                                "'words'; fix the file")
        lists[name] = frozenset(words if name in _VERBATIM else (w.strip().lower() for w in words))
    return Words(**lists)


@functools.cache
def load_lexicon(res: Resources) -> Lexicon:
    """The language's lexicon, with the entries of the user's file merged over it (a later entry wins)."""
    builtin = res.packaged("events", SUPPORTED_MAJOR)
    version = str(builtin["version"])
    where = res.where("events")
    words = _word_lists(res.data("events", SUPPORTED_MAJOR), where)
    sources = [(where, _entry_list(builtin, where))]
    light, acts = _light_verbs(builtin, where), _act_verbs(builtin, where)
    user_path = res.user_file("events")
    if user_path:
        user = read_user(Path(user_path), "event lexicon", "events")
        version = f"{version}+{user.get('version', '0')}"
        sources.append((user_path, _entry_list({"entries": [], **user}, user_path)))
        light |= _light_verbs(user, user_path)
        acts = {**acts, **{n: acts.get(n, frozenset()) | v for n, v in _act_verbs(user, user_path).items()}}
    merged: dict[tuple[str, str, frozenset[str]], Entry] = {}
    for source, entries in sources:
        for number, raw in enumerate(entries):
            for item in _entries(raw, source, f"entry {number}", words):
                if isinstance(item, Entry):
                    merged[(item.lemma, item.pos, item.with_)] = item
                else:
                    merged.pop(item, None)
    index: dict[tuple[str, str], list[Entry]] = {}
    for entry in merged.values():
        index.setdefault((entry.lemma, entry.pos), []).append(entry)
    return Lexicon(version, {key: tuple(sorted(v, key=lambda e: not e.with_)) for key, v in index.items()}, words,
                   light, res, acts)


@functools.cache
def lemma_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids spaCy gives ``words`` as lemmas (``Token.lemma``): a sentence's tokens are screened by them
    without reading each token's lemma text."""
    return frozenset(get_string_id(w) for w in words)
