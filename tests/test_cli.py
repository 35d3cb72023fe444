"""The command line: help for everything, meaningful exit codes, and a real run end to end."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli import EXIT_FAILURES, EXIT_FATAL, EXIT_OK, EXIT_USAGE, build_parser, main
from dateline.sample import sample_path

ROOT = Path(__file__).resolve().parent.parent


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_option_has_help_and_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, sub in _subparsers().items():
        assert f"dateline {name}" in readme, f"README does not show 'dateline {name}'"
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, f"dateline {name}: {action.dest} has no help"
            for flag in action.option_strings:
                if flag.startswith("--"):
                    assert flag in readme, f"README does not document 'dateline {name} {flag}'"


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    assert "exit codes" in capsys.readouterr().out


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
    out = tmp_path / "export.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out)]) == EXIT_OK
    assert len(out.read_text().splitlines()) == 9
    # Running again stores nothing twice: everything is skipped.
    assert main(["run", str(sample_path()), "--db", str(db), "--quiet"]) == EXIT_OK


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
