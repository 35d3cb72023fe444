"""Choosing among dictionary people by the article's date, and the office they held then."""

from __future__ import annotations

import datetime as dt

from dateline.actors._lexicon import Hit, Person, Role
from dateline.actors._words import Words

__all__ = ["SURNAME_WINDOW_YEARS", "choose_person", "office_title", "role_at"]

#: A bare surname ("Brown", "May") resolves to a dictionary person only when one of
#: their terms lies within this many years of the article's date; beyond it the
#: name more likely belongs to someone else. Set by reading Wikinews 2019-2021 output.
SURNAME_WINDOW_YEARS = 10
_DAYS_PER_YEAR = 365


def _distance(role: Role, day: dt.date) -> int:
    """Days from ``day`` to the term (0 inside it)."""
    if day < role.start:
        return (role.start - day).days
    if role.end is not None and day >= role.end:
        return (day - role.end).days
    return 0


def _recency(role: Role) -> tuple[dt.date, dt.date]:
    return (role.end or dt.date.max, role.start)


def role_at(person: Person, day: dt.date | None) -> Role:
    """The role held on ``day`` (the latest begun if several), else the nearest; without a day the latest."""
    if day is None:
        return max(person.roles, key=_recency)
    return min(person.roles, key=lambda r: (_distance(r, day), -r.start.toordinal()))


def choose_person(hits: tuple[Hit, ...], day: dt.date | None) -> tuple[Person, Role] | None:
    """The person a name stands for on ``day``: in office then, else nearest in time, else most recent."""
    people = [h.ref for h in hits if h.kind == "person" and isinstance(h.ref, Person)]
    if not people:
        return None
    surname = all(h.surname for h in hits if h.kind == "person")
    best: tuple[int, Person, Role] | None = None
    for person in dict.fromkeys(people):
        role = role_at(person, day)
        distance = _distance(role, day) if day is not None else -_recency(role)[0].toordinal()
        if best is None or distance < best[0]:
            best = (distance, person, role)
    assert best is not None
    if surname and day is not None and (best[0] > SURNAME_WINDOW_YEARS * _DAYS_PER_YEAR or day < best[2].start):
        return None  # a bare surname names someone in or after office, not before it ("Vance" in 2019)
    return best[1], best[2]


def office_title(role: Role, day: dt.date | None, words: Words) -> str | None:
    """The role's title on ``day``: "former ..." once the term has ended, None before it began (or when
    the role has no title)."""
    if not role.title:
        return None
    if day is not None and role.end is not None and day >= role.end:
        return words.former(role.title)
    if day is not None and day < role.start:
        return None
    return role.title
