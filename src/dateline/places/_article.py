"""Resolve all the place mentions of one article together.

Mentions are grouped by name (and qualifier): one sense per article, so
"Hamburg, Germany" once makes every "Hamburg" the German one. Each group
casts votes for countries and US states: at first its qualifier, or its
country/state/region reading, or else a share for each candidate's country
and state. Then the groups are re-resolved one after another, each seeing the
others' current picks as votes (never its own), until the picks settle; the
local candidates of a group also earn a bonus for each other group with a
candidate nearby (see :func:`proximity`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.places._gazetteer import Entry, Gazetteer
from dateline.places._resolve import Context, Mention, best_entry, candidates, is_decisive, score, votes

__all__ = ["proximity", "resolve_mentions"]

#: Candidates of a city or county within this distance of a candidate of
#: another name count as near each other (tuned on LGL: 100 > 150 > 250 km).
NEAR_KM = 100.0

#: Candidates per name considered for proximity (the best by score without context).
PROXIMITY_CANDIDATES = 25

#: Most rounds of re-resolution per article (they usually settle after 2-3).
MAX_ROUNDS = 5

_EARTH_KM = 6371.0


@dataclass
class _Group:
    key: str
    qualifier: Entry | None
    options: tuple[Entry, ...]
    count: int
    pick: Entry | None = None
    said: Context | None = None


def _groups(gazetteer: Gazetteer, mentions: Sequence[Mention]) -> tuple[list[_Group], list[int]]:
    qualifiers: dict[str, Entry] = {}
    for mention in mentions:
        if mention.qualifier is not None:
            qualifiers.setdefault(gazetteer.key(mention.lookup), mention.qualifier)
    groups: dict[tuple[str, Entry | None, bool], _Group] = {}
    index: list[int] = []
    for mention in mentions:
        name = gazetteer.key(mention.lookup)
        qualifier = mention.qualifier or qualifiers.get(name)
        key = (name, qualifier, mention.state)
        group = groups.get(key)
        if group is None:
            found = candidates(gazetteer, mention.lookup, qualified=qualifier is not None, state=mention.state)
            group = groups[key] = _Group(name + ("\x1e" if mention.state else ""), qualifier, found, 0)
        group.count += 1
        index.append(list(groups).index(key))
    return list(groups.values()), index


def _first_votes(group: _Group) -> Context:
    if group.qualifier is not None:
        return votes([group.qualifier])
    first = best_entry(group.options, Context(), group.qualifier)
    if first is not None and is_decisive(first):
        return votes([first])
    return votes(group.options)


def resolve_mentions(
    gazetteer: Gazetteer,
    mentions: Sequence[Mention],
    *,
    context: Context | None = None,
) -> list[Entry | None]:
    """Resolve every mention of one article together (see the module docstring)."""
    groups, index = _groups(gazetteer, mentions)
    total = Context()
    if context is not None:
        total.update(context)
    for group in groups:
        group.said = _first_votes(group).scaled(group.count)
        total.update(group.said)
    near = proximity({g.key + "\x1f" + (g.qualifier.name if g.qualifier else ""): g.options for g in groups})
    for _ in range(MAX_ROUNDS):
        changed = False
        for group in groups:
            assert group.said is not None
            total.update(group.said, -1)
            key = group.key + "\x1f" + (group.qualifier.name if group.qualifier else "")
            pick = best_entry(group.options, total, group.qualifier, near.get(key))
            changed |= pick != group.pick
            group.pick = pick
            group.said = (votes([pick]) if pick is not None else Context()).scaled(group.count)
            total.update(group.said)
        if not changed:
            break
    return [groups[i].pick for i in index]


def _local(entries: Sequence[Entry]) -> list[Entry]:
    local = [e for e in entries if e.feature in ("city", "admin2") and e.lat is not None]
    if len(local) > PROXIMITY_CANDIDATES:
        local = sorted(local, key=lambda e: -score(e, Context()))[:PROXIMITY_CANDIDATES]
    return local


def proximity(options: dict[str, Sequence[Entry]]) -> dict[str, dict[Entry, float]]:
    """For each name and local candidate: the share of the other local names with a candidate nearby."""
    local = {name: _local(found) for name, found in options.items()}
    local = {name: found for name, found in local.items() if found}
    if len(local) < 2:
        return {}
    points = {name: [_xyz(e) for e in found] for name, found in local.items()}
    limit = 2 * math.sin(NEAR_KM / (2 * _EARTH_KM))  # the chord of NEAR_KM on the unit sphere
    limit2 = limit * limit
    others = len(local) - 1
    result: dict[str, dict[Entry, float]] = {}
    for name, found in local.items():
        shares: dict[Entry, float] = {}
        for entry, (x, y, z) in zip(found, points[name], strict=True):
            hits = sum(
                any((x - a) ** 2 + (y - b) ** 2 + (z - c) ** 2 <= limit2 for a, b, c in pts)
                for other, pts in points.items()
                if other != name
            )
            shares[entry] = hits / others
        result[name] = shares
    return result


def _xyz(entry: Entry) -> tuple[float, float, float]:
    lat, lon = math.radians(entry.lat or 0.0), math.radians(entry.lon or 0.0)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)
