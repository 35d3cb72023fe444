"""The subcommands that read a store: list, show and search its articles and quotes, summarize, upgrade,
export and serve it (the CLI's parsing lives in :mod:`dateline.cli`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

from dateline.cli import EXIT_FAILURES, EXIT_OK, print_json, printable
from dateline.cli._commands import console, table_console
from dateline.errors import UsageError
from dateline.records import EVENT_STATUSES

if TYPE_CHECKING:
    from dateline.store import DyadOptions
    from dateline.store._dyads import LeftOut


#: How long a command that reads a store waits for a running `dateline run` to finish writing a batch.
READ_WAIT_SECONDS = 30.0


def _open_store(db: str) -> Any:
    from dateline.errors import StoreError
    from dateline.store import Store

    if not Path(db).exists():
        raise StoreError(f"no store at {db}: create one with 'dateline run INPUT --db {db}'")
    return Store(Path(db), read_only=True, wait=READ_WAIT_SECONDS)


def cmd_articles(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    with _open_store(args.db) as store:
        found = store.find_articles(args.words, limit=args.limit)
    if args.json:
        print_json(found)
    else:
        table = Table(title=f"articles ({len(found)}{' shown' if len(found) == args.limit else ''})")
        table.add_column("id", no_wrap=True)
        table.add_column("published", no_wrap=True)
        table.add_column("title")
        table.add_column("events", justify="right", no_wrap=True)
        table.add_column("quotes", justify="right", no_wrap=True)
        for a in found:
            title = a["title"] or a["source"]
            if a["duplicate_of"]:
                title = f"{title} (near-duplicate of {a['duplicate_of']})"
            table.add_row(*(escape(printable(str(v))) for v in (a["id"], a["published"] or "", title, a["n_events"],
                                                                  a["n_quotes"])))
        table_console().print(table)
    if not found:
        console.print("no articles matched" + (" every word" if args.words else ""))
    return EXIT_OK if found else EXIT_FAILURES


def cmd_show(args: argparse.Namespace) -> int:
    with _open_store(args.db) as store:
        article = store.article(args.article_id)
        candidates = [] if article is not None else store.ids_starting(args.article_id)
        if len(candidates) == 1:
            article = store.article(candidates[0])
    if article is None:
        shown = printable(repr(args.article_id))
        if candidates:
            console.print(f"{shown} starts {'at least ' if len(candidates) == 10 else ''}{len(candidates)} ids: "
                          f"{', '.join(candidates)}; give more of it", highlight=False)
        else:
            console.print(f"no article {shown} in {args.db} (list ids with: dateline articles --db {args.db})",
                          highlight=False)
        return EXIT_FAILURES
    print_json(article)
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    with _open_store(args.db) as store:
        found = store.quotes(args.speaker, kind=args.kind, words=args.words, limit=args.limit)
    if args.json:
        print_json(found)
    else:
        by = f" by {escape(printable(args.speaker))}" if args.speaker else ""
        table = Table(title=f"quotes{by} ({len(found)})", show_lines=True)
        table.add_column("published", no_wrap=True)
        table.add_column("speaker", ratio=1)
        table.add_column("cue", max_width=14)
        table.add_column("kind", no_wrap=True)
        table.add_column("quote", ratio=3)  # the words are what the reader came for
        table.add_column("article", ratio=2)
        for q in found:
            text = f"“{q['text']}”" if q["direct"] else q["text"]
            kind = f"{q['kind']}, negated" if q["negated"] else q["kind"]  # "did not say ...": a denial, not a claim
            table.add_row(*(escape(printable(str(v or ""))) for v in (
                q["published"], q["speaker"], q["cue"], kind, text, q["title"] or q["article_id"])))
        table_console().print(table)
    if not found:
        console.print("no quotes matched (speakers are matched by actor key, id or part of the name)")
    return EXIT_OK if found else EXIT_FAILURES


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_store(args.db) as store:
        stats = store.stats()
    if args.json:
        print_json(stats)
        return EXIT_OK
    out = table_console()
    for key, value in stats.items():
        if isinstance(value, dict):
            table = Table(title=key, min_width=len(key) + 4)
            table.add_column("name")
            table.add_column("count", justify="right", no_wrap=True)
            for name, count in value.items():
                table.add_row(escape(printable(str(name))), escape(_cell(count)))
            out.print(table)
        elif isinstance(value, list):
            table = Table(title=key, min_width=len(key) + 4)
            rows = [r if isinstance(r, dict) else {"value": r} for r in value]
            for column in rows[0] if rows else []:
                table.add_column(str(column), no_wrap=column in ("key", "country", "articles"))
            for row in rows:
                table.add_row(*(escape(printable(_cell(v))) for v in row.values()))
            out.print(table)
        else:
            out.print(f"[bold]{key}[/bold]: {escape(printable(_cell(value)))}")
    return EXIT_OK


def cmd_upgrade(args: argparse.Namespace) -> int:
    from dateline.errors import StoreError
    from dateline.store import Store
    from dateline.store._schema import SCHEMA_VERSION

    if not Path(args.db).exists():
        raise StoreError(f"no store at {args.db}: create one with 'dateline run INPUT --db {args.db}'")
    with Store(Path(args.db), wait=READ_WAIT_SECONDS):
        pass
    console.print(f"{printable(args.db)} is at store schema version {SCHEMA_VERSION}")
    return EXIT_OK


def _cell(value: object) -> str:
    """A value as a table cell: nothing for a missing one (an actor with no country), never 'None'."""
    return "" if value is None else str(value)


def cmd_export(args: argparse.Namespace) -> int:
    from dateline.store import DyadOptions

    if args.describe:
        from dateline.store._dictionary import describe

        print(describe(args.format), end="")
        return EXIT_OK
    if args.out is None:
        raise UsageError("export needs --out (a file or folder to write), or --describe")
    statuses = tuple(s.strip() for s in args.status.split(",") if s.strip())
    unknown = sorted(set(statuses) - set(EVENT_STATUSES))
    if unknown or not statuses:
        raise UsageError(f"--status takes statuses among {', '.join(EVENT_STATUSES)}; got {args.status!r}")
    dyads = DyadOptions(by=args.by, level=args.level, statuses=statuses, undated=args.undated)  # type: ignore[arg-type]
    with _open_store(args.db) as store:
        paths = store.export(args.format or "jsonl", args.out, dyads)
        if args.format == "dyads":
            from dateline.store._dyads import fetcher, left_out

            _print_left_out(left_out(fetcher(store.con), dyads), dyads)
    for path in paths:
        console.print(f"wrote {path}")
    return EXIT_OK


def _print_left_out(counts: LeftOut, options: DyadOptions) -> None:
    console.print(f"counted {counts.counted} events ({', '.join(options.statuses)}) by {options.by}; left out: "
                  f"{counts.undated} with no date of their own, {counts.coarser} dated coarser than a {options.by} "
                  f"(or with no calendar place, as XXXX-07-07), "
                  f"{counts.no_pair} with no {options.level} on one side")


def cmd_serve(args: argparse.Namespace) -> int:
    from dateline.serve.app import serve

    if not Path(args.db).exists():
        from dateline.errors import StoreError

        raise StoreError(f"no store at {args.db}: create one with 'dateline run INPUT --db {args.db}'")
    if args.refresh < 0:
        raise UsageError("--refresh takes seconds (0 or more)")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        console.print(f"[yellow]warning:[/yellow] binding to {args.host}: the store is readable from other machines")
    serve(Path(args.db), args.host, args.port, refresh=args.refresh, extra_hosts=args.allow_host)
    return EXIT_OK
