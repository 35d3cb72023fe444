"""One record per act: an article that tells the same act again ("Smith admitted his guilt on Tuesday ...
Smith pleaded guilty to each count at the court on Tuesday") codes it once, where it is first told.

Two events are one act when they have the same type, the same actors and recipients (at least one party),
the same status, and the same day. A month or a year is no sign of one act: it is often only the month of
publication a past tense implies, and a roundup of a month tells many acts of one kind by the same party
("endorsed ... on the 3rd", "endorsed ... on the 20th"). An undated mention is never taken for another (a
pardon and a plea of the same person can both be undated). The first telling is kept: an article's lead
states its main acts, and hand coders give an act the sentence that first states it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.records import Event

__all__ = ["one_per_act"]

#: A date value that names a calendar day ("2019-10-07").
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def one_per_act(events: Sequence[Event]) -> tuple[Event, ...]:
    """The events in order, less each that tells again an act an earlier one told."""
    kept: list[Event] = []
    for event in events:
        if not any(_same_act(earlier, event) for earlier in kept):
            kept.append(event)
    return tuple(kept)


def _same_act(a: Event, b: Event) -> bool:
    """Whether two events of one article are one act told twice."""
    if a.type != b.type or a.status != b.status or not (a.actors or a.recipients):
        return False
    if set(a.actors) != set(b.actors) or set(a.recipients) != set(b.recipients):
        return False
    day = _day(a)
    return day is not None and day == _day(b)


def _day(event: Event) -> str | None:
    value = event.date.value if event.date is not None else None
    return value if value is not None and _DAY.fullmatch(value) else None
