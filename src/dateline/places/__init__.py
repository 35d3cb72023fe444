"""Places: find place names and resolve them in an offline gazetteer.

Entry point :func:`apply` fills ``article.places`` with one :class:`Place` per
place mention: the span, the gazetteer's name, ISO-3 country (None for
regions across countries), latitude and longitude, GeoNames id (countries, US
states and cities have one) and feature type: ``country``, ``admin1`` (a US
state, a province), ``admin2`` (a county), ``city``, ``region`` (continents,
seas, "Crimea", and Natural Earth's rivers, lakes, ranges, peaks, deserts and
deltas: "the Neches River", "the Nile"), ``landmark`` ("the Kremlin" when given as a span), or None
for a street or building the gazetteer does not know, kept with its name only, or, where the text puts
it in a town it names ("Maple Grove Avenue in Kalamazoo"), with that town's point and country and the town's
name in ``within`` (:mod:`dateline.places._within`).

Mentions come from spaCy's GPE, LOC and FAC entities (cleaned of "the",
possessives and names that are never places, split at commas and between
hyphenated places such as "U.S.-Russia"), from place names inside longer
entities ("the Minnesota Department of Transportation") and from gazetteer
matches of proper nouns the model missed. Demonyms ("Russian") are never
places here. All the mentions of an article are resolved together (see
:mod:`dateline.places._article`): feature type and population, the countries
and US states the article votes for, nearby candidates of the other names,
and "City, State" qualifiers.

For other stages and evaluations (each takes the language's resources,
``dateline.lang.resources("en")`` or a stage config's ``resources(article)``):

- :func:`resolve` resolves one name, optionally with context countries/states;
- :func:`resolve_spans` resolves given spans of a text together, as
  :func:`apply` does with the spans it finds.

The gazetteer loads once per process and language on first use (about 2 s on
an idle laptop core; ~125 MB of objects): GeoNames and ISO 3166 data with the
language's names of places (``lang/<code>/places.json``, ``demonyms.json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dateline.lang import Resources
from dateline.pipeline import StageConfig, stage
from dateline.places._article import resolve_mentions, supported
from dateline.places._check import Check, features, load_check, score
from dateline.places._detect import Found, find_mentions
from dateline.places._gazetteer import Entry, Gazetteer, load_gazetteer
from dateline.places._home import demonym_countries, in_country, outlet_country, outlet_town, section_towns
from dateline.places._names import FIRM_SOURCES, eponym, names_feature
from dateline.places._qualify import qualifier_at
from dateline.places._rank import Ranked, Ranker, Ranking, address_letters, load_ranker
from dateline.places._resolve import Context, Mention, candidates, is_decisive, within
from dateline.places._strays import find_strays
from dateline.places._within import place_inside
from dateline.records import Article, Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

__all__ = ["Choice", "PlacesConfig", "apply", "check_features", "choices", "resolve", "resolve_spans"]


@dataclass(frozen=True)
class PlacesConfig(StageConfig):
    """Settings of the places stage."""

    check: bool = field(default=False, metadata={
        "help": "let the language's learned check ('dateline train places') override the rules' keep-or-drop "
                "of each point where it is sure; out of fold it moves LGL and GeoWebNews by about 0.003 and "
                "costs about 0.8% of spaCy's time, so it is off by default"})
    rank: bool = field(default=False, metadata={
        "help": "let the language's learned ranker of namesakes ('dateline train places-rank') pick each name's "
                "place among its candidates of the kind the rules chose; out of fold it gains nothing on LGL (0.796 "
                "/ 0.875 -> 0.795 / 0.872) nor on GeoWebNews, so it is off by default"})


@stage("places", requires={"doc"}, assigns={"places"}, help="place names resolved in the offline gazetteer",
       config=PlacesConfig)
def apply(article: Article, config: PlacesConfig = PlacesConfig()) -> Article:
    """Fill ``article.places`` from the spaCy annotation (``article.doc``).

    An article without an annotation is returned unchanged: run ``annotate`` first.
    """
    if article.doc is None:
        return article
    res = config.resources(article)
    chosen = _choices(article, res, load_ranker(res) if config.rank else None)
    check = load_check(res) if config.check else None
    if check is not None:
        chosen = _checked(article, load_gazetteer(res), chosen, check)
    kept = sorted((c.place() for c in chosen if c.placed or c.named), key=lambda p: (p.span.start, p.span.end))
    unknown = {c.span for c in chosen if c.named and c.entry is None and c.source in UNRESOLVED_SOURCES}
    return replace(article, places=tuple(place_inside(article.text, kept, unknown, load_gazetteer(res).words)))


@dataclass(frozen=True)
class Choice:
    """One mention as the rules decide it: its span, where it came from, the gazetteer entry it resolves to
    (None when unknown), whether the rules report it with that entry's point (``placed``), and, when they do
    not, whether they keep it with its name only (``named``; ``country`` from its qualifier, "Granby, Vt."),
    and, when :func:`choices` is asked to describe them, the candidates of its name among which the ranker of
    namesakes picks, as the rules leave the article (``ranked``; None for a name the ranker leaves alone)."""

    span: Span
    source: str
    entry: Entry | None
    placed: bool
    named: bool
    country: str | None = None
    ranked: Ranked | None = field(default=None, compare=False, repr=False)

    def place(self) -> Place:
        """The place the rules report for this mention (only for ``placed`` or ``named`` choices)."""
        if self.placed and self.entry is not None:
            return _place(self.span, self.entry)
        return Place(self.span, self.span.text, self.country)

    def point(self) -> Place:
        """The place with the entry's point whatever the rules decided (only for choices with an entry)."""
        assert self.entry is not None
        return _place(self.span, self.entry)

    @property
    def pointed(self) -> bool:
        """Whether the mention resolves to an entry with a point: the learned check judges only these."""
        return self.entry is not None and self.entry.lat is not None


