"""The actor knowledge base: building it from raw source files, and the packaged one."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest

from dateline.actors._kb import KnowledgeBase, load_kb
from dateline.actors.kb import build
from dateline.actors.kb.__main__ import main
from dateline.errors import InputError

MANIFEST = "source\trepository\tcommit\tcommit_date\tpath\tfile\n"


def _sources(root: Path) -> Path:
    """A folder of raw files in the layout the build reads, written by hand."""
    (root / "congress").mkdir(parents=True)
    legislator = {
        "id": {"bioguide": "X000001", "wikidata": "Q900001"},
        "name": {"first": "Jane", "middle": "Q.", "last": "Roe", "official_full": "Jane Q. Roe", "nickname": "Janie"},
        "bio": {"gender": "F"},
        "terms": [{"type": "sen", "start": "2013-01-03", "end": "2019-01-03", "state": "VT", "party": "Democrat"},
                  {"type": "prez", "start": "2019-01-20", "end": "2023-01-20"}],
    }
    (root / "congress" / "legislators-current-2019-07-01.json").write_text(json.dumps([legislator]), encoding="utf-8")
    (root / "partyfacts").mkdir()
    (root / "partyfacts" / "wikidata.csv").write_text(
        "country,partyfacts_id,wikidata_id,name,name_short,name_native\nPOL,1,Q900002,Civic Platform,PO,\n",
        encoding="utf-8")
    (root / "partyfacts" / "partyfacts-core-parties.csv").write_text(
        "country,partyfacts_id,technical,name_short,name,name_english,year_first,year_last,share\n"
        "POL,1,,PO,Platforma Obywatelska,Civic Platform,2001,,41.5\n"
        "POL,2,,XX,Stara Partia,Old Party,1950,1970,3.0\n", encoding="utf-8")
    (root / "wd_leaders").mkdir()
    (root / "wd_leaders" / "wikidata-2021-08-26-abc.csv").write_text(
        "countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\n"
        "Q213,Czech Republic,Q1,President of the Czech Republic,Q900003,Jan Novak,2013,\n", encoding="utf-8")
    rows = [("congress", "unitedstates/congress-legislators", "a" * 40, "2019-06-30"),
            ("partyfacts", "hdigital/partyfactsdata", "b" * 40, "2026-03-11"),
            ("wd_leaders", "every-politician-scrapers/world-leaders-2021", "c" * 40, "2021-08-26")]
    (root / "MANIFEST.tsv").write_text(
        MANIFEST + "".join(f"{tag}\t{repo}\t{commit}\t{date}\tx\ty\n" for tag, repo, commit, date in rows),
        encoding="utf-8")
    return root


def _read(path: Path) -> dict:
    return json.loads(gzip.decompress(path.read_bytes()))


def test_build_reads_the_sources_and_writes_a_compact_kb(tmp_path: Path) -> None:
    out = tmp_path / "kb.json.gz"
    summary = build(_sources(tmp_path / "raw"), out)
    assert summary.people == 2 and summary.organizations == 1
    kb = KnowledgeBase.from_data(_read(out))
    roe = [h.ref for h in kb.hits("Jane Roe")]
    assert [p.name for p in roe] == ["Jane Roe"] and kb.hits("Janie Roe") and kb.hits("Jane Q. Roe")
    assert roe[0].wikidata == "Q900001" and roe[0].gender == "f" and roe[0].kb
    assert [p.name for p in kb.holders("USA", "president", dt.date(2020, 6, 1))] == ["Jane Roe"]
    assert kb.holders("USA", "president", dt.date(2018, 6, 1)) == []  # a senator then
    assert [p.name for p in kb.holders("CZE", "president", dt.date(2019, 6, 1))] == ["Jan Novak"]
    party = kb.hits("Civic Platform")[0].ref
    assert (party.country, party.sector, party.wikidata) == ("POL", "PTY", "Q900002")
    assert kb.hits("Platforma Obywatelska") and not kb.hits("Old Party")  # parties gone before 1990 are left out
    cards = {card["tag"]: card for card in _read(out)["sources"]}
    assert cards["congress"]["licence"] == "CC0-1.0" and cards["partyfacts"]["licence"] == "MIT"
    assert cards["congress"]["commit_dates"] == ["2019-06-30", "2019-06-30"]
    assert _read(out)["data_until"] == "2026-03-11"


def test_build_is_deterministic(tmp_path: Path) -> None:
    sources = _sources(tmp_path / "raw")
    first, second = tmp_path / "one.json.gz", tmp_path / "two.json.gz"
    build(sources, first)
    build(sources, second)
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()


#: Phoenix dictionary entries written for the test: persons whose given name or surname is also a title's
#: word or abbreviation, a person filed with a titled variant, and bodies whose head and code disagree.
PHOENIX_COUNTRIES = """\
ANNA_MAJ_ROE_  # test
\t[FINGOV 030501-070430]
KARIN_REPS_  # test
\t[ESTGOVEDU 050501-070430]
TOM_BISHOP_  # test
+GOV._TOM_BISHOP_
\t[USAGOV 010101-050101]
OFFICE_OF_HARBOUR_WORKS_
+OHW_
\t[USAGOV]
"""
PHOENIX_INTERNATIONAL = """\
RIVER_WORLD_SERVICE_\t[NGOUSACHR] # test
"""


def _phoenix(root: Path) -> Path:
    """The hand-made sources with a Phoenix folder."""
    _sources(root)
    (root / "phoenix").mkdir()
    (root / "phoenix" / "Phoenix.Countries.actors.txt").write_text(PHOENIX_COUNTRIES, encoding="utf-8")
    (root / "phoenix" / "Phoenix.International.actors.txt").write_text(PHOENIX_INTERNATIONAL, encoding="utf-8")
    with (root / "MANIFEST.tsv").open("a", encoding="utf-8") as handle:
        handle.write(f"phoenix\topeneventdata/petrarch2\t{'d' * 40}\t2019-03-18\tx\ty\n")
    return root


def test_title_words_never_eat_a_given_name_or_a_surname(tmp_path: Path) -> None:
    out = tmp_path / "kb.json.gz"
    build(_phoenix(tmp_path / "raw"), out)
    kb = KnowledgeBase.from_data(_read(out))
    assert [h.ref.name for h in kb.hits("Anna Maj Roe")] == ["Anna Maj Roe"]  # "Maj." is a title, "Maj" a name
    assert [h.ref.name for h in kb.hits("Karin Reps")] == ["Karin Reps"]  # "Reps." a title, "Reps" a surname
    assert [h.ref.name for h in kb.hits("Tom Bishop")] == ["Tom Bishop"]
    assert not kb.hits("Gov. Tom Bishop")  # a variant that starts with a title is no name of the person


def test_a_name_that_says_government_yields_to_a_code_that_says_otherwise(tmp_path: Path) -> None:
    out = tmp_path / "kb.json.gz"
    build(_phoenix(tmp_path / "raw"), out)
    kb = KnowledgeBase.from_data(_read(out))
    service = kb.hits("River World Service")[0].ref
    assert service.sector == "NGO"  # its code says NGO; the head "Service" says only GOV
    office = kb.hits("Office of Harbour Works")[0].ref
    assert (office.country, office.sector) == ("USA", "GOV")


def test_build_of_the_same_sources_and_language_files_is_byte_identical(tmp_path: Path) -> None:
    sources = _phoenix(tmp_path / "raw")
    first, second = tmp_path / "one.json.gz", tmp_path / "two.json.gz"
    build(sources, first)
    build(sources, second)
    assert first.read_bytes() == second.read_bytes()
    versions = _read(first)["language_files"]
    assert set(versions) == {"agents", "actors", "countries"} and all(versions.values())


def test_build_needs_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "congress").mkdir()
    with pytest.raises(InputError, match=r"MANIFEST\.tsv"):
        build(tmp_path, tmp_path / "kb.json.gz")
    assert main(["build", "--sources", str(tmp_path), "--out", str(tmp_path / "kb.json.gz")]) == 1
    assert not (tmp_path / "kb.json.gz").exists()


def test_packaged_kb_is_compact_sourced_and_dated() -> None:
    source = resources.files("dateline").joinpath("data", "actors", "kb.json.gz")
    assert source.is_file() and len(source.read_bytes()) < 50_000_000
    kb = load_kb()
    assert kb is not None and kb.data_until is not None and kb.data_until >= "2024"
    assert all(card["licence"] in ("CC0-1.0", "CC-BY-4.0", "MIT") for card in kb.sources)
    assert {card["tag"] for card in kb.sources} >= {"congress", "ifg", "partyfacts", "wd_leaders", "phoenix"}
    assert "Donald Trump" in [p.name for p in kb.holders("USA", "president", dt.date(2017, 6, 1))]
    assert "Boris Johnson" in [p.name for p in kb.holders("GBR", "prime minister", dt.date(2020, 6, 1))]


def test_without_the_kb_the_stage_warns_once_and_runs_on_its_curated_files(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import dateline.actors._kb as kb_module

    monkeypatch.setattr(kb_module, "KB_FILE", "no-such-kb.json.gz")
    load_kb.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="dateline.actors._kb"):
            assert load_kb() is None
            assert load_kb() is None
    finally:
        load_kb.cache_clear()
    warnings = [r for r in caplog.records if "no-such-kb.json.gz" in r.getMessage()]
    assert len(warnings) == 1 and "python -m dateline.actors.kb build" in warnings[0].getMessage()


def test_card_and_manifest_ship_beside_the_kb() -> None:
    folder = resources.files("dateline").joinpath("data", "actors")
    card = folder.joinpath("KB.md").read_text(encoding="utf-8")
    kb = load_kb()
    assert kb is not None
    licences = {"CC0-1.0": "CC0 1.0", "CC-BY-4.0": "CC BY 4.0", "MIT": "MIT"}
    rows_of_card = {line.split("|")[1].strip(): line for line in card.splitlines() if line.startswith("| `")}
    for source in kb.sources:
        assert licences[source["licence"]] in rows_of_card[f"`{source['tag']}`"]
    rows = folder.joinpath("kb_manifest.tsv").read_text(encoding="utf-8").splitlines()
    tags = {row.split("\t")[0] for row in rows[1:]}
    assert tags == {source["tag"] for source in kb.sources} - {"geonames"}
    assert hashlib.sha256(folder.joinpath("kb.json.gz").read_bytes()).hexdigest()[:8] in card
