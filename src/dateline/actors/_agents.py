"""Actor passes over institutions, generic agents, names and title-only references.

"Russia's Foreign Ministry" and "the Foreign Ministry" (after Moscow) -> the
Russian Foreign Ministry (GOV); "Russian troops" -> the Russian military (MIL);
"Moscow" as a subject, "the Kremlin" -> the Russian government; "the U.S.
president" -> the person actor who holds that office in the article (or, with
a publication date, in the dictionary).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group, Key
from dateline.actors._lexicon import Country, Org
from dateline.actors._mentions import MIN_NAME_CHARS, Candidate, find_agents
from dateline.actors._people import office_title, role_at
from dateline.actors._words import Words
from dateline.records import ActorKind

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc

__all__ = ["agents_pass", "government", "name_group", "title_refs_pass"]

#: Adjectives read over between an owner and its institution or agents ("Russia's top military
#: officials"). Set by hand, not tuned.
MAX_ADJECTIVES_BETWEEN = 2
#: The sector of governments: a country's agents of this sector are its government ("Russian officials").
GOVERNMENT = "GOV"
_ADJECTIVE_DEPS = frozenset({"amod", "compound", "nmod"})


def _country(build: Build, iso: str) -> tuple[str, str]:
    """(name, adjective) of an ISO-3 code ("IGO" and unknown codes pass through)."""
    country = build.lex.countries.get(iso)
    return (country.name, country.adjective) if country else (iso, iso)


def government(build: Build, iso: str) -> tuple[Key, Group]:
    """The government of ``iso``, named after the label of the government sector's agents ("Russian government")."""
    _, adjective = _country(build, iso)
    label = build.lex.sector_labels.get(GOVERNMENT, GOVERNMENT.lower())
    return ("G", iso), Group(build.lex.words.group(adjective, label), "organization", iso, GOVERNMENT)


def _modifier(build: Build, i: int, by_token: dict[int, Candidate]) -> tuple[int, str | None, Key | None]:
    """What names the owner right before token ``i``: (first token, country, actor key of an org or person)."""
    doc, k = build.doc, i - 1
    skipped = 0
    while k >= 0 and doc[k].pos_ == "ADJ" and k not in by_token and skipped < MAX_ADJECTIVES_BETWEEN:
        k, skipped = k - 1, skipped + 1
    if k >= 0 and doc[k].text in build.lex.words.possessives:
        k -= 1
    if k < 0:
        return i, None, None
    key = build.token_keys.get(k)
    if key is not None and key[0] == "P":
        return i, build.groups[key].country, None  # "Trump administration": the span starts at the noun
    cand = by_token.get(k)
    if cand is None or cand.tok_end != k + 1 or k in build.taken:
        return i, None, None
    for hit in cand.hits:
        if isinstance(hit.ref, Country):
            return cand.tok_start, hit.ref.iso3, None
        if isinstance(hit.ref, Org):
            return cand.tok_start, hit.ref.country, ("O", hit.ref.name)
    return i, None, None


def _inside_name(doc: Doc, lo: int, i: int, words: Words) -> bool:
    """Whether token ``i`` lies inside a longer named entity starting before ``lo``."""
    tok = doc[i]
    if tok.ent_type_ not in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT"):
        return False
    k = i
    while k > 0 and doc[k].ent_iob_ == "I":
        k -= 1
    while k < i and doc[k].lower_ in words.determiners:
        k += 1
    return k < lo


def agents_pass(build: Build, by_token: dict[int, Candidate]) -> None:
    """Institutions ("Foreign Ministry") and generic agents ("troops", "police") with their country."""
    for tokens, sector in find_agents(build.lowers, build.lex.institutions, build.taken):
        _institution(build, tokens.start, tokens.stop, sector, by_token)
    for tokens, (sector, label, modifier_only) in find_agents(build.lowers, build.lex.agents, build.taken):
        _agent(build, tokens.start, tokens.stop, sector, label, by_token, modifier_only)


def _dictionary_org(by_token: dict[int, Candidate], i: int, j: int) -> bool:
    """Whether tokens [i, j) are exactly a dictionary organization ("Congress"), left to the names pass."""
    cand = by_token.get(i)
    return cand is not None and cand.tok_start == i and cand.tok_end == j and any(h.kind == "org" for h in cand.hits)


