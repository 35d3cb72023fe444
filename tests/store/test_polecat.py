"""The POLECAT export, read back with a plain TSV reader: every column of every line checked."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dateline import __version__
from dateline.store import Store
from dateline.store._schema import SCHEMA_VERSION
from tests.store.exports import TEXT_1, TEXT_2, export_store

#: POLECAT's released columns, in order, written out here by hand (not taken from the code under test).
POLECAT_HEADER = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations",
    "Language", "Version",
]
ADDED = ["Event Date Value", "Event Date Text", "Status", "Confidence", "Trigger", "Evidence", "Evidence Start",
         "Evidence End", "Article ID", "Article Event ID", "URL"]
N = "None"
VERSION = f"dateline {__version__} (store {SCHEMA_VERSION})"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert all(len(row) == len(rows[0]) for row in rows), "every line has as many cells as the header"
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[dict[str, str]]]:
    folder = tmp_path_factory.mktemp("polecat")
    with Store(export_store(folder / "news.duckdb"), read_only=True) as store:
        [path] = store.export("polecat", folder / "events.tsv")
    header = path.read_text(encoding="utf-8").split("\n", 1)[0].split("\t")
    assert path.read_text(encoding="utf-8").count("\n") == 7, "one line per event, plus the header"
    return header, read_tsv(path)


def test_header_is_polecats_then_dateline_columns(exported: tuple[list[str], list[dict[str, str]]]) -> None:
    header, _ = exported
    assert header == POLECAT_HEADER + ADDED


def _evidence(text: str, first: str, last: str) -> tuple[str, str, str]:
    start = text.index(first)
    end = text.index(last, start) + len(last)
    return text[start:end].replace("\t", " ").replace("\n", " "), str(start), str(end)


def test_a_meeting_of_two_actors(exported: tuple[list[str], list[dict[str, str]]]) -> None:
    meet = exported[1][0]
    evidence, start, end = _evidence(TEXT_1, "Russian President", "July 7.")
    assert meet == {
        "Event ID": "art1_CONSULT_e-meet", "Event Date": "2017-07-07", "Event Type": "CONSULT", "Event Mode": "visit",
        "Event Intensity": "4.0", "Quad Code": "VERBAL COOPERATION", "Contexts": N,
        "Actor Name": "Vladimir Putin; Donald Trump", "Actor Country": "Russia; United States", "Actor COW": N,
        "Primary Actor Sector": "GOV; GOV", "Actor Sectors": "GOV; GOV", "Actor Title": "President; President",
        "Actor Name Raw": "Vladimir Putin; Donald Trump", "Wikipedia Actor ID": "Q7747; None",
        "Recipient Name": N, "Recipient Country": N, "Recipient COW": N, "Primary Recipient Sector": N,
        "Recipient Sectors": N, "Recipient Title": N, "Recipient Name Raw": N, "Wikipedia Recipient ID": N,
        "Placename": "Hamburg", "City": "Hamburg", "District": N, "Province": N, "Country": "DEU",
        "Latitude": "53.55", "Longitude": "9.99", "GeoNames ID": "2911298", "Raw Placename": "Hamburg",
        "Feature Type": "city", "Source": "example.org", "Publication Date": "2017-07-08",
        "Story People": "Donald Trump | Vladimir Putin", "Story Organizations": "rebels",
        "Story Locations": "Donetsk Oblast | Hamburg", "Language": "en", "Version": VERSION,
        "Event Date Value": "2017-07-07", "Event Date Text": "July 7", "Status": "occurred", "Confidence": "0.9",
        "Trigger": "met", "Evidence": evidence, "Evidence Start": start, "Evidence End": end, "Article ID": "art1",
        "Article Event ID": "e-meet", "URL": "https://example.org/1",
    }


def test_several_recipients_are_parallel_lists_with_none(exported: tuple[list[str], list[dict[str, str]]]) -> None:
    accuse = exported[1][1]
    evidence, start, end = _evidence(TEXT_1, "Russia accused", '"they lied".')
    assert "\t" not in accuse["Evidence"] and accuse["Evidence"] == evidence and '"they lied"' in evidence
    assert (accuse["Evidence Start"], accuse["Evidence End"]) == (start, end)
    assert {k: accuse[k] for k in ("Event Date", "Event Date Value", "Contexts", "Quad Code", "Event Mode")} == {
        "Event Date": N, "Event Date Value": "2017-W26", "Contexts": "military | human_rights",
        "Quad Code": "VERBAL CONFLICT", "Event Mode": N}
    assert {k: accuse[k] for k in POLECAT_HEADER[7:23]} == {
        "Actor Name": "Russia", "Actor Country": "Russia", "Actor COW": N, "Primary Actor Sector": "GOV",
        "Actor Sectors": "GOV", "Actor Title": N, "Actor Name Raw": "Russia", "Wikipedia Actor ID": N,
        "Recipient Name": "Ukraine; rebels", "Recipient Country": "Ukraine; None", "Recipient COW": N,
        "Primary Recipient Sector": "GOV; REB", "Recipient Sectors": "GOV; REB", "Recipient Title": N,
        "Recipient Name Raw": "Ukraine; rebels", "Wikipedia Recipient ID": N,
    }
    assert {k: accuse[k] for k in POLECAT_HEADER[23:33]} == {
        "Placename": "Donetsk Oblast", "City": N, "District": N, "Province": "Donetsk Oblast", "Country": "UKR",
        "Latitude": "48.0", "Longitude": "37.8", "GeoNames ID": "709716", "Raw Placename": "Donetsk",
        "Feature Type": "admin1",
    }


def test_dates_come_from_the_event_never_from_publication(exported: tuple[list[str], list[dict[str, str]]]) -> None:
    rows = exported[1]
    dates = [(r["Article Event ID"], r["Event Date"], r["Event Date Value"], r["Publication Date"]) for r in rows]
    assert dates == [
        ("e-meet", "2017-07-07", "2017-07-07", "2017-07-08"),
        ("e-accuse", N, "2017-W26", "2017-07-08"),
        ("e-sanction", N, "2017-07", "2017-07-08"),
        ("e-attack", N, N, "2017-07-08"),
        ("e-no-attack", "2017-07-07", "2017-07-07", "2017-07-08"),
        ("e-aid", N, "2017", "2018-01-02"),
    ]


def test_raw_names_come_from_the_evidence_and_other_columns(exported: tuple[list[str], list[dict[str, str]]]) -> None:
    sanction, attack, no_attack, aid = exported[1][2:]
    assert (sanction["Actor Name Raw"], sanction["Recipient Name Raw"]) == ("Washington", "Moscow")
    assert (sanction["Status"], sanction["Confidence"], sanction["Event Intensity"]) == ("planned", N, "-6.0")
    assert "\n" not in sanction["Evidence"] and sanction["Evidence"].startswith("Washington plans")
    # The recipient's only mention in the article is outside this sentence ("Ukrainian" is not one).
    assert (attack["Recipient Name"], attack["Recipient Name Raw"], attack["Actor Country"]) == ("Ukraine", N, N)
    assert attack["Quad Code"] == "MATERIAL CONFLICT" and attack["Placename"] == N and attack["Latitude"] == N
    assert no_attack["Status"] == "negated"
    assert {k: aid[k] for k in ("Event ID", "Quad Code", "Source", "Language", "Story People", "Story Locations",
                                "URL", "Evidence", "Actor Country", "Recipient Country")} == {
        "Event ID": "art2_AID_e-aid", "Quad Code": "MATERIAL COOPERATION", "Source": "example.com", "Language": N,
        "Story People": N, "Story Locations": N, "URL": N, "Evidence": TEXT_2, "Actor Country": "United States",
        "Recipient Country": "Ukraine",
    }


def test_evidence_offsets_point_into_the_article_text(exported: tuple[list[str], list[dict[str, str]]]) -> None:
    texts = {"art1": TEXT_1, "art2": TEXT_2}
    for row in exported[1]:
        start, end = int(row["Evidence Start"]), int(row["Evidence End"])
        cut = texts[row["Article ID"]][start:end]
        assert cut.replace("\t", " ").replace("\n", " ") == row["Evidence"]
        assert row["Trigger"] in row["Evidence"]
