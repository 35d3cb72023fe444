"""Persons known by the organization they belong to.

A person of whom neither the text nor a dictionary says a role, but whom the
text joins to an organization of a known kind, takes that organization's
sector, and its country when the person has none: "Jane Roe of the Center for
Election Science" (NGO), "John Roe, a biologist at the Royal Veterinary
College," (EDU), "Jane Roe with the ACLU"; so too for a body named by a common
noun ("a member of parliament", "Jane Roe of the opposition"), and for one no
dictionary knows whose kind the words in apposition to it say ("Jane Roe of
Harbor Tide, a shipping firm," BUS; "Roe of "Speak Up", a victims' charity," NGO).
A person of no known country, or
of only the story's country that the text does not say of them, whom the text
joins so to a country, or to an organization of a known country, is of that
country ("Mary Roe, also from Kenya,", "Jane Roe, a spokeswoman for the Kenyan
Ministry of Health", "ecologist Jane Roe of the University of Kansas" in a story
of Mexico). A person whose government sector is only a generic title's
("director", "chairman", "leader") takes the kind of such an organization too:
"Hungarian leader Jane Roe of the Civic Party" (PTY), or of the article's
organization the title names ("The Green Party (GP) ... GP chairman John Roe").
The prepositions are the language's (``affiliation_prepositions`` of
``actors.json``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group, Key
from dateline.actors._modifiers import title_words
from dateline.actors._tagged import kind_in_apposition

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["affiliations_pass"]

#: Words a preposition may stand after a name by: a comma, "also", "both" ("Ann Roe and Tom Roe, both from").
MAX_WORDS_BEFORE_PREPOSITION = 3
#: Dependency labels of the words between a name and its preposition ("also", "both").
SKIPPED = frozenset({"advmod", "preconj"})
#: Most words of the name of an organization between an affiliation preposition and the phrase in apposition
#: that says its kind ("of Harbor Tide, a shipping firm"). Set by hand, not tuned.
MAX_BODY_NAME_WORDS = 6


def affiliations_pass(build: Build) -> None:
    """Persons of no known sector that a mention joins to an organization of a known sector, and persons
    of no known country, or only the story's, that a mention joins to a country or an organization of one."""
    for group in build.groups.values():
        if group.kind != "person" or (group.sector is not None and group.country is not None
                                      and not group.country_guessed and not group.sector_guessed):
            continue
        _title_owner(build, group)
        for mention in group.mentions:
            span = build.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            group.sector = group.sector or _clause_title(build, span.root)  # "Jane Roe, who is a lawyer,"
            group.sector = group.sector or _described_body(build, span.end)  # "Roe of Harbor Tide, a firm,"
            for other in [*_affiliations(build, span.root), *_country_after(build, span.end)]:
                open_country = group.country is None or (group.country_guessed and other.country is not None)
                if other.kind in ("organization", "group") and other.sector is not None and (
                        group.sector is None or group.sector_guessed):
                    group.sector, group.sector_guessed = other.sector, False
                    group.country = other.country if open_country else group.country
                elif other.kind in ("organization", "country") and open_country:
                    group.country = other.country  # "Jane Roe, a spokeswoman for the Kenyan health ministry"
                if open_country and group.country is not None and group.country == other.country:
                    group.country_guessed = False  # "Jane Roe from Kenya" in a story of another country


def _title_owner(build: Build, group: Group) -> None:
    """A generic title's organization named before it, "AIP" of "AIP chairman", that the article names as an
    organization of a known kind: its sector is the person's."""
    if not group.sector_guessed or not group.title_owner:
        return
    for other in build.groups.values():
        if other.kind == "organization" and other.sector is not None and (
                other.name == group.title_owner or any(m.text == group.title_owner for m in other.mentions)):
            group.sector, group.sector_guessed = other.sector, False
            return


