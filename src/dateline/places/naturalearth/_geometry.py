"""Geometry for the natural-features table: a representative point of a line or an area, and the country a
feature lies in (GeoJSON coordinates are ``[lon, lat]``)."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "Countries",
    "Water",
    "components",
    "joined",
    "lines",
    "middle_vertex",
    "mouth",
    "polygon_point",
    "rings",
    "sample",
]

#: Lines of one name whose ends lie this close are one river, cut by a lake or a gap in the data (not tuned: a
#: guard against joining namesakes, which lie hundreds of kilometres apart).
GAP_KM = 60.0

#: Size in degrees of the cells in which a river's end looks for other water (about 2 km).
GRID = 0.02

#: How far from a river's end the sea may lie for the end to meet it (degrees, about 10 km: the countries'
#: areas are simplified, a mouth may fall inside them).
COAST = 0.1
_AROUND = [(0.0, 0.0)] + [(COAST * math.cos(a * math.pi / 4), COAST * math.sin(a * math.pi / 4)) for a in range(8)]

#: Vertices of a feature tested for the country it lies in: enough to see a river cross a border, few enough
#: that the build takes seconds (evenly spaced along its vertices).
COUNTRY_SAMPLES = 24

Point = tuple[float, float]  # (lon, lat)


def lines(geometry: dict[str, Any]) -> list[list[Point]]:
    """The lines of a LineString or MultiLineString (empty for other kinds)."""
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "LineString":
        return [[(float(x), float(y)) for x, y, *_ in coords]]
    if kind == "MultiLineString":
        return [[(float(x), float(y)) for x, y, *_ in line] for line in coords]
    return []


def rings(geometry: dict[str, Any]) -> list[list[list[Point]]]:
    """The polygons of a Polygon or MultiPolygon, each a list of rings (the outer ring first)."""
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon] for polygon in polygons]


def _length(line: Sequence[Point]) -> list[float]:
    """Cumulative length along ``line`` at each vertex (degrees, longitude shrunk by latitude)."""
    total, out = 0.0, [0.0]
    for (x1, y1), (x2, y2) in itertools.pairwise(line):
        total += math.hypot((x2 - x1) * math.cos(math.radians((y1 + y2) / 2)), y2 - y1)
        out.append(total)
    return out


def middle_vertex(parts: Iterable[Sequence[Point]]) -> Point | None:
    """The vertex halfway along the longest of ``parts`` (a river's main stem where it is cut in pieces)."""
    best: tuple[float, Point] | None = None
    for line in parts:
        if not line:
            continue
        cumulative = _length(line)
        half = cumulative[-1] / 2
        vertex = min(range(len(line)), key=lambda i: abs(cumulative[i] - half))
        if best is None or cumulative[-1] > best[0]:
            best = (cumulative[-1], line[vertex])
    return None if best is None else best[1]


def _end(point: Point) -> tuple[float, float]:
    return round(point[0], 4), round(point[1], 4)


def components(parts: Sequence[Sequence[Point]]) -> list[list[Sequence[Point]]]:
    """``parts`` (the lines of one name) grouped into rivers: lines that meet end to end are one river, lines
    that do not are namesakes (a Red River in Texas, another in Manitoba)."""
    parent = list(range(len(parts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, line in enumerate(parts):
        for point in (line[0], line[-1]):
            j = owner.setdefault(_end(point), i)
            parent[root(i)] = root(j)
    groups: dict[int, list[Sequence[Point]]] = {}
    for i, line in enumerate(parts):
        groups.setdefault(root(i), []).append(line)
    return list(groups.values())


def mouth(parts: Sequence[Sequence[Point]], touches: Callable[[Point], bool] | None = None) -> Point | None:
    """Where a river ends: Natural Earth draws most of its lines downstream, so the end of its longest line,
    followed from line to line (the longest of those starting where the last ended, or, across a gap such as a
    lake's, within GAP_KM of it) to a line after which none goes on. GeoNames, and the news sets that use it,
    place rivers there too. Where that end ``touches`` no water (another river, a lake, the sea) and another
    loose end of the river does, the line was drawn upstream: the loose end that touches water is the mouth."""
    lines = [line for line in parts if line]
    if not lines:
        return None
    line = max(lines, key=lambda part: _length(part)[-1])
    seen = {id(line)}
    while True:
        end = line[-1]
        after = [p for p in lines if id(p) not in seen and _km(p[0], end) <= GAP_KM]
        if not after:
            break
        line = min(after, key=lambda p: (_km(p[0], end) > 1.0, -_length(p)[-1]))
        seen.add(id(line))
    if touches is None or touches(end):
        return end
    shared = Counter(_end(p) for part in lines for p in (part[0], part[-1]))
    loose = [(_length(part)[-1], p) for part in lines for p in (part[0], part[-1])
             if shared[_end(p)] == 1 and touches(p)]
    return max(loose)[1] if loose else end


def _km(a: Point, b: Point) -> float:
    """Distance in kilometres, flat-earth (enough within a river's gaps)."""
    return 111.2 * math.hypot((b[0] - a[0]) * math.cos(math.radians((a[1] + b[1]) / 2)), b[1] - a[1])


def joined(rivers: list[list[Sequence[Point]]]) -> list[list[Sequence[Point]]]:
    """``rivers`` (lines that meet end to end) joined where one comes within GAP_KM of another: a river cut by
    a lake, a stub or a distributary near its main stem are one river."""
    samples = [sample([p for line in river for p in line], 40) for river in rivers]
    merged: list[tuple[list[Sequence[Point]], list[Point]]] = []
    for river, points in zip(rivers, samples, strict=True):
        near = [m for m in merged if any(_km(a, b) <= GAP_KM for a in points for b in m[1])]
        for m in near:
            merged.remove(m)
        merged.append(([line for m in near for line in m[0]] + list(river), [p for m in near for p in m[1]] + points))
    return [river for river, _ in merged]


def _area_centroid(ring: Sequence[Point]) -> tuple[float, Point]:
    """Signed area and centroid of a closed ring (planar, in degrees)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        cross = x1 * y2 - x2 * y1
        area, cx, cy = area + cross, cx + (x1 + x2) * cross, cy + (y1 + y2) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return area / 2, (cx / (3 * area), cy / (3 * area))


def polygon_point(polygons: Sequence[Sequence[Sequence[Point]]]) -> Point | None:
    """A point of the largest polygon: its centroid when that lies inside it, else its vertex nearest the
    centroid (a bay's or a crescent range's centroid may lie outside it)."""
    best: tuple[float, Sequence[Sequence[Point]]] | None = None
    for polygon in polygons:
        if polygon and polygon[0]:
            area = abs(_area_centroid(polygon[0])[0])
            if best is None or area > best[0]:
                best = (area, polygon)
    if best is None:
        return None
    outer = best[1][0]
    centre = _area_centroid(outer)[1]
    if _inside(centre, _Ring.of(outer)) and not any(_inside(centre, _Ring.of(hole)) for hole in best[1][1:]):
        return centre
    return min(outer, key=lambda p: (p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2)


def sample(points: Sequence[Point], n: int = COUNTRY_SAMPLES) -> list[Point]:
    """At most ``n`` of ``points``, evenly spaced."""
    if len(points) <= n:
        return list(points)
    step = (len(points) - 1) / (n - 1)
    return [points[round(i * step)] for i in range(n)]


@dataclass(frozen=True)
class _Ring:
    xs: np.ndarray
    ys: np.ndarray
    box: tuple[float, float, float, float]

    @classmethod
    def of(cls, ring: Sequence[Point]) -> _Ring:
        xs = np.array([p[0] for p in ring], dtype=float)
        ys = np.array([p[1] for p in ring], dtype=float)
        return cls(xs, ys, (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())))


def _inside(point: Point, ring: _Ring) -> bool:
    """Whether ``point`` lies inside ``ring`` (even-odd rule)."""
    x, y = point
    x0, y0, x1, y1 = ring.box
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    xs, ys = ring.xs, ring.ys
    xj, yj = np.roll(xs, 1), np.roll(ys, 1)
    crosses = (ys > y) != (yj > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = (xj - xs) * (y - ys) / (yj - ys) + xs
    return bool(np.count_nonzero(crosses & (x < at)) % 2)


class Water:
    """Where water lies for a river's ends: the lines of other rivers and lakes (cells of GRID degrees), and the
    sea (outside every country's area, within COAST degrees)."""

    def __init__(self, lines: Iterable[tuple[str, Sequence[Point]]], countries: Countries) -> None:
        self._cells: dict[tuple[int, int], set[str]] = {}
        for label, line in lines:
            for point in line:
                self._cells.setdefault(self._cell(point), set()).add(label)
        self._countries = countries

    @staticmethod
    def _cell(point: Point) -> tuple[int, int]:
        return math.floor(point[0] / GRID), math.floor(point[1] / GRID)

    def touches(self, point: Point, label: str) -> bool:
        """Whether ``point``, an end of the river ``label``, meets another line's water or the sea."""
        x, y = self._cell(point)
        if any(self._cells.get((x + dx, y + dy), set()) - {label} for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            return True
        return any(self._countries.at((point[0] + dx, point[1] + dy)) is None for dx, dy in _AROUND)


class Countries:
    """The countries' areas, to say which country a point lies in."""

    def __init__(self, areas: Iterable[tuple[str, list[list[list[Point]]]]]) -> None:
        self._parts: list[tuple[str, _Ring, list[_Ring]]] = [
            (code, _Ring.of(polygon[0]), [_Ring.of(hole) for hole in polygon[1:]])
            for code, polygons in areas for polygon in polygons if polygon and polygon[0]
        ]

    def at(self, point: Point) -> str | None:
        """The country whose area holds ``point`` (None: the sea, or no area holds it)."""
        for code, outer, holes in self._parts:
            if _inside(point, outer) and not any(_inside(point, hole) for hole in holes):
                return code
        return None

    def holding(self, points: Sequence[Point]) -> str | None:
        """The one country that holds ``points`` (a sample of them), else None. Points in no country's area do
        not count against it: the areas are simplified, so a river's mouth, a lake's shore or an island's coast
        may fall just outside."""
        codes = {self.at(p) for p in sample(points)} - {None}
        return codes.pop() if len(codes) == 1 else None
