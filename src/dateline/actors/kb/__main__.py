"""``python -m dateline.actors.kb build --sources DIR --out FILE``: build the actor knowledge base."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline.actors.kb import build
from dateline.errors import DatelineError

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "actors" / "kb.json.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.actors.kb", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("build", help="build the knowledge base from a folder of raw source files")
    run.add_argument("--sources", type=Path, required=True,
                     help="folder with one sub-folder per source (see data/actors/sources.json) and MANIFEST.tsv")
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the file to write (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    try:
        summary = build(args.sources, args.out)
    except DatelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {summary.people} people, {summary.organizations} organizations, "
          f"{summary.names} names, {summary.bytes / 1e6:.1f} MB")
    if summary.unknown_countries:
        print("country names not resolved (their rows were left out): " + "; ".join(summary.unknown_countries),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
