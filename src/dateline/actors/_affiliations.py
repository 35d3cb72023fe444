"""Persons known by the organization they belong to.

A person of whom neither the text nor a dictionary says a role, but whom the
text joins to an organization of a known kind, takes that organization's
sector, and its country when the person has none: "Jane Roe of the Center for
Election Science" (NGO), "John Roe, a biologist at the Royal Veterinary
College," (EDU), "Jane Roe with the ACLU". The prepositions are the language's
(``affiliation_prepositions`` of ``actors.json``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors._build import Build, Group

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["affiliations_pass"]


def affiliations_pass(build: Build) -> None:
    """Persons of no known sector that a mention joins to an organization of a known sector."""
    for group in build.groups.values():
        if group.kind != "person" or group.sector is not None:
            continue
        for mention in group.mentions:
            span = build.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            org = _affiliation(build, span.root) if span is not None else None
            if org is not None:
                group.sector = org.sector
                group.country = group.country or org.country
                break


def _affiliation(build: Build, tok: Token) -> Group | None:
    """The organization of a known sector that a name, or a noun in apposition to it, is joined to by one of
    the affiliation prepositions ("Jane Roe of the NCA", "John Roe, a professor at Yale,")."""
    prepositions = build.lex.words.affiliation_prepositions
    for word in [tok, *(c for c in tok.children if c.dep_ == "appos")]:
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in prepositions:
                continue
            for obj in prep.children:
                key = build.token_keys.get(obj.i) if obj.dep_ == "pobj" else None
                org = build.groups.get(key) if key is not None else None
                if org is not None and org.kind == "organization" and org.sector is not None:
                    return org
    return None