def check_features(article: Article, gazetteer: Gazetteer, pointed: Sequence[Choice]) -> list[list[str]]:
    """The learned check's features of each of an article's ``pointed`` choices (see ``Choice.pointed``)."""
    return features(article, gazetteer, [c.span for c in pointed], [c.entry for c in pointed if c.entry],
                    [c.placed for c in pointed], [c.named for c in pointed], [c.source for c in pointed],
                    outlet_country(article.url or article.site))


def _checked(article: Article, gazetteer: Gazetteer, chosen: list[Choice], check: Check) -> list[Choice]:
    """The choices with the learned check's decision on each point in place of the rules' where it is sure."""
    pointed = [c for c in chosen if c.pointed]
    rows = check_features(article, gazetteer, pointed)
    keep = dict(zip([c.span for c in pointed], check.keep(score(check.weights, rows), [c.placed for c in pointed]),
                    strict=True))
    return [replace(c, placed=keep[c.span]) if c.span in keep else c for c in chosen]


def choices(article: Article, config: StageConfig = StageConfig(), *, ranker: Ranker | None = None,
            describe: bool = False) -> list[Choice]:
    """Every mention the stage finds in ``article`` (annotated), with its entry and the rules' decision; the
    places :func:`apply` reports are those ``placed`` or ``named``, in text order. ``ranker`` picks among
    namesakes (none: the rules' picks); with ``describe``, each choice holds its name's candidates as the
    rules leave them (``Choice.ranked``), for the ranker's training."""
    return _choices(article, config.resources(article), ranker, describe)


def _choices(article: Article, res: Resources, ranker: Ranker | None = None, describe: bool = False) -> list[Choice]:
    if article.doc is None:
        return []
    gazetteer = load_gazetteer(res)
    ents = article.doc.ents  # spaCy builds them anew on each call
    found = find_mentions(article.doc, gazetteer, article.text, ents)
    qualifiers = _qualifiers(gazetteer, article.text, [span for span, f in found.items() if f.source != "list"])
    # "Granby, Vt.": a town the gazetteer does not list in the state its qualifier names is no Granby elsewhere.
    unlisted = {span: qualifiers[span] for span, f in found.items() if _unlisted(gazetteer, span, f, qualifiers)}
    found = {span: f for span, f in found.items() if span not in unlisted}
    # One sense per article: a name its dateline gives ("WASHINGTON —") names that town wherever it stands.
    towns = {gazetteer.key(span.text) for span, f in found.items() if f.source == "dateline"}
    address = article.url or article.site
    homes, country = _address_mentions(address, gazetteer)
    towns |= {m.lookup for m in homes if m.town}
    mentions = [
        Mention(span, qualifiers.get(span), f.state, f.name, _vote(gazetteer, span, f),
                town=not f.state and gazetteer.key(f.name or span.text) in towns,
                feature=names_feature(gazetteer.words, article.text, span, inside=f.source == "embedded"))
        for span, f in found.items()
    ]
    settled = resolve_mentions(gazetteer, mentions + homes, context=_home(ents, gazetteer, country),
                               ranking=Ranking(ranker, describe, address_letters(address)))
    names = {m: name for name in settled.names for m in name.mentions}
    firm = [e for e in settled.entries if e is not None]
    entries = settled.entries[: len(mentions)]
    named = {e for (_, f), e in zip(found.items(), entries, strict=True) if e is not None and _weight(f.source) == 1}
    # The town of an outlet whose address gives its country ("cambridge-news.co.uk") is where its articles are
    # set: a name inside another that reads as that town needs no other place near it. An address of no
    # country names a town without saying which namesake ("parisnews.com"), and lends no such support.
    local = {e for e in settled.entries[len(mentions):] if e is not None} if country is not None else set()
    resolved = [(span, entry) for (span, f), entry in zip(found.items(), entries, strict=True)
                if _kept(gazetteer, article.text, span, f, entry, _Support(firm, local, named))]
    strays = find_strays([entry for _, entry in resolved], country)
    chosen = {span for span, _ in resolved}
    made = [
        Choice(span, f.source, entry, span in chosen and entry is not None and entry not in strays, span in chosen,
               ranked=names.get(m))
        for m, ((span, f), entry) in enumerate(zip(found.items(), entries, strict=True))
    ]
    made += [Choice(span, "qualified", None, False, True, qualifier.country) for span, qualifier in unlisted.items()]
    return [c for c in made if c.placed or c.named or c.entry is not None]


