"""One record per act: an article that tells the same act again ("Smith admitted his guilt on Tuesday ...
Smith pleaded guilty to each count at the court") codes it once, where it is first told.

Two events are one act when they have the same type, the same actors and recipients (at least one party),
the same status, and dates that both name a day, month or year and agree to the coarser of the two
("2019-10" and "2019-10-07"). An undated mention is never taken for another (a pardon and a plea of the
same person can both be undated), nor are two acts told apart by their dates ("sentenced last week" and
"sentenced today"). The first telling is kept: an article's lead states its main acts, and hand coders
give an act the sentence that first states it. Where a later telling dates the act more precisely ("set to
hold talks" this month ... "their meeting is scheduled on July 7 in Hamburg"), the record takes that
telling's date, and its place where it names one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dateline.records import Event

__all__ = ["one_per_act"]

#: A date value that names a calendar year, month or day ("2019", "2019-10", "2019-10-07"), not a vague
#: reference ("PAST_REF") or a week.
_CALENDAR = re.compile(r"\d{4}(-\d{2}){0,2}")


def one_per_act(events: Sequence[Event]) -> tuple[Event, ...]:
    """The events in order, less each that tells again an act an earlier one told."""
    kept: list[Event] = []
    for event in events:
        first = next((i for i, earlier in enumerate(kept) if _same_act(earlier, event)), None)
        if first is None:
            kept.append(event)
        elif len(_calendar(event) or "") > len(_calendar(kept[first]) or ""):
            kept[first] = replace(kept[first], date=event.date, place=event.place or kept[first].place)
    return tuple(kept)


def _same_act(a: Event, b: Event) -> bool:
    """Whether two events of one article are one act told twice."""
    if a.type != b.type or a.status != b.status or not (a.actors or a.recipients):
        return False
    if set(a.actors) != set(b.actors) or set(a.recipients) != set(b.recipients):
        return False
    return _same_time(_calendar(a), _calendar(b))


def _calendar(event: Event) -> str | None:
    value = event.date.value if event.date is not None else None
    return value if value is not None and _CALENDAR.fullmatch(value) else None


def _same_time(a: str | None, b: str | None) -> bool:
    """Whether two calendar dates agree to the coarser one; an undated event agrees with none."""
    if a is None or b is None:
        return False
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]
