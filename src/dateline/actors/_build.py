"""The state of one article's actor passes: actors being built and the country context.

A :class:`Build` and its :class:`Group` objects belong to one call of the
stage and are changed in place while the passes run; the stage turns them into
frozen :class:`~dateline.records.Actor` records at the end. Nothing here
changes the lexicon or anything else shared across articles.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.attrs import TAG

from dateline.actors._lexicon import Country, Lexicon, Org, Person
from dateline.actors._mentions import Candidate, Modifier
from dateline.actors._people import role_at
from dateline.actors._tokens import TokenTexts
from dateline.actors._words import Gender
from dateline.records import ActorKind, Article, Span, make_span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Entity

__all__ = ["CONTEXT_SENTENCES", "Build", "Context", "Group", "Key", "modifier_country"]

#: How many sentences back a country named earlier still explains a bare
#: "the Foreign Ministry" or "the government"; 2 fit the RFE/RL seed and Wikinews.
CONTEXT_SENTENCES = 2
#: A country is "what the story is about" when it has at least this share of the
#: article's country mentions, and at least MAIN_COUNTRY_MIN_MENTIONS of them;
#: judged on Wikinews 2019-2021.
MAIN_COUNTRY_SHARE = 0.5
MAIN_COUNTRY_MIN_MENTIONS = 2
#: ... or when it is named at least this many times as often as any other: a roundup of one country's news
#: that tells of many others in passing (the US election diaries of Wikinews name 15 other countries). Set by
#: hand; on the 149 Wikinews articles in no coded set it changes the main country of 2 (China, Iran).
MAIN_COUNTRY_LEAD = 3

Key = tuple[str, ...]
_IGO = "IGO"
_PARTY = "PTY"
_NO_DIVISIONS: Mapping[str, Sequence[str]] = {}


@dataclass
class Group:
    """An actor being built."""

    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    title: str | None = None
    wikidata: str | None = None
    gender: Gender | None = None
    mentions: list[Span] = field(default_factory=list)
    #: a name no dictionary knows and no title explains: kept only if the article uses it as an actor
    unknown: bool = False
    #: a person who held an office no longer on the article's date (an elite, unless running for office)
    former: bool = False
    #: the noun of a generic "the court", "the police": it may stand for an organization the article named
    anaphor: str | None = None
    #: an agent noun that names nobody unless an actor of its sector was named before it ("the officers")
    needs_antecedent: bool = False
    #: the country is only the story's, which the text did not say of this actor: words that join it to
    #: another country say more ("Jane Roe from South Korea")
    country_guessed: bool = False
    #: the sector is only a generic title's ("director", "chairman", "leader") whose organization is of no
    #: known kind: an organization the text joins the person to says better ("AIP chairman", "leader ... of
    #: the Law and Justice Party")
    sector_guessed: bool = False
    #: the organization a generic title names before it, as written ("AIP" of "AIP chairman"): the
    #: article's organization of that name gives the kind the title's words do not
    title_owner: str | None = None


@dataclass
class Context:
    """Where the article names countries, to explain bare institutions ("the Foreign Ministry")."""

    marks: list[tuple[int, str]]
    sentence_starts: list[int]
    #: countries named by their names or peoples ("Russia", "Russian"), not only by a capital or a metonym
    named: set[str] = field(default_factory=set)
    #: the country the story is about, if one dominates (see :meth:`from_phrases`)
    main_country: str | None = None
    #: the country the story happens in, if one dominates its country names and its places ("El Paso",
    #: "Texas"): the country of a bare "police" or "gunman", and of an organization of a known kind that
    #: no country is named for when no ``main_country`` dominates
    scene_country: str | None = None
    #: ``scene_country`` when it dominates (not one place named once): the country of a person of no
    #: country told when no ``main_country`` dominates ("Kenosha, Wisconsin" ... "Milwaukee")
    home_country: str | None = None

    @classmethod
    def from_phrases(cls, doc: Doc, phrases: list[Candidate], day: dt.date | None,
                     divisions: Mapping[str, Sequence[str]] = _NO_DIVISIONS,
                     towns: Mapping[str, Sequence[str]] = _NO_DIVISIONS,
                     places: Sequence[tuple[int, str]] = (), ents: Sequence[Entity] | None = None,
                     sentences: Sequence[range] | None = None) -> Context:
        """The marks of the countries the phrases name. The story's main country counts the names of
        countries, their peoples, capitals and curated people, not organizations: news agencies and
        parties of other countries are named in many stories ("Reuters", "Liberal Democrats"). A capital's
        name that is a person's ("Sudesh Amman") or another place's ("Moscow, Idaho") names no country;
        ``divisions`` (place name -> countries) tell a country's own parts ("London, England"). The scene
        country counts also the places the tagger saw (``places``: first token and text of each) that are
        divisions or ``towns`` of one country. ``ents`` and ``sentences`` (token ranges): the doc's entities and
        sentences, when the caller read them already."""
        marks, named, counts = [], set(), Counter[str]()
        people = {t.text for e in (doc.ents if ents is None else ents) if e.label_ == "PERSON" for t in e}
        for cand in phrases:
            iso = _country_of(cand, day)
            if iso is None or iso == "IGO" or _not_the_capital(doc, cand, phrases, people, divisions):
                continue
            marks.append((cand.start, iso))
            kinds = {h.kind for h in cand.hits}
            if kinds & {"country", "demonym"}:
                named.add(iso)
            if "org" not in kinds:
                counts[iso] += 1
        scene = counts + Counter(_place_countries(phrases, divisions, towns, places))
        # the only country a story's names and places point to is its scene, even named once ("in Mississauga")
        only = next(iter(scene)) if len(scene) == 1 else None
        home = _dominant(scene)
        starts = [s.start_char for s in doc.sents] if sentences is None else [doc[s.start].idx for s in sentences]
        return cls(marks, starts, named, _dominant(counts), home or only, home)

    @property
    def countries(self) -> set[str]:
        """Every country the article names (its name, people, capital or an organization of it)."""
        return {iso for _, iso in self.marks}

    def country_before(self, pos: int, nearby: bool = True) -> str | None:
        """The country named last before ``pos`` in its sentence, else the main one, else (``nearby``) the
        nearest named within :data:`CONTEXT_SENTENCES` sentences before."""
        k = bisect.bisect_right(self.sentence_starts, pos) - 1
        j = bisect.bisect_left(self.marks, (pos, "")) - 1
        if j >= 0 and k >= 0 and self.marks[j][0] >= self.sentence_starts[k]:
            return self.marks[j][1]
        if not nearby:
            return self.main_country
        floor = self.sentence_starts[max(k - CONTEXT_SENTENCES, 0)] if k >= 0 else 0
        nearest = self.marks[j][1] if j >= 0 and self.marks[j][0] >= floor else None
        return self.main_country or nearest


def _dominant(counts: Counter[str]) -> str | None:
    """The country with at least :data:`MAIN_COUNTRY_MIN_MENTIONS` of the counts and either
    :data:`MAIN_COUNTRY_SHARE` of them or :data:`MAIN_COUNTRY_LEAD` times the next country's, else None."""
    if not counts:
        return None
    (iso, count), *rest = counts.most_common(2)
    ahead = bool(rest) and count >= MAIN_COUNTRY_LEAD * rest[0][1]
    enough = count >= MAIN_COUNTRY_MIN_MENTIONS and (ahead or count >= MAIN_COUNTRY_SHARE * counts.total())
    return iso if enough else None


