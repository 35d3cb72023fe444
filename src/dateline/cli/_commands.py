"""What each ``dateline`` subcommand does (the CLI's parsing lives in :mod:`dateline.cli`)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from dateline._paths import shared_root
from dateline.cli import DEFAULT_DB, EXIT_FAILURES, EXIT_OK, MAX_LISTED_FAILURES, print_json, printable
from dateline.errors import UsageError
from dateline.records import EVENT_STATUSES, Article, Failure

if TYPE_CHECKING:
    from dateline.store import DyadOptions
    from dateline.store._dyads import LeftOut

#: Stores and outputs are printed to stdout; progress and summaries go to stderr.
console = Console(stderr=True, soft_wrap=True)  # lines are not cut to a width: the terminal wraps them


def _parse_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise UsageError(f"{option} takes a date like 2017-07-07, got {value!r}") from None
    return value


def _lexicons(given: list[str]) -> dict[str, str]:
    """``--lexicon NAME=FILE`` options over the defaults of the environment variables."""
    from dateline.cli import LEXICON_ENV

    found = {name: os.environ[env] for name, env in LEXICON_ENV.items() if os.environ.get(env)}
    for item in given:
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise UsageError(f"--lexicon takes NAME=FILE, got {item!r}")
        found[name.strip()] = path.strip()
    return found


def _settings(given: list[str]) -> dict[str, dict[str, Any]]:
    """``--set STAGE.SETTING=VALUE`` options as the pipeline's per-stage config (values parsed as JSON, else text)."""
    config: dict[str, dict[str, Any]] = {}
    for item in given:
        key, sep, raw = item.partition("=")
        stage_name, dot, setting = key.strip().partition(".")
        if not sep or not dot or not stage_name or not setting:
            raise UsageError(f"--set takes STAGE.SETTING=VALUE (e.g. events.min_confidence=0.5), got {item!r}")
        try:
            value: Any = json.loads(raw)
        except ValueError:
            value = raw
        config.setdefault(stage_name, {})[setting] = value
    return config


def _stage_names(args: argparse.Namespace) -> tuple[str, ...]:
    from dateline.pipeline import DEFAULT_STAGES

    return DEFAULT_STAGES if args.stages is None else tuple(s.strip() for s in args.stages.split(",") if s.strip())


def pipeline_settings(args: argparse.Namespace) -> Any:
    """The pipeline the ``run`` options describe, checked (a bad stage or setting is a usage error)."""
    from dateline.errors import PipelineError
    from dateline.pipeline import Pipeline

    try:
        return Pipeline(_stage_names(args), _settings(args.settings), args.language, _lexicons(args.lexicon)).settings
    except PipelineError as exc:
        raise UsageError(str(exc)) from exc


def cmd_stages(args: argparse.Namespace) -> int:
    import dataclasses

    from dateline import lang
    from dateline.pipeline import registered

    for spec in registered().values():
        needs = ", ".join(sorted(spec.requires))
        adds = ", ".join(sorted(spec.assigns))
        console.print(f"[bold]{spec.name}[/bold]  {escape(spec.help)}  (needs {needs}; adds {adds})", highlight=False)
        for f in dataclasses.fields(spec.config):
            default = f.default if f.default is not dataclasses.MISSING else None
            console.print(f"    {spec.name}.{f.name} = {default!r}: {escape(str(f.metadata.get('help', '')))}",
                          highlight=False)
    console.print(f"languages: {', '.join(lang.available())}", highlight=False)
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from dateline.ingest import STDIN, parse_size
    from dateline.run.engines import make_engine

    if args.workers is not None and args.workers < (1 if args.engine == "ray" else 0):
        raise UsageError("--workers must be at least 1 (0 for everything in one process, without --engine ray)")
    if args.batch_size is not None and args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.published_overrides and not args.published:
        raise UsageError("--published-overrides needs --published DATE")
    options_kw: dict[str, Any] = {
        "workers": args.workers, "engine": args.engine, "ray_address": args.address, "force": args.force,
        "published": _parse_date(args.published, "--published"), "published_overrides": args.published_overrides,
        "dedup": not args.no_dedup,
        "stories": not args.no_stories,
    }
    if args.batch_size is not None:
        options_kw["batch_size"] = args.batch_size
    if args.max_bytes is not None:
        options_kw["max_bytes"] = parse_size(args.max_bytes, "--max-bytes")
    missing = [name for name in args.inputs if name != STDIN and not os.path.lexists(name)]
    if missing:  # before any store is created
        raise UsageError(f"no such file or directory: {', '.join(map(repr, missing))}; check the path")
    workers = args.workers if args.workers is not None or args.engine != "local" else default_workers(args.inputs)
    # The workers start first: they load the model while this process loads the stages and reads.
    with make_engine(args.engine, workers, args.address, preload="annotate" in _stage_names(args)) as engine:
        options_kw["pipeline"] = pipeline_settings(args)
        return _run(args, options_kw, engine)


