"""The natural-features table's builder: names, points, countries and the written table, on hand-made GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.places.naturalearth import COUNTRIES, SOURCES, build, write
from dateline.places.naturalearth._geometry import (
    Countries,
    Water,
    components,
    joined,
    middle_vertex,
    mouth,
    polygon_point,
)
from dateline.places.naturalearth._names import expanded, names_of, titled


def _square(x0: float, y0: float, x1: float, y1: float) -> list[list[list[float]]]:
    return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]


def _feature(props: dict[str, Any], kind: str, coords: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": props, "geometry": {"type": kind, "coordinates": coords}}


def _sources(folder: Path, files: dict[str, list[dict[str, Any]]]) -> Path:
    for source in SOURCES:
        features = files.get(source.stem, [])
        (folder / f"{source.stem}.json").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    countries = [
        _feature({"ISO_A3": "AAA"}, "Polygon", _square(0, 0, 10, 10)),
        _feature({"ISO_A3": "-99", "ADM0_A3": "BBB"}, "Polygon", _square(10, 0, 20, 10)),
    ]
    (folder / f"{COUNTRIES}.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": countries}))
    (folder / "MANIFEST.tsv").write_text("repo\tcommit\tpath\nsome/repo\tabc123\tphysical/file.json\n")
    return folder


def test_labels_are_written_out_and_given_the_word_of_their_kind() -> None:
    assert titled("GULF OF ALASKA") == "Gulf of Alaska" and titled("Lake Tana") == "Lake Tana"
    assert expanded("Blue Mts.") == "Blue Mountains" and expanded("Kopet Dag Mts .") == "Kopet Dag Mountains"
    assert expanded("S. Fork Eel", compass=True) == "South Fork Eel" and expanded("S. Nevada") == "S. Nevada"
    assert names_of("Tarn", "river") == ("Tarn River", ["Tarn", "River Tarn"])
    assert names_of("Kalahari", "desert") == ("Kalahari Desert", ["Kalahari"])
    assert names_of("Carpathian Mts.", "mountains") == ("Carpathian Mountains", ["Carpathians"])
    assert names_of("Alps", "mountains") == ("Alps", ["Alps Mountains"])
    assert names_of("Elgon", "mountain") == ("Mount Elgon", ["Elgon"])
    assert names_of("Caribbean Sea", "sea") == ("Caribbean Sea", ["Caribbean"])
    assert names_of("Gulf of Guinea", "gulf") == ("Gulf of Guinea", [])
    assert names_of("Okavango Delta", "delta") == ("Okavango Delta", [])


def test_a_river_lies_at_its_mouth_following_its_lines_downstream() -> None:
    upper = [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)]
    lower = [(3.0, 0.0), (3.0, -1.0)]
    stub = [(3.0, 0.0), (3.1, 0.0)]
    assert mouth([stub, upper, lower]) == (3.0, -1.0)
    assert middle_vertex([upper, lower]) in ((1.0, 0.0), (2.0, 0.0))
    across_a_lake = [(3.3, -1.0), (3.3, -2.0)]  # 33 km past the lower line's end
    assert mouth([upper, lower, across_a_lake]) == (3.3, -2.0)
    assert mouth([]) is None
    drawn_upstream = [[(3.0, -1.0), (3.0, 0.0), (0.0, 0.0)]]
    land = Countries([("AAA", [[[(-9.0, -9.0), (9.0, -9.0), (9.0, 9.0), (-9.0, 9.0), (-9.0, -9.0)]]])])
    water = Water([("Tarn", drawn_upstream[0]), ("Lot", [(3.0, -1.0), (5.0, -1.0)])], land)
    assert water.touches((8.95, 0.0), "Tarn") and not water.touches((0.0, 0.0), "Tarn")  # the sea is near
    assert mouth(drawn_upstream, lambda p: water.touches(p, "Tarn")) == (3.0, -1.0)  # where it meets the Lot
    assert mouth([upper], lambda p: False) == (3.0, 0.0)  # no end meets water: the end of the line


def test_lines_that_do_not_meet_are_namesakes() -> None:
    texas = [[(0.0, 0.0), (1.0, 0.0)], [(1.0, 0.0), (1.0, 1.0)]]
    far = [[(40.0, 40.0), (41.0, 40.0)]]
    rivers = joined(components(texas + far))
    assert sorted(len(r) for r in rivers) == [1, 2]


def test_an_area_point_lies_inside_it_and_countries_hold_points() -> None:
    crescent = [[[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 3.0), (3.0, 3.0), (3.0, 1.0), (0.0, 1.0),
                  (0.0, 0.0)]]]
    x, y = polygon_point(crescent) or (None, None)
    assert (x, y) != (None, None) and not (0 < float(x or 0) < 3 and 1 < float(y or 0) < 3)  # not in the bite
    assert polygon_point([[[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]]]) == pytest.approx((1, 1))
    areas = Countries([("AAA", [[[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]]]),
                       ("BBB", [[[(10.0, 0.0), (20.0, 0.0), (20.0, 10.0), (10.0, 10.0), (10.0, 0.0)]]])])
    assert areas.at((5.0, 5.0)) == "AAA" and areas.at((25.0, 5.0)) is None
    assert areas.holding([(1.0, 1.0), (2.0, 2.0), (-1.0, 2.0)]) == "AAA"  # a point off the coast
    assert areas.holding([(11.0, 1.0), (12.0, 2.0), (2.0, 2.0)]) is None  # across a border


def test_build_writes_a_deterministic_table(tmp_path: Path) -> None:
    river = [_feature({"name": "Tarn", "featurecla": "River", "scalerank": 6.0, "rivernum": 1}, "LineString",
                      [[1, 5], [5, 5], [9, 5]]),
             _feature({"name": "Tarn", "featurecla": "Lake Centerline", "scalerank": 6.0}, "LineString",
                      [[9, 5], [9, 6]])]
    border = [_feature({"name": "Oder", "featurecla": "River", "scalerank": 5}, "LineString", [[8, 2], [12, 2]])]
    sea = [_feature({"name": "LAZY SEA", "featurecla": "sea", "scalerank": 2}, "Polygon", _square(30, 30, 32, 32))]
    peak = [_feature({"name": "Mt. Dor", "featurecla": "mountain", "scalerank": 7}, "Point", [15, 5]),
            _feature({"name": "Spot", "featurecla": "spot elevation", "scalerank": 7}, "Point", [15, 6])]
    folder = _sources(tmp_path, {
        "ne_10m_rivers_lake_centerlines": river + border, "ne_10m_geography_marine_polys": sea,
        "ne_10m_geography_regions_elevation_points": peak,
        "ne_10m_rivers_europe": [_feature({"name": "Tarn", "featurecla": "River", "scalerank": 10}, "LineString",
                                          [[1, 5.1], [9, 5.1]])],
    })
    table = build(folder)
    rows = {row[0]: row for row in table["rows"]}
    assert set(rows) == {"Tarn River", "Oder River", "Lazy Sea", "Mount Dor"}  # the European Tarn is the same
    assert rows["Tarn River"] == ["Tarn River", ["Tarn", "River Tarn"], "river", 5.0, 9.0, "AAA", 6]
    assert rows["Oder River"][5] is None and rows["Lazy Sea"][1] == ["Lazy"] and rows["Lazy Sea"][5] is None
    assert rows["Mount Dor"][2:] == ["mountain", 5.0, 15.0, "BBB", 7]
    assert table["source"]["files"] == [{"repo": "some/repo", "commit": "abc123", "path": "physical/file.json"}]
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write(table, first)
    write(build(folder), second)
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text())["rows"] == table["rows"]


def test_build_says_which_file_is_missing(tmp_path: Path) -> None:
    folder = _sources(tmp_path, {})
    (folder / "ne_10m_lakes.json").unlink()
    with pytest.raises(InputError, match=r"ne_10m_lakes\.json .*not in"):
        build(folder)
    (folder / "MANIFEST.tsv").write_text("name\n")
    with pytest.raises(InputError, match="repo, commit and path"):
        build(folder)
