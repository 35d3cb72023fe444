"""A later run that adds articles to a store file links them to the stories and instances already there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.run.runner import RunOptions, run
from dateline.store import Store

FIRE = ("Police arrested Ann Cole in Springfield on Monday after a fire destroyed the old town hall. "
        "Fire crews fought the blaze for six hours, and 14 people were taken to hospital.")
QUAKE = ("A powerful earthquake struck central Chile early on Saturday, toppling buildings in Concepcion. "
         "Rescuers searched the rubble for survivors as aftershocks shook the region.")
FIRE_AGAIN = ("Police in Springfield arrested Ann Cole on Monday, hours after a fire gutted the old town hall. "
              "The blaze sent 14 people to hospital, and crews fought it for six hours.")


def jsonl(path: Path, rows: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def links(db: Path) -> tuple[dict[str, str], dict[tuple[str, str], tuple[str, str, str]]]:
    """Each article's story, and each event's (trigger, status, instance), read from the file."""
    with Store(db, read_only=True) as store:
        stories = dict(store.con.execute("SELECT id, story FROM articles").fetchall())
        events = {(a, e): (t, s, i) for a, e, t, s, i in store.con.execute(
            "SELECT article_id, id, lower(trigger_text), status, instance FROM events").fetchall()}
    return stories, events


def test_a_second_run_links_its_articles_to_the_stories_and_instances_of_the_first(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    run([jsonl(tmp_path / "monday.jsonl", [
        {"id": "fire", "text": FIRE, "date": "2024-03-05", "title": "Ann Cole arrested after town hall fire"},
        {"id": "quake", "text": QUAKE, "date": "2024-03-04", "title": "Earthquake strikes Chile"}])],
        RunOptions(), db=db)
    stories, events = links(db)
    assert None not in stories.values() and stories["fire"] != stories["quake"]
    arrests = {key: found for key, found in events.items() if found[0] == "arrested"}
    assert [a for a, _ in arrests] == ["fire"] and None not in {i for _, _, i in events.values()}

    # a later run, in a new process as far as the store knows: only the file is shared
    run([jsonl(tmp_path / "tuesday.jsonl", [
        {"id": "fire-2", "text": FIRE_AGAIN, "date": "2024-03-06", "title": "Springfield police arrest Ann Cole"}])],
        RunOptions(), db=db)
    after, events_after = links(db)
    assert after["fire-2"] == stories["fire"]  # another outlet's report joins the story
    assert {k: v for k, v in after.items() if k != "fire-2"} == stories  # and nothing linked before moves
    assert {k: v for k, v in events_after.items() if k[0] != "fire-2"} == events
    arrest = next(i for (a, _), (t, _, i) in events_after.items() if a == "fire" and t == "arrested")
    assert [i for (a, _), (t, _, i) in events_after.items() if a == "fire-2" and t == "arrested"] == [arrest]
    with Store(db, read_only=True) as store:
        story = store.con.execute("SELECT articles, sources, first_report, last_report FROM stories WHERE id = ?",
                                  [stories["fire"]]).fetchone()
        instance = store.con.execute("SELECT articles, mentions FROM instances WHERE id = ?", [arrest]).fetchone()
    assert story is not None and story[:2] == (2, 2) and str(story[2]) == "2024-03-05" and str(story[3]) == "2024-03-06"
    assert instance == (2, 2)