def _place_countries(phrases: list[Candidate], divisions: Mapping[str, Sequence[str]],
                     towns: Mapping[str, Sequence[str]], places: Sequence[tuple[int, str]]) -> list[str]:
    """The country of each place the tagger saw, not a dictionary phrase, that is a division or town of
    one country only ("Texas", "El Paso"; not "Paris", also a US town): where a story happens counts for
    its country as the names of countries do."""
    starts = {c.tok_start for c in phrases}
    found = [{*divisions.get(text, ()), *towns.get(text, ())} for start, text in places if start not in starts]
    return [next(iter(countries)) for countries in found if len(countries) == 1]


def _not_the_capital(doc: Doc, cand: Candidate, phrases: list[Candidate], people: set[str],
                     divisions: Mapping[str, Sequence[str]]) -> bool:
    """Whether a capital's name is a person's name here, or is followed by a state or country that is not
    its own ("Moscow, Idaho"; not "London, England")."""
    capitals = {h.ref.iso3 for h in cand.hits if h.kind == "capital" and isinstance(h.ref, Country)}
    if not capitals:
        return False
    if doc[cand.tok_start : cand.tok_end].text in people:
        return True
    k = cand.tok_end
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].pos_ != "PROPN":
        return False
    after = next((p for p in phrases if p.tok_start == k + 1), None)
    own = after is not None and any(isinstance(h.ref, Country) and h.ref.iso3 in capitals for h in after.hits)
    return not own and not capitals & set(divisions.get(doc[k + 1].text, ()))


