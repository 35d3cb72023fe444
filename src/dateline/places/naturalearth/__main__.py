"""``python -m dateline.places.naturalearth build --sources DIR``: build the natural-features table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline.errors import DatelineError
from dateline.places.naturalearth import build, write

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "places" / "features.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.places.naturalearth", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("build", help="build the table from a folder of Natural Earth GeoJSON files")
    run.add_argument("--sources", type=Path, required=True,
                     help="folder with the GeoJSON files and MANIFEST.tsv (repo, commit, path of each)")
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the file to write (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    try:
        table = build(args.sources, progress=lambda line: print(line, file=sys.stderr))
        size = write(table, args.out)
    except DatelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {len(table['rows'])} features, {size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
