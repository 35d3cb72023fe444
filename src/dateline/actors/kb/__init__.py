"""Building the actor knowledge base from open data: ``python -m dateline.actors.kb build``.

The build reads the raw files of the sources in ``data/actors/sources.json``
from a folder (one sub-folder per source tag, and ``MANIFEST.tsv`` naming the
repository, commit, commit date and path of each file), merges persons and
organizations across sources (:mod:`._store`), keeps their offices with their
terms, and writes the compact file the actors stage reads
(``data/actors/kb.json.gz``, see :mod:`._write`) with a card per source: its
licence, the commits read, what it covers and up to when. The raw files are
never part of the package; the build is deterministic.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline import lang
from dateline._data import packaged
from dateline.actors._lexicon import SUPPORTED_MAJOR
from dateline.actors.kb._places import PLACES_CARD, places
from dateline.actors.kb._read import READERS
from dateline.actors.kb._store import Store
from dateline.actors.kb._vocab import Vocabulary
from dateline.actors.kb._write import FORMAT, VERSION, finish, write
from dateline.errors import InputError

__all__ = ["Summary", "build"]

MANIFEST = "MANIFEST.tsv"
#: The language files the build reads besides the sources (titles, organization heads, name words,
#: countries): their versions are written into the knowledge base, since a change to them changes the
#: build ("Maj." added as a title), and the same sources with the same versions give the same bytes.
LANGUAGE_FILES = ("agents", "actors", "countries")
DESCRIPTION = (
    "Persons with their offices and terms (heads of state and government, ministers, members of the US Congress "
    "and UK ministers and members of parliament, US governors, heads of UN bodies, and the persons of the Phoenix "
    "CAMEO dictionaries) and organizations (political parties of the world, international and non-governmental "
    "organizations, businesses, non-state armed groups), each with ISO-3 country (or IGO), PLOVER sector and "
    "Wikidata id where a source gives one. Built by 'python -m dateline.actors.kb build' from the open sources "
    "described in 'sources'; the curated people.json and organizations.json win over it."
)


@dataclass(frozen=True)
class Summary:
    """What a build read and wrote."""

    people: int
    organizations: int
    names: int
    bytes: int
    unknown_countries: tuple[str, ...]


def _manifest(folder: Path) -> dict[str, dict[str, Any]]:
    path = folder / MANIFEST
    if not path.is_file():
        raise InputError(f"no {MANIFEST} in {folder}; give the folder of raw source files with its manifest",
                         source=str(folder))
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            seen = out.setdefault(row["source"], {"repositories": set(), "commits": set(), "dates": set(), "files": 0})
            seen["repositories"].add(row["repository"])
            seen["commits"].add(row["commit"])
            seen["dates"].add(row["commit_date"])
            seen["files"] += 1
    return out


def _cards(read: list[str], manifest: dict[str, dict[str, Any]], counts: Counter[str]) -> list[dict[str, Any]]:
    cards = []
    for card in packaged("actors/sources.json", "actor knowledge base sources", "1")["sources"]:
        if card["tag"] not in read:
            continue
        seen = manifest.get(card["tag"], {"commits": set(), "dates": set(), "files": 0})
        commits = sorted(seen["commits"])
        cards.append({**card, "files": seen["files"], "commits": commits if len(commits) <= 3 else len(commits),
                      "commit_dates": [min(seen["dates"]), max(seen["dates"])] if seen["dates"] else None,
                      "entities": counts[card["tag"]]})
    return cards


def build(sources: Path, out: Path) -> Summary:
    """Build the knowledge base from the raw files under ``sources`` into ``out``."""
    manifest = _manifest(sources)
    vocab = Vocabulary.load(lang.resources("en"))
    store = Store()
    read = []
    for tag, reader in READERS:
        if (sources / tag).is_dir():
            reader(store, vocab, sources / tag)
            read.append(tag)
    counts = Counter(tag for entity in store.entities for tag in entity.sources)
    towns = places()
    doc = finish(store, vocab, set(towns["divisions"]) | set(towns["towns"]))
    cards = _cards(read, manifest, counts)
    until = max((c["commit_dates"][1] for c in cards if c["commit_dates"]), default=None)
    doc["places"] = towns
    cards.append({**PLACES_CARD, "entities": sum(len(v) for v in doc["places"].values())})
    res = lang.resources("en")
    doc.update({"format": FORMAT, "version": VERSION, "description": DESCRIPTION, "data_until": until,
                "language_files": {name: res.packaged(name, SUPPORTED_MAJOR)["version"] for name in LANGUAGE_FILES},
                "sources": cards, "counts": {"people": len(doc["people"]),
                                             "organizations": len(doc["organizations"]), "names": len(doc["names"])}})
    size = write(doc, out)
    return Summary(len(doc["people"]), len(doc["organizations"]), len(doc["names"]), size,
                   tuple(sorted(vocab.unknown)))
