"""The records of the hand-coded Wikinews scorer (:mod:`dateline.evaluation.wikinews`): the gold articles
as the set codes them, what dateline found in them, the fields of a matched pair, and the counts that add up
across articles with the figures made of them."""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = [
    "Counts", "FieldCheck", "GoldActor", "GoldArticle", "GoldEvent", "Location", "SystemActor", "SystemArticle",
    "SystemEvent", "actor_rates", "event_rates",
]


@dataclass(frozen=True, slots=True)
class Location:
    """A place: its name and ISO-3 country."""

    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold actor: name, kind, country (ISO-3 or "IGO"), PLOVER sector and other surface forms."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event, its participants resolved to the article's gold actors."""

    type: str
    alt_types: tuple[str, ...]
    actors: tuple[GoldActor, ...]
    recipients: tuple[GoldActor, ...]
    date: str | None
    place: Location | None
    status: str
    evidence: str
    core: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of the set: its input record and its gold actors and events."""

    id: str
    url: str
    date: str
    title: str
    text: str
    actors: tuple[GoldActor, ...]
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class SystemActor:
    """An actor as dateline gave it; ``mentions`` are its surface forms in the text."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """An event as dateline coded it: its own type and the type PLOVER's coders would give it."""

    type: str
    plover_type: str
    actors: tuple[SystemActor, ...]
    recipients: tuple[SystemActor, ...]
    date: str | None
    place: Location | None
    status: str
    evidence: str


@dataclass(frozen=True, slots=True)
class SystemArticle:
    """What dateline found in one article."""

    id: str
    actors: tuple[SystemActor, ...]
    events: tuple[SystemEvent, ...]


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """The fields of one matched pair: right or wrong; None where the gold leaves a field unscored."""

    actor: bool
    recipient: bool
    date: bool | None
    place: bool | None
    status: bool

    @property
    def all_right(self) -> bool:
        return self.actor and self.recipient and self.date is not False and self.place is not False and self.status

    @property
    def right(self) -> int:
        return sum(v is True for v in (self.actor, self.recipient, self.date, self.place, self.status))


@dataclass(frozen=True, slots=True)
class Counts:
    """The counts of one article or of the set; they add up across articles."""

    core_gold: int = 0
    core_found: int = 0
    gold_events: int = 0
    system_events: int = 0
    system_right: int = 0
    system_duplicates: int = 0
    matched: int = 0
    actor_right: int = 0
    recipient_right: int = 0
    date_scored: int = 0
    date_right: int = 0
    place_scored: int = 0
    place_right: int = 0
    status_right: int = 0
    all_right: int = 0
    gold_actors: int = 0
    actors_found: int = 0
    country_right: int = 0
    sector_scored: int = 0
    sector_right: int = 0
    persons_scored: int = 0
    persons_with_country: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def event_rates(c: Counts) -> dict[str, float | int]:
    """The event figures of these counts."""
    return {
        "core_recall": _share(c.core_found, c.core_gold), "precision": _share(c.system_right, c.system_events),
        "lenient_precision": _share(c.system_right + c.system_duplicates, c.system_events), "matched": c.matched,
        "actor": _share(c.actor_right, c.matched), "recipient": _share(c.recipient_right, c.matched),
        "date": _share(c.date_right, c.date_scored), "place": _share(c.place_right, c.place_scored),
        "status": _share(c.status_right, c.matched), "all_fields": _share(c.all_right, c.matched),
    }


def actor_rates(c: Counts) -> dict[str, float | int]:
    """The actor figures of these counts."""
    return {
        "found": _share(c.actors_found, c.gold_actors), "country": _share(c.country_right, c.actors_found),
        "sector": _share(c.sector_right, c.sector_scored),
        "persons_with_country": _share(c.persons_with_country, c.persons_scored),
    }