def _affiliations(build: Build, tok: Token) -> list[Group]:
    """The actors that a name, a word in apposition to it or a relative clause on it is joined to by one of the
    affiliation prepositions ("Jane Roe of the NCA", "John Roe, a professor at Yale,", "both from Ethiopia",
    "Roe, who works for the UN"), and the object of a relative clause of heading ("Roe, who heads the NCA")."""
    words, found = build.lex.words, []
    prepositions = words.affiliation_prepositions
    clauses = [c for c in tok.children if c.dep_ == "relcl"
               and any(s.dep_ == "nsubj" and s.lower_ in words.relative_pronouns for s in c.children)]
    for clause in clauses:  # "Jane Roe, who heads the Red Cross,"
        if clause.lemma_.lower() in words.heading_verbs:
            found += [build.groups[k] for o in clause.children if o.dep_ == "dobj"
                      and (k := _key_at(build, o)) is not None and k in build.groups]
    attributes = [a for c in clauses for a in c.children if a.dep_ == "attr"]  # "who is a researcher at Yale"
    for word in [tok, *(c for c in tok.children if c.dep_ in ("appos", "advmod")), *clauses, *attributes]:
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in prepositions:
                continue
            for obj in prep.children:
                key = _key_at(build, obj) if obj.dep_ == "pobj" else None
                if key is not None and key in build.groups:
                    found.append(build.groups[key])
    return found


def _clause_title(build: Build, tok: Token) -> str | None:
    """The sector of the title a relative clause on a name gives with a copula ("Jane Roe, who is a lawyer,":
    JUD), unless it is a generic rank ("who is a director"), which its organization explains."""
    words = build.lex.words
    for clause in tok.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in words.copula_lemmas or not any(
                s.dep_ == "nsubj" and s.lower_ in words.relative_pronouns for s in clause.children):
            continue
        for attr in (a for a in clause.children if a.dep_ == "attr" and a.lower_ not in words.position_words):
            found = title_words(build.doc, build.lowers, attr.left_edge.i, attr.i + 1, build.lex)
            if found is not None and found[0].stop == attr.i + 1:
                return found[1]
    return None


def _described_body(build: Build, end: int) -> str | None:
    """The sector the words in apposition to the name right after a person's affiliation preposition say its
    organization is of ("Jane Roe of Harbor Tide, a firm specialising in radar,": BUS; "of "Speak Up", a
    victims' charity,": NGO), None when there is no such name or the words say no kind."""
    doc, quotes = build.doc, build.lex.words.opening_quotes | build.lex.words.closing_quotes
    if end + 1 >= len(doc) or build.lowers[end] not in build.lex.words.affiliation_prepositions:
        return None
    k, quoted = end + 1, doc[end + 1].text in quotes
    k += int(quoted)
    start = k
    while k < min(len(doc), start + MAX_BODY_NAME_WORDS) and (doc[k].text[:1].isupper() or (
            quoted and doc[k].text not in quotes)):
        k += 1
    k += int(quoted and k < len(doc) and doc[k].text in quotes)
    return kind_in_apposition(build, k) if k > start else None


def _key_at(build: Build, obj: Token) -> Key | None:
    """The actor a preposition's object names: the object's own, else that of the nearest name word before it
    in its phrase ("the Law and Justice Party", whose actor is "Law and Justice"), else after it ("the victim
    group Ending Harm")."""
    for k in [*range(obj.i, obj.left_edge.i - 1, -1), *range(obj.i + 1, obj.right_edge.i + 1)]:
        key = build.token_keys.get(k)
        if key is not None:
            return key
    return None


def _country_after(build: Build, end: int) -> list[Group]:
    """The country named right after a name by an affiliation preposition, whatever the parser attached the
    preposition to ("coached by Mary Roe also from Kenya", "Ann Roe and Tom Roe, both from Ghana")."""
    doc, k = build.doc, end
    while k < min(end + MAX_WORDS_BEFORE_PREPOSITION, len(doc)) and (doc[k].text == "," or doc[k].dep_ in SKIPPED):
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in build.lex.words.affiliation_prepositions:
        return []
    key = build.token_keys.get(k + 1)
    group = build.groups.get(key) if key is not None else None
    return [group] if group is not None and group.kind == "country" else []
