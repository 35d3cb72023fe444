"""Training the places stage's ranker of namesakes on small hand-written LGL- and GeoWebNews-style sets."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from dateline.training import places_rank

#: Texts written for this test: each names a town whose larger namesakes lie elsewhere, beside its state.
TEXTS = (
    ("Voters in Paris approved the levy, officials in Texas said on Monday.", "Paris", 33.6609, -95.5555),
    ("The council in Manhattan met on Tuesday, and lawmakers in Kansas listened.", "Manhattan", 39.1836, -96.5717),
    ("A new clinic opened in Athens this week, the first in Texas to do so.", "Athens", 32.2049, -95.8555),
    ("Roads in Columbus were closed, and crews across Nebraska worked late.", "Columbus", 41.4297, -97.3684),
    ("Schools in Norfolk reopened, and parents across Nebraska were relieved.", "Norfolk", 42.0283, -97.417),
    ("Firefighters in Richmond, a town in Kentucky, put out a barn fire.", "Richmond", 37.7479, -84.2947),
)


def _lgl(folder: Path) -> None:
    articles = []
    for i, (text, name, lat, lon) in enumerate(TEXTS):
        start = text.index(name)
        articles.append(
            f'<article docid="{i}"><url>https://example.com/{i}</url><text>{escape(text)}</text><toponyms>'
            f"<toponym><start>{start}</start><end>{start + len(name)}</end><phrase>{name}</phrase>"
            f"<gaztag><lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym></toponyms></article>")
    (folder / "lgl").mkdir(parents=True)
    (folder / "lgl" / "lgl.xml").write_text(f"<articles>{''.join(articles)}</articles>", encoding="utf-8")


def _gwn(folder: Path) -> None:
    text, name, lat, lon = TEXTS[0]
    start = text.index(name)
    (folder / "geowebnews").mkdir(parents=True)
    (folder / "geowebnews" / "GWN.xml").write_text(
        f'<articles><article file="0"><link>https://example.com/g</link><text>{escape(text)}</text>'
        f"<toponym><type>Literal</type><start>{start}</start><end>{start + len(name)}</end>"
        f"<latitude>{lat}</latitude><longitude>{lon}</longitude></toponym></article></articles>", encoding="utf-8")


def test_training_is_out_of_fold_and_deterministic(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _lgl(data)
    _gwn(data)
    first = places_rank.train(data, tmp_path / "a")
    second = places_rank.train(data, tmp_path / "b")
    assert [p.name for p in first.artifacts] == ["places-rank.json", "places-rank.md"]
    for one, other in zip(first.artifacts, second.artifacts, strict=True):
        assert one.read_bytes() == other.read_bytes()
    assert first.metrics["oof.lgl.names.judged"] > 0
    assert 0.0 <= first.metrics["oof.lgl.e2e.recall_names"] <= 1.0
    assert first.metrics["rules.gwn.e2e.recall_names"] >= 0.0 and "unseen.gwn.e2e.precision" in first.metrics
    assert "GeoWebNews never trained on" in first.notes[0]
