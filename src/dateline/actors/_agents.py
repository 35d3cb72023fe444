"""Actor passes over institutions and generic agents.

"Russia's Foreign Ministry" and "the Foreign Ministry" (after Moscow) -> the
Russian Foreign Ministry (GOV); "Russian troops" -> the Russian military (MIL);
"three people" in a story set in Samoa -> Samoan people (CVL), "two victims" there -> Samoan victims;
"the officers" after "the Metropolitan Police" -> the Metropolitan Police; one of the agents named
in the singular, "a federal judge dismissed the suit", is one person (U.S. judge, JUD). Title-only
references ("the U.S. president") are read in :mod:`dateline.actors._titles`;
the places that give agents their country ("police in St. Louis") in
:mod:`dateline.actors._agent_places`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._agent_places import MAX_ADJECTIVES_BETWEEN, place_after, place_modifier
from dateline.actors._build import Build, Group, Key
from dateline.actors._lexicon import Country, Org
from dateline.actors._mentions import Candidate, find_agents
from dateline.actors._parties import (
    bare_party,
    counted,
    may_be_bare,
    no_group,
    one_person,
    owner_word,
    staff_of_another_body,
    victims,
)
from dateline.actors._words import Words

if TYPE_CHECKING:

    from spacy.tokens import Doc, Token

__all__ = ["agents_pass", "civilians", "country_names", "government", "owner_before"]

#: The sector of governments: a country's agents of this sector are its government ("Russian officials").
GOVERNMENT = "GOV"
#: The sector of private persons: counted people of a country ("three Afghans") are its civilians.
CIVILIANS = "CVL"
_ADJECTIVE_DEPS = frozenset({"amod", "compound", "nmod"})


def country_names(build: Build, iso: str) -> tuple[str, str]:
    """(name, adjective) of an ISO-3 code ("IGO" and unknown codes pass through)."""
    country = build.lex.countries.get(iso)
    return (country.name, country.adjective) if country else (iso, iso)


def government(build: Build, iso: str) -> tuple[Key, Group]:
    """The government of ``iso``, named after the label of the government sector's agents ("Russian government")."""
    _, adjective = country_names(build, iso)
    label = build.lex.sector_labels.get(GOVERNMENT, GOVERNMENT.lower())
    return ("G", iso), Group(build.lex.words.group(adjective, label), "organization", iso, GOVERNMENT)


def civilians(build: Build, iso: str) -> tuple[Key, Group]:
    """The civilians of ``iso``, the same group as "Mexican nationals" or "Afghan people" (the label of the
    agents that name a country's people only with its name)."""
    labels = (label for sector, label, modifier_only in build.lex.agents.values()
              if sector == CIVILIANS and modifier_only)
    return _country_group(build, iso, CIVILIANS, next(labels, CIVILIANS.lower()))


def owner_before(build: Build, i: int, by_token: dict[int, Candidate]) -> tuple[int, str | None, Key | None]:
    """What names the owner right before token ``i``: (first token, country, actor key of an org or person)."""
    doc, k = build.doc, i - 1
    skipped = 0
    while k >= 0 and doc[k].pos_ == "ADJ" and k not in by_token and skipped < MAX_ADJECTIVES_BETWEEN:
        k, skipped = k - 1, skipped + 1
    owned = k >= 0 and doc[k].text in build.lex.words.possessives
    if owned:
        k -= 1
    if k < 0:
        return i, None, None
    if owned and _the_country(build, k):  # "the country's cabinet", "the island nation's police"
        return k, build.context.main_country or build.context.scene_country, None
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


def _the_country(build: Build, k: int) -> bool:
    """Whether token ``k`` is "the country" or "the island nation" (``homeland_nouns``): the country the story
    is about."""
    doc, words = build.doc, build.lex.words
    if doc[k].lower_ not in words.homeland_nouns or k in build.taken:
        return False
    before = k - 1 if k > 0 and doc[k - 1].pos_ in ("ADJ", "NOUN") and doc[k - 1].dep_ in ("amod", "compound") else k
    return before > 0 and doc[before - 1].lower_ in words.definite_articles


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
    lex = build.lex
    for tokens, sector in find_agents(build.lowers, lex.institutions, build.taken, lex.firsts(lex.institutions)):
        _institution(build, tokens.start, tokens.stop, sector, by_token)
    agents = find_agents(build.lowers, lex.agents, build.taken, lex.firsts(lex.agents))
    for tokens, (sector, label, modifier_only) in agents:
        _agent(build, tokens.start, tokens.stop, sector, label, by_token, modifier_only)


