"""Story keys made where articles are analyzed are the keys linking would read back from the store."""

from __future__ import annotations

from pathlib import Path

from dateline.pipeline import PipelineSettings
from dateline.records import Article
from dateline.run._work import run_stages
from dateline.store import Store, prepare
from dateline.stories import StoryOptions, keys_ahead
from dateline.stories._keys import article_keys
from dateline.stories._read import chunk_mentions, pending

TEXTS = [
    "Police in Lyon arrested two men on 4 May 2021 after a fire at the town hall, the mayor said on Tuesday.",
    "President Joe Biden met Prime Minister Fumio Kishida in Tokyo in 2022. Biden praised Japan's help.",
    "Floods hit Dhaka and Chittagong on Sunday; the Red Cross sent teams to Bangladesh on 12 June 2023.",
]


def test_keys_made_ahead_are_those_read_back_from_the_store(tmp_path: Path) -> None:
    articles = [Article(id=f"a{i}", source="t.txt", title="Town news" if i else None, text=text)
                for i, text in enumerate(TEXTS)]
    analyzed = [r for r in run_stages(PipelineSettings(), articles) if isinstance(r, Article)]
    assert len(analyzed) == 3
    assert any(a.actors for a in analyzed) and any(a.places for a in analyzed) and any(a.times for a in analyzed)
    prepared = prepare(analyzed)
    ahead = keys_ahead(prepared)
    options = StoryOptions()
    with Store(tmp_path / "s.duckdb") as store:
        store.write(analyzed, prepared=prepared)
        stored = pending(store.con, 10)
        read_back = chunk_mentions(store.con, stored, {"a1": "s1"}, {})
    made_ahead = chunk_mentions(None, stored, {"a1": "s1"}, ahead.records)  # type: ignore[arg-type]  # no store
    assert len(read_back) >= 3 and any(m.actors for m in read_back) and any(m.story == "s1" for m in read_back)
    assert made_ahead == read_back  # the same records, as the matcher compares them, in the same order
    assert [p.id for p in stored] == ["a0", "a1", "a2"]
    for p in stored:
        read = article_keys(p.title, p.text, options.lead_words, p.language, p.actors, p.places, p.times,
                            options.entity_weight)
        assert list(ahead.keys[p.id].items()) == list(read.items())  # same keys, counts and order
    named = {k[:2] for p in stored for k in ahead.keys[p.id]}
    assert {"a:", "p:", "y:", "d:"} <= named
    assert ahead.usable(options) and not ahead.usable(StoryOptions(lead_words=options.lead_words + 1))


def test_groups_named_by_role_are_no_story_keys_made_ahead_or_read_back(tmp_path: Path) -> None:
    text = "Researchers in Lyon, France, found a new moth on Monday. Mayor Ann Cole praised the researchers."
    analyzed = [r for r in run_stages(PipelineSettings(), [Article(id="m", source="t.txt", text=text)])
                if isinstance(r, Article)]
    kinds = {a.kind for a in analyzed[0].actors}
    assert "group" in kinds and "person" in kinds, [(a.name, a.kind) for a in analyzed[0].actors]
    prepared = prepare(analyzed)
    ahead = keys_ahead(prepared)
    with Store(tmp_path / "g.duckdb") as store:
        store.write(analyzed, prepared=prepared)
        stored = pending(store.con, 10)
        groups = {k for (k,) in store.con.execute("SELECT key FROM actors WHERE kind = 'group'").fetchall()}
    assert groups
    read_back = {key for key, _ in stored[0].actors}
    assert read_back and not read_back & groups  # the person is a key, the researchers are not
    assert not {k for k in ahead.keys["m"] if k.startswith("a:")} & {f"a:{g}" for g in groups}


def test_a_person_named_by_a_common_noun_is_no_party_made_ahead_or_read_back(tmp_path: Path) -> None:
    text = "A man shot two guards at a bank in Denver, Colorado, on Monday. Police arrested the man that night."
    analyzed = [r for r in run_stages(PipelineSettings(), [Article(id="u", source="t.txt", text=text)])
                if isinstance(r, Article)]
    assert any(a.kind == "person" and a.name == "man" for a in analyzed[0].actors), analyzed[0].actors
    prepared = prepare(analyzed)
    ahead = keys_ahead(prepared)
    with Store(tmp_path / "u.duckdb") as store:
        store.write(analyzed, prepared=prepared)
        stored = pending(store.con, 10)
        keys = {k for (k,) in store.con.execute("SELECT actor_key FROM event_participants").fetchall()}
        read_back = chunk_mentions(store.con, stored, {"u": "s1"}, {})
    made_ahead = chunk_mentions(None, stored, {"u": "s1"}, ahead.records)  # type: ignore[arg-type]  # no store
    assert "man.usa" in keys and read_back
    assert all(not m.actors and not m.recipients for m in read_back)  # the man is a participant, not compared
    assert made_ahead == read_back
