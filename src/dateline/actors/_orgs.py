"""Names that are no person: organizations, countries, capitals standing for governments, unknown names.

A dictionary organization is taken as it is; where several share a name
("Labour Party"), the one of the country the article is about, else of a
country it names, else the largest. A capital is its government when it acts,
not where something happens ("told reporters in Moscow", "the mayor of
London", "Moscow, Idaho"). An unknown organization gets its sector from the
last words of its name ("Thames Valley Police", "Siena College"), its country
from a country or place in its name ("Hungarian Development Bank", "Wisconsin
Supreme Court") or else the country the story is about; an acronym of an
organization already named is that organization ("CPD" after "Commission on
Presidential Debates").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.actors._agents import GOVERNMENT, civilians, government
from dateline.actors._build import Build, Group, Key
from dateline.actors._lexicon import Country, Org
from dateline.actors._mentions import MIN_NAME_CHARS, Candidate
from dateline.actors._parties import people_named
from dateline.actors._tagged import kind_in_apposition, org_noun_before
from dateline.records import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["country_word_before", "name_group", "org_group", "place_country"]

IGO = "IGO"
#: Fewest words of a name that only says a kind of organization to stand for one ("District Court" does,
#: "Council" does not).
MIN_GENERIC_WORDS = 2
#: Most words of a place name read inside another name ("Abu Dhabi", "St. Louis", "Rio de Janeiro").
MAX_PLACE_WORDS = 3
_CAPITALS = re.compile(r"[A-Z]")


def org_group(org: Org) -> tuple[Key, Group]:
    return ("O", org.name), Group(org.name, org.kind, org.country, org.sector, wikidata=org.wikidata)


def _named_country(build: Build, found: tuple[Key, Group]) -> tuple[Key, Group]:
    """A dictionary organization of no country takes the country its own name gives ("American Civil
    Liberties Union"), as a name no dictionary knows does."""
    group = found[1]
    if group.country is None:
        group.country = text_country(build, group.name)
    return found


def name_group(build: Build, cand: Candidate) -> tuple[Key, Group] | None:
    """The actor a remaining name stands for: organization, country, government, or an unknown ORG."""
    doc = build.doc
    orgs = [h.ref for h in cand.hits if isinstance(h.ref, Org)]
    if orgs:
        owner = country_word_before(build, cand) or build.story_body(orgs, build.article.text[cand.start : cand.end])
        if owner is None or owner == IGO or any(o.country in (None, IGO) for o in orgs):
            return _named_country(build, org_group(choose_org(build, orgs)))
        if any(o.country == owner for o in orgs):
            return org_group(choose_org(build, [o for o in orgs if o.country == owner]))
        return _of_country(build, cand, owner, orgs)  # "the Nigerian Senate" is not the United States Senate
    kinds: dict[str, Country] = {h.kind: h.ref for h in cand.hits if isinstance(h.ref, Country)}
    metonym = kinds.get("metonym")
    if metonym is not None and (metonym.iso3 in _others(build, cand) or _subject(build, cand)):
        return government(build, metonym.iso3)  # "the Kremlin"; not Seoul's "Blue House" in a Zimbabwe story
    if "capital" in kinds and not _place_use(build, cand):
        return government(build, kinds["capital"].iso3)
    plural = _plural_noun(doc, cand)
    people = kinds.get("demonym") if plural or _doer_adjective(build, cand) else None
    if people is not None and "country" not in kinds and _counted(build, cand, plural):
        key, group = civilians(build, people.iso3)  # "three American Samoans", "Russians": people, not a state
        return key, replace(group, name=" ".join(build.article.text[cand.start : cand.end].split()))  # as named
    country = kinds.get("country") or people
    if country is not None:
        return ("C", country.iso3), Group(country.name, "country", country.iso3, None)
    tagged = cand.label in ("ORG", "NORP") or (cand.label == "PERSON" and org_noun_before(build, cand))
    if not kinds and tagged and all(h.kind in ("person", "org") for h in cand.hits):
        return _unknown_name(build, cand)
    if not cand.hits and cand.label == "GPE":
        return _acting_division(build, cand) or _acting_town(build, cand)
    return None


def _acting_division(build: Build, cand: Candidate) -> tuple[Key, Group] | None:
    """A first-level division of one country that acts ("Texas sued", "a complaint brought by Oklahoma", "the
    state of Pennsylvania certified"): its government, named as the text names the division."""
    kb = build.lex.kb
    text = " ".join(build.article.text[cand.start : cand.end].split())
    countries = set(kb.divisions.get(text, ())) if kb is not None else set()
    countries &= {build.context.main_country, build.context.scene_country}  # not Liberia's Maryland County
    if len(countries) != 1 or not _acts(build, cand):
        return None
    iso = countries.pop()
    return ("D", iso, text), Group(text, "organization", iso, GOVERNMENT)  # a division's country is never IGO


def _acting_town(build: Build, cand: Candidate) -> tuple[Key, Group] | None:
    """A town named as "the city of" it that acts ("the city of Seattle cleared the zone"): its government,
    of the country the story happens in where the town lies there. A town described ("the Canadian city of
    Toronto hosted") is a place."""
    doc, words, kb = build.doc, build.lex.words, build.lex.kb
    k = cand.tok_start
    if kb is None or k < 2 or doc[k - 1].lower_ not in words.division_prepositions:
        return None
    if doc[k - 2].lower_ not in words.town_nouns or (k < 3 or doc[k - 3].lower_ not in words.determiners):
        return None  # "the Canadian city of Toronto" describes a place
    text = " ".join(build.article.text[cand.start : cand.end].split())
    countries = set(kb.towns.get(text, ())) & {build.context.main_country, build.context.scene_country}
    if len(countries) != 1 or not _acts(build, cand):
        return None
    name = f"{doc[k - 2].text[:1].upper()}{doc[k - 2].text[1:]} of {text}"
    return ("T", text), Group(name, "organization", countries.pop(), GOVERNMENT)


def _acts(build: Build, cand: Candidate) -> bool:
    """Whether a place's name, or "the state of" it, is the subject of a verb other than "be" ("Nevada moved its
    caucus") or the agent of a passive one ("brought by Oklahoma"): not a place's qualifier, nor a dateline."""
    doc, words = build.doc, build.lex.words
    tok, k = doc[cand.tok_end - 1], cand.tok_start
    if (k >= 2 and doc[k - 1].text == ",") or (cand.tok_end < len(doc) and doc[cand.tok_end].text in ",("):
        return False  # a place's qualifier ("Vigo County, Indiana"), a dateline ("New York (AFP)")
    if (tok.dep_ == "pobj" and tok.head.lower_ in words.division_prepositions
            and tok.head.head.lower_ in words.division_nouns | words.town_nouns):
        tok = tok.head.head  # "the state of Pennsylvania certified"
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    return (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB"
            and tok.head.lemma_ not in words.copula_lemmas)


def country_word_before(build: Build, cand: Candidate) -> str | None:
    """The country a country's name or people's adjective right before a name gives, read back over a
    possessive ("the Nigerian Senate", "Germany's Federal Constitutional Court", "South Korean Navy")."""
    doc, k = build.doc, cand.tok_start - 1
    if cand.tok_end < len(doc) and doc[cand.tok_end].ent_iob_ == "I":
        return None  # a piece of a longer name ("Liberation" of "Sudan Liberation Army")
    if k >= 0 and doc[k].text in build.lex.words.possessives:
        k -= 1
    for size in range(1, MAX_PLACE_WORDS + 1):
        first = k - size + 1
        if first < 0:
            break
        words = build.texts.between(first, k + 1)
        if words in build.namesakes:
            return build.namesakes[words]  # "Georgia Republicans" in a story of US states
        if doc[first].ent_iob_ == "I" and build.lowers[first - 1] not in build.lex.words.determiners:
            continue  # "Mexico" of "New Mexico"
        for hit in build.lex.lookup(words):
            if isinstance(hit.ref, Country) and hit.kind in ("country", "demonym"):
                return hit.ref.iso3
    return None


def _of_country(build: Build, cand: Candidate, iso: str, orgs: list[Org]) -> tuple[Key, Group]:
    """A body a dictionary knows only in other countries, named with the country it belongs to: that
    country's body of the same sector."""
    text = " ".join(build.article.text[cand.start : cand.end].split())
    sectors = {o.sector for o in orgs}
    sector = sectors.pop() if len(sectors) == 1 else (build.lex.heads.sector(text) if build.lex.heads else None)
    country = build.lex.countries.get(iso)
    name = build.lex.words.group(country.adjective, text) if country is not None else text
    return ("I", iso, text), Group(name, "organization", iso, sector)


def choose_org(build: Build, orgs: list[Org]) -> Org:
    """The organization a shared name stands for: the one of the article's main country, else of a country
    it names, a curated one, of a country named in another way, with no country, else the largest by vote
    share ("Liberal Democrats" in an Australian story are Australia's)."""
    if len(orgs) == 1:
        return orgs[0]
    main, named, marked = build.context.main_country, build.context.named, build.context.countries
    return max(orgs, key=lambda o: (o.country == main and main is not None, o.country in named, not o.kb,
                                    o.country in marked, o.country in (None, IGO), o.share))


def _subject(build: Build, cand: Candidate) -> bool:
    """Whether the candidate is the subject or the owner of something ("Downing Street rejected the plan")."""
    tok = build.doc[cand.tok_end - 1]
    return tok.dep_ in ("nsubj", "nsubjpass", "poss")


def _others(build: Build, cand: Candidate) -> set[str]:
    """The countries the article names other than by this candidate's words."""
    return {iso for pos, iso in build.context.marks if pos != cand.start}


def _place_use(build: Build, cand: Candidate) -> bool:
    """Whether a capital's name is used for the place: after "in", "of" ("the mayor of London"), where
    someone goes ("visit Paris", "flew to Beijing"), before a noun, or with a qualifier that makes it
    another place ("Moscow, Idaho")."""
    doc, words = build.doc, build.lex.words
    tok = doc[cand.tok_end - 1]
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        return True
    if tok.dep_ == "poss":  # "in Warsaw's Krasinski Square"
        tok = tok.head
    head = tok.head.lower_
    if tok.dep_ == "pobj" and (head in words.locative_prepositions or head in words.country_prepositions):
        return True
    going = tok.head.head if tok.dep_ == "pobj" and head in words.destination_prepositions else tok.head
    if tok.dep_ in ("dobj", "pobj") and going.lemma_.lower() in words.motion_verbs and going.pos_ == "VERB":
        return True  # "would visit Paris", "flew to Beijing"
    after = doc[cand.tok_end : cand.tok_end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].pos_ == "PROPN" and not build.lex.lookup(after[1].text)


def _doer_adjective(build: Build, cand: Candidate) -> bool:
    """Whether a people's adjective says who did what the noun right after it names: a noun of an act ("a
    Russian airstrike", "Chinese interference"), not of a thing or place ("an Irish pub", "the Polish city")."""
    tok = build.doc[cand.tok_end - 1]
    head = tok.head
    return (tok.dep_ in ("amod", "compound", "nmod") and head.i == cand.tok_end and head.pos_ == "NOUN"
            and head.i not in build.taken
            and (head.lower_ in build.lex.words.doer_nouns or head.lemma_.lower() in build.lex.words.doer_nouns))


def _counted(build: Build, cand: Candidate, plural: bool) -> bool:
    return people_named(build.doc, cand.tok_start, cand.tok_end - 1, build.lex.words, plural)


def _plural_noun(doc: Doc, cand: Candidate) -> bool:
    tok = doc[cand.tok_end - 1]
    return tok.tag_ in ("NNS", "NNPS") or (tok.text.endswith("s") and tok.dep_ not in ("amod", "compound"))


def _unknown_name(build: Build, cand: Candidate) -> tuple[Key, Group] | None:
    doc = build.doc
    text = " ".join(build.article.text[cand.start : cand.end].split())
    if cand.label == "NORP" and not _plural_noun(doc, cand):
        return None
    if len(text) < MIN_NAME_CHARS or not any(c.isalpha() for c in text) or text.lower() == text:
        return None
    acronym = text.replace(".", "").replace("&", "").isupper()
    if cand.tok_end - cand.tok_start == 1:
        for key, group in build.groups.items():  # "Sanders" tagged ORG after "Bernie Sanders"
            if group.kind == "person" and text in group.name and group.name.split()[-1] == text:
                return key, group
        tok = doc[cand.tok_start]
        if not acronym and (tok.is_sent_start or tok.tag_ != "NNP"):
            return None  # a capitalized common word ("Scholars", "Videos") more likely than a name
    if acronym:
        named = _expanded(build, text)
        if named is not None:
            return named, build.groups[named]
    heads = build.lex.heads
    if heads is not None and " ".join(text.lower().split()) in heads.table:
        return _generic(build, cand, text, heads.table[" ".join(text.lower().split())])
    shorter = _named_org(build, text)
    if shorter is not None:
        return shorter, build.groups[shorter]
    kind: ActorKind = "group" if cand.label == "NORP" else "organization"
    sector = build.lex.heads.sector(text) if build.lex.heads is not None else None
    described = build.lex.heads is not None and org_noun_before(build, cand)
    if sector is None and described and build.lex.heads is not None:
        # "the energy company Burisma": BUS; "the state news agency Tass": JRN, not the agency's GOV
        sector = build.lex.heads.sector(doc[max(cand.tok_start - 2, 0) : cand.tok_start].text)
    sector = sector or kind_in_apposition(build, cand.tok_end)  # "Drexel Lambert, an investment bank,"
    # of the story's country, else of the country its places are in ("Dayton, Ohio"); of no known kind, only
    # where they dominate (a name no dictionary knows is most often of the story's country: "JetBlue")
    home = build.context.main_country or build.context.scene_country
    country = (_name_country(build, cand, text) or country_word_before(build, cand)
               or (_described_country(build, cand.tok_start - 1) if described else None)
               or (home if sector else build.context.main_country or build.context.home_country))
    owner = _owner(build, cand) if sector is None else None
    if owner is not None:  # "the Senate's Committee on Foreign Relations" is a body of the Senate
        country, sector = country or owner.country, owner.sector
    group = Group(text, kind, country, IGO if country == IGO else sector, unknown=True)
    return ("O", text), group


def _described_country(build: Build, noun: int) -> str | None:
    """The country a people's adjective or a country's name among the words before the noun of a kind of
    organization gives ("the French engineering company Alstom", "the American company K-Mart")."""
    doc, k = build.doc, noun - 1
    while k >= 0 and noun - k <= MAX_PLACE_WORDS and doc[k].pos_ in ("ADJ", "PROPN", "NOUN"):
        for hit in build.lex.lookup(doc[k].text):
            if isinstance(hit.ref, Country) and hit.kind in ("country", "demonym"):
                return hit.ref.iso3
        k -= 1
    return None


def _owner(build: Build, cand: Candidate) -> Group | None:
    """The organization named right before a name with a possessive, if the article knows its sector."""
    k = cand.tok_start - 1
    if k < 1 or build.doc[k].text not in build.lex.words.possessives:
        return None
    key = build.token_keys.get(k - 1)
    owner = build.groups.get(key) if key is not None else None
    return owner if owner is not None and owner.kind == "organization" and owner.sector else None


def _generic(build: Build, cand: Candidate, text: str, sector: str) -> tuple[Key, Group] | None:
    """A name that only says a kind of organization ("District Court", "Council"): that body of the country
    named right before it ("the U.S. District Court"), else of the country the sentence or story is about,
    else of the country its places are in."""
    before = build.doc[cand.tok_start - 1].text if cand.tok_start > 0 else ""
    named = [h.ref.iso3 for h in build.lex.lookup(before) if isinstance(h.ref, Country)]
    iso = named[0] if named else (build.context.country_before(cand.start) or build.context.scene_country)
    if iso is None or len(text.split()) < MIN_GENERIC_WORDS:
        return None  # "Council" alone names nothing in particular
    country = build.lex.countries.get(iso)
    name = build.lex.words.group(country.adjective, text) if country is not None else text
    return ("I", iso, text), Group(name, "organization", iso, IGO if iso == IGO else sector)


def _named_org(build: Build, text: str) -> Key | None:
    """The organization already in the article that ``text`` names by the end of its name ("Times" after
    "The Times", "Telegraph" after "Daily Telegraph"), or by its name without the words of its kind."""
    words = text.lower().split()
    heads = build.lex.heads
    for key, group in build.groups.items():
        if group.kind == "person" or words[0] not in group.name.lower():
            continue  # either reading holds the name's first word
        known = group.name.lower().split()
        if len(known) <= len(words):
            continue
        if known[-len(words):] == words:
            return key
        if known[: len(words)] == words and heads is not None and heads.sector(group.name):
            return key  # "Ford" after "Ford Motor Company"
    return None


def _expanded(build: Build, acronym: str) -> Key | None:
    """The organization already named whose initials the acronym spells ("CPD", "AfCFTA")."""
    letters = acronym.replace(".", "").replace("&", "").upper()
    small = build.lex.words.name_prepositions | build.lex.words.definite_articles | {"and"}
    for key, group in build.groups.items():
        if group.kind == "person" or " " not in group.name:
            continue
        words = [w for w in re.split(r"[\s\-]+", group.name) if w and w.lower() not in small]
        initials = "".join(w[0] for w in words).upper()  # "USCPD" of "United States Commission on ..."
        capitals = "".join(_CAPITALS.findall(group.name))
        if len(letters) >= 2 and (letters in (initials, capitals) or initials.endswith(letters)):
            return key
    return None


def _name_country(build: Build, cand: Candidate, text: str) -> str | None:
    """The country a country word or a place in an organization's name gives ("Royal Saudi Air Force",
    "Wisconsin Supreme Court")."""
    return text_country(build, text)


def text_country(build: Build, text: str) -> str | None:
    """The country a country's name or people, or a place, in a name gives ("Royal Saudi Air Force",
    "Abu Dhabi Media", "Wisconsin Supreme Court", "U.S. Geological Survey"): the longest run of words that
    names one."""
    words, after = text.split(), build.lex.words.country_prepositions
    for size in range(min(len(words), MAX_PLACE_WORDS), 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size]).strip(",")
            placed = i > 0 and words[i - 1].lower() in after  # "University of Miami": a place's position
            bare = part.strip(".")  # "U.S." as written, then "Miami." without its full stop
            found = _part_country(build, part, placed) or (_part_country(build, bare, placed) if bare != part else None)
            if found is not None:
                return found
    return None


