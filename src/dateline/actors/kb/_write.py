"""Finishing the built knowledge base and writing it in its compact form (``kb.json.gz``).

The file is one gzipped JSON object, read once per worker by
:mod:`dateline.actors._kb`::

    {"format": "dateline-kb", "version": ..., "description": ..., "data_until": "YYYY-MM-DD",
     "sources": [card, ...], "counts": {...},
     "people": ["[name, gender, wikidata, [[country, sector, title, office, start, end], ...]]", ...],
     "organizations": ["[name, kind, country, sector, wikidata, share]", ...],
     "names": {surface form: [person index, or -1 - organization index, ...]},
     "offices": {country: {office: [[start, end, person index], ...]}}}

Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a null ``end`` is a term
still open when its source was made; a null ``start`` an undated role. Each
person and organization is a JSON text of its own, decoded only when a name
in an article points to it, so that loading the file stays well under a
second. The output is deterministic: entities and keys are sorted, gzip
carries no time.
"""

from __future__ import annotations

import gzip
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from dateline.actors.kb._store import Entity, Office, Store, fold, key
from dateline.actors.kb._vocab import Vocabulary

__all__ = ["FORMAT", "VERSION", "finish", "write"]

FORMAT = "dateline-kb"
VERSION = "1.0.0"
#: Persons whose every role ended before this year are left out (no news of ours needs them).
FIRST_YEAR = 1990
#: Shortest name indexed, in characters.
MIN_NAME_CHARS = 4
#: Phoenix persons are known from 2014-2015 lists; a person another source knows keeps only the Phoenix
#: roles with a known start (the undated ones are older news than the other source's).
WEAK_SOURCE = "phoenix"


def _upper(date: str | None) -> str:
    if not date:
        return "9999"
    return date + {4: "-12-31", 7: "-31"}.get(len(date), "")


def _roles(entity: Entity, vocab: Vocabulary) -> list[list[str | None]]:
    offices = entity.offices
    if any(o.source != WEAK_SOURCE for o in offices):
        offices = [o for o in offices if o.source != WEAK_SOURCE or (o.start and o.end)]
    out = []
    for office in offices:
        start, end = _term(office)
        if end is not None and end[:4] < str(FIRST_YEAR):
            continue
        role = vocab.offices.role(office.title) if office.title else None
        out.append([office.country, office.sector, office.title or None, role, start, end])
    out.sort(key=lambda r: (r[4] or "", r[5] or "9999", r[2] or "", r[0] or ""))
    return [r for i, r in enumerate(out) if r not in out[:i]]


def _term(office: Office) -> tuple[str | None, str | None]:
    """Start and end of an office; a sighting gives its first date as start and, once a later snapshot
    no longer shows it, its last date as end."""
    if office.start or office.end or not office.seen:
        return office.start, office.end
    return office.seen[0], office.end


def _display(entity: Entity) -> str:
    """The name to show: for a person the shortest full name a source gives as theirs ("Donald Trump", not
    "Donald J. Trump"; "Bernie Sanders", not "Bernard Sanders"), for an organization its first name."""
    given = [n for n, weight in entity.names.items() if weight > 0]
    if entity.kind == "person":
        full = [n for n in given if len(n.split()) >= 2]
        if full:
            return min(full, key=lambda n: (len(n), n == fold(n), -entity.names[n], n))  # "Miloš", not "Milos"
    if entity.name in given or not given:
        return entity.name
    return max(given, key=lambda n: (entity.names[n], n))


def finish(store: Store, vocab: Vocabulary, places: set[str]) -> dict[str, Any]:
    """People, organizations, the name index and the office index of the store (``places``: names of
    towns and divisions, which never name an organization)."""
    people = []
    for entity in store.entities:
        if entity.kind == "person":
            roles = _roles(entity, vocab)
            if roles:
                people.append((entity, [_display(entity), entity.gender, entity.wikidata, roles]))
    people.sort(key=lambda p: (p[1][0], p[1][2] or "", json.dumps(p[1][3])))
    orgs = []
    for entity in store.entities:
        if entity.kind == "organization" and (entity.sector or entity.countries):
            country = entity.countries.most_common(1)[0][0] if entity.countries else None
            country = "IGO" if country is None and entity.sector == "IGO" else country
            orgs.append((entity, [_display(entity), entity.org_kind, country, entity.sector, entity.wikidata,
                                  round(entity.share, 1)]))
    orgs.sort(key=lambda o: (o[1][0], o[1][2] or "", o[1][4] or ""))
    names = _names(vocab, [p[0] for p in people], [o[0] for o in orgs], places)
    return {"people": [_compact(p[1]) for p in people], "organizations": [_compact(o[1]) for o in orgs],
            "names": names, "offices": _office_index([p[1] for p in people])}


def _compact(record: list[Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _names(vocab: Vocabulary, people: list[Entity], orgs: list[Entity], places: set[str]) -> dict[str, list[int]]:
    index: dict[str, set[int]] = defaultdict(set)
    for ref, entity in [(i, e) for i, e in enumerate(people)] + [(-1 - i, e) for i, e in enumerate(orgs)]:
        forms = set(entity.names)
        if entity.kind == "person":
            forms |= {f for name in entity.names for f in vocab.person_names(name)}
        for form in forms:
            if _indexable(vocab, entity, form, places):
                index[form].add(ref)
                index[fold(form)].add(ref)
    return {name: sorted(refs) for name, refs in sorted(index.items())}


def _indexable(vocab: Vocabulary, entity: Entity, form: str, places: set[str]) -> bool:
    if len(form) < MIN_NAME_CHARS or key(form) in vocab.place_names or not any(c.isupper() for c in form):
        return False
    if entity.kind == "organization" and form in places:
        return False  # "Smolensk" is a town, whatever a source files under it
    return entity.kind != "person" or (len(form.split()) >= 2 and not vocab.has_title(form))


def _office_index(people: list[list[Any]]) -> dict[str, dict[str, list[list[Any]]]]:
    table: dict[str, dict[str, list[list[Any]]]] = defaultdict(lambda: defaultdict(list))
    for i, (_, _, _, roles) in enumerate(people):
        for country, _, _, office, start, end in roles:
            if office and country and start:
                table[country][office].append([start, end, i])
    return {c: {o: sorted(terms, key=lambda t: (t[0], _upper(t[1]), t[2])) for o, terms in sorted(offices.items())}
            for c, offices in sorted(table.items())}


def write(doc: dict[str, Any], out: Path) -> int:
    """Write ``doc`` gzipped to ``out`` (no time stamp: the same input gives the same bytes); its size."""
    data = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())
    return len(buffer.getvalue())
