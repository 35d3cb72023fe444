"""Two hand codings scored against each other, and dateline beside them, on hand-made articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.evaluation import agreement
from dateline.evaluation import wikinews as wn

MEETING = "Angela Merkel met Emmanuel Macron in Berlin on Friday."
THREAT = "Merkel warned that Germany would impose tariffs on French wine."
TEXT = f"{MEETING} {THREAT}"
RECORD = {"id": "x1", "url": "u", "date": "2019-03-09", "title": "Merkel meets Macron", "text": TEXT}

MERKEL = {"name": "Angela Merkel", "kind": "person", "country": "DEU", "sector": "GOV", "aliases": ["Merkel"]}
MACRON = {"name": "Emmanuel Macron", "kind": "person", "country": "FRA", "sector": "GOV", "aliases": ["Macron"]}


def _event(type: str, evidence: str, actors: list[str], recipients: list[str], *, core: bool = True,
           alt: tuple[str, ...] = (), date: str | None = "2019-03-08") -> dict[str, Any]:
    return {"type": type, "alt_types": list(alt), "mode": None, "actors": actors, "recipients": recipients,
            "date": date, "place": None, "status": "occurred", "evidence": evidence,
            "importance": "core" if core else "minor"}


def _coding(folder: Path, actors: list[dict[str, Any]], events: list[dict[str, Any]], text: str = TEXT) -> Path:
    folder.mkdir(parents=True)
    (folder / "articles.jsonl").write_text(json.dumps({**RECORD, "text": text}) + "\n", encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps([{"id": "x1", "actors": actors, "events": events}]),
                                      encoding="utf-8")
    return folder


@pytest.fixture
def first(tmp_path: Path) -> Path:
    return _coding(tmp_path / "first", [MERKEL, MACRON], [
        _event("CONSULT", MEETING, ["Angela Merkel", "Emmanuel Macron"], []),
        _event("THREATEN", THREAT, ["Angela Merkel"], ["Emmanuel Macron"]),
    ])


def test_a_coding_against_itself_agrees_on_everything(first: Path) -> None:
    metrics = agreement.evaluate(first, first=first).metrics
    for side in ("second", "first"):
        assert metrics[f"{side}.core_recall"] == metrics[f"{side}.precision"] == 1.0
        assert metrics[f"{side}.all_fields"] == metrics[f"{side}.actors.found"] == 1.0
        assert metrics[f"{side}.actors.country"] == metrics[f"{side}.actors.sector"] == 1.0
    assert metrics["articles"] == 1 and metrics["second.core_gold"] == 2


def test_each_coding_is_scored_against_the_other(tmp_path: Path, first: Path) -> None:
    # The second coder saw the meeting only (as a minor event, with another date) and gave Macron no sector.
    second = _coding(tmp_path / "second", [MERKEL, {**MACRON, "sector": None}], [
        _event("CONSULT", MEETING, ["Angela Merkel", "Emmanuel Macron"], [], core=False, date="2019-03-09"),
    ])
    metrics = agreement.evaluate(second, first=first).metrics
    assert metrics["second.core_recall"] == 0.5 and metrics["second.precision"] == 1.0
    assert metrics["second.date"] == 0.0 and metrics["second.actors.sector"] == 0.5
    assert metrics["first.core_recall"] == 0.0 and metrics["first.precision"] == 0.5  # its one event is minor
    assert "system.core_recall" in metrics and "system.actors.found" in metrics


def test_an_alternative_type_of_the_other_coding_is_agreement(tmp_path: Path, first: Path) -> None:
    second = _coding(tmp_path / "second", [MERKEL, MACRON], [
        _event("COERCE", THREAT, ["Angela Merkel"], ["Emmanuel Macron"], alt=("THREATEN",)),
    ])
    metrics = agreement.evaluate(second, first=first).metrics
    assert metrics["first.precision"] == 0.5  # the first coder's THREATEN is among the second's alternatives
    assert metrics["second.precision"] == 0.0  # COERCE is not among the first coder's types


def test_articles_of_another_set_or_text_are_refused(tmp_path: Path, first: Path) -> None:
    other_text = _coding(tmp_path / "edited", [MERKEL], [], text=MEETING)
    with pytest.raises(InputError, match="different texts for x1"):
        agreement.evaluate(other_text, first=first)
    elsewhere = _coding(tmp_path / "elsewhere", [MERKEL], [])
    (elsewhere / "gold.json").write_text(json.dumps([{"id": "zz", "actors": [], "events": []}]), encoding="utf-8")
    (elsewhere / "articles.jsonl").write_text(json.dumps({**RECORD, "id": "zz"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not in the first"):
        agreement.evaluate(elsewhere, first=first)


def test_a_hand_coding_seen_as_output_keeps_every_field(first: Path) -> None:
    (article,) = wn.load(first)
    seen = agreement.as_system(article)
    threat = seen.events[1]
    assert (threat.type, threat.plover_type, threat.date, threat.status) == ("THREATEN", "THREATEN", "2019-03-08",
                                                                               "occurred")
    assert [a.name for a in threat.recipients] == ["Emmanuel Macron"]
    assert seen.actors[0].mentions == ("Angela Merkel", "Merkel")