#: Inputs this small (in bytes, all of them together) run in one process: a worker process takes longer to
#: start (importing spaCy and loading the model: the bare script's start-up, 4.7 s on the project's shared
#: 2-core machine) than parsing them takes (spaCy parsed 795 KB of Wikinews text in 14.7 s of CPU there, so
#: 32 KB in about 0.6 s); set from those two measurements (`dateline bench --end-to-end`), not tuned further.
SMALL_INPUT_BYTES = 32_000


def default_workers(inputs: list[str]) -> int | None:
    """0 (everything in this process) for a few small files; else None, the engine's default of one worker.

    Only regular files are measured: a pipe, standard input or a directory may hold any amount.
    """
    from dateline.ingest import STDIN

    total = 0
    for name in inputs:
        if name == STDIN or not os.path.isfile(name):
            return None
        total += os.path.getsize(name)
    return 0 if total <= SMALL_INPUT_BYTES else None


def _run(args: argparse.Namespace, options_kw: dict[str, Any], engine: Any) -> int:
    from dateline.ingest import count_documents
    from dateline.run.runner import RunOptions, run

    db = Path(args.db) if args.db else (None if args.out else Path(DEFAULT_DB))
    total = None if args.quiet else count_documents(list(args.inputs))
    with _progress(args.quiet) as progress:
        task = progress.add_task("processing", total=total, failed=0, articles=0)
        counts = {"articles": 0, "failed": 0}

        def on_result(item: Any) -> None:
            counts["articles"] += isinstance(item, Article)
            counts["failed"] += isinstance(item, Failure)
            progress.update(task, advance=1, articles=counts["articles"], failed=counts["failed"])

        summary = run(list(args.inputs), RunOptions(**options_kw), db=db, jsonl_out=args.out, progress=on_result,
                      engine=engine)
    _print_summary(summary, db, args.out)
    return EXIT_FAILURES if summary.failed else EXIT_OK


class _RateColumn(ProgressColumn):
    """Articles processed per second since the run started: the rate the summary reports too."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed
        if not elapsed:
            return Text("")
        return Text(rate_text(task.fields.get("articles", 0), elapsed))


def rate_text(articles: int, seconds: float) -> str:
    """How fast articles went: per second, or seconds an article when that would show as 0.0 a second."""
    rate = articles / seconds if seconds else 0.0
    if articles and rate < 0.05:
        return f"{seconds / articles:,.0f} s an article"
    return f"{rate:.1f} articles/s"


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet,
        transient=False,
    )


def _print_summary(summary: Any, db: Path | None, out: Path | None) -> None:
    table = Table(title="dateline run", show_header=False, box=None)
    table.add_row("articles processed", str(summary.articles))
    table.add_row("already stored (skipped)", str(summary.skipped))
    table.add_row("near-duplicates", str(summary.duplicates))
    table.add_row("failed", f"[red]{summary.failed}[/red]" if summary.failed else "0")
    if summary.not_read_count:
        table.add_row("files not read", str(summary.not_read_count))
    words_rate = summary.words / summary.seconds if summary.seconds else 0.0
    rate = rate_text(summary.articles, summary.seconds)
    table.add_row("time", f"{summary.seconds:.1f} s ({rate}, {words_rate:.0f} words/s)")
    console.print(table)
    for failure in summary.failures[:MAX_LISTED_FAILURES]:
        message = failure.message.removeprefix(f"{failure.source}: ")
        line = escape(printable(f"{failure.source} ({failure.stage}): {message}"))
        console.print(f"  [red]✗[/red] {line}", highlight=False)
    if summary.failed > MAX_LISTED_FAILURES:
        console.print(f"  … and {summary.failed - MAX_LISTED_FAILURES} more (see the failures table)")
    for path, reason in summary.not_read[:MAX_LISTED_FAILURES]:
        console.print(f"  [yellow]-[/yellow] {escape(printable(f'{path}: {reason}'))}", highlight=False)
    if summary.not_read_count > MAX_LISTED_FAILURES:
        console.print(f"  … and {summary.not_read_count - MAX_LISTED_FAILURES} more files not read")
    if db is not None:
        where = escape(printable(str(db)))
        console.print(f"\nStored in [bold]{where}[/bold]. Explore it:", highlight=False)
        for line in (f"dateline articles --db {where}              # ids, titles; add words to search",
                     f"dateline show ARTICLE_ID --db {where}",
                     f"dateline stats --db {where}",
                     f"dateline quotes SPEAKER --db {where}   # what an actor said (a key from stats, or a name)",
                     f"dateline serve --db {where}      # then open http://127.0.0.1:8000"):
            console.print(f"  {line}", highlight=False)
    if out is not None:
        console.print(f"Contract JSON written to [bold]{escape(printable(str(out)))}[/bold]", highlight=False)


#: How long a command that reads a store waits for a running `dateline run` to finish writing a batch.
READ_WAIT_SECONDS = 30.0


def _open_store(db: str) -> Any:
    from dateline.errors import StoreError
    from dateline.store import Store

    if not Path(db).exists():
        raise StoreError(f"no store at {db}: create one with 'dateline run INPUT --db {db}'")
    return Store(Path(db), read_only=True, wait=READ_WAIT_SECONDS)


def _out() -> Console:
    """The console for tables on stdout: a terminal's own width, or wide enough that piped rows never wrap."""
    return Console() if sys.stdout.isatty() else Console(width=PIPED_WIDTH, no_color=True)


