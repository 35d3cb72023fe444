"""``python -m dateline.places.naturalearth build --sources DIR``: build the natural-features table."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline._build_command import build_main
from dateline.places.naturalearth import build, write

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "places" / "features.json"


def _build(sources: Path, out: Path) -> str:
    table = build(sources, progress=lambda line: print(line, file=sys.stderr))
    size = write(table, out)
    return f"{len(table['rows'])} features, {size / 1e3:.0f} kB"


def main(argv: list[str] | None = None) -> int:
    return build_main(argv, prog="python -m dateline.places.naturalearth", description=__doc__,
                      what="the table", default_out=DEFAULT_OUT, builder=_build,
                      sources_help="folder with the GeoJSON files and MANIFEST.tsv (repo, commit, path of each)")


if __name__ == "__main__":
    sys.exit(main())