def _dictionary_org(by_token: dict[int, Candidate], i: int, j: int) -> bool:
    """Whether tokens [i, j) are a dictionary organization ("Congress") or inside one ("Houthi rebels"), left
    to the names pass."""
    cand = by_token.get(i)
    return cand is not None and cand.tok_start <= i and cand.tok_end >= j and any(h.kind == "org" for h in cand.hits)


def _used_as_adjective(doc: Doc, j: int) -> bool:
    """Whether the agent's last word modifies a noun after it ("military aid"), also as one of a list of
    modifiers ("of a political, military or religious character")."""
    last = doc[j - 1]
    while last.dep_ == "conj" and last.head.i < last.i:
        last = last.head
    return last.dep_ in _ADJECTIVE_DEPS and last.head.i >= j and last.head.pos_ in ("NOUN", "PROPN")


def _doer(build: Build, j: int) -> bool:
    """Whether the agent noun ending at ``j`` is a noun before a noun of an act, its doer ("a police raid",
    "the police killing of", ``doer_nouns`` of actors.json); an adjective ("military aid") is no doer."""
    last, nouns = build.doc[j - 1], build.lex.words.doer_nouns
    head = last.head
    return (last.dep_ == "compound" and last.tag_ == "NN" and head.i == j and head.pos_ == "NOUN"
            and (head.lower_ in nouns or head.lemma_.lower() in nouns))


def _institution(build: Build, i: int, j: int, sector: str, by_token: dict[int, Candidate]) -> None:
    doc = build.doc
    lo, iso, org_key = owner_before(build, i, by_token)
    words = build.lex.words
    if _inside_name(doc, lo, i, words) or _used_as_adjective(doc, j) or org_key is not None:
        return
    if _dictionary_org(by_token, i, j) or (doc[j - 1].lower_ in words.seat_nouns and doc[j - 1].dep_ != "nsubj"):
        return  # "the chief executive of the palace": the building; "the palace said": the body
    phrase = doc[i:j].text
    capitalized = phrase[:1].isupper()
    definite = lo > 0 and doc[lo - 1].lower_ in words.definite_articles
    if iso is None:
        iso, j = _of_country(build, j, by_token)
    place = None
    if iso is None:  # "the Minneapolis city council": the body of that town
        at, iso = place_modifier(build, i)
        place, lo = (doc[at:i].text, at) if iso is not None else (None, lo)
    bare = iso is None
    if iso is None and (capitalized or definite or doc[i].lower_ in words.government_words):
        # a bare "the government" is that of the country of its sentence or of the story, none in a story of
        # several countries of similar weight ("Germany and France disagreed. The government said ...")
        iso = build.context.country_before(doc[i].idx, nearby=False) or build.context.scene_country
    if iso is None and not capitalized:
        return
    if doc[i].lower_ in words.government_words and iso is not None:
        key, group = _led(build, i, government(build, iso))
    else:
        proper = " ".join(w[:1].upper() + w[1:] for w in phrase.split())
        name = f"{place} {proper}" if place else words.group(country_names(build, iso)[1], proper) if iso else proper
        key, group = ("I", iso or "", name if place else proper), Group(name, "organization", iso, sector)
    group = build.add_tokens(key, group, range(lo, j))
    if bare and definite:
        group.anaphor = phrase.lower()


def _led(build: Build, i: int, found: tuple[Key, Group]) -> tuple[Key, Group]:
    """The government at token ``i``: when the text names it after its leader, an actor of that name beside the
    country's government; "the administration" alone, the one the text named so last ("the Trump
    administration ... the administration")."""
    iso = found[1].country
    leader = _leader_government(build, i, iso) if iso is not None else None
    if leader is not None:
        return ("G", iso or "", leader), Group(leader, "organization", iso, GOVERNMENT)
    noun = build.lowers[i]
    named = [k for k in build.groups if k[0] == "G" and len(k) == 3 and k[1] == iso and k[2].endswith(f" {noun}")]
    return (named[-1], build.groups[named[-1]]) if named else found


