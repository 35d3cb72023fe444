"""The gazetteer's compact index: packed, cached and read back, it answers as the built index did."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.places._compact import CompactNames, pack
from dateline.places._gazetteer import Entry

PARIS = Entry("Paris", "FRA", 48.85, 2.35, "city", 2_138_551, 2988507, "11", capital=True)
TEXAS = Entry("Paris", "USA", 33.66, -95.55, "city", 24_171, 4717560, "TX")
FRANCE = Entry("France", "FRA", 46.0, 2.0, "country", 67_000_000, 3017382)


def test_pack_and_look_up() -> None:
    names = {"paris": (PARIS, TEXAS), "france": (FRANCE,), "ville lumiere": (PARIS,)}
    packed = pack(names, {"TX": TEXAS}, {"FR": FRANCE}, frozenset({"monday"}), 2)
    compact = CompactNames(packed)
    assert dict(compact) == names
    assert compact.get("paris") == (PARIS, TEXAS) and compact.get("nowhere") is None
    assert "france" in compact and "nowhere" not in compact and len(compact) == 3
    assert compact["ville lumiere"][0] is compact["paris"][0]  # one row, one object
    assert len(packed.columns[0]) == 3  # equal entries share a row
    assert compact.entry(packed.states["TX"]) == TEXAS


def test_the_cached_gazetteer_answers_like_a_fresh_build(tmp_path: Path) -> None:
    # Two fresh processes on an empty cache folder: the first builds and writes the index, the second reads it.
    probe = (
        "from dateline.places._gazetteer import load_gazetteer\n"
        "g = load_gazetteer()\n"
        "names = ['Paris', 'Springfield', 'Kyiv', 'Georgia', 'DeKalb', 'the Netherlands', 'Kiev']\n"
        "print([[(e.name, e.country, e.feature, e.geonames_id) for e in g.lookup(n)] for n in names])\n"
        "print(len(g.names), sorted(g.states)[:3], g.demonyms['russian'].country, g.max_words)\n"
    )
    env = {"DATELINE_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    import os

    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert list((tmp_path / "cache").glob("gazetteer-*.pickle"))
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert first.stdout == second.stdout
    assert "('Paris', 'FRA'" in first.stdout and "RUS" in first.stdout


@pytest.mark.parametrize("name", ["Paris", "Kyiv", "New York"])
def test_lookups_give_entries(name: str) -> None:
    from dateline.places._gazetteer import load_gazetteer

    found = load_gazetteer().lookup(name)
    assert found and all(isinstance(e, Entry) for e in found)
