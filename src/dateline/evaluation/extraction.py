"""Extraction evaluation: body text against the scrapinghub article-extraction benchmark.

The data folder holds ``ground-truth.json`` (``{id: {"articleBody", "url"}}``)
and ``html/<id>.html.gz``. Each page is scored twice:

- ``html.*``: the page as it is, read by :mod:`dateline.ingest` and cleaned as HTML;
- ``text.*``: the page first flattened to plain text, one line per block element
  (navigation, header, footer and aside text included, as a scraper keeps it),
  then cleaned as flattened text.

Scoring follows the benchmark: tokens are ``\\w+`` runs, shingles are runs of 4
tokens counted as a multiset; per page the true positives, false positives and
false negatives are divided by their sum (so a long page weighs no more than a
short one; a page with no shingles on either side counts as one true positive),
summed over pages, and precision, recall and F1 are computed from the sums.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import DatelineError
from dateline.evaluation import Report, f1
from dateline.records import Document

__all__ = ["DEFAULT_DATA", "Overlap", "evaluate", "flatten_html", "overlap", "score"]

DEFAULT_DATA = "eval/extraction/scrapinghub"

#: Tokens per shingle, as in the benchmark.
SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Overlap:
    """One page's shingle overlap, normalized so that ``tp + fp + fn == 1``."""

    tp: float
    fp: float
    fn: float


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text``."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def overlap(predicted: str, true: str) -> Overlap:
    """How the predicted body's shingles overlap the true body's, normalized per page."""
    pred, gold = shingles(predicted), shingles(true)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return Overlap(1.0, 0.0, 0.0)
    return Overlap(tp / total, fp / total, fn / total)


def score(overlaps: Iterable[Overlap]) -> dict[str, float]:
    """Precision, recall and F1 from the summed per-page overlaps."""
    tp = fp = fn = 0.0
    for item in overlaps:
        tp, fp, fn = tp + item.tp, fp + item.fp, fn + item.fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


# --- HTML to flattened text ---------------------------------------------------------------------

#: Elements whose content a reader never sees.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select")

#: Elements that start a new line in flattened text.
_BLOCKS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    )
)
_SPACE = re.compile(r"\s+")


def flatten_html(html: str) -> str:
    """The page as a scraper sees it: visible text, one line per block element.

    Navigation, header, footer and aside text are kept: telling them from the
    article is the cleaner's job.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in [e for e in root.iter(*_INVISIBLE)]:
        element.drop_tree()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACE.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag.lower() in _BLOCKS:
                flush()
            if tag and element.text:
                current.append(element.text)
        else:
            if tag.lower() in _BLOCKS:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    return "\n".join(lines)


# --- the evaluation ------------------------------------------------------------------------------


def evaluate(data: Path, limit: int | None = None) -> Report:
    """Score body extraction on the benchmark pages as HTML and as flattened text."""
    truth = _ground_truth(data)
    keys = sorted(truth)[:limit] if limit is not None else sorted(truth)
    html_scores: list[Overlap] = []
    text_scores: list[Overlap] = []
    failed = {"html": 0, "text": 0}
    for key in keys:
        html, url, gold = _page(data, key), truth[key]["url"], truth[key]["articleBody"]
        for setting, content, kind, scores in (
            ("html", html, "html", html_scores),
            ("text", flatten_html(html), "text", text_scores),
        ):
            body = _body(Document(key, f"{key}.{setting}", kind, content, url=url))  # type: ignore[arg-type]
            failed[setting] += body is None
            scores.append(overlap(body or "", gold))
    metrics: dict[str, float | int] = {"pages": len(keys)}
    for setting, scores in (("html", html_scores), ("text", text_scores)):
        metrics.update({f"{setting}.{name}": round(value, 4) for name, value in score(scores).items()})
        metrics[f"{setting}.failed"] = failed[setting]
    notes = ("token 4-gram overlap per page, normalized, summed over pages (scrapinghub benchmark method)",)
    return Report("extraction", str(data), metrics, notes)


def _ground_truth(data: Path) -> dict[str, dict[str, str]]:
    path = Path(data) / "ground-truth.json"
    try:
        truth = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatelineError(
            f"cannot read the extraction benchmark at {path}: {exc}; pass --data to the folder that holds "
            "ground-truth.json and html/"
        ) from exc
    return {key: value for key, value in truth.items() if isinstance(value, dict)}


def _page(data: Path, key: str) -> str:
    """The page's HTML, decoded the way ingest decodes it."""
    from dateline.ingest._decode import decode

    raw = gzip.decompress((Path(data) / "html" / f"{key}.html.gz").read_bytes())
    return decode(raw, source=key, html=True)


def _body(document: Document) -> str | None:
    from dateline.clean import clean

    try:
        return clean(document).text
    except DatelineError:
        return None