def _leader_government(build: Build, i: int, iso: str) -> str | None:
    """The name of a government the text names after its leader ("the Trump administration", "the Obama
    administration" in a later story), as the text gives it, which the coders keep."""
    doc, k = build.doc, i - 1
    if k >= 0 and doc[k].text in build.lex.words.possessives:
        k -= 1
    key = build.token_keys.get(k) if k >= 0 else None
    if key is None or key[0] != "P" or build.groups[key].country != iso:
        return None
    person, at = build.groups[key], doc[k].idx
    said = next((m for m in person.mentions if m.start <= at < m.end), None)
    if said is None:
        return None
    return f"{build.article.text[said.start:doc[k].idx + len(doc[k].text)]} {doc[i].lower_}"


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
    lo, iso, org_key = owner_before(build, i, by_token)
    if _no_agent(build, lo, i, j, iso, by_token):
        return
    noun = " ".join(build.lowers[i:j])
    if noun in build.lex.anaphoric:
        _anaphoric_agent(build, i, j, sector, label)
        return
    if iso is None and org_key is None and sector != GOVERNMENT:
        lo, iso = place_modifier(build, i)  # "Texas prosecutors"; a state's officials are no country's government
    if iso is None and org_key is None:
        iso, j = place_after(build, j)  # "police in St. Louis", "residents of Gdańsk"
    if modifier_only and iso is None and org_key is None:
        iso = _people_country(build, i, j, noun, sector, label)
        if iso is None:
            return
    if iso is None and org_key is None and _capitalized(doc, i, j):
        _institution(build, i, j, sector, by_token)  # "the Coast Guard": the body of the story's country
        return
    if org_key is not None and org_key in build.groups:
        build.add_tokens(org_key, build.groups[org_key], range(lo, j))
        return
    if org_key is not None:
        return
    found = _agent_group(build, iso, sector, label, noun, staff=staff_of_another_body(doc, i, j))
    if found is None:
        return
    if found[1].kind == "group" and one_person(build, j, noun):  # "a federal judge": one of the judges
        key, group = found
        name = build.lex.words.group(country_names(build, group.country)[1], noun) if group.country else noun
        found = (*key, noun), Group(name, "person", group.country, sector)
    if sector == GOVERNMENT and noun in build.lex.words.government_words and found[0][0] == "G":
        found = _led(build, i, found)
    group = build.add_tokens(*found, range(lo, j))
    if iso is None and lo > 0 and build.lowers[lo - 1] in build.lex.words.definite_articles:
        group.anaphor = doc[i:j].text.lower()


def _no_agent(build: Build, lo: int, i: int, j: int, iso: str | None, by_token: dict[int, Candidate]) -> bool:
    """Whether the agent noun at tokens [i, j), its owner's phrase starting at ``lo`` (of country ``iso``),
    names no agent: it lies inside a longer name or a dictionary organization, modifies another noun ("military
    aid") without doing it, is no group at all (:func:`~dateline.actors._parties.no_group`), or is the people
    of a person ("Trump's critics", "his supporters": see the relations pass)."""
    doc = build.doc
    if (_inside_name(doc, lo, i, build.lex.words) or (_used_as_adjective(doc, j) and not _doer(build, j))
            or _dictionary_org(by_token, i, j) or no_group(build, i, j)):
        return True
    noun = " ".join(build.lowers[i:j])
    return noun in build.lex.words.relation_nouns and ((lo == i and iso is not None)
                                                       or any(owner_word(c) for c in doc[j - 1].children))