def _used_as_adjective(doc: Doc, j: int) -> bool:
    last = doc[j - 1]
    return last.dep_ in _ADJECTIVE_DEPS and last.head.i >= j and last.head.pos_ in ("NOUN", "PROPN")


def _institution(build: Build, i: int, j: int, sector: str, by_token: dict[int, Candidate]) -> None:
    doc = build.doc
    lo, iso, org_key = _modifier(build, i, by_token)
    words = build.lex.words
    if _inside_name(doc, lo, i, words) or _used_as_adjective(doc, j) or org_key is not None:
        return
    if _dictionary_org(by_token, i, j):
        return
    phrase = doc[i:j].text
    capitalized = phrase[:1].isupper()
    definite = lo > 0 and doc[lo - 1].lower_ in words.definite_articles
    if iso is None:
        iso, j = _of_country(build, j, by_token)
    if iso is None and (capitalized or definite or doc[i].lower_ in words.government_words):
        iso = build.context.country_before(doc[i].idx)
    if iso is None and not capitalized:
        return
    if doc[i].lower_ in words.government_words and iso is not None:
        key, group = government(build, iso)
    else:
        proper = " ".join(w[:1].upper() + w[1:] for w in phrase.split())
        name = words.group(_country(build, iso)[1], proper) if iso else proper
        key, group = ("I", iso or "", proper), Group(name, "organization", iso, sector)
    build.add_tokens(key, group, range(lo, j))


def _of_country(build: Build, j: int, by_token: dict[int, Candidate]) -> tuple[str | None, int]:
    """A country after the institution ("Armed Forces of the Philippines"): (ISO-3, new end token)."""
    words = build.lex.words
    k = j + 1 if j < len(build.lowers) and build.lowers[j] in words.country_prepositions else None
    if k is not None and k < len(build.lowers) and build.lowers[k] in words.definite_articles:
        k += 1
    cand = by_token.get(k) if k is not None else None
    if cand is None or cand.tok_start != k or cand.tok_start in build.taken:
        return None, j
    for hit in cand.hits:
        if hit.kind == "country" and isinstance(hit.ref, Country):
            return hit.ref.iso3, cand.tok_end
    return None, j


def _agent(
    build: Build, i: int, j: int, sector: str, label: str, by_token: dict[int, Candidate], modifier_only: bool
) -> None:
    doc = build.doc
    lo, iso, org_key = _modifier(build, i, by_token)
    if _inside_name(doc, lo, i, build.lex.words) or _used_as_adjective(doc, j) or _dictionary_org(by_token, i, j):
        return
    if modifier_only and iso is None and org_key is None:
        return  # "people" alone is nobody in particular; "Afghan people" are Afghanistan's civilians
    if org_key is not None and org_key in build.groups:
        build.add_tokens(org_key, build.groups[org_key], range(lo, j))
        return
    if org_key is not None or (iso is None and sector == GOVERNMENT):
        return
    if sector == GOVERNMENT and iso is not None:
        key, group = government(build, iso)
    elif iso is not None:
        key, group = _country_group(build, iso, sector, label)
    else:
        key, group = ("A", "", sector, label), Group(label, "group", None, sector)
    build.add_tokens(key, group, range(lo, j))


def _country_group(build: Build, iso: str, sector: str, label: str) -> tuple[Key, Group]:
    name = build.lex.words.group(_country(build, iso)[1], label)
    return ("A", iso, sector, label), Group(name, "group", iso, sector)


def name_group(build: Build, cand: Candidate) -> tuple[Key, Group] | None:
    """The actor a remaining name stands for: organization, country, government, or an unknown ORG."""
    doc = build.doc
    for hit in cand.hits:
        if isinstance(hit.ref, Org):
            org = hit.ref
            return ("O", org.name), Group(org.name, org.kind, org.country, org.sector, wikidata=org.wikidata)
    kinds: dict[str, Country] = {h.kind: h.ref for h in cand.hits if isinstance(h.ref, Country)}
    if "metonym" in kinds:
        return government(build, kinds["metonym"].iso3)
    if "capital" in kinds and not _locative(doc, cand, build.lex.words):
        return government(build, kinds["capital"].iso3)
    country = kinds.get("country") or (kinds.get("demonym") if _plural_noun(doc, cand) else None)
    if country is not None:
        return ("C", country.iso3), Group(country.name, "country", country.iso3, None)
    if not cand.hits and cand.label in ("ORG", "NORP"):
        return _unknown_name(build, cand)
    return None


