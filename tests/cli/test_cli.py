"""The command line: help for everything, meaningful exit codes, and a real run end to end."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli import EXIT_FAILURES, EXIT_FATAL, EXIT_OK, EXIT_USAGE, build_parser, main
from dateline.cli.sample import sample_path

ROOT = Path(__file__).resolve().parents[2]


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def _reference_rows() -> dict[str, str]:
    """The README's command reference: each command's rows (its own and the "| |" rows after it)."""
    rows: dict[str, str] = {}
    command = None
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith("| `dateline "):
            command = line.split("`")[1].split()[1]
            rows[command] = line
        elif line.startswith("| |") and command is not None:
            rows[command] += "\n" + line
        elif not line.startswith("|"):
            command = None
    return rows


def test_every_option_has_help_and_is_documented_in_the_readme() -> None:
    reference = _reference_rows()
    for name, sub in _subparsers().items():
        assert name in reference, f"the README's command reference has no row for 'dateline {name}'"
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, f"dateline {name}: {action.dest} has no help"
            for flag in action.option_strings:
                if flag.startswith("--"):
                    assert f"`{flag}" in reference[name], f"README does not document 'dateline {name} {flag}'"


def test_exit_codes_are_told_by_run_only(capsys: pytest.CaptureFixture[str]) -> None:
    for command, told in (("run", True), ("stats", False), ("show", False), ("bench", False)):
        assert main([command, "--help"]) == EXIT_OK
        assert ("exit codes" in capsys.readouterr().out) == told, command


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    assert "dateline run --help" in capsys.readouterr().out


def test_bad_usage_exits_two() -> None:
    assert main(["frobnicate"]) == EXIT_USAGE
    assert main(["run"]) == EXIT_USAGE
    assert main(["run", "x.txt", "--published", "yesterday"]) == EXIT_USAGE
    assert main(["run", "x.txt", "--stages", "annotate,parse"]) == EXIT_USAGE


def test_missing_store_is_fatal(tmp_path: Path) -> None:
    assert main(["stats", "--db", str(tmp_path / "none.duckdb")]) == EXIT_FATAL


def test_run_show_stats_export_on_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.duckdb"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok-1", "text": "The minister met the ambassador in Paris on Monday."}\nnot json\n')
    code = main(["run", str(sample_path()), str(bad), "--db", str(db), "--quiet"])
    assert code == EXIT_FAILURES  # the line that is not JSON fails; everything else is stored
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--json"]) == EXIT_OK
    stats = json.loads(capsys.readouterr().out)
    assert "articles" in json.dumps(stats)
    assert main(["show", "sample-001", "--db", str(db)]) == EXIT_OK
    article = json.loads(capsys.readouterr().out)
    assert article["id"] == "sample-001"
    assert article["title"].startswith("Merkel and Macron")
    assert main(["quotes", "merkel", "--kind", "speech", "--db", str(db), "--json"]) == EXIT_OK
    said = json.loads(capsys.readouterr().out)
    assert said and all("Merkel" in q["speaker"] and q["kind"] == "speech" for q in said)
    assert main(["show", said[0]["article_id"], "--db", str(db)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["text"][said[0]["start"]:said[0]["end"]] == said[0]["text"]
    assert main(["quotes", "merkel", "--db", str(db)]) == EXIT_OK
    assert "Merkel" in capsys.readouterr().out
    assert main(["quotes", "nobody-at-all", "--db", str(db)]) == EXIT_FAILURES
    out = tmp_path / "export.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out)]) == EXIT_OK
    assert len(out.read_text().splitlines()) == 9
    # Running again stores nothing twice: everything is skipped.
    assert main(["run", str(sample_path()), "--db", str(db), "--quiet"]) == EXIT_OK


def test_max_bytes_turns_large_documents_into_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dateline.store import Store

    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("The minister met the ambassador in Paris on Monday.\n", encoding="utf-8")
    big.write_text("".join(f"The council met for the {i}th time to vote on budget line {i * 7}. " for i in range(40)),
                   encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(json.dumps({"id": "long-line", "text": big.read_text() + " Later, the mayor spoke."}) + "\n",
                     encoding="utf-8")
    db = tmp_path / "news.duckdb"
    code = main(["run", str(small), str(big), str(lines), "--db", str(db), "--max-bytes", "1K", "--quiet"])
    assert code == EXIT_FAILURES
    captured = capsys.readouterr()
    listed = " ".join((captured.out + captured.err).split())  # the summary wraps long paths
    assert "big.txt (ingest): is larger than the limit of 1,024 bytes" in listed
    assert "lines.jsonl:1 (ingest): line is longer than the limit" in listed and "--max-bytes SIZE" in listed
    with Store(db, read_only=True) as store:
        assert [a["source"] for a in store.iter_articles()] == [str(small)]
        failures = store.failures()
    assert {f.source for f in failures} == {str(big), f"{lines}:1"}
    assert all("limit of 1,024 bytes" in f.message and "--max-bytes" in f.message for f in failures)
    # The same inputs under a limit that fits them all: everything is stored.
    again = ["run", str(big), str(lines), "--db", str(db), "--max-bytes", "1MB", "--quiet", "--no-dedup"]
    assert main(again) == EXIT_OK


def test_bad_max_bytes_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "x.txt", "--max-bytes", "lots"]) == EXIT_USAGE
    assert "--max-bytes takes a number of bytes" in capsys.readouterr().err
    assert main(["run", "x.txt", "--max-bytes", "0"]) == EXIT_USAGE


def test_console_script_runs_stdin_to_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    text = "Kremlin spokesman Dmitry Peskov said on Monday that Russia would respond."
    proc = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "run", "-", "--out", str(out), "--published", "2019-05-20", "--quiet"],
        input=text.encode(), capture_output=True, timeout=300, check=False,
    )
    assert proc.returncode == EXIT_OK, proc.stderr.decode()
    (line,) = out.read_text().splitlines()
    assert json.loads(line)["published"] == "2019-05-20"


def test_stage_settings_and_lexicons_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Russia threatened Ukraine on Monday.\n\nThe two presidents met in Paris on Tuesday.\n")
    out = tmp_path / "none.jsonl"
    assert main(["run", str(text), "--out", str(out), "--quiet", "--set", "events.min_confidence=1.5"]) == EXIT_OK
    assert json.loads(out.read_text())["events"] == []
    assert main(["run", str(text), "--out", str(out), "--quiet", "--set", "events.confidence=1"]) == EXIT_USAGE
    assert main(["run", str(text), "--out", str(out), "--quiet", "--set", "min_confidence"]) == EXIT_USAGE
    assert main(["run", str(text), "--out", str(out), "--quiet", "--language", "xx"]) == EXIT_FATAL
    lexicon = tmp_path / "mine.json"
    lexicon.write_text(json.dumps({"version": "1", "entries": [{"lemma": "threaten", "pos": "verb", "type": None}]}))
    monkeypatch.setenv("DATELINE_EVENT_LEXICON", str(lexicon))  # an environment variable gives the default
    assert main(["run", str(text), "--out", str(out), "--quiet"]) == EXIT_OK
    assert "THREATEN" not in {e["type"] for e in json.loads(out.read_text())["events"]}


def test_stages_lists_every_stage_and_setting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stages"]) == EXIT_OK
    listed = capsys.readouterr().err
    for line in ("annotate", "events.min_confidence = 0.0", "annotate.max_chars", "languages: en"):
        assert line in listed


def test_a_missing_input_is_bad_usage_and_creates_no_store(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.duckdb"
    assert main(["run", str(tmp_path / "nothere.jsonl"), "--db", str(db)]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert "no such file or directory" in captured.err and "Stored in" not in captured.err + captured.out
    assert not db.exists() and not list(tmp_path.iterdir())


def test_articles_lists_ids_and_show_takes_a_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.duckdb"
    page = tmp_path / "page.txt"  # its id is a hash of its content
    page.write_text("The minister met the ambassador in Lisbon on Monday.\n")
    assert main(["run", str(sample_path()), str(page), "--db", str(db), "--quiet", "--stages", "annotate"]) == EXIT_OK
    capsys.readouterr()
    assert main(["articles", "--db", str(db), "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 9 and {"id", "published", "title"} <= set(listed[0])
    dated = [a["published"] for a in listed if a["published"]]
    assert dated == sorted(dated, reverse=True) and listed[-1]["published"] is None  # undated last
    assert main(["articles", "Merkel", "Macron", "--db", str(db), "--json"]) == EXIT_OK
    found = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in found] == ["sample-001"]
    assert main(["articles", "zanzibar", "--db", str(db)]) == EXIT_FAILURES
    capsys.readouterr()
    assert main(["articles", "--db", str(db), "--limit", "3"]) == EXIT_OK
    assert "sample-0" in capsys.readouterr().out
    assert main(["show", "sample-00", "--db", str(db)]) == EXIT_FAILURES  # several ids start so
    assert "give more of it" in capsys.readouterr().err
    hashed = next(a["id"] for a in listed if a["source"] == str(page))
    assert main(["show", hashed[:6], "--db", str(db)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["id"] == hashed


def test_output_cut_short_by_a_pipe_ends_quietly(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    assert main(["run", str(sample_path()), "--db", str(db), "--quiet", "--stages", "annotate"]) == EXIT_OK
    for args in (["show", "sample-001"], ["stats", "--json"], ["articles"]):
        shell = f"{sys.executable} -m dateline.cli {' '.join(args)} --db {db} | head -c 10"
        proc = subprocess.run(shell, shell=True, capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode == 0 and len(proc.stdout) == 10, args
        assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr


def test_terminal_output_shows_no_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = tmp_path / "evil\x1b[2J\x1b]0;owned\x07.txt"
    hostile.write_bytes(b"\x00\x01binary")
    assert main(["run", str(hostile), "--db", str(tmp_path / "s.duckdb")]) == EXIT_FAILURES
    captured = capsys.readouterr()
    assert "evil" in captured.err and "\x1b" not in captured.err + captured.out and "\x07" not in captured.err


def test_quotes_and_articles_print_no_control_characters(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from dateline.records import Actor, Article, Quote, make_span
    from dateline.store import Store

    text = 'Smith said: "We will \x1b[2Jfight\x1b]0;owned\x07 on."'
    smith = Actor("smith", "Smith", "person", None, None, (make_span(text, 0, 5),))
    quote = Quote("q1", make_span(text, 13, len(text) - 1), True, "smith", make_span(text, 0, 5),
                  make_span(text, 6, 10))
    article = Article(id="id\x1b[31m", source="a.txt", text=text, title="title\x9b2J", actors=(smith,),
                      quotes=(quote,))
    with Store(tmp_path / "s.duckdb") as store:
        store.write([article])
    assert main(["quotes", "smith", "--db", str(tmp_path / "s.duckdb")]) == EXIT_OK
    assert main(["articles", "--db", str(tmp_path / "s.duckdb")]) == EXIT_OK
    assert main(["stats", "--db", str(tmp_path / "s.duckdb")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "fight" in out and "title" in out and "id" in out and "Smith" in out
    assert "None" not in out  # an actor with no country, a store with no publication date
    assert not any(c in out for c in "\x1b\x07\x9b")


def test_files_a_directory_holds_of_no_known_format_are_listed(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The minister met the ambassador in Paris on Monday.\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    assert main(["run", str(folder), "--out", str(tmp_path / "o.jsonl"), "--stages", "annotate"]) == EXIT_OK
    err = " ".join(capsys.readouterr().err.split())
    assert "files not read 1" in err and "scan.pdf: no known input suffix" in err


def test_serve_on_a_file_that_is_no_store_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import duckdb

    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE x (a INTEGER)")
    text = tmp_path / "notes.duckdb"
    text.write_text("just some text, not a database\n")
    for path in (other, text):
        assert main(["serve", "--db", str(path)]) == EXIT_FATAL
        err = capsys.readouterr().err
        assert "not a dateline store" in err or "dateline store" in err, err
        assert "delete" not in err.lower()
    assert text.read_text() == "just some text, not a database\n"


def test_published_overrides_needs_a_date() -> None:
    assert main(["run", "x.txt", "--published-overrides"]) == EXIT_USAGE


def test_the_rate_shown_is_articles_per_second_since_the_start() -> None:
    from rich.progress import Progress

    from dateline.cli._commands import _RateColumn, rate_text

    progress = Progress()
    task_id = progress.add_task("processing", total=None, articles=0, failed=0)
    progress.start_task(task_id)
    task = progress.tasks[0]
    task.start_time = task.get_time() - 10.0
    progress.update(task_id, advance=40, articles=32, failed=8)  # 40 results at once: 32 articles in 10 s
    assert _RateColumn().render(task).plain == "3.2 articles/s"
    assert rate_text(1, 226.2) == "226 s an article" and rate_text(0, 5.0) == "0.0 articles/s"
    assert rate_text(3, 40.0) == "0.1 articles/s"


def test_a_few_small_files_run_in_one_process(tmp_path: Path) -> None:
    from dateline.cli._commands import SMALL_INPUT_BYTES, default_workers

    small = tmp_path / "a.txt"
    small.write_text("The minister met the ambassador in Paris on Monday.\n")
    large = tmp_path / "b.jsonl"
    large.write_bytes(b"x" * (SMALL_INPUT_BYTES + 1))
    assert default_workers([str(small), str(small)]) == 0
    assert default_workers([str(small), str(large)]) is None  # all inputs together
    assert default_workers(["-"]) is None and default_workers([str(tmp_path)]) is None  # stdin, a folder