#: Width of tables written to a file or a pipe (rows longer than this wrap).
PIPED_WIDTH = 1000


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
        _out().print(table)
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
        _out().print(table)
    if not found:
        console.print("no quotes matched (speakers are matched by actor key, id or part of the name)")
    return EXIT_OK if found else EXIT_FAILURES


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_store(args.db) as store:
        stats = store.stats()
    if args.json:
        print_json(stats)
        return EXIT_OK
    out = _out()
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


def cmd_eval(args: argparse.Namespace) -> int:
    from dateline.errors import ResourceError
    from dateline.evaluation import TASKS

    module = importlib.import_module(TASKS[args.task])
    data = args.data or (shared_root() / module.DEFAULT_DATA)
    if not Path(data).exists():
        raise ResourceError(f"gold data for {args.task!r} not found at {data}: pass --data PATH")
    from dateline.evaluation._parses import parse_cache

    options = {"held_out": True} if args.held_out else {}
    if options and "held_out" not in inspect.signature(module.evaluate).parameters:
        raise UsageError(f"--held-out: {args.task!r} has no held-out articles; it is for 'quotes'")
    started = time.perf_counter()
    with parse_cache(args.parse_cache):
        report = module.evaluate(Path(data), limit=args.limit, **options)
    if args.json:
        print_json({"task": report.task, "data": report.data, "metrics": report.metrics, "notes": list(report.notes),
                    **({"details": report.details} if report.details else {})})
        return EXIT_OK
    table = Table(title=f"dateline eval {report.task} — {report.data}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in report.metrics.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    out = Console()
    out.print(table)
    for note in report.notes:
        out.print(f"  {note}")
    out.print(f"  ({time.perf_counter() - started:.1f} s)")
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    from dateline.errors import ResourceError
    from dateline.training import TASKS

    module = importlib.import_module(TASKS[args.task])
    data = args.data or (shared_root() / module.DEFAULT_DATA)
    if not Path(data).exists():
        raise ResourceError(f"training data for {args.task!r} not found at {data}: pass --data PATH")
    from dateline.evaluation._parses import parse_cache

    started = time.perf_counter()
    with parse_cache(args.parse_cache):
        report = module.train(Path(data), args.out, seed=args.seed)
    out = Console()
    for path in report.artifacts:
        out.print(f"wrote {path}", highlight=False)
    for name, value in report.metrics.items():
        out.print(f"  {name}: {value:.3f}" if isinstance(value, float) else f"  {name}: {value}", highlight=False)
    for note in report.notes:
        out.print(f"  {note}", highlight=False)
    out.print(f"  ({time.perf_counter() - started:.1f} s)")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from dateline.evaluation import bench as benchmark

    if args.n is not None and args.n < 1:
        raise UsageError("--n must be at least 1")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.address is not None and args.engine != "ray":
        raise UsageError("--address needs --engine ray")
    if args.end_to_end and args.engine == "ray":
        raise UsageError("--end-to-end times local runs; measure Ray with --engine ray alone")
    corpus = args.corpus
    if corpus is not None and not corpus.exists():
        raise UsageError(f"--corpus {corpus} does not exist")
    report: Any
    if args.end_to_end:
        sizes = (args.n,) if args.n else tuple(benchmark.GOAL_END_TO_END)
        if args.repeat < 1:
            raise UsageError("--repeat must be at least 1")
        report = benchmark.end_to_end(sizes, corpus, repeat=args.repeat)
    elif args.engine == "ray":
        report = benchmark.ray_scaling(args.n or 1000, corpus, args.workers or 2, args.address)
    else:
        report = benchmark.bench(n=args.n or 500, corpus=corpus, workers=args.workers or 1)
    data = asdict(report)
    if args.json:
        print_json(data)
    else:
        table = Table(title="dateline bench", show_header=False)
        for key, value in data.items():
            table.add_row(key, json.dumps(value, default=str) if isinstance(value, dict | list | tuple) else str(value))
        _out().print(table)
    return EXIT_OK
