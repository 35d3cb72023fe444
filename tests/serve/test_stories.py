"""Stories and event instances over the API, on a store linked by the stories step."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.serve.app import create_app
from dateline.store import Store
from dateline.stories import attach
from tests.serve.test_api import INJECTIONS
from tests.serve.test_browser import CHROMIUM, page  # noqa: F401  (a fixture of the browser tests)
from tests.store.exports import first_article, second_article
from tests.stories.test_attach import hamburg_report, quake_report


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("stories") / "news.duckdb"
    with Store(path) as store:
        store.write([first_article(), second_article(), quake_report()])
        attach(store)
        store.write([hamburg_report()])
        attach(store)
    with TestClient(create_app(Path(path)), base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_stories_are_listed_most_reported_first(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 3
    top = body["items"][0]
    assert (top["first_article"], top["articles"], top["sources"]) == ("art1", 2, 2)
    assert client.get("/api/stories", params={"min_articles": 2}).json()["total"] == 1
    assert [s["title"] for s in client.get("/api/stories", params={"q": "earthquake"}).json()["items"]] == [
        "Earthquake strikes Chile"]


def test_a_story_gives_its_articles_instances_and_coverage(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]["id"]
    body = client.get(f"/api/stories/{story}").json()
    assert [a["id"] for a in body["article_list"]] == ["art-hamburg", "art1"]
    assert [(c["day"], c["articles"]) for c in body["coverage"]] == [("2017-07-07", 1), ("2017-07-08", 1)]
    meeting = next(i for i in body["instance_list"] if i["type"] == "CONSULT" and i["status"] == "occurred")
    assert (meeting["mentions"], meeting["articles"], meeting["sources"]) == (2, 2, 2)


def test_stories_and_instances_give_their_first_and_last_writes_beside_their_reports(client: TestClient) -> None:
    listed = client.get("/api/stories").json()["items"][0]
    body = client.get(f"/api/stories/{listed['id']}").json()
    spans = {(s["first_report"], s["last_report"], s["first_batch"], s["last_batch"]) for s in (listed, body)}
    assert spans == {("2017-07-07", "2017-07-08", 1, 2)}  # art1 in the first write, the Hamburg report in the second
    meeting = next(i for i in body["instance_list"] if i["type"] == "CONSULT" and i["status"] == "occurred")
    instance = client.get(f"/api/instances/{meeting['id']}").json()
    writes = (instance["first_batch"], instance["last_batch"])
    assert (meeting["first_batch"], meeting["last_batch"]) == writes == (1, 2)
    planned = next(i for i in body["instance_list"] if i["status"] == "planned")
    assert (planned["first_batch"], planned["last_batch"]) == (2, 2)


def test_articles_of_one_day_are_listed_in_write_order_when_the_clock_stepped_back(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        store.write([first_article()])
        store.write([dataclasses.replace(hamburg_report(), published=dt.date(2017, 7, 8))])
        # the clock stepped back between the writes: the second write's time is the earlier one
        store.con.execute("UPDATE articles SET processed_at = processed_at - INTERVAL 1 DAY WHERE id = 'art-hamburg'")
        attach(store)
    app = create_app(path)
    try:
        with TestClient(app, base_url="http://127.0.0.1") as test_client:
            story = test_client.get("/api/stories").json()["items"][0]
            body = test_client.get(f"/api/stories/{story['id']}").json()
    finally:
        app.state.database.close()
    assert story["first_article"] == "art1"
    assert [a["id"] for a in body["article_list"]] == ["art1", "art-hamburg"]


def test_an_instance_lists_each_mention_with_its_evidence(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]["id"]
    meeting = next(i for i in client.get(f"/api/stories/{story}").json()["instance_list"]
                   if i["type"] == "CONSULT" and i["status"] == "occurred")
    body = client.get(f"/api/instances/{meeting['id']}").json()
    mentions = {m["article_id"]: m for m in body["mention_list"]}
    assert set(mentions) == {"art1", "art-hamburg"}
    assert mentions["art-hamburg"]["trigger_text"] == "met"
    assert mentions["art-hamburg"]["evidence_text"].startswith("Donald Trump met Russian President")


def test_unknown_ids_and_bad_parameters(client: TestClient) -> None:
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/instances/nope").status_code == 404
    assert client.get("/api/stories", params={"limit": 1000}).status_code == 422
    assert client.get("/api/stories", params={"order": "random"}).status_code == 422
    for text in INJECTIONS:
        response = client.get("/api/stories", params={"q": text})
        assert response.status_code == 200 and response.json()["total"] == 0, text
    assert client.get("/api/stories").json()["total"] == 3  # nothing was dropped


@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is not installed")
def test_the_stories_view_shows_coverage_events_and_their_reports(page: Any, base_url: str,  # noqa: F811
                                                                  tmp_path: Path) -> None:
    found = page.request.get(base_url + "/api/articles", params={"q": "Hamburg"}).json()["items"]
    article = next(a for a in found if a["title"] == "Trump meets Putin in Hamburg")
    story = page.request.get(base_url + f"/api/articles/{article['id']}").json()["story"]
    page.goto(base_url + "/#/stories")
    page.wait_for_selector("ol.results li a.title")
    page.locator(f"ol.results li a[href='#/story/{story}']").click()
    page.wait_for_selector("svg.chart rect.coverage-bar")
    assert page.locator("nav a[aria-current]").text_content() == "Stories"
    page.locator("table.events tbody tr").first.click()
    page.wait_for_selector("ul.mentions a.evidence-link")
    assert page.locator("ul.mentions a.evidence-link").first.text_content().strip()
    assert page.locator("ol.results li a.title", has_text="Trump meets Putin in Hamburg").count() == 1  # its articles
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
    assert not page.errors


def test_the_network_counts_real_world_events_beside_records(client: TestClient) -> None:
    edges = client.get("/api/network").json()["edges"]
    meeting = next(e for e in edges if {e["source"], e["target"]} == {"donald-trump.usa", "vladimir-putin.rus"})
    # the meeting reported by both articles counts once, the planned talks apart from it
    assert (meeting["events"], meeting["instances"]) == (3, 2)
