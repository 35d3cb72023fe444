"""Persons: names with their titles, followed through the article, and known from the dictionaries.

A name joins a person the article already named when it is that person's
name again, a shorter form of it ("Merkel", "De Blasio" after "Bill de
Blasio", "Tuilaepa" after "Tuilaepa Sailele Malielegaoi") or a longer one
("Robert Gabriel Mugabe" after "Robert Mugabe"); courtesy words ("Mme", "Cde")
are no part of a name. Otherwise a dictionary person of that name is taken
when the text does not contradict it: the person the article introduces wins
over a namesake whose offices do not fit the title the text gives
("professor David Wilson" is no governor) or whose office is still to come
("Vance" in 2019); the knowledge base's persons of countries the article never
names are no candidates at all. A person's country and sector come from the
office held on the article's date, else from the text's title ("former" makes
an elite), else from the last office held; a person of whom the text says
nothing gets the country the story is about.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.actors._appositions import role_from_parse
from dateline.actors._build import Build, Group, Key, modifier_country
from dateline.actors._lexicon import Country, Person, Role
from dateline.actors._mentions import Candidate, Modifier, quote_regions
from dateline.actors._modifiers import title_after, title_before
from dateline.actors._orgs import IGO
from dateline.actors._people import choose_person, office_title
from dateline.actors._ranks import ELITE, OFFICE_SECTORS, open_sector, text_country_sector
from dateline.actors._salience import salient
from dateline.actors._tagged import (
    bare_org_name,
    given_name_first,
    member_of_body,
    org_noun_before,
    person_noun_before,
    person_title,
)
from dateline.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ELITE", "OFFICE_SECTORS", "PUBLIC_SECTORS", "people_pass", "pronoun_pass"]

#: Sentences before a pronoun's own in which the person it refers to may be named ("Merkel met Macron.
#: She said ..."). Set by hand, not tuned.
PRONOUN_SENTENCES_BACK = 1
#: Sentences before a relative's ("his wife Bernadette") in which the person "his" refers to may be named.
#: Set by reading obituaries of the Wikinews corpus, not tuned.
KIN_SENTENCES_BACK = 3
#: Sectors of the persons whose households are elites: the executive, present or former (not a senator's).
LEADER_SECTORS = frozenset({"GOV", ELITE})
#: Sectors of public office: a title of one of them fits a person known for another ("Attorney General"
#: for a minister, "Senator" for a former governor); a title outside them (professor, doctor, journalist)
#: does not fit an officeholder of the same name.
PUBLIC_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY", "OPP", "ELI", "MIL", "COP", "SPY", "IGO"})


def people_pass(build: Build, candidates: list[Candidate], by_token: dict[int, Candidate], weak: bool = False) -> None:
    """People named by the candidates, with the titles before or after their names (``weak``: phrases
    no entity supports, taken only for a person already named or in office on the article's date)."""
    for cand in candidates:
        if not build.free(cand):
            continue
        name = person_name(build, cand)
        named = _named_person(build, name, cand)
        if named is not None:  # "Amman" after "Sudesh Amman" is him, not Jordan's capital
            _named_again(build, cand, named, by_token)
            continue
        if org_noun_before(build, cand):
            continue  # "the Florida company Ridgeback Biotherapeutics": the names pass reads it
        bare = not weak and bare_org_name(build, cand)
        if not weak and cand.label != "PERSON" and not any(h.kind == "person" for h in cand.hits) and not bare:
            continue  # no name of a person: the names pass reads it
        mod = _title_of(build, cand, by_token)
        chosen = _known_person(build, cand, mod)
        body = member_of_body(build, cand) if bare else None
        if bare and (mod is None or mod.sector is None or not person_title(build, mod.title)):
            if not (given_name_first(build, cand) or person_noun_before(build, cand) or body):
                continue  # an ORG-tagged name is a person's only with a title ("governor Rosselló"), a given
                # name, after a noun of a person ("actress Jane Roe") or speaking for a body ("Roe of the NCA said")
            mod = mod if mod is not None and (mod.title or mod.appositive is None) else None
            # a title, or one two names share ("officers A and B"); not "president and bus driver Leo Marsh"
        if not (bare or _reads_as_person(build, cand, chosen, weak, mod)):
            continue
        key, group = _person_group(build, name, cand.start, chosen, mod)
        group.sector = group.sector or body
        kin = chosen is None and mod is None and _after_kin(build, cand)
        if key not in build.groups and chosen is None and (mod is None or mod.title is None) and " " not in name \
                and not kin:
            continue  # a lone unknown word ("Jim", "Scholars") is too weak to make a person; "his wife Bernadette"
        if kin and key not in build.groups:
            _of_family(build, cand, group)
        start = mod.start if mod is not None and mod.contiguous and mod.appositive is None else cand.start
        build.add(key, group, build.span(start, cand.end), cand.tokens)
        if mod is not None and (mod.title is not None or mod.appositive is not None):
            _take_modifier(build, mod, cand, key, group)


def _title_of(build: Build, cand: Candidate, by_token: dict[int, Candidate]) -> Modifier | None:
    """The title before the name (also one that ends in a courtesy word the name begins with: "First Lady
    Melania Trump"), else after it, else from the parse."""
    doc, lowers, lex = build.doc, build.lowers, build.lex
    first, sent_start = cand.tok_start, build.sentence_of[cand.tok_start]
    while first - 1 > sent_start and doc[first - 1].lower_ in lex.words.honorifics - lex.titles.keys():
        first -= 1  # "the general manager of Abu Dhabi Media, Dr Ali bin Tamim"; "Dr." alone is a title
    mod = title_before(doc, lowers, first, lex, by_token, sent_start)
    if mod is None and first < cand.tok_start:  # "Former First Lady Jane Roe": the courtesy word ends the title
        mod = title_before(doc, lowers, cand.tok_start, lex, by_token, sent_start)
    lead = cand.tok_start
    if mod is None and doc[lead].lower_ in lex.words.honorifics:
        others = {k: c for k, c in by_token.items() if not cand.tok_start <= k < cand.tok_end}
        while mod is None and lead + 1 < cand.tok_end and doc[lead].lower_ in lex.words.honorifics:
            lead += 1
            mod = title_before(doc, lowers, lead, lex, others, sent_start)
        mod = mod if mod is not None and mod.start < doc[cand.tok_start].idx else None
    if mod is not None and mod.contiguous and _taken_since(build, first, mod.start):
        mod = None  # words another actor already took are not this one's title ("Congress Congress Trump")
    if mod is not None and modifier_country(mod, None) is not None:
        return mod
    after = title_after(doc, lowers, cand.tok_end, lex, by_token)
    if mod is not None and after is not None:
        # "prosecutor Jane Roe, the U.S. Attorney for ...": the second title says the country
        mod = replace(mod, hits=mod.hits + tuple(h for h in after.hits if isinstance(h.ref, Country)))
    return mod or after or role_from_parse(doc, lowers, cand, lex, by_token)


def _taken_since(build: Build, token: int, start: int) -> bool:
    """Whether a token before ``token`` that begins at or after character ``start`` is already an actor's."""
    k = token - 1
    while k >= 0 and build.doc[k].idx >= start:
        if k in build.taken:
            return True
        k -= 1
    return False


def _named_again(build: Build, cand: Candidate, key: Key, by_token: dict[int, Candidate]) -> None:
    """A person named again; a title beside the name now is his, if the article gave him none before
    ("Cyrus R. Vance Jr. ... District Attorney Vance")."""
    group = build.groups[key]
    mod = None
    if group.title is None and group.sector is None:
        mod = title_before(build.doc, build.lowers, cand.tok_start, build.lex, by_token,
                           build.sentence_of[cand.tok_start])
        mod = mod or title_after(build.doc, build.lowers, cand.tok_end, build.lex, by_token)
    if mod is None or mod.title is None:
        build.add(key, group, build.span(cand.start, cand.end), cand.tokens)
        return
    country, group.sector = text_country_sector(build, mod, cand.start)
    group.title, group.country, group.unknown = mod.title, group.country or country, False
    group.former = _former(group.sector, mod)
    open_sector(build, group, mod)
    start = mod.start if mod.contiguous and mod.appositive is None else cand.start
    build.add(key, group, build.span(start, cand.end), cand.tokens)
    _take_modifier(build, mod, cand, key, group)


def _former(sector: str | None, mod: Modifier | None) -> bool:
    """Whether the text makes a person an elite for an office held no longer ("former Governor"), not for a
    title that is an elite's itself ("First Lady", who held no office to run for again)."""
    return sector == ELITE and (mod is None or mod.sector != ELITE)


def _after_kin(build: Build, cand: Candidate) -> bool:
    """Whether a name comes right after a word of kinship ("his wife Bernadette", "his widow, Denise"),
    which makes even a lone given name a person's."""
    k = cand.tok_start - 1
    if k >= 0 and build.doc[k].text == ",":
        k -= 1
    return k >= 0 and build.texts.hyphened(k) in build.lex.words.kin_words and build.doc[cand.tok_start].pos_ == "PROPN"


def _of_family(build: Build, cand: Candidate, group: Group) -> None:
    """The spouse, child or parent of a leader, present or former, is an elite of the leader's country: the
    person named just before (in this or the previous sentence: "Jacques Chirac ... his wife Bernadette"),
    or after "his"/"her", the last person named in the sentences before who is no relative himself ("his
    son-in-law, Frédéric Salat-Baroux, ... his wife Bernadette")."""
    doc = build.doc
    k = cand.tok_start - 1
    k -= int(k > 0 and doc[k].text == ",")
    owned = k > 0 and build.lowers[k - 1] in build.lex.words.possessive_pronouns
    floor = build.sentence_of[cand.tok_start]
    for _ in range(KIN_SENTENCES_BACK if owned else 1):
        floor = build.sentence_of[floor - 1] if floor > 0 else floor
    before = [(span, key) for span, key in build.people if doc[floor].idx <= span.start and span.end <= cand.start]
    if owned:
        before = [(span, key) for span, key in before if not _kin_named(build, span)]
    relative = build.groups.get(before[-1][1]) if before else None
    if relative is not None and build.lowers[k] in build.lex.words.household_kin_words \
            and relative.sector in LEADER_SECTORS:
        group.sector, group.country = ELITE, relative.country or group.country


def _kin_named(build: Build, span: Span) -> bool:
    """Whether a person's mention comes right after a word of kinship ("his son-in-law, Frédéric ...")."""
    tok = build.doc.char_span(span.start, span.end, alignment_mode="expand")
    k = tok.start - 1 if tok is not None else -1
    k -= int(k > 0 and build.doc[k].text == ",")
    return k >= 0 and build.texts.hyphened(k) in build.lex.words.kin_words


def person_name(build: Build, cand: Candidate) -> str:
    """The name a candidate gives, without courtesy words before it ("Mme Spanton" -> "Spanton")."""
    words = build.article.text[cand.start : cand.end].split()
    while len(words) > 1 and words[0].lower() in build.lex.words.honorifics:
        words = words[1:]
    return " ".join(words)


def _named_person(build: Build, name: str, cand: Candidate) -> Key | None:
    """The person already in the article that ``name`` names again, in full, shorter or longer."""
    if cand.label not in ("PERSON", "ORG", "GPE", None):
        return None
    words = name.split()
    last = words[-1].lower() if words else None  # a name it names again holds its last word: read no other
    found: list[Key] = []
    for key, group in build.groups.items():
        if group.kind != "person" or key[0] != "P":
            continue
        if group.name == name or (last is not None and last in group.name.lower()
                                  and _same_person(words, group.name.split(), build.lex.words.honorifics)):
            found.append(key)
    if len(found) > 1 and len(words) == 1:
        found = [k for k in found if build.groups[k].name.split()[-1] == name] or found
    return found[0] if found else None


def _same_person(words: list[str], known: list[str], honorifics: frozenset[str]) -> bool:
    """Whether ``words`` name the person ``known``: a surname or other tail of the name, the given name of a
    longer name, or the same first and last words around other names."""
    if len(known) < 2 or words == known:
        return False
    lower, known_lower = [w.lower() for w in words], [w.lower() for w in known]
    if len(words) < len(known) and lower == known_lower[-len(words):]:
        return True  # "Merkel", "De Blasio", "Sailele Malielegaoi"
    if len(words) == 1:  # "Tuilaepa"; the first of two surnames: "Vázquez" for "Wanda Vázquez Garced"
        first_surname = len(known) > 2 and words[0] == known[-2]
        return words[0].lower() not in honorifics and (words[0] == known[0] or first_surname)
    return len(words) > len(known) and words[0] == known[0] and words[-1] == known[-1]  # "Robert Gabriel Mugabe"


def _known_person(build: Build, cand: Candidate, mod: Modifier | None) -> tuple[Person, Role] | None:
    """The dictionary person a name stands for on the article's date, unless the text says otherwise."""
    if not any(h.kind == "person" for h in cand.hits):
        return None
    day = build.article.published
    chosen = choose_person(cand.hits, day)
    if chosen is None:
        return None
    person = chosen[0]
    sectors = {r.sector for r in person.roles} | {ELITE}
    if mod is not None and mod.sector is not None and mod.sector not in sectors and not (
            mod.sector in PUBLIC_SECTORS and sectors & PUBLIC_SECTORS):
        return None  # "professor David Wilson" is not the governor of that name
    return chosen


def _reads_as_person(
    build: Build, cand: Candidate, chosen: tuple[Person, Role] | None, weak: bool, mod: Modifier | None
) -> bool:
    """A dictionary person (a weak one only as :func:`_weak_name_ok` allows), or a name tagged PERSON, or a
    proper noun right after a capitalized title ("District Attorney Vance")."""
    if weak and chosen is None:
        return _titled_name(build, cand, mod)
    if weak:
        return chosen is not None and _weak_name_ok(build, cand, chosen)
    if chosen is not None:
        return True
    own = not cand.hits or all(h.kind == "person" for h in cand.hits)
    return cand.label == "PERSON" and own and _name_like(build.doc, cand) and not _species_like(build, cand)


def _species_like(build: Build, cand: Candidate) -> bool:
    """A "name" that ends in a lower-case word that is no particle of names is a species' ("A. millepora",
    "Acropora millepora"), not a person's."""
    words = build.article.text[cand.start : cand.end].split()  # whole words: "Park Won-soon" is a name
    particle = words[-1].replace("’", "-").replace("'", "-").split("-")[0].lower()  # "al-Eryani", "d'Estaing"
    return len(words) > 1 and words[-1][:1].islower() and particle not in build.lex.words.name_particles


def _titled_name(build: Build, cand: Candidate, mod: Modifier | None) -> bool:
    if mod is None or not mod.contiguous or mod.appositive is not None or not (mod.title or "")[:1].isupper():
        return False
    title_text = build.article.text[mod.start : cand.start]
    return title_text[:1].isupper() and all(t.pos_ == "PROPN" for t in build.doc[cand.tok_start : cand.tok_end])


def _weak_name_ok(build: Build, cand: Candidate, chosen: tuple[Person, Role]) -> bool:
    """A bare surname the tagger missed: take it if the person is already named, or in office that day."""
    if ("P", chosen[0].name) in build.groups:
        return True
    day = build.article.published
    tokens = build.doc[cand.tok_start : cand.tok_end]
    if day is None or any(t.tag_ not in ("NNP", "NNPS") or t.ent_type_ for t in tokens):
        return False
    role = chosen[1]
    return role.start <= day and (role.end is None or day < role.end)


def _name_like(doc: Doc, cand: Candidate) -> bool:
    """Not a one-word "name" that modifies a common noun ("Patriot missile-defense systems"), nor a name
    with a number in it, which is a product's ("Tesla Model 3")."""
    if any(c.isdigit() for t in doc[cand.tok_start : cand.tok_end] for c in t.text):
        return False
    if cand.tok_end - cand.tok_start > 1:
        return True
    tok = doc[cand.tok_start]
    return not (tok.dep_ in ("compound", "amod") and tok.head.i > tok.i and tok.head.pos_ == "NOUN")


def _take_modifier(build: Build, mod: Modifier, cand: Candidate, key: Key, group: Group) -> None:
    if mod.appositive is not None:  # an appositive after the name
        after = build.doc.char_span(mod.appositive.start, mod.appositive.end, alignment_mode="expand")
        if after is not None and not any(k in build.taken for k in range(after.start, after.end)):
            build.add(key, group, mod.appositive, range(after.start, after.end))
        return
    first = build.doc.char_span(mod.start, cand.start, alignment_mode="expand")
    if first is None:
        return
    build.taken.update(range(first.start, cand.tok_start))
    if not mod.contiguous:
        end = first.end - 1 if first.end - 1 > first.start and build.doc[first.end - 1].text == "," else first.end
        build.add(key, group, build.span(mod.start, build.doc[end - 1].idx + len(build.doc[end - 1].text)))


def _last_held(person: Person, role: Role, day: dt.date | None) -> Role:
    """The role to describe a person by: ``role`` if held on ``day`` or if nothing was held before it, else
    the last one held ("former Vice President" in 2020, not the presidency to come)."""
    if day is None or role.start <= day:
        return role
    past = [r for r in person.roles if r.start <= day]
    return max(past, key=lambda r: (r.end or dt.date.max, r.start)) if past else role


def _current(role: Role, day: dt.date | None) -> bool:
    """Whether ``role`` is held on ``day`` (its last day included: news of that day still calls it so)."""
    return day is None or (role.start <= day and (role.end is None or day <= role.end))


def _person_group(
    build: Build, name: str, at: int, chosen: tuple[Person, Role] | None, mod: Modifier | None
) -> tuple[Key, Group]:
    day, words = build.article.published, build.lex.words
    country, sector = text_country_sector(build, mod, at)
    title = mod.title if mod is not None else None
    gender = words.gendered_titles.get(title.split()[-1].lower()) if title else None
    if chosen is not None:
        person, role = chosen
        role = _last_held(person, role, day)
        ended = False
        if _current(role, day):
            country, sector, title = role.country, role.sector, title or office_title(role, day, words)
        elif title is None and sector is None:  # a former officeholder the text gives no title: the office's sector
            country, title, sector = role.country, office_title(role, day, words), role.sector
            ended = day is not None and role.end is not None and role.end < day
        else:
            country, title = country or role.country, title or office_title(role, day, words)
        sector = IGO if country == IGO else sector
        group = Group(person.name, "person", country, sector, title, person.wikidata, person.gender or gender)
        group.former = ended or sector == ELITE
        return ("P", person.name), group
    if guessed := country is None:  # "Prime Minister Oleksiy Honcharuk", "Sudesh Amman" in a story about one country
        country = build.context.main_country or build.context.home_country
    group = Group(name, "person", country, IGO if country == IGO else sector, title, None, gender)
    group.former, group.unknown, group.country_guessed = _former(sector, mod), mod is None, guessed
    open_sector(build, group, mod)
    return ("P", name), group


def pronoun_pass(build: Build) -> None:
    """He/she join the one person (of matching gender) in this or the previous sentence; of several, the salient one."""
    doc, text = build.doc, build.article.text
    quotes = quote_regions(text, build.lex.words)
    starts = [q.start for q in quotes]

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and quotes[k].start <= pos < quotes[k].end

    sentence_starts = [s.start for s in build.sentences]
    for i, lower in enumerate(build.lowers):
        gender = build.lex.words.pronouns.get(lower)
        if gender is None or i in build.taken:
            continue
        tok = doc[i]
        if quoted(tok.idx):
            continue
        k = bisect.bisect_right(sentence_starts, i) - 1
        lo = doc[sentence_starts[max(k - PRONOUN_SENTENCES_BACK, 0)]].idx
        keys = {
            key for span, key in build.people
            if lo <= span.start and span.end <= tok.idx and not quoted(span.start)
            and build.groups[key].gender in (None, gender)
        }  # fmt: skip
        if len(keys) > 1:
            keys = salient(build, tok, keys, lo)  # the one the sentence is about (dateline.actors._salience)
        if len(keys) == 1:
            key = keys.pop()
            group = build.add_tokens(key, build.groups[key], range(i, i + 1))
            group.gender = group.gender or gender  # "he" once: no "her" later