def _country_of(cand: Candidate, day: dt.date | None) -> str | None:
    """The country a dictionary phrase names: a country's names, or a curated organization or person (the
    knowledge base's namesakes are too many to say what an article is about)."""
    for hit in cand.hits:
        if isinstance(hit.ref, Country):
            return hit.ref.iso3
        if isinstance(hit.ref, Org) and not hit.ref.kb:
            return hit.ref.country
        if isinstance(hit.ref, Person) and not hit.surname and not hit.ref.kb:
            return role_at(hit.ref, day).country
    return None


@dataclass
class Build:
    """One article's actors under construction, and the tokens already used."""

    article: Article
    doc: Doc
    lex: Lexicon
    context: Context
    #: the text of every token and of runs of them, read once
    texts: TokenTexts
    groups: dict[Key, Group] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)
    #: person mentions in text order, with the actor they name
    people: list[tuple[Span, Key]] = field(default_factory=list)
    #: token index -> the actor whose mention used it
    token_keys: dict[int, Key] = field(default_factory=dict)
    #: the texts the tagger marked as places (GPE, LOC) in the article
    places: frozenset[str] = frozenset()
    #: the first token of each token's sentence
    sentence_of: list[int] = field(default_factory=list)
    #: names of countries that name a division of another country here ("Georgia" -> USA)
    namesakes: Mapping[str, str] = field(default_factory=dict)
    #: the token range of each sentence, read once
    sentences: list[range] = field(default_factory=list)

    @property
    def lowers(self) -> list[str]:
        """The lower-case form of every token."""
        return self.texts.lowers

    @functools.cached_property
    def tags(self) -> list[str]:
        """The Penn tag of every token, read once from the doc's array of tags (no token object made)."""
        strings = self.doc.vocab.strings
        return [strings[tag] for tag in self.doc.to_array(TAG).tolist()]

    def span(self, start: int, end: int) -> Span:
        """The article's text from ``start`` to ``end``."""
        return make_span(self.article.text, start, end)

    def token_span(self, tokens: range) -> Span:
        """The article's text covered by ``tokens`` (a run of token indices)."""
        last = self.doc[tokens.stop - 1]
        return self.span(self.doc[tokens.start].idx, last.idx + len(last.text))

    def add(self, key: Key, group: Group, span: Span, tokens: range | None = None) -> Group:
        """Record ``span`` as a mention of the actor ``key`` (``group`` when it is new); ``tokens`` are used up."""
        existing = self.groups.setdefault(key, group)
        existing.mentions.append(span)
        if tokens is not None:
            self.taken.update(tokens)
            self.token_keys.update((k, key) for k in tokens)
        if existing.kind == "person":
            bisect.insort(self.people, (span, key), key=lambda mention: (mention[0].start, mention[0].end))
        return existing

    def add_tokens(self, key: Key, group: Group, tokens: range) -> Group:
        """Record the text of ``tokens`` as a mention of the actor ``key`` and use the tokens up."""
        return self.add(key, group, self.token_span(tokens), tokens)

    def story_body(self, orgs: Sequence[Org], written: str, prefix: bool = False) -> str | None:
        """The country the story is about, for a name the bodies of many countries bear (``generic_body_names``:
        "the Senate", "Congress") that the dictionary ``orgs`` give to another country's: "the Senate" of a story
        about Puerto Rico is its own. ``prefix``: the name may begin ``written`` ("Senate President")."""
        main = self.context.main_country
        if main is None or main == _IGO or not orgs or any(o.kb or o.country in (None, _IGO, main) for o in orgs):
            return None
        bodies = {(o.country, sector) for o in orgs for sector in (o.sector, _PARTY)}
        if any((g.country, g.sector) in bodies for g in self.groups.values()):
            return None  # a US senator or party named before: "the Senate" is the US Senate in a story about Iran
        names, words = self.lex.words.generic_body_names, written.lower().split()
        words = words[1:] if words and words[0] in self.lex.words.determiners else words
        ends = range(1, len(words)) if prefix else range(len(words), len(words) + 1)
        return main if any(" ".join(words[:end]) in names for end in ends) else None

    def free(self, candidate: Candidate) -> bool:
        return not any(k in self.taken for k in range(candidate.tok_start, candidate.tok_end))


def modifier_country(mod: Modifier | None, day: dt.date | None) -> str | None:
    """The country (or IGO) that the words before a name point to."""
    if mod is None:
        return None
    for hit in mod.hits:
        if isinstance(hit.ref, Country):
            return hit.ref.iso3
        if isinstance(hit.ref, Org):
            return hit.ref.country
        if isinstance(hit.ref, Person):
            return role_at(hit.ref, day).country
    return None
