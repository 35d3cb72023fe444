"""Readers of the raw source files, one per source (see ``data/actors/sources.json``).

Each reader takes the :class:`Store`, the :class:`Vocabulary` and the source's
folder, and adds the persons or parties it finds with their offices. Sources
that give exact terms come first; snapshot sources (lists of who held an office
on the day the file was made) note the dates they saw each office.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.actors.kb._store import Entity, Office, Store
from dateline.actors.kb._vocab import Vocabulary

__all__ = ["READERS"]

_DATED = re.compile(r"(\d{4}-\d{2}-\d{2})")
_QID = re.compile(r"^Q\d+$")
#: Party Facts parties whose last year is before this are left out (no news of ours names them).
FIRST_PARTY_YEAR = 1990
#: Congress terms that ended before this year are left out.
FIRST_TERM_YEAR = 1977
#: congress-legislators term types -> (title pattern, sector).
_CONGRESS_TERMS = {"sen": ("United States Senator from {state}", "LEG"), "rep": ("U.S. Representative from {state}",
                   "LEG"), "prez": ("President of the United States", "GOV"),
                   "viceprez": ("Vice President of the United States", "GOV")}
_GENDERS = {"M": "m", "F": "f", "male": "m", "female": "f"}


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def seen_on(path: Path) -> str | None:
    """The date a snapshot file was made, from its name (``wikidata-2021-07-26-1b5c746.csv``)."""
    found = _DATED.search(path.name)
    return found.group(1) if found else None


def _date(value: str | None) -> str | None:
    value = (value or "").strip()[:10]
    return value if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None


def read_congress(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """congress-legislators: the JSON snapshots ``legislators-current-*.json`` and ``executive.json``."""
    files = sorted(folder.glob("legislators-current-*.json"))
    if (folder / "executive.json").is_file():
        files.append(folder / "executive.json")
    for path in files:
        for person in json.loads(path.read_text(encoding="utf-8")):
            _congress_person(store, vocab, person)


def _congress_person(store: Store, vocab: Vocabulary, person: dict[str, Any]) -> None:
    ids, name = person.get("id", {}), person.get("name", {})
    first, last = name.get("first"), name.get("last")
    full = name.get("official_full") or " ".join(x for x in (first, name.get("middle"), last) if x)
    local = f"bioguide:{ids.get('bioguide') or ids.get('govtrack')}"
    entity = store.entity("person", full, "USA", "congress", wikidata=ids.get("wikidata"), local=local)
    for other in (f"{first} {last}" if first and last else "",
                  f"{name.get('nickname')} {last}" if name.get("nickname") and last else ""):
        if other:
            store.add_name(entity.index, other, "USA")
    entity.gender = entity.gender or _GENDERS.get(person.get("bio", {}).get("gender", ""))
    for term in person.get("terms", []):
        kind = _CONGRESS_TERMS.get(term.get("type", ""))
        end = _date(term.get("end"))
        if kind is None or (end is not None and int(end[:4]) < FIRST_TERM_YEAR):
            continue
        title = kind[0].format(state=term.get("state", ""))
        store.office(entity, Office(title, "USA", kind[1], _date(term.get("start")), end, "congress"))


def read_ifg(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """The Institute for Government's ministers: persons, their posts and their seats in Parliament."""
    posts = {r["id"]: r["name"] for r in rows(folder / "post.csv")}
    seats = {r["id"]: r["name"] for r in rows(folder / "constituency.csv")}
    people: dict[str, Entity] = {}
    for row in sorted(rows(folder / "person.csv"), key=lambda r: (r["id"], r["end_date"] or "9999")):
        entity = store.entity("person", row["display_name"] or row["name"], "GBR", "ifg", local=f"ifg:{row['id']}")
        for name in (row["name"], row["normalized_name"], *vocab.person_names(row["display_name"] or row["name"])):
            if name:
                store.add_name(entity.index, name, "GBR", weight=0)
        entity.gender = entity.gender or _GENDERS.get(row.get("gender", ""))
        people[row["id"]] = entity
    for row in rows(folder / "appointment.csv"):
        minister, post = people.get(row["person_id"]), posts.get(row["post_id"])
        if minister is not None and post:
            store.office(minister, Office(post, "GBR", "GOV", _date(row["start_date"]), _date(row["end_date"]), "ifg"))
    for row in rows(folder / "representation.csv"):
        member = people.get(row["person_id"])
        if member is None:
            continue
        seat = seats.get(row["constituency_id"], "")
        title = f"Member of Parliament for {seat}" if row["house"] == "Commons" else "Member of the House of Lords"
        store.office(member, Office(title, "GBR", "LEG", _date(row["start_date"]), _date(row["end_date"]), "ifg"))


