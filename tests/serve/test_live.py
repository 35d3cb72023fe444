"""The API as a client meets it on a real server on 127.0.0.1: mistakes get a 4xx that says what is wrong, never
a 500 nor a silent answer to another question; an empty store answers every endpoint; a store the app cannot
serve is refused in words about that store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dateline.errors import StoreError
from dateline.serve.app import create_app
from dateline.store import Store
from dateline.store._schema import UPGRADES
from tests.serve.conftest import live_server
from tests.store.older import older_store

#: Values a hand-typed or mangled address may give any parameter.
ODD_VALUES = ["", "0", "-1", "abc", "1e9", "2020-13-45", "9999-12-31", "'", "%", "\x00", "x" * 300, "ACCUSE",
              "newest"]
LISTS = ["/api/articles", "/api/events", "/api/timeline", "/api/network", "/api/actors", "/api/quotes",
         "/api/stories", "/api/dyads/pairs"]
DATED = ["/api/articles", "/api/events", "/api/timeline", "/api/network", "/api/stories"]


@pytest.fixture(scope="module")
def api(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def endpoints(api: httpx.Client) -> dict[str, list[str]]:
    """Every API path of the app's own schema (path parameters given a made-up id) and its query parameters."""
    spec = api.get("/openapi.json").json()
    found: dict[str, list[str]] = {}
    for path, methods in spec["paths"].items():
        params = methods["get"].get("parameters", [])
        found[re.sub(r"\{[^}]+\}", "no-such-id", path)] = [p["name"] for p in params if p["in"] == "query"]
    return found


def test_a_misspelt_parameter_is_refused_with_what_the_endpoint_takes(api: httpx.Client) -> None:
    answer = api.get("/api/events", params={"typ": "ACCUSE"})
    assert answer.status_code == 422
    message = answer.json()["error"]
    assert "unknown parameter 'typ'" in message and "/api/events takes" in message and "type" in message
    assert api.get("/api/events", params={"type": "ACCUSE"}).status_code == 200
    assert "takes no parameters" in api.get("/api/stats", params={"fresh": "1"}).json()["error"]
    for path in LISTS:
        assert api.get(path, params={"sort": "x"}).status_code == 422, path


def test_a_request_by_another_host_name_is_told_which_names_are_served(api: httpx.Client) -> None:
    refused = api.get("/", headers={"Host": "192.0.2.7:8000"})
    assert refused.status_code == 400
    assert refused.json()["error"].startswith("this server does not answer to requests naming host '192.0.2.7'")
    assert "--allow-host NAME" in refused.json()["error"]
    assert api.get("/api/health", headers={"Host": "localhost"}).status_code == 200


def test_the_page_and_its_files_take_any_query_string(api: httpx.Client) -> None:
    for path in ("/", "/docs", "/static/app.js"):
        assert api.get(path, params={"utm_source": "mail"}).status_code == 200, path


@pytest.mark.parametrize("path", DATED)
def test_a_range_that_ends_before_it_starts_is_refused(api: httpx.Client, path: str) -> None:
    answer = api.get(path, params={"since": "2021-01-01", "until": "2019-12-31"})
    assert answer.status_code == 422
    assert "since (2021-01-01) is after until (2019-12-31)" in answer.json()["error"]
    assert api.get(path, params={"since": "2019-12-31", "until": "2019-12-31"}).status_code == 200


def test_no_value_of_any_parameter_makes_a_server_error(api: httpx.Client, endpoints: dict[str, list[str]]) -> None:
    assert len(endpoints) >= 14 and "/api/articles/no-such-id" in endpoints
    for path, params in endpoints.items():
        assert api.get(path).status_code in (200, 404, 422), path
        for name in params:
            for value in ODD_VALUES:
                answer = api.get(path, params={name: value})
                assert answer.status_code < 500, (path, name, value, answer.text[:200])
                if answer.status_code >= 400:
                    assert answer.json()["error"], (path, name, value)


@pytest.fixture(scope="module")
def empty_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    Store(db).close()
    with live_server(db) as url:
        yield url


def test_an_empty_store_answers_every_endpoint(empty_url: str) -> None:
    with httpx.Client(base_url=empty_url, timeout=30) as client:
        stats = client.get("/api/stats").json()
        assert stats["articles"] == stats["events"] == stats["actor_keys"] == 0
        for path in ("/api/articles", "/api/events", "/api/actors", "/api/quotes", "/api/stories"):
            assert client.get(path).json()["total"] == 0, path
        assert client.get("/api/timeline").json()["periods"] == []
        assert client.get("/api/network").json() == {"nodes": [], "edges": []}
        assert client.get("/api/dyads/pairs").json()["items"] == []
        assert client.get("/api/dyads", params={"a": "USA", "b": "RUS"}).json()["rows"] == []
        csv_text = client.get("/api/events", params={"format": "csv"}).text
        assert csv_text.startswith("article_id,id,type,") and csv_text.count("\n") == 1
        assert client.get("/api/articles/no-such-id").status_code == 404


@pytest.mark.parametrize("version", ["7", "2"])
def test_an_older_store_is_refused_naming_the_store_not_the_servers_copy(tmp_path: Path, version: str) -> None:
    db = older_store(tmp_path / "old.duckdb", version)
    with pytest.raises(StoreError, match=f"version {version}") as refused:
        create_app(db, refresh=0)
    assert str(db) in str(refused.value) and "snapshot" not in str(refused.value)
    if version in UPGRADES:
        assert f"dateline upgrade --db {db}" in str(refused.value)
