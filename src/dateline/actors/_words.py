"""The words of a language the actor passes read: pronouns, grammatical words, title words, name patterns.

They come from ``dateline/lang/<code>/actors.json`` (each key described under
its ``keys``), merged with the other actor dictionaries and a user's
``actors`` file by :mod:`dateline.actors._lexicon`, which checks them here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from dateline._data import is_strings
from dateline.errors import ResourceError

__all__ = ["Gender", "Words", "normalize", "parse_words"]

Gender = Literal["m", "f"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize(text: str) -> str:
    """The lookup key of a surface form: straight apostrophes, single spaces."""
    return " ".join(text.translate(_APOSTROPHES).split())


@dataclass(frozen=True)
class Words:
    """The language's words the actor passes read (``lang/<code>/actors.json``; see its ``keys``).

    Word lists compared with lower-case tokens are lower case; possessives and
    quotation marks are kept as written.
    """

    pronouns: Mapping[str, Gender]
    possessive_pronouns: frozenset[str]
    gendered_titles: Mapping[str, Gender]
    government_words: frozenset[str]
    bare_government_words: frozenset[str]
    bare_official_words: frozenset[str]
    generic_titles: Mapping[str, tuple[str, ...]]
    subordinate_words: frozenset[str]
    former_words: frozenset[str]
    #: the former words that say the holder has died ("the late Senator"): the office's sector, no elite
    deceased_words: frozenset[str]
    former_title: str
    group_name: str
    locative_prepositions: frozenset[str]
    determiners: frozenset[str]
    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    country_prepositions: frozenset[str]
    rank_prepositions: frozenset[str]
    possessives: frozenset[str]
    not_title_words: frozenset[str]
    headline_words: frozenset[str]
    opening_quotes: frozenset[str]
    closing_quotes: frozenset[str]
    name_suffixes: frozenset[str]
    honorifics: frozenset[str]
    #: the honorifics without their final dots ('dr' for 'Dr.'), for a word read without its own
    bare_honorifics: frozenset[str]
    name_particles: frozenset[str]
    name_prepositions: frozenset[str]
    plural_endings: tuple[tuple[str, str], ...]
    position_words: frozenset[str]
    candidacy_words: frozenset[str]
    candidate_nouns: frozenset[str]
    candidacy_offices: frozenset[str]
    candidacy_prepositions: frozenset[str]
    not_candidate_modifiers: frozenset[str]
    running_verbs: frozenset[str]
    race_prepositions: frozenset[str]
    ticket_nouns: frozenset[str]
    ticket_prepositions: frozenset[str]
    relative_pronouns: frozenset[str]
    not_actor_heads: frozenset[str]
    #: lower-case word sequences that open a credit or copyright line
    credit_openings: tuple[tuple[str, ...], ...]
    #: capitalized words that label a picture's credit before a colon ("Image: Jane Roe")
    credit_labels: frozenset[str]
    vessel_prefixes: frozenset[str]
    #: vessel prefixes that are also words or initials of their own ("MV", "RV"): a title after one is a person's
    vessel_prefix_words: frozenset[str]
    motion_verbs: frozenset[str]
    destination_prepositions: frozenset[str]
    kin_words: frozenset[str]
    #: the kin words of a household (spouses, children, parents): a leader's household is an elite
    household_kin_words: frozenset[str]
    #: a person's people named by their tie ("his lawyers", "her family"): noun -> PLOVER sector
    relation_nouns: Mapping[str, str | None]
    #: nouns a body is named by again after its name ("the company", "the agency") -> the sectors of the bodies
    #: they may stand for without a name of theirs (empty: only a body whose name ends in the noun)
    later_mention_nouns: Mapping[str, frozenset[str]]
    #: the same read the other way: PLOVER sector -> the later-mention nouns that may stand for its bodies
    later_mention_sectors: Mapping[str, tuple[str, ...]]
    #: later-mention nouns that name a building too ("the hospital"): the body only as a subject or an owner
    building_nouns: frozenset[str]
    person_nouns: frozenset[str]
    not_person_openings: frozenset[str]
    not_person_endings: frozenset[str]
    product_nouns: frozenset[str]
    leading_conjunctions: frozenset[str]
    crime_verbs: frozenset[str]
    custody_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    medium_verbs: frozenset[str]
    medium_prepositions: frozenset[str]
    charge_nouns: frozenset[str]
    suspect_nouns: frozenset[str]
    unnamed_person_nouns: frozenset[str]
    source_words: frozenset[str]
    #: nouns of what passes between parties, and the prepositions that join a party to one ("an interview
    #: with Forbes"): the party takes part in an act
    exchange_nouns: frozenset[str]
    exchange_prepositions: frozenset[str]
    affiliation_prepositions: frozenset[str]
    #: verbs of a relative clause on a name whose object is the person's organization ("who heads the X")
    heading_verbs: frozenset[str]
    listing_words: frozenset[str]
    role_prepositions: frozenset[str]
    #: titles that give a person's country and no sector ("Libyan national Jane Roe")
    nationality_nouns: frozenset[str]
    #: nouns of money a country's name or people's adjective may name ("US dollars"): no actor
    currency_nouns: frozenset[str]
    count_words: frozenset[str]
    homeland_nouns: frozenset[str]
    doer_nouns: frozenset[str]
    count_excluding_heads: frozenset[str]
    agent_descriptors: frozenset[str]
    generic_body_names: frozenset[str]
    division_nouns: frozenset[str]
    #: nouns of towns before 'of' and a town's name ('the city of Seattle')
    town_nouns: frozenset[str]
    division_prepositions: frozenset[str]
    copula_lemmas: frozenset[str]
    #: plural role nouns that also name places ("states", "hospitals"): no group where they stand as one
    place_nouns: frozenset[str]
    #: an agent noun with the word before or after it that names a thing or an act ("social media")
    not_agent_phrases: frozenset[str]
    #: nouns of works and craft: a name in apposition to one names the work ("his film, Fall of Grace")
    work_nouns: frozenset[str]
    #: nouns of a body of no particular kind: a name modifying one names the body ("a Black Lives Matter group")
    body_nouns: frozenset[str]
    #: institution words that name a building too ("palace"): the body only as a verb's subject
    seat_nouns: frozenset[str]
    #: nouns of a private person that, indefinite and a verb's party, introduce someone never named
    unnamed_party_nouns: frozenset[str]
    #: names of software, devices and medicines, and the last words of such names ("CAOS Linux"): never actors
    product_names: frozenset[str]
    product_name_endings: frozenset[str]
    #: services their company's name names too ("Instagram"): no actor where named only as a medium or a venue
    platform_names: frozenset[str]
    platform_prepositions: frozenset[str]
    #: verbs whose object is used as a tool ("use IRC", "took paracetamol")
    tool_verbs: frozenset[str]

    def former(self, title: str) -> str:
        """The title of an office held no longer ("former President")."""
        return self.former_title.format(title=title)

    def plural(self, noun: str) -> str:
        """The plural of a noun phrase's last word by the first ending that fits ("farmer" -> "farmers")."""
        for ending, replacement in self.plural_endings:
            if noun.endswith(ending):
                return noun[: len(noun) - len(ending)] + replacement
        return noun

    def group(self, adjective: str, label: str) -> str:
        """The name of a country's group or institution ("Russian military")."""
        return self.group_name.format(adjective=adjective, label=label)