def _part_country(build: Build, part: str, placed: bool) -> str | None:
    """The country a run of words of a name is, names the people of, or is a place of (``placed``: the run
    stands where a place does, after "of")."""
    if part in build.namesakes:
        return build.namesakes[part]  # "Georgia Institute of Technology" in a story of US states
    for hit in build.lex.lookup(part):
        if isinstance(hit.ref, Country) and hit.kind in ("country", "demonym"):
            return hit.ref.iso3
    return place_country(build, part, placed) if part.lower() not in build.lex.role_words else None


def place_country(build: Build, name: str, placed: bool = False) -> str | None:
    """The country of a place name: a first-level division (a US state, a province) or a town, where the
    tagger saw a place or ``placed`` (the words stand where places do: "police in St. Louis"); a division
    also of a country the article names. A name several countries share counts only for one the article
    names. None when it is no place the knowledge base knows."""
    kb = build.lex.kb
    if kb is None or not name[:1].isupper():
        return None
    named, seen = build.context.countries, placed or name in build.places
    towns = list(dict.fromkeys((*kb.divisions.get(name, ()), *kb.towns.get(name, ())))) if seen else []
    scene = build.context.scene_country
    if len(towns) > 1 and scene in towns and not build.context.named & set(towns):
        return scene  # a name several countries share, none of them named: the scene's ("Athens" among US places)
    divisions = [c for c in kb.divisions.get(name, ()) if seen or c in named]
    if len(set(divisions)) == 1:
        return divisions[0]  # "Wisconsin", "Telangana"
    if len(towns) > 1:
        towns = [c for c in towns if c in named]
    return towns[0] if len(towns) == 1 else None  # "Gdańsk" named as a place, not "University"
