"""The actor dictionaries: loading, validation and the lookup tables built from them (whose records live in
:mod:`dateline.actors._lookup`).

Five JSON files hold the knowledge: the language's words for countries, for
generic agents and titles, and the grammatical and title words the passes read
(``dateline/lang/<code>/countries.json``, ``agents.json`` and ``actors.json``,
whose ``keys`` describe each of its keys), and the organizations and people
with their terms in office (``dateline/data/actors/organizations.json`` and
``people.json``); each has a ``version`` and a ``description``. A user file
given as the ``actors`` lexicon (same shape, any subset of the keys
``countries``, ``organizations``, ``people``, ``agents``, ``titles``,
``institutions`` and those of ``actors.json``) is merged over them: an entry
with the same key (ISO-3 code or name) replaces the built-in one, others are
added.

Everything loads lazily, once per process and language (:func:`load_lexicon`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

from dateline._data import DESCRIBED, check_described, is_strings, merge, packaged, read_user
from dateline.actors._lookup import Country, Hit, HitKind, Lexicon, Org, Person, Role
from dateline.actors._names import parse_heads
from dateline.actors._offices import parse_offices
from dateline.actors._words import normalize, parse_words
from dateline.errors import ResourceError
from dateline.lang import Resources

__all__ = [
    "Country",
    "Hit",
    "Lexicon",
    "Org",
    "Person",
    "Role",
    "load_lexicon",
]

#: Major version of the data file format this code reads.
SUPPORTED_MAJOR = "1"

#: The language's files (under ``lang/<code>/``) and the knowledge base's (under ``data/actors/``).
LANGUAGE_FILES = ("countries", "agents", "actors")
KB_FILES = ("organizations", "people")
SECTION_KEYS = {"countries": "iso3", "organizations": "name", "people": "name"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: The other names of a country in countries.json, each under its plural as key ("demonyms").
_COUNTRY_NAME_KINDS: tuple[HitKind, ...] = ("demonym", "capital", "metonym")


def _fail(source: str, what: str) -> ResourceError:
    return ResourceError(f"actor dictionary {source}: {what}; fix the file, or stop merging it if it is yours")


def _parse_date(value: Any, source: str, where: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise _fail(source, f"{where}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise _fail(source, f"{where}: date {value!r}: {exc}") from exc


def _strings(entry: dict[str, Any], key: str, source: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if not is_strings(value, nonempty=True):
        raise _fail(source, f"{where}: '{key}' must be a list of non-empty strings")
    return value


def _need(entry: Any, keys: tuple[str, ...], source: str, where: str) -> None:
    if not isinstance(entry, dict):
        raise _fail(source, f"{where}: expected an object, got {type(entry).__name__}")
    for key in keys:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _fail(source, f"{where}: missing or empty '{key}'")


def _builtin(res: Resources) -> dict[str, Any]:
    merged: dict[str, Any] = {"versions": {}}
    files = [(f"{name}.json", res.packaged(name, SUPPORTED_MAJOR)) for name in LANGUAGE_FILES]
    files += [(f"{name}.json", packaged(f"actors/{name}.json", "actor dictionary", SUPPORTED_MAJOR))
              for name in KB_FILES]
    for name, data in files:
        if not isinstance(data.get("description"), str):
            raise _fail(name, "missing 'description'")
        if DESCRIBED in data:
            check_described(data, res.where(name.removesuffix(".json")))
        merged["versions"][name] = str(data["version"])
        for key, value in data.items():
            if key not in ("version", "description", DESCRIBED):
                merged[key] = value
    return merged


def _add_countries(lex: Lexicon, entries: Any, source: str) -> None:
    for i, entry in enumerate(entries):
        where = f"countries[{i}]"
        _need(entry, ("iso3", "name", "adjective"), source, where)
        if not re.fullmatch(r"[A-Z]{3}", entry["iso3"]):
            raise _fail(source, f"{where}: iso3 {entry['iso3']!r} is not three capital letters")
        country = Country(entry["iso3"], entry["name"], entry["adjective"])
        lex.countries[country.iso3] = country
        lex.add(country.name, Hit("country", country))
        for alias in _strings(entry, "aliases", source, where):
            lex.add(alias, Hit("country", country))
        for kind in _COUNTRY_NAME_KINDS:
            for surface in _strings(entry, kind + "s", source, where):
                lex.add(surface, Hit(kind, country))


def _known_country(lex: Lexicon, code: Any, source: str, where: str) -> None:
    if code != "IGO" and code not in lex.countries:
        raise _fail(source, f"{where}: country {code!r} is neither 'IGO' nor an ISO-3 code in 'countries'")


def _add_orgs(lex: Lexicon, entries: Any, source: str) -> None:
    for i, entry in enumerate(entries):
        where = f"organizations[{i}]"
        _need(entry, ("name", "kind"), source, where)
        if entry["kind"] not in ("organization", "group", "other"):
            raise _fail(source, f"{where}: kind {entry['kind']!r} is not organization, group or other")
        sector = entry.get("sector")
        if sector is not None and sector not in lex.sectors:
            raise _fail(source, f"{where}: unknown sector {sector!r}; add it to 'sectors'")
        if entry.get("country") is not None:
            _known_country(lex, entry["country"], source, where)
        org = Org(entry["name"], entry["kind"], entry.get("country"), sector, entry.get("wikidata"))
        lex.curated.update(n for n in (org.name, org.wikidata) if n)
        for surface in [org.name, *_strings(entry, "aliases", source, where)]:
            lex.add(surface, Hit("org", org))


def _roles(entry: dict[str, Any], lex: Lexicon, source: str, where: str) -> tuple[Role, ...]:
    roles = entry.get("roles")
    if not isinstance(roles, list) or not roles:
        raise _fail(source, f"{where}: 'roles' must be a non-empty list")
    out = []
    for j, role in enumerate(roles):
        at = f"{where}.roles[{j}]"
        _need(role, ("country", "sector", "title", "start"), source, at)
        if role["sector"] not in lex.sectors:
            raise _fail(source, f"{at}: unknown sector {role['sector']!r}")
        _known_country(lex, role["country"], source, at)
        start = _parse_date(role["start"], source, at)
        assert start is not None
        end = _parse_date(role.get("end"), source, at)
        if end is not None and end < start:
            raise _fail(source, f"{at}: end {role['end']} is before start {role['start']}")
        out.append(Role(role["country"], role["sector"], role["title"], start, end))
    return tuple(out)


def _add_people(lex: Lexicon, entries: Any, source: str) -> None:
    for i, entry in enumerate(entries):
        where = f"people[{i}]"
        _need(entry, ("name",), source, where)
        gender = entry.get("gender")
        if gender not in (None, "m", "f"):
            raise _fail(source, f"{where}: gender {gender!r} is not 'm', 'f' or null")
        person = Person(entry["name"], _roles(entry, lex, source, where), gender, entry.get("wikidata"))
        lex.people.append(person)
        lex.curated.update(n for n in (person.name, person.wikidata) if n)
        lex.add(person.name, Hit("person", person))
        for alias in _strings(entry, "aliases", source, where):
            lex.add(alias, Hit("person", person, surname=" " not in alias.strip()))


def _add_words(table: dict[str, Any], entries: Any, lex: Lexicon, source: str, section: str) -> None:
    if not isinstance(entries, list):
        raise _fail(source, f"'{section}' must be a list")
    for i, entry in enumerate(entries):
        where = f"{section}[{i}]"
        _need(entry, ("sector",), source, where)
        if entry["sector"] not in lex.sectors:
            raise _fail(source, f"{where}: unknown sector {entry['sector']!r}")
        flags = {flag: entry.get(flag, False) for flag in ("modifier_only", "counted", "party", "anaphoric",
                                                           "plain_words", "named")}
        if not all(isinstance(v, bool) for v in flags.values()):
            raise _fail(source, f"{where}: 'modifier_only', 'counted', 'party', 'anaphoric', 'plain_words' and 'named' "
                                "must be true or false")
        modifier_only = flags["modifier_only"]
        if section == "agents" and isinstance(entry.get("label"), str):
            lex.sector_labels.setdefault(entry["sector"], entry["label"])
        for word in _strings(entry, "words", source, where):
            key = normalize(word).lower()
            label = entry.get("label") or key
            table[key] = (entry["sector"], label, modifier_only) if section == "agents" else entry["sector"]
            if section == "agents" and flags["counted"] and not flags["party"]:
                lex.counted.add(key)
            if section == "agents" and flags["counted"] and flags["party"]:
                lex.counted_parties.add(key)
            if section == "agents" and flags["anaphoric"]:
                lex.anaphoric.add(key)
            if flags["plain_words"]:
                lex.plain_phrases.add(key)
            if section == "agents" and flags["named"]:
                lex.named_kinds.add(key)


def _add_role_nouns(lex: Lexicon, entries: Any) -> None:
    """PLOVER's role nouns: titles of persons ("Voter Kitty Mak") and, in the plural with a country or an
    organization before them, group actors ("Polish farmers"); the curated titles and agents win."""
    if not isinstance(entries, list):
        raise _fail("agents", "'role_nouns' must be a list")
    for i, entry in enumerate(entries):
        where = f"role_nouns[{i}]"
        _need(entry, ("sector",), "agents", where)
        if entry["sector"] not in lex.sectors:
            raise _fail("agents", f"{where}: unknown sector {entry['sector']!r}")
        for word in _strings(entry, "words", "agents", where):
            key = normalize(word).lower()
            if key not in lex.titles:
                lex.role_titles.setdefault(key, entry["sector"])
            many = lex.words.plural(key)
            lex.agents.setdefault(many, (entry["sector"], many, True))


def build_lexicon(data: dict[str, Any]) -> Lexicon:
    """Validate merged dictionary data and build the lookup tables."""
    lex = Lexicon(parse_words(data), versions=dict(data.get("versions", {})))
    sectors = data.get("sectors")
    if not isinstance(sectors, dict) or not sectors:
        raise _fail("agents.json", "'sectors' must be a non-empty object")
    lex.sectors = {str(k): str(v) for k, v in sectors.items()}
    if unknown := sorted({s for s in lex.words.relation_nouns.values() if s is not None} - set(lex.sectors)):
        raise _fail("actors", f"'relation_nouns': unknown sector(s) {', '.join(unknown)}")
    _add_countries(lex, data.get("countries", []), "countries")
    _add_orgs(lex, data.get("organizations", []), "organizations")
    _add_people(lex, data.get("people", []), "people")
    _add_words(lex.agents, data.get("agents", []), lex, "agents", "agents")
    _add_words(lex.titles, data.get("titles", []), lex, "agents", "titles")
    _add_words(lex.institutions, data.get("institutions", []), lex, "agents", "institutions")
    for table in (lex.agents, lex.titles, lex.institutions):  # the curated words only, not PLOVER's many
        lex.role_words.update(word for phrase in table if phrase not in lex.plain_phrases for word in phrase.split())
    _add_role_nouns(lex, data.get("role_nouns", []))
    lex.not_actors = {normalize(w) for w in _strings(data, "not_actors", "agents", "not_actors")}
    lex.not_groups = frozenset(normalize(w).lower() for w in _strings(data, "not_groups", "agents", "not_groups"))
    countries = frozenset(c.name for c in lex.countries.values()) | {
        name for entry in data.get("countries", []) for key in ("aliases", "capitals") for name in entry.get(key, ())}
    lex.heads = parse_heads(data.get("organization_heads", []), lex.words.name_prepositions, countries)
    lex.offices = parse_offices(data.get("offices", []), {"subordinate_words": sorted(lex.words.subordinate_words)})
    return lex


@functools.cache
def load_lexicon(res: Resources) -> Lexicon:
    """The dictionaries of the language, built once per process (and per user file merged over them)."""
    data = _builtin(res)
    user_path = res.user_file("actors")
    if user_path:
        extra = read_user(Path(user_path), "actor dictionary", "actors")
        data = merge(data, {k: v for k, v in extra.items() if k != "versions"}, f"actor dictionary {user_path}",
                     SECTION_KEYS)
        data["versions"][user_path] = str(extra.get("version", "user"))
    lex = build_lexicon(data)
    from dateline.actors._kb import load_kb

    lex.kb = load_kb()
    for word, length in (lex.kb.first_words if lex.kb is not None else {}).items():
        if length > lex.first_words.get(word, 0):  # one table for the name scan: the dictionaries' and the kb's
            lex.first_words[word] = length
    lex.prefixes = sorted(set(lex.phrases) | (set(lex.kb.names) if lex.kb is not None else set()))
    return lex