def _need_key(data: dict[str, Any], key: str) -> Any:
    if key not in data:
        raise _fail(f"missing '{key}' (see the keys of dateline/lang/<code>/actors.json)")
    return data[key]


def _lower_words(data: dict[str, Any], key: str) -> frozenset[str]:
    _need_key(data, key)
    return frozenset(w.strip().lower() for w in _strings(data, key))


def _marks(data: dict[str, Any], key: str) -> frozenset[str]:
    _need_key(data, key)
    return frozenset(_strings(data, key))


def _genders(data: dict[str, Any], key: str) -> dict[str, Gender]:
    table = _need_key(data, key)
    if not isinstance(table, dict) or not all(g in ("m", "f") for g in table.values()):
        raise _fail(f"'{key}' must map words to 'm' or 'f'")
    return {normalize(word).lower(): gender for word, gender in table.items()}


def _sector_table(data: dict[str, Any], key: str) -> dict[str, str | None]:
    """Words -> PLOVER sector codes; null: the sector of the person the word is said of."""
    table = _need_key(data, key)
    if not isinstance(table, dict) or not all(s is None or (isinstance(s, str) and s) for s in table.values()):
        raise _fail(f"'{key}' must map words to PLOVER sector codes or null")
    return {normalize(word).lower(): sector for word, sector in table.items()}


