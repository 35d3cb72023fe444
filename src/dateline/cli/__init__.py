"""The ``dateline`` command: a thin layer over the library.

Exit codes: 0 everything processed; 1 some documents failed (they are listed
and kept in the store's failures table); 2 bad usage; 3 a fatal error (the
store is locked or unreadable, the model is missing, the data is not there).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline import __version__
from dateline.errors import DatelineError, UsageError
from dateline.records import QUOTE_KINDS

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2
EXIT_FATAL = 3

DEFAULT_DB = "dateline.duckdb"
#: Failures listed at the end of a run; the rest are in the store's failures table.
MAX_LISTED_FAILURES = 20

EPILOG = """exit codes: 0 all processed, 1 some documents failed (listed, and kept in the
failures table), 2 bad usage, 3 fatal error (store locked, model or data missing)."""


def _add_run(sub: Any) -> None:
    p = sub.add_parser(
        "run",
        help="process news files into the DuckDB store (and/or a JSONL file)",
        description="Read inputs (.txt, .html[.gz], .warc[.gz], .jsonl, directories, or - for stdin), "
        "code actors, dates, places, events and quotes, and store them. Articles already stored are "
        "skipped, so a run that was stopped can simply be started again.",
        epilog=EPILOG,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories (recursive) or - for stdin; "
                   "a directory's files of no known format are listed as not read")
    p.add_argument("--db", default=None, help=f"DuckDB file to write (default: {DEFAULT_DB} unless --out is given)")
    p.add_argument("--out", type=Path, default=None, help="also write contract JSON, one article a line, to this file")
    p.add_argument("--published", default=None, metavar="YYYY-MM-DD",
                   help="publication date for inputs that do not declare one (anchors 'last month', 'on Monday')")
    p.add_argument("--published-overrides", action="store_true",
                   help="use the --published date even for inputs that declare their own")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes, each loading the model once (default 1, beside the process that reads "
                   "and writes, or 0 for files under 32 KB in all; 0: everything in one process); with --engine "
                   "ray, actors (default: one per cluster CPU but one)")
    p.add_argument("--engine", choices=["local", "ray"], default="local", help="where to run (default local)")
    p.add_argument("--address", default=None, help="Ray cluster address for --engine ray (default: start a local one)")
    p.add_argument("--force", action="store_true", help="reprocess articles that are already stored")
    p.add_argument("--no-dedup", action="store_true", help="do not look for near-duplicate articles")
    p.add_argument("--no-stories", action="store_true",
                   help="do not link stored articles into stories and their events into instances")
    p.add_argument("--stages", default=None, help="comma-separated stages to run (default: all)")
    p.add_argument("--batch-size", type=int, default=None, help="articles per batch (and per store transaction)")
    p.add_argument("--max-bytes", default=None, metavar="SIZE",
                   help="largest document (file, JSONL line, WARC record) to read, e.g. 50MB or 2GB; "
                   "larger ones fail (default 20MB)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_pipeline_options(p)


#: Environment variables that give ``--lexicon`` its defaults (a user file merged over a language file).
LEXICON_ENV = {
    "actors": "DATELINE_ACTORS",
    "boilerplate": "DATELINE_BOILERPLATE",
    "events": "DATELINE_EVENT_LEXICON",
    "places": "DATELINE_PLACES",
    "quotes": "DATELINE_QUOTES_LEXICON",
    "times": "DATELINE_TIMES_DATA",
}


def _add_pipeline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", default="en",
                   help="language of inputs that declare none (default en; see 'dateline stages')")
    p.add_argument("--lexicon", action="append", default=[], metavar="NAME=FILE",
                   help="merge a JSON file over a language data file (actors, boilerplate, events, quotes, times); "
                   "repeatable; defaults from " + ", ".join(f"${v}" for v in LEXICON_ENV.values()))
    p.add_argument("--set", action="append", default=[], metavar="STAGE.SETTING=VALUE", dest="settings",
                   help="a stage setting, e.g. events.min_confidence=0.5 (values are JSON, else text); repeatable; "
                   "'dateline stages' lists them")


def _add_store_commands(sub: Any) -> None:
    p = sub.add_parser("articles", help="list and search stored articles with their ids, newest first")
    p.add_argument("words", nargs="*", metavar="WORD",
                   help="only articles holding every word (in the title or text); omit for all")
    p.add_argument("--limit", type=int, default=20, help="most articles to print (default 20)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = sub.add_parser("show", help="print one stored article as contract JSON")
    p.add_argument("article_id", help="the article id, or enough of its start to name one article "
                   "(see 'dateline articles')")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")

    p = sub.add_parser("quotes", help="what an actor said: stored quotes by speaker, kind and words")
    p.add_argument("speaker", nargs="?", default=None,
                   help="actor key (e.g. donald-trump.usa), actor id, or part of the name as written; omit for all")
    p.add_argument("--kind", choices=QUOTE_KINDS, default=None,
                   help="speech (said, told, wrote), stance (believes, plans, supports) or act (sentenced, "
                        "abolished); default all")
    p.add_argument("--words", default=None, help="only quotes containing these words")
    p.add_argument("--limit", type=int, default=50, help="most quotes to print, newest articles first (default 50)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = sub.add_parser("stats", help="summarize a store: articles, events by type, top actors, failures")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")

    p = sub.add_parser("upgrade", help="bring a store written by an older dateline to this version, in place")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")

    p = sub.add_parser("export", help="export a store to JSONL, CSV, Parquet, POLECAT's layout or dyad counts")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "polecat", "dyads"], default=None,
                   help="output format (default jsonl)")
    p.add_argument("--out", type=Path, default=None,
                   help="a .jsonl file for jsonl; a folder (one file per table) for csv and parquet; a .tsv file for "
                   "polecat; a .csv, .tsv or .parquet file for dyads")
    _add_export_options(p)

    p = sub.add_parser("serve", help="explore a store in the browser and over a REST API (also while a run "
                       "adds to it)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="another host name the page and API answer to (a proxy's, a DNS name); repeatable")
    p.add_argument("--refresh", type=float, default=5.0, metavar="SECONDS",
                   help="look for articles a running 'dateline run' added this often (default 5; 0: never)")


def _add_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--describe", action="store_true",
                   help="print the data dictionary (every column of the --format given, or of all) and exit")
    p.add_argument("--by", choices=["week", "month", "year"], default="month", help="dyads: period of a row")
    p.add_argument("--level", choices=["country", "actor"], default="country",
                   help="dyads: sides are countries (ISO-3) or actors (actor keys)")
    p.add_argument("--status", default="occurred,planned",
                   help="dyads: comma-separated event statuses to count (default occurred,planned)")
    p.add_argument("--undated", choices=["skip", "publication"], default="skip",
                   help="dyads: events the article does not date are left out (skip), or dated by the article's "
                   "publication date, counted in dated_by_publication")


def _add_parse_cache(p: argparse.ArgumentParser) -> None:
    p.add_argument("--parse-cache", type=Path, default=os.environ.get("DATELINE_PARSE_CACHE") or None, metavar="DIR",
                   help="keep spaCy parses of the gold texts in DIR and reuse them (default $DATELINE_PARSE_CACHE; "
                   "none when unset)")


def _add_measure_commands(sub: Any) -> None:
    from dateline.evaluation import TASKS

    p = sub.add_parser("eval", help="score a stage on public gold data")
    p.add_argument("task", choices=sorted(TASKS), help="what to evaluate")
    p.add_argument("--data", type=Path, default=None,
                   help="the gold data folder (default: the task's folder under $DATELINE_SHARED or ../shared)")
    p.add_argument("--limit", type=int, default=None, help="evaluate on the first N documents only")
    p.add_argument("--held-out", action="store_true",
                   help="quotes: score only the articles 'dateline train' holds out of the train split (every 10th, "
                   "in name order); pass the train split with --data")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    _add_parse_cache(p)

    from dateline.training import TASKS as TRAINING

    p = sub.add_parser("train", help="train a stage's learned model from labelled data")
    p.add_argument("task", choices=sorted(TRAINING), help="what to train")
    p.add_argument("--data", type=Path, default=None,
                   help="the training data folder (default: the task's folder under $DATELINE_SHARED or ../shared)")
    p.add_argument("--out", type=Path, default=None,
                   help="folder for the model and its card (default: where the stage loads it from)")
    p.add_argument("--seed", type=int, default=0,
                   help="random seed (default 0): the same data and seed give the same model")
    _add_parse_cache(p)

    sub.add_parser("stages", help="list the stages, what each needs and adds, and their settings")

    p = sub.add_parser("bench", help="measure throughput and memory against bare spaCy")
    p.add_argument("--n", type=int, default=None,
                   help="articles to process (the corpus is cycled; default 500, or 150 and 1000 with --end-to-end)")
    p.add_argument("--corpus", type=Path, default=None,
                   help="JSONL corpus (default ../shared/corpora/wikinews.jsonl, else the bundled sample)")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes for the full pipeline (default 1), or Ray actors with --engine ray "
                   "(default 2, compared with one)")
    p.add_argument("--end-to-end", action="store_true",
                   help="time whole processes as a user runs them: 'dateline run FILE --db NEW' against a script "
                   "that loads the model and runs nlp.pipe, and their start-up on one article")
    p.add_argument("--repeat", type=int, default=1,
                   help="with --end-to-end, run each pair this many times in turn and report the fastest of each "
                   "(default 1)")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="ray: the full pipeline on Ray with one actor, then with --workers actors")
    p.add_argument("--address", default=None, help="Ray cluster address for --engine ray (default: a local Ray)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Turn raw news into evidence-linked event data: PLOVER events, quotes, actors, dates "
        "and places, every field linked to the sentence that supports it.",
        epilog="'dateline COMMAND --help' describes a command; 'dateline run --help' lists the exit codes.",
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens (to stderr)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_run(sub)
    _add_store_commands(sub)
    _add_measure_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    from dateline.cli import _commands, _store_commands

    name = f"cmd_{args.command}"
    handler = getattr(_commands, name, None) or getattr(_store_commands, name)
    try:
        code: int = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
    except UsageError as exc:
        print(f"dateline {args.command}: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except DatelineError as exc:
        print(f"dateline {args.command}: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("interrupted: what was stored so far is kept; run the same command again to finish", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`dateline show ID | head`): stop quietly. Python would
        # complain again when it flushes stdout at exit, so stdout points at nothing from here on.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_OK
    return code


#: Characters a terminal may act on instead of showing: C0 and C1 controls (escape sequences start
#: with ESC or CSI) but tab and newline, and the bidirectional overrides that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print to a terminal: control characters from article text or file names become U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", text)


def print_json(data: Any) -> None:
    """``data`` as JSON on stdout; characters a terminal acts on are written as \\u escapes (the same JSON)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")

