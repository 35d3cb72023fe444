"""Exploring a store while a run adds to it: `dateline serve` and `dateline run` as two processes, both up."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.slow

TOPICS = ("the harbour", "a new bridge", "the school budget", "a water shortage", "the election", "a rail strike")


#: Articles the second run adds, in batches of two: enough that it stores some while the page is asked, even on
#: a fast machine where the run's work after loading the model takes about a second.
MORE = 116


def _corpus(path: Path, first: int, count: int) -> Path:
    rows = [{"id": f"doc{i:03d}", "date": "2020-05-04",
             "text": f"Officials in town number {i} met on Monday to talk about {TOPICS[i % 6]}. "
                     f"Mayor Anna Berg{i} said the council would vote on plan {i * 7} next week."}
            for i in range(first, first + count)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "dateline.cli", *args], text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ}, **kwargs)


def _articles(client: httpx.Client) -> int:
    return int(client.get("/api/health").json()["articles"])


def test_serve_shows_what_a_running_run_adds(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    first = _cli("run", str(_corpus(tmp_path / "first.jsonl", 0, 4)), "--db", str(db), "--quiet")
    assert first.wait(timeout=300) == 0, first.communicate()[1]
    port = _port()
    server = _cli("serve", "--db", str(db), "--port", str(port), "--refresh", "0.3")
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10)
        deadline = time.monotonic() + 120
        while True:
            try:
                assert _articles(client) == 4
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, server.communicate()[1]
                time.sleep(0.2)
        more = _cli("run", str(_corpus(tmp_path / "more.jsonl", 4, MORE)), "--db", str(db), "--batch-size", "2",
                    "--quiet")
        seen: set[int] = set()
        while more.poll() is None:  # while the run is still going, the page keeps answering with what is stored
            seen.add(_articles(client))
            assert client.get("/api/articles/doc000").status_code == 200
            time.sleep(0.1)
        _, err = more.communicate()
        assert more.returncode == 0, err
        deadline = time.monotonic() + 30
        while _articles(client) != 4 + MORE:
            assert time.monotonic() < deadline, "the last batches never showed"
            time.sleep(0.2)
        assert any(4 < n < 4 + MORE for n in seen), f"no article added by the running run was seen: {sorted(seen)}"
        assert client.get(f"/api/articles/doc{3 + MORE:03d}").json()["id"] == f"doc{3 + MORE:03d}"
        assert server.poll() is None  # the server is still up
    finally:
        server.terminate()
        server.wait(timeout=30)
