"""Distances between gazetteer entries, for resolving an article's names together.

Points are kept as unit vectors, so that "within d km" is a comparison of
squared chords and no trigonometry runs inside the loops.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from dateline.places._gazetteer import Entry

__all__ = ["EARTH_KM", "Point", "Points", "chord2", "km", "km_between", "shares_near"]

EARTH_KM = 6371.0

#: A unit vector on the sphere.
Point = tuple[float, float, float]


def _unit(entry: Entry) -> Point:
    return _vector(entry.lat or 0.0, entry.lon or 0.0)


def _vector(lat_degrees: float, lon_degrees: float) -> Point:
    lat, lon = math.radians(lat_degrees), math.radians(lon_degrees)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)


class Points:
    """The unit vectors of entries, made once each."""

    def __init__(self) -> None:
        self._made: dict[Entry, Point] = {}

    def __call__(self, entry: Entry) -> Point:
        point = self._made.get(entry)
        if point is None:
            point = self._made[entry] = _unit(entry)
        return point


def chord2(distance_km: float) -> float:
    """The squared chord, on the unit sphere, of a distance along the earth's surface."""
    chord = 2 * math.sin(distance_km / (2 * EARTH_KM))
    return chord * chord


def km(a: Entry, b: Entry) -> float:
    """The distance between two entries with points, in kilometres."""
    return _arc_km(_unit(a), _unit(b))


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance between two points given in degrees, in kilometres."""
    return _arc_km(_vector(lat1, lon1), _vector(lat2, lon2))


def _arc_km(a: Point, b: Point) -> float:
    (x1, y1, z1), (x2, y2, z2) = a, b
    chord = math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, chord / 2))


def shares_near(point: Point, others: Sequence[Sequence[Point]], limit2: float, close2: float) -> tuple[float, float]:
    """The shares of ``others`` with a point within the squared chord ``limit2``, and within ``close2`` (not
    larger than ``limit2``), in one pass."""
    if not others:
        return 0.0, 0.0
    x, y, z = point
    near = close = 0
    for pts in others:
        reached = False
        for a, b, c in pts:
            d2 = (x - a) ** 2 + (y - b) ** 2 + (z - c) ** 2
            if d2 <= close2:
                close += 1
                reached = True
                break
            reached = reached or d2 <= limit2
        near += reached
    return near / len(others), close / len(others)
