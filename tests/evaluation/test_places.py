"""Places evaluation: the distance, the readers, and floors on LGL and GeoWebNews."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.evaluation import places


def test_haversine() -> None:
    assert places.haversine_km(0.0, 0.0, 0.0, 0.0) == 0.0
    # Hamburg to Warsaw: about 750 km.
    assert places.haversine_km(53.55, 9.99, 52.23, 21.01) == pytest.approx(750, abs=15)
    assert places.haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015, abs=5)


def test_missing_data_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        places.evaluate(tmp_path)


def test_readers_keep_offsets(shared: Path) -> None:
    root = shared / places.DEFAULT_DATA
    lgl = next(places.read_lgl(root / "lgl" / "lgl.xml"))
    gwn = next(places.read_geowebnews(root / "geowebnews" / "GWN.xml"))
    for document in (lgl, gwn):
        assert document.toponyms
        assert all(t.span.text.strip() for t in document.toponyms)
        assert all(document.text[t.span.start:t.span.end] == t.span.text for t in document.toponyms)
    assert lgl.toponyms[0].span.text == "Alexandria"


def test_a_place_is_near_its_gold_by_distance_or_by_its_geonames_entry() -> None:
    from dateline.records import Place, Span

    span = Span(0, 6, "Canada")
    gold = places.GoldToponym(span, 60.10867, -113.64258, None, 6251999)
    assert places.near_gold(Place(span, "Canada", "CAN", 60.0, -96.0, 6251999, "country"), gold)
    assert not places.near_gold(Place(span, "Canada", "CAN", 60.0, -96.0, None, "country"), gold)
    assert places.near_gold(Place(span, "Canada", "CAN", 60.5, -113.0, None, "country"), gold)
    elsewhere = Place(Span(10, 16, "Canada"), "Canada", "CAN", 60.0, -96.0, 6251999, "country")
    assert not places.near_gold(elsewhere, gold)


def test_readers_keep_geonames_ids(shared: Path) -> None:
    root = shared / places.DEFAULT_DATA
    lgl = next(places.read_lgl(root / "lgl" / "lgl.xml"))
    gwn = [t for d in places.read_geowebnews(root / "geowebnews" / "GWN.xml") for t in d.toponyms]
    assert any(t.geonames_id for t in lgl.toponyms)
    assert any(t.span.text == "Canada" and t.geonames_id == 6251999 for t in gwn)