def read_partyfacts(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """Party Facts core parties active after :data:`FIRST_PARTY_YEAR`, with their Wikidata ids."""
    wikidata = {r["partyfacts_id"]: r.get("wikidata_id") or None for r in rows(folder / "wikidata.csv")}
    for row in rows(folder / "partyfacts-core-parties.csv"):
        last = row.get("year_last") or ""
        if row.get("technical") or (last.isdigit() and int(last) < FIRST_PARTY_YEAR):
            continue
        country = row["country"] if row["country"] in vocab.iso3 else None
        names = [n.strip() for field in ("name_english", "name") for n in (row.get(field) or "").split(" / ")]
        names = [n for n in dict.fromkeys(names) if n]
        if not names:
            continue
        entity = store.entity("organization", names[0], country, "partyfacts",
                              wikidata=wikidata.get(row["partyfacts_id"]), local=f"partyfacts:{row['partyfacts_id']}")
        for name in names[1:]:
            store.add_name(entity.index, name, country, weight=0)
        entity.sector = "PTY"
        share = row.get("share") or ""
        if re.fullmatch(r"\d+(\.\d+)?", share):
            entity.share = max(entity.share, float(share))


def read_wd_leaders(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """Heads of state and government (Wikidata, start and end years), from every version of the file."""
    offices: dict[tuple[str, str, str], dict[str, Any]] = {}
    for path in sorted(folder.glob("*.csv"), key=lambda p: seen_on(p) or ""):
        seen = seen_on(path) or ""
        for row in rows(path):
            qid, label = row.get("officeholder") or "", row.get("officeholderLabel") or ""
            position = row.get("positionLabel") or ""
            if not _QID.match(qid) or not label or _QID.match(label) or not position or _QID.match(position):
                continue
            record = offices.setdefault((qid, row.get("position") or "", row.get("start_year") or ""), {
                "name": label, "country": row.get("country") or "", "title": position, "start": row.get("start_year"),
                "end": None, "seen": [seen, seen]})
            record["seen"] = [min(record["seen"][0], seen), max(record["seen"][1], seen)]
            record["end"] = row.get("end_year") or record["end"]
            record["name"] = label
    for (qid, _, _), record in sorted(offices.items()):
        country = vocab.country(record["country"])
        if country is None:
            continue
        entity = store.entity("person", record["name"], country, "wd_leaders", wikidata=qid, loose=True)
        office = Office(record["title"], country, "GOV", _date(record["start"]), _date(record["end"]), "wd_leaders")
        office.seen = None if office.end else record["seen"]
        store.office(entity, office)


def read_wd_cabinets(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """Cabinets of 20 countries (Wikidata), one folder per country repository, each version a sighting."""
    for repository in sorted(p for p in folder.iterdir() if p.is_dir()):
        country = vocab.country(_CABINET_COUNTRIES.get(repository.name, ""))
        for path in sorted(repository.glob("*.csv")):
            seen = seen_on(path)
            for row in rows(path):
                qid, name, position = row.get("wdid") or "", row.get("name") or row.get("wdLabel") or "", row.get(
                    "position") or ""
                if not _QID.match(qid) or not name or not position or _QID.match(position):
                    continue
                entity = store.entity("person", name, country, "wd_cabinets", wikidata=qid, loose=True)
                if row.get("wdLabel") and row["wdLabel"] != name:
                    store.add_name(entity.index, row["wdLabel"], country, weight=0)
                entity.gender = entity.gender or _GENDERS.get(row.get("gender", ""))
                office = Office(position, country, "GOV", _date(row.get("start")), None, "wd_cabinets")
                office.seen = [seen, seen] if seen else None
                store.office(entity, office)


#: every-politician-scrapers cabinet repositories -> the country each covers.
_CABINET_COUNTRIES = {
    "australia-cabinet": "AUS", "brazil-ministers": "BRA", "canada-cabinet": "CAN", "france-cabinet": "FRA",
    "india-ministers": "IND", "iran-ministers": "IRN", "israel-ministers": "ISR", "japan-ministers": "JPN",
    "kenya": "KEN", "mexico-ministers": "MEX", "nigeria": "NGA", "pakistan-ministers": "PAK",
    "philippines-ministers": "PHL", "russia-cabinet": "RUS", "south-africa-cabinet": "ZAF",
    "south-korea-ministers": "KOR", "turkey-ministers": "TUR", "ukraine-cabinet": "UKR",
    "united-kingdom-cabinet": "GBR", "us-cabinet": "USA", "china-ministers": "CHN", "yemen": "YEM",
}


def read_wd_foreign(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """Foreign ministers of the world (Wikidata), each version a sighting; the office is always foreign minister."""
    for path in sorted(folder.glob("*.csv")):
        seen = seen_on(path)
        for row in rows(path):
            qid, name = row.get("person") or "", row.get("name") or row.get("personLabel") or ""
            country = vocab.country(row.get("countryLabel") or "")
            if not _QID.match(qid) or not name or _QID.match(name) or country is None:
                continue
            entity = store.entity("person", name, country, "wd_foreign", wikidata=qid, loose=True)
            title = row.get("positionLabel") or ""
            office = Office(title, country, "GOV", _date(row.get("start")), None, "wd_foreign")
            office.seen = [seen, seen] if seen else None
            store.office(entity, office)


def read_wd_igo(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """Holders of United Nations posts (Wikidata) with their terms; country and sector IGO."""
    for name in ("holders21.csv", "current.csv"):
        if not (folder / name).is_file():
            continue
        for row in rows(folder / name):
            if not row.get("person") or not row.get("position"):
                continue
            entity = store.entity("person", row["person"], "IGO", "wd_igo", wikidata=row.get("personID"))
            office = Office(row["position"], "IGO", "IGO", _date(row.get("start")), _date(row.get("end")), "wd_igo")
            store.office(entity, office)


def read_wd_governors(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """Governors of the US states (Wikidata), each version a sighting."""
    for path in sorted(folder.glob("*.csv")):
        seen = seen_on(path)
        for row in rows(path):
            if not row.get("item") or not row.get("name") or not row.get("state"):
                continue
            entity = store.entity("person", row["name"], "USA", "wd_governors", wikidata=row["item"], loose=True)
            if row.get("enLabel") and row["enLabel"] != row["name"]:
                store.add_name(entity.index, row["enLabel"], "USA", weight=0)
            entity.gender = entity.gender or _GENDERS.get(row.get("gender", ""))
            office = Office(f"Governor of {row['state']}", "USA", "GOV", None, None, "wd_governors")
            office.seen = [seen, seen] if seen else None
            store.office(entity, office)


def _phoenix(store: Store, vocab: Vocabulary, folder: Path) -> None:
    from dateline.actors.kb._phoenix import read_phoenix

    read_phoenix(store, vocab, folder)


#: Each source's tag (its folder under the sources folder) and reader, in the order they are read.
READERS = (
    ("congress", read_congress), ("ifg", read_ifg), ("wd_leaders", read_wd_leaders), ("wd_igo", read_wd_igo),
    ("wd_cabinets", read_wd_cabinets), ("wd_foreign", read_wd_foreign), ("wd_governors", read_wd_governors),
    ("partyfacts", read_partyfacts), ("phoenix", _phoenix),
)
