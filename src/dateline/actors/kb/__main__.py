"""``python -m dateline.actors.kb build --sources DIR --out FILE``: build the actor knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline._build_command import build_main
from dateline.actors.kb import build

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "actors" / "kb.json.gz"


def _build(sources: Path, out: Path) -> str:
    summary = build(sources, out)
    if summary.unknown_countries:
        print("country names not resolved (their rows were left out): " + "; ".join(summary.unknown_countries),
              file=sys.stderr)
    return (f"{summary.people} people, {summary.organizations} organizations, {summary.names} names, "
            f"{summary.bytes / 1e6:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    return build_main(argv, prog="python -m dateline.actors.kb", description=__doc__,
                      what="the knowledge base", default_out=DEFAULT_OUT, builder=_build,
                      sources_help="folder with one sub-folder per source (see data/actors/sources.json) and "
                                   "MANIFEST.tsv")


if __name__ == "__main__":
    sys.exit(main())
