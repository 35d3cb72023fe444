"""Names: the sector an organization's name says ("Thames Valley Police" -> COP), and the case of names
written in capitals ("ROBERT_GABRIEL_MUGABE" -> "Robert Gabriel Mugabe").

The words come from the language's files: ``organization_heads`` of
``agents.json`` and ``name_particles`` of ``actors.json``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dateline._data import is_strings
from dateline.errors import ResourceError

__all__ = ["OrganizationHeads", "display_case", "parse_heads"]

_WORDS = re.compile(r"[^\W_]+(?:['\u2019.][^\W_]*)*")
#: The owner of a body named with a possessive ("House of Representatives'" in "... Committee on ...").
_OWNER = re.compile(r"^(.+?)(?:['\u2019]s?)\s+\S")
#: Most words of a country's name read after an organization's head ("Bosnia and Herzegovina").
COUNTRY_WORDS = 3
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$")


@dataclass(frozen=True)
class OrganizationHeads:
    """Last words of organization names -> sector; ``longest`` is the most words of one entry."""

    table: Mapping[str, str]
    stops: frozenset[str]
    longest: int
    #: lower-case names of countries and capitals, which may close an organization's name after its head
    #: ("Marriage Equality Coalition Taiwan", "University College London")
    countries: frozenset[str] = frozenset()
    #: endings of a name's last word -> sector ("Politics1.com": a website, the media's)
    suffixes: Mapping[str, str] = field(default_factory=dict)
    #: heads that say a sector only inside a name one of whose earlier words names the body they belong to:
    #: (heads, such words, sector) ("House Oversight Committee", "Congressional Black Caucus": LEG)
    within: tuple[tuple[frozenset[str], frozenset[str], str], ...] = ()

    def sector(self, name: str) -> str | None:
        """The sector the head of ``name`` says ("University of Cambridge" -> EDU), None if it says none."""
        words = [w.lower() for w in _WORDS.findall(name)]
        found = self._head(words) if words else None
        if found is None and words:
            found = next((sector for end, sector in self.suffixes.items() if words[-1].endswith(end)), None)
            found = found or self._body_within(words)
        for size in range(1, COUNTRY_WORDS + 1):
            if found is not None or len(words) <= size:
                break
            if " ".join(words[-size:]) in self.countries:  # "Amnesty Watch Kenya", "University College London"
                found = self._head(words[:-size])
        if found is not None:
            return found
        owner = _OWNER.match(name)  # a body of another: "House of Representatives' Committee on Ways and Means"
        return self.sector(owner.group(1)) if owner is not None else None

    def _body_within(self, words: list[str]) -> str | None:
        """The sector of a head that says one only with a word of its body before it in the name ("House
        Oversight and Reform Committee"), read before "of" ("Committee of the Senate" is not read)."""
        cut = next((words[:k] for k, word in enumerate(words) if k and word in self.stops), words)
        for heads, owners, sector in self.within:
            if cut[-1] in heads and any(w in owners for w in cut[:-1]):
                return sector
        return None

    def _head(self, words: list[str]) -> str | None:
        for size in range(min(self.longest, len(words)), 1, -1):  # "House of Lords", before "of" cuts it
            found = self.table.get(" ".join(words[-size:]))
            if found is not None:
                return found
        cut = words
        for k, word in enumerate(words):
            if k and word in self.stops:
                cut = words[:k]  # the head comes before "of", "for", "on"
                break
        for size in range(min(self.longest, len(cut)), 0, -1):
            found = self.table.get(" ".join(cut[-size:]))
            if found is not None:
                return found
        # nothing before "of" or "for" says a kind: the last word may ("Cinema for Peace Foundation")
        return self.table.get(words[-1]) if cut is not words and words else None


def parse_heads(entries: Any, stops: frozenset[str], countries: frozenset[str] = frozenset()) -> OrganizationHeads:
    """The table from ``agents.json``'s ``organization_heads``; ``stops`` end a name's head ("of");
    ``countries`` are the names of countries and capitals that may close a name after its head."""
    if not isinstance(entries, list):
        raise _fail("'organization_heads' must be a list of objects with 'words' and 'sector'")
    table: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    within: list[tuple[frozenset[str], frozenset[str], str]] = []
    for i, entry in enumerate(entries):
        if not (isinstance(entry, dict) and isinstance(entry.get("sector"), str)
                and (is_strings(entry.get("words"), nonempty=True) or is_strings(entry.get("suffixes"), nonempty=True))
                and (entry.get("within") is None or is_strings(entry["within"], nonempty=True))):
            raise _fail(f"organization_heads[{i}] needs 'words' (with 'within', if any, a list of words) or "
                        "'suffixes', and a 'sector'")
        lowered = [" ".join(w.lower() for w in _WORDS.findall(word)) for word in entry.get("words", [])]
        if entry.get("within") is not None:
            within.append((frozenset(lowered), frozenset(w.lower() for w in entry["within"]), entry["sector"]))
            continue
        sector: str = entry["sector"]
        table.update(dict.fromkeys(lowered, sector))
        suffixes.update(dict.fromkeys((s.lower() for s in entry.get("suffixes", [])), sector))
    names = frozenset(" ".join(w.lower() for w in _WORDS.findall(c)) for c in countries)
    return OrganizationHeads(table, stops, max((len(k.split()) for k in table), default=0), names, suffixes,
                             tuple(within))


def display_case(name: str, particles: frozenset[str]) -> str:
    """A name written in capitals, in the case names are printed in; other words are kept."""
    out = []
    for i, word in enumerate(name.split()):
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 2 or not all(c.isupper() for c in letters):
            out.append(word)
            continue
        parts = re.split(r"([-'\u2019])", word.lower())
        for k, part in enumerate(parts):
            if not part or part in "-'\u2019" or (k >= 2 and parts[k - 1] in "'\u2019" and len(parts[k - 2]) > 1):
                continue
            if _ROMAN.match(part) and (i or k):
                parts[k] = part.upper()
            elif part in particles and (i or (k + 1 < len(parts) and parts[k + 1] == "-")):
                continue
            else:
                parts[k] = part[:1].upper() + part[1:]
                if parts[k].startswith("Mc") and len(parts[k]) > 2:
                    parts[k] = "Mc" + parts[k][2].upper() + parts[k][3:]
        out.append("".join(parts))
    return " ".join(out)


def _fail(what: str) -> ResourceError:
    return ResourceError(f"actor dictionary agents: {what}; fix the file, or stop merging it if it is yours")
