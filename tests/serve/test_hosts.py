"""The Host header as the app reads it, and the names it answers to."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import UsageError
from dateline.serve._hosts import host_of
from dateline.serve.app import create_app

PORTS = st.one_of(st.just(""), st.integers(0, 65535).map(lambda port: f":{port}"))
NAMES = st.from_regex(r"[A-Za-z0-9-]{1,12}(\.[A-Za-z0-9-]{1,12}){0,3}", fullmatch=True)


@pytest.mark.parametrize(("header", "host"), [
    ("localhost", "localhost"),
    ("LocalHost:8000", "localhost"),
    ("127.0.0.1:8000", "127.0.0.1"),
    ("[::1]", "::1"),
    ("[::1]:8000", "::1"),
    ("[FE80::1]:80", "fe80::1"),
    ("[::ffff:192.0.2.7]", "::ffff:192.0.2.7"),
    (None, None),
    ("", None),
    ("a b", None),
    ("news.example/path", None),
    ("user@news.example", None),
    ("::1", None),  # an IPv6 address is named in brackets
    ("[::1", None),
    ("[not:an:address]", None),
    ("[1::2::3]", None),
    ("localhost:", None),
    ("localhost:80:80", None),
    ("localhost:http", None),
])
def test_the_host_header_is_read_without_its_port_or_brackets(header: str | None, host: str | None) -> None:
    assert host_of(header) == host


@given(NAMES, PORTS)
def test_a_name_is_read_lower_cased_whatever_its_port(name: str, port: str) -> None:
    assert host_of(name + port) == name.lower()


@given(st.ip_addresses(v=6), PORTS)
def test_an_ipv6_address_is_read_out_of_its_brackets(address: ipaddress.IPv6Address, port: str) -> None:
    for written in (address.compressed, address.exploded.upper()):
        assert host_of(f"[{written}]{port}") == written.lower()


@pytest.mark.parametrize("served", ["::1", "[::1]"])
def test_an_ipv6_address_served_with_or_without_brackets_is_one_host(store_path: Path, served: str) -> None:
    app = create_app(store_path, refresh=0, hosts=["localhost", served])
    with TestClient(app, base_url="http://localhost") as client:
        assert client.get("/api/health", headers={"Host": "[::1]:8000"}).status_code == 200
        assert client.get("/api/health", headers={"Host": "[::2]"}).status_code == 400
    app.state.database.close()


@pytest.mark.parametrize(("header", "status"), [("news.example.org", 200), ("example.org", 400),
                                                ("news.example.org.evil", 400), ("", 400)])
def test_a_wildcard_serves_subdomains_only(store_path: Path, header: str, status: int) -> None:
    app = create_app(store_path, refresh=0, hosts=["localhost", "*.example.org"])
    with TestClient(app, base_url="http://localhost") as client:
        assert client.get("/api/health", headers={"Host": header}).status_code == status
    app.state.database.close()


def test_an_ipv6_address_allowed_bare_is_served_in_brackets(store_path: Path) -> None:
    app = create_app(store_path, refresh=0, hosts=["localhost", "fe80::1"])
    with TestClient(app, base_url="http://localhost") as client:
        assert client.get("/api/health", headers={"Host": "[fe80::1]:8000"}).status_code == 200
        assert client.get("/api/health", headers={"Host": "[::1]"}).status_code == 400
        refused = client.get("/api/health", headers={"Host": "[fe80::2]:8000"})
        assert refused.status_code == 400 and "naming host 'fe80::2'" in refused.json()["error"]
    app.state.database.close()


@pytest.mark.parametrize("pattern", ["*example.org", "*.*.org", "news.*.org", "**"])
def test_a_wildcard_anywhere_but_before_a_domain_is_refused_at_start(store_path: Path, pattern: str) -> None:
    with pytest.raises(UsageError, match="wildcard"):
        create_app(store_path, refresh=0, hosts=["localhost", pattern])
