"""The REST API against a real DuckDB store built by the real pipeline (plus one hand-made article)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.serve.app import CSP, MAX_PAGE_SIZE, MAX_QUERY_LENGTH

HAND = "hand000000000001"
LIST_ENDPOINTS = ["/api/articles", "/api/events", "/api/actors", "/api/quotes", "/api/timeline", "/api/network"]
INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "%' UNION SELECT contract FROM articles --",
    "\\'; SELECT 1; --",
    "_%",
    "Robert'); DELETE FROM events WHERE ('a'='a",
]
#: Every text parameter of every endpoint: SQL in any of them must be treated as data.
TEXT_PARAMS = {
    "/api/articles": ["q", "site"],
    "/api/events": ["actor", "country", "place", "article"],
    "/api/timeline": ["actor", "country", "place"],
    "/api/network": ["actor", "country", "place"],
    "/api/actors": ["q", "country", "sector"],
    "/api/quotes": ["speaker", "q", "article"],
}


def test_health_and_stats(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"
    stats = client.get("/api/stats").json()
    assert stats["articles"] >= 4 and stats["events"] >= 2
    assert stats["events_by_type"]["ACCUSE"] >= 1


def test_article_is_contract_json(client: TestClient, shared: Path) -> None:
    schema = json.loads((shared / "contract" / "article.schema.json").read_text(encoding="utf-8"))
    listing = client.get("/api/articles", params={"limit": MAX_PAGE_SIZE}).json()
    assert listing["total"] == len(listing["items"]) >= 4
    for item in listing["items"]:
        article = client.get(f"/api/articles/{item['id']}").json()
        jsonschema.validate(article, schema)
        for event in article["events"]:
            assert article["text"][event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    assert client.get("/api/articles/nope").status_code == 404


def test_full_text_search(client: TestClient) -> None:
    found = client.get("/api/articles", params={"q": "hamburg PUTIN"}).json()
    assert HAND in [a["id"] for a in found["items"]]
    hand = next(a for a in found["items"] if a["id"] == HAND)
    snippet = hand["snippet"]
    assert [snippet["text"][s:e].lower() for s, e in snippet["hits"]][:1] in (["putin"], ["hamburg"])
    assert client.get("/api/articles", params={"q": "hamburg zanzibar"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": '"very good talk"'}).json()["items"][0]["id"] == HAND
    assert client.get("/api/articles", params={"q": '"good very talk"'}).json()["total"] == 0
    past_the_end = client.get("/api/articles", params={"q": '"very good talk"', "offset": 1}).json()
    assert (past_the_end["total"], past_the_end["offset"], past_the_end["items"]) == (1, 1, [])
    dated = client.get("/api/articles", params={"since": "2019-01-01", "until": "2019-12-31"}).json()
    assert dated["total"] == 2 and all(a["published"].startswith("2019") for a in dated["items"])
    assert client.get("/api/articles", params={"site": "example.org"}).json()["total"] == 1


def test_paging(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in second["items"])


def test_events_filters(client: TestClient) -> None:
    def ids(**params: object) -> set[str]:
        return {e["id"] for e in client.get("/api/events", params={**params, "article": HAND}).json()["items"]}

    assert ids() == {"e-meet", "e-accuse"}
    assert ids(type="ACCUSE") == ids(quad=3) == ids(country="ukr") == ids(place="Donetsk") == {"e-accuse"}
    assert ids(actor="putin") == ids(actor="vladimir-putin.rus") == ids(actor="a-putin") == {"e-meet"}
    assert ids(status="planned") == set()
    # Each event by its own date: the meeting on Friday 7 July, the accusation "last week" (26 June - 2 July).
    assert ids(since="2017-07-07", until="2017-07-07") == {"e-meet"}
    assert ids(since="2017-06-26", until="2017-07-02") == {"e-accuse"}
    assert ids(since="2017-06-01", until="2017-07-31") == {"e-meet", "e-accuse"}
    assert ids(since="2017-06-28", until="2017-07-31") == {"e-meet"}  # part of the week is not enough
    assert ids(until="2017-06-25") == set()
    meet = client.get("/api/events", params={"article": HAND, "type": "CONSULT"}).json()["items"][0]
    assert [a["name"] for a in meet["actors"]] == ["Donald Trump", "Vladimir Putin"] and meet["recipients"] == []
    assert meet["evidence"]["text"].endswith("in Hamburg on Friday.") and meet["trigger"]["text"] == "met"


def test_events_csv(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "article": HAND})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["type"] for r in rows} == {"CONSULT", "ACCUSE"}
    accuse = next(r for r in rows if r["type"] == "ACCUSE")
    assert accuse["actors"] == "Russia" and accuse["recipients"] == "Ukraine"
    assert (accuse["date_value"], accuse["date_start"], accuse["date_end"], accuse["date_precision"]) == (
        "2017-W26", "2017-06-26", "2017-07-02", "week")
    assert "day" not in rows[0]  # no column holds the publication date in place of the event's


def test_csv_cells_never_start_a_formula() -> None:
    from dateline.serve.app import csv_cell

    for hostile in ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_cell(hostile) == "'" + hostile
    assert csv_cell("Russia") == "Russia" and csv_cell(-2.0) == -2.0 and csv_cell(None) is None


def test_timeline_and_network(client: TestClient) -> None:
    years = client.get("/api/timeline", params={"actor": "russia.rus", "bucket": "year", "article": HAND}).json()
    assert years["periods"] == [{"period": "2017-01-01", "quad": 3, "events": 1}]
    assert (years["coarser"], years["undated"]) == ([], 0)
    # In a day view, the accusation dated to a week is counted apart, never drawn on the publication day.
    days = client.get("/api/timeline", params={"bucket": "day", "article": HAND}).json()
    assert days["periods"] == [{"period": "2017-07-07", "quad": 1, "events": 1}]
    assert days["coarser"] == [{"precision": "week", "events": 1}]
    weeks = client.get("/api/timeline", params={"bucket": "week", "article": HAND}).json()
    assert [p["period"] for p in weeks["periods"]] == ["2017-06-26", "2017-07-03"]
    graph = client.get("/api/network", params={"actor": "donald-trump.usa", "article": HAND}).json()
    assert graph["edges"] == [{"source": "donald-trump.usa", "target": "vladimir-putin.rus", "events": 1,
                               "instances": 1, "cooperation": 1, "conflict": 0}]
    conflict = client.get("/api/network", params={"quad": 3, "article": HAND}).json()
    assert {"source": "russia.rus", "target": "ukraine.ukr", "events": 1, "instances": 1, "cooperation": 0,
            "conflict": 1} in (
        conflict["edges"]
    )


def test_actors(client: TestClient) -> None:
    listing = client.get("/api/actors", params={"q": "trump", "country": "usa"}).json()
    trump = next(a for a in listing["items"] if a["key"] == "donald-trump.usa")
    assert trump["events"] >= 1 and trump["quotes"] >= 1 and trump["sector"] == "GOV"
    detail = client.get("/api/actors/donald-trump.usa").json()
    assert detail["actor"]["name"] == "Donald Trump"
    assert "We had a very good talk," in [q["text"] for q in detail["quotes"]]
    assert "vladimir-putin.rus" in [c["key"] for c in detail["counterparts"]]
    assert client.get("/api/actors/a-trump").json()["actor"]["key"] == "donald-trump.usa"
    assert client.get("/api/actors/nobody").status_code == 404


def test_quotes(client: TestClient) -> None:
    by_speaker = client.get("/api/quotes", params={"speaker": "donald-trump.usa"}).json()
    assert "We had a very good talk," in [q["text"] for q in by_speaker["items"]]
    by_text = client.get("/api/quotes", params={"q": "VERY GOOD"}).json()
    assert by_text["items"][0]["speaker_name"] == "Donald Trump"
    assert by_text["items"][0]["kind"] == "speech"
    speech = client.get("/api/quotes", params={"kind": "speech"}).json()
    stances = client.get("/api/quotes", params={"kind": "stance"}).json()
    acts = client.get("/api/quotes", params={"kind": "act"}).json()
    assert speech["items"] and {q["kind"] for q in speech["items"]} == {"speech"}
    assert speech["total"] + stances["total"] + acts["total"] == client.get("/api/quotes").json()["total"]
    assert client.get("/api/quotes", params={"kind": "rumour"}).status_code == 422


def test_hostile_text_is_returned_verbatim(client: TestClient) -> None:
    found = client.get("/api/articles", params={"q": "onerror"}).json()["items"]
    assert found, "the hostile article is searchable"
    article = client.get(f"/api/articles/{found[0]['id']}").json()
    assert "<script>window.__pwned = 1</script>" in article["text"]
    page = client.get("/")
    assert page.headers["content-security-policy"] == CSP and "'unsafe-inline'" not in CSP
    assert "<script>" not in page.text.replace('<script type="module" src="/static/app.js"></script>', "")


@pytest.mark.parametrize("endpoint", list(TEXT_PARAMS))
def test_sql_injection_is_data(client: TestClient, endpoint: str) -> None:
    before = client.get("/api/stats").json()
    for param in TEXT_PARAMS[endpoint]:
        for attack in INJECTIONS:
            response = client.get(endpoint, params={param: attack})
            assert response.status_code == 200, (param, attack, response.text)
            body = response.json()
            items = body.get("items", body.get("edges", body.get("periods")))
            assert items == [], (param, attack)
    for attack in INJECTIONS:
        assert client.get("/api/articles/" + attack.replace("/", "")).status_code == 404
        assert client.get("/api/actors/" + attack.replace("/", "")).status_code == 404
    assert client.get("/api/stats").json() == before


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
def test_limits_give_clear_4xx(client: TestClient, endpoint: str) -> None:
    too_long = "x" * (MAX_QUERY_LENGTH + 1)
    param = TEXT_PARAMS[endpoint][0]
    response = client.get(endpoint, params={param: too_long})
    assert response.status_code == 422 and param in response.json()["error"]
    if endpoint in ("/api/articles", "/api/events", "/api/actors", "/api/quotes"):
        response = client.get(endpoint, params={"limit": MAX_PAGE_SIZE + 1})
        assert response.status_code == 422 and "limit" in response.json()["error"]
        assert client.get(endpoint, params={"offset": -1}).status_code == 422
    assert client.get(endpoint, params={"since": "yesterday"}).status_code in (200, 422)


def test_bad_values_are_rejected(client: TestClient) -> None:
    assert client.get("/api/events", params={"type": "PARTY"}).status_code == 422
    assert client.get("/api/events", params={"quad": 5}).status_code == 422
    assert client.get("/api/events", params={"since": "2017-13-01"}).status_code == 422
    assert client.get("/api/timeline", params={"bucket": "decade"}).status_code == 422
    assert client.get("/api/articles/" + "x" * 200).status_code == 422


def test_other_hosts_are_refused(client: TestClient) -> None:
    assert client.get("/api/stats", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/stats", headers={"Host": "localhost"}).status_code == 200
    assert client.get("/api/stats", headers={"Host": "[::1]:8000"}).status_code == 200
    for host in ("attacker.example", "127.0.0.1.attacker.example", "evil.localhost"):
        assert client.get("/api/stats", headers={"Host": host}).status_code == 400, host
        refused = client.get("/", headers={"Host": host})
        assert refused.status_code == 400, host
        # What the reader can do about it: the names served, and the option that adds one.
        assert f"naming host {host!r}" in refused.json()["error"] and "--allow-host NAME" in refused.json()["error"]
        assert "127.0.0.1, localhost" in refused.json()["error"]
        assert refused.headers["Content-Security-Policy"] == CSP


def test_allowed_hosts_follow_the_bound_address() -> None:
    from dateline.serve.app import allowed_hosts

    assert allowed_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "::1", "[::1]"]
    assert "news.example.org" in allowed_hosts("news.example.org")
    assert "proxy.example" in allowed_hosts("127.0.0.1", ["proxy.example"])
    import socket

    assert socket.gethostname() in allowed_hosts("0.0.0.0")


def test_head_is_answered_like_get(client: TestClient) -> None:
    for path in ("/", "/api/stats", f"/api/articles/{HAND}", "/static/app.js", "/docs"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"], path
    assert client.head("/api/articles/nope").status_code == 404


def test_a_search_finds_what_its_words_say_or_nothing(tmp_path: Path) -> None:
    from dateline.records import Article
    from dateline.serve.app import create_app
    from dateline.store import Store

    town = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"  # longer than the word index keeps
    db = tmp_path / "words.duckdb"
    with Store(db) as store:
        store.write([Article(id="a-town", source="x", text=f"The council of {town} met on Monday.", title="Town"),
                     Article(id="a-other", source="y", text="The council of Bangor met on Monday.", title="Other")])
    app = create_app(db, refresh=0)
    with TestClient(app, base_url="http://127.0.0.1") as words:
        def found(q: str) -> list[str]:
            return [a["id"] for a in words.get("/api/articles", params={"q": q}).json()["items"]]

        assert sorted(found("council")) == ["a-other", "a-town"]
        assert found(town.lower()) == ["a-town"]
        assert found(f"council {town.upper()}") == ["a-town"]
        assert found(f"council {town}x") == []
        for nothing in ("***", '"', '""', "?!"):
            assert words.get("/api/articles", params={"q": nothing}).json()["total"] == 0, nothing
        assert words.get("/api/articles", params={"q": " "}).json()["total"] == 2  # blank: no search at all


def test_ids_with_slashes_open(tmp_path: Path) -> None:
    from dateline.records import Article
    from dateline.serve.app import create_app
    from dateline.store import Store

    db = tmp_path / "slash.duckdb"
    with Store(db) as store:
        store.write([Article(id="https://example.org/2020/05/story", source="x", text="A story.", title="T")])
    app = create_app(db, refresh=0)
    with TestClient(app, base_url="http://127.0.0.1") as slash:
        listed = slash.get("/api/articles").json()["items"][0]["id"]
        assert listed == "https://example.org/2020/05/story"
        for path in (listed, listed.replace("/", "%2F")):
            response = slash.get(f"/api/articles/{path}")
            assert response.status_code == 200 and response.json()["title"] == "T", path


def test_read_only_no_write_endpoints(client: TestClient) -> None:
    for method in ("post", "put", "patch", "delete"):
        for path in ("/api/articles", f"/api/articles/{HAND}", "/api/events", "/api/actors"):
            assert getattr(client, method)(path).status_code == 405
    paths = client.get("/openapi.json").json()["paths"]
    assert all(set(ops) == {"get"} for ops in paths.values())


def test_docs_and_static_are_offline(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text
    for name in ("index.html", "app.js", "app.css", "dom.js", "reader.js", "charts.js", "docs.js"):
        text = client.get(f"/static/{name}").text
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text, name
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "eval(" not in text, name


def test_nested_quotes_are_listed_once_and_generic_groups_stay_out_of_the_network(tmp_path: Path) -> None:
    import datetime as dt

    from dateline.records import Actor, Article, Event, Quote, make_span
    from dateline.serve.app import create_app
    from dateline.store import Store

    text = 'Trump accused Biden of "coddling the rioters." Police arrested Biden on Friday.'

    def span(phrase: str):  # type: ignore[no-untyped-def]
        start = text.index(phrase)
        return make_span(text, start, start + len(phrase))

    trump = Actor("a1", "Donald Trump", "person", "USA", "GOV", (span("Trump"),))
    biden = Actor("a2", "Joe Biden", "person", "USA", "GOV", (span("Biden"),))
    police = Actor("a3", "police", "group", None, "COP", (span("Police"),))
    outer = Quote("q1", span('Biden of "coddling the rioters."'), False, "a1", span("Trump"), span("accused"))
    inner = Quote("q2", span("coddling the rioters."), True, "a1", span("Trump"), span("accused"))
    arrest = Event("e1", "COERCE", ("a3",), ("a2",), "occurred", span("arrested"),
                   span("Police arrested Biden on Friday."), quad=4)
    accuse = Event("e2", "ACCUSE", ("a1",), ("a2",), "occurred", span("accused"), span(text.split(" Police")[0]),
                   quad=3)
    article = Article(id="n1", source="n.txt", text=text, published=dt.date(2020, 9, 1),
                      actors=(trump, biden, police), quotes=(outer, inner), events=(arrest, accuse))
    db = tmp_path / "nested.duckdb"
    with Store(db) as store:
        store.write([article])
    app = create_app(db, refresh=0)
    with TestClient(app, base_url="http://127.0.0.1") as local:
        detail = local.get("/api/actors/donald-trump.usa").json()
        assert [q["text"] for q in detail["quotes"]] == ['Biden of "coddling the rioters."']
        assert detail["actor"]["quotes"] == 1
        assert local.get("/api/quotes", params={"speaker": "donald-trump.usa"}).json()["total"] == 2
        graph = local.get("/api/network").json()
        assert {n["key"] for n in graph["nodes"]} == {"donald-trump.usa", "joe-biden.usa"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "B", "ß", "İ", "é", "1", "_", " ", "-", '"', "Ω"]), max_size=120)
       .map(lambda s: s.replace("a", "a" * 9)))
def test_a_search_is_split_in_one_walk_into_indexed_words_and_longer_ones(q: str) -> None:
    from dateline.store._schema import MAX_TERM_LENGTH, query_terms, terms

    kept, longer = query_terms(q)
    assert kept == terms(q)  # the words sought in the index are the words the index keeps
    for word in longer:  # each longer word is sought in the text, as a phrase is: case-folded, as it is written
        assert len(word) > MAX_TERM_LENGTH and word == word.casefold() and word in q.casefold()


def test_the_parameters_an_endpoint_takes_are_read_once_when_the_app_is_built(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.serve import _params

    def walked(*_: object) -> set[str]:
        raise AssertionError("the dependency tree is walked again for a request")

    monkeypatch.setattr(_params, "_query_names", walked)
    refused = client.get("/api/events", params={"typ": "ACCUSE"})
    assert refused.status_code == 422 and "unknown parameter 'typ'" in refused.json()["error"]
    assert "type" in refused.json()["error"]  # the parameters it does take, read when the app was built
    assert client.get("/api/events", params={"type": "ACCUSE", "limit": 1}).status_code == 200
