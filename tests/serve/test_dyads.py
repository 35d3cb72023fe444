"""Dyad counts over the API, and their chart on the page, against the real store of the serve tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.store import DyadOptions, Store
from dateline.store._dyads import dyad_rows, fetcher
from tests.serve.test_api import INJECTIONS
from tests.serve.test_browser import CHROMIUM, page  # noqa: F401  (a fixture of the browser tests)


def test_both_directions_between_a_pair(client: TestClient) -> None:
    body = client.get("/api/dyads", params={"a": "usa", "b": "RUS", "by": "month"}).json()
    assert (body["a"], body["b"], body["by"], body["level"], body["statuses"]) == (
        "USA", "RUS", "month", "country", ["occurred", "planned"])
    rows = body["rows"]
    assert all({r["actor"], r["recipient"]} == {"USA", "RUS"} for r in rows)
    # The hand-made meeting of Trump and Putin on 2017-07-07 counts once each way.
    met = [(r["actor"], r["recipient"], r["quad"]) for r in rows if r["period"] == "2017-07"]
    assert ("USA", "RUS", 1) in met and ("RUS", "USA", 1) in met
    assert body["store"]["counted"] >= 2 and set(body["store"]) == {"counted", "undated", "coarser", "no_pair"}


def test_the_api_counts_as_the_export_does(client: TestClient, store_path: Path) -> None:
    options = DyadOptions(by="week", pair=("RUS", "UKR"), undated="publication")
    with Store(store_path, read_only=True) as store:
        expected = dyad_rows(fetcher(store.con), options)
    got = client.get("/api/dyads", params={"a": "RUS", "b": "UKR", "by": "week", "undated": "publication"}).json()
    assert [(r["period"], r["actor"], r["recipient"], r["events"]) for r in got["rows"]] == [
        (r["period"], r["actor"], r["recipient"], r["events"]) for r in expected]
    # The accusation of "last week" (2017-W26) is dated by itself, not by the article's publication.
    assert ("2017-W26", "RUS", "UKR", 1) in [
        (r["period"], r["actor"], r["recipient"], r["events"]) for r in got["rows"]]


def test_busiest_pairs_and_actor_level(client: TestClient) -> None:
    pairs = client.get("/api/dyads/pairs", params={"by": "year"}).json()["items"]
    assert {"a": "RUS", "b": "USA"} in [{"a": p["a"], "b": p["b"]} for p in pairs]
    assert all(p["a"] < p["b"] and p["events"] >= 1 for p in pairs)
    actors = client.get("/api/dyads", params={"a": "Donald-Trump.USA", "b": "vladimir-putin.rus", "level": "actor",
                                              "by": "year"}).json()
    assert ("2017", "donald-trump.usa", "vladimir-putin.rus") in [
        (r["period"], r["actor"], r["recipient"]) for r in actors["rows"]]


def test_bad_parameters_are_refused_and_text_is_data(client: TestClient) -> None:
    assert client.get("/api/dyads", params={"a": "USA"}).status_code == 422
    assert client.get("/api/dyads", params={"a": "USA", "b": "RUS", "by": "day"}).status_code == 422
    assert client.get("/api/dyads", params={"a": "USA", "b": "RUS", "status": "done"}).status_code == 422
    assert client.get("/api/dyads", params={"a": "USA", "b": "x" * 101}).status_code == 422
    assert client.get("/api/dyads/pairs", params={"limit": 1000}).status_code == 422
    for text in INJECTIONS:
        response = client.get("/api/dyads", params={"a": text, "b": "RUS"})
        assert response.status_code == 200 and response.json()["rows"] == [], text
    assert client.get("/api/stats").json()["events"] >= 2  # nothing was dropped


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is not installed")
def test_the_page_draws_a_pair(page: Any, base_url: str, tmp_path: Path) -> None:  # noqa: F811
    page.goto(base_url + "/#/dyads?a=USA&b=RUS&by=month")
    page.wait_for_selector("svg.dyads rect.dyad-bar")
    titles = page.locator("svg.dyads rect.dyad-bar title").all_text_contents()
    for direction in ("USA → RUS", "RUS → USA"):  # the hand-made meeting (the seed article may add more)
        assert any(t.startswith(f"2017-07, {direction}: ") and t.endswith(" verbal cooperation") for t in titles)
    assert "2017-07" in page.text_content("table.dyad-rows")
    page.select_option("#f-by", "year")
    page.click("form.filters button")
    page.wait_for_url("**/#/dyads?*by=year*")
    page.wait_for_function("() => document.querySelector('main h3')?.textContent.includes('per year')")
    page.screenshot(path=str(tmp_path / "dyads.png"), full_page=True)
    assert page.errors == []
