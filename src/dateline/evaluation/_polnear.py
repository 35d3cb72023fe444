"""PolNeAR's attribution files read as gold attributions (brat standoff), for the quote evaluation and training.

The reader undoes one quirk of how the data is written: the New York Times
articles mark quotations with two apostrophes (''like this'', as in the NYT
archive), which no news page does; each pair becomes one double mark before the
text is parsed, and the gold offsets move with it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dateline import ids
from dateline.errors import InputError
from dateline.quotes._direct import MIN_DIRECT_SHARE, SegmentIndex
from dateline.quotes._marks import find_quoted
from dateline.quotes._types import Extent
from dateline.records import Article

__all__ = ["Gold", "GoldArticle", "Moved", "Ranges", "detokenize", "length", "load",
           "mostly_quoted", "read_ann", "split_dir"]

Ranges = tuple[Extent, ...]
Moved = Callable[[int], int]

#: Two apostrophes (or backticks) standing for one double quotation mark, as the NYT articles write them.
_DOUBLED_MARK = re.compile(r"''|``")


@dataclass(frozen=True)
class Gold:
    """One gold attribution relation: content, source and cue character ranges."""

    content: Ranges
    source: Ranges
    cue: Ranges
    direct: bool


def _unchanged(offset: int) -> int:
    return offset


def detokenize(raw: str) -> tuple[str, Moved]:
    """``raw`` with each doubled apostrophe or backtick as one double mark, and where each old offset went."""
    dropped = [m.start() + 1 for m in _DOUBLED_MARK.finditer(raw)]  # the second character of each pair
    if not dropped:
        return raw, _unchanged

    def moved(offset: int) -> int:
        return offset - bisect.bisect_left(dropped, offset)

    return _DOUBLED_MARK.sub('"', raw), moved


def _ranges(field: str, moved: Moved) -> Ranges:
    out = []
    for part in field.split(";"):
        start, end = part.split()[-2:]
        out.append(Extent(moved(int(start)), moved(int(end))))
    return tuple(out)


def read_ann(text: str, ann: str, inside: SegmentIndex | None = None, moved: Moved = _unchanged) -> list[Gold]:
    """Parse one brat standoff file into gold attributions (``inside``: the text's quotation marks; ``moved``:
    where the file's offsets lie in ``text``, when the reader changed it)."""
    spans: dict[str, Ranges] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            spans[fields[0]] = _ranges(fields[1].split(" ", 1)[1], moved)
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    inside = inside or SegmentIndex(find_quoted(text))
    gold = []
    for rel in relations:
        if rel.get("Content") not in spans:
            continue  # one dev relation has no content span: nothing to find
        content = spans[rel["Content"]]
        gold.append(Gold(content, spans.get(rel.get("Source", ""), ()), spans.get(rel.get("Cue", ""), ()),
                         mostly_quoted(inside, content)))
    return gold


def mostly_quoted(inside: SegmentIndex, ranges: Ranges) -> bool:
    """Whether at least half of ``ranges`` lies inside quotation marks: direct speech, for gold and predictions."""
    return sum(inside.coverage(s, e) for s, e in ranges) >= MIN_DIRECT_SHARE * length(ranges)


def length(a: Ranges) -> int:
    """How many characters ``a`` covers."""
    return sum(e - s for s, e in a)


def split_dir(data: Path, name: str = "dev") -> Path:
    """The folder of the split ``name`` under ``data`` (or ``data`` itself when it is a split)."""
    for candidate in (data / name, data):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise InputError(f"no PolNeAR {name} split under {data} (expected {name}/text and {name}/attributions); "
                     "pass --data")


@dataclass(frozen=True)
class GoldArticle:
    """One article of a split: its text as an article, the first annotator's attributions, where its quotation
    marks are, and the other annotators' attributions (when several marked it)."""

    article: Article
    gold: list[Gold]
    inside: SegmentIndex
    others: tuple[list[Gold], ...] = ()


def load(split: Path, limit: int | None = None) -> list[GoldArticle]:
    """The annotated articles of a PolNeAR split folder, in name order (the first ``limit``)."""
    out = []
    for path in sorted((split / "text").glob("*.txt"))[:limit]:
        anns = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text, moved = detokenize(path.read_text(encoding="utf-8"))
        inside = SegmentIndex(find_quoted(text))
        first, *rest = (read_ann(text, ann.read_text(encoding="utf-8"), inside, moved) for ann in anns)
        out.append(GoldArticle(Article(id=ids.document_id(text), source=str(path), text=text), first, inside,
                               tuple(rest)))
    return out