def _people_country(build: Build, i: int, j: int, noun: str, sector: str, label: str) -> str | None:
    """The country of people named with no country's word ("people" alone is nobody in particular; "Afghan
    people" are read before): that the story happens in where they are counted or victims ("three people were
    injured"); else None, and a bare role noun that is a party becomes its group (:func:`_bare_group`)."""
    doc, words = build.doc, build.lex.words
    countable = noun in build.lex.counted or noun in build.lex.counted_parties
    many = countable and (counted(doc, j - 1, words) or victims(doc, j - 1, words))
    iso = build.context.scene_country if many else None
    if iso is None and may_be_bare(build, noun, sector) and bare_party(doc, j - 1, words):
        _bare_group(build, i, j, sector, label)
    return iso


def _agent_group(build: Build, iso: str | None, sector: str, label: str, noun: str,
                 staff: bool = False) -> tuple[Key, Group] | None:
    """The actor of a generic agent noun with the country read around it (None: no country's government; nor
    bare officials who are the staff of a body not named: ``staff``, "company officials")."""
    if sector == GOVERNMENT and iso is None and noun in build.lex.words.bare_government_words:
        iso = build.context.scene_country  # "Authorities arrested twelve people" in a story about India
    if sector == GOVERNMENT and iso is None and noun in build.lex.words.bare_official_words:
        scene = build.context.scene_country or build.context.main_country  # "Officials said", in France
        return _country_group(build, scene, sector, noun) if scene is not None and not staff else None
    if sector == GOVERNMENT:
        return government(build, iso) if iso is not None else None
    if iso is not None:
        return _country_group(build, iso, sector, label)
    if build.context.scene_country is not None:  # "police" in a story set in one country
        return _country_group(build, build.context.scene_country, sector, label)
    return ("A", "", sector, label), Group(label, "group", None, sector)


def _anaphoric_agent(build: Build, i: int, j: int, sector: str, label: str) -> None:
    """ "the officers", "officers" with nothing before them but an article: a group that stands for the actor
    of its sector named last before it, if any (see :func:`dateline.actors._later.anaphors_pass`); "Cabinet
    officers", "the best officers" or "British officers" are left alone."""
    head, words = build.doc[j - 1], build.lex.words
    before = [c for c in head.children if c.i < i and c.dep_ not in ("det", "predet")]
    if before and head.lower_ in build.lex.named_kinds and all(_name_word(c) for c in before):
        lo = min(c.left_edge.i for c in before)  # "the Teamsters union": an organization the noun names again later
        name = build.token_span(range(lo, j)).text
        scene = build.context.scene_country or build.context.main_country
        build.add_tokens(("O", name), Group(name, "organization", scene, sector), range(lo, j))
        return
    described = bool(before) and all(c.lower_ in words.agent_descriptors for c in before)
    if before and not described:
        return
    scene = build.context.scene_country
    if described and scene is not None:  # "armed officers" in a story set in one country: its police
        _, group = _country_group(build, scene, sector, label)
        group = build.add_tokens(("A", scene, sector, label), group, range(before[0].left_edge.i, j))
        return
    key = ("A", "", sector, label, str(i))  # each mention finds its own antecedent
    group = build.add_tokens(key, Group(label, "group", None, sector), range(i, j))
    group.anaphor, group.needs_antecedent = build.lowers[j - 1], not described


def _name_word(token: Token) -> bool:
    """Whether ``token`` is a proper name (with the names before it) that makes a compound with the noun after it."""
    return token.dep_ == "compound" and all(t.pos_ == "PROPN" for t in token.subtree)


def _bare_group(build: Build, i: int, j: int, sector: str, label: str) -> None:
    """The group a bare role noun that is a party names ("Critics accused him"): the people of that role in the
    country the story happens in or is about, named by the noun itself ("U.S. critics"), else with no country."""
    scene = build.context.scene_country or build.context.main_country
    if scene is not None:
        build.add_tokens(*_country_group(build, scene, sector, label), range(i, j))
    else:
        build.add_tokens(("A", "", sector, label), Group(label, "group", None, sector), range(i, j))


def _capitalized(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) are written as a name, not at the start of a sentence ("the Coast Guard")."""
    return not doc[i].is_sent_start and all(t.text[:1].isupper() for t in doc[i:j])


def _country_group(build: Build, iso: str, sector: str, label: str) -> tuple[Key, Group]:
    name = build.lex.words.group(country_names(build, iso)[1], label)
    return ("A", iso, sector, label), Group(name, "group", iso, sector)
