"""Title-only references: "the U.S. president" -> the person holding that office in the article (or, with a
publication date, in the dictionaries); "a Chinese diplomat" -> the Chinese government."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._agents import GOVERNMENT, country_names, government, owner_before
from dateline.actors._build import Build, Group, Key
from dateline.actors._lexicon import Country, Lexicon, Person, Role
from dateline.actors._mentions import find_agents
from dateline.actors._people import office_title, role_at

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["title_refs_pass"]

#: Most words of a country's name read after a title ("the United Arab Emirates").
MAX_COUNTRY_WORDS = 4


def title_refs_pass(build: Build) -> None:
    """ "the U.S. president" -> the person holding that office; "a Chinese diplomat" -> the Chinese government."""
    doc, day, words = build.doc, build.article.published, build.lex.words
    for tokens, sector in find_agents(build.lowers, build.lex.titles, build.taken, build.lex.firsts(build.lex.titles)):
        i, j = tokens.start, tokens.stop
        if j < len(doc) and doc[j].pos_ == "PROPN":
            continue
        lo, iso, _ = owner_before(build, i, {})
        lo, iso = _country_words(build, i, lo, iso)
        iso = iso or _country_after(build, j)
        determiner = build.lowers[lo - 1] if lo > 0 else ""
        if determiner not in words.determiners and doc[j - 1].tag_ != "NNS":
            continue
        title = doc[i:j].text.lower()
        found = _office_holder(build, title, iso, day) if determiner in words.definite_articles else None
        if found is None and iso is None and determiner in words.definite_articles:
            found = _story_office_holder(build, title, day)  # "the prime minister" in a story about Pakistan
        if found is None and iso is not None:
            found = _sector_group(build, iso, sector)
        if found is not None:
            key, group = found
            build.add_tokens(key, group, range(lo, j))


def _story_office_holder(build: Build, title: str, day: dt.date | None) -> tuple[Key, Group] | None:
    """The holder of a bare office ("the prime minister", no country and nobody of the article holding it) in
    the country the story is about, when one dominates its country names; None in a story of two countries
    or more of similar weight."""
    iso = build.context.main_country
    return _office_holder(build, title, iso, day) if iso is not None else None


def _sector_group(build: Build, iso: str, sector: str) -> tuple[Key, Group]:
    """A country's generic actor of a sector ("Chinese government", "Russian military")."""
    label = build.lex.sector_labels.get(sector, sector.lower())
    if sector == GOVERNMENT:
        return government(build, iso)
    name = build.lex.words.group(country_names(build, iso)[1], label)
    return ("A", iso, sector, label), Group(name, "group", iso, sector)


def _country_words(build: Build, i: int, lo: int, iso: str | None) -> tuple[int, str | None]:
    """A demonym or country right before a title ("the U.S. president"), read from the dictionary."""
    if iso is not None or i == 0:
        return lo, iso
    for hit in build.lex.lookup(build.doc[i - 1].text):
        if isinstance(hit.ref, Country):
            return i - 1, hit.ref.iso3
    return lo, iso


def _country_after(build: Build, j: int) -> str | None:
    """A country named after a title by "of" ("the foreign minister of Iran", "the president of the United
    States"), read from the dictionary."""
    lowers, words = build.lowers, build.lex.words
    if j >= len(lowers) or lowers[j] not in words.country_prepositions:
        return None
    k = j + 2 if j + 1 < len(lowers) and lowers[j + 1] in words.definite_articles else j + 1
    doc = build.doc
    for size in range(MAX_COUNTRY_WORDS, 0, -1):
        end = k + size
        if end > len(lowers) or any(t in build.taken for t in range(k, end)):
            continue
        if end < len(doc) and (doc[end].pos_ in ("PROPN", "NOUN") or doc[end].ent_iob_ == "I"):
            continue  # "the head of the Kenya Red Cross": the country begins another name
        for hit in build.lex.lookup(doc[k:end].text):
            if isinstance(hit.ref, Country) and hit.kind == "country":
                return hit.ref.iso3
    return None


def _title_fits(lex: Lexicon, title: str, held: str | None) -> bool:
    """Whether an office held fits a title without a name ("the president", "the German leader"): the same
    words, or the same office ("the prime minister" and "Prime Minister of Slovakia")."""
    words = lex.words
    held = (held or "").lower()
    first = held.split(" ", 1)[0]
    if not held or first in words.former_words:
        return False
    subordinate = first in words.subordinate_words
    office = lex.offices.role(held) if lex.offices is not None else None
    if title in words.generic_titles:
        wanted = words.generic_titles[title]
        return not subordinate and (any(t in held for t in wanted) or office in _offices_of(lex, wanted))
    if held == title or (office is not None and not subordinate and office in _offices_of(lex, (title,))):
        return True
    # "Kremlin spokesman" fits "spokesman"; "Vice President" does not fit "president"
    return held.endswith(" " + title) and not subordinate


def _offices_of(lex: Lexicon, titles: tuple[str, ...]) -> set[str]:
    if lex.offices is None:
        return set()
    return {o for o in (lex.offices.role(t) for t in titles) if o is not None}


def _holding(build: Build, title: str, found: set[Key], day: dt.date | None) -> set[Key]:
    """Of several persons of the article a title fits, the one the dictionaries know to hold that office on
    the article's date (all of them where none or several do)."""
    countries = {build.groups[k].country for k in found}
    if day is None or len(countries) != 1 or None in countries:
        return found
    iso = countries.pop()
    assert iso is not None
    holders = _holders(build.lex, title, iso, day)
    holding = {k for k in found if build.groups[k].name in holders}
    return holding if len(holding) == 1 else found


def _holders(lex: Lexicon, title: str, iso: str, day: dt.date) -> dict[str, tuple[Person, Role]]:
    """The persons the dictionaries know to hold, for a country on a day, the office a title stands for, by
    name: the curated ones, then those of the knowledge base no curated entry stands for."""
    holders: dict[str, tuple[Person, Role]] = {}
    for person in lex.people_of(iso):  # the role held on the day is one of the person's, so of ``iso`` or none
        role = role_at(person, day)
        if role.country == iso and _title_fits(lex, title, office_title(role, day, lex.words)):
            holders[person.name] = (person, role)
    if lex.kb is not None:
        for office in _offices_of(lex, lex.words.generic_titles.get(title, (title,))):
            for person in lex.kb.holders(iso, office, day):
                if person.name not in lex.curated and person.wikidata not in lex.curated:
                    holders.setdefault(person.name, (person, role_at(person, day)))
    return holders


def _office_holder(build: Build, title: str, iso: str | None, day: dt.date | None) -> tuple[Key, Group] | None:
    """The person who holds the office a title without a name stands for: the one of the article, else the
    one the dictionaries know to hold it for that country on the article's date."""
    lex = build.lex
    gender = lex.words.gendered_titles.get(title.split()[-1])
    found = {
        key for key, g in build.groups.items()
        if g.kind == "person" and (iso is None or g.country == iso) and _title_fits(lex, title, g.title)
        and (gender is None or g.gender in (None, gender))
    }  # fmt: skip
    if len(found) > 1:
        found = _holding(build, title, found, day)  # "President-elect Joe Biden" and President Trump
    if len(found) == 1:
        key = found.pop()
        return key, build.groups[key]
    if found or iso is None or day is None:
        return None
    holders = [h for h in _holders(lex, title, iso, day).values() if gender is None or h[0].gender in (None, gender)]
    if len(holders) != 1:
        return None
    person, role = holders[0]
    group = Group(person.name, "person", role.country, role.sector, role.title or None, person.wikidata,
                  person.gender)
    return ("P", person.name), group
