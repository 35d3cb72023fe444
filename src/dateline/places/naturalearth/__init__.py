"""Build the natural-features table of the places stage (``data/places/features.json``) from Natural Earth.

``python -m dateline.places.naturalearth build --sources DIR`` reads Natural Earth's GeoJSON files of rivers,
lakes, seas and the physical regions (mountain ranges, deserts, deltas, islands, peaks) from ``DIR``, with a
``MANIFEST.tsv`` naming the repository, commit and path of each, and writes one row per feature: its name, its
other English names, its class, one representative point (for a river, the vertex halfway along its longest
stretch; for an area, its centroid, or its vertex nearest the centroid where that lies outside it), the ISO-3
country it lies in (None for one across borders, and for the seas) and Natural Earth's scalerank (0: the
largest). The build is deterministic: the same files give the same bytes. Nothing here runs in the pipeline;
the places stage reads the table through its gazetteer (:mod:`dateline.places._gazetteer`).
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.places._geo import km_between
from dateline.places._natural import COLUMNS
from dateline.places.naturalearth._geometry import (
    Countries,
    Point,
    Water,
    components,
    joined,
    lines,
    middle_vertex,
    mouth,
    polygon_point,
    rings,
)
from dateline.places.naturalearth._names import names_of

__all__ = ["COLUMNS", "Feature", "build", "write"]

#: Two features of one name and class whose points lie within this distance are one (a river in the world
#: file and again in the North American one; an island both as an area and as a label point). Not tuned: a
#: long river's midpoints in two files lie a few hundred kilometres apart.
DUPLICATE_KM = 500.0

#: Where a river's point lies: its "mouth" (where GeoNames, and the news sets scored against it, place rivers)
#: or its "middle" (the vertex halfway along its longest line). See features.md for the figures of each.
RIVER_POINT = "mouth"

#: Decimal places of the points written (0.001 degree is about 100 m).
DIGITS = 3

#: The classes taken from each file, by Natural Earth's ``featurecla`` (lower case); a class not listed is left
#: out (lake centerlines, reefs, the poles, spot elevations, continents: regions.json has those by hand).
RIVERS = {"river": "river", "intermittent river": "river", "river (intermittent)": "river"}
LAKES = {"lake": "lake", "reservoir": "lake", "alkaline lake": "lake"}
MARINE = {c: c for c in ("ocean", "sea", "gulf", "bay", "strait", "sound", "channel", "lagoon", "fjord", "inlet")}
REGIONS = {
    "range/mtn": "mountains", "island": "island", "island group": "islands", "plateau": "plateau",
    "desert": "desert", "pen/cape": "peninsula", "peninsula": "peninsula", "geoarea": "region", "coast": "coast",
    "plain": "plain", "delta": "delta", "basin": "basin", "valley": "valley", "lowland": "lowland",
    "tundra": "region", "isthmus": "isthmus", "wetlands": "wetlands", "gorge": "gorge", "foothills": "hills",
    "depression": "depression",
}
POINTS = {"island": "island", "island group": "islands", "cape": "cape", "waterfall": "waterfall"}
PEAKS = {"mountain": "mountain", "pass": "pass"}


@dataclass(frozen=True)
class Feature:
    """One row of the table (see :data:`COLUMNS`)."""

    name: str
    other_names: tuple[str, ...]
    kind: str
    lat: float
    lon: float
    country: str | None
    scalerank: int | None

    def row(self) -> list[Any]:
        return [self.name, list(self.other_names), self.kind, self.lat, self.lon, self.country, self.scalerank]


@dataclass(frozen=True)
class _Source:
    stem: str  # the file's name without .json / .geojson
    classes: dict[str, str]
    shape: str  # "line", "area" or "point"
    inland: bool = True  # whether it may lie in one country


SOURCES = (
    _Source("ne_10m_rivers_lake_centerlines", RIVERS, "line"),
    _Source("ne_10m_geography_marine_polys", MARINE, "area", inland=False),
    _Source("ne_10m_geography_regions_polys", REGIONS, "area"),
    _Source("ne_10m_lakes", LAKES, "area"),
    _Source("ne_10m_geography_regions_elevation_points", PEAKS, "point"),
    _Source("ne_10m_geography_regions_points", POINTS, "point"),
    _Source("ne_10m_rivers_north_america", RIVERS, "line"),
    _Source("ne_10m_rivers_europe", RIVERS, "line"),
)
COUNTRIES = "ne_50m_admin_0_countries"
MANIFEST = "MANIFEST.tsv"


def _read(folder: Path, stem: str) -> dict[str, Any]:
    for suffix in (".json", ".geojson"):
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(f"cannot read {path}: {exc}; give Natural Earth's GeoJSON file") from exc
            if not isinstance(data, dict) or not isinstance(data.get("features"), list):
                raise InputError(f"{path} is no GeoJSON feature collection; give Natural Earth's GeoJSON file")
            return data
    raise InputError(f"{stem}.json (or .geojson) is not in {folder}; put Natural Earth's file there")


def _manifest(folder: Path) -> list[dict[str, str]]:
    path = folder / MANIFEST
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}; list each file's repo, commit and path in it") from exc
    if not rows or not {"repo", "commit", "path"} <= set(rows[0]):
        raise InputError(f"{path} needs the tab-separated columns repo, commit and path")
    return [{key: row[key] for key in ("repo", "commit", "path")} for row in rows]


def _countries(data: dict[str, Any]) -> Countries:
    def code(props: dict[str, Any]) -> str:
        iso = props.get("ISO_A3") or props.get("iso_a3") or "-99"
        return str(iso if iso != "-99" else props.get("ADM0_A3") or props.get("adm0_a3"))

    return Countries((code(f["properties"]), rings(f["geometry"])) for f in data["features"] if f.get("geometry"))


def _label(props: dict[str, Any]) -> tuple[str | None, tuple[str, ...]]:
    """A feature's label and other labels (Natural Earth's ``name``, ``name_en``, ``name_full``, ``name_alt``)."""
    name = props.get("name_full") or props.get("name") or props.get("name_en")
    others = tuple(str(props[k]) for k in ("name", "name_en", "name_alt", "namealt")
                   if isinstance(props.get(k), str) and props[k].strip() and props[k] != name)
    return (str(name).strip() if isinstance(name, str) and name.strip() else None), others


def _rank(props: dict[str, Any]) -> int | None:
    value = props.get("scalerank")
    return None if value is None else round(float(value))


def _water(data: dict[str, Any], countries: Countries) -> Water:
    """The water a river of ``data`` may end in: every named line of the file (rivers, lake centerlines)."""
    named = ((_label(f.get("properties") or {})[0], f.get("geometry")) for f in data["features"])
    return Water(((label, line) for label, geometry in named if label and geometry for line in lines(geometry)),
                 countries)


def _features(source: _Source, data: dict[str, Any], countries: Countries) -> Iterator[Feature]:
    water = _water(data, countries) if source.shape == "line" else None
    groups: dict[tuple[str, str, Any], list[dict[str, Any]]] = {}
    for feature in data["features"]:
        props, geometry = feature.get("properties") or {}, feature.get("geometry")
        kind = source.classes.get(str(props.get("featurecla") or "").strip().lower())
        label, _ = _label(props)
        if kind is None or label is None or not geometry:
            continue
        part = None if source.shape == "line" else id(feature)
        groups.setdefault((label, kind, part), []).append(feature)
    for (label, kind, _), members in groups.items():
        yield from _made(source, label, kind, members, countries, water)


def _made(source: _Source, label: str, kind: str, members: list[dict[str, Any]], countries: Countries,
          water: Water | None) -> Iterator[Feature]:
    """The features of one label: one for an area or a point; for lines, one for each river they draw."""
    if source.shape != "line":
        made = _feature(source, label, kind, members, countries)
        if made is not None:
            yield made
        return
    touches = None if water is None else functools.partial(water.touches, label=label)
    for river in joined(components([line for m in members for line in lines(m["geometry"]) if line])):
        made = _feature(source, label, kind, members, countries, river, touches)
        if made is not None:
            yield made


def _feature(source: _Source, label: str, kind: str, members: list[dict[str, Any]], countries: Countries,
             river: list[Sequence[Point]] | None = None,
             touches: Callable[[Point], bool] | None = None) -> Feature | None:
    """One feature: ``members`` with their properties, or for a river their first one's, and the river's lines
    (``touches``: whether a point of it meets other water)."""
    props = members[0]["properties"]
    point: Point | None
    if river is not None:
        point = mouth(river, touches) if RIVER_POINT == "mouth" else middle_vertex(river)
        spread = [p for line in river for p in line]
    elif source.shape == "area":
        geometries = [m["geometry"] for m in members]
        polygons = [polygon for g in geometries for polygon in rings(g)]
        point, spread = polygon_point(polygons), [p for polygon in polygons for p in polygon[0]]
    else:
        x, y, *_ = members[0]["geometry"]["coordinates"]
        point = (float(x), float(y))
        spread = [point]
    if point is None:
        return None
    country = countries.holding(spread) if source.inland else None
    # a lake's other label is often its group's ("Great Lakes" for Lake Ontario): lakes keep their own name only
    name, others = names_of(label, kind, () if kind == "lake" else _label(props)[1])
    ranks = [r for r in (_rank(m["properties"]) for m in members) if r is not None]
    return Feature(name, tuple(others), kind, round(point[1], DIGITS), round(point[0], DIGITS), country,
                   min(ranks) if ranks else None)


def _km(a: Feature, b: Feature) -> float:
    return km_between(a.lat, a.lon, b.lat, b.lon)


def _deduplicated(features: list[Feature]) -> list[Feature]:
    """The features less those of a name and class already kept nearby (the earlier source wins)."""
    kept: dict[tuple[str, str], list[Feature]] = {}
    for feature in features:
        same = kept.setdefault((feature.name, feature.kind), [])
        if not any(_km(feature, other) <= DUPLICATE_KM for other in same):
            same.append(feature)
    return [f for group in kept.values() for f in group]


def build(folder: Path, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """The table built from the Natural Earth files in ``folder`` (a JSON object, see :func:`write`)."""
    manifest = _manifest(folder)
    countries = _countries(_read(folder, COUNTRIES))
    features: list[Feature] = []
    for source in SOURCES:
        found = list(_features(source, _read(folder, source.stem), countries))
        if progress is not None:
            progress(f"{source.stem}: {len(found)} features")
        features += found
    rows = sorted(_deduplicated(features), key=lambda f: (f.name, f.kind, f.lat, f.lon))
    return {
        "version": "1.0",
        "description": (
            "Natural features (rivers, lakes, seas, mountain ranges, peaks, deserts, deltas, islands and other "
            "physical regions) from Natural Earth (public domain), made by `python -m dateline.places.naturalearth "
            "build`; see features.md. Each row: " + ", ".join(COLUMNS) + ". A point is [lat, lon] in degrees; "
            "country is the ISO-3 code of the one country the feature lies in, or null; scalerank is Natural "
            "Earth's (0: the largest features)."),
        "source": {"name": "Natural Earth", "licence": "public domain", "files": manifest},
        "columns": list(COLUMNS),
        "rows": [f.row() for f in rows],
    }


def write(table: dict[str, Any], out: Path) -> int:
    """Write ``table`` to ``out`` compactly, one row a line (diffs stay readable); return the bytes written."""
    head = {k: v for k, v in table.items() if k != "rows"}
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    rows = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in table["rows"])
    text += ',\n "rows": [\n' + rows + "\n ]\n}\n"
    out.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
