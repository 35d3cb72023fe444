"""Actors: group an article's mentions into actors with country, sector and title.

Mentions come from the curated dictionaries (countries, capitals and metonyms,
organizations, people with their terms in office, generic agents such as
"troops" or "the Foreign Ministry"), from spaCy's entities (cleaned of the
small model's usual errors) and from titles in the text ("Russian President
Vladimir Putin", "the U.S. president"). "he"/"she" join the one person actor
they can refer to. Each actor keeps every span that mentions it, so later
stages map a span to an actor with :meth:`Article.actor_at`.

The work happens in passes over one article, in this order: people (with the
titles before or after their names), title-only references ("the U.S.
president"), institutions and generic agents (with their country modifiers),
organizations, countries and other names, pronouns. Each pass marks the tokens
it used so later passes skip them: mentions of different actors do not overlap.

The dictionaries live in ``dateline/lang/<code>/`` (countries, agents, and the
pronouns, grammatical words and title words of ``actors.json``) and
``dateline/data/actors/`` (organizations, people; see
:mod:`dateline.actors._lexicon`); a user file given as the ``actors`` lexicon
is merged over them.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline import ids
from dateline.actors._agents import agents_pass, government, name_group, title_refs_pass
from dateline.actors._build import Build, Context, Group, Key, modifier_country
from dateline.actors._lexicon import Lexicon, Person, Role, load_lexicon
from dateline.actors._mentions import (
    Candidate,
    Modifier,
    clean_entities,
    quote_regions,
    scan_phrases,
    title_after,
    title_before,
)
from dateline.actors._people import choose_person, office_title
from dateline.pipeline import StageConfig, stage
from dateline.records import Actor, Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["apply"]

#: Shortest all-capital phrase that stands as a name without an entity ("FBI"); two capitals ("UN") need
#: the tagger's support. Chosen by hand, not tuned.
MIN_ACRONYM_CHARS = 3
#: Sentences before a pronoun's own in which the person it refers to may be named ("Merkel met Macron.
#: She said ..."). Set by hand, not tuned.
PRONOUN_SENTENCES_BACK = 1
#: Sectors of offices whose country, when the text does not say it, is the country the story is about.
CONTEXT_SECTORS = frozenset({"GOV", "MIL", "LEG", "COP", "JUD"})


@stage("actors", requires={"doc"}, assigns={"actors"}, help="who is who: actors with country and sector")
def apply(article: Article, config: StageConfig = StageConfig()) -> Article:
    """Fill ``article.actors`` from its annotation (``article.doc``)."""
    doc = article.doc
    if doc is None:
        return article
    lex = load_lexicon(config.resources(article))
    words = [t.text for t in doc]
    phrases = scan_phrases(doc, words, article.text, lex)
    build = Build(article, doc, lex, Context.from_phrases(doc, phrases, article.published), [w.lower() for w in words])
    candidates, weak = _combine(phrases, clean_entities(doc, lex), lex, doc, article.text)
    by_token = {k: c for c in phrases for k in range(c.tok_start, c.tok_end)}
    _people_pass(build, candidates, by_token)
    _people_pass(build, weak, by_token, weak=True)
    title_refs_pass(build)
    agents_pass(build, by_token)
    _names_pass(build, candidates)
    _pronoun_pass(build)
    _possessive_government(build)
    return replace(article, actors=_records(build))


def _combine(
    phrases: list[Candidate], entities: list[Candidate], lex: Lexicon, doc: Doc, text: str
) -> tuple[list[Candidate], list[Candidate]]:
    """Join dictionary phrases and entities; phrases without entity support that need one are ``weak``."""
    out: list[Candidate] = []
    used: set[int] = set()
    for ent in entities:
        inside = [p for p in phrases if p.tok_start < ent.tok_end and ent.tok_start < p.tok_end]
        covering = [p for p in inside if p.tok_start <= ent.tok_start and p.tok_end >= ent.tok_end]
        if covering:
            covering[0].label = ent.label
            continue
        if inside and not _entity_wins(ent, inside, lex, doc):
            for p in inside:
                p.label = p.label or ent.label
            continue
        used.update(id(p) for p in inside)
        out.append(ent)
    weak: list[Candidate] = []
    for p in phrases:
        if id(p) in used:
            continue
        (out if p.label or _strong(p, text) else weak).append(p)
    out.sort(key=lambda c: c.start)
    return out, weak


def _entity_wins(ent: Candidate, inside: list[Candidate], lex: Lexicon, doc: Doc) -> bool:
    """An entity beats the phrases inside it when its other words are names ("Washington Post")."""
    covered = {k for p in inside for k in range(p.tok_start, p.tok_end)}
    for k in range(ent.tok_start, ent.tok_end):
        tok = doc[k]
        if k in covered or tok.is_punct or tok.text in lex.words.possessives:
            continue
        if tok.text[:1].isupper() and tok.lower_ not in lex.role_words:
            return True
    return False


def _strong(candidate: Candidate, text: str) -> bool:
    """Whether a phrase stands without an entity: countries, multi-word names, acronyms."""
    if any(h.kind in ("country", "demonym", "capital", "metonym") for h in candidate.hits):
        return True
    if any(h.surname for h in candidate.hits):
        return False
    surface = text[candidate.start : candidate.end]
    return " " in surface or (len(surface) >= MIN_ACRONYM_CHARS and surface.replace(".", "").isupper())


def _people_pass(build: Build, candidates: list[Candidate], by_token: dict[int, Candidate], weak: bool = False) -> None:
    """People named by the candidates, with the titles before or after their names (``weak``: phrases
    no entity supports, taken only for a person already named or in office on the article's date)."""
    day = build.article.published
    for cand in candidates:
        if not build.free(cand):
            continue
        named = _named_person(build, cand)
        if named is not None:  # "Amman" after "Sudesh Amman" is him, not Jordan's capital
            build.add(named, build.groups[named], build.span(cand.start, cand.end), cand.tokens)
            continue
        chosen = choose_person(cand.hits, day) if any(h.kind == "person" for h in cand.hits) else None
        if not _reads_as_person(build, cand, chosen, weak):
            continue
        mod = title_before(build.doc, build.lowers, cand.tok_start, build.lex, by_token)
        mod = mod or title_after(build.doc, build.lowers, cand.tok_end, build.lex, by_token)
        key, group = _person_group(build, cand, chosen, mod)
        if key not in build.groups and chosen is None and mod is None and cand.tok_end - cand.tok_start == 1:
            continue  # a lone unknown word ("Jim", "Scholars") is too weak to make a person
        start = mod.start if mod is not None and mod.contiguous and mod.appositive is None else cand.start
        build.add(key, group, build.span(start, cand.end), cand.tokens)
        if mod is not None:
            _take_modifier(build, mod, cand, key, group)


def _reads_as_person(build: Build, cand: Candidate, chosen: tuple[Person, Role] | None, weak: bool) -> bool:
    """A dictionary person (a weak one only as :func:`_weak_name_ok` allows), or a name tagged PERSON."""
    if weak:
        return chosen is not None and _weak_name_ok(build, cand, chosen)
    return chosen is not None or (cand.label == "PERSON" and not cand.hits and _name_like(build.doc, cand))


def _named_person(build: Build, cand: Candidate) -> Key | None:
    """The person already in the article whose surname this one word is."""
    if cand.tok_end - cand.tok_start != 1 or cand.label not in ("PERSON", "ORG", "GPE", None):
        return None
    word = build.article.text[cand.start : cand.end]
    for key, group in build.groups.items():
        if group.kind == "person" and " " in group.name and group.name.rsplit(" ", 1)[1] == word:
            return key
    return None


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
    """Not a one-word "name" that modifies a common noun ("Patriot missile-defense systems")."""
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


def _person_group(
    build: Build, cand: Candidate, chosen: tuple[Person, Role] | None, mod: Modifier | None
) -> tuple[Key, Group]:
    country = modifier_country(mod, build.article.published)
    title = mod.title if mod is not None else None
    gender = build.lex.words.gendered_titles.get(title.split()[-1].lower()) if title else None
    if chosen is not None:
        person, role = chosen
        held = office_title(role, build.article.published, build.lex.words)
        # the dictionary's title while in office ("President"), else what the text says ("President-elect")
        shown = held if held is not None and (not held.startswith("former") or not title) else title
        group = Group(person.name, "person", role.country, role.sector, shown, person.wikidata, person.gender)
        return ("P", person.name), group
    text = " ".join(build.article.text[cand.start : cand.end].split())
    if " " not in text:
        for key, existing in build.groups.items():
            if existing.kind == "person" and key[0] == "P" and existing.name.split()[-1] == text:
                return key, existing
    sector = mod.sector if mod is not None else None
    if country is None and sector in CONTEXT_SECTORS:  # "Prime Minister Oleksiy Honcharuk" in a Ukraine story
        country = build.context.country_before(cand.start)
    return ("P", text), Group(text, "person", country, sector, title, None, gender)


def _names_pass(build: Build, candidates: list[Candidate]) -> None:
    """Organizations, countries, capitals used as actors, and other named entities."""
    before = set(build.taken)  # pieces of one hyphenated token ("U.S.-Russia") may each name an actor
    for cand in candidates:
        if not (build.free(cand) or (cand.part and cand.tok_start not in before)):
            continue
        found = name_group(build, cand)
        if found is not None:
            key, group = found
            build.add(key, group, build.span(cand.start, cand.end), cand.tokens)


def _pronoun_pass(build: Build) -> None:
    """He/she join the one person actor (of matching gender) in this or the previous sentence."""
    doc, text = build.doc, build.article.text
    quotes = quote_regions(text, build.lex.words)
    starts = [q.start for q in quotes]

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and quotes[k].start <= pos < quotes[k].end

    sentence_starts = [s.start for s in doc.sents]
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
        if len(keys) == 1:
            key = keys.pop()
            group = build.add_tokens(key, build.groups[key], range(i, i + 1))
            group.gender = group.gender or gender  # "he" once: no "her" later


def _possessive_government(build: Build) -> None:
    """ "his administration" after "he" was resolved: the government of that person's country."""
    lowers, words = build.lowers, build.lex.words
    for i in range(len(lowers) - 1):
        key = build.token_keys.get(i)
        if lowers[i] not in words.possessive_pronouns or key is None or (i + 1) in build.taken:
            continue
        person = build.groups[key]
        governed = lowers[i + 1] in words.government_words
        if governed and person.kind == "person" and person.country and person.country != "IGO":
            gov_key, gov = government(build, person.country)
            build.add_tokens(gov_key, gov, range(i + 1, i + 2))


def _records(build: Build) -> tuple[Actor, ...]:
    """One frozen actor per name: groups built under different keys with one name join."""
    merged: dict[str, Group] = {}
    mentions: dict[str, list[Span]] = {}
    for group in build.groups.values():
        merged.setdefault(group.name, group)
        mentions.setdefault(group.name, []).extend(group.mentions)
    actors = []
    for group in merged.values():
        spans = tuple(sorted(set(mentions[group.name]), key=_position))
        actor_id = ids.child_id(build.article.id, "actor", group.name)
        actors.append(
            Actor(actor_id, group.name, group.kind, group.country, group.sector, spans, group.title, group.wikidata)
        )
    actors.sort(key=lambda a: a.mentions[0].start)
    return tuple(actors)


def _position(span: Span) -> tuple[int, int]:
    return span.start, span.end
