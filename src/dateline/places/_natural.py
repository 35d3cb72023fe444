"""The natural features of the gazetteer: rivers, lakes, seas, ranges, peaks, deserts, deltas and islands from
Natural Earth (``data/places/features.json``, made by :mod:`dateline.places.naturalearth`)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from dateline.errors import ResourceError
from dateline.places._gazetteer import Entry, _point, _read, _require

if TYPE_CHECKING:
    from dateline.places._gazetteer import _Builder

__all__ = ["COLUMNS", "natural_features"]

#: The columns features.json's rows open with (the builder, :mod:`dateline.places.naturalearth`, writes these).
COLUMNS = ["name", "other_names", "class", "lat", "lon", "country", "scalerank"]


def natural_features(builder: _Builder, regions: set[str]) -> dict[str, tuple[Entry, ...]]:
    """Index the natural features (``features.json``): a name holding a word of its kind ("Neches River") like a
    region's, unless a hand-made region has it (regions.json wins, the name or, where it is the feature's own,
    the whole feature) or a country, province, county or town bears it
    as its own name ("Ivory Coast" is the country, "Bay of Plenty" the New Zealand region, "Green Bay" the
    city); a name without one ("Nile"), and one a place bears, go to the table of
    bare names returned, which the resolver reads only where the text names a feature."""
    data = _read("features.json")
    columns = _require(data, "columns", list, "features.json")
    if columns[: len(COLUMNS)] != COLUMNS:
        raise ResourceError("features.json: 'columns' must open with name, other_names, class, lat, lon, country, "
                            "scalerank; rebuild it with python -m dateline.places.naturalearth")
    bare: dict[str, list[Entry]] = defaultdict(list)
    never = {builder.key(n) for n in builder.language.not_places} | builder.words.feature_words
    for row in _require(data, "rows", list, "features.json"):
        name, others, kind, lat, lon, country = row[:6]
        if builder.key(name) in regions:
            continue  # the hand-made region is the feature ("Persian Gulf", "Himalayas")
        lat, lon = _point([lat, lon], name)
        entry = Entry(name, country, lat, lon, "region", kind=kind)
        for other in [name, *others]:
            key = builder.key(other)
            if key in regions:
                continue  # "Amazon" is the hand-made region, "Amazon River" still the river
            taken = any(not e.alias and e.feature != "region" for e in builder.names.get(key, ()))
            if builder.words.names_feature(other) and not taken:
                builder.add(other, entry)
            elif key and key not in never and entry not in bare[key]:
                bare[key].append(entry)  # not "Island" (Island River), nor a word that is never a place
    return {key: tuple(entries) for key, entries in bare.items()}
