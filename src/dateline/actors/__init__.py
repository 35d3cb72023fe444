"""Actors: group an article's mentions into actors with country, sector and title.

Mentions come from the curated dictionaries (countries, capitals and metonyms,
organizations, people with their terms in office, generic agents such as
"troops" or "the Foreign Ministry"), from spaCy's entities (cleaned of the
small model's usual errors; a name it left untagged right after a person's
title is read too: :mod:`dateline.actors._untagged`) and from titles in the
text ("Russian President Vladimir Putin", "the U.S. president"). A bare surname the tagger did not
read as a person's is the person named before with that name
(:mod:`dateline.actors._surnames`); "he"/"she" join the one person actor
they can refer to. Each actor keeps every span that mentions it, so later
stages map a span to an actor with :meth:`Article.actor_at`.

The work happens in passes over one article, in this order: people (with the
titles before or after their names), title-only references ("the U.S.
president"), institutions and generic agents (with their country modifiers),
organizations, countries and other names, a named body's later mentions by the noun of its kind ("the
agency": :mod:`dateline.actors._later`), surnames named again, pronouns (of several persons, the
one the sentence is about: :mod:`dateline.actors._salience`), then the organizations
persons belong to (which give them a sector or country). Each pass marks the
tokens it used so later passes skip them: mentions of different actors do not
overlap. Parties the text does not name are actors too: a bare role noun that
is a party of a clause ("Critics accused him", :mod:`dateline.actors._parties`)
is a group of the story's country, bare "officials" are that country's officials
(a group apart from its government), people of a country that are counted
or a bare party ("thousands of Swedes", "Russians paid") are its civilians, and "the attacker", "a gunman", "a man
arrested" or "an IT worker went on a spree, killing four" is the criminal the
article names, or its one unnamed criminal
(:func:`dateline.actors._suspects.culprits_pass`); another person an indefinite
noun introduces ("An eyewitness said") is one of its own (:mod:`dateline.actors._unnamed`).

The dictionaries live in ``dateline/lang/<code>/`` (countries, agents, and the
pronouns, grammatical words and title words of ``actors.json``) and
``dateline/data/actors/`` (organizations, people; see
:mod:`dateline.actors._lexicon`); a user file given as the ``actors`` lexicon
is merged over them.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.attrs import SENT_START

from dateline import ids
from dateline.actors._affiliations import affiliations_pass
from dateline.actors._agents import agents_pass, government
from dateline.actors._build import Build, Context, Group
from dateline.actors._candidates import candidates_pass
from dateline.actors._junk import drop_junk
from dateline.actors._later import anaphors_pass, later_mentions_pass
from dateline.actors._lexicon import Country, Hit, Lexicon, Org, Person, load_lexicon
from dateline.actors._mentions import Candidate, clean_entities, scan_phrases
from dateline.actors._namesakes import PLACE_LABELS, division_namesakes, inside_places, without_namesakes
from dateline.actors._not_actors import not_actors_pass, opens_event_name
from dateline.actors._orgs import IGO, name_group
from dateline.actors._persons import people_pass, pronoun_pass
from dateline.actors._relations import relations_pass
from dateline.actors._surnames import surnames_pass
from dateline.actors._suspects import civilians_pass, culprits_pass, suspects_pass
from dateline.actors._titles import title_refs_pass
from dateline.actors._tokens import TokenTexts
from dateline.actors._unnamed import unnamed_pass
from dateline.actors._untagged import untagged_names
from dateline.pipeline import StageConfig, stage
from dateline.records import Actor, Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["apply"]

#: Shortest all-capital phrase that stands as a name without an entity ("FBI"); two capitals ("UN") need
#: the tagger's support. Chosen by hand, not tuned.
MIN_ACRONYM_CHARS = 3


@stage("actors", requires={"doc"}, assigns={"actors"}, help="who is who: actors with country and sector")
def apply(article: Article, config: StageConfig = StageConfig()) -> Article:
    """Fill ``article.actors`` from its annotation (``article.doc``)."""
    doc = article.doc
    if doc is None:
        return article
    lex = load_lexicon(config.resources(article))
    texts = TokenTexts.of(doc, article.text)
    ents, sentences = doc.ents, _sentences(doc)  # each read once: spaCy rebuilds them on every read
    phrases = scan_phrases(doc, texts, lex)
    namesakes = division_namesakes(doc, texts, phrases, lex.kb)
    phrases = without_namesakes(texts, phrases, namesakes) if namesakes else phrases
    phrases = inside_places(texts, phrases, lex.kb)
    kb, place_ents = lex.kb, [(e.start, e.text) for e in ents if e.label_ in PLACE_LABELS]
    context = Context.from_phrases(doc, phrases, article.published, kb.divisions if kb else {},
                                   kb.towns if kb else {}, place_ents, ents=ents, sentences=sentences)
    phrases = _namesakes_out(phrases, context.countries)
    places = frozenset(text for _, text in place_ents)
    build = Build(article, doc, lex, context, texts, places=places,
                  sentence_of=_sentence_of(len(doc), sentences), namesakes=namesakes, sentences=sentences)
    entities = sorted(clean_entities(doc, lex, ents, texts) + untagged_names(build, ents), key=_first_token)
    candidates, weak = _combine(phrases, entities, lex, doc, article.text)
    by_token = {k: c for c in phrases for k in range(c.tok_start, c.tok_end)}
    not_actors_pass(build)
    people_pass(build, candidates, by_token)
    people_pass(build, weak, by_token, weak=True)
    title_refs_pass(build)
    agents_pass(build, by_token)
    _names_pass(build, candidates)
    drop_junk(build)
    anaphors_pass(build)
    later_mentions_pass(build)
    surnames_pass(build)
    pronoun_pass(build)
    affiliations_pass(build)
    suspects_pass(build)
    culprits_pass(build)
    unnamed_pass(build)
    _possessive_government(build)
    relations_pass(build)
    candidates_pass(build)
    civilians_pass(build)
    return replace(article, actors=_records(build))


def _sentences(doc: Doc) -> list[range]:
    """The token range of each sentence, from the parse's sentence starts (as ``doc.sents`` reads them, without
    making a span of each)."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(doc):
        return [range(s.start, s.end) for s in doc.sents]
    starts = [0, *(k for k, flag in enumerate(doc.to_array(SENT_START).tolist()) if k and flag == 1), len(doc)]
    return [range(a, b) for a, b in pairwise(starts)]


