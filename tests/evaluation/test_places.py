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


def test_geowebnews_is_also_scored_in_the_half_read_and_the_half_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    import dateline.places
    from dateline.evaluation import _parses
    from dateline.lang import resources
    from dateline.records import Article, Place, Span

    text = "Rain fell on Oslo."
    oslo = Span(13, 17, "Oslo")
    gold = places.GoldToponym(oslo, 59.91, 10.75, True, 3143244)
    documents = [places.GoldDocument(f"d{n}", text, (gold,)) for n in range(4)]

    def found_in_even(article: Article) -> Article:  # the stage finds Oslo in d0 and d2 only
        hit = int(article.id[1:]) % 2 == 0
        return replace(article, places=(Place(oslo, "Oslo", "NOR", 59.91, 10.75),) if hit else ())

    monkeypatch.setattr(_parses, "annotate", lambda articles: list(articles))
    monkeypatch.setattr(dateline.places, "apply", found_in_even)
    monkeypatch.setitem(places.READ_DOCUMENTS, "test", 3)
    metrics = places._end_to_end(documents, "test", resources("en"))
    assert metrics["test.e2e.recall_names"] == 0.5
    assert metrics["test.read.e2e.gold_names"] == 3 and metrics["test.unread.e2e.gold_names"] == 1
    assert metrics["test.read.e2e.recall_names"] == pytest.approx(2 / 3)
    assert metrics["test.unread.e2e.recall_names"] == 0.0
    assert "test.read.e2e.recall_names" not in places._end_to_end(documents[:3], "test", resources("en"))
