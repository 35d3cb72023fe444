"""Ranks and titles: what the words beside a person's name say of their sector and country.

A title's own sector ("Senator": LEG), an elite's for an office held no longer
("former prime minister"), or, for a generic rank ("director", "spokesman",
"chairman"), the kind of the body it belongs to: a dictionary organization, an
organization's name ("director of Youth Forum Zimbabwe"), a body named in the
title's words ("police spokesman": COP), or a person's campaign ("a spokeswoman
for the Roe campaign": PTY). A rank of no known body is the government's, a guess
that an organization the text joins the person to overrides later
(:mod:`dateline.actors._affiliations`).
"""

from __future__ import annotations

from dateline.actors._build import Build, Group, modifier_country
from dateline.actors._lexicon import Org
from dateline.actors._mentions import Modifier
from dateline.actors._namesakes import PLACE_LABELS
from dateline.actors._orgs import text_country

__all__ = ["ELITE", "GENERIC_SECTOR", "OFFICE_SECTORS", "open_sector", "text_country_sector"]

#: The sector of persons who hold no office any more (PLOVER's elites: former officials).
ELITE = "ELI"
#: Sectors of offices whose former holders are elites ("former prime minister"; not "former lawyer", nor a
#: retired judge, whom PLOVER keeps in the judiciary).
OFFICE_SECTORS = frozenset({"GOV", "LEG", "MIL", "PTY", "IGO"})
#: The sector a generic title ("director", "chairman") gives when nothing says whose it is: a guess that an
#: organization the text joins the person to overrides.
GENERIC_SECTOR = "GOV"


def open_sector(build: Build, group: Group, mod: Modifier | None) -> None:
    """Mark a person whose government sector is only a generic title's ("director", "chairman", "leader"),
    the title naming no organization of a known kind: the organization the text joins them to, or the
    article's organization the title names ("AIP chairman"), gives the kind later
    (:mod:`dateline.actors._affiliations`)."""
    if mod is None or group.sector != GENERIC_SECTOR:
        return
    said = mod.title or (mod.appositive.text if mod.appositive is not None else None)  # "editorial director"
    if said is None:
        return
    title, position_words = said.lower(), build.lex.words.position_words
    if (title in position_words or title.split()[-1] in position_words) and _organization(build, mod)[1] is None:
        group.sector_guessed, group.title_owner = True, mod.organization


def text_country_sector(build: Build, mod: Modifier | None, at: int) -> tuple[str | None, str | None]:
    """What the words beside a name say of the person's country and sector: the title's sector ("former"
    makes an elite), or the organization's for a rank in one ("director of Youth Forum Zimbabwe")."""
    if mod is None:
        return None, None
    words = build.lex.words
    country = modifier_country(mod, build.article.published)
    bodies = [h.ref for h in mod.hits if isinstance(h.ref, Org)]
    if bodies and len(bodies) == len(mod.hits):  # "Senate President Jane Roe" in a story about Puerto Rico
        country = build.story_body(bodies, build.article.text[mod.start : at], prefix=True) or country
    org_country, org_sector = _organization(build, mod)
    title = (mod.title or "").lower()
    said = build.article.text[mod.start : mod.appositive.end if mod.appositive is not None else at]
    said_words = said.lower().split()
    if any(w in words.former_words for w in said_words) and mod.sector in OFFICE_SECTORS:
        late = any(w in words.deceased_words for w in said_words)  # "the late Senator Jane Roe": the office's
        return country or org_country, mod.sector if late else ELITE  # "Former US Vice President Joe Biden"
    if title and title.split()[-1] in words.nationality_nouns:
        return country or org_country, None  # "Libyan national Jane Roe": her country; her acts say the rest
    generic = not title or title in words.position_words or title.split()[-1] in words.position_words
    sector = (org_sector or _body_in_title(build, title) or mod.sector) if generic else mod.sector
    return country or org_country or _appositive_place(build, mod), sector


def _appositive_place(build: Build, mod: Modifier) -> str | None:
    """The country of the places the person's own appositive names ("Pat Roe, the sheriff of Marion County,
    Oregon,"), when they are states or towns of one country only; None without an appositive."""
    kb, apposition = build.lex.kb, mod.appositive
    if kb is None or apposition is None:
        return None
    words = build.doc.char_span(apposition.start, apposition.end, alignment_mode="expand")
    if words is None:
        return None
    root = words.root  # the appositive's noun, with the words that depend on it ("of Marion County, Oregon")
    phrase = build.doc[root.left_edge.i : root.right_edge.i + 1]
    countries = [{*kb.divisions.get(e.text, ()), *kb.towns.get(e.text, ())} for e in phrase.ents
                 if e.label_ in PLACE_LABELS]
    found = {next(iter(c)) for c in countries if len(c) == 1}
    return found.pop() if len(found) == 1 else None


def _body_in_title(build: Build, title: str) -> str | None:
    """The sector of the body a generic title's words before its rank name ("police spokesman": COP, "army
    spokesman": MIL, "campaign spokeswoman": PTY), None if they name none."""
    words, lex = title.split(), build.lex
    while words and words[-1] in lex.words.position_words:
        words = words[:-1]
    for body in (" ".join(words[i:j]) for i in range(len(words)) for j in range(len(words), i, -1)):
        agent = lex.agents.get(body)  # the first body named: "police press officer" is the police's
        found = (agent[0] if agent is not None and not agent[2] else None) or lex.institutions.get(body) or (
            lex.heads.table.get(body) if lex.heads is not None else None) or lex.words.relation_nouns.get(body)
        if found is not None:
            return found
    return None


def _organization(build: Build, mod: Modifier) -> tuple[str | None, str | None]:
    """Country and sector of the organization a title belongs to: a dictionary one, else what its name
    says ("Thames Valley Police", "Abu Dhabi Media"), or the people of a person it names ("the Roe
    campaign", "Roe's legal team": ``relation_nouns``)."""
    for hit in mod.hits:
        if isinstance(hit.ref, Org):
            return hit.ref.country, hit.ref.sector
    if not mod.organization:
        return None, None
    sector = build.lex.heads.sector(mod.organization) if build.lex.heads is not None else None
    words, relations = mod.organization.lower().split(), build.lex.words.relation_nouns
    tie = next((relations[t] for t in (" ".join(words[-2:]), words[-1]) if relations.get(t)), None)
    return text_country(build, mod.organization), sector or tie  # "for the Roe campaign": PTY