def _address_mentions(address: str | None, gazetteer: Gazetteer) -> tuple[list[Mention], str | None]:
    """What an article's web address says of where it is set: the town a local outlet is named after
    ("gainesvilletimes.com") and the towns of its sections of local news ("/arlington_news/", "/metro/dekalb/"),
    each as a mention with no span that votes like a place name, and the outlet's country (ISO-3), if known."""
    outlet, country = outlet_town(address, gazetteer), outlet_country(address)
    homes = [Mention(Span(0, 0, ""), in_country(gazetteer, outlet, country), name=outlet, weight=OUTLET_WEIGHT,
                     town=True)] if outlet is not None else []
    homes += [Mention(Span(0, 0, ""), name=name, weight=OUTLET_WEIGHT)
              for name in section_towns(address, gazetteer) if name != outlet]
    return homes, country


@dataclass(frozen=True)
class _Support:
    """What backs a resolved name that is no place entity: the article's places (``firm``), the towns of its
    outlet's address of known country (``local``), the places it names as such (``named``)."""

    firm: list[Entry]
    local: set[Entry]
    named: set[Entry]


def _kept(gazetteer: Gazetteer, text: str, span: Span, found: Found, entry: Entry | None, support: _Support) -> bool:
    """Whether a name is kept as a place: one left unresolved from a source that names places as such, or a
    resolved one that is no county's bare name opening an institution's (:func:`eponym`) and that is a place
    entity or placed as firmly ("a Fairbury man"), lies near the article's places, is the outlet's town, or is
    a place the article names as such elsewhere, here missed by the tagger or inside a longer name
    (``RENAMED_SOURCES``: "the Amsterdam-Leeds flight", "the editor of Baseball Calgary") or after "of"."""
    if entry is None:
        return found.source in UNRESOLVED_SOURCES
    if found.source == "embedded" and eponym(gazetteer, text, span, entry):
        return False
    return (_weight(found.source) == 1 or found.firm or supported(entry, support.firm) or entry in support.local
            or (entry in support.named and (found.source in RENAMED_SOURCES
                                            or _word_before(text, span) in gazetteer.words.context.of_words)))


#: Sources of mentions that name, one sense per article, the place the article names as such elsewhere: a
#: gazetteer match outside any entity and a place name inside a longer entity. A name the tagger tagged as a
#: person or an organization as a whole is left to the words around it (a person may bear a town's name).
#: Read from GeoWebNews' first 100 articles; on LGL it adds places its annotation tags in some local
#: institutions' names and not in others (a town's police department, city council or fire service).
RENAMED_SOURCES = frozenset({"gazetteer", "embedded"})


#: How much a mention from another source (a name inside an organization's, a name the tagger called a
#: person, a gazetteer match) votes for the article's countries and states, beside a firm one's 1: such
#: names are often no places, and must not pull the others away. Tuned on LGL.
WEAK_WEIGHT = 0.25


#: How much the town an outlet is named after votes for the article's countries and states, and lends its
#: nearness to the article's towns, beside a place name's 1. Tuned on LGL.
OUTLET_WEIGHT = 1.0


#: How much each use of a country's demonym ("Mexican") votes for the country, beside a place name's 1.
DEMONYM_WEIGHT = 0.5


def _home(ents: Sequence[TokenSpan], gazetteer: Gazetteer, outlet_country: str | None) -> Context:
    """What the article's demonyms (``ents``: its doc's entities) and its outlet's country (ISO-3, from its address)
    say about where it is set."""
    said = demonym_countries(ents, gazetteer)
    return Context({country: count * DEMONYM_WEIGHT for country, count in said.items()}, home=outlet_country)


