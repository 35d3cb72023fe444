"""Places: the gazetteer's hand-made regions (regions.json)."""

from __future__ import annotations

from typing import Any

import pytest

from dateline import lang
from dateline.errors import ResourceError
from dateline.places import _gazetteer
from dateline.places._gazetteer import load_gazetteer

EN = lang.resources("en")


def test_regions_that_geonames_has_carry_its_id() -> None:
    gazetteer = load_gazetteer(EN)
    [union] = [e for e in gazetteer.lookup("EU") if e.feature == "region"]
    assert (union.name, union.geonames_id) == ("European Union", 6695072)
    assert {e.geonames_id for e in gazetteer.lookup("Europe") if e.feature == "region"} == {6255148}
    assert all(e.geonames_id is None for e in gazetteer.lookup("Balkans"))  # GeoNames has no such entry


def test_a_region_with_a_bad_id_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def read(name: str) -> dict[str, Any]:
        return {"regions": [{"name": "Upper Valley", "country": None, "lat": 1.0, "lon": 2.0, "geonames_id": "12"}]}

    monkeypatch.setattr(_gazetteer, "_read", read)
    with pytest.raises(ResourceError, match="'Upper Valley' has geonames_id '12'"):
        _gazetteer._regions(_gazetteer._Builder.__new__(_gazetteer._Builder))
