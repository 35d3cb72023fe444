"""The shape every ``python -m dateline.<package> build --sources DIR [--out FILE]`` command shares.

A knowledge base or table that dateline ships is made from a folder of raw source files by a project command;
:func:`build_main` parses its arguments, runs the package's builder and reports what it wrote, or a
:class:`~dateline.errors.DatelineError` as a one-line error and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from dateline.errors import DatelineError

__all__ = ["build_main"]

#: Builds from the sources folder into the output file and returns the line that says what it wrote.
Builder = Callable[[Path, Path], str]


def build_main(argv: list[str] | None, *, prog: str, description: str | None, what: str, sources_help: str,
               default_out: Path, builder: Builder) -> int:
    """Run a ``build`` command: ``what`` says what it builds, ``sources_help`` what the folder holds."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("build", help=f"build {what} from a folder of raw source files")
    run.add_argument("--sources", type=Path, required=True, help=sources_help)
    run.add_argument("--out", type=Path, default=default_out, help=f"the file to write (default {default_out})")
    args = parser.parse_args(argv)
    try:
        wrote = builder(args.sources, args.out)
    except DatelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {wrote}")
    return 0
