"""The Phoenix actor dictionaries (PETRARCH2): persons with dated CAMEO roles, organizations, armed groups.

An entry is a name in capitals with underscores for spaces (``ROBERT_MUGABE_``),
its variants on ``+`` lines, and its codes in brackets, each with an optional
term (``[ZWEGOV >871231]``: Zimbabwe's government since 31 December 1987). A
code is a country (ISO-3, or CAMEO's own for a few) followed by sectors; the
first sector PLOVER knows is the role's. Entries with a dated code or an
elite code are persons; others are organizations when their name ends in an
organization word (``agents.json``), and bare country names are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.actors.kb._store import Entity, Office, Store, key
from dateline.actors.kb._vocab import CAMEO_COUNTRIES, CAMEO_SECTORS, Vocabulary

__all__ = ["read_phoenix"]

#: Two-digit years up to this are 20xx, later ones 19xx.
LAST_2000S_YEAR = 30
#: Shortest variant kept, in letters (shorter ones are initials or codes).
MIN_VARIANT_CHARS = 4
FILES = (("Phoenix.Countries.actors.txt", "country"), ("Phoenix.International.actors.txt", "international"),
         ("Phoenix.MilNonState.actors.txt", "armed"))
_CODE = re.compile(r"\[([^\]]*)\]")
_ACRONYM = re.compile(r"^[A-Z0-9&.]{2,6}$")
_PARENS = re.compile(r"\([^)]*\)")
_ELITE = "ELI"
#: The sector of government bodies, which a name's head says of any board, service or office.
GENERIC_SECTOR = "GOV"


@dataclass
class _Entry:
    name: str
    variants: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def _date(text: str) -> str | None:
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if re.fullmatch(r"\d{6}", text):
        century = 2000 if int(text[:2]) <= LAST_2000S_YEAR else 1900
        return f"{century + int(text[:2])}-{text[2:4]}-{text[4:]}"
    return None


def _codes(line: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for found in _CODE.finditer(line):
        parts = found.group(1).split()
        if not parts or parts[0].startswith("~"):
            continue
        term = " ".join(parts[1:])
        start = end = None
        if term.startswith(">"):
            start = _date(term[1:])
        elif term.startswith("<"):
            end = _date(term[1:])
        elif "-" in term:
            first, last = term.split("-", 1)
            start, end = _date(first), _date(last)
        out.append((parts[0].strip("-").upper(), start, end))
    return out


def _entries(path: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = raw.split("#", 1)[0]
        if not body.strip():
            continue
        if body.startswith("+") and entries:
            entries[-1].variants.append(body[1:].split("[", 1)[0].strip())
            entries[-1].codes += _codes(body)
        elif body[:1] in (" ", "\t") and entries:
            entries[-1].codes += _codes(body)
        elif not body.startswith("+"):
            entries.append(_Entry(body.split("[", 1)[0].strip(), codes=_codes(body)))
    return [e for e in entries if e.name and e.codes]


def split_code(code: str, vocab: Vocabulary) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO code: ``ZWEGOVEDU`` -> (ZWE, GOV), ``IGOUNO`` -> (IGO, IGO)."""
    head = CAMEO_COUNTRIES.get(code[:3], code[:3])
    country, rest = (head, code[3:]) if head in vocab.iso3 or head == "IGO" else (None, code)
    if head == "IGO":
        return "IGO", "IGO"
    for i in range(0, len(rest), 3):
        sector = CAMEO_SECTORS.get(rest[i : i + 3], rest[i : i + 3])
        if sector in vocab.sectors:
            return country, sector
    return country, None


def read_phoenix(store: Store, vocab: Vocabulary, folder: Path) -> None:
    """Persons and organizations of the three Phoenix dictionaries under ``folder``."""
    for name, kind in FILES:
        if (folder / name).is_file():
            for entry in _entries(folder / name):
                _add(store, vocab, entry, kind)


def _add(store: Store, vocab: Vocabulary, entry: _Entry, source_kind: str) -> None:
    roles = [(split_code(code, vocab), start, end) for code, start, end in entry.codes]
    countries = [c for (c, _), _, _ in roles if c]
    dated = any(start or end for _, start, end in entry.codes)
    elite = any(sector == _ELITE for (_, sector), _, _ in roles)
    name = vocab.display_name(_PARENS.sub(" ", entry.name).replace("_", " "))
    if all(sector is None for (_, sector), _, _ in roles) and source_kind == "country":
        return  # a country's other names (its cities, its people): the codes name no role
    organization = source_kind == "armed" or vocab.organization_sector(name) is not None
    if not organization and not dated and not elite:
        if source_kind != "international":
            return  # a country's other names and generic role words
        organization = True
    country = max(countries, key=countries.count) if countries else None
    if len(key(name)) < MIN_VARIANT_CHARS or (not organization and country is None):
        return
    kind = "organization" if organization else "person"
    raw = entry.name.strip("_ ")
    if organization and _ACRONYM.match(raw):
        name = raw
    entity = store.entity(kind, name, country, "phoenix", loose=kind == "person")
    for variant in entry.variants:
        _variant(store, vocab, entity, variant, country)
    if kind == "organization":
        entity.sector = entity.sector or _organization_sector(vocab, name, [s for (_, s), _, _ in roles if s])
        entity.org_kind = "group" if source_kind == "armed" else entity.org_kind
        return
    for (code_country, sector), start, end in roles:
        if sector is not None and (code_country or country):
            office = Office("", code_country or country, sector, start, end, "phoenix")
            store.office(entity, office)


def _organization_sector(vocab: Vocabulary, name: str, coded: list[str]) -> str | None:
    """An organization's sector: the one the head of its name says ("Supreme Court": JUD), else its code's; a
    head that says only government ("Board", "Service", "Office") yields to a code that says otherwise
    ("Church World Service" coded NGO stays NGO)."""
    head = vocab.organization_sector(name)
    if head == GENERIC_SECTOR and coded and coded[0] != GENERIC_SECTOR:
        return coded[0]
    return head or (coded[0] if coded else None)


def _variant(store: Store, vocab: Vocabulary, entity: Entity, variant: str, country: str | None) -> None:
    text = vocab.display_name(_PARENS.sub(" ", variant).replace("_", " "))
    if len(key(text)) < MIN_VARIANT_CHARS or (entity.kind == "person" and (
            len(text.split()) < 2 or vocab.has_title(text))):
        return  # initials, lone surnames and "PRESIDENT_X" variants say too little
    if entity.kind == "organization" and not _short_form(text, entity.name):
        return  # the dictionaries file bodies under their ministry ("FAA" under Transportation): not the same
    store.add_name(entity.index, text, country, weight=0)


def _short_form(variant: str, name: str) -> bool:
    """Whether ``variant`` is ``name`` written otherwise: its acronym, or some of its words ending with its
    last ("Islamic State" for "Islamic State of Iraq"; not "All India" for "All India Radio")."""
    words, full = key(variant).split(), key(name).split()
    initials = "".join(w[0] for w in full if w)
    if key(variant).replace(" ", "") == initials:
        return True
    return bool(words) and set(words) <= set(full) and words[-1] == full[-1]