def _sector_lists(data: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    """Words -> lists of PLOVER sector codes (possibly empty)."""
    table = _need_key(data, key)
    if not isinstance(table, dict) or not all(isinstance(s, list) and all(isinstance(c, str) and c for c in s)
                                              for s in table.values()):
        raise _fail(f"'{key}' must map words to lists of PLOVER sector codes")
    return {" ".join(normalize(word).lower().split()): frozenset(sectors) for word, sectors in table.items()}


def _template(data: dict[str, Any], key: str, *fields: str) -> str:
    value = _need_key(data, key)
    try:
        ok = isinstance(value, str) and all(f"{{{f}}}" in value for f in fields)
        ok = ok and bool(str(value).format(**dict.fromkeys(fields, "x")))
    except (KeyError, IndexError, ValueError):
        ok = False
    if not ok:
        wanted = ", ".join("{" + f + "}" for f in fields)
        raise _fail(f"'{key}' must be a text with {wanted} and no other fields")
    return str(value)


def parse_words(data: dict[str, Any]) -> Words:
    """The passes' words from the merged actor data (the keys of ``actors.json``), checked."""
    generic = _need_key(data, "generic_titles")
    if not isinstance(generic, dict) or not all(is_strings(v, nonempty=True) for v in generic.values()):
        raise _fail("'generic_titles' must map a title to a list of the offices it covers")
    return Words(
        pronouns=_genders(data, "pronouns"),
        possessive_pronouns=_lower_words(data, "possessive_pronouns"),
        gendered_titles=_genders(data, "gendered_titles"),
        government_words=_lower_words(data, "government_words"),
        bare_government_words=_lower_words(data, "bare_government_words"),
        bare_official_words=_lower_words(data, "bare_official_words"),
        generic_titles={k.lower(): tuple(t.lower() for t in v) for k, v in generic.items()},
        subordinate_words=_lower_words(data, "subordinate_words"),
        former_words=_lower_words(data, "former_words"),
        deceased_words=_lower_words(data, "deceased_words"),
        former_title=_template(data, "former_title", "title"),
        group_name=_template(data, "group_name", "adjective", "label"),
        locative_prepositions=_lower_words(data, "locative_prepositions"),
        determiners=_lower_words(data, "determiners"),
        definite_articles=_lower_words(data, "definite_articles"),
        indefinite_articles=_lower_words(data, "indefinite_articles"),
        country_prepositions=_lower_words(data, "country_prepositions"),
        rank_prepositions=_lower_words(data, "rank_prepositions"),
        possessives=_marks(data, "possessives"),
        not_title_words=_lower_words(data, "not_title_words"),
        headline_words=_lower_words(data, "headline_words"),
        opening_quotes=_marks(data, "opening_quotes"),
        closing_quotes=_marks(data, "closing_quotes"),
        name_suffixes=_lower_words(data, "name_suffixes"),
        honorifics=_lower_words(data, "honorifics"),
        bare_honorifics=frozenset(w.rstrip(".") for w in _lower_words(data, "honorifics")),
        name_particles=_lower_words(data, "name_particles"),
        name_prepositions=_lower_words(data, "name_prepositions"),
        plural_endings=_endings(data, "plural_endings"),
        position_words=_lower_words(data, "position_words"),
        candidacy_words=_lower_words(data, "candidacy_words"),
        candidate_nouns=_lower_words(data, "candidate_nouns"),
        candidacy_offices=_lower_words(data, "candidacy_offices"),
        candidacy_prepositions=_lower_words(data, "candidacy_prepositions"),
        not_candidate_modifiers=_lower_words(data, "not_candidate_modifiers"),
        running_verbs=_lower_words(data, "running_verbs"),
        race_prepositions=_lower_words(data, "race_prepositions"),
        ticket_nouns=_lower_words(data, "ticket_nouns"),
        ticket_prepositions=_lower_words(data, "ticket_prepositions"),
        relative_pronouns=_lower_words(data, "relative_pronouns"),
        not_actor_heads=_lower_words(data, "not_actor_heads"),
        credit_openings=tuple(sorted({tuple(w.split()) for w in _lower_words(data, "credit_openings")}, key=len,
                                     reverse=True)),
        credit_labels=_marks(data, "credit_labels"),
        vessel_prefixes=_marks(data, "vessel_prefixes"),
        vessel_prefix_words=_marks(data, "vessel_prefix_words"),
        motion_verbs=_lower_words(data, "motion_verbs"),
        destination_prepositions=_lower_words(data, "destination_prepositions"),
        kin_words=_lower_words(data, "kin_words"),
        household_kin_words=_lower_words(data, "household_kin_words"),
        relation_nouns=_sector_table(data, "relation_nouns"),
        later_mention_nouns=(later := _sector_lists(data, "later_mention_nouns")),
        later_mention_sectors={sector: tuple(n for n, sectors in later.items() if sector in sectors)
                               for sector in set().union(*later.values())},
        building_nouns=_lower_words(data, "building_nouns"),
        person_nouns=_lower_words(data, "person_nouns"),
        not_person_openings=_lower_words(data, "not_person_openings"),
        not_person_endings=_lower_words(data, "not_person_endings"),
        product_nouns=_lower_words(data, "product_nouns"),
        leading_conjunctions=_lower_words(data, "leading_conjunctions"),
        crime_verbs=_lower_words(data, "crime_verbs"),
        custody_verbs=_lower_words(data, "custody_verbs"),
        naming_verbs=_lower_words(data, "naming_verbs"),
        medium_verbs=_lower_words(data, "medium_verbs"),
        medium_prepositions=_lower_words(data, "medium_prepositions"),
        charge_nouns=_lower_words(data, "charge_nouns"),
        suspect_nouns=_lower_words(data, "suspect_nouns"),
        unnamed_person_nouns=_lower_words(data, "unnamed_person_nouns"),
        source_words=_lower_words(data, "source_words"),
        exchange_nouns=_lower_words(data, "exchange_nouns"),
        exchange_prepositions=_lower_words(data, "exchange_prepositions"),
        affiliation_prepositions=_lower_words(data, "affiliation_prepositions"),
        heading_verbs=_lower_words(data, "heading_verbs"),
        listing_words=_lower_words(data, "listing_words"),
        role_prepositions=_lower_words(data, "role_prepositions"),
        nationality_nouns=_lower_words(data, "nationality_nouns"),
        currency_nouns=_lower_words(data, "currency_nouns"),
        count_words=_lower_words(data, "count_words"),
        homeland_nouns=_lower_words(data, "homeland_nouns"),
        doer_nouns=_lower_words(data, "doer_nouns"),
        count_excluding_heads=_lower_words(data, "count_excluding_heads"),
        agent_descriptors=_lower_words(data, "agent_descriptors"),
        generic_body_names=_lower_words(data, "generic_body_names"),
        division_nouns=_lower_words(data, "division_nouns"),
        town_nouns=_lower_words(data, "town_nouns"),
        division_prepositions=_lower_words(data, "division_prepositions"),
        copula_lemmas=_lower_words(data, "copula_lemmas"),
        place_nouns=_lower_words(data, "place_nouns"),
        not_agent_phrases=_lower_words(data, "not_agent_phrases"),
        work_nouns=_lower_words(data, "work_nouns"),
        body_nouns=_lower_words(data, "body_nouns"),
        seat_nouns=_lower_words(data, "seat_nouns"),
        unnamed_party_nouns=_lower_words(data, "unnamed_party_nouns"),
        product_names=_lower_words(data, "product_names"),
        product_name_endings=_lower_words(data, "product_name_endings"),
        platform_names=_lower_words(data, "platform_names"),
        platform_prepositions=_lower_words(data, "platform_prepositions"),
        tool_verbs=_lower_words(data, "tool_verbs"),
    )


def _endings(data: dict[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    value = _need_key(data, key)
    if not (isinstance(value, list) and all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                                            for p in value)):
        raise _fail(f"'{key}' must be a list of [ending, plural ending] pairs")
    return tuple((a, b) for a, b in value)


def _fail(what: str) -> ResourceError:
    return ResourceError(f"actor dictionary actors: {what}; fix the file, or stop merging it if it is yours")


def _strings(data: dict[str, Any], key: str) -> list[str]:
    value = data[key]
    if not is_strings(value, nonempty=True):
        raise _fail(f"'{key}' must be a list of non-empty strings")
    return value
