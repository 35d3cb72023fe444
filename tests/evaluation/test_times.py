"""Times evaluation: the TimeML reader, the TempEval-3 style scorer, and floors on TBAQ-cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.evaluation import times
from dateline.evaluation.times import GoldTimex

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
It <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after a
<TIMEX3 tid="t2" type="DURATION" value="P5Y">five year</TIMEX3> high.
</TEXT>
</TimeML>
"""


def test_reader_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "T1.tml"
    path.write_text(TML)
    doc = times.read_tml(path)
    assert str(doc.dct) == "1998-01-08"
    assert [doc.text[g.start : g.end] for g in doc.timexes] == ["yesterday", "five year"]
    assert [(g.value, g.type) for g in doc.timexes] == [("1998-01-07", "DATE"), ("P5Y", "DURATION")]
    assert "<" not in doc.text and "19980108" not in doc.text


def test_reader_writes_treebank_quotes_as_news_does(tmp_path: Path) -> None:
    path = tmp_path / "T2.tml"
    path.write_text(TML.replace("It <EVENT", "``It <EVENT").replace("high.", "high,'' he said on ''60 Minutes.''"))
    doc = times.read_tml(path)
    assert "\u201cIt fell" in doc.text and "high,\u201d he said on \u201c60 Minutes.\u201d" in doc.text
    assert "`" not in doc.text and "''" not in doc.text
    assert [doc.text[g.start : g.end] for g in doc.timexes] == ["yesterday", "five year"]


def test_score_counts_strict_relaxed_value_and_type() -> None:
    gold = (GoldTimex(0, 9, "1998-01-07", "DATE"), GoldTimex(20, 29, "P5Y", "DURATION"))
    system = [
        GoldTimex(0, 9, "1998-01-07", "DATE"),
        GoldTimex(18, 29, "P4Y", "DURATION"),
        GoldTimex(40, 44, None, "DATE"),
    ]
    text = "yesterday ... a five year high, a 23-year-old man"
    system.append(GoldTimex(text.index("23"), text.index(" man"), "P23Y", "DURATION"))
    counts = times.score(gold, system, text)
    assert (counts["gold"], counts["system"], counts["ages"]) == (2, 4, 1)
    assert (counts["strict"], counts["relaxed"], counts["value"], counts["type"]) == (1, 2, 1, 2)


def test_a_value_filling_the_golds_unknown_digits_counts_only_in_the_filled_figure() -> None:
    assert times.fills("1989-WXX", "1989-W43") and times.fills("1989-QX", "1989-Q3")
    assert times.fills("1989-10-30", "1989-10-30")
    assert not times.fills("1989-WXX", "1988-W43") and not times.fills("1989-QX", "1989")
    assert not times.fills("PXY", "P5Y") and not times.fills("1989-WXX", None)
    gold = (GoldTimex(0, 9, "1989-WXX", "DATE"),)
    counts = times.score(gold, [GoldTimex(0, 9, "1989-W43", "DATE")])
    assert (counts["relaxed"], counts["value"], counts["value_filled"]) == (1, 0, 1)


def test_missing_data_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        times.evaluate(tmp_path / "absent")


def test_bad_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>unclosed")
    with pytest.raises(InputError, match=r"bad\.tml"):
        times.read_tml(path)


def test_every_gold_file_parses(shared: Path) -> None:
    root = shared / times.DEFAULT_DATA
    files = sorted(root.glob("*/*.tml"))
    assert len(files) == 256
    docs = [times.read_tml(p) for p in files]
    assert sum(len(d.timexes) for d in docs) == 1822
    assert all(d.dct is not None for d in docs)


def test_halves_alternate_by_sorted_file_name() -> None:
    names = ["c.tml", "a.tml", "d.tml", "b.tml", "e.tml"]
    assert times.halves(names) == {
        "a.tml": "half_a", "b.tml": "half_b", "c.tml": "half_a", "d.tml": "half_b", "e.tml": "half_a",
    }
    assert times.halves([]) == {}


def test_each_half_is_scored_on_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "Set"
    folder.mkdir()
    for name in ("T1", "T2", "T3"):
        (folder / f"{name}.tml").write_text(TML.replace("<DOCID>T1", f"<DOCID>{name}"))
    # The system finds "yesterday" right in every file, and the five years only in T2 (the second name: half B).
    def fake_run(docs: list[times.TmlDocument]) -> list[list[GoldTimex]]:
        return [[g for g in d.timexes if g.value != "P5Y" or d.id == "T2"] for d in docs]

    monkeypatch.setattr(times, "_run", fake_run)
    metrics = times.evaluate(tmp_path).metrics
    assert (metrics["Set.half_a.docs"], metrics["Set.half_a.gold"], metrics["Set.half_a.value"]) == (2, 4, 2)
    assert metrics["Set.half_a.value.f1"] == pytest.approx(2 * 2 / (2 + 4))
    assert (metrics["Set.half_b.docs"], metrics["Set.half_b.value"], metrics["Set.half_b.value.f1"]) == (1, 2, 1.0)
    assert metrics["Set.value.f1"] == pytest.approx(2 * 4 / (4 + 6))