def _sentence_of(length: int, sentences: list[range]) -> list[int]:
    """The first token of each token's sentence (``sentences``: their token ranges), read once."""
    starts = [0] * length
    for sent in sentences:
        starts[sent.start : sent.stop] = [sent.start] * len(sent)
    return starts


def _first_token(candidate: Candidate) -> int:
    return candidate.tok_start


def _namesakes_out(phrases: list[Candidate], countries: set[str]) -> list[Candidate]:
    """The phrases without the knowledge base's persons and organizations of countries the article never
    names: a namesake from elsewhere ("Together", a party of Serbia, in a London story) is no actor here."""
    out = []
    for cand in phrases:
        kept = tuple(h for h in cand.hits if _of_article(h, countries))
        if kept:
            cand.hits = kept
            out.append(cand)
    return out


def _of_article(hit: Hit, countries: set[str]) -> bool:
    ref = hit.ref
    if isinstance(ref, Org) and ref.kb:
        return ref.country in (None, IGO) or ref.country in countries
    if isinstance(ref, Person) and ref.kb:
        return bool({r.country for r in ref.roles} & (countries | {IGO}))
    return True


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
    """An entity beats the phrases inside it when its other words are names ("Washington Post"), but not a
    person's full name inside it ("Vermont Bernie Sanders": a place before the senator's name)."""
    if any(p.tok_end - p.tok_start > 1 and any(h.kind == "person" and not h.surname for h in p.hits)
           for p in inside):
        return False
    first = min(inside, key=lambda p: p.tok_start)
    countries = {h.ref.iso3 for h in first.hits if h.kind == "country" and isinstance(h.ref, Country)}
    known = {h.ref.country for p in inside if p is not first for h in p.hits if isinstance(h.ref, Org)}
    if ent.label == "ORG" and first.tok_start == ent.tok_start and countries and not countries & known:
        return True  # "the Kenya Red Cross": a country's own branch; not "US Federal Reserve", the Fed itself
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


def _names_pass(build: Build, candidates: list[Candidate]) -> None:
    """Organizations, countries, capitals used as actors, and other named entities."""
    before = set(build.taken)  # pieces of one hyphenated token ("U.S.-Russia") may each name an actor
    for cand in candidates:
        if not (build.free(cand) or (cand.part and cand.tok_start not in before)) or opens_event_name(build, cand):
            continue
        found = name_group(build, cand)
        if found is not None:
            key, group = found
            build.add(key, group, build.span(cand.start, cand.end), cand.tokens)


def _possessive_government(build: Build) -> None:
    """ "his administration" after "he" was resolved: the government of that person's country."""
    lowers, words = build.lowers, build.lex.words
    for i in [k for k in range(len(lowers) - 1) if lowers[k] in words.possessive_pronouns]:
        key = build.token_keys.get(i)
        if key is None or (i + 1) in build.taken:
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