def _locative(doc: Doc, cand: Candidate, words: Words) -> bool:
    tok = doc[cand.tok_end - 1]
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        return True
    if tok.dep_ == "poss":  # "in Warsaw's Krasinski Square"
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in words.locative_prepositions


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
    if cand.tok_end - cand.tok_start == 1:
        for key, group in build.groups.items():  # "Sanders" tagged ORG after "Bernie Sanders"
            if group.kind == "person" and group.name.split()[-1] == text:
                return key, group
        tok = doc[cand.tok_start]
        acronym = text.replace(".", "").replace("&", "").isupper()
        if not acronym and (tok.is_sent_start or tok.tag_ != "NNP"):
            return None  # a capitalized common word ("Scholars", "Videos") more likely than a name
    kind: ActorKind = "group" if cand.label == "NORP" else "organization"
    return ("O", text), Group(text, kind, None, None)


def title_refs_pass(build: Build) -> None:
    """ "the U.S. president" -> the person holding that office; "a Chinese diplomat" -> the Chinese government."""
    doc, day, words = build.doc, build.article.published, build.lex.words
    for tokens, sector in find_agents(build.lowers, build.lex.titles, build.taken):
        i, j = tokens.start, tokens.stop
        if j < len(doc) and doc[j].pos_ == "PROPN":
            continue
        lo, iso, _ = _modifier(build, i, {})
        lo, iso = _country_words(build, i, lo, iso)
        determiner = build.lowers[lo - 1] if lo > 0 else ""
        if determiner not in words.determiners and doc[j - 1].tag_ != "NNS":
            continue
        title = doc[i:j].text.lower()
        found = _office_holder(build, title, iso, day) if determiner in words.definite_articles else None
        if found is None and iso is not None:
            found = _sector_group(build, iso, sector)
        if found is not None:
            key, group = found
            build.add_tokens(key, group, range(lo, j))


def _sector_group(build: Build, iso: str, sector: str) -> tuple[Key, Group]:
    """A country's generic actor of a sector ("Chinese government", "Russian military")."""
    label = build.lex.sector_labels.get(sector, sector.lower())
    if sector == GOVERNMENT:
        return government(build, iso)
    name = build.lex.words.group(_country(build, iso)[1], label)
    return ("A", iso, sector, label), Group(name, "group", iso, sector)


def _country_words(build: Build, i: int, lo: int, iso: str | None) -> tuple[int, str | None]:
    """A demonym or country right before a title ("the U.S. president"), read from the dictionary."""
    if iso is not None or i == 0:
        return lo, iso
    for hit in build.lex.lookup(build.doc[i - 1].text):
        if isinstance(hit.ref, Country):
            return i - 1, hit.ref.iso3
    return lo, iso


def _title_fits(title: str, held: str | None, words: Words) -> bool:
    """Whether an office held fits a title without a name ("the president", "the German leader")."""
    held = (held or "").lower()
    first = held.split(" ", 1)[0]
    if first in words.former_words:
        return False
    subordinate = first in words.subordinate_words
    if title in words.generic_titles:
        return any(t in held for t in words.generic_titles[title]) and not subordinate
    if held == title:
        return True
    # "Kremlin spokesman" fits "spokesman"; "Vice President" does not fit "president"
    return held.endswith(" " + title) and not subordinate


def _office_holder(build: Build, title: str, iso: str | None, day: dt.date | None) -> tuple[Key, Group] | None:
    words = build.lex.words
    found = {
        key for key, g in build.groups.items()
        if g.kind == "person" and (iso is None or g.country == iso) and _title_fits(title, g.title, words)
    }  # fmt: skip
    if len(found) == 1:
        key = found.pop()
        return key, build.groups[key]
    if found or iso is None or day is None:
        return None
    holders = []
    for person in build.lex.people:
        role = role_at(person, day)
        if role.country == iso and _title_fits(title, office_title(role, day, words), words):
            holders.append((person, role))
    if len(holders) != 1:
        return None
    person, role = holders[0]
    group = Group(person.name, "person", role.country, role.sector, role.title, person.wikidata, person.gender)
    return ("P", person.name), group