def _vote(gazetteer: Gazetteer, span: Span, found: Found) -> float:
    """How much a mention votes for the article's countries and states: a country or US state inside another
    name ("the Indiana State Police") says where the article is as surely as one standing alone."""
    entries = gazetteer.lookup(found.name or span.text) if found.source == "embedded" else ()
    if any(is_decisive(e) for e in entries if not e.alias):
        return 1.0
    return _weight(found.source)


def _word_before(text: str, span: Span) -> str:
    """The word right before ``span``, lower case: "of" in "the Medical University of Gdańsk", whose place is
    the one the text names firmly elsewhere (one sense per article)."""
    words = text[max(0, span.start - WORD_BEFORE_CHARS) : span.start].split()
    return words[-1].lower() if words else ""


#: Characters looked back for the word before a name: longer than any word of ``of_words`` with its spaces.
WORD_BEFORE_CHARS = 12


def _weight(source: str) -> float:
    return 1.0 if source in FIRM_SOURCES else WEAK_WEIGHT


#: Sources whose mentions stay even when the gazetteer does not know them
#: (streets, buildings, small towns).
UNRESOLVED_SOURCES = frozenset({"LOC", "FAC"})


def resolve_spans(
    text: str,
    spans: Sequence[Span],
    res: Resources,
    *,
    keep_unresolved: bool = True,
) -> list[Place | None]:
    """Resolve the place names at ``spans`` of ``text`` together, as one article.

    Each result is a :class:`Place` over its span (a qualifier after a span,
    ", Illinois", is read from ``text``). A name the gazetteer does
    not know gives a place with only a name (country None) when
    ``keep_unresolved``, else None. ``res`` gives the language of the names.
    """
    gazetteer = load_gazetteer(res)
    qualifiers = _qualifiers(gazetteer, text, spans)
    mentions = [Mention(span, qualifiers.get(span)) for span in spans]
    entries = resolve_mentions(gazetteer, mentions).entries
    places: list[Place | None] = []
    for span, entry in zip(spans, entries, strict=True):
        if entry is None:
            places.append(Place(span, span.text, None) if keep_unresolved else None)
        else:
            places.append(_place(span, entry))
    return places


def resolve(
    name: str,
    res: Resources,
    *,
    context_countries: Sequence[str] = (),
    context_states: Sequence[str] = (),
) -> Place | None:
    """Resolve one place name; None when the gazetteer does not know it.

    ``context_countries`` (ISO-3 codes) and ``context_states`` (US postal
    codes) are the places the surrounding text is about: with
    ``context_countries=["USA"]``, "Georgia" is the US state. A trailing
    qualifier in the name itself is used: "Springfield, Illinois". The
    returned place's span covers ``name``. ``res`` gives the language of the names.
    """
    gazetteer = load_gazetteer(res)
    head, _, _ = name.partition(",")
    head = head.strip() or name
    context = Context({c: 1.0 for c in context_countries}, {s: 1.0 for s in context_states})
    qualified = qualifier_at(gazetteer, name, len(name.partition(",")[0]), head)
    mention = Mention(Span(0, len(head), head), qualified.entry if qualified is not None else None)
    entry = resolve_mentions(gazetteer, [mention], context=context).entries[0]
    return None if entry is None else _place(Span(0, len(name), name), entry)


def _unlisted(gazetteer: Gazetteer, span: Span, found: Found, qualifiers: dict[Span, Entry]) -> bool:
    """Whether the place its qualifier names holds none of the towns and counties a name may stand for: the
    town is too small for the gazetteer ("Granby, Vt."), and is kept with its name and country only."""
    qualifier = qualifiers.get(span)
    if qualifier is None or _weight(found.source) != 1:
        return False
    options = candidates(gazetteer, found.name or span.text, qualified=True)
    if not options or any(is_decisive(e) for e in options):
        return False  # "the Indiana, Ill., border": two states side by side
    return not any(e == qualifier or within(e, qualifier) for e in options)


def _qualifiers(gazetteer: Gazetteer, text: str, spans: Sequence[Span]) -> dict[Span, Entry]:
    """The qualifier of each span that has one ("Truro" in "Truro, Cornwall"), and the qualifier's own
    span, which names that place ("Cornwall", the county)."""
    starts = {span.start: span for span in spans}
    found: dict[Span, Entry] = {}
    for span in spans:
        qualified = qualifier_at(gazetteer, text, span.end, span.text, unknown_town=True)
        if qualified is not None:
            found[span] = qualified.entry
            named = starts.get(qualified.start)
            if named is not None:
                found.setdefault(named, qualified.entry)
    return found


def _place(span: Span, entry: Entry) -> Place:
    return Place(span, entry.name, entry.country, entry.lat, entry.lon, entry.geonames_id, entry.feature)
