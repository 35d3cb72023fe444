"""What each ``dateline`` subcommand does (the CLI's parsing lives in :mod:`dateline.cli`): run, stages, eval,
train and bench here; the commands that read a store in :mod:`dateline.cli._store_commands`."""

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
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from dateline._paths import shared_root
from dateline.cli import DEFAULT_DB, EXIT_FAILURES, EXIT_OK, MAX_LISTED_FAILURES, print_json, printable
from dateline.errors import UsageError
from dateline.records import Article, Failure

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


def table_console() -> Console:
    """The console for tables on stdout: a terminal's own width, or wide enough that piped rows never wrap."""
    return Console() if sys.stdout.isatty() else Console(width=PIPED_WIDTH, no_color=True)


#: Width of tables written to a file or a pipe (rows longer than this wrap).
PIPED_WIDTH = 1000


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
        table_console().print(table)
    return EXIT_OK
