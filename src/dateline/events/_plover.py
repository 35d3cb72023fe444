"""PLOVER's tables, loaded once per process: the quad class and intensity of each event type and mode.

They are not language data: ``dateline/data/events/plover.json`` holds them for
every language, and the event lexicon (:mod:`dateline.events._lexicon`) names
them beside its own entries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from dateline._data import packaged
from dateline.errors import ResourceError
from dateline.records import EVENT_TYPES

__all__ = ["Plover", "plover"]

#: Major version of the table's format this code reads.
SUPPORTED_MAJOR = "1"


@dataclass(frozen=True)
class Plover:
    """PLOVER's tables: quad class and intensity per type (and mode)."""

    version: str
    quad: dict[str, int]
    intensity: dict[str, float]
    mode_intensity: dict[tuple[str, str], float]
    requires_recipient: frozenset[str]
    #: The harms a THREATEN may threaten ("TYPE" or "TYPE:mode") and the THREATEN mode each is (None: no mode).
    threat_modes: dict[str, str | None] = field(default_factory=dict)

    def harm(self, event_type: str, mode: str | None) -> tuple[bool, str | None]:
        """Whether an act of this type and mode is a harm one may threaten, and the THREATEN mode a threat of it
        takes ("threatened to expel the envoy" is a THREATEN 'expel')."""
        if mode is not None and f"{event_type}:{mode}" in self.threat_modes:
            return True, self.threat_modes[f"{event_type}:{mode}"]
        return event_type in self.threat_modes, self.threat_modes.get(event_type)

    def score(self, event_type: str, mode: str | None) -> float | None:
        if mode is not None and (event_type, mode) in self.mode_intensity:
            return self.mode_intensity[(event_type, mode)]
        return self.intensity.get(event_type)


def _plover_fail(what: str) -> ResourceError:
    return ResourceError(f"PLOVER table dateline/data/events/plover.json: {what}; fix the data file")


def _number(row: dict[str, Any], key: str, where: str) -> float:
    value = row.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _plover_fail(f"{where} needs a number {key!r}")
    return float(value)


@functools.cache
def plover() -> Plover:
    """PLOVER's quad classes and intensities (``data/events/plover.json``)."""
    data = packaged("events/plover.json", "PLOVER table", SUPPORTED_MAJOR)
    types, requires = data.get("types"), data.get("requires_recipient")
    if not isinstance(types, dict) or not isinstance(requires, list) or not set(requires) <= set(EVENT_TYPES):
        raise _plover_fail("needs a 'types' object and a 'requires_recipient' list of PLOVER types")
    quad: dict[str, int] = {}
    intensity: dict[str, float] = {}
    modes: dict[tuple[str, str], float] = {}
    for event_type in EVENT_TYPES:
        row = types.get(event_type)
        if not isinstance(row, dict) or row.get("quad") not in (1, 2, 3, 4):
            raise _plover_fail(f"type {event_type} needs a quad class 1-4")
        quad[event_type] = int(row["quad"])
        intensity[event_type] = _number(row, "intensity", f"type {event_type}")
        row_modes = row.get("modes", {})
        if not isinstance(row_modes, dict):
            raise _plover_fail(f"type {event_type}: 'modes' must map a mode to its intensity")
        for mode in row_modes:
            modes[(event_type, mode)] = _number(row_modes, mode, f"type {event_type}")
    return Plover(str(data["version"]), quad, intensity, modes, frozenset(requires), _threat_modes(data))


def _threat_modes(data: dict[str, Any]) -> dict[str, str | None]:
    """The table's ``threat_modes``: each key a type or "TYPE:mode", each value a THREATEN mode or null."""
    raw = data.get("threat_modes", {})
    threat = data["types"]["THREATEN"].get("modes", {})
    if not isinstance(raw, dict):
        raise _plover_fail("'threat_modes' must map a type (or 'TYPE:mode') to a THREATEN mode")
    for key, value in raw.items():
        if key.split(":")[0] not in EVENT_TYPES or (value is not None and value not in threat):
            raise _plover_fail(f"threat_modes: {key!r} needs a PLOVER type and a THREATEN mode or null")
    return dict(raw)
