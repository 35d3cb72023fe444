"""Resolve all the place mentions of one article together.

Mentions are grouped by name (and qualifier): one sense per article, so
"Hamburg, Germany" once makes every "Hamburg" the German one. Each group
casts votes for countries and US states: at first its qualifier, or its
country/state/region reading, or else a share for each candidate's country
and state. Then the groups are re-resolved one after another, each seeing the
others' current picks as votes (never its own), until the picks settle; the
local candidates of a group also earn a bonus for each other group with a
plausible candidate nearby, and a little more for one very close (see
:func:`proximity`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.places._gazetteer import Entry, Gazetteer
from dateline.places._geo import Point, Points, chord2, km, shares_near
from dateline.places._rank import Ranked, Ranking, Surroundings, candidate_features, qualified_pick
from dateline.places._resolve import (
    FEATURE_CUES,
    WITHIN_KM,
    Context,
    Mention,
    best_entry,
    candidates,
    is_decisive,
    renamed,
    score,
    votes,
)

__all__ = ["Resolved", "proximity", "resolve_mentions", "supported"]

#: Candidates of a city or county within this distance of a candidate of
#: another name count as near each other (tuned on LGL: 100 > 150 > 250 km).
NEAR_KM = 100.0

#: Candidates within this distance of another name's count again, times CLOSE_SHARE: a town beside the county
#: it lies in ("Richmond" beside "Madison County" is Richmond, Ky., not Richmond, Ind., 90 km from Madison
#: County, Ind.). Tuned on LGL (0.1 to 0.25 at 20 to 50 km alike, 0.5 loses); GeoWebNews does not move.
CLOSE_KM = 30.0
CLOSE_SHARE = 0.15

#: Candidates per name considered for proximity (the best by score without context).
PROXIMITY_CANDIDATES = 25

#: A name's candidate counts for the proximity of the others only when its score is within this margin of
#: the name's likeliest reading: Paris, Ontario beside Paris, France is no reason for a London in Ontario.
#: Tuned on LGL and GeoWebNews.
PLAUSIBLE_MARGIN = 4.0

#: Two names whose likeliest readings (by kind and population alone) lie within this distance are near each
#: other, as namesakes within NEAR_KM are, when one of those readings is a city of at least
#: LIKELIEST_MIN_POPULATION: "from Albany to Boston" names the two large cities 230 km apart, not two Georgia
#: towns side by side, and "Louisville and Nashville" no Illinois towns. Read from such pairs; on LGL, GeoWebNews
#: and given toponyms it moves little (250 km alike; 400-500 km and 50,000 lose a few on LGL, whose papers name
#: small namesakes that lie close together in two states, and 300,000 gains nothing).
LIKELIEST_NEAR_KM = 300.0
LIKELIEST_MIN_POPULATION = 100_000

#: Most rounds of re-resolution per article (they usually settle after 2-3).
MAX_ROUNDS = 5


@dataclass
class _Group:
    key: str
    qualifier: Entry | None
    options: tuple[Entry, ...]
    count: float  # the weights of its mentions
    renamed: frozenset[Entry] = frozenset()  # cities the name reaches only as another name of theirs
    pick: Entry | None = None
    said: Context = field(default_factory=Context)  # its votes as they stand


def _groups(gazetteer: Gazetteer, mentions: Sequence[Mention]) -> tuple[list[_Group], list[int]]:
    qualifiers: dict[str, Entry] = {}
    cues: dict[str, str] = {}  # the strongest cue of a natural feature each name has in the article
    for mention in mentions:
        if mention.qualifier is not None:
            qualifiers.setdefault(gazetteer.key(mention.lookup), mention.qualifier)
        if mention.feature:
            name = gazetteer.key(mention.lookup)
            cues[name] = max(cues.get(name, ""), mention.feature, key=FEATURE_CUES.index)
    groups: dict[tuple[str, Entry | None, bool, bool], _Group] = {}
    position: dict[tuple[str, Entry | None, bool, bool], int] = {}  # each group's place in ``groups``
    index: list[int] = []
    for mention in mentions:
        name = gazetteer.key(mention.lookup)
        qualifier = mention.qualifier or qualifiers.get(name)
        key = (name, qualifier, mention.state, mention.town)
        group = groups.get(key)
        if group is None:
            found = candidates(gazetteer, mention.lookup, qualified=qualifier is not None, state=mention.state,
                               town=mention.town, feature=cues.get(name, ""))
            group = groups[key] = _Group(name + ("\x1e" if mention.state else ""), qualifier, found, 0,
                                         renamed(gazetteer, mention.lookup, found))
        group.count += mention.weight
        index.append(position.setdefault(key, len(position)))
    return list(groups.values()), index


def _first_votes(group: _Group) -> Context:
    if group.qualifier is not None:
        return votes([group.qualifier])
    first = best_entry(group.options, Context(), group.qualifier, renamed=group.renamed)
    if first is not None and is_decisive(first):
        return votes([first])
    return votes(group.options)


@dataclass(frozen=True)
class Resolved:
    """What :func:`resolve_mentions` settles: each mention's entry (None: the gazetteer has none), and, when
    asked to ``describe``, each name the ranker may pick again with its candidates as the rules leave them."""

    entries: tuple[Entry | None, ...]
    names: tuple[Ranked, ...] = ()


def resolve_mentions(
    gazetteer: Gazetteer,
    mentions: Sequence[Mention],
    *,
    context: Context | None = None,
    ranking: Ranking | None = None,
) -> Resolved:
    """Resolve every mention of one article together (see the module docstring). Once the rules settle, a
    ``ranking``'s ranker may pick another candidate of each name; when it asks to describe them, the result
    holds each such name's candidates with their features and the rules' pick (none: the rules' picks)."""
    groups, index = _groups(gazetteer, mentions)
    total = Context()
    if context is not None:
        total.update(context)
    for group in groups:
        group.said = _first_votes(group).scaled(group.count)
        total.update(group.said)
    points = Points()
    near = proximity([g.options for g in groups], points, [g.key for g in groups])
    for _ in range(MAX_ROUNDS):
        changed = False
        for i, group in enumerate(groups):
            total.update(group.said, -1)
            pick = best_entry(group.options, total, group.qualifier, near[i], group.renamed)
            changed |= pick != group.pick
            group.pick = pick
            group.said = (votes([pick]) if pick is not None else Context()).scaled(group.count)
            total.update(group.said)
        if not changed:
            break
    names: list[Ranked] = []
    if ranking is not None and ranking.wanted:
        names = _rerank(gazetteer, groups, index, total, near, ranking)
    return Resolved(tuple(groups[i].pick for i in index), tuple(names))


def _rerank(gazetteer: Gazetteer, groups: Sequence[_Group], index: Sequence[int], total: Context,
            near: Sequence[dict[Entry, float]], ranking: Ranking) -> list[Ranked]:
    """Each unqualified name with several candidates of the kind the rules picked (towns, counties, states),
    described as the rules leave the article, and picked again among them by ``ranker`` (all are described
    before any pick changes): which kind of place a name means stays the rules' decision. Returns the names
    described when the ``ranking`` asks for them."""
    picks: list[tuple[_Group, Entry]] = []
    described: list[Ranked] = []
    for i, group in enumerate(groups):
        pick = group.pick
        if pick is None or qualified_pick(group.options, group.qualifier):
            continue
        options = tuple(e for e in group.options if e.feature == pick.feature)
        if len(options) < 2:
            continue
        context = total.scaled(1.0)
        context.update(group.said, -1)
        others = tuple(g.pick for g in groups if g is not group and g.pick is not None)
        rows = candidate_features(Surroundings(gazetteer, context, others, ranking.address), options, pick, near[i])
        rules = options.index(pick)
        if ranking.describe:
            described.append(Ranked(tuple(m for m, g in enumerate(index) if g == i), options, tuple(rows), rules))
        if ranking.ranker is not None:
            picks.append((group, options[ranking.ranker.pick(rows, rules)]))
    for group, pick in picks:
        group.pick = pick
    return described


#: A place found only from the words around it, or inside another name, needs another place of the article
#: within this distance (or in the same US state) to be kept: "Metro" beside "Nashville" is no city of
#: Indonesia. Tuned on LGL (100 < 150 > 250 km).
SUPPORT_KM = 150.0


def supported(entry: Entry, others: Sequence[Entry]) -> bool:
    """Whether another place of the article lies near ``entry`` (or in its US state; outside the USA, in
    the country it names), or ``entry`` means a place wherever it stands (a country, region, landmark or US state)."""
    if is_decisive(entry) or entry.feature == "landmark" or entry.lat is None:
        return True
    for other in others:
        if entry.capital and other.feature == "country" and other.country == entry.country:
            return True  # "Tunis" beside "Tunisia"
        if _in_named_country(entry, other):
            return True  # "Misrata" beside "Libya", "Tamil Nadu" beside "Karnataka"
        if other == entry or other.feature in ("country", "region") or other.lat is None:
            continue
        if entry.country == "USA" and other.country == "USA" and entry.admin1 and entry.admin1 == other.admin1:
            return True
        if _provinces_together(entry, other):
            return True  # "Tamil Nadu" beside "Karnataka", "Puducherry" beside "Tamil Nadu"
        if km(entry, other) <= SUPPORT_KM:
            return True
    return False


def _provinces_together(entry: Entry, other: Entry) -> bool:
    """Whether two places of one country outside the USA (whose towns need their state), one of them a
    province, lie within a large province's radius of each other (``WITHIN_KM``): provinces are named beside
    their neighbours and their towns, whose points lie farther apart than SUPPORT_KM."""
    if entry.country in (None, "USA") or other.country != entry.country:
        return False
    return "admin1" in (entry.feature, other.feature) and km(entry, other) <= WITHIN_KM["admin1"]


def _in_named_country(entry: Entry, other: Entry) -> bool:
    """Whether ``entry`` lies outside the USA (whose towns need their state) in the country ``other`` is."""
    return entry.country not in (None, "USA") and other.feature == "country" and other.country == entry.country


def _local(entries: Sequence[Entry]) -> list[Entry]:
    """The candidates that are towns or counties, the likeliest first, at most PROXIMITY_CANDIDATES."""
    local = [e for e in entries if e.feature in ("city", "admin2") and e.lat is not None]
    return sorted(local, key=lambda e: -score(e, Context()))[:PROXIMITY_CANDIDATES]


def _plausible(entries: Sequence[Entry]) -> list[Entry]:
    """The local candidates within PLAUSIBLE_MARGIN of the name's likeliest reading."""
    if not entries:
        return []
    best = max(score(e, Context()) for e in entries)
    return [e for e in _local(entries) if score(e, Context()) >= best - PLAUSIBLE_MARGIN]


def proximity(
    options: Sequence[Sequence[Entry]], points: Points, names: Sequence[str] = ()
) -> list[dict[Entry, float]]:
    """For each name and local candidate: the share of the other local names with a plausible candidate
    within NEAR_KM, plus CLOSE_SHARE times the share with one within CLOSE_KM ("Paris" beside "Henry County"
    is Paris, Tenn.; "London" beside a Paris that is surely the French one gains nothing from London and
    Paris, Ontario). A name that holds another's words
    ("North Richmond", "Richmond") is no evidence for it: namesakes lie near each other wherever they are.
    A name's likeliest reading, when a large city, is near another name whose likeliest reading lies within
    LIKELIEST_NEAR_KM ("Albany" and "Boston"): small namesakes side by side must not outweigh two large
    cities a little farther apart."""
    local = [_local(found) for found in options]
    plausible = [[points(e) for e in _plausible(found)] for found in options]
    named = [i for i, found in enumerate(local) if found]
    limit2, close2 = chord2(NEAR_KM), chord2(CLOSE_KM)
    result: list[dict[Entry, float]] = [{} for _ in options]
    if len(named) < 2:
        return result
    likeliest = [_likeliest(found) for found in options]
    words = [frozenset(name.rstrip("\x1e").split()) for name in names] if names else []
    for i in named:
        peers = [j for j in named if j != i and not (words and _share_words(words[i], words[j]))]
        others = [plausible[j] for j in peers]
        if not others:
            continue
        result[i] = {entry: _closeness(shares_near(points(entry), others, limit2, close2)) for entry in local[i]}
        mine = likeliest[i]
        if mine is not None and mine.population >= LIKELIEST_MIN_POPULATION:
            theirs = [[points(e)] if (e := likeliest[j]) is not None else [] for j in peers]
            result[i][mine] = _closeness(_shares_wide(points(mine), others, theirs, limit2, close2))
    return result


def _likeliest(found: Sequence[Entry]) -> Entry | None:
    """A name's likeliest reading by kind and population alone, when it is a town or county with a point and
    the name has no reading as a country, US state or region ("New York", whose two readings others settle)."""
    if any(is_decisive(e) for e in found):
        return None
    best = max(found, key=lambda e: (score(e, Context()), e.population), default=None)
    return best if best is not None and best.feature in ("city", "admin2") and best.lat is not None else None


def _shares_wide(point: Point, others: Sequence[Sequence[Point]], likeliest: Sequence[Sequence[Point]],
                 limit2: float, close2: float) -> tuple[float, float]:
    """:func:`shares_near` of a name's likeliest reading, where another name counts as near also when its own
    likeliest reading (``likeliest``: its point, or none) lies within LIKELIEST_NEAR_KM."""
    wide2 = chord2(LIKELIEST_NEAR_KM)
    near = sum(shares_near(point, [plausible], limit2, limit2)[0] > 0
               or shares_near(point, [reading], wide2, wide2)[0] > 0
               for plausible, reading in zip(others, likeliest, strict=True))
    return near / len(others), shares_near(point, others, limit2, close2)[1]


def _closeness(shares: tuple[float, float]) -> float:
    near, close = shares
    return near + CLOSE_SHARE * close


def _share_words(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether one name holds all the words of the other ("north richmond", "richmond")."""
    return bool(one) and bool(other) and (one <= other or other <= one)
